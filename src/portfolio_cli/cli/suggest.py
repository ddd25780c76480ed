"""`portfolio suggest`: three criteria and up to three problems learned from a known outcome,
judged on customers held out, written as a criteria file with their evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import make_console, read_input, warn, write_stdout
from portfolio_cli.cli.options import (
    NO_FLAGS,
    AsOfOption,
    CriteriaOption,
    DebugOption,
    EventOption,
    InputArgument,
    LangOption,
    QuietOption,
    format_option,
    input_parameters,
    outcome_option,
    output_option,
    parse_as_of,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags, input_options
from portfolio_cli.messages import message

if TYPE_CHECKING:
    import datetime as dt

    from portfolio_cli.criteria import Criteria
    from portfolio_cli.readers import CustomerList
    from portfolio_cli.suggest import Suggestion


@boundary
@input_parameters("encoding", "delimiter", "decimal", "dayfirst", "sheet", "verbose")
def suggest_command(
    input: InputArgument,
    outcome: Annotated[str, outcome_option("The known outcome to learn from (e.g. Churn).")],
    event: EventOption = None,
    criteria: CriteriaOption = None,
    output: Annotated[Path | None, output_option("FILE", "Write the criteria file.")] = None,
    fmt: Annotated[str, format_option("table or json: how the figures are printed.")] = "table",
    id_column: Annotated[
        str | None,
        typer.Option("--id", metavar="COLUMN", help="The customer id column.", show_default=False),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the split.")] = 0,
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share", min=0, max=50, metavar="PCT", help="Least share a rule must cover."
        ),
    ] = 5.0,
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    lang: LangOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Propose three criteria and up to three problems that best separate a known outcome.

    Example:

        portfolio suggest telco.csv --outcome Churn -o suggested.yaml
    """
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.suggest import suggest
    from portfolio_cli.writers.suggest import copy_warnings

    day = parse_as_of(as_of)
    fmt = fmt.strip().lower()
    if fmt not in ("table", "json"):
        raise UsageError(Issue("bad-format", message("suggest.error.format", value=fmt)))
    if min_share >= 50:
        raise UsageError(Issue("bad-min-share", message("suggest.error.min_share")))
    to_stdout = output is not None and str(output) == "-"  # as `-` is standard input
    if to_stdout:
        if fmt == "json":
            raise UsageError(Issue("two-documents", message("suggest.error.dash_json")))
        output = None
    rules = load_criteria(criteria) if criteria is not None else None
    if output is not None:
        _refuse_overwrite(output, input, criteria)
    customers, id_name, leave_out = _read(input, rules, flags, id_column, day)
    result = suggest(
        customers,
        outcome,
        id_column=id_name,
        event=event,
        seed=seed,
        min_share=min_share / 100,
        as_of=day,
        current=rules,
        leave_out=leave_out,
    )
    warn(copy_warnings(result), quiet)
    if to_stdout:
        _print_file_and_tell(result, criteria, quiet)
    else:
        _write_and_show(result, fmt, output, criteria, quiet)


def _refuse_overwrite(output: Path, input: str, criteria: Path | None) -> None:
    from portfolio_cli.writers.files import refuse_overwrite

    refuse_overwrite(output, [("input", input), ("criteria", criteria)])


def _read(
    source: str, rules: Criteria | None, flags: InputFlags, id_column: str | None, day: dt.date
) -> tuple[CustomerList, str, list[str]]:
    """The list, its id column and the columns never to learn from (the name)."""
    if rules is None:
        from portfolio_cli.suggest import read_list

        customers, id_name = read_list(source, input_options(flags), id_column)
        return customers, id_name, []
    warn(rules.warnings, flags.quiet)
    customers = read_input(source, rules, flags, every_column=True, as_of=day)
    leave_out = [rules.customers.name] if rules.customers.name else []
    return customers, rules.customers.id, leave_out


def _print_file_and_tell(result: Suggestion, criteria: Path | None, quiet: bool) -> None:
    """`-o -`: the criteria file (when there is one) is standard output's only document; the
    figures go to standard error, unless -q."""
    from portfolio_cli.writers.suggest import report_lines

    if result.refused is None and result.text:
        write_stdout(result.text.encode("utf-8"))
    if quiet:
        return
    err = make_console(stderr=True)
    for line in report_lines(result, criteria):
        err.print(line, markup=False, highlight=False, soft_wrap=True)


def _write_and_show(
    result: Suggestion, fmt: str, output: Path | None, criteria: Path | None, quiet: bool
) -> None:
    """The criteria file (when there is one to write and -o), then the figures."""
    from portfolio_cli.writers.suggest import report_lines

    written = result.refused is None and bool(result.text) and output is not None
    if written:
        # the file first: a reader of the figures that goes away (`| head`) must not cost it
        from portfolio_cli.writers.files import atomic_write

        assert output is not None
        with atomic_write(output) as stream:
            stream.write(result.text.encode("utf-8"))
    if fmt == "json":
        from portfolio_cli.display import json_text

        write_stdout((json_text(result.as_dict(), sort_keys=True) + "\n").encode("utf-8"))
    elif not quiet or output is None:  # without -o, the figures are the output asked for
        console = make_console()
        for line in report_lines(result, criteria):
            console.print(line, markup=False, highlight=False, soft_wrap=True)
        if result.refused is None and result.text and output is None and not quiet:
            console.print(message("suggest.hint_output"), markup=False, highlight=False)
    if written and not quiet:
        err = make_console(stderr=True)
        err.print(message("summary.wrote", path=output), markup=False)
        err.print(message("suggest.hint_check", path=output), markup=False)
