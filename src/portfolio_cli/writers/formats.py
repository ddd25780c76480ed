"""The machine formats of a classification: CSV, JSON, Markdown and XLSX, as bytes.

All of them take the same output table (`output_table`): the output columns in the contract's
order, rows in priority order, then the input's own columns with `--keep-columns`.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.display import (
    FORMULA_FIRST,
    HIDDEN_ARROW,
    NUMBER,
    json_text,
    markdown_escape,
    neutralise,
)
from portfolio_cli.display import visible as visible_text
from portfolio_cli.engine import Classification
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message, thousands
from portfolio_cli.naming import kept_names
from portfolio_cli.readers import CustomerList, ReadInfo
from portfolio_cli.result import Summary

LIST_COLUMNS = ("criteria", "problems", "compensated")
# A cell a spreadsheet would run as a formula: starts with = + - @ tab or CR (numbers excepted).
# The same rule as `display.neutralise`, on whole Arrow columns.
_RISKY_FIRST = list(FORMULA_FIRST)  # made an Arrow array when used (see pandas_guard.py)


def output_table(
    result: Classification,
    customers: CustomerList | None = None,
    keep_columns: bool = False,
    reserved: Sequence[str] = (),
    typed: bool = False,
) -> pa.Table:
    """The output as an Arrow table; with `keep_columns`, the input's columns as written, under
    the names `kept_names` gives them. `reserved`: names of columns added later (the history's
    `previous_segment` and `segment_since`), which no kept column may take.

    `typed` (for a workbook) keeps columns of numbers and dates as numbers and dates, so that a
    spreadsheet can sum and sort them; text, codes with leading zeros included, stays as written.
    """
    table = result.output.table()
    columns: dict[str, pa.Array | pa.ChunkedArray] = dict(
        zip(table.column_names, table.columns, strict=True)
    )
    if keep_columns and customers is not None:
        shown = list(result.output.shown)  # id and name
        names = kept_names(customers.header, shown, [*table.column_names, *reserved])
        order = pa.array(result.order)
        taken = customers.text.take(order)
        for name, written in names.items():
            columns[written] = taken.column(name)
            if typed and customers.kinds.get(name) in _TYPED_KINDS and name in customers.columns:
                columns[written] = customers.column(name).take(order)
    return pa.table(columns)


_TYPED_KINDS = (Kind.NUMBER, Kind.DATE)


def neutralise_formulas(table: pa.Table) -> pa.Table:
    """Prefix with ' every text cell and header a spreadsheet would run as a formula, numbers
    excepted: a header is a cell too (`--keep-columns` writes the input's own names)."""
    arrays = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = _neutralise(column)
        elif pa.types.is_dictionary(column.type) and pa.types.is_string(column.type.value_type):
            column = pa.chunked_array(
                [
                    pa.DictionaryArray.from_arrays(chunk.indices, _neutralise(chunk.dictionary))
                    for chunk in column.chunks
                ],
                column.type,
            )
        arrays.append(column)
    return pa.table(arrays, names=[neutralise(name) for name in table.column_names])


def _neutralise(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """One text column: only cells whose first character is risky go through the regexes."""
    if not len(column):
        return column
    first = pc.utf8_slice_codeunits(column, 0, 1)
    suspect = pc.is_in(first, value_set=pa.array(_RISKY_FIRST))
    if not pc.any(suspect).as_py():
        return column  # the common case: one cheap pass, no regex at all
    risky = pc.and_(
        pc.fill_null(suspect, False), pc.invert(pc.match_substring_regex(column, NUMBER))
    )
    return pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)


BOM = b"\xef\xbb\xbf"


def csv_separator(chosen: str | None, info: ReadInfo | None = None) -> str:
    """The separator of CSV output: `--out-delimiter`, else the input's own when it is a CSV
    file (`;` in, `;` out), else a comma (Parquet, xlsx, no input)."""
    if chosen:
        return chosen
    if info is not None and info.format == "csv":
        return info.delimiter
    return ","


def wants_bom(separator: str, to_file: bool) -> bool:
    """A file written with `-o` whose separator is `;` starts with a byte order mark, so that
    French Excel, which opens such files, reads the accents as UTF-8; standard output never."""
    return to_file and separator == ";"


def to_csv(table: pa.Table, delimiter: str = ",", bom: bool = False) -> bytes:
    """CSV, UTF-8, header first, separated by `delimiter`; lists joined with '|'."""
    sink = io.BytesIO()
    write_csv(table, sink, delimiter, bom)
    return sink.getvalue()


def write_csv(
    table: pa.Table, sink: IO[bytes] | Any, delimiter: str = ",", bom: bool = False
) -> None:
    """`to_csv` straight into a binary file (no copy of the whole document in memory).

    A large table is formatted in pieces of PIECE_ROWS rows, one per core at a time (Arrow's
    writer releases the GIL), and the pieces are written in order: the same bytes as one pass.
    """
    safe = neutralise_formulas(table)
    sink.write(csv_header(table.column_names, delimiter, bom))
    options = _rows_only(delimiter)
    workers = min(os.cpu_count() or 1, 4)
    if safe.num_rows <= PIECE_ROWS or workers < 2:
        if safe.num_rows:
            pa_csv.write_csv(safe, sink, write_options=options)
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[io.BytesIO]] = deque()
        for start in range(0, safe.num_rows, PIECE_ROWS):
            pending.append(pool.submit(_csv_rows, safe.slice(start, PIECE_ROWS), options))
            if len(pending) > workers:  # at most one piece per core waits in memory
                sink.write(pending.popleft().result().getbuffer())
        while pending:
            sink.write(pending.popleft().result().getbuffer())


