"""`portfolio classify`: every customer's segment, priority and action."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import RenderableType
from rich.text import Text

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import (
    fail_if_below,
    make_console,
    print_summary,
    show_run,
    warn,
    write_stdout,
)
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
    ChunkRowsOption,
    CriteriaOption,
    DebugOption,
    FailUnderOption,
    HistoryOption,
    InputArgument,
    LangOption,
    OutDelimiterOption,
    QuietOption,
    find_criteria,
    format_option,
    input_parameters,
    output_option,
    parse_as_of,
    parse_out_delimiter,
    refuse_overwrite,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import message, plural

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria
    from portfolio_cli.engine import Classification
    from portfolio_cli.engines import SparkSettings
    from portfolio_cli.readers import CustomerList

FORMAT_NAMES = ("table", "csv", "json", "markdown", "xlsx")
SCREEN_ROWS = 50  # customers the table shows on screen; a file written with -o holds them all
SUFFIXES = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tsv": "csv",  # tab-separated unless --out-delimiter says otherwise
    ".txt": "table",
}


def resolve_format(fmt: str | None, output: Path | None) -> str:
    """--format if given, else the output file's suffix, else a table."""
    if fmt is not None:
        name = fmt.lower().strip()
        if name == "md":
            name = "markdown"
        if name not in FORMAT_NAMES:
            choices = ", ".join(FORMAT_NAMES)
            raise UsageError(
                Issue("bad-format", message("usage.bad_format", value=fmt, choices=choices))
            )
        return name
    if output is None:
        return "table"
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(Issue("bad-format", message("usage.format_from_suffix", name=output.name)))
    return SUFFIXES[suffix]


