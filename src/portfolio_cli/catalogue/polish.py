"""Messages added while polishing: the `was` column of `classify --history`, the errors of
`portfolio profile`, and the hints of the expression checker that suggest a comparison fitting
the column's kind."""

EN: dict[str, str] = {
    "table.was": "was",
    "table.was_new": "new",
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
    "table.was": "avant",
    "table.was_new": "nouveau",
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
