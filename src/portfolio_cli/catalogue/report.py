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
    "report.priorities": "Who to call first: the easy-to-satisfy customers, in priority order",
    "report.priorities_note": "Ranks are those of the whole portfolio, where satisfied "
    "customers come first; run portfolio classify --segment easy_to_satisfy to list them all.",
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
    "report.colon": ":",
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
    "history.error.no_file": (
        "no history file at {path}: run `portfolio classify` or `portfolio report` with "
        "--history FILE first"
    ),
    "history.error.open": "cannot open the history file {path}: {error}",
    "history.error.busy": "{path} stayed locked by another run for {seconds} s: nothing was "
    "written; run again when it has finished",
    "history.error.not_history": "{path} is not a portfolio history file ({error})",
    "history.error.other_sqlite": "{path} is an SQLite file, but not a portfolio history file",
    "history.error.too_new": (
        "{path} was written by a newer portfolio (schema {version}, this one reads {supported}): "
        "upgrade portfolio"
    ),
    "history.error.empty": "{path} holds no snapshot yet",
    "history.error.no_snapshot": "no snapshot dated {date} in {path} (snapshots: {dates})",
    "history.error.none_before": (
        "no snapshot before {date} in {path}: pass --from DATE (snapshots: {dates})"
    ),
    "history.none": "none",
    "report.error.suffix": (
        "cannot tell the report format from '{name}': use a .html or .md name, or pass "
        "--format html|markdown"
    ),
    "report.error.format": "unknown report format '{value}': use html or markdown",
    "help.report": (
        "Write the monthly report: quality, segments, NPS, trend, who moved, who to call.\n\n"
        "One HTML file with its CSS and SVG charts inside (no script, nothing from the network), "
        "readable on a phone and printed on A4; or the same content in Markdown (-o report.md). "
        "It ends with what sets each segment apart (as portfolio profile shows it). "
        "With --history, the run is kept as a snapshot and the report shows the trend and the "
        "migration since the previous snapshot. Never asks anything: ready for cron.\n\n"
        "Example:\n\n"
        "\b\n"
        "    portfolio report customers.csv -o report.html --history history.sqlite\n"
        "    portfolio report customers.csv -o rapport.html --lang fr -q --fail-under 70"
    ),
    "help.history": (
        "List the snapshots kept by --history, or show how customers moved between two.\n\n"
        "Without --from/--to: one line per snapshot (date, customers, segments, quality, NPS). "
        "With --from and/or --to: the migration matrix (rows: segment before, columns: segment "
        "after, plus new and lost customers) and the customers who moved down. --format csv "
        "writes the list or the matrix; --format json writes everything.\n\n"
        "Example:\n\n"
        "\b\n"
        "    portfolio history history.sqlite\n"
        "    portfolio history history.sqlite --from 2026-10-31 --to 2026-11-30\n"
        "    portfolio history --history history.sqlite --to 2026-11-30 -f json"
    ),
    "help.history_option": (
        "Keep a snapshot of this run in this SQLite file (same --as-of replaces it) and add "
        "previous_segment and segment_since. Default: $PORTFOLIO_HISTORY if set, else none."
    ),
    "help.history_file": (
        "History file. Default: --history, else $PORTFOLIO_HISTORY, else "
        "./portfolio-history.sqlite."
    ),
    "help.history_read": "History file to read (same as FILE).",
    "help.history_from": "Show the migration from this snapshot (default: the one before --to).",
    "help.history_to": "Show the migration to this snapshot (default: the latest).",
    "help.history_format": "table, csv or json.",
    "help.report_output": "The report to write: .html (self-contained) or .md.",
    "help.report_format": "html or markdown. Default: from -o's suffix.",
    "help.report_limit": "Customers listed per table (0: all).",
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
    "report.priorities": "Qui appeler en premier : les clients faciles à satisfaire, par ordre "
    "de priorité",
    "report.priorities_note": "Les rangs sont ceux de tout le portefeuille, où les clients "
    "satisfaits viennent en premier ; portfolio classify --segment easy_to_satisfy les liste "
    "tous.",
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
    "report.colon": "\u00a0:",
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
    "history.error.no_file": (
        "le fichier d’historique {path} n’existe pas : lancez d’abord `portfolio classify` ou "
        "`portfolio report` avec --history FICHIER"
    ),
    "history.error.open": "impossible d’ouvrir le fichier d’historique {path} : {error}",
    "history.error.busy": "{path} est resté verrouillé par une autre exécution pendant "
    "{seconds} s : rien n’a été écrit ; relancez quand elle sera terminée",
    "history.error.not_history": "{path} n’est pas un fichier d’historique de portfolio ({error})",
    "history.error.other_sqlite": (
        "{path} est un fichier SQLite, mais pas un fichier d’historique de portfolio"
    ),
    "history.error.too_new": (
        "{path} a été écrit par une version plus récente de portfolio (schéma {version}, "
        "celle-ci lit le {supported}) : mettez portfolio à jour"
    ),
    "history.error.empty": "{path} ne contient encore aucun instantané",
    "history.error.no_snapshot": (
        "aucun instantané daté du {date} dans {path} (instantanés : {dates})"
    ),
    "history.error.none_before": (
        "aucun instantané avant le {date} dans {path} : indiquez --from DATE "
        "(instantanés : {dates})"
    ),
    "history.none": "aucun",
    "report.error.suffix": (
        "impossible de déduire le format du rapport de '{name}' : utilisez un nom en .html ou "
        ".md, ou indiquez --format html|markdown"
    ),
    "report.error.format": "format de rapport inconnu '{value}' : utilisez html ou markdown",
    "help.report": (
        "Écrit le rapport mensuel : qualité, segments, NPS, évolution, qui a changé de segment, "
        "qui appeler.\n\n"
        "Un seul fichier HTML avec ses styles et ses graphiques SVG (aucun script, rien depuis le "
        "réseau), lisible sur un téléphone et imprimable en A4 ; ou le même contenu en Markdown "
        "(-o rapport.md). Il se termine par ce qui distingue chaque segment (comme le montre "
        "portfolio profile). Avec --history, l’exécution est gardée comme instantané et le rapport "
        "montre l’évolution et les mouvements depuis l’instantané précédent. Ne pose jamais de "
        "question : prêt pour cron.\n\n"
        "Exemple :\n\n"
        "\b\n"
        "    portfolio report clients.csv -o rapport.html --history historique.sqlite\n"
        "    portfolio report clients.csv -o rapport.html --lang fr -q --fail-under 70"
    ),
    "help.history": (
        "Liste les instantanés gardés par --history, ou montre comment les clients ont changé "
        "de segment entre deux.\n\n"
        "Sans --from/--to : une ligne par instantané (date, clients, segments, qualité, NPS). "
        "Avec --from et/ou --to : la matrice des mouvements (lignes : segment avant, colonnes : "
        "segment après, plus les nouveaux clients et les partis) et les clients qui ont baissé. "
        "--format csv écrit la liste ou la matrice ; --format json écrit tout.\n\n"
        "Exemple :\n\n"
        "\b\n"
        "    portfolio history historique.sqlite\n"
        "    portfolio history historique.sqlite --from 2026-10-31 --to 2026-11-30\n"
        "    portfolio history --history historique.sqlite --to 2026-11-30 -f json"
    ),
    "help.history_option": (
        "Garde un instantané de cette exécution dans ce fichier SQLite (la même date --as-of le "
        "remplace) et ajoute previous_segment et segment_since. Par défaut : $PORTFOLIO_HISTORY "
        "s’il est défini, sinon aucun."
    ),
    "help.history_file": (
        "Fichier d’historique. Par défaut : --history, sinon $PORTFOLIO_HISTORY, sinon "
        "./portfolio-history.sqlite."
    ),
    "help.history_read": "Fichier d’historique à lire (comme FICHIER).",
    "help.history_from": (
        "Montre les mouvements depuis cet instantané (par défaut : celui qui précède --to)."
    ),
    "help.history_to": "Montre les mouvements jusqu’à cet instantané (par défaut : le dernier).",
    "help.history_format": "table, csv ou json.",
    "help.report_output": "Le rapport à écrire : .html (autonome) ou .md.",
    "help.report_format": "html ou markdown. Par défaut : selon l’extension de -o.",
    "help.report_limit": "Clients listés par tableau (0 : tous).",
}
