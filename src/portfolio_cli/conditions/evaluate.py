"""Compile a checked condition tree to a vectorised function over typed columns.

The columns are the reader's typed Arrow columns (an Arrow table: no pandas on that path) or a
DataFrame built by hand; numbers, dates and booleans are evaluated as numpy arrays, text with
Arrow's string kernels (the ones pandas' Arrow strings use).

Every node becomes a closure that works on whole columns at once. Missing values follow SQL's
three-valued logic: a boolean result is a pair of masks (`true`, `false`); where neither is set the
answer is *unknown*. `and` is true where all parts are true and false where any part is false;
`or` the reverse; `not` swaps the masks. Only `missing(col)` is never unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.kinds import Kind, constant_kind
from portfolio_cli.conditions.tree import (
    Arithmetic,
    Call,
    Column,
    Compare,
    Condition,
    Constant,
    Expr,
    IsIn,
    Logical,
    Negative,
    Not,
)

if TYPE_CHECKING:
    import pandas as pd

Array = np.ndarray[Any, Any]


@dataclass(frozen=True)
class Tri:
    """A three-valued boolean column: `true` and `false` masks; neither set means unknown."""

    true: Array
    false: Array

    @property
    def unknown(self) -> Array:
        """Where the answer is unknown (a missing value was read)."""
        return ~(self.true | self.false)


@dataclass(frozen=True)
class Values:
    """A column of values of one kind: `data` (numpy array, Arrow array or scalar) and `null`.

    Text is kept as an Arrow string array (Arrow's string kernels); numbers as float64 with NaN;
    dates as datetime64. `null` is a boolean array, or a plain bool for constants.
    """

    kind: Kind
    data: Any
    null: Any


class Frame:
    """The columns of one table, converted once for every rule that reads them.

    `frame` is an Arrow table of typed columns (what the reader gives) or a pandas DataFrame.
    """

    def __init__(
        self, frame: pa.Table | pd.DataFrame, kinds: Mapping[str, Kind], as_of: dt.date
    ) -> None:
        self.frame = frame
        self.kinds = kinds
        self.size = frame.num_rows if isinstance(frame, pa.Table) else len(frame)
        self.as_of = np.datetime64(as_of, "D")
        self._cache: dict[str, Values] = {}

    def column(self, name: str) -> Values:
        """The named column as `Values`, converted on first use."""
        if name not in self._cache:
            kind = self.kinds[name]
            if kind is Kind.EMPTY:
                self._cache[name] = Values(kind, None, np.ones(self.size, dtype=bool))
            elif isinstance(self.frame, pa.Table):
                self._cache[name] = _from_arrow(self.frame.column(name), kind)
            else:
                self._cache[name] = _from_pandas(self.frame[name], kind)
        return self._cache[name]


def _mask(array: pa.ChunkedArray | pa.Array) -> Array:
    """An Arrow boolean array without nulls as a numpy bool array."""
    return np.asarray(array.to_numpy(zero_copy_only=False), dtype=bool)


def _from_arrow(column: pa.ChunkedArray, kind: Kind) -> Values:
    """One of the reader's typed columns: float64, timestamp, bool or string."""
    if kind is Kind.NUMBER:
        if column.type != pa.float64():
            column = pc.cast(column, pa.float64())
        if column.null_count:
            column = pc.fill_null(column, np.nan)
        data = np.asarray(column.to_numpy(), dtype=np.float64)
        return Values(kind, data, np.isnan(data))
    if kind is Kind.DATE:
        dates = np.asarray(pc.cast(column, pa.timestamp("us")).to_numpy(), dtype="datetime64[us]")
        return Values(kind, dates, np.isnat(dates))
    null = _mask(pc.is_null(column))
    if kind is Kind.BOOL:
        values = _mask(pc.fill_null(column, False))
        return Values(kind, Tri(values & ~null, ~values & ~null), null)
    if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
        column = pc.cast(column, pa.string())
    return Values(kind, column, null)


def _from_pandas(series: pd.Series[Any], kind: Kind) -> Values:
    """A column of a DataFrame built by hand (library use)."""
    if kind is Kind.NUMBER:
        if series.dtype == np.float64:  # NaN already, no copy
            data = series.to_numpy()
        else:
            data = series.to_numpy(dtype="float64", na_value=np.nan)
        return Values(kind, data, np.isnan(data))
    if kind is Kind.DATE:
        dates = series.to_numpy(dtype="datetime64[us]")
        return Values(kind, dates, np.isnat(dates))
    if kind is Kind.BOOL:
        null = series.isna().to_numpy(dtype=bool)
        values = series.to_numpy(dtype=bool, na_value=False)
        return Values(kind, Tri(values & ~null, ~values & ~null), null)
    if series.dtype == object:
        # None cannot be ordered against None in an object column: use pandas' str dtype
        series = series.astype("str")
    null = series.isna().to_numpy(dtype=bool)
    text = pa.array(series, type=pa.string(), from_pandas=True)
    return Values(kind, pa.chunked_array([text]), null)


Compiled = Callable[[Frame], Values]


def compile_condition(condition: Condition) -> Callable[[Frame], Tri]:
    """Compile a checked condition once; the result maps a `Frame` to a `Tri` of its length."""
    node = _compile(condition.tree)

    def evaluate(frame: Frame) -> Tri:
        result = _as_tri(node(frame))
        return Tri(
            np.broadcast_to(result.true, (frame.size,)),
            np.broadcast_to(result.false, (frame.size,)),
        )

    return evaluate


def _as_tri(values: Values) -> Tri:
    if values.kind is Kind.EMPTY:
        nothing = np.zeros_like(values.null, dtype=bool)
        return Tri(nothing, nothing)
    tri: Tri = values.data
    return tri


def _unknown(frame: Frame) -> Values:
    nothing = np.zeros(frame.size, dtype=bool)
    return Values(Kind.BOOL, Tri(nothing, nothing), ~nothing)


def _from_mask(result: Any, null: Any) -> Values:
    """A Tri from a plain comparison result and the null mask of what it read."""
    result = np.asarray(result, dtype=bool)
    known = ~np.asarray(null, dtype=bool)
    return Values(Kind.BOOL, Tri(result & known, ~result & known), ~known)


def _compile(node: Expr) -> Compiled:
    match node:
        case Column(name=name):
            return lambda frame: frame.column(name)
        case Constant(value=value):
            constant = _constant(value)
            return lambda frame: constant
        case Compare(op=op, left=left, right=right):
            return _compile_compare(op, _compile(left), _compile(right))
        case IsIn(operand=operand, items=items, negated=negated):
            return _compile_isin(_compile(operand), items, negated)
        case Logical(op=op, operands=operands):
            parts = [_compile(o) for o in operands]
            return _compile_logical(op, parts)
        case Not(operand=operand):
            inner = _compile(operand)

            def negate(frame: Frame) -> Values:
                values = inner(frame)
                if values.kind is Kind.EMPTY:
                    return values
                tri = _as_tri(values)
                return Values(Kind.BOOL, Tri(tri.false, tri.true), values.null)

            return negate
        case Arithmetic(op=op, left=left, right=right):
            return _compile_arithmetic(op, _compile(left), _compile(right))
        case Negative(operand=operand):
            inner_number = _compile(operand)

            def minus(frame: Frame) -> Values:
                values = inner_number(frame)
                if values.kind is Kind.EMPTY:
                    return values
                return Values(Kind.NUMBER, -values.data, values.null)

            return minus
        case Call(function=function, args=args):
            return _compile_call(function, [_compile(a) for a in args], args)


def _constant(value: object) -> Values:
    kind = constant_kind(value)
    if kind is Kind.BOOL:
        flag = bool(value)
        return Values(kind, Tri(np.array(flag), np.array(not flag)), False)
    if kind is Kind.NUMBER:
        return Values(kind, np.float64(value), False)  # type: ignore[arg-type]
    if kind is Kind.DATE:
        return Values(kind, np.datetime64(cast(dt.date, value), "D"), False)
    return Values(kind, value, False)


_NUMPY_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": np.equal,
    "!=": np.not_equal,
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
}


