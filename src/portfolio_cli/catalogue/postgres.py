"""Messages of a PostgreSQL input (`postgresql://... --table T` or `--query`)."""

EN: dict[str, str] = {
    "help.pg_table": "With a PostgreSQL input (postgresql://... or host=... dbname=...): the "
    "table to classify (schema.table allowed).",
    "help.pg_query": "With a PostgreSQL input (postgresql://... or host=... dbname=...): a "
    "SELECT whose rows are the customers.",
    "postgres.not_installed": "a postgresql:// input needs the PostgreSQL driver: "
    "pip install 'portfolio-cli[postgres]'",
    "postgres.cannot_connect": "cannot connect to {source}: {detail}",
    "postgres.cannot_read": "PostgreSQL cannot read {source}: {detail}",
    "postgres.neither": '{source}: say what to classify with --table NAME or --query "SELECT ..."',
    "postgres.both": "{source}: give --table or --query, not both",
    "postgres.not_a_database": "--table and --query read a PostgreSQL database: the input must "
    "be a postgresql:// URL or a libpq keyword string (host=... dbname=... user=..., "
    "service=NAME), not {source}",
    "postgres.engine_ignored": "--engine {engine} is ignored: the rules run inside PostgreSQL",
    "postgres.keep_columns": "--keep-columns is not available with a PostgreSQL input "
    "({source}): select the columns you need with --query",
    "postgres.no_joins": "--orders and --surveys are not available with a PostgreSQL input "
    "({source}): join them in --query",
}

FR: dict[str, str] = {
    "help.pg_table": "Avec une entrée PostgreSQL (postgresql://... ou host=... dbname=...) : "
    "la table à classer (schema.table accepté).",
    "help.pg_query": "Avec une entrée PostgreSQL (postgresql://... ou host=... dbname=...) : "
    "un SELECT dont les lignes sont les clients.",
    "postgres.not_installed": "une entrée postgresql:// demande le pilote PostgreSQL : "
    "pip install 'portfolio-cli[postgres]'",
    "postgres.cannot_connect": "impossible de se connecter à {source} : {detail}",
    "postgres.cannot_read": "PostgreSQL ne peut pas lire {source} : {detail}",
    "postgres.neither": '{source} : indiquez quoi classer avec --table NOM ou --query "SELECT ..."',
    "postgres.both": "{source} : donnez --table ou --query, pas les deux",
    "postgres.not_a_database": "--table et --query lisent une base PostgreSQL : l'entrée doit "
    "être une URL postgresql:// ou une chaîne de mots-clés libpq (host=... dbname=... "
    "user=..., service=NOM), pas {source}",
    "postgres.engine_ignored": "--engine {engine} est ignoré : les règles s'exécutent dans "
    "PostgreSQL",
    "postgres.keep_columns": "--keep-columns n'est pas disponible avec une entrée PostgreSQL "
    "({source}) : choisissez les colonnes voulues avec --query",
    "postgres.no_joins": "--orders et --surveys ne sont pas disponibles avec une entrée "
    "PostgreSQL ({source}) : faites la jointure dans --query",
}
