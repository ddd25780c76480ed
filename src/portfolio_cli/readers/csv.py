"""CSV → an Arrow table of text, exactly as written in the file.

The encoding and the separator are found out first (`sniff.py`) unless the user gave them; then
Arrow's CSV reader does the work (multi-threaded, no Python objects per cell). Every column is read
as text so that nothing is guessed here: `columns.py` converts them deliberately.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TypeVar

import pyarrow as pa
import pyarrow.csv as pa_csv

from portfolio_cli.errors import InputError, Issue, PortfolioError
from portfolio_cli.messages import message, plural, reason
from portfolio_cli.readers.sniff import (
    describe_delimiter,
    garbled_sample,
    guess_delimiter,
    guess_encoding,
    is_binary,
    likely_header,
)
from portfolio_cli.roles import looks_like_criteria, not_found

HEAD_BYTES = 1 << 16
BLOCK_BYTES = 1 << 22  # Arrow's block: a row must fit in one; a longer row retries with more
MAX_BLOCK_BYTES = (1 << 31) - 1  # Arrow counts a block's bytes in 32 bits
ZIP_MAGIC = b"PK\x03\x04"
T = TypeVar("T")


@dataclass(frozen=True)
class CsvOptions:
    """What the user told us about the file; None means "find out".

    `decimal` is "," or "."; `dayfirst` True reads 01/02/2026 as 1 February, False as 2 January;
    `sheet` names (or numbers, from 1) the sheet of a workbook; `lang` is the messages' language.
    `header_row` (from 1, as the file's rows are numbered) is where a customer list's header is;
    None finds it: the first of the first HEADER_SEARCH_ROWS rows that holds the column
    `find_header` (the id column, set by `read_customers`), else the first row. Other files
    (orders, surveys) have no `find_header` and their header on the first row.
    """

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    dayfirst: bool | None = None
    sheet: str | None = None
    lang: str | None = None
    header_row: int | None = None
    find_header: str | None = None


@dataclass(frozen=True)
class Part:
    """One file of a glob read as one list: its name, its rows, and its first customer's row
    number in the file."""

    source: str
    rows: int
    first_row: int


@dataclass(frozen=True)
class ReadInfo:
    """What the reader found: format, encoding, delimiter and rows, for `-v` and `check`."""

    source: str
    format: str
    encoding: str = "utf-8"
    delimiter: str = ","
    rows: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    header_row: int = 1  # the header's row in the file, from 1 (title lines above it skipped)
    parts: tuple[Part, ...] = ()  # a glob's files, in the order their rows were read

    def describe(self, lang: str | None = None) -> str:
        """One line: `customers.csv: csv, cp1252, delimiter ';', 300 rows` (and where the
        header is, when title lines come first)."""
        if self.format != "csv":
            text = plural(
                "inputs.read_other",
                self.rows,
                lang,
                source=self.source,
                format=self.format,
                rows=self.rows,
            )
        else:
            text = plural(
                "inputs.read_csv",
                self.rows,
                lang,
                source=self.source,
                encoding=self.encoding,
                delimiter=describe_delimiter(self.delimiter),
                rows=self.rows,
            )
        if self.header_row > 1:
            text += message("inputs.header_on_row", lang, row=self.header_row)
        return text

    @property
    def first_row(self) -> int:
        """The file's row number of the first customer (the header's row, plus one)."""
        return self.header_row + 1

    def row(self, position: int) -> str:
        """Where the customer at 0-based `position` is, as a message names it: its row number
        in the file (`12`), or for a glob its row in the file that holds it
        (`12 (exports/b.csv)`)."""
        for part in self.parts:
            if position < part.rows:
                return message(
                    "inputs.row_in_file", row=position + part.first_row, file=part.source
                )
            position -= part.rows
        return str(position + self.first_row)


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
    lang = options.lang
    if isinstance(source, str | Path):
        path = Path(source)
        head, complete = _head(path, lang)
        data: str | io.BytesIO = str(path)
    else:
        raw = source.read()
        size = HEAD_BYTES
        while _header_end(raw[:size]) < 0 and size < len(raw):
            size *= 4  # a header longer than the window: look further
        head, complete = raw[:size], len(raw) <= size
        data = io.BytesIO(raw)
    if not head.removeprefix(codecs.BOM_UTF8).strip():  # nothing, or a byte-order mark alone
        raise InputError(Issue("empty-file", message("input.empty", lang, source=label)))
    if head.startswith(ZIP_MAGIC) or is_binary(head):
        key = "inputs.zip" if head.startswith(ZIP_MAGIC) else "inputs.binary"
        raise InputError(Issue("binary-file", message(key, lang, source=label)))
    encoding = options.encoding or guess_encoding(head, complete)
    _check_encoding_name(encoding, lang)
    text = head.decode(_python_encoding(encoding), errors="replace").lstrip("\ufeff")
    if looks_like_criteria(label, text):
        raise InputError(
            Issue("swapped-files", message("input.looks_like_criteria", lang, name=label))
        )
    skipped, delimiter = find_header(text, options, label)
    header = _header(skip_lines(text, skipped), delimiter, label, lang)
    wanted = [c for c in columns if c in header] if columns is not None else list(header)
    notes: list[str] = []

    def read(encoding: str, block: int) -> pa.Table:
        if isinstance(data, io.BytesIO):
            data.seek(0)
        return arrow_read(data, header, wanted, encoding, delimiter, block, skipped)

    def failed(exc: Exception, encoding: str) -> InputError:
        return read_error(exc, data, label, header, encoding, delimiter, lang, skipped)

    table, encoding, _ = with_fallbacks(read, encoding, bool(options.encoding), failed)
    garbled = garbled_sample(text)
    if garbled:
        notes.append(
            message("inputs.garbled", lang, source=label, encoding=encoding, sample=garbled)
        )
    info = ReadInfo(
        label,
        "csv",
        _display_encoding(encoding),
        delimiter,
        table.num_rows,
        tuple(notes),
        header_row=skipped + 1,
    )
    return TextTable(table, header, info)


HEADER_SEARCH_ROWS = 20


SAMPLE_BYTES = 1 << 20  # a file's first rows, read to know its layout and column kinds


def first_rows(
    source: str | Path, options: CsvOptions, size: int = SAMPLE_BYTES
) -> tuple[bytes, TextTable] | None:
    """The complete rows within the first `size` bytes of the CSV file `source`: their bytes,
    and read as text (header, encoding, delimiter and cells; messages name `source` as
    written); None when they cannot be read (the in-memory path then reads the file and
    reports the problem as usual)."""
    try:
        with Path(source).open("rb") as handle:
            head = handle.read(size)
    except OSError:
        return None
    if len(head) == size:
        head = head[: head.rfind(b"\n") + 1]
    try:
        return head, read_csv_text(io.BytesIO(head), options, name=str(source))
    except PortfolioError:
        return None


def find_header(text: str, options: CsvOptions, label: str) -> tuple[int, str]:
    """How many lines come before the header (an export's title, "Export clients au
    04/12/2026;;;"), and the separator, sniffed from the header on (so that the title lines
    never decide it).

    `options.header_row` says where the header is; otherwise it is the first of the first
    HEADER_SEARCH_ROWS lines holding the column `options.find_header`, else the first line.
    """
    lines = text.splitlines()
    if options.find_header is None and options.header_row is None:
        # no column name to look for: skip a title line only when it clearly is one
        delimiter = options.delimiter or guess_delimiter(text)
        rows = list(csv.reader(lines[:HEADER_SEARCH_ROWS], delimiter=delimiter))
        skipped = likely_header(rows)
        if skipped:
            delimiter = options.delimiter or guess_delimiter(skip_lines(text, skipped))
        return skipped, delimiter
    if options.header_row is not None:
        skipped = options.header_row - 1
        if skipped >= len(lines):
            raise InputError(
                Issue(
                    "no-header-row",
                    message(
                        "inputs.no_header_row", options.lang, source=label, row=options.header_row
                    ),
                )
            )
        return skipped, options.delimiter or guess_delimiter(skip_lines(text, skipped))
    wanted = options.find_header or ""
    for skipped, line in enumerate(lines[:HEADER_SEARCH_ROWS]):
        if not wanted or wanted not in line:
            continue
        delimiter = options.delimiter or guess_delimiter(skip_lines(text, skipped))
        cells = next(csv.reader([line], delimiter=delimiter), [])
        if any(cell.strip() == wanted for cell in cells):
            return skipped, delimiter
    return 0, options.delimiter or guess_delimiter(text)


def skip_lines(text: str, count: int) -> str:
    """`text` without its first `count` lines."""
    if not count:
        return text
    return "".join(text.splitlines(keepends=True)[count:])


def is_row_too_long(exc: Exception) -> bool:
    """Arrow's "straddling object straddles two block boundaries" (a row) or "header is larger
    than block size": a row longer than the block Arrow reads at a time."""
    return "straddl" in str(exc) or "larger than block size" in str(exc)


