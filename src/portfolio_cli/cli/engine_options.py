"""The options that choose where the rules run: `--engine` and `--memory-limit`.

Declared once here for `classify`, `report` and `batch`; their help is in catalogue/sql.py.
"""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli.cli.common import HELP_KEYS
from portfolio_cli.messages import message

HELP_KEYS.update({"engine": "help.engine", "memory_limit": "help.memory_limit"})

EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        metavar="auto|arrow|duckdb",
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
