"""`portfolio report`: the monthly report, one self-contained HTML (or Markdown) file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import fail_if_below, print_summary, show_run, warn, write_stdout
from portfolio_cli.cli.engine_options import (
    EngineOption,
    MemoryLimitOption,
    PgQueryOption,
    PgTableOption,
    SparkMasterOption,
    SparkRemoteOption,
    checked_engine,
)
from portfolio_cli.cli.options import (
    NO_FLAGS,
    AsOfOption,
    CriteriaOption,
    DebugOption,
    FailUnderOption,
    HistoryOption,
    InputArgument,
    LangOption,
    QuietOption,
    find_criteria,
    format_option,
    input_parameters,
    outcome_option,
    output_option,
    parse_as_of,
    refuse_overwrite,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import language, message

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria

FORMATS = ("html", "markdown")
# Characteristics per segment in the report's profile section (`portfolio profile` shows more).
PROFILE_TOP = 3
SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def report_format(fmt: str | None, output: Path | None) -> str:
    """--format if given, else from the output's suffix (.html or .md); HTML, the report's
    own format, to standard output (`-o -`, `output` None)."""
    if fmt is not None:
        name = {"md": "markdown", "htm": "html"}.get(fmt.lower().strip(), fmt.lower().strip())
        if name not in FORMATS:
            raise UsageError(Issue("bad-format", message("report.error.format", value=fmt)))
        return name
    if output is None:
        return "html"
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(Issue("bad-format", message("report.error.suffix", name=output.name)))
    return SUFFIXES[suffix]


@boundary
@input_parameters()
def report_command(
    input: InputArgument,
    written_to: Annotated[
        str,
        output_option(
            "FILE",
            "The report to write: .html (self-contained) or .md; - for standard output (HTML "
            "unless --format says markdown).",
        ),
    ],
    criteria: CriteriaOption = None,
    fmt: Annotated[
        str | None, format_option("html or markdown. Default: from -o's suffix.")
    ] = None,
    history: HistoryOption = None,
    lang: LangOption = None,
    limit: Annotated[
        int,
        typer.Option("--limit", min=0, metavar="N", help="Customers listed per table (0: all)."),
    ] = 25,
    fail_under: FailUnderOption = None,
    outcome: Annotated[
        str | None,
        outcome_option(
            "A known outcome the criteria do not read (e.g. Churn): its rate per segment "
            "and per tenth of the call list."
        ),
    ] = None,
    as_of: AsOfOption = None,
    engine: EngineOption = "auto",
    memory_limit: MemoryLimitOption = None,
    spark_remote: SparkRemoteOption = None,
    spark_master: SparkMasterOption = None,
    pg_table: PgTableOption = None,
    pg_query: PgQueryOption = None,
    flags: InputFlags = NO_FLAGS,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the monthly report: quality, segments, NPS, trend, who moved, who to call.

    One HTML file with its CSS and SVG charts inside (no script, nothing from the network),
    readable on a phone and printed on A4; or the same content in Markdown (-o report.md).
    It ends with what sets each segment apart (as portfolio profile shows it).
    With --history, the run is kept as a snapshot and the report shows the trend and the
    migration since the previous snapshot. Never asks anything: ready for cron.

    Example:

        portfolio report customers.csv -o report.html --history history.sqlite

        portfolio report customers.csv -o rapport.html --lang fr -q --fail-under 70

        portfolio report 'exports/*.parquet' -o report.html --engine spark

        portfolio report 'postgresql://me@db.example.com/crm' --table customers -o report.html
    """
    from portfolio_cli import engines, pipeline
    from portfolio_cli import history as store
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.traits import check_outcome
    from portfolio_cli.writers.sink import ReportSink

    engine = checked_engine(engine)  # a wrong one, from $PORTFOLIO_ENGINE too, before reading
    # `-o -` is standard output, as `-` is standard input
    output = None if written_to == "-" else Path(written_to)
    fmt_name = report_format(fmt, output)
    words = language(lang)
    day = parse_as_of(as_of)
    criteria_file = find_criteria(criteria)
    rules = load_criteria(criteria_file)
    history_file = store.resolve_path(history, default=False)
    spark = engines.SparkSettings(spark_remote, spark_master)
    # Every column: the profile section looks at what the criteria do not read (a database
    # sends them back with the results).
    options = pipeline.Options(
        day, flags, engine, memory_limit, spark, pg_table, pg_query, every_column=True
    )
    planned = pipeline.plan(input, options)  # a wrong engine or size: refused before reading
    warn(planned.warnings, quiet)
    source = None if planned.in_database else input
    refuse_overwrite(output, source, criteria_file, flags, history_file)
    warn(rules.warnings, quiet)
    warn(_listening_overdue(rules, day), quiet)  # the monthly run is where it must be seen
    if outcome is not None:
        check_outcome(rules, outcome)  # before reading a large file
    sink = ReportSink(
        fmt_name, output, words, limit, history_file, outcome, PROFILE_TOP, write_stdout
    )
    done = pipeline.run(planned, rules, sink)
    show_run(done, flags)
    if not quiet:
        print_summary(done.summary, done.source, output)
    fail_if_below(done.summary.quality, fail_under)


def _listening_overdue(rules: Criteria, day: dt.date) -> list[Issue]:
    """Step 2's warning, as `check` gives it, when listening to customers is overdue."""
    from portfolio_cli.five_steps import listening_overdue
    from portfolio_cli.messages import long_date, plural

    overdue = listening_overdue(rules, day)
    if overdue is None:
        return []
    days = (day - overdue).days
    text = plural("checklist.overdue", days, date=long_date(overdue), days=days)
    return [Issue("listening-overdue", text, rules.place("listening.last_done"))]