def larger_block(block: int) -> int:
    """The next block size to try after a row did not fit in `block` bytes."""
    return min(block * 16, MAX_BLOCK_BYTES)


def _header_end(head: bytes) -> int:
    """Where the first record of `head` ends (its line break), or -1 when `head` stops inside
    it. A line break between double quotes is part of a quoted name."""
    at = -1
    while True:
        at = min(
            (i for i in (head.find(b"\n", at + 1), head.find(b"\r", at + 1)) if i >= 0), default=-1
        )
        if at < 0 or not head.count(b'"', 0, at) % 2:
            return at


def _head(path: Path, lang: str | None) -> tuple[bytes, bool]:
    """The first HEAD_BYTES of the file, or more when its header is longer; and whether that
    is the whole file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            more = len(head) == HEAD_BYTES
            while more and _header_end(head) < 0:
                chunk = handle.read(len(head) * 3)  # a header longer than the window
                head += chunk
                more = bool(chunk)
            return head, not more or not handle.read(1)
    except FileNotFoundError:
        raise InputError(Issue("missing-file", not_found("input.not_found", path, lang))) from None
    except IsADirectoryError:
        raise InputError(Issue("not-a-file", message("input.is_folder", lang, path=path))) from None
    except OSError as exc:
        raise InputError(
            Issue("unreadable", message("input.unreadable", lang, path=path, reason=reason(exc)))
        ) from None


def arrow_read(
    data: str | io.BytesIO,
    header: tuple[str, ...],
    wanted: list[str],
    encoding: str,
    delimiter: str,
    block: int = BLOCK_BYTES,
    skipped: int = 0,
) -> pa.Table:
    """The `wanted` columns of a CSV file as text, cells exactly as written (blank: ""),
    `skipped` title lines above the header, read `block` bytes at a time."""
    options = _arrow_options(header, wanted, encoding, delimiter, block, skipped)
    return pa_csv.read_csv(data, *options)


def open_text_batches(
    path: str | Path,
    header: tuple[str, ...],
    wanted: list[str],
    encoding: str,
    delimiter: str,
    block: int = BLOCK_BYTES,
    skipped: int = 0,
) -> pa_csv.CSVStreamingReader:
    """`arrow_read` as a stream of record batches, for a file read in parts."""
    options = _arrow_options(header, wanted, encoding, delimiter, block, skipped)
    return pa_csv.open_csv(str(path), *options)


def _arrow_options(
    header: tuple[str, ...],
    wanted: list[str],
    encoding: str,
    delimiter: str,
    block: int,
    skipped: int,
) -> tuple[pa_csv.ReadOptions, pa_csv.ParseOptions, pa_csv.ConvertOptions]:
    return (
        pa_csv.ReadOptions(
            column_names=list(header),
            skip_rows=skipped,  # title lines above the header
            skip_rows_after_names=1,  # parsed: a quoted name may hold a line break
            encoding=arrow_encoding(encoding),
            block_size=block,
        ),
        pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
        pa_csv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.string()),
            include_columns=wanted,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )


def with_fallbacks(
    read: Callable[[str, int], T],
    encoding: str,
    fixed: bool,
    failed: Callable[[Exception, str], InputError],
) -> tuple[T, str, int]:
    """`read(encoding, block)`, and what it returned with the encoding and block that worked.

    A guess made on the first 64 KiB can be wrong further down (an "é" on row 40,000 of a file
    that looked like UTF-8): unless the encoding is `fixed` (--encoding), the next encoding in
    the fixed order is then tried on the whole file; a row longer than Arrow's block is read
    again with larger blocks. Any other error is raised as `failed(error, encoding)`.
    """
    others = [] if fixed else fallbacks(encoding)
    block = BLOCK_BYTES
    while True:
        try:
            return read(encoding, block), encoding, block
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
            if others and is_encoding_error(exc):
                encoding = others.pop(0)
                continue
            if is_row_too_long(exc) and block < MAX_BLOCK_BYTES:
                block = larger_block(block)
                continue
            raise failed(exc, encoding) from None


def fallbacks(encoding: str) -> list[str]:
    order = ["utf-8", "cp1252", "latin-1"]
    return order[order.index(encoding) + 1 :] if encoding in order else []


def is_encoding_error(exc: Exception) -> bool:
    text = str(exc)
    return isinstance(exc, UnicodeDecodeError) or any(
        marker in text for marker in ("invalid UTF8", "UnicodeDecodeError", "codec")
    )


def _check_encoding_name(encoding: str, lang: str | None) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            Issue("bad-encoding", message("inputs.unknown_encoding", lang, encoding=encoding))
        ) from None


def arrow_encoding(encoding: str) -> str:
    """Arrow's name for an encoding, from Python's name or the one shown ("utf-8 (BOM)")."""
    plain = encoding.replace("-", "").replace("_", "").lower()
    return "utf8" if plain in ("utf8", "utf8sig", "utf8 (bom)") else encoding


def _python_encoding(encoding: str) -> str:
    return "utf-8-sig" if arrow_encoding(encoding) == "utf8" else encoding


def _display_encoding(encoding: str) -> str:
    return "utf-8 (BOM)" if encoding == "utf-8-sig" else encoding


def _header(text: str, delimiter: str, label: str, lang: str | None) -> tuple[str, ...]:
    """The first record of the file, with blank names filled in and duplicates refused."""
    try:
        first = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except (csv.Error, StopIteration):
        first = text.splitlines()[0].split(delimiter) if text.splitlines() else []
    return column_names(first, label, lang)


def column_names(cells: Iterable[str], label: str, lang: str | None) -> tuple[str, ...]:
    """A header's names as every format reads them: trimmed, a blank one named by its position
    (`column_3`), and two columns of the same name refused."""
    names = [cell.strip() or f"column_{i + 1}" for i, cell in enumerate(cells)]
    seen: dict[str, int] = {}
    for index, column in enumerate(names):
        if column in seen:
            key = "input.duplicate_column"
            if any(looks_like_data(cell) for cell in names):
                key = "input.duplicate_column_data"
            text_ = message(
                key, lang, source=label, first=seen[column] + 1, second=index + 1, column=column
            )
            raise InputError(Issue("duplicate-column", text_))
        seen[column] = index
    return tuple(names)


def looks_like_data(cell: str) -> bool:
    """A header cell that looks like a value (a number, a date, an e-mail), not a name."""
    stripped = cell.replace(".", "").replace(",", "").replace("-", "").replace("/", "")
    return stripped.strip().isdigit() or "@" in cell


_FIELDS = re.compile(r"Expected (\d+) columns, got (\d+)")


def read_error(
    exc: Exception,
    source: str | io.BytesIO,
    label: str,
    header: tuple[str, ...],
    encoding: str,
    delimiter: str,
    lang: str | None,
    skipped: int = 0,
) -> InputError:
    """The one-line error for a CSV file Arrow could not read; `skipped` title lines come
    before the header, so that a row is named by its number in the file."""
    text = str(exc)
    if is_encoding_error(exc):
        return InputError(
            Issue(
                "bad-encoding", message("input.bad_encoding", lang, source=label, encoding=encoding)
            )
        )
    fields = _FIELDS.search(text)
    if fields:
        row = _ragged_row(source, encoding, delimiter, len(header), skipped)
        return InputError(
            Issue(
                "ragged-row",
                message(
                    "input.ragged_row" if row else "input.ragged",
                    lang,
                    source=label,
                    row=row,
                    found=fields.group(2),
                    expected=fields.group(1),
                    delimiter="\\t" if delimiter == "\t" else delimiter,
                ),
            )
        )
    return InputError(Issue("bad-csv", message("input.bad_csv", lang, source=label, detail=text)))


def _ragged_row(
    source: str | io.BytesIO, encoding: str, delimiter: str, width: int, skipped: int = 0
) -> int | None:
    """Row number in the file (its first line is row 1, as in a spreadsheet, title lines
    counted) of the first row below the header that has another width than the header."""
    if isinstance(source, io.BytesIO):
        text = source.getvalue().decode(_python_encoding(encoding), errors="replace")
        return _first_of_width(io.StringIO(text, newline=""), delimiter, width, skipped)
    with Path(source).open(encoding=_python_encoding(encoding), errors="replace", newline="") as f:
        return _first_of_width(f, delimiter, width, skipped)


def _first_of_width(
    lines: Iterable[str], delimiter: str, width: int, skipped: int = 0
) -> int | None:
    # the title lines above the header have their own width: the rows are counted from the
    # header on, then numbered as the file numbers them (as duplicate ids are)
    rows = csv.reader(itertools.islice(lines, skipped, None), delimiter=delimiter)
    for number, record in enumerate(rows, start=skipped + 1):
        if record and len(record) != width:
            return number
    return None
