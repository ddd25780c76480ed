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
