"""Vectorised evaluation of conditions, with SQL's three-valued logic for missing values.

`T`, `F` and `U` below stand for true, false and unknown (a missing value was read).
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolio_cli.conditions.check import check_condition
from portfolio_cli.conditions.evaluate import Frame, Tri, compile_condition
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.conditions.tree import (
    Arithmetic,
    Call,
    Column,
    Compare,
    Constant,
    Expr,
    IsIn,
    Logical,
    Negative,
    Not,
)

T, F, U = True, False, None
AS_OF = dt.date(2026, 3, 1)
NaN = float("nan")


def series(kind: Kind, values: list[Any]) -> Any:
    """A column as the readers give it: float64, str, datetime64, boolean, or all blank."""
    if kind is Kind.NUMBER:
        return pd.Series([NaN if v is None else v for v in values], dtype="float64")
    if kind is Kind.TEXT:
        return pd.Series(values, dtype="str")
    if kind is Kind.DATE:
        return pd.Series(pd.to_datetime(values, format="ISO8601"))
    if kind is Kind.BOOL:
        return pd.Series(pd.array(values, dtype="boolean"))
    return pd.Series([None] * len(values), dtype="str")


READER_TYPES = {
    Kind.NUMBER: pa.float64(),
    Kind.TEXT: pa.string(),
    Kind.DATE: pa.timestamp("s"),
    Kind.BOOL: pa.bool_(),
    Kind.EMPTY: pa.string(),
}


def as_arrow(frame: pd.DataFrame, kinds: dict[str, Kind]) -> pa.Table:
    """The same columns as the reader's typed Arrow columns (nulls, not NaN)."""
    return pa.table(
        {
            name: pa.array(frame[name], from_pandas=True).cast(READER_TYPES[kinds[name]])
            if kinds[name] is not Kind.EMPTY
            else pa.nulls(len(frame), pa.string())
            for name in frame.columns
        }
    )


def both(
    condition: Any, frame: pd.DataFrame, kinds: dict[str, Kind], as_of: dt.date = AS_OF
) -> Tri:
    """Run on the DataFrame and on the Arrow columns: the two must agree row for row."""
    run = compile_condition(condition)
    tri = run(Frame(frame, kinds, as_of))
    arrow = run(Frame(as_arrow(frame, kinds), kinds, as_of))
    assert tri_list(arrow) == tri_list(tri)
    return tri


def tri_list(tri: Tri) -> list[bool | None]:
    assert tri.true.dtype == bool
    assert tri.false.dtype == bool
    assert not (tri.true & tri.false).any(), "a row is both true and false"
    return [T if t else F if f else U for t, f in zip(tri.true, tri.false, strict=True)]


def evaluate(
    text: str, as_of: dt.date = AS_OF, **columns: tuple[Kind, list[Any]]
) -> list[bool | None]:
    """Parse, check, compile and run `text` on the given columns; one T/F/U per row."""
    kinds = {name: kind for name, (kind, _) in columns.items()}
    frame = pd.DataFrame({name: series(kind, values) for name, (kind, values) in columns.items()})
    condition = parse_condition(text)
    check_condition(condition, kinds)
    tri = both(condition, frame, kinds, as_of)
    assert tri.true.shape == tri.false.shape == (len(frame),)
    return tri_list(tri)


def num(*values: float | None) -> tuple[Kind, list[Any]]:
    return Kind.NUMBER, list(values)


def text(*values: str | None) -> tuple[Kind, list[Any]]:
    return Kind.TEXT, list(values)


def date(*values: str | None) -> tuple[Kind, list[Any]]:
    return Kind.DATE, list(values)


def flag(*values: bool | None) -> tuple[Kind, list[Any]]:
    return Kind.BOOL, list(values)


def empty(rows: int) -> tuple[Kind, list[Any]]:
    return Kind.EMPTY, [None] * rows


# --- three-valued logic --------------------------------------------------------------------------

