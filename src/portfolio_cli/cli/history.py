"""`portfolio history`: the snapshots kept by `--history`, and how customers moved."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import RenderableType
from rich.text import Text

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import make_console, write_stdout
from portfolio_cli.cli.options import (
    DebugOption,
    HistoryOption,
    LangOption,
    OutDelimiterOption,
    QuietOption,
    parse_as_of,
    parse_out_delimiter,
)
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import language, message

FORMATS = ("table", "csv", "json")


@boundary
def history_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]",
            help="History file. Default: --history, else $PORTFOLIO_HISTORY, "
            "else ./portfolio-history.sqlite.",
            show_default=False,
        ),
    ] = None,
    history: HistoryOption = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help="Show the migration from this snapshot (default: the one before --to).",
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="DATE",
            help="Show the migration to this snapshot (default: the latest).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="table, csv or json."),
    ] = "table",
    out_delimiter: OutDelimiterOption = None,
    lang: LangOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """List the snapshots kept by --history, or show how customers moved between two.

    Without --from/--to: one line per snapshot (date, customers, segments, quality, NPS), then
    how customers moved since the snapshot before the latest. With --from and/or --to: the
    migration matrix (rows: segment before, columns: segment
    after, plus new and lost customers) and the customers who moved down. `--format csv` writes
    the list or the matrix; `--format json` writes everything.

    Example:

        portfolio history history.sqlite

        portfolio history history.sqlite --from 2026-10-31 --to 2026-11-30

        portfolio history --history history.sqlite --to 2026-11-30 -f json
    """
    from portfolio_cli import history as store
    from portfolio_cli.writers import history as history_writer

    name = fmt.lower().strip()
    if name not in FORMATS:
        raise UsageError(
            Issue("bad-format", message("usage.bad_format", value=fmt, choices=", ".join(FORMATS)))
        )
    words = language(lang)
    separator = parse_out_delimiter(out_delimiter)
    file = store.resolve_path(path if path is not None else history, default=True)
    assert file is not None  # default=True always gives a path
    if path is None and history is None and os.environ.get(store.ENVIRONMENT):
        _exists_as_set(file)
    kept = store.snapshots(file)
    if start is None and end is None:
        if name == "json":
            write_stdout(history_writer.snapshots_json(kept))
        elif name == "csv":
            write_stdout(history_writer.snapshots_csv(kept, separator))
        else:
            parts = history_writer.snapshots_table(kept, words, quiet)
            if len(kept) > 1:  # and how customers moved since the snapshot before the latest
                since, until = store.migration_dates(kept, None, None, file)
                changed = store.criteria_changed(kept, since, until)
                moved = store.migration(file, since, until)
                parts += [Text(""), *history_writer.migration_tables(moved, changed, words, quiet)]
            _print(parts)
        return
    to_day = parse_as_of(end, "--to") if end else None
    from_day = parse_as_of(start, "--from") if start else None
    since, until = store.migration_dates(kept, from_day, to_day, file)
    moved = store.migration(file, since, until)
    changed = store.criteria_changed(kept, since, until)
    if name == "json":
        write_stdout(history_writer.migration_json(moved, changed))
    elif name == "csv":
        write_stdout(history_writer.migration_csv(moved, separator))
    else:
        _print(history_writer.migration_tables(moved, changed, words, quiet))


def _exists_as_set(file: Path) -> None:
    """A history file named by $PORTFOLIO_HISTORY that is not there: the message says where
    the name came from (the user typed none)."""
    from portfolio_cli.history import ENVIRONMENT

    if file.exists() or file.is_symlink():
        return
    source = message("click.env_var", name=ENVIRONMENT)
    text = message("history.error.no_file_env", path=file, source=source, name=ENVIRONMENT)
    raise UsageError(Issue("no-history", text))


def _print(parts: list[RenderableType]) -> None:
    """Tables and lines on standard output; a log file or pipe gets lines wide enough for every
    column."""
    out = make_console()
    if not out.is_terminal:
        out.width = max(out.width, 120)
    for part in parts:
        out.print(part)
