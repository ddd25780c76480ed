"""`portfolio profile`: what each segment's customers have in common, and (with --outcome)
whether the criteria predict a known outcome."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    OutDelimiterOption,
    QuietOption,
    find_criteria,
    format_option,
    input_parameters,
    outcome_option,
    output_option,
    parse_as_of,
    parse_out_delimiter,
    refuse_overwrite,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import message

if TYPE_CHECKING:
    from rich.console import RenderableType

FORMATS = ("table", "json", "csv")


@boundary
@input_parameters()
def profile_command(
    input: InputArgument,
    criteria: CriteriaOption = None,
    outcome: Annotated[
        str | None,
        outcome_option(
            "A yes/no, 1/0 or true/false column the criteria do not read (e.g. Churn): "
            "show how often it happened in each segment."
        ),
    ] = None,
    top: Annotated[
        int,
        typer.Option("--top", "-n", min=1, metavar="N", help="Characteristics shown per segment."),
    ] = 5,
    all_columns: Annotated[
        bool,
        typer.Option(
            "--all-columns",
            help="Also profile the columns the criteria read (left out by default).",
        ),
    ] = False,
    fmt: Annotated[
        str | None, format_option("table, json or csv (default: from the -o suffix, else table).")
    ] = None,
    output: Annotated[Path | None, output_option("PATH", "Write to this file.")] = None,
    out_delimiter: OutDelimiterOption = None,
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    lang: LangOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Show what sets each segment's customers apart from the whole portfolio.

    For number columns, the segment's median against the portfolio's; for text columns, the
    values over-represented in the segment (share in segment, in portfolio, lift), ranked by how
    much they distinguish the segment. With --outcome, the outcome's rate per segment: do the
    "satisfied" customers really stay?

    Example:

        portfolio profile customers.csv --top 3

        portfolio profile telco.csv -c telco.yaml --outcome Churn
    """
    from portfolio_cli import pipeline
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.messages import current
    from portfolio_cli.traits import check_outcome, profile_segments
    from portfolio_cli.writers import traits as view

    language_code = current()
    if output is not None and str(output) == "-":  # standard output, as `-` is standard input
        output = None
    fmt_name = _format(fmt, output)
    chosen_separator = parse_out_delimiter(out_delimiter)
    day = parse_as_of(as_of)
    criteria_file = find_criteria(criteria)
    rules = load_criteria(criteria_file)
    refuse_overwrite(output, input, criteria_file, flags)
    warn(rules.warnings, quiet)
    if outcome is not None:
        check_outcome(rules, outcome)  # before reading a large file
    options = pipeline.Options(day, flags, "arrow", every_column=True)
    done = pipeline.classify(input, rules, options)
    show_run(done, flags)
    result, customers = done.in_memory()
    data = profile_segments(
        customers, result, rules, outcome=outcome, top=top, all_columns=all_columns
    )
    if fmt_name == "table":
        _show_table(view.profile_view(data, language_code), output, quiet)
        return
    if fmt_name == "json":
        document = view.profile_json(data)
    else:
        from portfolio_cli.writers.formats import csv_separator, wants_bom

        separator = csv_separator(chosen_separator, customers.info)
        bom = wants_bom(separator, to_file=output is not None)
        document = view.profile_csv(data, separator, bom)
    _write_document(document, output, quiet)


def _show_table(table: RenderableType, output: Path | None, quiet: bool) -> None:
    """The profile as tables: to -o as plain text 120 wide, else on the terminal."""
    if output is not None:
        import io

        from portfolio_cli.writers.files import atomic_write

        text = io.StringIO()
        make_console(file=text, width=120, color_system=None).print(table)
        with atomic_write(output) as stream:
            stream.write(text.getvalue().encode("utf-8"))
    else:  # the profile is the output asked for: -q keeps only warnings and notes quiet
        make_console().print(table)


def _write_document(document: bytes, output: Path | None, quiet: bool) -> None:
    """JSON or CSV to standard output, or to -o (said on standard error unless `quiet`)."""
    if output is None:
        write_stdout(document)
        return
    from portfolio_cli.writers.files import atomic_write

    with atomic_write(output) as stream:
        stream.write(document)
    if not quiet:
        make_console(stderr=True).print(message("summary.wrote", path=output), markup=False)


def _format(fmt: str | None, output: Path | None) -> str:
    """--format if given, else the suffix of -o (.json, .csv, .txt), else a table."""
    if fmt is not None:
        name = fmt.lower().strip()
        if name not in FORMATS:
            raise UsageError(
                Issue(
                    "bad-format",
                    message("usage.bad_format", value=fmt, choices=", ".join(FORMATS)),
                )
            )
        return name
    if output is None:
        return "table"
    suffixes = {".json": "json", ".csv": "csv", ".txt": "table"}
    name_of = suffixes.get(output.suffix.lower())
    if name_of is None:
        raise UsageError(Issue("bad-format", message("profile.error.suffix", name=output.name)))
    return name_of
