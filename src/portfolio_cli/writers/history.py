"""`portfolio history` for people (Rich tables) and for machines (CSV, JSON): the snapshots kept
by `--history`, and how customers moved between two of them.

Ids and names come from the customer's file: they are put in `Text`, made visible, never read
as Rich markup. A CSV header or text cell a spreadsheet would run is neutralised.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from portfolio_cli.criteria import SEGMENTS
from portfolio_cli.display import json_text, neutralise, visible
from portfolio_cli.messages import message, plural

if TYPE_CHECKING:
    from portfolio_cli.history import Migration, Snapshot


def snapshot_record(snapshot: Snapshot) -> dict[str, Any]:
    """One snapshot as a flat record (CSV and JSON)."""
    summary = snapshot.summary
    return {
        "as_of": snapshot.as_of,
        "total": snapshot.total,
        **{name: summary.segments[name] for name in SEGMENTS},
        "quality": summary.quality,
        "nps": summary.nps,
        "criteria_sha256": snapshot.criteria_sha256,
    }


def snapshots_json(kept: list[Snapshot]) -> bytes:
    """Every snapshot, as JSON."""
    return _json({"snapshots": [snapshot_record(s) for s in kept]})


def snapshots_csv(kept: list[Snapshot], separator: str | None) -> bytes:
    """One CSV line per snapshot."""
    records = [snapshot_record(s) for s in kept]
    return _csv(records, ["as_of", "total", *SEGMENTS, "quality", "nps"], separator)


def snapshots_table(kept: list[Snapshot], lang: str, quiet: bool) -> list[RenderableType]:
    """One line per snapshot (a changed criteria file marked `*`), then how many there are."""
    from portfolio_cli.writers.terminal import percent, signed

    records = [snapshot_record(s) for s in kept]
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
    parts: list[RenderableType] = [table]
    if not quiet:
        parts.append(Text(plural("history.count", len(records), lang)))
        if len({r["criteria_sha256"] for r in records}) > 1:
            parts.append(Text(message("history.criteria_changed", lang)))
    return parts


def _matrix_rows(moved: Migration) -> list[dict[str, Any]]:
    return [
        {
            "previous": previous,
            **moved.matrix[previous],
            "total": sum(moved.matrix[previous].values()),
        }
        for previous in moved.rows()
    ]


def migration_json(moved: Migration, changed: bool) -> bytes:
    """The matrix and the customers who moved down, as JSON."""
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
    document = {
        "from": moved.start,
        "to": moved.end,
        "criteria_changed": changed,
        "matrix": moved.matrix,
        "moved_down": movers,
    }
    return _json(document)


def migration_csv(moved: Migration, separator: str | None) -> bytes:
    """The matrix as CSV: a line per segment before, a column per segment after."""
    return _csv(_matrix_rows(moved), ["previous", *moved.columns(), "total"], separator)


def migration_tables(
    moved: Migration, changed: bool, lang: str, quiet: bool
) -> list[RenderableType]:
    """The matrix, then the customers who moved down (or that nobody did)."""
    table = Table(
        title=message("history.migration_title", lang, start=moved.start, end=moved.end),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column(message("history.before_after", lang))
    for column in moved.columns():
        table.add_column(_label(column, lang), justify="right")
    for row in _matrix_rows(moved):
        table.add_row(_label(str(row["previous"]), lang), *(str(row[c]) for c in moved.columns()))
    parts: list[RenderableType] = [table]
    if changed:
        parts.append(Text(message("history.criteria_changed", lang)))
    if moved.moved_down:
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
        parts.append(down)
    elif not quiet:
        parts.append(Text(message("history.nobody_down", lang)))
    return parts


def _label(key: str, lang: str) -> str:
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
