"""`.xlsx` and `.parquet` → an Arrow table of text, like a CSV, so that every format is typed alike.

Workbooks are read with fastexcel (Rust calamine underneath): on 100,000 rows it read in a
fraction of openpyxl's time (bench/xlsx.py). Cells come out as text — numbers as written by
Excel's value, dates as ISO — and `columns.py` types them as it does a CSV.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message
from portfolio_cli.readers.csv import (
    HEADER_SEARCH_ROWS,
    CsvOptions,
    ReadInfo,
    TextTable,
    column_names,
)
from portfolio_cli.readers.sniff import likely_header
from portfolio_cli.roles import not_found

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
PARQUET_SUFFIXES = (".parquet", ".pq")


def _exists(path: Path, lang: str | None) -> None:
    if not path.exists():
        raise InputError(Issue("missing-file", not_found("input.not_found", path, lang)))
    if path.is_dir():
        raise InputError(Issue("not-a-file", message("input.is_folder", lang, path=path)))


def _reason(exc: Exception) -> str:
    """The first line of a fastexcel error (the rest repeats the path)."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def read_workbook_text(
    source: Path | bytes,
    options: CsvOptions = CsvOptions(),
    columns: list[str] | None = None,
    name: str | None = None,
) -> TextTable:
    """The first sheet of a workbook (or `options.sheet`, a name or a number from 1) as text.

    `source` is a path, or the workbook's bytes (read from a pipe) with `name` to show.
    """
    import fastexcel

    lang = options.lang
    path = name or str(source)
    if isinstance(source, Path):
        _exists(source, lang)
    try:
        reader = fastexcel.read_excel(source)
    except Exception as exc:  # fastexcel raises its own family for a file that is not a workbook
        raise InputError(
            Issue(
                "bad-workbook",
                message("inputs.bad_workbook", lang, source=path, reason=_reason(exc)),
            )
        ) from None
    names = list(reader.sheet_names)
    sheet: int | str = 0
    if options.sheet is not None:
        wanted = options.sheet.strip()
        if wanted in names:
            sheet = wanted
        elif wanted.isdecimal() and len(wanted) <= 9 and 1 <= int(wanted) <= len(names):
            sheet = int(wanted) - 1
        else:
            shown = ", ".join(repr(n) for n in names)
            raise InputError(
                Issue(
                    "no-sheet",
                    message("inputs.no_sheet", lang, source=path, sheet=wanted, sheets=shown),
                )
            )
    try:
        header_at = _header_index(reader, sheet, options, path)
        loaded = reader.load_sheet(sheet, header_row=header_at, dtypes="string")
        batch = loaded.to_arrow()
    except InputError:  # ours, already one clear line (the list is on another sheet)
        raise
    except Exception as exc:
        raise InputError(
            Issue(
                "bad-workbook",
                message("inputs.bad_workbook", lang, source=path, reason=_reason(exc)),
            )
        ) from None
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    label = str(path)
    if any(_RENAMED.fullmatch(str(name)) for name in table.column_names):
        table = table.rename_columns(_sheet_header(reader, sheet, table, label, lang, header_at))
    header = tuple(str(name) for name in table.column_names)
    table = _dates_alone(as_text(table, columns))
    sheet_name = names[sheet] if isinstance(sheet, int) else sheet
    info = ReadInfo(
        label, f"xlsx, sheet '{sheet_name}'", rows=table.num_rows, header_row=header_at + 1
    )
    return TextTable(table, header, info)


def _header_index(reader: Any, sheet: int | str, options: CsvOptions, label: str) -> int:
    """The header's row in the sheet, from 0: `--header-row` (from 1), else the first of the
    first HEADER_SEARCH_ROWS rows holding the id column (`options.find_header`), else the first:
    a title in A1 ("Export clients au 04/12/2026") is skipped. Without --sheet, a first sheet
    without the id column when another sheet has it is an error naming that sheet."""
    if options.header_row is not None:
        return options.header_row - 1
    wanted = options.find_header
    if wanted is None:  # no column name to look for: skip a title only when it clearly is one
        first = _first_rows(reader, sheet)
        columns = [first.column(c).to_pylist() for c in range(first.num_columns)]
        return likely_header([list(row) for row in zip(*columns, strict=True)])
    found = _row_holding(reader, sheet, wanted)
    if found is None and options.sheet is None:  # the list may be on another sheet: say which
        _refuse_when_on_another_sheet(reader, wanted, label, options.lang)
    return found or 0