def csv_header(names: Sequence[str], delimiter: str = ",", bom: bool = False) -> bytes:
    """The first line of CSV output: the column names, formulas neutralised, quoted only
    where the separator or a quote needs it; the byte order mark first when asked for."""
    buffer = io.StringIO()
    safe = [neutralise(name) for name in names]
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(safe)
    return (BOM if bom else b"") + buffer.getvalue().encode("utf-8")


def write_csv_batches(
    names: list[str],
    tables: Iterable[pa.Table],
    write: Callable[[bytes], object],
    delimiter: str = ",",
    bom: bool = False,
) -> None:
    """`write_csv` of tables that come one after the other (an engine's result, read in
    batches), as if they were one table: one header line, then each table's rows, formatted
    one piece per core at a time and written in order."""
    write(csv_header(names, delimiter, bom))
    options = _rows_only(delimiter)
    workers = min(os.cpu_count() or 1, 4)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[io.BytesIO]] = deque()
        for table in tables:
            for start in range(0, table.num_rows, PIECE_ROWS):
                piece = neutralise_formulas(table.slice(start, PIECE_ROWS))
                pending.append(pool.submit(_csv_rows, piece, options))
                if len(pending) > workers:  # at most one piece per core waits in memory
                    write(pending.popleft().result().getvalue())
        while pending:
            write(pending.popleft().result().getvalue())


PIECE_ROWS = 1 << 15
PYTHON_ROWS = 1 << 13  # rows turned into Python objects in one call into Arrow


def _rows_only(delimiter: str) -> pa_csv.WriteOptions:
    return pa_csv.WriteOptions(include_header=False, quoting_style="needed", delimiter=delimiter)


def _csv_rows(piece: pa.Table, options: pa_csv.WriteOptions) -> io.BytesIO:
    out = io.BytesIO()
    pa_csv.write_csv(piece, out, write_options=options)
    return out


def python_rows(table: pa.Table) -> Iterator[dict[str, Any]]:
    """The rows of `table` as dicts, a slice at a time: one call into Arrow for a whole large
    table holds the interpreter for seconds, and a SIGTERM or Ctrl-C would wait that long."""
    for start in range(0, table.num_rows, PYTHON_ROWS):
        yield from table.slice(start, PYTHON_ROWS).to_pylist()


def to_json(table: pa.Table, summary: Summary) -> bytes:
    """One object: {"summary": {...}, "customers": [...]} with lists as arrays."""
    records = list(python_rows(table))
    for record in records:
        for name in LIST_COLUMNS:
            value = record.get(name)
            record[name] = value.split("|") if value else []
        for key, value in record.items():
            blank = value == "" and key not in LIST_COLUMNS
            if blank or (isinstance(value, float) and math.isnan(value)):
                record[key] = None
    document = {"summary": _sorted(summary.to_dict()), "customers": records}
    return (json_text(document) + "\n").encode("utf-8")


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    return value


def to_markdown(table: pa.Table) -> bytes:
    """A Markdown (GitHub) table; every cell and header shown as written (`markdown_escape`:
    no HTML, no link, '|' escaped)."""
    names = table.column_names
    lines = [
        "| " + " | ".join(_cell(n) for n in names) + " |",
        "| " + " | ".join("---:" if _numeric(table, n) else "---" for n in names) + " |",
    ]
    for row in python_rows(table):
        lines.append("| " + " | ".join(_cell(row[n]) for n in names) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _numeric(table: pa.Table, name: str) -> bool:
    kind = table.schema.field(name).type
    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind))


def _cell(value: object) -> str:
    return "" if value is None else markdown_escape(value)


XLSX_ROWS = 1_048_576  # rows in an Excel sheet, the header included
XLSX_CELL = 32_767  # characters in an Excel cell
XLSX_COLUMNS = 16_384  # columns in an Excel sheet (A to XFD)


def check_sheet_rows(rows: int) -> None:
    """Raise `UsageError` when `rows` customers (plus the header) do not fit in one sheet:
    said before the work of classifying and writing them, never found cut afterwards."""
    if rows + 1 > XLSX_ROWS:
        text = message("output.xlsx_rows", count=thousands(rows), limit=thousands(XLSX_ROWS - 1))
        raise UsageError(Issue("too-big-for-xlsx", text))


