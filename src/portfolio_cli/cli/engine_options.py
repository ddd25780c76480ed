"""The options that choose where the rules run: `--engine`, `--memory-limit`, for Spark
`--spark-remote` and `--spark-master`, for PostgreSQL `--table` and `--query`; and the checks
they share when the input is read where it lives.

Declared once here for `classify`, `report` and `batch`; their help is in catalogue/sql.py,
catalogue/spark.py and catalogue/postgres.py.
"""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli.cli.console import warn
from portfolio_cli.cli.help import HELP_KEYS
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import message

HELP_KEYS.update(
    {
        "engine": "help.engine",
        "memory_limit": "help.memory_limit",
        "spark_remote": "help.spark_remote",
        "spark_master": "help.spark_master",
        "pg_table": "help.pg_table",
        "pg_query": "help.pg_query",
    }
)

EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="auto|arrow|duckdb|spark",
        envvar="PORTFOLIO_ENGINE",
        help=message("help.engine"),
    ),
]
MemoryLimitOption = Annotated[
    str | None,
    typer.Option(
        "--memory-limit",
        metavar="SIZE",
        help=message("help.memory_limit"),
        show_default=False,
    ),
]
SparkRemoteOption = Annotated[
    str | None,
    typer.Option(
        "--spark-remote",
        metavar="URL",
        envvar="SPARK_REMOTE",
        help=message("help.spark_remote"),
        show_default=False,
    ),
]
SparkMasterOption = Annotated[
    str | None,
    typer.Option(
        "--spark-master", metavar="URL", help=message("help.spark_master"), show_default=False
    ),
]
PgTableOption = Annotated[
    str | None,
    typer.Option("--table", metavar="NAME", help=message("help.pg_table"), show_default=False),
]
PgQueryOption = Annotated[
    str | None,
    typer.Option("--query", metavar="SQL", help=message("help.pg_query"), show_default=False),
]


def postgres_source(
    source: str,
    table: str | None,
    query: str | None,
    engine: str,
    keep_columns: bool,
    quiet: bool,
) -> bool:
    """Whether the input is a PostgreSQL database (the rules then run inside it); --table and
    --query are refused with any other input, --keep-columns with this one."""
    from portfolio_cli import engines
    from portfolio_cli.engines.postgres import is_source, redact

    if not is_source(source):
        if table is not None or query is not None:
            text = message("postgres.not_a_database", source=source)
            raise UsageError(Issue("bad-option", text))
        return False
    if keep_columns:
        text = message("postgres.keep_columns", source=redact(source))
        raise UsageError(Issue("bad-option", text))
    name = engines.engine_name(engine)
    if name not in ("auto", "arrow"):
        warn([message("postgres.engine_ignored", engine=name)], quiet)
    return True


def refuse_in_place_joins(source: str, in_place: bool, flags: InputFlags) -> None:
    """--orders and --surveys join files on this machine: refused when the rules run where
    the data lives (PostgreSQL, Spark reading the input itself), never silently left out."""
    if not in_place or (flags.orders is None and flags.surveys is None):
        return
    from portfolio_cli.engines.postgres import is_source, redact

    key = "postgres.no_joins" if is_source(source) else "spark.no_joins"
    raise UsageError(Issue("bad-option", message(key, source=redact(source))))
