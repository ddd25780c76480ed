"""`portfolio explain`: why one customer is in its segment."""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import make_console, show_run, warn, write_stdout
from portfolio_cli.cli.options import (
    NO_FLAGS,
    AsOfOption,
    CriteriaOption,
    DebugOption,
    InputArgument,
    LangOption,
    QuietOption,
    find_criteria,
    input_parameters,
    parse_as_of,
)
from portfolio_cli.display import json_text
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import message

FORMATS = ", ".join(("table", "json"))


@boundary
@input_parameters()
def explain_command(
    input: InputArgument,
    customer_id: Annotated[
        str, typer.Argument(metavar="ID", help="The customer's id.", show_default=False)
    ],
    criteria: CriteriaOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="table (for people) or json.")
    ] = "table",
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    quiet: QuietOption = False,
    debug: DebugOption = False,
    lang: LangOption = None,
) -> None:
    """Show one customer: each criterion and problem, true, false or unknown, with the values read.

    Example:

        portfolio explain customers.csv C0114
    """
    from portfolio_cli import pipeline
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.explain import explain
    from portfolio_cli.writers.terminal import explanation

    if fmt not in ("table", "json"):
        raise UsageError(
            Issue("bad-format", message("usage.bad_format", value=fmt, choices=FORMATS))
        )
    day = parse_as_of(as_of)
    rules = load_criteria(find_criteria(criteria))
    warn(
        rules.warnings, quiet
    )  # e.g. criteria set aside: this customer is judged on the first three
    options = pipeline.Options(day, flags, "arrow", every_column=True)
    done = pipeline.classify(input, rules, options)
    show_run(done, flags)
    result, customers = done.in_memory()
    data = explain(customers, rules, result, customer_id).as_dict()
    if fmt == "json":
        write_stdout((json_text(data) + "\n").encode("utf-8"))
        return
    make_console().print(explanation(data, rules.customers.id, rules.compensate_with))
