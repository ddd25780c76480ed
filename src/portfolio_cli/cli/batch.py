"""`portfolio batch`: many client files in one run, one output each plus summary.csv."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from portfolio_cli import messages
from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import make_console, warn
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
    LangOption,
    OutDelimiterOption,
    QuietOption,
    find_criteria,
    input_parameters,
    output_option,
    parse_as_of,
    parse_out_delimiter,
)
from portfolio_cli.display import visible
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.messages import message, plural

if TYPE_CHECKING:
    from rich.console import Console

    from portfolio_cli.batch import Job, Outcome

BATCH_FORMATS = ("csv", "json", "markdown", "xlsx")


@boundary
@input_parameters("encoding", "delimiter", "header_row", "verbose")
def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT...", help=message("help.batch_inputs"), show_default=False),
    ],
    output: Annotated[Path, output_option("DIR", message("help.batch_output"))],
    criteria: CriteriaOption = None,
    criteria_dir: Annotated[
        Path | None,
        typer.Option(
            "--criteria-dir",
            metavar="DIR",
            help=message("help.criteria_dir"),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help=message("help.batch_format")),
    ] = "csv",
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, metavar="N", help=message("help.jobs"), show_default=False
        ),
    ] = None,
    chunk_rows: ChunkRowsOption = None,
    engine: EngineOption = "auto",
    memory_limit: MemoryLimitOption = None,
    spark_remote: SparkRemoteOption = None,
    spark_master: SparkMasterOption = None,
    pg_table: PgTableOption = None,
    pg_query: PgQueryOption = None,
    out_delimiter: OutDelimiterOption = None,
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    quiet: QuietOption = False,
    debug: DebugOption = False,
    lang: LangOption = None,
) -> None:
    """Classify many client files: one output per input in DIR, and DIR/summary.csv.

    With --engine spark the files are classified one after the other on one Spark session
    (Spark spreads each file over its executors; --jobs is not used). An INPUT may also be a
    PostgreSQL database (postgresql://... or host=... dbname=..., with --table or --query:
    its output is named after the database) or a Spark table (spark:db.customers).
    """
    from portfolio_cli import batch

    if str(output) == "-":  # standard output cannot hold a file per input and the summary
        raise UsageError(Issue("output-is-stdout", message("batch.output_stdout")))
    fmt_name = _format_name(fmt)
    day = parse_as_of(as_of)
    from portfolio_cli import engines

    engine = checked_engine(engine)  # wrong values are refused before any file is read
    engines.check_installed(engine)
    engines.memory_limit(memory_limit)
    separator = parse_out_delimiter(out_delimiter)
    files, unmatched = batch.expand_inputs(inputs)
    err = make_console(stderr=True)
    if not files:
        raise UsageError(Issue("no-inputs", message("batch.no_inputs")))
    _check_database_options(files, pg_table, pg_query)
    common = _common_criteria(criteria, criteria_dir, quiet)
    if output.exists() and not output.is_dir():
        raise UsageError(Issue("not-a-folder", message("batch.not_a_folder", path=output)))
    plan = batch.plan(
        files,
        output,
        fmt_name,
        common,
        criteria_dir,
        day,
        encoding=flags.encoding,
        delimiter=flags.delimiter,
        chunk_rows=chunk_rows,
        lang=messages.current(),
        engine=engine,
        memory_limit=memory_limit,
        out_delimiter=separator,
        header_row=flags.header_row,
        spark_remote=spark_remote,
        spark_master=spark_master,
        table=pg_table,
        query=pg_query,
        verbose=flags.verbose,
    )
    _refuse_overwrite(plan, files, output)
    output.mkdir(parents=True, exist_ok=True)
    no_match = {pattern: message("batch.unmatched", pattern=pattern) for pattern in unmatched}
    for text in no_match.values():
        err.print(message("cli.error", text=visible(text)), markup=False)
    outcomes = _run(plan, jobs, show_progress=not quiet and sys.stderr.isatty())
    if flags.verbose:  # how each input was read, in the order given
        for outcome in outcomes:
            for line in outcome.described:
                err.print(visible(line), markup=False)
    _write_summary(output, outcomes, no_match, separator)
    _report(err, outcomes, len(unmatched), output, quiet)


def _format_name(fmt: str) -> str:
    """The output format --format names (`md` is `markdown`); any other is refused."""
    fmt_name = "markdown" if fmt.lower().strip() == "md" else fmt.lower().strip()
    if fmt_name not in BATCH_FORMATS:
        raise UsageError(
            Issue(
                "bad-format",
                message("usage.bad_format", value=fmt, choices=", ".join(BATCH_FORMATS)),
            )
        )
    return fmt_name


def _write_summary(
    output: Path, outcomes: list[Outcome], no_match: dict[str, str], separator: str | None
) -> None:
    """DIR/summary.csv: one line per input, and one per pattern that matched no file."""
    from portfolio_cli import batch
    from portfolio_cli.writers.files import atomic_write

    with atomic_write(output / batch.SUMMARY_NAME) as stream:
        summary_separator = batch.summary_separator(outcomes, separator)
        stream.write(batch.summary_csv(outcomes, no_match, summary_separator))


def _report(
    err: Console, outcomes: list[Outcome], unmatched: int, output: Path, quiet: bool
) -> None:
    """Each failed input on its line, then (unless `quiet`) how many were done; exit 3 when an
    input failed or a pattern matched no file."""
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        error = visible(outcome.error)  # one line each, every character visible
        source = visible(outcome.job.shown)
        # most errors name their file already: "c.csv: row 3 has ..." is not said twice
        if source in error:
            text = message("batch.failed_named", error=error)
        else:
            text = message("batch.failed", file=source, error=error)
        err.print(message("cli.error", text=text), markup=False)
    total = len(outcomes) + unmatched
    if not quiet:
        customers = sum(o.summary.total for o in outcomes if o.summary is not None)
        done = plural(
            "batch.done", len(outcomes) - len(failed), total=total,
            customers=plural("count.customers", customers),
            folder=output,
        )  # fmt: skip
        err.print(done, markup=False)
    if failed or unmatched:
        some = plural("batch.some_failed", len(failed) + unmatched, total=total)
        err.print(some, markup=False)
        raise typer.Exit(3)


def _check_database_options(inputs: list[Path | str], table: str | None, query: str | None) -> None:
    """--table or --query for the PostgreSQL inputs (one of them, not both), and only with
    one: said before any input is read."""
    from portfolio_cli.engines.postgres import Source, is_source

    databases = [s for s in inputs if isinstance(s, str) and is_source(s)]
    if databases:
        Source(databases[0], table, query)  # raises for neither or both
    elif table is not None or query is not None:
        shown = visible(inputs[0])
        raise UsageError(Issue("bad-option", message("postgres.not_a_database", source=shown)))


def _refuse_overwrite(plan: list[Job], files: list[Path | str], folder: Path) -> None:
    """No output (one per input, summary.csv) may be an input or a criteria file of the batch:
    the whole batch stops before anything is written."""
    from portfolio_cli.batch import SUMMARY_NAME
    from portfolio_cli.writers.files import refuse_overwrite

    shown = f"-o {folder}"
    outputs = [(job.output, shown) for job in plan] + [(folder / SUMMARY_NAME, shown)]
    reads: list[tuple[str, Path | None]] = [("input", p) for p in files if isinstance(p, Path)]
    reads += [("criteria", job.criteria) for job in plan]
    refuse_overwrite(outputs, reads)


def _common_criteria(
    criteria: Path | None, criteria_dir: Path | None, quiet: bool = False
) -> Path | None:
    """The criteria file for inputs without their own; checked once, before any work."""
    from portfolio_cli.criteria import load_criteria

    if criteria_dir is not None and not criteria_dir.is_dir():
        raise UsageError(
            Issue("missing-folder", message("batch.criteria_dir_missing", path=criteria_dir))
        )
    if criteria_dir is not None and criteria is None:
        try:
            path = find_criteria(None)
        except UsageError:
            return None  # every input must then have its own
    else:
        path = find_criteria(criteria)
    # a broken common criteria file stops the batch before any output
    warn(load_criteria(path).warnings, quiet)
    return path


def _run(plan: list[Job], jobs: int | None, *, show_progress: bool) -> list[Outcome]:
    from portfolio_cli import batch

    if not show_progress:
        return batch.run(plan, processes=jobs)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        # a description is shown as written (never markup), like every text on the console
        TextColumn("{task.description}", style="progress.description", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=make_console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(message("batch.progress"), total=len(plan))
        return batch.run(plan, lambda _: progress.advance(task), processes=jobs)
