"""Read a customer list into typed columns, keeping the text as written for the output.

`read_customers` is the one entry point: it reads the file as text (`csv.py` for CSV,
`workbook.py` for .xlsx and .parquet), converts each column deliberately (`columns.py`), and
checks what every customer list must hold: the id column, one non-blank id per row, no id twice.
`orders.py` and `surveys.py` add columns computed from an orders file and a surveys file.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.kinds import Kind, either, suggest
from portfolio_cli.errors import InputError, Issue, UsageError
from portfolio_cli.messages import current, message, plural
from portfolio_cli.readers.columns import (
    FormatCell,
    Typed,
    date_ways,
    first_of_each_way,
    type_table,
    unit_of,
)
from portfolio_cli.readers.columns import why_text as text_reason
from portfolio_cli.readers.csv import (
    HEADER_SEARCH_ROWS,
    CsvOptions,
    Part,
    ReadInfo,
    TextTable,
    looks_like_data,
    read_csv_text,
)
from portfolio_cli.readers.spool import format_of, is_stream, named_in_utf8, read_once
from portfolio_cli.readers.workbook import (
    PARQUET_SUFFIXES,
    WORKBOOK_SUFFIXES,
    read_parquet_text,
    read_workbook_text,
)
from portfolio_cli.sources import input_files, is_pattern

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CsvOptions",
    "CustomerList",
    "ReadInfo",
    "read_customers",
    "read_list_text",
    "read_text",
    "refuse_sheet",
    "why_text",
]

STDIN = "-"
# where the row numbers of a message start: the first customer's row, or the list read
Rows = int | ReadInfo


@dataclass(frozen=True)
class CustomerList:
    """A customer list: typed columns, the header in file order, and the text as written.

    `data` holds the typed columns: an Arrow table as read (classifying to CSV needs nothing
    else, and no pandas), or a DataFrame when columns were added with pandas. `frame` is the
    same columns as a DataFrame, made on first use for the commands that work with pandas.
    """

    data: pa.Table | pd.DataFrame
    kinds: dict[str, Kind]
    header: tuple[str, ...]
    text: pa.Table
    info: ReadInfo
    id_column: str
    # each id's place among the ids sorted as text (1 = first), found while checking that no
    # id appears twice; the priority rank's last key. None when the list was built otherwise.
    id_rank: np.ndarray[Any, Any] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return self.data.num_rows if isinstance(self.data, pa.Table) else len(self.data)

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The typed columns as a DataFrame (booleans as pandas' nullable booleans)."""
        if isinstance(self.data, pa.Table):
            return table_to_pandas(self.data)
        return self.data

    def column(self, name: str) -> pa.ChunkedArray:
        """One typed column as Arrow (nulls where values are missing)."""
        if isinstance(self.data, pa.Table):
            return self.data.column(name)
        return pa.chunked_array([pa.array(self.data[name], from_pandas=True)])

    @property
    def columns(self) -> list[str]:
        """The typed columns' names."""
        if isinstance(self.data, pa.Table):
            return list(self.data.column_names)
        return [str(c) for c in self.data.columns]


def read_text(
    source: str | Path, options: CsvOptions = CsvOptions(), columns: list[str] | None = None
) -> TextTable:
    """Read any supported file (or `-` for standard input) as text columns.

    The suffix chooses the format: .xlsx/.xlsm workbooks, .parquet, anything else CSV.
    Standard input, pipes and devices are read once, whole (see spool.py); their format is
    the suffix's, else the first bytes' (a workbook or Parquet file piped in is read as such).
    So is a file whose name is not UTF-8, which Arrow cannot open by name.
    """
    suffix = "" if str(source) == STDIN else Path(source).suffix.lower()
    if is_stream(source) or not named_in_utf8(source):
        data = read_once(source, options.lang)
        name = "<stdin>" if str(source) == STDIN else str(source)
        found = format_of(data, suffix)
        if found == "xlsx":
            return read_workbook_text(data, options, columns, name=name)
        if found == "parquet":
            return read_parquet_text(data, options, columns, name=name)
        return read_csv_text(io.BytesIO(data), options, columns, name=name)
    if is_pattern(source):
        return _read_pattern(str(source), options, columns)
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook_text(Path(source), options, columns)
    if suffix in PARQUET_SUFFIXES:
        return read_parquet_text(Path(source), options, columns)
    return read_csv_text(source, options, columns)