# every pair of (p, q): rows TT TF TU FT FF FU UT UF UU
P = flag(T, T, T, F, F, F, U, U, U)
Q = flag(T, F, U, T, F, U, T, F, U)
P_NUM = num(1, 1, 1, -1, -1, -1, None, None, None)  # p > 0 gives P
Q_NUM = num(1, -1, None, 1, -1, None, 1, -1, None)

AND = [T, F, U, F, F, F, U, F, U]
OR = [T, T, T, T, F, U, T, U, U]
NOT_P = [F, F, F, T, T, T, U, U, U]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("p and q", AND),
        ("q and p", AND),
        ("p or q", OR),
        ("q or p", OR),
        ("not p", NOT_P),
        ("not not p", [T, T, T, F, F, F, U, U, U]),
        ("not (p and q)", [F, T, U, T, T, T, U, T, U]),
        ("not p or not q", [F, T, U, T, T, T, U, T, U]),
        ("not (p or q)", [F, F, F, F, T, U, F, U, U]),
        ("p and true", [T, T, T, F, F, F, U, U, U]),
        ("p and false", [F] * 9),
        ("p or true", [T] * 9),
        ("p or false", [T, T, T, F, F, F, U, U, U]),
        ("p and q and true", AND),
        ("p or q or false", OR),
        ("p and p", [T, T, T, F, F, F, U, U, U]),
        ("p or not p", [T, T, T, T, T, T, U, U, U]),  # not a tautology in SQL
    ],
)
def test_truth_tables_on_true_false_columns(condition: str, expected: list[bool | None]) -> None:
    assert evaluate(condition, p=P, q=Q) == expected


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("p > 0 and q > 0", AND),
        ("p > 0 or q > 0", OR),
        ("not p > 0", NOT_P),
        ("not (p > 0)", NOT_P),
        ("(p > 0) and (q > 0)", AND),
        ("between(p, 0, 2) and q >= 1", AND),
        ("p in [1] or q not in [-1]", OR),
    ],
)
def test_truth_tables_on_comparisons_reading_missing_numbers(
    condition: str, expected: list[bool | None]
) -> None:
    assert evaluate(condition, p=P_NUM, q=Q_NUM) == expected


def test_unknown_or_true_is_true_and_unknown_and_false_is_false() -> None:
    nps, orders = num(None, None, None), num(5, 0, None)
    assert evaluate("nps >= 9 or orders >= 3", nps=nps, orders=orders) == [T, U, U]
    assert evaluate("nps >= 9 and orders >= 3", nps=nps, orders=orders) == [U, F, U]


def test_true_false_columns_compare_with_equals_only() -> None:
    assert evaluate("p == true", p=P) == [T, T, T, F, F, F, U, U, U]
    assert evaluate("p != true", p=P) == [F, F, F, T, T, T, U, U, U]
    assert evaluate("p == q", p=P, q=Q) == [T, F, U, F, T, U, U, U, U]
    assert evaluate("p != q", p=P, q=Q) == [F, T, U, T, F, U, U, U, U]
    assert evaluate("p in [true]", p=P) == [T, T, T, F, F, F, U, U, U]
    assert evaluate("p not in [true]", p=P) == [F, F, F, T, T, T, U, U, U]
    assert evaluate("p in [true, false]", p=P) == [T, T, T, T, T, T, U, U, U]
    assert evaluate("(p > 0) == (q > 0)", p=P_NUM, q=Q_NUM) == [T, F, U, F, T, U, U, U, U]
    assert evaluate("p == (q > 0)", p=P, q=Q_NUM) == [T, F, U, F, T, U, U, U, U]


# --- comparisons ---------------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["==", "!=", "<", "<=", ">", ">="])
def test_comparisons_reading_a_missing_value_are_unknown(op: str) -> None:
    assert evaluate(f"x {op} 1", x=num(1, None, 2))[1] is U
    assert evaluate(f"1 {op} x", x=num(1, None, 2))[1] is U
    last = F if op in ("!=", "<", ">") else T
    assert evaluate(f"x {op} y", x=num(1, None, 2), y=num(None, 1, 2)) == [U, U, last]
    assert evaluate(f't {op} "b"', t=text("a", None, "c"))[1] is U
    assert evaluate(f"t {op} u", t=text("a", None, "c"), u=text(None, "a", "c"))[:2] == [U, U]
    assert evaluate(f'd {op} date("2026-01-01")', d=date("2026-01-01", None))[1] is U
    assert evaluate(f"d {op} e", d=date("2026-01-01", None), e=date(None, "2026-01-01")) == [U, U]


