"""`portfolio sql`: the whole method as SQL for a warehouse."""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import warn, write_stdout
from portfolio_cli.cli.options import (
    AsOfOption,
    CriteriaOption,
    DebugOption,
    LangOption,
    QuietOption,
    find_criteria,
    parse_as_of,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message


@boundary
def sql_command(
    criteria: CriteriaOption = None,
    dialect: Annotated[
        str,
        typer.Option("--dialect", "-d", metavar="NAME", help=message("help.dialect")),
    ] = "duckdb",
    table: Annotated[
        str, typer.Option("--table", "-t", metavar="NAME", help=message("help.table"))
    ] = "customers",
    part: Annotated[
        str, typer.Option("--part", metavar="all|customers|summary", help=message("help.part"))
    ] = "all",
    as_of: AsOfOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
    lang: LangOption = None,
) -> None:
    """Print the whole method as SQL for a warehouse.

    Example:

        portfolio sql -c criteria.yaml --dialect postgres --table crm.customers
    """
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engines.sql import DIALECTS
    from portfolio_cli.writers.sql import PARTS, script

    name = dialect.strip().lower()
    if name in ("postgresql", "pg"):
        name = "postgres"
    if name not in DIALECTS:
        raise UsageError(Issue("bad-option", message("sql.bad_dialect", value=dialect)))
    chosen = part.strip().lower()
    if chosen not in PARTS:
        raise UsageError(Issue("bad-option", message("sql.bad_part", value=part)))
    if not table.strip():
        raise UsageError(Issue("bad-option", message("sql.blank_table", value=table)))
    day = parse_as_of(as_of)
    rules = load_criteria(find_criteria(criteria))
    warn(rules.warnings, quiet)
    write_stdout(script(rules, day, table.strip(), name, chosen).encode("utf-8"))
