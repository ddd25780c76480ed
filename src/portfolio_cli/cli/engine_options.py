"""The options that choose where the rules run: `--engine`, `--memory-limit` and, for Spark,
`--spark-remote` and `--spark-master`.

Declared once here for `classify`, `report` and `batch`; their help is in catalogue/sql.py and
catalogue/spark.py.
"""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli.cli.help import HELP_KEYS
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