@pytest.mark.parametrize(
    ("op", "expected"),
    [
        ("==", [F, T, F, U]),
        ("!=", [T, F, T, U]),
        ("<", [T, F, F, U]),
        ("<=", [T, T, F, U]),
        (">", [F, F, T, U]),
        (">=", [F, T, T, U]),
    ],
)
def test_comparisons_of_each_kind(op: str, expected: list[bool | None]) -> None:
    assert evaluate(f"x {op} 2", x=num(1, 2, 3, None)) == expected
    assert evaluate(f"2 {op} x", x=num(3, 2, 1, None)) == expected
    assert evaluate(f'x {op} "b"', x=text("a", "b", "c", None)) == expected
    assert evaluate(f'"b" {op} x', x=text("c", "b", "a", None)) == expected
    assert (
        evaluate(f"x {op} y", x=text("a", "b", "c", None), y=text("b", "b", "b", "b")) == expected
    )
    days = date("2026-01-01", "2026-01-02", "2026-01-03", None)
    assert evaluate(f'x {op} date("2026-01-02")', x=days) == expected


def test_text_comparisons_are_case_sensitive_and_exact() -> None:
    assert evaluate('t == "Corse"', t=text("Corse", "corse", "Corse ", "", None)) == [T, F, F, F, U]
    assert evaluate('t == ""', t=text("", "a", None)) == [T, F, U]


def test_text_columns_held_as_python_objects() -> None:
    # A frame built by a library user may hold text as `object` with None or NaN for blanks.
    frame = pd.DataFrame(
        {
            "t": pd.Series(["a", None, "c", NaN, "b"], dtype=object),
            "u": pd.Series(["b", "b", None, "a", "b"], dtype=object),
        }
    )
    kinds = {"t": Kind.TEXT, "u": Kind.TEXT}
    expected = {
        "t < u": [T, U, U, U, F],
        "t == u": [F, U, U, U, T],
        'lower(t) >= "b"': [F, U, T, U, T],
        't in ["a", "c"]': [T, U, T, U, F],
        'contains(t, "a")': [T, U, F, U, F],
        "missing(t)": [F, T, F, T, F],
    }
    for condition, rows in expected.items():
        parsed = parse_condition(condition)
        check_condition(parsed, kinds)
        tri = compile_condition(parsed)(Frame(frame, kinds, AS_OF))
        assert tri_list(tri) == rows, condition


def test_chained_comparisons() -> None:
    tenure = num(0, 1, 5, 11.9, 12, None)
    assert evaluate("1 <= tenure < 12", tenure=tenure) == [F, T, T, T, F, U]
    assert evaluate("1 <= tenure < 12", tenure=num()) == []
    # one unknown link and one false link: false, as `and` says
    assert evaluate("low <= x < 3", low=num(None, None, 1), x=num(5, 2, 2)) == [F, U, T]
    assert evaluate("0 < x <= y < 10", x=num(1, 1, 1), y=num(2, 0, None)) == [T, F, U]


# --- missing() ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "column",
    [
        num(1, None, 0),
        text("a", None, ""),
        date("2026-01-01", None, "2025-01-01"),
        flag(True, None, False),
    ],
    ids=["number", "text", "date", "bool"],
)
def test_missing_is_never_unknown(column: tuple[Kind, list[Any]]) -> None:
    assert evaluate("missing(x)", x=column) == [F, T, F]
    assert evaluate("not missing(x)", x=column) == [T, F, T]
    assert evaluate("missing(x) or x == x", x=column) == [T, T, T]