_ARROW_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": pc.equal,
    "!=": pc.not_equal,
    "<": pc.less,
    "<=": pc.less_equal,
    ">": pc.greater,
    ">=": pc.greater_equal,
}


def _is_text_array(data: Any) -> bool:
    return isinstance(data, (pa.Array, pa.ChunkedArray))


def _text_compare(op: str, left: Any, right: Any) -> Any:
    """Compare text with Arrow's kernels; nulls come out False and are masked later."""
    if not _is_text_array(left) and not _is_text_array(right):
        return _NUMPY_COMPARE[op](np.array(left, dtype=object), np.array(right, dtype=object))
    return _mask(pc.fill_null(_ARROW_COMPARE[op](left, right), False))


def _compile_compare(op: str, left: Compiled, right: Compiled) -> Compiled:
    def compare(frame: Frame) -> Values:
        a, b = left(frame), right(frame)
        if Kind.EMPTY in (a.kind, b.kind):
            return _unknown(frame)
        null = a.null | b.null
        if a.kind is Kind.TEXT:
            return _from_mask(_text_compare(op, a.data, b.data), null)
        if a.kind is Kind.BOOL:
            ta, tb = a.data, b.data
            equal = (ta.true & tb.true) | (ta.false & tb.false)
            return _from_mask(equal if op == "==" else ~equal, null)
        with np.errstate(invalid="ignore"):
            return _from_mask(_NUMPY_COMPARE[op](a.data, b.data), null)

    return compare


