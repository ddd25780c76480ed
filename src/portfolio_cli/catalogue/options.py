"""Messages of the options every command shares, the error boundary, and the files a
command writes (overwriting, folders, Excel's limits).

Names written in files (keys, columns, values) stay between '…' and are never translated.
"""

EN: dict[str, str] = {
    # options and the error boundary (cli)
    "usage.bad_lang": "unknown language '{value}': use en or fr",
    "usage.no_criteria": "no criteria file: pass -c FILE, set PORTFOLIO_CRITERIA, or run "
    "`portfolio init` to write criteria.yaml here",
    "usage.bad_format": "unknown format '{value}': use one of {choices}",
    "usage.format_from_suffix": "cannot tell the format from '{name}': use a .csv, .json, .xlsx "
    "or .md name, or pass --format",
    "files.overwrite": "{output} would overwrite {role} {path}: nothing was written; choose "
    "another name",
    "files.role.input": "the input",
    "files.role.criteria": "the criteria file",
    "files.role.orders": "the orders file (--orders)",
    "files.role.surveys": "the surveys file (--surveys)",
    "files.role.history": "the history file (--history)",
    "files.stdin": "read on standard input",
    "output.xlsx_rows": "{count} customers do not fit in an Excel sheet ({limit} rows at most "
    "below the header): nothing was written; write csv or json instead (-f csv)",
    "output.xlsx_cell": "column '{column}', row {row} (customer {customer}): {length} "
    "characters do not fit in an Excel cell ({limit} at most): nothing was written; write csv "
    "or json instead (-f csv)",
    "output.xlsx_columns": "{count} columns do not fit in an Excel sheet ({limit} at most): "
    "nothing was written; write csv or json instead (-f csv)",
    "output.xlsx_header": "a column name of {length} characters ('{start}…') does not fit in "
    "an Excel cell ({limit} at most): nothing was written; write csv or json instead (-f csv)",
    "output.kept_renamed": "--keep-columns: the input's column '{column}' is written as "
    "'{written}', since the output has a column '{column}' already",
    "usage.bug": "unexpected {kind}: {detail}. This is a bug in portfolio; run again with "
    "--debug and report the traceback.",
    # output files
    "files.missing_folder": "cannot write {path}: the folder {folder} does not exist",
    "files.is_folder": "cannot write {path}: it is a folder",
    "files.unwritable": "cannot write in {folder}: {reason}",
    "usage.bad_date_option": "{option} must be a date written YYYY-MM-DD (got '{value}')",
}

FR: dict[str, str] = {
    "usage.bad_lang": "langue inconnue '{value}' : utilisez en ou fr",
    "usage.no_criteria": "aucun fichier de critères : passez -c FICHIER, définissez "
    "PORTFOLIO_CRITERIA, ou lancez `portfolio init` pour écrire criteria.yaml ici",
    "usage.bad_format": "format inconnu '{value}' : utilisez l'un de {choices}",
    "usage.format_from_suffix": "impossible de déduire le format de '{name}' : utilisez un nom "
    "en .csv, .json, .xlsx ou .md, ou passez --format",
    "files.overwrite": "{output} écraserait {role} {path} : rien n'a été écrit ; choisissez "
    "un autre nom",
    "files.role.input": "le fichier lu",
    "files.role.criteria": "le fichier de critères",
    "files.role.orders": "le fichier de commandes (--orders)",
    "files.role.surveys": "le fichier d'enquêtes (--surveys)",
    "files.role.history": "l'historique (--history)",
    "files.stdin": "lu sur l'entrée standard",
    "output.xlsx_rows": "{count} clients ne tiennent pas dans une feuille Excel ({limit} lignes "
    "au plus sous l'en-tête) : rien n'a été écrit ; écrivez du csv ou du json (-f csv)",
    "output.xlsx_cell": "colonne '{column}', ligne {row} (client {customer}) : {length} "
    "caractères ne tiennent pas dans une cellule Excel ({limit} au plus) : rien n'a été écrit ; "
    "écrivez du csv ou du json (-f csv)",
    "output.xlsx_columns": "{count} colonnes ne tiennent pas dans une feuille Excel ({limit} au "
    "plus) : rien n'a été écrit ; écrivez du csv ou du json (-f csv)",
    "output.xlsx_header": "un nom de colonne de {length} caractères ('{start}…') ne tient pas "
    "dans une cellule Excel ({limit} au plus) : rien n'a été écrit ; écrivez du csv ou du json "
    "(-f csv)",
    "output.kept_renamed": "--keep-columns : la colonne '{column}' du fichier lu est écrite "
    "'{written}', car la sortie a déjà une colonne '{column}'",
    "usage.bug": "erreur inattendue {kind} : {detail}. C'est un bogue de portfolio ; relancez avec "
    "--debug et signalez la trace.",
    "files.missing_folder": "impossible d'écrire {path} : le dossier {folder} n'existe pas",
    "files.is_folder": "impossible d'écrire {path} : c'est un dossier",
    "files.unwritable": "impossible d'écrire dans {folder} : {reason}",
    "usage.bad_date_option": "{option} doit être une date écrite AAAA-MM-JJ (reçu '{value}')",
}
