"""Messages of `portfolio batch` and of large files read in chunks: help, progress, failures."""

EN: dict[str, str] = {
    "help.batch": "Classify many client files: one output per input in DIR, and "
    "DIR/summary.csv.\n\n"
    "A file that cannot be classified is named on stderr and skipped; the others are written, "
    "and the exit code is 3.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio batch clients/*.csv -c criteria.yaml -o results/\n"
    "    portfolio batch clients/ --criteria-dir criteria/ -o results/ -f json",
    "help.batch_inputs": "Customer lists: CSV files, globs ('clients/*.csv') or folders; "
    "PostgreSQL databases (postgresql://... or 'host=... dbname=...', with --table or --query) "
    "or Spark tables (spark:db.customers).",
    "help.batch_output": "Folder for the outputs and summary.csv (created if missing).",
    "help.criteria_dir": "Folder of per-client criteria files: DIR/<stem>.yaml is used for "
    "<stem>.csv instead of -c.",
    "help.batch_format": "csv, json, markdown or xlsx.",
    "help.jobs": "Worker processes. Default: one per core. With --engine spark: one process, "
    "one Spark session, the files one after the other.",
    "help.chunk_rows": "A CSV file of more than N rows (estimated from its size) going to CSV is "
    "read in parts of at most N rows (and 250,000), with bounded memory. Also "
    "$PORTFOLIO_CHUNK_ROWS. Default: 2,000,000.",
    "batch.progress": "Classifying",
    "batch.failed": "failed: {file}: {error}",
    "batch.failed_named": "failed: {error}",
    "batch.unmatched": "no file matches {pattern}",
    "batch.no_inputs": "no input file to classify: name CSV files, globs or folders",
    "batch.not_a_folder": "-o {path} is a file: give a folder",
    "batch.criteria_dir_missing": "--criteria-dir {path} is not a folder",
    "batch.output_is_summary": "{source} would be written to {output}, which is the batch "
    "summary: rename the input or choose another --format",
    "batch.output_clash": "{first} and {second} would both be written to {output}: rename one "
    "of them or run them in two batches",
    "batch.no_criteria_for": "no criteria file for {source}: add {folder}/{stem}.yaml or pass "
    "-c FILE for the files without their own",
    "batch.out_of_memory": "out of memory: pass --chunk-rows to read it in parts",
    "batch.bug": "unexpected {kind}: {detail} (a bug in portfolio)",
    "batch.done.one": "{count} of {total} files classified, {customers}; wrote {folder}",
    "batch.done.other": "{count} of {total} files classified, {customers}; wrote {folder}",
    "batch.some_failed.one": "{count} of {total} files failed (see summary.csv)",
    "batch.some_failed.other": "{count} of {total} files failed (see summary.csv)",
}

FR: dict[str, str] = {
    "help.batch": "Classe de nombreux fichiers clients : un résultat par fichier dans DOSSIER, "
    "et DOSSIER/summary.csv.\n\n"
    "Un fichier impossible à classer est nommé sur stderr et sauté ; les autres sont écrits, "
    "et le code de sortie est 3.\n\n"
    "Exemple :\n\n"
    "\b\n"
    "    portfolio batch clients/*.csv -c criteres.yaml -o resultats/\n"
    "    portfolio batch clients/ --criteria-dir criteres/ -o resultats/ -f json",
    "help.batch_inputs": "Listes de clients : fichiers CSV, motifs ('clients/*.csv') ou "
    "dossiers ; bases PostgreSQL (postgresql://... ou 'host=... dbname=...', avec --table ou "
    "--query) ou tables Spark (spark:db.clients).",
    "help.batch_output": "Dossier des résultats et de summary.csv (créé s'il manque).",
    "help.criteria_dir": "Dossier de fichiers de critères par client : DOSSIER/<nom>.yaml sert "
    "pour <nom>.csv au lieu de -c.",
    "help.batch_format": "csv, json, markdown ou xlsx.",
    "help.jobs": "Processus de travail. Par défaut : un par cœur. Avec --engine spark : un seul "
    "processus, une session Spark, les fichiers l'un après l'autre.",
    "help.chunk_rows": "Un fichier CSV de plus de N lignes (estimé d'après sa taille) écrit en "
    "CSV est lu par parties d'au plus N lignes (et 250 000), à mémoire bornée. Aussi "
    "$PORTFOLIO_CHUNK_ROWS. Par défaut : 2 000 000.",
    "batch.progress": "Classement",
    "batch.failed": "échec : {file} : {error}",
    "batch.failed_named": "échec : {error}",
    "batch.unmatched": "aucun fichier ne correspond à {pattern}",
    "batch.no_inputs": "aucun fichier à classer : indiquez des fichiers CSV, des motifs ou des "
    "dossiers",
    "batch.not_a_folder": "-o {path} est un fichier : indiquez un dossier",
    "batch.criteria_dir_missing": "--criteria-dir {path} n'est pas un dossier",
    "batch.output_is_summary": "{source} serait écrit dans {output}, qui est le résumé du lot : "
    "renommez le fichier ou choisissez un autre --format",
    "batch.output_clash": "{first} et {second} seraient tous deux écrits dans {output} : "
    "renommez l'un d'eux ou traitez-les en deux lots",
    "batch.no_criteria_for": "aucun fichier de critères pour {source} : ajoutez "
    "{folder}/{stem}.yaml ou passez -c FICHIER pour les fichiers qui n'en ont pas",
    "batch.out_of_memory": "mémoire insuffisante : passez --chunk-rows pour le lire par parties",
    "batch.bug": "erreur inattendue {kind} : {detail} (un bogue de portfolio)",
    "batch.done.one": "{count} fichier classé sur {total}, {customers} ; écrit dans {folder}",
    "batch.done.other": "{count} fichiers classés sur {total}, {customers} ; écrit dans {folder}",
    "batch.some_failed.one": "{count} fichier en échec sur {total} (voir summary.csv)",
    "batch.some_failed.other": "{count} fichiers en échec sur {total} (voir summary.csv)",
}