def read_list_text(
    source: str | Path, options: CsvOptions = CsvOptions(), columns: list[str] | None = None
) -> TextTable:
    """`read_text` for a customer list, where `--sheet` (`options.sheet`) belongs: refused,
    rather than ignored, when the list turns out not to be a workbook."""
    refuse_sheet(source, options.sheet, options.lang)
    text = read_text(source, options, columns)
    refuse_sheet(source, options.sheet, options.lang, text.info.format)
    return text


def refuse_sheet(
    source: str | Path, sheet: str | None, lang: str | None = None, found: str | None = None
) -> None:
    """Refuse `--sheet` (`sheet`) with a customer list that has no sheets (a CSV or Parquet file, a
    glob, a database): silently ignored, it would hide that the wrong file was named.

    `found` is the format read; before reading, the name tells (a workbook's suffix), except
    for standard input and pipes, whose format is known once read.
    """
    if sheet is None:
        return
    if found is None:
        if str(source) == STDIN or is_stream(source):
            return
        workbook = not is_pattern(source) and Path(source).suffix.lower() in WORKBOOK_SUFFIXES
    else:
        workbook = found.startswith("xlsx")
    if not workbook:
        name = "<stdin>" if str(source) == STDIN else str(source)
        text = message("inputs.sheet_not_workbook", lang, sheet=sheet, source=name)
        raise UsageError(Issue("sheet-not-workbook", text))


def _read_pattern(pattern: str, options: CsvOptions, columns: list[str] | None) -> TextTable:
    """Every CSV or Parquet file a glob matches, read as one list (one id space)."""
    files = input_files(pattern)
    if not files:
        raise InputError(Issue("no-input", message("engine.no_match", pattern=pattern)))
    for path in files:
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            text = message("engine.glob_format", pattern=pattern, name=path.name)
            raise InputError(Issue("bad-format", text))
    parts = [read_text(path, options, columns) for path in files]
    first = parts[0]
    tables = []
    for path, part in zip(files, parts, strict=True):
        missing = [name for name in first.header if name not in part.header]
        if missing:
            text = message(
                "engine.glob_header",
                name=path,
                first=files[0],
                missing=", ".join(missing[:5]),
            )
            raise InputError(Issue("bad-header", text))
        tables.append(part.table.select(list(first.table.column_names)))
    table = pa.concat_tables(tables, promote_options="permissive")
    notes = tuple(note for part in parts for note in part.info.notes)
    info = ReadInfo(
        pattern,
        first.info.format,
        first.info.encoding,
        first.info.delimiter,
        table.num_rows,
        notes,
        parts=tuple(
            Part(str(path), part.table.num_rows, part.info.first_row)
            for path, part in zip(files, parts, strict=True)
        ),
    )
    return TextTable(table, first.header, info)


def is_french(info: ReadInfo, options: CsvOptions) -> bool:
    """A `;`-separated file, or a French user: decimal commas and day-first dates come first."""
    return (info.delimiter == ";" and info.format == "csv") or (options.lang or current()) == "fr"


def type_text(
    text: TextTable, options: CsvOptions, text_columns: Collection[str] = ()
) -> tuple[dict[str, Typed], ReadInfo]:
    """Type every column of a text table with the user's hints; notes gain ambiguous dates."""
    typed = type_table(
        text.table,
        text_columns,
        decimal=options.decimal,
        dayfirst=options.dayfirst,
        french=is_french(text.info, options),
    )
    notes = column_notes(text.info.source, typed, options.lang, text.info)
    info = text.info
    if notes:
        info = replace(info, notes=(*info.notes, *notes))
    return typed, info