def check_xlsx(table: pa.Table) -> None:
    """Raise `UsageError` when `table` (as written: formulas neutralised) does not fit in one
    Excel sheet: too many rows or columns, or a cell (a header name included) over 32,767
    characters — Excel and xlsxwriter would cut it without a word."""
    check_sheet_rows(table.num_rows)
    if table.num_columns > XLSX_COLUMNS:
        text = message(
            "output.xlsx_columns",
            count=thousands(table.num_columns),
            limit=thousands(XLSX_COLUMNS),
        )
        raise UsageError(Issue("too-big-for-xlsx", text))
    for name in table.column_names:
        if len(name) > XLSX_CELL:
            text = message(
                "output.xlsx_header",
                start=name[:20],
                length=thousands(len(name)),
                limit=thousands(XLSX_CELL),
            )
            raise UsageError(Issue("too-big-for-xlsx", text))
    for name, column in zip(table.column_names, table.columns, strict=True):
        kind = column.type
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
            column = column.cast(kind)
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)) or not len(column):
            continue
        lengths = pc.utf8_length(column)
        longest = pc.max(lengths).as_py()
        if longest is not None and longest > XLSX_CELL:
            row = pc.index(lengths, longest).as_py()
            _too_long(name, row + 2, str(table.column(0)[row].as_py()), longest)


def _too_long(column: str, row: int, customer: str, length: int) -> None:
    text = message(
        "output.xlsx_cell",
        column=column,
        row=row,
        customer=customer,
        length=thousands(length),
        limit=thousands(XLSX_CELL),
    )
    raise UsageError(Issue("too-big-for-xlsx", text))


def visible_cells(table: pa.Table) -> pa.Table:
    """Text cells and headers with their control characters made visible (`display.visible`,
    line breaks kept): what a workbook, read by people, shows. One pass of Arrow's regex per
    column; only the columns holding such a character are rewritten."""
    arrays = []
    for column in table.columns:
        kind = column.type
        if pa.types.is_dictionary(kind) and pa.types.is_string(kind.value_type):
            column, kind = column.cast(kind.value_type), kind.value_type
        text = pa.types.is_string(kind) or pa.types.is_large_string(kind)
        if text and len(column) and pc.any(pc.match_substring_regex(column, HIDDEN_ARROW)).as_py():
            shown = [None if v is None else visible_text(v, lines=True) for v in column.to_pylist()]
            column = pa.array(shown, kind)
        arrays.append(column)
    names = [visible_text(name, lines=True) for name in table.column_names]
    return pa.table(arrays, names=names)


def to_xlsx(table: pa.Table, sheet: str = "customers") -> bytes:
    """An Excel workbook of one sheet; text cells that a spreadsheet would run are neutralised.

    xlsxwriter writes 100,000 rows in about half openpyxl's time (bench/xlsx.py). Every text cell
    is written with `write_string`, so nothing is ever stored as a formula, and cells starting
    with = + - @ tab or CR carry the same ' prefix as in CSV. Lists are joined with '|'.

    A workbook is read by people: control characters in a cell or header (which the file would
    store as `_x001B_` and a spreadsheet would hand back raw) are made visible as on a terminal
    (`display.visible`: ESC as ␛, a tab as ␉); line breaks are kept, a cell may hold several.
    """
    import xlsxwriter

    safe = visible_cells(neutralise_formulas(table))
    check_xlsx(safe)  # on the text as written: a made-visible cell may have grown
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    worksheet = workbook.add_worksheet(sheet)
    bold = workbook.add_format({"bold": True})
    worksheet.write_row(0, 0, safe.column_names, bold)
    for index, column in enumerate(safe.columns):
        kind = column.type
        values = column.to_pylist()
        if pa.types.is_integer(kind) or pa.types.is_floating(kind):
            for row, value in enumerate(values, start=1):
                if value is not None and not (isinstance(value, float) and math.isnan(value)):
                    worksheet.write_number(row, index, value)
        elif pa.types.is_timestamp(kind) or pa.types.is_date(kind):
            # real Excel dates, shown as dates (with the time of day when some cell has one)
            timed = pa.types.is_timestamp(kind) and _has_time(column)
            shown = workbook.add_format(
                {"num_format": "yyyy-mm-dd hh:mm:ss" if timed else "yyyy-mm-dd"}
            )
            for row, value in enumerate(values, start=1):
                if value is not None:
                    worksheet.write_datetime(row, index, value, shown)
        else:
            for row, value in enumerate(values, start=1):
                if value is not None and value != "":
                    worksheet.write_string(row, index, str(value))
    worksheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def _has_time(column: pa.ChunkedArray) -> bool:
    """Some cell of a timestamp column has a time of day other than midnight."""
    seconds = pc.cast(pc.cast(column, pa.timestamp("s")), pa.int64())
    return bool(pc.any(pc.not_equal(pc.remainder(seconds, 86_400), 0)).as_py())


def render(fmt: str, table: pa.Table, summary: Summary, delimiter: str = ",") -> bytes:
    """The output document in a machine format (`delimiter` separates CSV's fields)."""
    if fmt == "csv":
        return to_csv(table, delimiter)
    if fmt == "xlsx":
        return to_xlsx(table)
    if fmt == "json":
        return to_json(table, summary)
    return to_markdown(table)
