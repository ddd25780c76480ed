"""The options that choose where the rules run: `--engine`, `--memory-limit`, for Spark
`--spark-remote` and `--spark-master`, for PostgreSQL `--table` and `--query` (what they mean
for an input is checked by the library: `pipeline.plan`).

Declared once here for `classify`, `report` and `batch`; their help is in catalogue/sql.py,
catalogue/spark.py and catalogue/postgres.py.
"""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli.cli.help import HELP_KEYS, click_module
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message

ENGINE_VARIABLE = "PORTFOLIO_ENGINE"  # --engine's default when the option is not given

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
        envvar=ENGINE_VARIABLE,
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


def checked_engine(value: str) -> str:
    """`--engine` checked before any input is read. A wrong value the user did not type but
    set in $PORTFOLIO_ENGINE is said to come from there, in Click's words for an option read
    from the environment (`--chunk-rows` and $PORTFOLIO_CHUNK_ROWS say it the same way)."""
    from portfolio_cli import engines

    try:
        return engines.engine_name(value)
    except UsageError:
        if not _from_environment("engine"):
            raise
        source = message("click.env_var", name=ENGINE_VARIABLE)
        text = message("engine.bad_engine_env", value=value, source=source, name=ENGINE_VARIABLE)
        raise UsageError(Issue("bad-option", text)) from None


def _from_environment(parameter: str) -> bool:
    """Whether the running command took `parameter` from its environment variable."""
    context = click_module("globals").get_current_context(silent=True)
    source = context.get_parameter_source(parameter) if context is not None else None
    return source is not None and source.name == "ENVIRONMENT"
