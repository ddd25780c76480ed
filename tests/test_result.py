"""The run's summary as a typed, frozen value: merging parts, serialising, immutability."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import pickle
import textwrap
from functools import reduce
from pathlib import Path

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from conftest import AS_OF, CRIT, EX, FRENCH, FRENCH_CRITERIA, Run
from portfolio_cli.criteria import Criteria, parse_criteria
from portfolio_cli.engine import classify
from portfolio_cli.result import Answers, Summary

DAY = dt.date.fromisoformat(AS_OF)
RULES = textwrap.dedent(
    """
    version: 1
    customers: {id: id}
    listening: {nps: score}
    criteria:
      - key: a
        when: a >= 1
      - key: b
        when: b >= 1
    problems:
      - key: banned
        when: banned == 1
      - key: noisy
        when: noisy == 1
        compensable: true
    """
)

# `classify -f json`'s summary block on the example as the tool printed it before the summary
# was typed (bench/outputs.py, commit 5b2db7f), criteria path left out: its keys, order,
# indentation and number formatting must not move.
EXAMPLE_SUMMARY = """\
{
  "summary": {
    "as_of": "2026-11-23",
    "criteria": {
      "pays_on_time": 178,
      "promoter": 161,
      "repeat_buyer": 172
    },
    "criteria_file": "{criteria}",
    "nps": 44.93927125506073,
    "nps_answers": 247,
    "nps_by_segment": {
      "easy_to_satisfy": 46.788990825688074,
      "satisfied": 100.0,
      "unrecoverable": -56.0
    },
    "problems": {
      "chronic_complainer": 31,
      "outside_area": 12
    },
    "quality": 0.75,
    "segments": {
      "easy_to_satisfy": 137,
      "satisfied": 88,
      "unrecoverable": 75
    },
    "set_aside": [],
    "total": 300,
    "unjudged": {
      "chronic_complainer": 0,
      "outside_area": 0,
      "pays_on_time": 14,
      "promoter": 53,
      "repeat_buyer": 0
    },
    "unrecoverable_reasons": {
      "chronic_complainer": 18,
      "no_criterion_met": 45,
      "outside_area": 12
    }
  },
  "customers": ["""

# The same on the French fixture with its French rules (fractional NPS per segment).
FRENCH_SUMMARY = """\
{
  "summary": {
    "as_of": "2026-11-23",
    "criteria": {
      "fidele": 172,
      "gros": 237
    },
    "criteria_file": "{criteria}",
    "nps": 44.93927125506073,
    "nps_answers": 247,
    "nps_by_segment": {
      "easy_to_satisfy": 19.35483870967742,
      "satisfied": 74.28571428571429,
      "unrecoverable": -11.11111111111111
    },
    "problems": {
      "loin": 12
    },
    "quality": 0.8,
    "segments": {
      "easy_to_satisfy": 82,
      "satisfied": 158,
      "unrecoverable": 60
    },
    "set_aside": [],
    "total": 300,
    "unjudged": {
      "fidele": 0,
      "gros": 0,
      "loin": 0
    },
    "unrecoverable_reasons": {
      "loin": 4,
      "no_criterion_met": 56
    }
  },
  "customers": ["""


def rules() -> Criteria:
    return parse_criteria(RULES, "t.yaml")


def summary_of(data: pd.DataFrame, criteria: Criteria | None = None) -> Summary:
    return classify(data, criteria or rules(), DAY).summary


def example() -> Summary:
    data = pd.DataFrame(
        {
            "id": ["p", "q", "r", "s", "t"],
            "a": [1.0, 1.0, 0.0, np.nan, 0.0],
            "b": [1.0, 0.0, 0.0, 1.0, np.nan],
            "banned": [0.0, 0.0, 1.0, 0.0, 0.0],
            "noisy": [0.0, 1.0, 0.0, 1.0, 0.0],
            "score": [10.0, 6.0, np.nan, 9.0, 7.0],
        }
    )
    return summary_of(data)


# --- merging the parts of a list -----------------------------------------------------------


cells = st.sampled_from([0.0, 1.0, np.nan])
rows = st.lists(
    st.tuples(
        cells, cells, cells, cells, st.sampled_from([np.nan, 0.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0])
    ),
    min_size=1,
    max_size=40,
)


def frame_of(values: list[tuple[float, ...]]) -> pd.DataFrame:
    data = pd.DataFrame(values, columns=["a", "b", "banned", "noisy", "score"], dtype="float64")
    data.insert(0, "id", [f"C{i}" for i in range(len(values))])
    return data


@settings(max_examples=60, deadline=None)
@given(rows, st.lists(st.integers(min_value=0, max_value=40), max_size=4))
def test_merging_the_parts_gives_the_whole_list_in_any_grouping(
    values: list[tuple[float, ...]], cuts: list[int]
) -> None:
    """A list cut anywhere into parts: the parts' summaries merged left to right, right to left
    or pairwise equal the summary of the whole, figures and NPS counts alike (quality and NPS
    computed again from the sums, so exactly equal, not approximately)."""
    whole = frame_of(values)
    bounds = [0, *sorted(min(c, len(values)) for c in cuts), len(values)]
    parts = [
        summary_of(whole.iloc[start:end].reset_index(drop=True))
        for start, end in itertools.pairwise(bounds)
        if end > start
    ]
    expected = summary_of(whole)
    left = reduce(Summary.merge, parts)
    right = reduce(lambda done, part: part.merge(done), reversed(parts))
    assert left == right == Summary.merged(parts) == expected
    assert left.to_dict() == expected.to_dict()
    assert left.answers == expected.answers


def test_merge_adds_counts_and_computes_quality_and_nps_again() -> None:
    one = summary_of(frame_of([(1.0, 1.0, 0.0, 0.0, 10.0), (0.0, 0.0, 1.0, 0.0, 2.0)]))
    two = summary_of(frame_of([(1.0, 0.0, 0.0, 0.0, 9.0)]))
    merged = one.merge(two)
    assert (one.quality, two.quality, merged.quality) == (0.5, 1.0, 2 / 3)  # not (0.5 + 1) / 2
    assert (one.nps, two.nps, merged.nps) == (0.0, 100.0, 100 * (2 - 1) / 3)
    assert merged.segments == {"satisfied": 1, "easy_to_satisfy": 1, "unrecoverable": 1}
    assert merged.nps_answers == 3
    assert merged.nps_by_segment == {
        "satisfied": 100.0,
        "easy_to_satisfy": 100.0,
        "unrecoverable": -100.0,
    }


def test_only_summaries_of_the_same_run_merge() -> None:
    one = example()
    other_day = classify(frame_of([(1.0, 1.0, 0.0, 0.0, 10.0)]), rules(), dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match="same criteria on the same day"):
        one.merge(other_day.summary)
    stored = Summary.from_dict(one.to_dict())  # a history snapshot keeps no NPS counts
    with pytest.raises(ValueError, match="no NPS counts"):
        one.merge(stored)


@pytest.mark.parametrize("chunk", [7, 89])
def test_a_file_read_in_parts_has_the_summary_of_the_whole_file(chunk: int) -> None:
    """The chunked path merges its parts' summaries: the example read 7 or 89 rows at a time
    gives the in-memory summary, exact NPS and quality included."""
    from portfolio_cli.chunked import classify_in_parts, should_stream
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.readers import CsvOptions, read_customers

    criteria = load_criteria(CRIT)
    found = should_stream(EX, CsvOptions(), chunk, criteria.customers.id)
    assert found is not None
    ranked = classify_in_parts(Path(EX), criteria, DAY, found, chunk=chunk)
    assert ranked is not None
    summary = ranked.summary
    whole = classify(read_customers(EX, criteria.customers.id), criteria, DAY).summary
    assert summary == whole
    assert summary.answers == whole.answers
    assert summary.to_dict() == whole.to_dict()
    assert sum(table.num_rows for table in ranked.tables) == 300


def test_a_list_without_nps_column_merges_with_no_nps() -> None:
    plain = parse_criteria("version: 1\ncustomers: {id: id}\ncriteria:\n- {key: a, when: a >= 1}")
    data = frame_of([(1.0, 0.0, 0.0, 0.0, 9.0), (0.0, 0.0, 0.0, 0.0, 9.0)])
    one, two = summary_of(data.iloc[:1], plain), summary_of(data.iloc[1:], plain)
    merged = one.merge(two)
    assert merged == summary_of(data, plain)
    assert (merged.nps, merged.nps_answers) == (None, 0)
    assert merged.nps_by_segment == dict.fromkeys(merged.segments)


# --- immutable --------------------------------------------------------------------------------


def test_a_summary_cannot_be_changed() -> None:
    summary = example()
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.total = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        summary.segments["satisfied"] = 0  # type: ignore[index]
    with pytest.raises(TypeError):
        summary.unjudged["a"] = 0  # type: ignore[index]
    assert isinstance(summary.set_aside, tuple)


def test_a_summary_keeps_its_own_copy_of_the_counts_it_was_given() -> None:
    counts = {"satisfied": 1, "easy_to_satisfy": 0, "unrecoverable": 0}
    summary = Summary.from_counts(
        rules(), DAY, segments=counts, met={}, problems={}, unjudged={},
        unrecoverable_reasons={},
    )  # fmt: skip
    counts["satisfied"] = 99
    assert summary.segments["satisfied"] == 1
    assert summary.total == 1


def test_a_summary_crosses_to_a_batch_worker_and_back() -> None:
    summary = example()
    copy = pickle.loads(pickle.dumps(summary))  # noqa: S301 - our own bytes
    assert copy == summary
    assert copy.answers == summary.answers
    assert copy.merge(summary).total == 2 * summary.total


# --- serialised -------------------------------------------------------------------------------


def test_to_dict_keeps_the_keys_and_plain_values_every_output_stored() -> None:
    document = example().to_dict()
    assert list(document) == [
        "total", "segments", "quality", "criteria", "problems", "unjudged",
        "unrecoverable_reasons", "set_aside", "nps", "nps_by_segment", "nps_answers",
        "as_of", "criteria_file",
    ]  # fmt: skip
    assert document["unrecoverable_reasons"] == {"no_criterion_met": 1, "banned": 1, "noisy": 2}
    assert document["set_aside"] == []
    assert all(type(document[k]) is dict for k in ("segments", "criteria", "nps_by_segment"))
    assert Summary.from_dict(document) == example()


def test_row_gives_the_figures_of_batch_summary_csv() -> None:
    assert example().row() == {
        "customers": 5,
        "satisfied": 1,
        "easy_to_satisfy": 0,
        "unrecoverable": 4,
        "quality": 0.2,
        "nps": 25.0,  # 2 promoters, 1 detractor, 4 answers
        "unjudged": 2,  # a unknown for s, b unknown for t
    }


def test_answers_count_promoters_detractors_and_every_answer() -> None:
    tally = Answers(2, 1, 4) + Answers(1, 0, 1)
    assert tally == Answers(3, 1, 5)
    assert tally.score == 100 * (3 - 1) / 5
    assert Answers().score is None


@pytest.mark.parametrize(
    ("source", "criteria", "expected"),
    [
        (EX, CRIT, EXAMPLE_SUMMARY),
        (str(FRENCH), str(FRENCH_CRITERIA), FRENCH_SUMMARY),
    ],
)
def test_classify_json_prints_the_summary_byte_for_byte_as_before(
    run: Run, source: str, criteria: str, expected: str
) -> None:
    result = run("classify", source, "-c", criteria, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 0, result.stderr
    head = expected.replace("{criteria}", criteria.replace("\\", "\\\\"))
    assert result.stdout.startswith(head)


def test_history_stores_the_summary_it_shows(run: Run, tmp_path: Path) -> None:
    from portfolio_cli.history import snapshots

    history = tmp_path / "h.sqlite"
    where = ["--as-of", AS_OF, "-f", "json", "--history", str(history)]
    result = run("classify", EX, "-c", CRIT, *where)
    assert result.exit_code == 0, result.stderr
    (stored,) = snapshots(history)
    printed = Summary.from_dict(json.loads(result.stdout)["summary"])
    assert stored.summary == printed
    assert stored.total == 300