@boundary
@input_parameters()
def classify_command(
    input: InputArgument,
    criteria: CriteriaOption = None,
    fmt: Annotated[
        str | None,
        format_option("table, csv, json, markdown or xlsx. Default: from -o's suffix, else table."),
    ] = None,
    written_to: Annotated[
        str | None, output_option("FILE", "Write to this file (written whole, or not at all).")
    ] = None,
    keep_columns: Annotated[
        bool, typer.Option("--keep-columns", help="Append the input's own columns, as written.")
    ] = False,
    fail_under: FailUnderOption = None,
    out_delimiter: OutDelimiterOption = None,
    segment: Annotated[
        str | None,
        typer.Option(
            "--segment",
            metavar="KEY",
            help="Keep the rows of one segment: satisfied, easy_to_satisfy or unrecoverable "
            "(ranks and summary stay those of the whole portfolio).",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=0,
            metavar="N",
            help="Rows shown in the table format (0: all). Default: 50 on screen, all in a "
            "file written with -o.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    history: HistoryOption = None,
    chunk_rows: ChunkRowsOption = None,
    engine: EngineOption = "auto",
    memory_limit: MemoryLimitOption = None,
    spark_remote: SparkRemoteOption = None,
    spark_master: SparkMasterOption = None,
    pg_table: PgTableOption = None,
    pg_query: PgQueryOption = None,
    flags: InputFlags = NO_FLAGS,
    quiet: QuietOption = False,
    debug: DebugOption = False,
    lang: LangOption = None,
) -> None:
    """Classify customers into satisfied, easy to satisfy and unrecoverable.

    Example:

        portfolio classify customers.csv -c criteria.yaml

        portfolio classify customers.csv -o classified.csv --keep-columns

        portfolio classify customers.csv -f json --fail-under 70 > portfolio.json

        portfolio classify customers.csv --segment easy_to_satisfy

        portfolio classify customers.csv -o 2026-11.csv --history history.sqlite

        portfolio classify 'exports/*.parquet' --engine duckdb -o classified.csv

        portfolio classify 's3a://crm/customers/*.parquet' --engine spark -o out/ -f parquet

        portfolio classify 'postgresql://me@db.example.com/crm' --table customers -o out.csv
    """
    from portfolio_cli import engines, pipeline
    from portfolio_cli import history as snapshots
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.writers.sink import OutputSink

    engine = checked_engine(engine)  # a wrong one, from $PORTFOLIO_ENGINE too, before reading
    spark = engines.SparkSettings(spark_remote, spark_master)
    # `-o -` is standard output, as `-` is standard input
    output = None if written_to in (None, "-") else Path(written_to)
    if fmt is not None and fmt.strip().lower() == "parquet":  # Spark's folder of files
        # -o as written: a URI's `//` (s3a://bucket/dir) is not a path's to fold
        folder = (criteria, written_to, engine, as_of, flags, keep_columns, fail_under, spark)
        _classify_to_folder(input, *folder)
        return
    fmt_name = resolve_format(fmt, output)
    separator = parse_out_delimiter(out_delimiter)
    if separator is None and output is not None and output.suffix.lower() == ".tsv":
        separator = "\t"
    kept = resolve_segment(segment)
    if fmt_name == "xlsx" and output is None and sys.stdout.isatty():
        raise UsageError(Issue("binary-to-terminal", message("inputs.xlsx_to_terminal")))
    day = parse_as_of(as_of)
    path = find_criteria(criteria)
    rules = load_criteria(path)
    history_file = snapshots.resolve_path(history, default=False)
    options = pipeline.Options(
        day, flags, engine, memory_limit, spark, pg_table, pg_query, chunk_rows, keep_columns,
        segment=kept,
    )  # fmt: skip
    planned = pipeline.plan(input, options)
    warn(planned.warnings, quiet)
    refuse_overwrite(output, None if planned.in_database else input, path, flags, history_file)
    warn(rules.warnings, quiet)
    if fmt_name == "table":
        done = pipeline.classify(planned, rules)
        show_run(done, flags)
        result, customers = done.in_memory()
        with snapshots.recording(history_file, result, rules, day) as db:
            moves = None if db is None else snapshots.movements(db, day.isoformat())
            rows = limit if limit is not None else (SCREEN_ROWS if output is None else 0)
            _print_table(result, customers, rules, output, rows, moves, kept, quiet)
    else:
        sink = OutputSink(fmt_name, output, write_stdout, separator, history_file, day)
        done = pipeline.run(planned, rules, sink)
        show_run(done, flags)
        if not quiet:
            print_summary(done.summary, done.source, output)
    fail_if_below(done.summary.quality, fail_under)


def _classify_to_folder(
    source: str,
    criteria: Path | None,
    target: str | None,
    engine: str,
    as_of: str | None,
    flags: InputFlags,
    keep_columns: bool,
    fail_under: float | None,
    settings: SparkSettings,
) -> None:
    """`-o DIR/ --format parquet` with --engine spark: Spark writes the customers as a folder
    of Parquet files and summary.json beside them; nothing but the summary reaches us.
    `target` is a path on this machine or a URI Spark writes (s3a://, hdfs://, file://)."""
    from portfolio_cli import engines, pipeline
    from portfolio_cli.criteria import load_criteria

    if engines.choose(engine, source) != "spark":
        raise UsageError(Issue("bad-format", message("spark.parquet_needs_spark")))
    output = None if target is None or "://" in target else Path(target)
    # `-o -`: a folder of files cannot go to standard output
    if target in (None, "-") or (output is not None and output.exists()):
        shown = "-" if target is None else target
        raise UsageError(Issue("bad-output", message("spark.folder_output", path=shown)))
    day = parse_as_of(as_of)
    path = find_criteria(criteria)
    rules = load_criteria(path)
    refuse_overwrite(output, source, path, flags, None)
    warn(rules.warnings, flags.quiet)
    options = pipeline.Options(day, flags, engine, spark=settings, keep_columns=keep_columns)
    done = pipeline.write_folder(source, rules, target, options)
    warn(done.warnings, flags.quiet)
    if not flags.quiet:
        print_summary(done.summary, done.source, target)
    fail_if_below(done.summary.quality, fail_under)


def _print_table(
    result: Classification,
    customers: CustomerList,
    rules: Criteria,
    output: Path | None,
    limit: int,
    moves: dict[str, tuple[str | None, str]] | None = None,
    segment: str | None = None,
    quiet: bool = False,
) -> None:

    from portfolio_cli.writers.files import atomic_write
    from portfolio_cli.writers.terminal import actions_lines, customer_table, summary_lines

    frame = result.customers
    if segment is not None:
        frame = frame[frame["segment"] == segment]
    shown = frame if limit == 0 else frame.head(limit)
    rows = [
        {str(k): v for k, v in row.items()}
        for row in shown.astype(object).where(shown.notna(), None).to_dict("records")
    ]
    width = make_console().width if output is None else 120
    parts: list[RenderableType] = [
        customer_table(
            rows,
            rules.customers.id,
            rules.customers.name,
            [r.key for r in rules.criteria],
            width,
            None if moves is None else {key: move[0] for key, move in moves.items()},
        )
    ]
    if len(shown) < len(frame):
        parts.append(Text(plural("summary.more", len(frame) - len(shown))))
    # The summary and the advice are sentences: in a file or a pipe each stays on one line
    # (a terminal wraps them at its width); only the table needs a width.
    sentences: list[RenderableType] = [Text(), summary_lines(result.summary, customers.info.source)]
    if result.summary.total:  # no customer, no advice: not a heading over nothing
        sentences += [Text(), actions_lines(rules.actions, result.summary)]
    if quiet:  # -q: the table asked for, no summary and no advice
        sentences = []
    if output is None:
        console = make_console()
        console.print(*parts, sep="\n")
        if sentences:
            console.print(*sentences, sep="\n", soft_wrap=not console.is_terminal)
        return
    text = io.StringIO()
    console = make_console(file=text, width=160, color_system=None)
    console.print(*parts, sep="\n")
    if sentences:
        console.print(*sentences, sep="\n", soft_wrap=True)
    with atomic_write(output) as stream:
        stream.write(text.getvalue().encode("utf-8"))


def resolve_segment(value: str | None) -> str | None:
    """--segment's key (`easy_to_satisfy`; `Easy-to-satisfy` too), or a usage error naming
    the valid keys and the closest one."""
    if value is None:
        return None
    from portfolio_cli.conditions.kinds import suggest
    from portfolio_cli.criteria import SEGMENTS

    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key in SEGMENTS:
        return key
    # `easy`, or the French words of the table (`facile`, `irrécupérable`): the key they mean
    stems = {"sat": "satisfied", "eas": "easy_to_satisfy", "fac": "easy_to_satisfy"}
    stems |= {"unr": "unrecoverable", "irr": "unrecoverable", "los": "unrecoverable"}
    close = [stems[key[:3]]] if key[:3] in stems else suggest(key, SEGMENTS)
    keys = ", ".join(SEGMENTS)
    text = (
        message("usage.bad_segment_close", value=value, close=close[0], keys=keys)
        if close
        else message("usage.bad_segment", value=value, keys=keys)
    )
    raise UsageError(Issue("bad-segment", text))