def test_missing_of_an_empty_column_is_true() -> None:
    assert evaluate("missing(e)", e=empty(3)) == [T, T, T]
    assert evaluate("not missing(e)", e=empty(3)) == [F, F, F]


# --- between and in ------------------------------------------------------------------------------


def test_between_includes_both_ends() -> None:
    x = num(0.9, 1, 1.5, 2, 2.1, None)
    assert evaluate("between(x, 1, 2)", x=x) == [F, T, T, T, F, U]
    assert evaluate("not between(x, 1, 2)", x=x) == [T, F, F, F, T, U]
    letters = text("a", "b", "c", "d", "e", None)
    assert evaluate('between(t, "b", "d")', t=letters) == [F, T, T, T, F, U]
    assert evaluate(
        'between(d, date("2026-01-01"), date("2026-01-31"))',
        d=date("2025-12-31", "2026-01-01", "2026-01-15", "2026-01-31", "2026-02-01", None),
    ) == [F, T, T, T, F, U]


def test_between_with_missing_bounds_follows_and() -> None:
    assert evaluate(
        "between(x, low, high)",
        x=num(5, 5, 5, 5, None),
        low=num(None, None, 1, 6, 1),
        high=num(4, 9, None, None, 9),
    ) == [F, U, U, F, U]


def test_in_with_numbers() -> None:
    x = num(1, 2, 2.5, 3, None)
    assert evaluate("x in [1, 2.5]", x=x) == [T, F, T, F, U]
    assert evaluate("x not in [1, 2.5]", x=x) == [F, T, F, T, U]
    assert evaluate("x in [-1]", x=num(-1, 1)) == [T, F]
    assert evaluate("x + 1 in [2, 3]", x=x) == [T, T, F, F, U]


def test_in_with_text() -> None:
    region = text("Corse", "corse", "Guyane", "Bretagne", None, "")
    assert evaluate('region in ["Corse", "Guyane"]', region=region) == [T, F, T, F, U, F]
    assert evaluate('region not in ["Corse", "Guyane"]', region=region) == [F, T, F, T, U, T]
    assert evaluate('lower(region) in ["corse"]', region=region) == [T, T, F, F, U, F]


def test_in_with_dates() -> None:
    d = date("2026-01-01", "2026-01-02", None, "2026-01-01 12:00")
    assert evaluate('d in [date("2026-01-01"), date("2026-02-01")]', d=d) == [T, F, U, F]
    assert evaluate('d not in [date("2026-01-01")]', d=d) == [F, T, U, T]


# --- functions ------------------------------------------------------------------------------------


def test_text_functions_on_missing_values_are_unknown() -> None:
    name = text("SARL Dupont", "dupont", None, "")
    assert evaluate('contains(name, "Dupont")', name=name) == [T, F, U, F]
    assert evaluate('not contains(name, "Dupont")', name=name) == [F, T, U, T]
    assert evaluate('startswith(name, "SARL")', name=name) == [T, F, U, F]
    assert evaluate('startswith(name, "Dupont")', name=name) == [F, F, U, F]
    assert evaluate('lower(name) == "dupont"', name=name) == [F, T, U, F]
    assert evaluate('contains(lower(name), "dupont")', name=name) == [T, T, U, F]
    assert evaluate('contains(name, "")', name=name) == [T, T, U, T]


def test_text_functions_read_the_needle_literally() -> None:
    name = text("a.b", "axb", "a*", "(x)")
    assert evaluate('contains(name, ".")', name=name) == [T, F, F, F]
    assert evaluate('contains(name, "*")', name=name) == [F, F, T, F]
    assert evaluate('startswith(name, "(")', name=name) == [F, F, F, T]


def test_text_functions_on_constants() -> None:
    assert evaluate('lower("ABC") == "abc"', x=num(1, 2)) == [T, T]
    assert evaluate('contains("abc", "b") and startswith("abc", "a")', x=num(1)) == [T]


