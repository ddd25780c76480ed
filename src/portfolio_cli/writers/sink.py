"""The pipeline's sink for the machine formats: CSV, JSON, Markdown and XLSX, to a file (written
whole or not at all) or to standard output; with a history, the snapshot is kept once the
output is written, and each customer's previous segment is added to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from portfolio_cli.pipeline import Classified, Rows, keep_segment
from portfolio_cli.writers import formats


@dataclass
class OutputSink:
    """`fmt` (csv, json, markdown or xlsx) to `output`, or to `stdout` when it is None.

    `separator`: --out-delimiter (None: the input's own, as `formats.csv_separator` says);
    `history`: the history file a snapshot of the run goes to (None: none kept); `as_of`: the
    snapshot's date.
    """

    fmt: str
    output: Path | None
    stdout: Callable[[bytes], object]
    separator: str | None = None
    history: Path | None = None
    as_of: dt.date | None = None

    @property
    def takes_rows(self) -> bool:
        return self.fmt == "csv" and self.history is None

    @property
    def added_columns(self) -> tuple[str, ...]:
        from portfolio_cli.criteria import HISTORY_COLUMNS

        return tuple(HISTORY_COLUMNS) if self.history is not None else ()

    def admit(self, rows: int) -> None:
        if self.fmt == "xlsx":
            formats.check_sheet_rows(rows)

    def write(self, classified: Classified) -> None:
        from portfolio_cli import history as snapshots

        result, customers, rules = classified.result, classified.customers, classified.criteria
        options = classified.options
        day = self.as_of or options.day
        # the snapshot is kept only once the output is written (a failed write leaves none)
        with snapshots.recording(self.history, result, rules, day) as db:
            moves = None if db is None else snapshots.movements(db, day.isoformat())
            added = self.added_columns if moves is not None else ()
            # a workbook keeps numbers and dates as such; text formats keep them as written
            typed = self.fmt == "xlsx"
            table = formats.output_table(result, customers, options.keep_columns, added, typed)
            if moves is not None:
                table = snapshots.append_columns(table, rules.customers.id, moves)
            separator = formats.csv_separator(self.separator, customers.info)
            table = keep_segment(table, options.segment)
            if self.output is None:
                self.stdout(formats.render(self.fmt, table, result.summary, separator))
                return
            from portfolio_cli.writers.files import atomic_write

            bom = formats.wants_bom(separator, to_file=True)
            with atomic_write(self.output) as stream:
                if self.fmt == "csv":  # straight into the file, no copy in memory
                    formats.write_csv(table, stream, separator, bom)
                else:
                    stream.write(formats.render(self.fmt, table, result.summary))

    def write_rows(self, rows: Rows) -> None:
        separator = self.separator or rows.delimiter or ","
        if self.output is None:
            formats.write_csv_batches(rows.names, rows.tables, self.stdout, separator)
            return
        from portfolio_cli.writers.files import atomic_write

        bom = formats.wants_bom(separator, to_file=True)
        with atomic_write(self.output) as stream:
            formats.write_csv_batches(rows.names, rows.tables, stream.write, separator, bom)
