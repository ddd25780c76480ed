"""`portfolio check`: the criteria file as the five steps, and (with INPUT) its columns."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from portfolio_cli.cli.common import (
    AsOfOption,
    CriteriaOption,
    DayFirstOption,
    DebugOption,
    DecimalOption,
    DelimiterOption,
    EncodingOption,
    InputFlags,
    OrdersOption,
    QuietOption,
    SheetOption,
    SurveysOption,
    VerboseOption,
    boundary,
    find_criteria,
    make_console,
    parse_as_of,
    read_input,
)

if TYPE_CHECKING:
    from portfolio_cli.checklist import Step
    from portfolio_cli.criteria import Criteria


@boundary
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
    encoding: EncodingOption = None,
    delimiter: DelimiterOption = None,
    decimal: DecimalOption = None,
    dayfirst: DayFirstOption = None,
    sheet: SheetOption = None,
    orders: OrdersOption = None,
    surveys: SurveysOption = None,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Check the criteria file and show the five steps as a checklist.

    Exit 0 when it can be used (warnings included), 2 when it cannot.

    Example:

        portfolio check -c criteria.yaml

        portfolio check customers.csv
    """
    from portfolio_cli.checklist import review
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.writers.terminal import checklist

    day = parse_as_of(as_of)
    path = find_criteria(criteria)
    rules = load_criteria(path)
    steps = review(rules, day)
    if input is not None:
        # quiet: the reader's warnings are shown in the checklist, not on stderr too
        flags = InputFlags(
            encoding, delimiter, decimal, dayfirst, sheet, orders, surveys, verbose, quiet=True
        )
        steps.append(_input_step(input, rules, day, flags))
    if quiet:
        return
    out = make_console()
    out.print(checklist(steps, str(path)))
    warnings = sum(len(step.warnings) for step in steps)
    verdict = "usable" + (f", {warnings} warning{'s' if warnings > 1 else ''}" if warnings else "")
    out.print(Text(f"{path}: {verdict}", style="bold"))


def _input_step(
    input: str,
    rules: Criteria,
    day: dt.date,
    flags: InputFlags,
) -> Step:
    """The input, checked: what was read, the kinds of the columns used, each rule's counts."""
    from portfolio_cli.checklist import Step
    from portfolio_cli.engine import classify, required_columns
    from portfolio_cli.messages import language

    customers = read_input(input, rules, flags, as_of=day)
    result = classify(customers, rules, day)
    info = customers.info
    step = Step(0, "Input")
    step.lines.append(info.describe(language(flags.lang)))
    step.lines.append(f"{len(customers)} customers, {len(customers.header)} columns")
    step.warnings.extend(info.notes)
    used = [c for c in required_columns(rules) if c in customers.kinds]
    step.lines.append(
        "columns read: " + ", ".join(f"{c} ({customers.kinds[c].value})" for c in used)
    )
    for outcome in result.results:
        kind = "problem" if outcome.is_problem else "criterion"
        verb = "present for" if outcome.is_problem else "met by"
        unknown = int(outcome.unknown.sum())
        note = f", unjudged for {unknown} (missing values)" if unknown else ""
        step.lines.append(f"{kind} {outcome.rule.key}: {verb} {int(outcome.met.sum())}{note}")
    return step