def test_division_by_zero_is_unknown() -> None:
    x, y = num(6, 6, 0, None, 6), num(3, 0, 0, 2, None)
    assert evaluate("x / y > 1", x=x, y=y) == [T, U, U, U, U]
    assert evaluate("not (x / y > 1)", x=x, y=y) == [F, U, U, U, U]
    assert evaluate("x / y > 1 or true", x=x, y=y) == [T] * 5
    assert evaluate("x / 0 == 0", x=x) == [U] * 5
    assert evaluate("x / (y - y) == 0", x=x, y=y) == [U] * 5
    assert evaluate("x / -0.0 < 0", x=x) == [U] * 5


def test_arithmetic() -> None:
    x, y = num(1, 2, None), num(3, 4, 5)
    assert evaluate("x + y == 4", x=x, y=y) == [T, F, U]
    assert evaluate("x - y == -2", x=x, y=y) == [T, T, U]
    assert evaluate("x * y == 8", x=x, y=y) == [F, T, U]
    assert evaluate("y / x == 3", x=x, y=y) == [T, F, U]
    assert evaluate("-x < 0", x=x, y=y) == [T, T, U]
    assert evaluate("x + y * 2 == 7", x=x, y=y) == [T, F, U]
    assert evaluate("(x + y) * 2 == 8", x=x, y=y) == [T, F, U]


def test_infinities_are_numbers_and_only_no_number_is_unknown() -> None:
    x, y = num(math.inf, -math.inf, 5, math.inf), num(1, 1, 1e308, math.inf)
    assert evaluate("x > 1000", x=x) == [T, F, F, T]
    assert evaluate("x + 1 > 1000", x=x) == [T, F, F, T]  # inf + 1 is inf, as in SQL
    assert evaluate("x / 2 < 0", x=x) == [F, T, F, F]
    assert evaluate("y * 10 > 1", y=y) == [T, T, T, T]  # 1e308 * 10 overflows to inf
    assert evaluate("x - y > 0", x=x, y=y) == [T, F, F, U]  # inf - inf is no number: unknown


def test_days_since_counts_to_the_as_of_date() -> None:
    d = date("2026-02-28", "2026-03-01", "2026-03-02", "2025-03-01", None, "2026-02-28 23:59")
    assert evaluate("days_since(d) == 1", d=d) == [T, F, F, F, U, T]
    assert evaluate("days_since(d) == 0", d=d) == [F, T, F, F, U, F]
    assert evaluate("days_since(d) < 0", d=d) == [F, F, T, F, U, F]
    assert evaluate("days_since(d) == 365", d=d) == [F, F, F, T, U, F]
    later = dt.date(2026, 3, 11)
    assert evaluate("days_since(d) == 11", as_of=later, d=d) == [T, F, F, F, U, T]
    assert evaluate("days_since(d) == 10", as_of=later, d=d) == [F, T, F, F, U, F]
    assert evaluate('days_since(date("2026-01-30")) == 30', x=num(1)) == [T]


def test_date_minus_date_is_days() -> None:
    start = date("2026-01-01", "2026-01-01", None, "2026-03-01")
    end = date("2026-01-31", "2025-12-31", "2026-01-01", "2026-02-01")
    assert evaluate("end - start == 30", start=start, end=end) == [T, F, U, F]
    assert evaluate("end - start < 0", start=start, end=end) == [F, T, U, T]
    assert evaluate('end - date("2026-01-01") >= 0', start=start, end=end) == [T, F, T, T]
    assert evaluate('date("2026-03-01") - start == 59', start=start, end=end) == [T, T, U, F]


# --- empty columns --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("e == 1", U),
        ('e > "a"', U),
        ('e < date("2026-01-01")', U),
        ("e == x", U),
        ("e in [1, 2]", U),
        ("e not in [1, 2]", U),
        ("e + 1 > 0", U),
        ("-e < 0", U),
        ("d - e > 0", U),
        ("days_since(e) > 3", U),
        ('lower(e) == "a"', U),
        ('contains(e, "a")', U),
        ('startswith(e, "a")', U),
        ("between(e, 1, 2)", U),
        ("between(x, e, 2)", U),
        ("e", U),
        ("not e", U),
        ("e and x > 0", U),
        ("e and x < 0", F),
        ("e or x > 0", T),
        ("e or x < 0", U),
        ("e == (x > 0)", U),
        ("missing(e)", T),
    ],
)
def test_an_empty_column_reads_as_unknown(condition: str, expected: bool | None) -> None:
    rows = 3
    result = evaluate(condition, e=empty(rows), x=num(1, 1, 1), d=date("2026-01-01", None, None))
    assert result == [expected] * rows


