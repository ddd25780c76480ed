"""The pipeline's sinks (`pipeline.Sink`): where a run's customers are written.

`OutputSink`: the machine formats, CSV, JSON, Markdown and XLSX, to a file (written whole or not
at all) or to standard output; with a history, the snapshot is kept once the output is written,
and each customer's previous segment is added to it. `ReportSink`: the monthly report.
"""

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
        from portfolio_cli.writers.files import atomic_path, atomic_write

        bom = formats.wants_bom(separator, to_file=True)
        if rows.copy is not None:  # the engine writes the file itself, after our header line
            header = formats.csv_header(rows.names, separator, bom)
            with atomic_path(self.output) as written:
                rows.copy(written, separator, header, self.output)
            return
        with atomic_write(self.output) as stream:
            formats.write_csv_batches(rows.names, rows.tables, stream.write, separator, bom)


@dataclass
class ReportSink:
    """The monthly report (`fmt`: html or markdown) to `output` (to `stdout` when it is None),
    with what sets each segment apart (`outcome`'s rate too, when given) and, with a `history`
    file, the trend and who moved since the snapshot before (the run's snapshot is kept once the
    report is written)."""

    fmt: str
    output: Path | None
    lang: str
    limit: int
    history: Path | None = None
    outcome: str | None = None
    top: int = 3
    stdout: Callable[[bytes], object] | None = None

    @property
    def takes_rows(self) -> bool:
        return False  # the report reads the whole classification (and every column)

    @property
    def added_columns(self) -> tuple[str, ...]:
        return ()

    def admit(self, rows: int) -> None:
        """A report takes any number of customers."""

    def write(self, classified: Classified) -> None:
        from portfolio_cli import history as store
        from portfolio_cli.traits import profile_segments
        from portfolio_cli.writers.files import atomic_write
        from portfolio_cli.writers.report import HistoryView, render_report, report_context
        from portfolio_cli.writers.traits import profile_section

        result, customers, rules = classified.result, classified.customers, classified.criteria
        day = classified.options.day
        found = profile_segments(customers, result, rules, outcome=self.outcome, top=self.top)
        profile = profile_section(found, self.lang)
        # the snapshot is kept only once the report is written (a failed write leaves none)
        with store.recording(self.history, result, rules, day) as db:
            view = None
            if db is not None:
                kept = [s for s in store.snapshots(db) if s.as_of <= day.isoformat()]
                before = [s for s in kept if s.as_of < day.isoformat()]
                moved = store.migration(db, before[-1].as_of, day.isoformat()) if before else None
                view = HistoryView(
                    snapshots=kept,
                    migration=moved,
                    criteria_changed=len({s.criteria_sha256 for s in kept}) > 1,
                    file=str(self.history),
                )
            context = report_context(
                result,
                rules,
                as_of=day,
                source=customers.info.source,
                lang=self.lang,
                history=view,
                limit=self.limit,
            )
            data = render_report(context, self.fmt, extra=[profile])
            if self.output is None:
                assert self.stdout is not None, "a report goes to a file or to standard output"
                self.stdout(data)
                return
            with atomic_write(self.output) as stream:
                stream.write(data)

    def write_rows(self, rows: Rows) -> None:  # pragma: no cover - takes_rows is False
        raise NotImplementedError("a report needs the whole classification")
