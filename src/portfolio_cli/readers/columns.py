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
    if _all(pc.match_substring_regex(text, NUMBER)) and not _any(
        pc.match_substring_regex(text, LEADING_ZERO)
    ):
        return Typed(Kind.NUMBER, _chunked(pc.cast(text, pa.float64())))
    dates = _dates(text)
    if dates is not None:
        return Typed(Kind.DATE, dates)
    lowered = pc.utf8_lower(text)
    if _all(pc.or_(pc.is_in(lowered, pa.array(["true", "false"])), pc.is_null(lowered))):
        return Typed(Kind.BOOL, _chunked(pc.equal(lowered, "true")))
    return Typed(Kind.TEXT, _chunked(text))


def _dates(text: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """ISO dates (2026-01-31, optionally with a time), or None if any cell is not one."""
    if _all(pc.match_substring_regex(text, ISO_DATE)):
        parsed = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 2026-02-30 over to March: a real date formats back to what was written
        if not _all(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), text)):
            return None
        return _chunked(parsed)
    if _all(pc.match_substring_regex(text, ISO_DATETIME)):
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
