"""The fast paths (sampled typing, cast-first numbers, formula prefilter, packed rank key) give
the answers the straightforward versions gave: the cases where a shortcut could go wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from portfolio_cli.criteria import parse_criteria
from portfolio_cli.engine import _sort_by, classify
from portfolio_cli.expressions import Kind
from portfolio_cli.readers import read_customers
from portfolio_cli.writers.formats import neutralise_formulas

Write = Callable[[str, str | bytes], Path]


def test_a_late_cell_decides_the_kind_past_the_sample(write: Write) -> None:
    """The first 1000 cells are tried first; a text cell, a leading zero, a nan word or a bad
    date after them still makes the column text."""
    rows = ["id,late_text,late_zero,nan_word,inf_word,late_bad_day,big"]
    for i in range(1500):
        rows.append(f"{i},{i},{i + 1},{i},{i},2026-01-{1 + i % 28:02d},{i}")
    rows.append("x1,n/a,007,nan,-Infinity,2026-02-30,1e999")
    customers = read_customers(write("c.csv", "\n".join(rows) + "\n"), "id")
    assert customers.kinds == {
        "id": Kind.TEXT,
        "late_text": Kind.TEXT,
        "late_zero": Kind.TEXT,
        "nan_word": Kind.TEXT,
        "inf_word": Kind.TEXT,
        "late_bad_day": Kind.TEXT,
        "big": Kind.NUMBER,  # 1e999 is written as a number (it reads as infinity)
    }
    assert customers.frame["big"].iloc[-1] == np.inf


def test_signed_and_bare_point_numbers_stay_numbers(write: Write) -> None:
    path = write("c.csv", "id,a\n1,+1\n2,-.5\n3,1.\n4,1E+05\n5,-0.5\n")
    customers = read_customers(path, "id")
    assert customers.kinds["a"] is Kind.NUMBER
    assert customers.frame["a"].tolist() == [1.0, -0.5, 1.0, 100000.0, -0.5]


def test_formulas_are_caught_in_plain_and_dictionary_columns() -> None:
    names = pa.array(["Alice", "=1+1", None, "-12.5", "+33 6 12", "@x", "\tx", "-x"])
    table = pa.table({"name": names, "code": names.dictionary_encode(), "n": range(8)})
    safe = neutralise_formulas(table).to_pydict()
    expected = ["Alice", "'=1+1", None, "-12.5", "'+33 6 12", "'@x", "'\tx", "'-x"]
    assert safe["name"] == expected
    assert safe["code"] == expected
    assert safe["n"] == list(range(8))


def test_packed_sort_keys_order_like_a_lexsort() -> None:
    rng = np.random.default_rng(5)
    keys = [rng.integers(0, size, 5000) for size in (4, 3, 3, 2**40, 2**40, 5000)]
    expected = np.lexsort(keys[::-1])
    np.testing.assert_array_equal(_sort_by(keys), expected)


@pytest.mark.parametrize("problems", [3, 17])  # 17 keys take the sorting path
def test_keys_met_are_listed_in_rule_order(problems: int) -> None:
    rules = "\n".join(f"  - key: p{i}\n    when: x > {i}" for i in range(problems))
    criteria = parse_criteria(
        f"version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: c\n    when: x > 0\n"
        f"problems:\n{rules}\n"
    )
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "x": [0.0, 2.0, 99.0, 2.0]})
    result = classify(frame, criteria, dt.date(2026, 1, 1))
    problems_of = dict(zip(result.customers["id"], result.customers["problems"], strict=True))
    assert problems_of == {
        "a": "",
        "b": "p0|p1",
        "c": "|".join(f"p{i}" for i in range(problems)),
        "d": "p0|p1",
    }