# --- shapes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "value"),
    [
        ("1 < 2", T),
        ("1 > 2", F),
        ("true", T),
        ("false", F),
        ("not true", F),
        ('"a" < "b"', T),
        ('"a" in ["b"]', F),
        ("2 in [1, 2]", T),
        ('date("2026-01-01") < date("2026-01-02")', T),
        ("1 / 0 > 0", U),
        ("between(2, 1, 3)", T),
        ("(1 < 2) == true", T),
    ],
)
def test_a_constant_condition_covers_every_row(condition: str, value: bool | None) -> None:
    assert evaluate(condition, x=num(1, None, 3, 4, 5)) == [value] * 5
    assert evaluate(condition, x=num()) == []


def test_a_compiled_condition_runs_on_any_frame() -> None:
    condition = parse_condition("x > 1 or missing(x)")
    kinds = {"x": Kind.NUMBER}
    check_condition(condition, kinds)
    run = compile_condition(condition)
    for values, expected in [([1.0, 2.0], [F, T]), ([NaN], [T]), ([], [])]:
        frame = pd.DataFrame({"x": pd.Series(values, dtype="float64")})
        assert tri_list(run(Frame(frame, kinds, AS_OF))) == expected


def test_a_frame_with_another_index_is_evaluated_by_position() -> None:
    frame = pd.DataFrame(
        {
            "t": pd.Series(["b", "a", None], dtype="str"),
            "u": pd.Series(["a", "a", "a"], dtype="str"),
        }
    )
    frame.index = pd.Index([30, 10, 20])
    kinds = {"t": Kind.TEXT, "u": Kind.TEXT}
    condition = parse_condition("t > u or lower(t) == u")
    check_condition(condition, kinds)
    assert tri_list(compile_condition(condition)(Frame(frame, kinds, AS_OF))) == [T, T, U]


# --- the property: vectorised evaluation equals a row-by-row reference -------------------------

Row = dict[str, Any]


