"""Messages of the monthly run: `portfolio report`, `portfolio history` and the history columns."""

EN: dict[str, str] = {
    "report.title": "Customer portfolio — {date}",
    "report.nps": "NPS",
    "report.answers.one": "{count} answer",
    "report.answers.other": "{count} answers",
    "report.subtitle": "{source} · {count} customers · criteria: {criteria}",
    "report.change": "{change} since {date}",
    "report.change_points": "{change} points since {date}",
    "report.no_previous": "First snapshot in the history: next month shows what changed.",
    "report.no_history": (
        "No history kept: run with --history FILE every month to see the trend and who moved."
    ),
    "report.segments": "Segments",
    "report.criteria_problems": "Criteria met and problems found",
    "report.criteria_note": (
        "Green: customers meeting each criterion. Red: customers with each problem, "
        "compensated or not."
    ),
    "report.nps_by_segment": "NPS by segment",
    "report.nps_note": (
        "A satisfied segment with a worse NPS than the easy-to-satisfy one means the "
        "definition of satisfaction is off."
    ),
    "report.no_nps": "No NPS: name the column of 0-10 answers in listening.nps.",
    "report.trend": "Trend",
    "report.migration": "Who moved",
    "report.no_migration": "No earlier snapshot to compare with.",
    "report.priorities": "Top priorities this month: easy to satisfy, by rank",
    "report.unrecoverable": "Unrecoverable customers and why",
    "report.rank": "Rank",
    "report.customer": "Customer",
    "report.met": "Criteria met",
    "report.missing": "Criteria to win",
    "report.compensated": "Compensated problems",
    "report.reason": "Why",
    "report.more": "… and {count} more: portfolio classify lists them all.",
    "report.none": "None.",
    "report.checklist": "The five steps",
    "report.warning": "warning",
    "report.footer": "Written by portfolio {version}, as of {date}.",
    "report.wrote": "wrote {path}",
    "history.column.as_of": "Date",
    "history.column.total": "Customers",
    "history.column.satisfied": "Satisfied",
    "history.column.easy_to_satisfy": "Easy to satisfy",
    "history.column.unrecoverable": "Unrecoverable",
    "history.column.quality": "Quality",
    "history.column.nps": "NPS",
    "history.column.criteria": "Criteria file",
    "history.column.priority": "Rank",
    "history.column.id": "Id",
    "history.column.name": "Name",
    "history.column.previous_segment": "Before",
    "history.column.segment": "Now",
    "history.count.one": "{count} snapshot",
    "history.count.other": "{count} snapshots",
    "history.criteria_changed": (
        "The criteria file changed between snapshots (marked *): some movements come from "
        "the criteria, not from the customers."
    ),
    "history.migration_title": "From {start} to {end}",
    "history.before_after": "Before ↓ / now →",
    "history.moved_down": "Customers who moved down",
    "history.nobody_down": "Nobody moved down.",
    "history.new": "New",
    "history.lost": "Lost",
}

FR: dict[str, str] = {
    "report.title": "Portefeuille clients — {date}",
    "report.nps": "NPS",
    "report.answers.one": "{count} réponse",
    "report.answers.other": "{count} réponses",
    "report.subtitle": "{source} · {count} clients · critères : {criteria}",
    "report.change": "{change} depuis le {date}",
    "report.change_points": "{change} points depuis le {date}",
    "report.no_previous": (
        "Premier instantané de l’historique : le mois prochain montrera ce qui a changé."
    ),
    "report.no_history": (
        "Aucun historique : lancez chaque mois avec --history FICHIER pour voir l’évolution "
        "et qui a changé de segment."
    ),
    "report.segments": "Segments",
    "report.criteria_problems": "Critères remplis et problèmes relevés",
    "report.criteria_note": (
        "En vert : les clients qui remplissent chaque critère. En rouge : les clients qui ont "
        "chaque problème, compensé ou non."
    ),
    "report.nps_by_segment": "NPS par segment",
    "report.nps_note": (
        "Un segment « satisfait » dont le NPS est moins bon que celui des « faciles à "
        "satisfaire » indique que la définition de la satisfaction est à revoir."
    ),
    "report.no_nps": "Pas de NPS : indiquez la colonne des notes de 0 à 10 dans listening.nps.",
    "report.trend": "Évolution",
    "report.migration": "Qui a changé de segment",
    "report.no_migration": "Aucun instantané antérieur pour comparer.",
    "report.priorities": "Priorités du mois : clients faciles à satisfaire, par rang",
    "report.unrecoverable": "Clients irrécupérables et pourquoi",
    "report.rank": "Rang",
    "report.customer": "Client",
    "report.met": "Critères remplis",
    "report.missing": "Critères à gagner",
    "report.compensated": "Problèmes compensés",
    "report.reason": "Pourquoi",
    "report.more": "… et {count} de plus : portfolio classify les liste tous.",
    "report.none": "Aucun.",
    "report.checklist": "Les cinq étapes",
    "report.warning": "attention",
    "report.footer": "Rédigé par portfolio {version}, au {date}.",
    "report.wrote": "{path} écrit",
    "history.column.as_of": "Date",
    "history.column.total": "Clients",
    "history.column.satisfied": "Satisfaits",
    "history.column.easy_to_satisfy": "Faciles à satisfaire",
    "history.column.unrecoverable": "Irrécupérables",
    "history.column.quality": "Qualité",
    "history.column.nps": "NPS",
    "history.column.criteria": "Fichier de critères",
    "history.column.priority": "Rang",
    "history.column.id": "Identifiant",
    "history.column.name": "Nom",
    "history.column.previous_segment": "Avant",
    "history.column.segment": "Maintenant",
    "history.count.one": "{count} instantané",
    "history.count.other": "{count} instantanés",
    "history.criteria_changed": (
        "Le fichier de critères a changé entre deux instantanés (marqués *) : une partie des "
        "mouvements vient des critères, pas des clients."
    ),
    "history.migration_title": "Du {start} au {end}",
    "history.before_after": "Avant ↓ / maintenant →",
    "history.moved_down": "Clients qui ont baissé",
    "history.nobody_down": "Aucun client n’a baissé.",
    "history.new": "Nouveaux",
    "history.lost": "Partis",
}
