"""Messages of `portfolio profile`: what sets each segment apart, and the outcome per segment."""

EN: dict[str, str] = {
    "profile.report_title": "What sets each segment apart",
    "profile.segment_title": "{segment}: {count} customers ({share} of the portfolio)",
    "profile.characteristic": "Characteristic",
    "profile.in_segment": "In segment",
    "profile.in_portfolio": "Portfolio",
    "profile.lift": "Lift",
    "profile.score": "Score",
    "profile.median": "median {column}",
    "profile.nothing": "Nothing sets this segment apart.",
    "profile.empty_segment": "No customer in this segment.",
    "profile.outcome_title": "How often '{column}' happened, per segment",
    "profile.deciles_title": "'{column}' per tenth of the call list (1: called first)",
    "profile.deciles_note": "Does the ranking pay? The first tenth of the call list should hold "
    "fewer customers with '{column}' than the last.",
    "profile.decile": "Tenth",
    "profile.ranks": "Ranks",
    "profile.segment": "Segment",
    "profile.customers": "Customers",
    "profile.happened": "Happened",
    "profile.rate": "Rate",
    "profile.whole_portfolio": "Whole portfolio",
    "profile.outcome_unknown": "{count} customers with a blank '{column}' "
    "are left out of the rates.",
    "profile.left_out": "Columns left out: {columns}.",
    "profile.reason.id": "id",
    "profile.reason.name": "name",
    "profile.reason.outcome": "outcome",
    "profile.reason.criteria": "read by the criteria, see --all-columns",
    "profile.reason.date": "date",
    "profile.reason.empty": "empty",
    "profile.reason.constant": "one value",
    "profile.reason.too-many-values": "too many values",
    "profile.score_note": "Score: how far the segment stands from the portfolio "
    "(0.2 small, 0.5 medium, 0.8 and more large).",
    "profile.error.suffix": "cannot tell the format from '{name}': use a .json, .csv or .txt "
    "name, or pass --format",
    "profile.error.circular": "the criteria read '{column}', the --outcome column: checking "
    "criteria against an outcome they already read is circular; remove it from this rule or "
    "choose another --outcome column",
    "profile.error.top": "--top must be 1 or more (got {value})",
    "profile.error.outcome": "--outcome: {detail}",
    "profile.error.not_yes_no": "{source}: --outcome column '{column}' must hold yes/no, 1/0 or "
    "true/false, but row {row} holds '{value}'",
}

FR: dict[str, str] = {
    "profile.report_title": "Ce qui distingue chaque segment",
    "profile.segment_title": "{segment} : {count} clients ({share} du portefeuille)",
    "profile.characteristic": "Caractéristique",
    "profile.in_segment": "Dans le segment",
    "profile.in_portfolio": "Portefeuille",
    "profile.lift": "Rapport",
    "profile.score": "Écart",
    "profile.median": "médiane de {column}",
    "profile.nothing": "Rien ne distingue ce segment.",
    "profile.empty_segment": "Aucun client dans ce segment.",
    "profile.outcome_title": "Fréquence de « {column} » par segment",
    "profile.deciles_title": "« {column} » par dixième de la liste d’appels (1 : appelés d’abord)",
    "profile.deciles_note": "Le classement paie-t-il ? Le premier dixième de la liste d’appels "
    "devrait compter moins de clients avec « {column} » que le dernier.",
    "profile.decile": "Dixième",
    "profile.ranks": "Rangs",
    "profile.segment": "Segment",
    "profile.customers": "Clients",
    "profile.happened": "Survenu",
    "profile.rate": "Taux",
    "profile.whole_portfolio": "Tout le portefeuille",
    "profile.outcome_unknown": "{count} clients sans valeur dans « {column} » "
    "sont exclus des taux.",
    "profile.left_out": "Colonnes écartées : {columns}.",
    "profile.reason.id": "identifiant",
    "profile.reason.name": "nom",
    "profile.reason.outcome": "résultat observé",
    "profile.reason.criteria": "lue par les critères, voir --all-columns",
    "profile.reason.date": "date",
    "profile.reason.empty": "vide",
    "profile.reason.constant": "une seule valeur",
    "profile.reason.too-many-values": "trop de valeurs",
    "profile.score_note": "Écart : distance entre le segment et le portefeuille "
    "(0,2 faible, 0,5 moyen, 0,8 et plus fort).",
    "profile.error.suffix": "impossible de déduire le format de '{name}' : utilisez un nom en "
    ".json, .csv ou .txt, ou passez --format",
    "profile.error.circular": "les critères lisent '{column}', la colonne de --outcome : juger "
    "des critères sur un résultat qu'ils lisent déjà est circulaire ; retirez-la de cette règle "
    "ou choisissez une autre colonne pour --outcome",
    "profile.error.top": "--top doit valoir 1 ou plus (reçu {value})",
    "profile.error.outcome": "--outcome : {detail}",
    "profile.error.not_yes_no": "{source} : la colonne '{column}' de --outcome doit contenir "
    "oui/non, 1/0 ou true/false, mais la ligne {row} contient '{value}'",
}
