"""The fast paths (sampled typing, cast-first numbers, formula prefilter, packed rank key) give
the answers the straightforward versions gave: the cases where a shortcut could go wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa

from portfolio_cli.engine import _sort_by
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