def column_notes(
    source: str, typed: dict[str, Typed], lang: str | None = None, first: Rows | None = None
) -> list[str]:
    """Warnings about columns kept as text: dates that read both ways, mixed currencies, two
    decimal marks (their cells' rows named when `first`, see `row_label`, says where the rows
    start: None for columns typed from their distinct values)."""
    notes = []
    for name, column in typed.items():
        if column.ambiguous is not None:
            notes.append(
                message(
                    "inputs.ambiguous_dates",
                    lang,
                    source=source,
                    column=name,
                    sample=column.ambiguous,
                )
            )
        if column.mixed:
            key, cells = mixed_cells(column.mixed, lang)
            notes.append(
                message(f"inputs.mixed_{key}", lang, source=source, column=name, cells=cells)
            )
        if column.formats:
            cells = format_cells(column.formats, lang, first)
            notes.append(
                message("inputs.mixed_formats", lang, source=source, column=name, cells=cells)
            )
    return notes


# the words for the units a column may mix (see `mixed_cells`)
_UNIT_NAMES = {
    "%": "inputs.unit_percent",
    "€": "inputs.unit_euro",
    "$": "inputs.unit_dollar",
    "£": "inputs.unit_pound",
    "CHF": "inputs.unit_franc",
}


def mixed_cells(cells: Sequence[str], lang: str | None) -> tuple[str, str]:
    """What a column kept as text mixes, and a cell of each: `("currencies", "'12,00 €',
    '$5.00'")` for amounts in two currencies; `("units", "'12,5 %' (percent) and '3 250,00 €'
    (euro)")` when a percentage sits beside amounts, each cell's unit named, since a percent
    sign is not a currency."""
    units = [unit_of(cell) for cell in cells]
    if "%" not in units:
        return "currencies", ", ".join(f"'{cell}'" for cell in cells)
    shown = [
        message(
            "inputs.unit_cell",
            lang,
            value=cell,
            unit=message(_UNIT_NAMES[unit], lang) if unit in _UNIT_NAMES else unit or "?",
        )
        for cell, unit in zip(cells, units, strict=True)
    ]
    joined = message("inputs.format_cells", lang, first=", ".join(shown[:-1]), second=shown[-1])
    return "units", joined


def format_cells(formats: Sequence[FormatCell], lang: str | None, first: Rows | None = None) -> str:
    """`'€1,234.50' (decimal point) and '3 250,00 €' (decimal comma)`, each cell's row named
    after it when `first` (see `row_label`) says where the rows start."""
    shown = []
    for found in formats:
        mark = message(
            "inputs.decimal_point" if found.mark == "." else "inputs.decimal_comma", lang
        )
        if first is None:
            shown.append(message("inputs.format_cell", lang, value=found.cell, mark=mark))
        else:
            row = row_label(found.position, first)
            shown.append(
                message("inputs.format_cell_row", lang, value=found.cell, row=row, mark=mark)
            )
    return message("inputs.format_cells", lang, first=shown[0], second=shown[1])


def why_text(
    array: pa.ChunkedArray | pa.Array,
    lang: str | None = None,
    *,
    decimal_hint: bool = False,
    first: Rows = 2,
    most: bool = True,
) -> str | None:
    """Why a column of numbers was read as text, in words (`row 15 holds 'n/a', which is not a
    number; ...`, or the currencies it mixes); None for a real text or code column.

    `decimal_hint` adds the advice to pass --decimal when the cells may be numbers written
    another way; `first` is the file's row number of the first customer, or the list's
    `ReadInfo` (a glob names each row's file); `most=False` explains a column where as few as
    one cell is a number (see `columns.why_text`).
    """
    reason = text_reason(array, most=most)
    if reason is None:
        return None
    if reason.mixed:
        key, cells = mixed_cells(reason.mixed, lang)
        return message(f"inputs.mixes_{key}", lang, cells=cells)
    if reason.formats:
        return message(
            "inputs.mixes_formats", lang, cells=format_cells(reason.formats, lang, first)
        )
    shown = ", ".join(
        message("inputs.cell_holds", lang, row=row_label(row, first), value=value)
        for row, value in reason.cells
    )
    if reason.count > len(reason.cells):
        shown = message(
            "inputs.cells_more", lang, cells=shown, count=reason.count - len(reason.cells)
        )
    text = plural("inputs.not_number", reason.count, lang, cells=shown)
    return text + message("engine.decimal_hint", lang) if decimal_hint else text


