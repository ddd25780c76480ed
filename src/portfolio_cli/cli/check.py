"""`portfolio check`: the criteria file as the five steps, and (with INPUT) its columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import make_console, read_input
from portfolio_cli.cli.options import (
    NO_FLAGS,
    AsOfOption,
    CriteriaOption,
    DebugOption,
    LangOption,
    QuietOption,
    find_criteria,
    input_parameters,
    parse_as_of,
)
from portfolio_cli.display import visible
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import message, plural

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria
    from portfolio_cli.five_steps import Step


@boundary
@input_parameters()
def check_command(
    input: Annotated[
        str | None,
        typer.Argument(
            metavar="[INPUT]",
            help="Optional customer list: also check its columns and types.",
            show_default=False,
        ),
    ] = None,
    criteria: CriteriaOption = None,
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    quiet: QuietOption = False,
    debug: DebugOption = False,
    lang: LangOption = None,
) -> None:
    """Check the criteria file and show the five steps as a checklist.

    Exit 0 when it can be used (warnings included), 2 when it cannot.

    Example:

        portfolio check -c criteria.yaml

        portfolio check customers.csv
    """
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.five_steps import review
    from portfolio_cli.writers.terminal import checklist

    day = parse_as_of(as_of)
    path = find_criteria(criteria)
    rules = load_criteria(path)
    steps = review(rules, day)
    if input is not None:
        # quiet: the reader's warnings are shown in the checklist, not on stderr too
        steps.append(_input_step(input, rules, day, replace(flags, quiet=True)))
    if quiet:
        return
    out = make_console()
    out.print(checklist(steps, str(path)))
    warnings = sum(len(step.warnings) for step in steps)
    verdict = (
        plural("check.usable_warnings", warnings, source=visible(path))
        if warnings
        else message("check.usable", source=visible(path))
    )
    out.print(Text(verdict, style="bold"))


def _input_step(
    input: str,
    rules: Criteria,
    day: dt.date,
    flags: InputFlags,
) -> Step:
    """The input, checked: what was read, the kinds of the columns used, each rule's counts."""
    from portfolio_cli.five_steps import input_step

    customers = read_input(input, rules, flags, as_of=day)
    return input_step(customers, rules, day)
