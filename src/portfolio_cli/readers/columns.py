"""Decide what each text column holds (number, date, true/false, text) and convert it.

Every file is read as text first, then each column is converted deliberately and only when the
whole column agrees: a column in which any non-blank cell is not a number stays text; a column
whose values have leading zeros (ids, postal codes) stays text; blank and whitespace-only cells are
missing. All of it runs as Arrow compute kernels over whole columns.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.expressions import Kind

NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
LEADING_ZERO = r"^[+-]?0\d"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
# cells tried first when deciding a column's kind: one text cell is enough to turn "number" down
SAMPLE = 1000
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$"


@dataclass(frozen=True)
class Typed:
    """A converted column: its kind and its Arrow array (nulls where cells were blank)."""

    kind: Kind
    array: pa.ChunkedArray


def clean_text(array: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray:
    """Trim surrounding white space (non-breaking spaces too); blank cells become null."""
    trimmed = pc.utf8_trim_whitespace(array)
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def _all(mask: pa.ChunkedArray | pa.Array) -> bool:
    """True when every non-null value of a boolean column is true."""
    return bool(pc.all(mask, skip_nulls=True).as_py() is not False)


def _any(mask: pa.ChunkedArray | pa.Array) -> bool:
    return bool(pc.any(mask, skip_nulls=True).as_py())


def infer_column(array: pa.ChunkedArray | pa.Array, *, force_text: bool = False) -> Typed:
    """Convert one text column to the kind that every one of its non-blank cells agrees on."""
    text = clean_text(array)
    if force_text:
        return Typed(Kind.TEXT, _chunked(text))
    if text.null_count == len(text):
        return Typed(Kind.EMPTY, _chunked(text))
    numbers = _numbers(text)
    if numbers is not None:
        return Typed(Kind.NUMBER, numbers)
    dates = _dates(text)
    if dates is not None:
        return Typed(Kind.DATE, dates)
    lowered = pc.utf8_lower(text)
    if _all(pc.or_(pc.is_in(lowered, pa.array(["true", "false"])), pc.is_null(lowered))):
        return Typed(Kind.BOOL, _chunked(pc.equal(lowered, "true")))
    return Typed(Kind.TEXT, _chunked(text))


def _all_match(text: pa.ChunkedArray, pattern: str) -> bool:
    """Every non-null cell matches `pattern`; a sample of the first cells is tried first, so a
    column of names is turned down without running the regex over a million cells."""
    head = text.slice(0, SAMPLE)
    if not _all(pc.match_substring_regex(head, pattern)):
        return False
    return len(head) == len(text) or _all(pc.match_substring_regex(text, pattern))


def _numbers(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """The column as float64 when every cell is a NUMBER without leading zeros, else None.

    Same answer as matching NUMBER on every cell, faster: Arrow's cast accepts exactly what
    NUMBER accepts plus nan/inf spellings, so a cast that succeeds with no nan or inf needs no
    regex; anything else takes the regex path.
    """
    try:
        values: pa.ChunkedArray | None = _chunked(pc.cast(text, pa.float64()))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        values = None
    if values is None or _any(pc.is_nan(values)) or _any(pc.is_inf(values)):
        if not _all_match(text, NUMBER):
            return None
        values = _chunked(pc.cast(text, pa.float64()))
    zero_first = pc.or_(
        pc.starts_with(text, "0"), pc.or_(pc.starts_with(text, "+0"), pc.starts_with(text, "-0"))
    )
    if _any(zero_first) and _any(pc.match_substring_regex(text, LEADING_ZERO)):
        return None
    return values


def _dates(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """ISO dates (2026-01-31, optionally with a time), or None if any cell is not one."""
    if _all_match(text, ISO_DATE):
        parsed = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 2026-02-30 over to March: a real date keeps the day that was written
        # (compared as numbers: formatting a million dates back to text takes half a second)
        written_day = pc.cast(pc.utf8_slice_codeunits(text, 8, 10), pa.int64())
        if not _all(pc.equal(pc.day(parsed), written_day)):
            return None
        return _chunked(parsed)
    if _all_match(text, ISO_DATETIME):
        normal = pc.replace_substring(text, "T", " ")
        seconds = pc.if_else(
            pc.equal(pc.utf8_length(normal), 16),
            pc.binary_join_element_wise(normal, ":00", ""),
            normal,
        )
        parsed = pc.strptime(seconds, format="%Y-%m-%d %H:%M:%S", unit="s", error_is_null=True)
        if parsed.null_count != text.null_count:
            return None
        return _chunked(parsed)
    return None


def _chunked(array: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])


def type_table(table: pa.Table, text_columns: Collection[str] = ()) -> dict[str, Typed]:
    """Convert every column of a text table; `text_columns` (ids, names) always stay text."""
    return {
        name: infer_column(table.column(name), force_text=name in text_columns)
        for name in table.column_names
    }