def _and(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def _or(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def reference(node: Expr, row: Row) -> Any:
    """One row, plain Python: None is a missing value or an unknown answer (SQL's NULL)."""
    match node:
        case Column(name=name):
            return row[name]
        case Constant(value=value):
            return value
        case Compare(op=op, left=left, right=right):
            a, b = reference(left, row), reference(right, row)
            return None if a is None or b is None else COMPARE[op](a, b)
        case IsIn(operand=operand, items=items, negated=negated):
            a = reference(operand, row)
            if a is None:
                return None
            found = any(a == item.value for item in items)
            return not found if negated else found
        case Logical(op="and", operands=operands):
            return _and([reference(o, row) for o in operands])
        case Logical(op="or", operands=operands):
            return _or([reference(o, row) for o in operands])
        case Not(operand=operand):
            a = reference(operand, row)
            return None if a is None else not a
        case Negative(operand=operand):
            a = reference(operand, row)
            return None if a is None else -a
        case Arithmetic(op=op, left=left, right=right):
            a, b = reference(left, row), reference(right, row)
            if a is None or b is None:
                return None
            if isinstance(a, dt.date):
                return (a - b).days
            if op == "+":
                result = a + b
            elif op == "-":
                result = a - b
            elif op == "*":
                result = a * b
            elif b == 0:
                return None  # x / 0 is unknown, as in SQL
            else:
                result = a / b
            return None if math.isnan(result) else result
        case Call(function="missing", args=(arg,)):
            return reference(arg, row) is None
        case Call(function=function, args=args):
            values = [reference(a, row) for a in args]
            if function == "between":
                x, low, high = values
                less = None if x is None or low is None else low <= x
                more = None if x is None or high is None else x <= high
                return _and([less, more])
            if values[0] is None:
                return None
            if function == "days_since":
                return (AS_OF - values[0]).days
            if function == "lower":
                return values[0].lower()
            if function == "contains":
                return values[1] in values[0]
            return values[0].startswith(values[1])
    raise AssertionError(f"unexpected node {node!r}")  # pragma: no cover


NUMBER_VALUES = [None, -2.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 10.0]
TEXT_VALUES = [None, "", "a", "A", "ab", "b", "Ba", "é", "É"]
DATE_VALUES = [
    None,
    dt.date(2025, 12, 31),
    dt.date(2026, 1, 1),
    dt.date(2026, 1, 15),
    dt.date(2026, 3, 1),
]
BOOL_VALUES = [True, False, None]

NUMBER_LITERALS = ["0", "1", "2", "-1", "0.5", "-2.5", "3", "10"]
TEXT_LITERALS = ['""', '"a"', '"A"', '"ab"', '"b"', '"é"', '"É"']
DATE_LITERALS = ['date("2025-12-31")', 'date("2026-01-01")', 'date("2026-03-01")']
COMPARISONS = ["==", "!=", "<", "<=", ">", ">="]

KINDS = {
    "n1": Kind.NUMBER,
    "n2": Kind.NUMBER,
    "t1": Kind.TEXT,
    "t2": Kind.TEXT,
    "d": Kind.DATE,
    "b": Kind.BOOL,
    "e": Kind.EMPTY,
}


@st.composite
def frames(draw: st.DrawFn) -> tuple[pd.DataFrame, list[Row]]:
    """A frame of 0-30 rows with every kind of column, and the same rows as plain Python."""
    size = draw(st.integers(0, 30))

    def column(values: list[Any]) -> list[Any]:
        return draw(st.lists(st.sampled_from(values), min_size=size, max_size=size))

    data = {
        "n1": column(NUMBER_VALUES),
        "n2": column(NUMBER_VALUES),
        "t1": column(TEXT_VALUES),
        "t2": column(TEXT_VALUES),
        "d": column(DATE_VALUES),
        "b": column(BOOL_VALUES),
        "e": [None] * size,
    }
    frame = pd.DataFrame(
        {
            "n1": pd.Series([NaN if v is None else v for v in data["n1"]], dtype="float64"),
            "n2": pd.Series([NaN if v is None else v for v in data["n2"]], dtype="float64"),
            "t1": pd.Series(data["t1"], dtype="str"),
            "t2": pd.Series(data["t2"], dtype=object),  # as a library user might pass it
            "d": pd.Series(
                [np.datetime64("NaT") if v is None else np.datetime64(v) for v in data["d"]],
                dtype="datetime64[s]",
            ),
            "b": pd.Series(pd.array(data["b"], dtype="boolean")),
            "e": pd.Series(data["e"], dtype="str"),
        }
    )
    if draw(st.booleans()):
        frame.index = pd.Index(range(100 + size, 100, -1))  # not 0..n-1: evaluation is by position
    rows = [{name: values[i] for name, values in data.items()} for i in range(size)]
    return frame, rows


def _parenthesised(parts: list[str], joiner: str) -> str:
    return f" {joiner} ".join(f"({p})" for p in parts)


# Leaves read columns more often than literals, so that most rows differ.
DATES = st.one_of(st.sampled_from(["d", "e"]), st.just("d"), st.sampled_from(DATE_LITERALS))
TEXTS = st.one_of(
    st.sampled_from(["t1", "t2", "e"]),
    st.sampled_from(["t1", "t2"]),
    st.sampled_from(TEXT_LITERALS),
).flatmap(lambda a: st.sampled_from([a, a, f"lower({a})"]))
NUMBERS = st.recursive(
    st.one_of(
        st.sampled_from(["n1", "n2", "e"]),
        st.sampled_from(["n1", "n2"]),
        st.sampled_from(NUMBER_LITERALS),
        st.just("days_since(d)"),
        st.tuples(DATES, DATES).map(lambda t: f"({t[0]} - {t[1]})"),
    ),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from("+-*/"), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda a: f"-({a})"),
    ),
    max_leaves=4,
)


