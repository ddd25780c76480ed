"""CSV → an Arrow table of text, exactly as written in the file.

Arrow's CSV reader does the work (multi-threaded, no Python objects per cell); every column is
read as text so that nothing is guessed here: `columns.py` converts them deliberately.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.csv as pa_csv

from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message

HEAD_BYTES = 1 << 16


@dataclass(frozen=True)
class CsvOptions:
    """What the user told us about the file; None means "find out"."""

    encoding: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class ReadInfo:
    """What the reader found: format, encoding, delimiter and rows, for `-v` and `check`."""

    source: str
    format: str
    encoding: str = "utf-8"
    delimiter: str = ","
    rows: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TextTable:
    """Every column of a file as text (`table`), its header in order, and what was found."""

    table: pa.Table
    header: tuple[str, ...]
    info: ReadInfo


def read_csv_text(
    source: str | Path | BinaryIO,
    options: CsvOptions = CsvOptions(),
    columns: list[str] | None = None,
    name: str | None = None,
) -> TextTable:
    """Read a CSV file (a path, or a binary stream such as standard input) as text columns."""
    label = name or str(source)
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            with path.open("rb") as handle:
                head = handle.read(HEAD_BYTES)
        except FileNotFoundError:
            raise InputError(Issue("missing-file", message("input.not_found", path=path))) from None
        except IsADirectoryError:
            raise InputError(Issue("not-a-file", message("input.is_folder", path=path))) from None
        except OSError as exc:
            raise InputError(
                Issue("unreadable", message("input.unreadable", path=path, reason=exc.strerror))
            ) from None
        data: str | pa.NativeFile | io.BytesIO = str(path)
    else:
        raw = source.read()
        head = raw[:HEAD_BYTES]
        data = io.BytesIO(raw)
    encoding = options.encoding or "utf-8"
    delimiter = options.delimiter or ","
    header = _header(head, encoding, delimiter, label)
    wanted = [c for c in columns if c in header] if columns is not None else list(header)
    try:
        table = pa_csv.read_csv(
            data,
            read_options=pa_csv.ReadOptions(
                column_names=list(header),
                skip_rows=1,
                encoding=_arrow_encoding(encoding),
                block_size=1 << 22,
            ),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                include_columns=wanted,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as exc:
        raise _read_error(exc, source, label, header, encoding, delimiter) from None
    info = ReadInfo(label, "csv", encoding, delimiter, table.num_rows)
    return TextTable(table, header, info)


def _arrow_encoding(encoding: str) -> str:
    return "utf8" if encoding.replace("-", "").lower() in ("utf8", "utf8sig") else encoding


def _header(head: bytes, encoding: str, delimiter: str, label: str) -> tuple[str, ...]:
    """The first record of the file, with blank names filled in and duplicates refused."""
    if not head.strip():
        raise InputError(Issue("empty-file", message("input.empty", source=label)))
    text = head.decode(_python_encoding(encoding), errors="replace").lstrip("\ufeff")
    try:
        first = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except (csv.Error, StopIteration):
        first = text.splitlines()[0].split(delimiter) if text.splitlines() else []
    names = [cell.strip() or f"column_{i + 1}" for i, cell in enumerate(first)]
    seen: dict[str, int] = {}
    for index, column in enumerate(names):
        if column in seen:
            key = "input.duplicate_column"
            if any(looks_like_data(cell) for cell in names):
                key = "input.duplicate_column_data"
            text = message(
                key, source=label, first=seen[column] + 1, second=index + 1, column=column
            )
            raise InputError(Issue("duplicate-column", text))
        seen[column] = index
    return tuple(names)


def looks_like_data(cell: str) -> bool:
    """A header cell that looks like a value (a number, a date, an e-mail), not a name."""
    stripped = cell.replace(".", "").replace(",", "").replace("-", "").replace("/", "")
    return stripped.strip().isdigit() or "@" in cell


def _python_encoding(encoding: str) -> str:
    return "utf-8-sig" if _arrow_encoding(encoding) == "utf8" else encoding


_FIELDS = re.compile(r"Expected (\d+) columns, got (\d+)")


def _read_error(
    exc: pa.ArrowInvalid,
    source: str | Path | BinaryIO,
    label: str,
    header: tuple[str, ...],
    encoding: str,
    delimiter: str,
) -> InputError:
    detail = str(exc)  # Arrow's own words, kept as written
    if "invalid UTF8" in detail or "UnicodeDecodeError" in detail or "codec" in detail:
        return InputError(
            Issue("bad-encoding", message("input.bad_encoding", source=label, encoding=encoding))
        )
    fields = _FIELDS.search(detail)
    if fields:
        row = _ragged_row(source, encoding, delimiter, len(header))
        text = message(
            "input.ragged_row" if row else "input.ragged",
            source=label,
            row=row,
            found=fields.group(2),
            expected=fields.group(1),
            delimiter=delimiter,
        )
        return InputError(Issue("ragged-row", text))
    return InputError(Issue("bad-csv", message("input.bad_csv", source=label, detail=detail)))


def _ragged_row(
    source: str | Path | BinaryIO, encoding: str, delimiter: str, width: int
) -> int | None:
    """Row number (the header is row 1, as in a spreadsheet) of the first row of another width."""
    if not isinstance(source, str | Path):
        return None
    with Path(source).open(encoding=_python_encoding(encoding), errors="replace", newline="") as f:
        for number, record in enumerate(csv.reader(f, delimiter=delimiter), start=1):
            if record and len(record) != width:
                return number
    return None