def why_not_dates(
    array: pa.ChunkedArray | pa.Array, lang: str | None = None, *, first: Rows = 2
) -> str | None:
    """Why a column of dates was read as text, in words: the two ways its dates are written
    (`2026-01-31` and `31/01/2026`, the first cell of each), or its first cells that are not
    dates (`row 4 holds 'n/a', which is not a date`); None when no cell is written as a date
    (a text column) or when every cell is, one way (dates that read both day-first and
    month-first: the reader's warning says so). `first` as in `why_text`.

    Only called to explain an error: it costs a few regex passes.
    """
    text, iso, local = date_ways(array)
    present = pc.is_valid(text)
    dates = pc.or_(iso, local)
    if not pc.any(dates).as_py():
        return None
    bad = pc.indices_nonzero(pc.and_(present, pc.invert(dates)))
    if len(bad):
        positions = bad.slice(0, 3).to_pylist()
        shown = ", ".join(
            message("inputs.cell_holds", lang, row=row_label(p, first), value=text[p].as_py())
            for p in positions
        )
        if len(bad) > len(positions):
            shown = message("inputs.cells_more", lang, cells=shown, count=len(bad) - len(positions))
        return plural("inputs.not_date", len(bad), lang, cells=shown)
    firsts = first_of_each_way(iso, local)
    if firsts is None:
        return None
    one, other = firsts
    return message(
        "inputs.two_date_ways",
        lang,
        first=text[one].as_py(),
        first_row=row_label(one, first),
        second=text[other].as_py(),
        second_row=row_label(other, first),
    )


def read_customers(
    source: str | Path,
    id_column: str,
    *,
    text_columns: Collection[str] = (),
    columns: Collection[str] | None = None,
    options: CsvOptions = CsvOptions(),
) -> CustomerList:
    """Read a customer list; `columns` limits what is read (None: every column).

    `text_columns` (the name column, say) are never converted; the id column never is either.
    Raises `InputError` for a missing id column, blank ids, or an id that appears twice.
    """
    wanted = None if columns is None else list(dict.fromkeys([id_column, *columns]))
    # title lines above the header are skipped: the header is the row holding the id column
    options = replace(options, find_header=id_column)
    text = read_list_text(source, options, wanted)
    label = text.info.source
    if not text.header and options.header_row is not None:  # --header-row on a blank line
        raise InputError(
            Issue(
                "unknown-column",
                message(
                    "inputs.blank_header_row", options.lang, source=label, row=options.header_row
                ),
            )
        )
    if id_column not in text.header:
        searched = options.header_row is None and text.info.format != "parquet"
        raise InputError(_missing_id(label, id_column, text.header, searched, options.lang))
    # a large file: the parser's blocks are given back, not kept beside what follows
    release = pa.default_memory_pool().release_unused if text.table.num_rows > 100_000 else None
    if release:
        release()
    typed, info = type_text(text, options, {id_column, *text_columns})
    id_rank = check_ids(label, id_column, typed[id_column], info)
    kinds = {name: column.kind for name, column in typed.items()}
    data = typed_table(typed, len(text.table))
    del typed
    if release:
        release()
    return CustomerList(data, kinds, text.header, text.table, info, id_column, id_rank)


def typed_table(typed: dict[str, Typed], rows: int) -> pa.Table:
    """The typed columns as one Arrow table of `rows` rows (no copy of the columns)."""
    if not typed:
        return pa.table({"": pa.nulls(rows)}).drop_columns([""])
    return pa.table({name: column.array for name, column in typed.items()})


def to_pandas(typed: dict[str, Typed], rows: int) -> pd.DataFrame:
    """Typed columns as a DataFrame of `rows` rows."""
    return table_to_pandas(typed_table(typed, rows))


def table_to_pandas(table: pa.Table) -> pd.DataFrame:
    """A typed Arrow table as a DataFrame: booleans as pandas' nullable booleans."""
    import pandas as pd

    if not table.num_columns:
        return pd.DataFrame(index=pd.RangeIndex(table.num_rows))
    frame: pd.DataFrame = table.to_pandas(
        types_mapper={pa.bool_(): pd.BooleanDtype()}.get, split_blocks=True
    )
    return frame


