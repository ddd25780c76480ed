"""Messages of the engines (`--engine`, `--memory-limit`) and of `portfolio sql`."""

EN: dict[str, str] = {
    "help.sql": "Print the whole method as SQL for a warehouse: the customers in priority order "
    "(the columns of classify -f csv, lists joined with '|') and the summary.\n\n"
    "The query reads the table named by --table; --as-of is written into it as a date. It "
    "cannot see the data: text and numbers follow the table's own column types.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio sql -c criteria.yaml --dialect postgres --table crm.customers\n"
    "    portfolio sql --dialect snowflake --table sales.customers --part summary",
    "help.short.sql": "The method as one SQL query for a warehouse.",
    "help.dialect": "SQL dialect: duckdb, postgres, spark, bigquery or snowflake.",
    "help.table": "The table the query reads (schema.table allowed). Default: customers.",
    "help.part": "all (customers then summary), customers or summary: one statement each.",
    "help.engine": "auto, arrow, duckdb or spark: where the rules run. auto keeps the in-process "
    "Arrow engine for small files and uses DuckDB for large ones; spark needs the spark extra.",
    "help.memory_limit": "Memory DuckDB may use before it spills to disk (e.g. 2GiB, 40%). "
    "Default: a quarter of this machine's memory, at most 640MiB.",
    "engine.bad_engine": "--engine {value!r} is not an engine: write auto, arrow, duckdb or spark",
    # the value came from $PORTFOLIO_ENGINE; {source} is click.env_var: "(env var: 'NAME')"
    "engine.bad_engine_env": "--engine {value!r} {source} is not an engine: set {name} to "
    "auto, arrow, duckdb or spark",
    "engine.bad_memory_limit": "--memory-limit {value!r} is not a size: write e.g. 2GiB, "
    "512MB or 40%",
    "engine.memory_limit_range": "--memory-limit {value!r} is out of range: write a size "
    "from 1MiB to 1EiB, or a share of this machine's memory up to 100% (e.g. 2GiB, 512MB or "
    "40%)",
    "engine.out_of_memory": "DuckDB needs more memory than --memory-limit {limit} gives it: "
    "pass a larger one (e.g. --memory-limit 2GiB)",
    "engine.spill_full": "DuckDB ran out of disk space in {folder}, where it sorts what does not "
    "fit in memory: free space there, set TMPDIR to a larger disk or pass a larger "
    "--memory-limit",
    "engine.no_match": "{pattern}: no file matches this pattern",
    "engine.glob_format": "{pattern}: a pattern reads CSV or Parquet files, not {name}",
    "engine.glob_header": "{name}: its columns differ from {first}'s; files read as one "
    "portfolio need the same columns (missing: {missing})",
    "sql.blank_table": "--table {value!r} names no table: write its name, e.g. customers or "
    "crm.customers",
    "sql.bad_dialect": "--dialect {value!r} is not known: write duckdb, postgres, spark, "
    "bigquery or snowflake",
    "sql.bad_part": "--part {value!r}: write all, customers or summary",
    "sql.head": "portfolio sql: {criteria}, as of {as_of}, dialect {dialect}",
    "sql.customers": "customers in priority order: the columns of classify -f csv "
    "(lists joined with '|', '' when empty)",
    "sql.summary": "summary: one row per figure (measure, key, value)",
}