def _compile_isin(operand: Compiled, items: tuple[Constant, ...], negated: bool) -> Compiled:
    kind = constant_kind(items[0].value)
    values: list[Any] = [item.value for item in items]
    if kind is Kind.NUMBER:
        values = [float(v) for v in values]
    elif kind is Kind.DATE:
        values = [np.datetime64(v, "D") for v in values]

    def isin(frame: Frame) -> Values:
        a = operand(frame)
        if a.kind is Kind.EMPTY:
            return _unknown(frame)
        if a.kind is Kind.BOOL:
            found = np.zeros(frame.size, dtype=bool)
            for value in values:
                found = found | (a.data.true if value else a.data.false)
        elif _is_text_array(a.data):
            found = _mask(pc.fill_null(pc.is_in(a.data, value_set=pa.array(values)), False))
        else:
            found = np.isin(a.data, np.array(values))
        return _from_mask(~found if negated else found, a.null)

    return isin


def _compile_logical(op: str, parts: list[Compiled]) -> Compiled:
    def logical(frame: Frame) -> Values:
        tris = [_as_tri(part(frame)) for part in parts]
        true, false = tris[0].true, tris[0].false
        for tri in tris[1:]:
            if op == "and":
                true, false = true & tri.true, false | tri.false
            else:
                true, false = true | tri.true, false & tri.false
        return Values(Kind.BOOL, Tri(true, false), ~(true | false))

    return logical


def _compile_arithmetic(op: str, left: Compiled, right: Compiled) -> Compiled:
    def arithmetic(frame: Frame) -> Values:
        a, b = left(frame), right(frame)
        if Kind.EMPTY in (a.kind, b.kind):
            return Values(Kind.EMPTY, None, np.ones(frame.size, dtype=bool))
        null = a.null | b.null
        if a.kind is Kind.DATE:  # date - date: days between them
            days = (a.data - b.data) / np.timedelta64(1, "D")
            return Values(Kind.NUMBER, days, null)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if op == "+":
                result = np.add(a.data, b.data)
            elif op == "-":
                result = np.subtract(a.data, b.data)
            elif op == "*":
                result = np.multiply(a.data, b.data)
            else:
                result = np.divide(a.data, b.data)
                null = null | (np.asarray(b.data) == 0)  # x / 0 is unknown, as in SQL
        # IEEE arithmetic, as SQL engines do it: an infinity stays one (inf + 1 is inf), and
        # only a result that is no number at all (inf - inf, inf * 0) is unknown
        return Values(Kind.NUMBER, result, null | np.isnan(result))

    return arithmetic


def _compile_call(function: str, args: list[Compiled], nodes: tuple[Expr, ...]) -> Compiled:
    if function == "missing":
        column = args[0]

        def missing(frame: Frame) -> Values:
            null = np.broadcast_to(np.asarray(column(frame).null, dtype=bool), (frame.size,))
            return Values(Kind.BOOL, Tri(null, ~null), np.zeros(frame.size, dtype=bool))

        return missing
    if function == "days_since":
        column = args[0]

        def days_since(frame: Frame) -> Values:
            a = column(frame)
            if a.kind is Kind.EMPTY:
                return a
            days = (frame.as_of - a.data.astype("datetime64[D]")) / np.timedelta64(1, "D")
            return Values(Kind.NUMBER, days, a.null)

        return days_since
    if function == "lower":
        column = args[0]

        def lower(frame: Frame) -> Values:
            a = column(frame)
            if a.kind is Kind.EMPTY:
                return a
            data = pc.utf8_lower(a.data) if _is_text_array(a.data) else str(a.data).lower()
            return Values(Kind.TEXT, data, a.null)

        return lower
    if function in ("contains", "startswith"):
        column = args[0]
        needle = str(nodes[1].value) if isinstance(nodes[1], Constant) else ""

        def text_test(frame: Frame) -> Values:
            a = column(frame)
            if a.kind is Kind.EMPTY:
                return _unknown(frame)
            if _is_text_array(a.data):
                if function == "contains":
                    found = pc.match_substring(a.data, needle)
                else:
                    found = pc.starts_with(a.data, needle)
                return _from_mask(_mask(pc.fill_null(found, False)), a.null)
            text = str(a.data)
            return _from_mask(
                needle in text if function == "contains" else text.startswith(needle), a.null
            )

        return text_test
    # between(x, low, high) = low <= x and x <= high: both ends included, unknowns as SQL does
    value, low, high = args
    return _compile_logical(
        "and", [_compile_compare(">=", value, low), _compile_compare("<=", value, high)]
    )