def _literal_list(literals: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(literals), min_size=1, max_size=3).map(
        lambda items: "[" + ", ".join(items) + "]"
    )


def comparisons() -> st.SearchStrategy[str]:
    """Conditions without and / or / not: comparisons, in, functions, true/false columns."""
    op = st.sampled_from(COMPARISONS)
    inside = st.sampled_from(["in", "not in"])
    pairs = [(NUMBERS, NUMBER_LITERALS), (TEXTS, TEXT_LITERALS), (DATES, DATE_LITERALS)]
    compare = [st.tuples(x, op, x).map(" ".join) for x, _ in pairs]
    chained = st.tuples(NUMBERS, op, NUMBERS, op, NUMBERS).map(" ".join)
    membership = [st.tuples(x, inside, _literal_list(lits)).map(" ".join) for x, lits in pairs]
    between = [
        st.tuples(x, x, x).map(lambda t: f"between({t[0]}, {t[1]}, {t[2]})") for x, _ in pairs
    ]
    text_tests = st.tuples(
        st.sampled_from(["contains", "startswith"]), TEXTS, st.sampled_from(TEXT_LITERALS)
    ).map(lambda t: f"{t[0]}({t[1]}, {t[2]})")
    return st.one_of(
        *compare,
        compare[0],
        chained,
        *membership,
        *between,
        text_tests,
        st.sampled_from([f"missing({name})" for name in KINDS]),
        st.sampled_from(["b", "e", "true", "false", "b == true", "b != false", "b in [false]"]),
        st.sampled_from(["b", "e"]),
    )


def conditions() -> st.SearchStrategy[str]:
    """Well-typed conditions by construction: and / or / not, and == between conditions."""
    return st.recursive(
        comparisons(),
        lambda inner: st.one_of(
            st.lists(inner, min_size=2, max_size=3).map(lambda p: _parenthesised(p, "and")),
            st.lists(inner, min_size=2, max_size=3).map(lambda p: _parenthesised(p, "or")),
            inner.map(lambda a: f"not ({a})"),
            st.tuples(inner, st.sampled_from(["==", "!="]), inner).map(
                lambda t: f"({t[0]}) {t[1]} ({t[2]})"
            ),
        ),
        max_leaves=8,
    )


@settings(max_examples=300, deadline=None)
@given(data=frames(), text=conditions())
def test_vectorised_evaluation_equals_row_by_row_reference(
    data: tuple[pd.DataFrame, list[Row]], text: str
) -> None:
    frame, rows = data
    condition = parse_condition(text)
    check_condition(condition, KINDS)  # well-typed by construction: must not raise
    tri = both(condition, frame, KINDS)  # the DataFrame and the reader's Arrow columns
    assert tri.true.shape == tri.false.shape == (len(rows),)
    got = tri_list(tri)
    for index, row in enumerate(rows):
        assert got[index] is reference(condition.tree, row), (index, row)


def test_the_reference_follows_sql() -> None:
    # the reference itself, on hand-picked rows, so that a wrong reference cannot hide a bug
    row: Row = {"x": None, "y": 1.0, "t": None, "d": dt.date(2026, 2, 28)}
    cases = {
        "x > 1 or y > 0": T,
        "x > 1 and y < 0": F,
        "x > 1 and y > 0": U,
        "not x > 1": U,
        "missing(x)": T,
        "between(y, x, 0)": F,
        "between(y, x, 2)": U,
        'contains(t, "a")': U,
        "days_since(d) == 1": T,
        "y / 0 > 1": U,
        "y in [1, 2] and x not in [1]": U,
    }
    for condition, expected in cases.items():
        assert reference(parse_condition(condition).tree, row) is expected, condition