def _first_rows(reader: Any, sheet: int | str) -> pa.Table:
    return reader.load_sheet(
        sheet, header_row=None, n_rows=HEADER_SEARCH_ROWS, dtypes="string"
    ).to_arrow()


def _row_holding(reader: Any, sheet: int | str, wanted: str) -> int | None:
    """The first of the sheet's first rows with a cell `wanted` (the id column's name)."""
    first = _first_rows(reader, sheet)
    for index in range(first.num_rows):
        cells = (first.column(c)[index].as_py() for c in range(first.num_columns))
        if any(cell is not None and cell.strip() == wanted for cell in cells):
            return index
    return None


def _holds(reader: Any, sheet: str, wanted: str) -> bool:
    """Whether a sheet's first rows hold the id column; a sheet fastexcel cannot read (a chart
    sheet) holds no list."""
    try:
        return _row_holding(reader, sheet, wanted) is not None
    except Exception:
        return False


def _refuse_when_on_another_sheet(reader: Any, wanted: str, label: str, lang: str | None) -> None:
    """The first sheet lacks the id column and another sheet holds it: the fix is --sheet."""
    names = list(reader.sheet_names)
    for name in names[1:]:
        if _holds(reader, name, wanted):
            raise InputError(
                Issue(
                    "id-on-other-sheet",
                    message(
                        "inputs.id_on_other_sheet",
                        lang,
                        source=label,
                        first=names[0],
                        column=wanted,
                        sheet=name,
                    ),
                )
            )


# fastexcel names a blank header cell `__UNNAMED__2` and the second `amount` `amount_1`
_RENAMED = re.compile(r"__UNNAMED__\d+|.+_\d+|\s.*|.*\s")


def _sheet_header(
    reader: Any, sheet: int | str, table: pa.Table, label: str, lang: str | None, at: int = 0
) -> list[str]:
    """The sheet's header as written, read as a CSV header is: a blank cell is `column_3`, two
    columns of the same name are an error (fastexcel would have renamed one `amount_1`)."""
    try:
        first = reader.load_sheet(
            sheet, header_row=None, skip_rows=at or None, n_rows=1, dtypes="string"
        ).to_arrow()
    except Exception:  # the sheet was just read whole: keep fastexcel's names
        return list(table.column_names)
    cells = [
        first.column(i)[0].as_py() if first.num_rows else None for i in range(first.num_columns)
    ]
    if len(cells) != table.num_columns:
        return list(table.column_names)
    return list(column_names([cell or "" for cell in cells], label, lang))


def _dates_alone(table: pa.Table) -> pa.Table:
    """A workbook's date cells come out as `2026-01-31 00:00:00`: a column of such cells (dates
    without a time of day) is written `2026-01-31`, as the spreadsheet shows it. A column of
    times of day alone comes out on Excel's day zero (`1899-12-31 14:05:00`): it is written
    `14:05:00`, a time (text), not a date in 1899."""
    for index, column in enumerate(table.columns):
        cells = pc.if_else(pc.equal(column, ""), None, column)
        if cells.null_count == len(cells):
            continue
        # a cheap test first, the regex only on a column that passes it
        if _every(pc.ends_with(cells, " 00:00:00"), cells, r"^\d{4}-\d{2}-\d{2} 00:00:00$"):
            column = pc.utf8_slice_codeunits(column, 0, 10)
        elif _every(pc.starts_with(cells, "1899-12-31 "), cells, r"^1899-12-31 \d{2}:\d{2}"):
            column = pc.utf8_slice_codeunits(column, 11, 1 << 20)
        else:
            continue
        table = table.set_column(index, table.column_names[index], column)
    return table


def _every(cheap: pa.ChunkedArray, cells: pa.ChunkedArray, pattern: str) -> bool:
    """Every non-null cell passes the cheap test, and then the pattern."""
    if not pc.all(cheap).as_py():
        return False
    return bool(pc.all(pc.match_substring_regex(cells, pattern)).as_py())


