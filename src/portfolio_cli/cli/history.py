"""`portfolio history`: the snapshots kept by `--history`, and how customers moved."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
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
from portfolio_cli.display import json_text, neutralise, visible
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import language, message, plural

if TYPE_CHECKING:
    from portfolio_cli.history import Migration, Snapshot

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

    Without --from/--to: one line per snapshot (date, customers, segments, quality, NPS).
    With --from and/or --to: the migration matrix (rows: segment before, columns: segment
    after, plus new and lost customers) and the customers who moved down. `--format csv` writes
    the list or the matrix; `--format json` writes everything.

    Example:

        portfolio history history.sqlite

        portfolio history history.sqlite --from 2026-10-31 --to 2026-11-30

        portfolio history --history history.sqlite --to 2026-11-30 -f json
    """
    from portfolio_cli import history as store

    name = fmt.lower().strip()
    if name not in FORMATS:
        raise UsageError(
            Issue("bad-format", message("usage.bad_format", value=fmt, choices=", ".join(FORMATS)))
        )
    words = language(lang)
    separator = parse_out_delimiter(out_delimiter)
    file = store.resolve_path(path if path is not None else history, default=True)
    assert file is not None  # default=True always gives a path
    kept = store.snapshots(file)
    if start is None and end is None:
        _show_snapshots(kept, name, words, quiet, separator)
        return
    dates = [s.as_of for s in kept]
    to_day = parse_as_of(end, "--to").isoformat() if end else (dates[-1] if dates else "")
    if start:
        from_day = parse_as_of(start, "--from").isoformat()
    else:
        earlier = [d for d in dates if d < to_day]
        if not earlier:
            listed = ", ".join(dates) or message("history.none")
            raise UsageError(
                Issue(
                    "no-snapshot",
                    message("history.error.none_before", date=to_day, path=file, dates=listed),
                )
            )
        from_day = earlier[-1]
    moved = store.migration(file, from_day, to_day)
    hashes = {s.as_of: s.criteria_sha256 for s in kept}
    changed = hashes.get(from_day) != hashes.get(to_day)
    _show_migration(moved, changed, name, words, quiet, separator)


def snapshot_record(snapshot: Snapshot) -> dict[str, Any]:
    """One snapshot as a flat record (CSV and JSON)."""
    from portfolio_cli.criteria import SEGMENTS  # not at import: --help stays fast

    summary = snapshot.summary
    return {
        "as_of": snapshot.as_of,
        "total": snapshot.total,
        **{name: summary.segments[name] for name in SEGMENTS},
        "quality": summary.quality,
        "nps": summary.nps,
        "criteria_sha256": snapshot.criteria_sha256,
    }


def _show_snapshots(
    kept: list[Snapshot], fmt: str, lang: str, quiet: bool, separator: str | None = None
) -> None:
    from portfolio_cli.criteria import SEGMENTS  # not at import: --help stays fast

    records = [snapshot_record(s) for s in kept]
    if fmt == "json":
        write_stdout(_json({"snapshots": records}))
        return
    if fmt == "csv":
        write_stdout(_csv(records, ["as_of", "total", *SEGMENTS, "quality", "nps"], separator))
        return
    from portfolio_cli.writers.terminal import percent, signed

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for key in ("as_of", "total", *SEGMENTS, "quality", "nps", "criteria"):
        table.add_column(message(f"history.column.{key}", lang), justify="right")
    previous = None
    for record in records:
        digest = record["criteria_sha256"][:8]
        mark = digest if previous is None or digest == previous else f"{digest} *"
        previous = digest
        table.add_row(
            record["as_of"],
            str(record["total"]),
            *(str(record[name]) for name in SEGMENTS),
            percent(record["quality"]),
            signed(record["nps"]),
            mark,
        )
    out = _console()
    out.print(table)
    if not quiet:
        out.print(Text(plural("history.count", len(records), lang)))
        if _criteria_changed(records):
            out.print(Text(message("history.criteria_changed", lang)))


def _criteria_changed(records: list[dict[str, Any]]) -> bool:
    return len({r["criteria_sha256"] for r in records}) > 1


def _show_migration(
    moved: Migration,
    changed: bool,
    fmt: str,
    lang: str,
    quiet: bool,
    separator: str | None = None,
) -> None:
    rows = [
        {
            "previous": previous,
            **moved.matrix[previous],
            "total": sum(moved.matrix[previous].values()),
        }
        for previous in moved.rows()
    ]
    movers = [
        {
            "id": m.id,
            "name": m.name,
            "previous_segment": m.previous,
            "segment": m.current,
            "priority": m.priority,
        }
        for m in moved.moved_down
    ]
    if fmt == "json":
        document = {
            "from": moved.start,
            "to": moved.end,
            "criteria_changed": changed,
            "matrix": moved.matrix,
            "moved_down": movers,
        }
        write_stdout(_json(document))
        return
    if fmt == "csv":
        write_stdout(_csv(rows, ["previous", *moved.columns(), "total"], separator))
        return
    table = Table(
        title=message("history.migration_title", lang, start=moved.start, end=moved.end),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column(message("history.before_after", lang))
    for column in moved.columns():
        table.add_column(_label(column, lang), justify="right")
    for row in rows:
        table.add_row(_label(str(row["previous"]), lang), *(str(row[c]) for c in moved.columns()))
    out = _console()
    out.print(table)
    if changed:
        out.print(Text(message("history.criteria_changed", lang)))
    if movers:
        down = Table(
            title=message("history.moved_down", lang),
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
        )
        for key in ("priority", "id", "name", "previous_segment", "segment"):
            down.add_column(message(f"history.column.{key}", lang))
        for mover in moved.moved_down:
            down.add_row(
                str(mover.priority),
                Text(visible(mover.id)),
                Text(visible(mover.name or "")),
                _label(mover.previous, lang),
                _label(mover.current, lang),
            )
        out.print(down)
    elif not quiet:
        out.print(Text(message("history.nobody_down", lang)))


def _console() -> Console:
    """Standard output; a log file or pipe gets lines wide enough for every column."""
    out = make_console()
    if not out.is_terminal:
        out.width = max(out.width, 120)
    return out


def _label(key: str, lang: str) -> str:
    from portfolio_cli.criteria import SEGMENTS  # not at import: --help stays fast

    if key in SEGMENTS:
        return message(f"segment.{key}", lang)
    return message(f"history.{key}", lang)


def _json(document: dict[str, Any]) -> bytes:
    return (json_text(document) + "\n").encode("utf-8")


def _csv(records: list[dict[str, Any]], columns: list[str], separator: str | None) -> bytes:
    """The records as CSV on standard output (so never a byte order mark), comma-separated
    unless --out-delimiter; a header or text cell a spreadsheet would run is neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=separator or ",")
    writer.writerow([neutralise(column) for column in columns])
    for record in records:
        cells = [record.get(column) for column in columns]
        writer.writerow([neutralise(c) if isinstance(c, str) else c for c in cells])
    return buffer.getvalue().encode("utf-8")
