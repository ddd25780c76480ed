"""Decide what each text column holds (number, date, true/false, text) and convert it.

Every file is read as text first, then each column is converted deliberately and only when the
whole column agrees: a column in which any non-blank cell is not a number stays text; a column
whose values have leading zeros (ids, postal codes) stays text; blank and whitespace-only cells are
missing. Numbers may be written the French way (`1 234,56`, `1.234,56`, with non-breaking spaces)
and dates day-first (`31/01/2026`) when the column itself, or the user, says which. All of it runs
as Arrow compute kernels over whole columns.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.kinds import Kind

NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
# Infinities and NaN as programs write them (Python `inf`/`nan`, R `Inf`/`NaN`, Java `Infinity`):
# numbers among plain numbers; a NaN is a missing value there, as a blank cell is.
NUMBER_OR_NAN = r"(?i)^[+-]?((\d+\.?\d*|\.\d+)(e[+-]?\d+)?|inf|infinity|nan)$"
LEADING_ZERO = r"^[+-]?0\d"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
# A date, with or without a time of day: seconds and their fraction optional, then an optional
# zone (Z, UTC, +01:00, +0100, +01). The day is the one written: the wall-clock day in that zone.
ISO_DATETIME = (
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?( ?(Z|UTC|[+-]\d{2}(:?\d{2})?))?)?$"
)
# Thousands separators: space, non-breaking space, narrow non-breaking space, apostrophe, and the
# mark that is not the decimal one.
_SPACES = "\u0020\u00a0\u202f'"
COMMA_DECIMAL = rf"^[+-]?(\d{{1,3}}([{_SPACES}.]\d{{3}})+|\d+)(,\d+)?$"
DOT_DECIMAL = rf"^[+-]?(\d{{1,3}}([{_SPACES},]\d{{3}})+|\d+)(\.\d+)?$"
# 31/01/2026, 31.01.2026, 31-01-2026, 1/2/2026, optionally followed by a time.
LOCAL_DAY = r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$"
SAMPLE = 2000
PARALLEL_ROWS = 50_000  # below this, starting threads costs more than it saves
LOCAL_DATE = (
    r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]\d{4}(?: \d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$"
)
# Amounts: a number with a currency sign or code before or after it (3 250,00 €, €1,234.50,
# 1 234,50 EUR, $99, -1 234,50 €, € -5, accounting's (1 234,50 €)), or a percentage (12,5 %).
# The groups are read by `_amounts`; the number itself is then read as any number is.
_GAP = "[ \u00a0\u202f]*"
_UNIT = "€|\\$|£|CHF|EUR|USD|GBP"
AMOUNT = (
    f"^(?P<open>\\(?){_GAP}(?P<sign>[-+\u2212]?){_GAP}(?P<before>(?:{_UNIT})?){_GAP}"
    f"(?P<sign2>[-+\u2212]?){_GAP}(?P<number>\\d(?:[\\d{_SPACES},.]*\\d)?)"
    f"{_GAP}(?P<after>(?:{_UNIT}|%)?){_GAP}(?P<close>\\)?)$"
)
# one name per currency, whichever way it is written
CURRENCY_NAMES = {"EUR": "€", "USD": "$", "GBP": "£"}


def unit_of(cell: str) -> str | None:
    """The unit an amount or percentage is written in, one sign per unit (`€`, `$`, `£`,
    `CHF` or `%`; `1 234,50 EUR` is in `€`); None for a cell that is not one. Called on the
    few cells a warning names, never on a column."""
    found = re.match(AMOUNT, cell.strip())
    if found is None:
        return None
    unit = found["before"] or found["after"]
    return CURRENCY_NAMES.get(unit, unit) or None


@dataclass(frozen=True)
class Typed:
    """A converted column: its kind and its Arrow array (nulls where cells were blank).

    `ambiguous` holds a sample when the column looked like dates that read both day-first and
    month-first and was kept as text for that reason; `mixed` a cell of each currency when the
    column held amounts in several currencies (kept as text: they are not one number);
    `formats` the first cell written with a decimal point and the first with a decimal comma
    (`€1,234.50`, `3 250,00 €`, as `FormatCell`s in the column's order) when its amounts are
    written both ways (kept as text: `1,234` cannot be read both ways at once).
    """

    kind: Kind
    array: pa.ChunkedArray
    ambiguous: str | None = None
    # amounts in several currencies (or amounts and percentages), kept as text: a cell of each
    mixed: tuple[str, ...] | None = None
    formats: tuple[FormatCell, ...] | None = None


@dataclass(frozen=True)
class FormatCell:
    """The first cell of a column written with one decimal mark: `position` (0-based), the
    cell as written, and the mark (`.` or `,`)."""

    position: int
    cell: str
    mark: str


def clean_text(array: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray:
    """Trim surrounding white space (non-breaking spaces too); blank cells become null.

    Most columns have nothing to trim: when no cell starts or ends with a byte that can begin
    or end a white space character, only the empty cells are marked null (a validity bitmap over
    the same buffers, no copy of the text). Otherwise every cell is trimmed.
    """
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    untouched = [_blank_as_null(chunk) for chunk in chunks]
    if all(chunk is not None for chunk in untouched):
        return pa.chunked_array(untouched, pa.string())
    trimmed = pc.utf8_trim_whitespace(array)
    return _chunked(pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed))


def date_ways(
    array: pa.ChunkedArray | pa.Array,
) -> tuple[pa.ChunkedArray, pa.ChunkedArray, pa.ChunkedArray]:
    """A column's cells trimmed (blank ones null), and which are dates written year first
    (`2026-11-01`, a time of day allowed) and which day first (`15/11/2026`), never null.
    Only called to explain an error: it costs a few regex passes."""
    text = clean_text(array)
    iso = pc.fill_null(
        pc.or_(
            pc.match_substring_regex(text, ISO_DATE), pc.match_substring_regex(text, ISO_DATETIME)
        ),
        False,
    )
    local = pc.fill_null(pc.match_substring_regex(text, LOCAL_DATE), False)
    return text, iso, local


def first_of_each_way(iso: pa.ChunkedArray, local: pa.ChunkedArray) -> tuple[int, int] | None:
    """The positions of the first date written each way (`date_ways`), in the column's order,
    when both ways are used; else None."""
    ways = [pc.indices_nonzero(way) for way in (iso, local)]
    if not all(len(way) for way in ways):
        return None
    one, other = sorted(int(way[0].as_py()) for way in ways)
    return one, other


# The first bytes of every character `utf8_trim_whitespace` removes: ASCII controls and space
# (at most 0x20), and the lead bytes of U+0085/U+00A0 (C2), U+1680 (E1), U+2000-U+205F (E2) and
# U+3000 (E3). tests/test_column_shortcuts.py checks this against every code point.
_SPACE_FIRST = np.zeros(256, dtype=bool)  # by byte value: may begin a white space character
_SPACE_FIRST[: 0x20 + 1] = True
_SPACE_FIRST[[0xC2, 0xE1, 0xE2, 0xE3]] = True
_THREE_BYTE_SPACE = np.zeros(256, dtype=bool)  # the lead bytes of three-byte ones
_THREE_BYTE_SPACE[[0xE1, 0xE2, 0xE3]] = True


def _blank_as_null(chunk: pa.Array) -> pa.Array | None:
    """The chunk with empty cells null, or None when some cell may need trimming."""
    if chunk.type != pa.string():
        return None
    size, offset = len(chunk), chunk.offset
    if not size:
        return chunk
    _, offsets_buffer, data_buffer = chunk.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32, count=size + 1, offset=4 * offset)
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer else np.zeros(1, np.uint8)
    valid = offsets[1:] > offsets[:-1]
    if chunk.null_count:
        valid &= chunk.is_valid().to_numpy(zero_copy_only=False)
    starts = offsets[:-1][valid]
    ends = offsets[1:][valid] - 1
    first, last = data[starts], data[ends]
    if _SPACE_FIRST[first].any() or (last <= 0x20).any():
        return None
    wide = last >= 0x80  # the last character is not ASCII: look at its lead byte
    if wide.any():
        ends = ends[wide]
        if (data[np.maximum(ends - 1, 0)] == 0xC2).any():
            return None
        if _THREE_BYTE_SPACE[data[np.maximum(ends - 2, 0)]].any():
            return None
    bits = np.concatenate([np.zeros(offset, dtype=bool), valid]) if offset else valid
    bitmap = pa.py_buffer(np.packbits(bits, bitorder="little"))
    return pa.Array.from_buffers(
        pa.string(),
        size,
        [bitmap, offsets_buffer, data_buffer],
        null_count=size - int(np.count_nonzero(valid)),
        offset=offset,
    )


def _all(mask: pa.ChunkedArray | pa.Array) -> bool:
    """True when every non-null value of a boolean column is true."""
    return bool(pc.all(mask, skip_nulls=True).as_py() is not False)


def _any(mask: pa.ChunkedArray | pa.Array) -> bool:
    return bool(pc.any(mask, skip_nulls=True).as_py())


def _matches(text: pa.ChunkedArray, pattern: str) -> bool:
    """Every non-blank cell matches; the first cells are tried alone first, so that a text
    column is turned down after a few thousand cells instead of a full scan per pattern."""
    if not _all(pc.match_substring_regex(text.slice(0, SAMPLE), pattern)):
        return False
    return _all(pc.match_substring_regex(text, pattern))


def infer_column(
    array: pa.ChunkedArray | pa.Array,
    *,
    force_text: bool = False,
    decimal: str | None = None,
    dayfirst: bool | None = None,
    french: bool = False,
) -> Typed:
    """Convert one text column to the kind that every one of its non-blank cells agrees on.

    `decimal` ("," or ".") is the decimal mark of numbers written with separators; None tries
    both, the comma first when the file looks `french` (`;`-separated or a French locale), so
    that `1,234` is 1.234 there and 1234 elsewhere. `dayfirst` decides dates such as 01/02/2026
    that read both ways; None means day-first in a `french` file, and otherwise such a column
    stays text unless another of its dates settles it (31/01/2026).
    """
    if dayfirst is None and french:
        dayfirst = True
    text = clean_text(array)
    if force_text:
        return Typed(Kind.TEXT, _chunked(text))
    if text.null_count == len(text):
        return Typed(Kind.EMPTY, _chunked(text))
    decimals = [decimal] if decimal else ([",", "."] if french else [".", ","])
    number = _numbers(text, decimals)
    if number is not None:
        return Typed(Kind.NUMBER, number)
    dates = _dates(text)
    if dates is not None:
        return Typed(Kind.DATE, dates)
    if _matches(text, LOCAL_DATE):
        local, sample = _local_dates(text, dayfirst)
        if local is not None:
            return Typed(Kind.DATE, local)
        if sample is not None:
            return Typed(Kind.TEXT, _chunked(text), ambiguous=sample)
    # after the dates: a date column never pays for the look for currency signs
    amounts = _amounts(text, decimals, fixed=decimal is not None)
    if amounts is not None:
        return amounts
    lowered = pc.utf8_lower(text)
    if _all(pc.or_(pc.is_in(lowered, pa.array(["true", "false"])), pc.is_null(lowered))):
        return Typed(Kind.BOOL, _chunked(pc.equal(lowered, "true")))
    return Typed(Kind.TEXT, _chunked(text))


@dataclass(frozen=True)
class TextReason:
    """Why a column of numbers was read as text: its first cells that are not numbers
    (row index, cell) and how many there are, the currencies it mixes (a cell of each), or
    the two decimal marks it is written with (the first cell of each)."""

    cells: tuple[tuple[int, str], ...] = ()
    count: int = 0
    mixed: tuple[str, ...] = ()
    formats: tuple[FormatCell, ...] = ()


def why_text(
    array: pa.ChunkedArray | pa.Array, limit: int = 3, *, most: bool = True
) -> TextReason | None:
    """Why a column of numbers was read as text, when most of its cells are numbers (amounts
    and percentages included); None for a real text or code column. With `most=False`, one
    number is enough: a column compared with a number names the cells that are not numbers
    even when they are half of it (`100`, `n/a`).

    Only called to explain an error or a warning, never while reading: it costs a few regex
    passes.
    """
    text = clean_text(array)
    present = pc.is_valid(text)
    number = pc.or_(
        pc.or_(
            pc.match_substring_regex(text, NUMBER_OR_NAN),
            pc.match_substring_regex(text, AMOUNT),
        ),
        pc.or_(
            pc.match_substring_regex(text, COMMA_DECIMAL),
            pc.match_substring_regex(text, DOT_DECIMAL),
        ),
    )
    numbers = pc.sum(pc.cast(pc.fill_null(number, False), pa.int64())).as_py() or 0
    if numbers == 0 or (
        most and numbers * 2 <= (pc.sum(pc.cast(present, pa.int64())).as_py() or 0)
    ):
        return None  # mostly words: a text column, not a number column with a typo
    if _any(pc.match_substring_regex(text, LEADING_ZERO)):
        return None  # codes such as 01000: the column is text on purpose
    bad = pc.and_(present, pc.invert(pc.fill_null(number, False)))
    positions = pc.indices_nonzero(bad)
    if len(positions):
        first = positions.slice(0, limit).to_pylist()
        cells = tuple((int(i), str(text[i].as_py())) for i in first)
        return TextReason(cells=cells, count=len(positions))
    typed = infer_column(text, decimal=None, french=True)
    if typed.mixed:
        return TextReason(mixed=typed.mixed)
    # amounts (found by the reader) or plain numbers (`1,234.50` and `3 250,00`) written with
    # both decimal marks
    formats = typed.formats or decimal_formats(text, text)
    if formats:
        return TextReason(formats=formats)
    return None


def first_non_number(array: pa.ChunkedArray | pa.Array) -> tuple[int, str] | None:
    """The (row index, cell) of the first cell that made a column of numbers text, if any."""
    reason = why_text(array, limit=1)
    return reason.cells[0] if reason is not None and reason.cells else None


def _numbers(text: pa.ChunkedArray, decimals: list[str]) -> pa.ChunkedArray | None:
    """The column as float64 if every cell is a number, written plainly or with separators.

    `decimals` are the decimal marks to try, in order.
    """
    if decimals != [","]:
        plain = _plain_numbers(text)
        if plain is not None:
            return plain if not _leading_zero(text) else None
    marks = {",": COMMA_DECIMAL, ".": DOT_DECIMAL}
    for mark in decimals:
        if _matches(text, marks[mark]):
            if _any(pc.match_substring_regex(text, LEADING_ZERO)):
                return None
            thousands = f"[{_SPACES}{'.' if mark == ',' else ','}]"
            plain = pc.replace_substring_regex(text, thousands, "")
            if mark == ",":
                plain = pc.replace_substring(plain, ",", ".")
            return _chunked(pc.cast(plain, pa.float64()))
    return None


def _plain_numbers(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """The column as float64 when every cell matches NUMBER, else None.

    Arrow's cast accepts exactly what NUMBER accepts plus nan/inf spellings, so a cast that
    succeeds with no nan or inf needs no regex over the column; anything else takes the regex.
    Infinities stay numbers and NaN cells become missing values (NUMBER_OR_NAN), in a column
    that holds at least one value that is not NaN.
    """
    try:
        values: pa.ChunkedArray | None = _chunked(pc.cast(text, pa.float64()))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        values = None
    if values is None:
        return None
    nan = pc.is_nan(values)
    if not _any(nan) and not _any(pc.is_inf(values)):
        return values
    if not _matches(text, NUMBER_OR_NAN) or _all(nan):
        return None  # a spelling of our own (`nan(1)`), or NaN alone: not a number column
    return _chunked(pc.if_else(nan, pa.scalar(None, pa.float64()), values))


def _amounts(text: pa.ChunkedArray, decimals: list[str], *, fixed: bool) -> Typed | None:
    """Amounts and percentages as numbers: `3 250,00 €` is 3250.0, `(1 234,50 €)` and
    `-1 234,50 €` are -1234.5, `12,5 %` is 12.5. None when some cell is not one, or when
    no cell carries a sign (plain numbers are read elsewhere).

    A column that mixes currencies (€ and $, or amounts and percentages) is kept as text with a
    cell of each in `mixed`: amounts in two currencies are never one number. A sign written
    before the number (`$1,234.50`, `€1,234`) is the English way: the decimal point is tried
    first, unless the user chose the decimal mark (`fixed`).
    """
    if not _may_hold_units(text) or not _matches(text, AMOUNT):
        return None
    parts = pc.extract_regex(text, AMOUNT)
    field = {name: pc.struct_field(parts, [i]) for i, name in enumerate(_AMOUNT_GROUPS)}
    before, after = field["before"], field["after"]
    written_before = pc.not_equal(before, "")
    if _any(pc.and_(written_before, pc.not_equal(after, ""))):
        return None  # a sign on both sides (`€5 €`): not an amount
    if _any(pc.not_equal(pc.equal(field["open"], ""), pc.equal(field["close"], ""))):
        return None  # a parenthesis not closed
    if _any(pc.and_(pc.not_equal(field["sign"], ""), pc.not_equal(field["sign2"], ""))):
        return None
    unit = pc.if_else(written_before, before, after)
    for code, sign in CURRENCY_NAMES.items():
        unit = pc.replace_substring(unit, code, sign)
    units = [u for u in pc.unique(unit).to_pylist() if u]
    if not units:
        return None
    if len(units) > 1:
        cells = [pc.filter(text, pc.equal(unit, u))[0].as_py() for u in units]
        return Typed(Kind.TEXT, _chunked(text), mixed=tuple(str(c) for c in cells))
    if not fixed and _all(pc.or_(written_before, pc.equal(unit, ""))) and _any(written_before):
        decimals = [".", ","]
    numbers = _numbers(_chunked(field["number"]), decimals)
    if numbers is None:
        formats = decimal_formats(_chunked(field["number"]), text)
        return Typed(Kind.TEXT, _chunked(text), formats=formats) if formats else None
    minus = pa.array(_MINUS)
    negative = pc.or_(
        pc.or_(pc.not_equal(field["open"], ""), pc.is_in(field["sign"], minus)),
        pc.is_in(field["sign2"], minus),
    )
    return Typed(Kind.NUMBER, _chunked(pc.if_else(negative, pc.negate(numbers), numbers)))


def decimal_formats(
    numbers: pa.ChunkedArray | pa.Array, cells: pa.ChunkedArray | pa.Array
) -> tuple[FormatCell, ...] | None:
    """The first of `cells` whose number (`numbers`, the same rows) can only be read with a
    decimal point (`1,234.50`) and the first that can only be read with a decimal comma
    (`3 250,00`), in the column's order; None unless the column holds both. A number that
    reads both ways (`1,234`, `99`) is neither."""
    point = pc.match_substring_regex(numbers, DOT_DECIMAL)
    comma = pc.match_substring_regex(numbers, COMMA_DECIMAL)
    found = []
    for mark, only in (
        (".", pc.and_(point, pc.invert(comma))),
        (",", pc.and_(comma, pc.invert(point))),
    ):
        positions = pc.indices_nonzero(pc.fill_null(only, False))
        if not len(positions):
            return None
        first = int(positions[0].as_py())
        found.append(FormatCell(first, str(cells[first].as_py()), mark))
    return tuple(sorted(found, key=lambda format_: format_.position))


# A byte that every currency sign, code or percent sign holds: `$`, `%`, the last bytes of `€`
# (E2 82 AC) and `£` (C2 A3), and the first letters of CHF, EUR, USD and GBP.
_UNIT_BYTES = (0x24, 0x25, 0xAC, 0xA3, ord("C"), ord("E"), ord("U"), ord("G"))


def _may_hold_units(text: pa.ChunkedArray) -> bool:
    """Some cell may hold a currency or percent sign: False when no byte of the column's text
    could belong to one (a column of codes such as postal codes: a few memchr passes over its
    bytes, no regex)."""
    for chunk in text.chunks:
        if chunk.type != pa.string():
            return True
        data = chunk.buffers()[2]
        if data is not None:
            raw = data.to_pybytes()
            if any(byte in raw for byte in _UNIT_BYTES):
                return True
    return False


_AMOUNT_GROUPS = ("open", "sign", "before", "sign2", "number", "after", "close")
_MINUS = ["-", "\u2212"]  # made an Arrow array when used (see pandas_guard.py)


def _leading_zero(text: pa.ChunkedArray) -> bool:
    """Some cell starts with 0 and another digit (a code such as 01000), as LEADING_ZERO says,
    read from the first three bytes of each cell."""
    for chunk in text.chunks:
        heads = _heads(chunk)
        if heads is None:
            return _any(pc.match_substring_regex(text, LEADING_ZERO))
        a, b, c = heads
        digit_b, digit_c = (b >= 0x30) & (b <= 0x39), (c >= 0x30) & (c <= 0x39)
        signed = (a == 0x2B) | (a == 0x2D)
        if ((a == 0x30) & digit_b).any() or (signed & (b == 0x30) & digit_c).any():
            return True
    return False


def _heads(chunk: pa.Array) -> tuple[Any, Any, Any] | None:
    """The first three bytes of every non-null cell (0 past its end), or None for a type whose
    buffers are not read here."""
    if chunk.type != pa.string():
        return None
    _, offsets_buffer, data_buffer = chunk.buffers()
    if not data_buffer or not offsets_buffer:
        return None
    offsets = np.frombuffer(
        offsets_buffer, dtype=np.int32, count=len(chunk) + 1, offset=4 * chunk.offset
    )
    data = np.frombuffer(data_buffer, dtype=np.uint8)
    starts, lengths = offsets[:-1], np.diff(offsets)
    if chunk.null_count:
        keep = chunk.is_valid().to_numpy(zero_copy_only=False)
        starts, lengths = starts[keep], lengths[keep]
    top = len(data) - 1
    return tuple(  # type: ignore[return-value]
        np.where(lengths > i, data[np.minimum(starts + i, top)], 0) for i in range(3)
    )


def _dates(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """ISO dates (2026-01-31, optionally with a time), or None if any cell is not one."""
    if _matches(text, ISO_DATE):
        parsed = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 2026-02-30 over to March: a real date keeps the day that was written
        # (compared as numbers: formatting a million dates back to text takes half a second)
        written_day = pc.cast(pc.utf8_slice_codeunits(text, 8, 10), pa.int64())
        if not _all(pc.equal(pc.day(parsed), written_day)):
            return None
        return _chunked(parsed)
    if _matches(text, ISO_DATETIME):
        # `YYYY-MM-DD HH:MM` is fixed-width: the seconds, when written, are characters 16-19;
        # a fraction of a second and a zone are dropped (the wall-clock time as written)
        with_seconds = pc.equal(pc.utf8_slice_codeunits(text, 16, 17), ":")
        seconds = pc.if_else(with_seconds, pc.utf8_slice_codeunits(text, 16, 19), ":00")
        time = pc.binary_join_element_wise(pc.utf8_slice_codeunits(text, 11, 16), seconds, "")
        time = pc.if_else(pc.equal(pc.utf8_length(text), 10), "00:00:00", time)  # a day alone
        normal = pc.binary_join_element_wise(pc.utf8_slice_codeunits(text, 0, 10), time, " ")
        parsed = pc.strptime(normal, format="%Y-%m-%d %H:%M:%S", unit="s", error_is_null=True)
        written_day = pc.cast(pc.utf8_slice_codeunits(text, 8, 10), pa.int64())
        if parsed.null_count != text.null_count or not _all(pc.equal(pc.day(parsed), written_day)):
            return None
        return _chunked(parsed)
    return None


def _local_dates(
    text: pa.ChunkedArray, dayfirst: bool | None
) -> tuple[pa.ChunkedArray | None, str | None]:
    """Dates written 31/01/2026 or 01/31/2026: (parsed, None), or (None, sample) if ambiguous.

    A first number above 12 settles day-first, a second above 12 month-first; a column where
    both happen is not dates. Otherwise `dayfirst` decides, and without it the column is
    ambiguous. Returns (None, None) when the cells are not real dates (31/02/2026).
    """
    parts = pc.extract_regex(text, LOCAL_DATE)
    first = pc.cast(pc.struct_field(parts, [0]), pa.int32())
    second = pc.cast(pc.struct_field(parts, [1]), pa.int32())
    day_is_first = _any(pc.greater(first, 12))
    month_is_first = _any(pc.greater(second, 12))
    if day_is_first and month_is_first:
        return None, None
    if not day_is_first and not month_is_first:
        if dayfirst is None:
            sample = pc.drop_null(text)[0].as_py()
            return None, str(sample)
        day_is_first = dayfirst
    if _matches(text, LOCAL_DAY):
        # dates alone (the usual export): one strptime, and a check that no day rolled over
        slashed = pc.replace_substring(pc.replace_substring(text, ".", "/"), "-", "/")
        form = "%d/%m/%Y" if day_is_first else "%m/%d/%Y"
        parsed = pc.strptime(slashed, format=form, unit="s", error_is_null=True)
        written_day = first if day_is_first else second
        if parsed.null_count != text.null_count or not _all(pc.equal(pc.day(parsed), written_day)):
            return None, None
        return _chunked(parsed), None
    padded = pc.replace_substring_regex(text, r"^(\d)([/.-])", r"0\1\2")
    padded = pc.replace_substring_regex(padded, r"^(\d\d[/.-])(\d)([/.-])", r"\10\2\3")
    padded = pc.replace_substring_regex(padded, r" (\d):", r" 0\1:")
    day_, month_ = ("1", "2") if day_is_first else ("2", "1")
    iso = pc.replace_substring_regex(
        padded,
        r"^(\d\d)[/.-](\d\d)[/.-](\d{4})",
        rf"\3-\{month_}-\{day_}",
    )
    dates = _dates(iso)
    return dates, None


def _chunked(array: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])


def type_table(
    table: pa.Table,
    text_columns: Collection[str] = (),
    *,
    decimal: str | None = None,
    dayfirst: bool | None = None,
    french: bool = False,
) -> dict[str, Typed]:
    """Convert every column of a text table; `text_columns` (ids, names) always stay text."""
    hints: dict[str, Any] = {"decimal": decimal, "dayfirst": dayfirst, "french": french}

    def one(name: str) -> Typed:
        return infer_column(table.column(name), force_text=name in text_columns, **hints)

    names = table.column_names
    if len(names) < 2 or table.num_rows < PARALLEL_ROWS:
        return {name: one(name) for name in names}
    # Arrow's kernels release the GIL: the columns are typed side by side, one per core
    with ThreadPoolExecutor(max_workers=min(len(names), os.cpu_count() or 1)) as pool:
        return dict(zip(names, pool.map(one, names), strict=True))