def read_parquet_text(
    source: Path | bytes,
    options: CsvOptions = CsvOptions(),
    columns: list[str] | None = None,
    name: str | None = None,
) -> TextTable:
    """A Parquet file as text columns (numbers and dates written back as text, ISO dates).

    `source` is a path, or the file's bytes (read from a pipe) with `name` to show.
    """
    import pyarrow.parquet as pq

    lang = options.lang
    path = name or str(source)
    if isinstance(source, Path):
        _exists(source, lang)
    try:
        opened = source if isinstance(source, Path) else pa.BufferReader(source)
        schema = pq.read_schema(opened)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(
            Issue("bad-parquet", message("inputs.bad_parquet", lang, source=path, reason=exc))
        ) from None
    # the names as a CSV header's are read: blank ones by position, none twice (one line, not
    # Arrow's dump of the schema); a renamed column is read by its place in the file
    header = column_names(schema.names, str(path), lang)
    wanted = [c for c in columns if c in header] if columns is not None else list(header)
    try:
        if header == tuple(schema.names):
            table = pq.read_table(opened, columns=wanted)
        else:
            table = pq.read_table(opened).rename_columns(list(header)).select(wanted)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(
            Issue("bad-parquet", message("inputs.bad_parquet", lang, source=path, reason=exc))
        ) from None
    return TextTable(as_text(table, None), header, ReadInfo(path, "parquet", rows=table.num_rows))


def as_text(
    table: pa.Table, columns: list[str] | None, timestamp_format: str | None = None
) -> pa.Table:
    """Every column as text, blanks as empty strings (as a CSV reads them), dates ISO.

    Timestamps are written as `iso_timestamps` says (or with `timestamp_format`); a float NaN is
    a missing value, as a blank CSV cell is; infinities are written `inf` and `-inf`.
    """
    names = (
        table.column_names if columns is None else [c for c in columns if c in table.column_names]
    )
    arrays = []
    for name in names:
        column = table.column(name)
        if pa.types.is_timestamp(column.type) and timestamp_format is None:
            column = iso_timestamps(column)
        elif pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
            iso = timestamp_format if pa.types.is_timestamp(column.type) else "%Y-%m-%d"
            column = pc.strftime(column, format=iso)
        elif pa.types.is_boolean(column.type):
            column = pc.if_else(column, "true", "false")
        elif pa.types.is_floating(column.type):
            column = pc.cast(pc.if_else(pc.is_nan(column), None, column), pa.string())
        elif not pa.types.is_string(column.type):
            column = other_as_text(column)
        arrays.append(pc.fill_null(column, ""))
    return pa.table(arrays, names=names)


def other_as_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A column of any other Arrow type as text: Arrow's own cast where it has one (integers,
    decimals, times, a dictionary's values); lists, structs and maps as JSON
    (`["a", "b"]`, `{"city": "Lyon"}`); bytes as text when they are UTF-8, else in hex.

    Arrow cannot cast nested values or durations to text, so those go through Python one value
    at a time: such columns are rare in a customer list and only ever shown (--keep-columns),
    never compared.
    """
    kind = column.type
    if pa.types.is_dictionary(kind):
        return other_as_text(pc.cast(column, kind.value_type))
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pc.cast(column, pa.string())
    if not pa.types.is_nested(kind):
        try:
            return pc.cast(column, pa.string())
        except (pa.ArrowNotImplementedError, pa.ArrowInvalid):  # durations; bytes not UTF-8
            pass
    import json

    def shown(value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, bytes):
            return value.hex()
        if pa.types.is_nested(kind):
            return json.dumps(value, ensure_ascii=False, default=str)
        return str(value)

    return pa.chunked_array([pa.array([shown(v) for v in column.to_pylist()], pa.string())])


def iso_timestamps(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Timestamps as ISO 8601 text, as pandas writes them to CSV and as `columns.py` reads them.

    `2026-01-31 14:05:00`, with the fraction of a second when there is one (`14:05:00.123`);
    a column whose every value falls at midnight is dates alone (`2026-01-31`). A timestamp with a
    time zone is written in its zone's wall-clock time with the offset (`2026-02-01 00:30:00+01:00`
    for 23:30 UTC in Paris): the day it is read as is that zone's day.
    """
    text = pc.strftime(column, format="%Y-%m-%d %H:%M:%S")  # %S holds the fraction, if any
    text = pc.replace_substring_regex(text, r"(\.\d*?)0+$", r"\1")
    text = pc.replace_substring_regex(text, r"\.$", "")
    if column.type.tz is not None:
        offset = pc.strftime(column, format="%Ez")
        return pc.binary_join_element_wise(text, offset, "")
    if pc.all(pc.ends_with(text, " 00:00:00"), skip_nulls=True).as_py() is not False:
        return pc.utf8_slice_codeunits(text, 0, 10)
    return text