def _missing_id(
    label: str,
    id_column: str,
    header: tuple[str, ...],
    searched: bool = False,
    lang: str | None = None,
) -> Issue:
    """The id column is not in the header. `searched`: it is in none of the first rows either
    (said, with --header-row, when the first row holds neither a close name nor data)."""
    close = suggest(id_column, header)
    values = {"source": label, "column": id_column}
    separator = _separator_inside(id_column, header)
    if separator is not None:  # `--delimiter ';'` on a comma file: one column of it all
        shown = "tab" if separator == "\t" else separator
        return Issue(
            "unknown-column",
            message("input.no_id_other_delimiter", lang, delimiter=shown, **values),
        )
    if close:
        return Issue(
            "unknown-column", message("input.no_id_column_close", close=either(close), **values)
        )
    shown = _columns_shown(header)
    key = "input.no_id_column_list"
    if any(looks_like_data(cell) for cell in header):
        key = "input.no_id_column_data"
    text = message(key, columns=shown, **values)
    if searched and key == "input.no_id_column_list":
        text += message("inputs.not_in_first_rows", lang, rows=HEADER_SEARCH_ROWS)
    return Issue("unknown-column", text)


def _separator_inside(id_column: str, header: tuple[str, ...]) -> str | None:
    """The separator that splits a one-column header into names among which is the id column:
    the file was read with the wrong --delimiter."""
    if len(header) != 1:
        return None
    for separator in (",", ";", "\t", "|"):
        if id_column in (name.strip().strip('"') for name in header[0].split(separator)):
            return separator
    return None


def _columns_shown(header: tuple[str, ...]) -> str:
    return ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")


def rows_text(positions: list[int], lang: str | None = None, limit: int = 5) -> str:
    """`row 3` or `rows 3, 5 and 2 more` (spreadsheet numbers) for 0-based data positions."""
    key = "inputs.rows" if len(positions) > 1 else "inputs.row"
    return message(key, lang, rows=row_numbers(positions, limit))


def row_label(position: int, first: Rows = 2) -> str:
    """The row a message names for the customer at 0-based `position`; `first` is the first
    customer's row (2 below a header on row 1), or the list's `ReadInfo`, which knows the title
    lines above the header and, for a glob, which file holds the row."""
    if isinstance(first, ReadInfo):
        return first.row(position)
    return str(position + first)


def row_numbers(positions: list[int], limit: int = 5, first: Rows = 2) -> str:
    """Spreadsheet row numbers for 0-based data positions (see `row_label` for `first`)."""
    shown = ", ".join(row_label(p, first) for p in positions[:limit])
    if len(positions) > limit:
        return message("engine.and_more", shown=shown, count=len(positions) - limit)
    return shown


def check_ids(label: str, id_column: str, ids: Typed, first_row: Rows = 2) -> np.ndarray[Any, Any]:
    """Refuse blank ids and ids that appear twice, both in one message; return each id's rank
    as text (from 1). `first_row` is the file's row number of the first customer, or the
    list's `ReadInfo` (see `row_label`).

    One sort answers both: the ids are all distinct when their dense rank reaches the count,
    and then it is the rank the priority order ends with.
    """
    issues: list[Issue] = []
    blank = pc.is_null(ids.array)
    if pc.any(blank).as_py():
        positions = pc.indices_nonzero(blank).to_pylist()
        issues.append(
            Issue(
                "blank-id",
                plural(
                    "input.blank_id",
                    len(positions),
                    source=label,
                    column=id_column,
                    rows=row_numbers(positions, first=first_row),
                ),
            )
        )
    rank = np.asarray(pc.rank(ids.array, tiebreaker="dense"), dtype=np.int64)
    if not issues and (not len(rank) or int(rank.max()) == len(rank)):
        return rank  # the usual case, without building the counts
    counts = pc.value_counts(ids.array.drop_null())
    repeated = pc.filter(counts, pc.greater(counts.field("counts"), 1))
    if len(repeated):
        first = repeated[0]["values"].as_py()
        positions = pc.indices_nonzero(pc.equal(ids.array, first)).to_pylist()
        others = len(repeated) - 1
        values = {
            "source": label,
            "column": id_column,
            "value": first,
            "rows": row_numbers(positions, first=first_row),
        }
        text = (
            plural("input.duplicate_id_more", others, **values)
            if others
            else message("input.duplicate_id", **values)
        )
        issues.append(Issue("duplicate-id", text))
    if issues:
        raise InputError(issues)
    raise AssertionError("a repeated id was ranked but not counted")  # pragma: no cover
