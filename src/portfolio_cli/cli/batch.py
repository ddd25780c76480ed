"""`portfolio batch`: many client files in one run, one output each plus summary.csv."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from portfolio_cli.cli.common import (
    AsOfOption,
    ChunkRowsOption,
    CriteriaOption,
    DebugOption,
    DelimiterOption,
    EncodingOption,
    QuietOption,
    boundary,
    find_criteria,
    make_console,
    parse_as_of,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import language, message

if TYPE_CHECKING:
    from portfolio_cli.batch import Job, Outcome

BATCH_FORMATS = ("csv", "json", "markdown")


@boundary
def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Customer lists: CSV files, globs ('clients/*.csv') or folders.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Folder for the outputs and summary.csv (created if missing).",
            show_default=False,
        ),
    ],
    criteria: CriteriaOption = None,
    criteria_dir: Annotated[
        Path | None,
        typer.Option(
            "--criteria-dir",
            metavar="DIR",
            help="Folder of per-client criteria files: DIR/<stem>.yaml is used for <stem>.csv "
            "instead of -c.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="csv, json or markdown."),
    ] = "csv",
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes. Default: one per core.",
            show_default=False,
        ),
    ] = None,
    chunk_rows: ChunkRowsOption = None,
    as_of: AsOfOption = None,
    encoding: EncodingOption = None,
    delimiter: DelimiterOption = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", metavar="LANG", help="en or fr. Default: from LANG.", show_default=False
        ),
    ] = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Classify many client files: one output per input in DIR, and DIR/summary.csv.

    A file that cannot be classified is named on stderr and skipped; the others are written,
    and the exit code is 3.

    Example:

        portfolio batch clients/*.csv -c criteria.yaml -o results/
    """
    from portfolio_cli import batch

    lang_name = language(lang)
    fmt_name = "markdown" if fmt.lower().strip() == "md" else fmt.lower().strip()
    if fmt_name not in BATCH_FORMATS:
        raise UsageError(
            Issue("bad-format", f"unknown format '{fmt}': use one of {', '.join(BATCH_FORMATS)}")
        )
    day = parse_as_of(as_of)
    files, unmatched = batch.expand_inputs(inputs)
    err = make_console(stderr=True)
    if not files:
        raise UsageError(Issue("no-inputs", message("batch.no_inputs", lang_name)))
    common = _common_criteria(criteria, criteria_dir, quiet)
    if output.exists() and not output.is_dir():
        raise UsageError(Issue("not-a-folder", f"-o {output} is a file: give a folder"))
    plan = batch.plan(
        files,
        output,
        fmt_name,
        common,
        criteria_dir,
        day,
        encoding=encoding,
        delimiter=delimiter,
        chunk_rows=chunk_rows,
    )
    output.mkdir(parents=True, exist_ok=True)
    for pattern in unmatched:
        err.print(f"error: {message('batch.unmatched', lang_name, pattern=pattern)}", markup=False)
    outcomes = _run(plan, jobs, lang_name, show_progress=not quiet and sys.stderr.isatty())
    from portfolio_cli.writers.files import atomic_write

    with atomic_write(output / batch.SUMMARY_NAME) as stream:
        stream.write(batch.summary_csv(outcomes))
    failed = [o for o in outcomes if not o.ok]
    for outcome in failed:
        text = message("batch.failed", lang_name, file=outcome.job.source, error=outcome.error)
        err.print(f"error: {text}", markup=False)
    total = len(outcomes) + len(unmatched)
    if not quiet:
        customers = sum(o.summary["total"] for o in outcomes if o.summary is not None)
        err.print(
            message(
                "batch.done",
                lang_name,
                ok=len(outcomes) - len(failed),
                total=total,
                customers=customers,
                folder=output,
            ),
            markup=False,
        )
    if failed or unmatched:
        err.print(
            message(
                "batch.some_failed", lang_name, failed=len(failed) + len(unmatched), total=total
            ),
            markup=False,
        )
        raise typer.Exit(3)


def _common_criteria(
    criteria: Path | None, criteria_dir: Path | None, quiet: bool = False
) -> Path | None:
    """The criteria file for inputs without their own; checked once, before any work."""
    from portfolio_cli.criteria import load_criteria

    if criteria_dir is not None and not criteria_dir.is_dir():
        raise UsageError(Issue("missing-folder", f"--criteria-dir {criteria_dir} is not a folder"))
    if criteria_dir is not None and criteria is None:
        try:
            path = find_criteria(None)
        except UsageError:
            return None  # every input must then have its own
    else:
        path = find_criteria(criteria)
    # a broken common criteria file stops the batch before any output
    warnings = load_criteria(path).warnings
    for warning in () if quiet else warnings:
        make_console(stderr=True).print(f"warning: {warning}", markup=False)
    return path


def _run(plan: list[Job], jobs: int | None, lang: str, *, show_progress: bool) -> list[Outcome]:
    from portfolio_cli import batch

    if not show_progress:
        return batch.run(plan, processes=jobs)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=make_console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(message("batch.progress", lang), total=len(plan))
        return batch.run(plan, lambda _: progress.advance(task), processes=jobs)
