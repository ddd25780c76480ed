"""`portfolio report`: the monthly report, one self-contained HTML (or Markdown) file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import fail_if_below, print_summary, read_input, warn
from portfolio_cli.cli.engine_options import (
    EngineOption,
    MemoryLimitOption,
    PgQueryOption,
    PgTableOption,
    SparkMasterOption,
    SparkRemoteOption,
    postgres_source,
    refuse_in_place_joins,
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
    output_option,
    parse_as_of,
    refuse_overwrite,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import language, message

FORMATS = ("html", "markdown")
# Characteristics per segment in the report's profile section (`portfolio profile` shows more).
PROFILE_TOP = 3
SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def report_format(fmt: str | None, output: Path) -> str:
    """--format if given, else from the output's suffix (.html or .md)."""
    if fmt is not None:
        name = {"md": "markdown", "htm": "html"}.get(fmt.lower().strip(), fmt.lower().strip())
        if name not in FORMATS:
            raise UsageError(Issue("bad-format", message("report.error.format", value=fmt)))
        return name
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(Issue("bad-format", message("report.error.suffix", name=output.name)))
    return SUFFIXES[suffix]


@boundary
@input_parameters()
def report_command(
    input: InputArgument,
    output: Annotated[
        Path, output_option("FILE", "The report to write: .html (self-contained) or .md.")
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
        typer.Option(
            "--outcome",
            metavar="COLUMN",
            help="A known outcome the criteria do not read (e.g. Churn): its rate per segment "
            "and per tenth of the call list.",
            show_default=False,
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
    from portfolio_cli import engines
    from portfolio_cli import history as store
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.traits import check_outcome, profile_segments
    from portfolio_cli.writers.files import atomic_write
    from portfolio_cli.writers.report import HistoryView, render_report, report_context
    from portfolio_cli.writers.traits import profile_section

    fmt_name = report_format(fmt, output)
    words = language(lang)
    day = parse_as_of(as_of)
    criteria_file = find_criteria(criteria)
    rules = load_criteria(criteria_file)
    history_file = store.resolve_path(history, default=False)
    in_postgres = postgres_source(input, pg_table, pg_query, engine, False, quiet)
    chosen = "postgres" if in_postgres else engines.choose(engine, input)
    in_place = engines.reads_in_place(input, chosen)
    refuse_in_place_joins(input, in_place, flags)
    refuse_overwrite(output, None if in_postgres else input, criteria_file, flags, history_file)
    engines.memory_limit(memory_limit)  # a wrong size is refused before anything is read
    warn(rules.warnings, quiet)
    if outcome is not None:
        check_outcome(rules, outcome)  # before reading a large file
    spark = engines.SparkSettings(spark_remote, spark_master)
    # Every column: the profile section looks at what the criteria do not read.
    if in_place:  # the rules run where the data lives; its columns come back with the results
        result, customers = engines.classify_in_place(
            input, rules, day, spark=spark, table=pg_table, query=pg_query, every_column=True
        )
    else:
        customers = read_input(input, rules, flags, every_column=True, as_of=day)
        result = engines.classify(customers, rules, day, chosen, memory_limit, spark)
    profile = profile_section(
        profile_segments(customers, result, rules, outcome=outcome, top=PROFILE_TOP), words
    )
    # the snapshot is kept only once the report is written (a failed write leaves no snapshot)
    with store.recording(history_file, result, rules, day) as db:
        view = None
        if db is not None:
            kept = [s for s in store.snapshots(db) if s.as_of <= day.isoformat()]
            before = [s for s in kept if s.as_of < day.isoformat()]
            moved = store.migration(db, before[-1].as_of, day.isoformat()) if before else None
            view = HistoryView(
                snapshots=kept,
                migration=moved,
                criteria_changed=len({s.criteria_sha256 for s in kept}) > 1,
                file=str(history_file),
            )
        context = report_context(
            result,
            rules,
            as_of=day,
            source=customers.info.source,
            lang=words,
            history=view,
            limit=limit,
        )
        data = render_report(context, fmt_name, extra=[profile])
        with atomic_write(output) as stream:
            stream.write(data)
    if not quiet:
        print_summary(result.summary, customers.info.source, output)
    fail_if_below(result.summary.quality, fail_under)
