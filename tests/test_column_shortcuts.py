"""The fast paths (sampled typing, cast-first numbers, formula prefilter, packed rank key) give
the answers the straightforward versions gave: the cases where a shortcut could go wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import parse_criteria
from portfolio_cli.engine import _sort_by, classify
from portfolio_cli.readers import read_customers
from portfolio_cli.readers.columns import LEADING_ZERO, _blank_as_null, _leading_zero, clean_text
from portfolio_cli.writers.formats import neutralise_formulas

Write = Callable[[str, str | bytes], Path]


def test_a_late_cell_decides_the_kind_past_the_sample(write: Write) -> None:
    """The first 1000 cells are tried first; a text cell, a leading zero, a NaN of our own
    spelling or a bad date after them still makes the column text (a plain `nan` is a missing
    number and `-Infinity` a number)."""
    rows = ["id,late_text,late_zero,nan_word,inf_word,odd_nan,late_bad_day,big"]
    for i in range(1500):
        rows.append(f"{i},{i},{i + 1},{i},{i},{i},2026-01-{1 + i % 28:02d},{i}")
    rows.append("x1,n/a,007,nan,-Infinity,nan(1),2026-02-30,1e999")
    customers = read_customers(write("c.csv", "\n".join(rows) + "\n"), "id")
    assert customers.kinds == {
        "id": Kind.TEXT,
        "late_text": Kind.TEXT,
        "late_zero": Kind.TEXT,
        "nan_word": Kind.NUMBER,
        "inf_word": Kind.NUMBER,
        "odd_nan": Kind.TEXT,
        "late_bad_day": Kind.TEXT,
        "big": Kind.NUMBER,  # 1e999 is written as a number (it reads as infinity)
    }
    assert customers.frame["big"].iloc[-1] == np.inf
    assert np.isnan(customers.frame["nan_word"].iloc[-1])
    assert customers.frame["inf_word"].iloc[-1] == -np.inf


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


def test_a_distinct_last_key_sorts_like_a_lexsort() -> None:
    """With the ids' ranks last, the faster unstable sort gives the same order."""
    rng = np.random.default_rng(7)
    size = 200_000
    keys = [rng.integers(0, 4, size), rng.integers(0, 3, size), rng.integers(0, 50, size)]
    keys.append(rng.permutation(size) + 1)
    np.testing.assert_array_equal(_sort_by(keys, distinct=True), np.lexsort(keys[::-1]))


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


def _trimmed(array: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """The straightforward version: trim every cell, blank cells null."""
    trimmed = pc.utf8_trim_whitespace(array)
    cleaned = pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)
    return cleaned if isinstance(cleaned, pa.ChunkedArray) else pa.chunked_array([cleaned])


def test_every_white_space_character_arrow_trims_turns_the_fast_path_down() -> None:
    """The untrimmed path is taken only when no cell can start or end with white space: every
    code point that Arrow's trim removes, alone or around a word, sends a column to the trim."""
    points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    trimmed = pc.utf8_trim_whitespace(pa.array([chr(c) for c in points]))
    gone = pc.equal(trimmed, "").to_pylist()
    spaces = [chr(c) for c, blank in zip(points, gone, strict=True) if blank]
    assert {" ", "\t", "\u00a0", "\u202f", "\u3000"} <= set(spaces)
    for space in spaces:
        for cell in (space, f"{space}é", f"é{space}", f"x{space}", f"{space}1"):
            column = pa.chunked_array([pa.array(["a", "", cell, "Café"])])
            assert _blank_as_null(column.chunk(0)) is None
            assert clean_text(column).equals(_trimmed(column))


def test_untrimmed_columns_clean_like_the_trim() -> None:
    """Blank cells become null over the same text; nulls, slices and non-ASCII ends kept."""
    cells = ["Café", "", "Île-de-France", None, "x", "", "naïve", "Zoë", "ß", "日本"] * 7
    array = pa.array(cells)
    for column in (
        pa.chunked_array([array]),
        pa.chunked_array([array.slice(3, 40), array.slice(0, 0), array.slice(9)]),
        pa.chunked_array([pa.array(["", ""])]),
        pa.chunked_array([pa.array([None, None], pa.string())]),
    ):
        assert all(_blank_as_null(chunk) is not None for chunk in column.chunks)
        assert clean_text(column).equals(_trimmed(column))


@pytest.mark.parametrize("seed", range(5))
def test_leading_zeros_are_found_as_the_regex_finds_them(seed: int) -> None:
    rng = np.random.default_rng(seed)
    alphabet = [*"0123456789+-.e", " ", "é"]
    cells: list[str | None] = [
        "".join(rng.choice(alphabet, size=rng.integers(0, 5))) for _ in range(300)
    ]
    cells[::17] = [None] * len(cells[::17])
    array = pa.array(cells, pa.string())
    for start in range(0, 300, 37):
        column = pa.chunked_array([array.slice(start, 40), array.slice(start + 50, 3)])
        expected = bool(pc.any(pc.match_substring_regex(column, LEADING_ZERO)).as_py())
        assert _leading_zero(column) is expected, column.to_pylist()


def test_the_readers_id_rank_is_used_only_for_its_own_id_column(write: Write) -> None:
    """Read with one id column and classified with another: the tie-break still follows the
    ids the criteria file names, compared as text."""
    path = write("c.csv", "code,ref,x\nb,r2,1\na,r3,1\nc,r1,1\n")
    customers = read_customers(path, "code")
    criteria = parse_criteria(
        "version: 1\ncustomers:\n  id: ref\ncriteria:\n  - key: c\n    when: x > 0\n"
    )
    result = classify(customers, criteria, dt.date(2026, 1, 1))
    assert result.customers["ref"].tolist() == ["r1", "r2", "r3"]
    by_code = classify(
        customers, replace(criteria, customers=replace(criteria.customers, id="code"))
    )
    assert by_code.customers["code"].tolist() == ["a", "b", "c"]
