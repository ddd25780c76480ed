"""The method's step 5: segments, compensation, priority, unjudged counts, quality and NPS."""

from __future__ import annotations

import datetime as dt
import textwrap

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given

from conftest import Run, Write
from portfolio_cli.criteria import parse_criteria
from portfolio_cli.engine import classify, net_promoter_score
from portfolio_cli.errors import CriteriaError, InputError

AS_OF = dt.date(2026, 11, 23)

BASE = """
version: 1
customers:
  id: id
criteria:
  - key: a
    when: a >= 1
  - key: b
    when: b >= 1
  - key: c
    when: c >= 1
problems:
  - key: banned
    when: banned == 1
  - key: noisy
    when: noisy == 1
    compensable: true
{policy}
"""


def criteria(policy: str = "", body: str = BASE) -> object:
    return parse_criteria(textwrap.dedent(body.format(policy=policy)), "test.yaml")


def frame(rows: list[tuple[object, ...]]) -> pd.DataFrame:
    columns = ["id", "a", "b", "c", "banned", "noisy"]
    data = pd.DataFrame(rows, columns=columns)
    data["id"] = data["id"].astype("str")
    for column in columns[1:]:
        data[column] = data[column].astype("float64")
    return data


def segments(rows: list[tuple[object, ...]], policy: str = "") -> dict[str, str]:
    result = classify(frame(rows), criteria(policy), AS_OF)  # type: ignore[arg-type]
    out = result.customers
    return dict(zip(out["id"], out["segment"].astype(str), strict=True))


@pytest.mark.parametrize(
    ("row", "segment"),
    [
        (("x", 1, 1, 1, 0, 0), "satisfied"),  # every criterion, no problem
        (("x", 1, 1, 0, 0, 0), "easy_to_satisfy"),  # some criteria, no problem
        (("x", 1, 0, 0, 0, 0), "easy_to_satisfy"),
        (("x", 0, 0, 0, 0, 0), "unrecoverable"),  # no criterion and no problem
        (("x", 1, 1, 1, 1, 0), "unrecoverable"),  # an active problem beats every criterion
        (("x", 1, 1, 1, 0, 1), "easy_to_satisfy"),  # all met, compensated problem: effort needed
        (("x", 1, 0, 0, 0, 1), "unrecoverable"),  # compensable, but not enough criteria
        (("x", 0, 0, 0, 0, 1), "unrecoverable"),
    ],
)
def test_segment_rules_of_the_default_policy(row: tuple[object, ...], segment: str) -> None:
    assert segments([row]) == {"x": segment}


def test_compensation_threshold_follows_policy() -> None:
    rows = [("two", 1, 1, 0, 0, 1), ("one", 1, 0, 0, 0, 1)]
    # default: all retained criteria are needed to compensate
    assert segments(rows) == {"two": "unrecoverable", "one": "unrecoverable"}
    assert segments(rows, "policy:\n  compensate_with: 2") == {
        "two": "easy_to_satisfy",
        "one": "unrecoverable",
    }
    assert segments(rows, "policy:\n  compensate_with: 1") == {
        "two": "easy_to_satisfy",
        "one": "easy_to_satisfy",
    }


def test_output_lists_met_active_and_compensated_keys() -> None:
    result = classify(
        frame([("x", 1, 1, 0, 1, 1)]), criteria("policy:\n  compensate_with: 2"), AS_OF
    )  # type: ignore[arg-type]
    row = result.customers.iloc[0]
    assert list(result.customers.columns) == [
        "id",
        "segment",
        "priority",
        "criteria_met",
        "criteria",
        "problems",
        "compensated",
        "action",
    ]
    assert (row["criteria_met"], row["criteria"], row["problems"], row["compensated"]) == (
        2,
        "a|b",
        "banned",
        "noisy",
    )
    assert row["action"] == "Do not spend your time here."


def test_priority_more_criteria_then_fewer_problems_then_id_as_text() -> None:
    rows = [
        ("9", 1, 0, 0, 0, 0),  # 1 criterion
        ("10", 1, 0, 0, 0, 0),  # same: the id breaks the tie, compared as text ("10" < "9")
        ("3", 1, 1, 1, 0, 1),  # 3 criteria, one compensated problem
        ("4", 1, 1, 1, 0, 0),  # 3 criteria, no problem: first
        ("5", 1, 1, 1, 1, 0),  # 3 criteria, one active problem
        ("6", 0, 0, 0, 0, 0),
    ]
    result = classify(frame(rows), criteria(), AS_OF)  # type: ignore[arg-type]
    assert list(result.customers["id"]) == ["4", "3", "5", "10", "9", "6"]
    assert list(result.customers["priority"]) == [1, 2, 3, 4, 5, 6]


def test_priority_order_by_puts_missing_last_in_both_directions() -> None:
    body = BASE.replace("{policy}", "policy:\n  order_by: [spent {direction}]")
    data = frame([("a", 1, 0, 0, 0, 0), ("b", 1, 0, 0, 0, 0), ("c", 1, 0, 0, 0, 0)])
    data["spent"] = [10.0, np.nan, 30.0]
    for direction, expected in (("desc", ["c", "a", "b"]), ("asc", ["a", "c", "b"])):
        rules = parse_criteria(textwrap.dedent(body.replace("{direction}", direction)), "t.yaml")
        assert list(classify(data, rules, AS_OF).customers["id"]) == expected


def test_priority_is_stable_whatever_the_input_order() -> None:
    rows = [(str(i), i % 2, i % 3 == 0, 0, 0, i % 5 == 0) for i in range(40)]
    first = classify(frame(rows), criteria(), AS_OF).customers  # type: ignore[arg-type]
    shuffled = classify(frame(rows[::-1]), criteria(), AS_OF).customers  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(first, shuffled)
    assert sorted(first["priority"]) == list(range(1, 41))


def test_unknown_counts_as_not_met_and_is_counted_as_unjudged() -> None:
    rows = [("x", np.nan, 1, 1, np.nan, 0), ("y", 1, 1, 1, 0, np.nan)]
    result = classify(frame(rows), criteria(), AS_OF)  # type: ignore[arg-type]
    assert segments(rows) == {"x": "easy_to_satisfy", "y": "satisfied"}
    assert result.summary.unjudged == {"a": 1, "b": 0, "c": 0, "banned": 1, "noisy": 1}


def test_three_valued_or_keeps_a_customer_whose_other_side_is_true() -> None:
    body = """
    version: 1
    customers: {id: id}
    criteria:
      - key: either
        when: a >= 1 or b >= 1
      - key: both
        when: a >= 1 and b >= 1
      - key: neither
        when: not (a >= 1)
    """
    data = frame([("x", np.nan, 1, 0, 0, 0), ("y", np.nan, 0, 0, 0, 0)])
    result = classify(data, parse_criteria(textwrap.dedent(body), "t.yaml"), AS_OF)
    by_id = result.customers.set_index("id")
    assert by_id.loc["x", "criteria"] == "either"  # unknown or true = true
    assert by_id.loc["y", "criteria"] == ""  # unknown or false = unknown → not met
    assert result.summary.unjudged == {"either": 1, "both": 1, "neither": 2}


def test_summary_counts_quality_and_reasons() -> None:
    rows = [
        ("s", 1, 1, 1, 0, 0),
        ("e", 1, 0, 0, 0, 0),
        ("c", 1, 1, 1, 0, 1),
        ("u1", 0, 0, 0, 0, 0),
        ("u2", 1, 1, 1, 1, 1),
    ]
    summary = classify(frame(rows), criteria(), AS_OF).summary  # type: ignore[arg-type]
    assert summary.total == 5
    assert summary.segments == {"satisfied": 1, "easy_to_satisfy": 2, "unrecoverable": 2}
    assert summary.quality == 0.6
    assert summary.criteria == {"a": 4, "b": 3, "c": 3}
    # present, compensated or not
    assert summary.problems == {"banned": 1, "noisy": 2}
    assert summary.unrecoverable_reasons == {"no_criterion_met": 1, "banned": 1, "noisy": 0}
    assert summary.as_of == "2026-11-23"
    assert summary.nps is None


def test_more_than_three_criteria_only_the_first_three_count() -> None:
    body = BASE.replace("{policy}", "").replace(
        "problems:", "  - key: d\n    when: a >= 100\nproblems:"
    )
    rules = parse_criteria(textwrap.dedent(body), "t.yaml")
    assert [r.key for r in rules.criteria] == ["a", "b", "c"]
    assert [r.key for r in rules.set_aside] == ["d"]
    result = classify(frame([("x", 1, 1, 1, 0, 0)]), rules, AS_OF)
    assert result.customers["segment"].astype(str).tolist() == ["satisfied"]
    assert result.summary.set_aside == ("d",)
    assert "d" not in result.summary.criteria


def test_nps_overall_and_per_segment() -> None:
    body = """
    version: 1
    customers: {id: id}
    listening: {nps: score}
    criteria:
      - key: loyal
        when: orders >= 2
    """
    data = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "orders": [3.0, 3.0, 3.0, 0.0, 0.0],
            "score": [10.0, 9.0, 6.0, 3.0, np.nan],
        }
    )
    summary = classify(data, parse_criteria(textwrap.dedent(body), "t.yaml"), AS_OF).summary
    assert summary.nps == 0.0  # 2 promoters, 2 detractors out of 4 answers
    assert summary.nps_answers == 4
    assert summary.nps_by_segment == {
        "satisfied": 100 / 3,  # exact: rounding is for people
        "easy_to_satisfy": None,
        "unrecoverable": -100.0,
    }


def test_nps_scores_outside_0_to_10_are_an_error_naming_rows() -> None:
    body = (
        "version: 1\ncustomers: {id: id}\nlistening: {nps: score}\n"
        "criteria:\n  - key: k\n    when: score > 1\n"
    )
    data = pd.DataFrame({"id": ["a", "b", "c"], "score": [5.0, 11.0, -1.0]})
    with pytest.raises(InputError) as caught:
        classify(data, parse_criteria(body, "t.yaml"), AS_OF)
    assert str(caught.value) == (
        "column 'score' (listening.nps) must hold scores from 0 to 10; rows 3, 4 hold 11, -1"
    )


def test_an_nps_score_outside_0_to_10_is_named_by_its_row_in_the_file(
    run: Run, write: Write
) -> None:
    criteria = write(
        "c.yaml",
        "version: 1\ncustomers: {id: id}\nlistening: {nps: score}\n"
        "criteria:\n  - key: k\n    when: score > 1\n",
    )
    # two title lines above the header: the customer with 11 is on the file's row 5
    data = write("c.csv", "Export clients au 04/12/2026\n\nid,score\na,5\nb,11\nc,7\n")
    for engine in ("arrow", "duckdb"):
        result = run("classify", str(data), "-c", str(criteria), "-f", "csv", "--engine", engine)
        assert result.exit_code == 2
        assert result.stderr == (
            "error: column 'score' (listening.nps) must hold scores from 0 to 10; row 5 holds 11\n"
        )
    french = run("classify", str(data), "-c", str(criteria), "-f", "csv", "--lang", "fr")
    assert "; la ligne 5 contient 11\n" in french.stderr


DAYS_SINCE = (
    "version: 1\ncustomers: {id: id}\ncriteria:\n  - key: k\n    when: days_since(seen) < 30\n"
)


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (
            ["2026-01-31", "n/a", "hier", "31/01/2026"],
            "row 5 holds 'n/a', row 6 holds 'hier', which are not dates; correct these cells (or "
            "blank them)",
        ),
        (
            ["2026-01-31 14:05", "", "31/01/2026"],
            "it writes dates in two ways, '2026-01-31 14:05' on row 4 and '31/01/2026' on row 6; "
            "write every date of the column the same way (YYYY-MM-DD or DD/MM/YYYY)",
        ),
    ],
    ids=["not-dates", "two-ways"],
)
def test_days_since_of_a_date_column_read_as_text_names_its_cells(
    run: Run, write: Write, cells: list[str], reason: str
) -> None:
    criteria = write("c.yaml", DAYS_SINCE)
    # two title lines above the header: the first customer is on the file's row 4
    rows = "".join(f"{i};{cell}\n" for i, cell in enumerate(cells))
    data = write("d.csv", "Export clients au 04/12/2026\n\nid;seen\n" + rows)
    for engine in ("arrow", "duckdb"):
        result = run("classify", str(data), "-c", str(criteria), "-f", "csv", "--engine", engine)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.startswith(
            f"error: {criteria}:5 criteria[0] (k).when: days_since() needs date: column 'seen' "
            f"holds text, because {reason}\n"
        )


@pytest.mark.parametrize(
    ("when", "compares"),
    [
        ('seen >= date("2026-01-01")', "`>=` compares"),
        ('between(seen, date("2026-01-01"), date("2026-12-31"))', "between compares"),
    ],
)
def test_a_date_column_read_as_text_compared_with_a_date_names_its_cells(
    run: Run, write: Write, when: str, compares: str
) -> None:
    criteria = write("c.yaml", DAYS_SINCE.replace("days_since(seen) < 30", when))
    data = write("d.csv", "id;seen\n1;2026-01-31\n2;n/a\n3;2026-02-01\n")
    for engine in ("arrow", "duckdb"):
        result = run("classify", str(data), "-c", str(criteria), "-f", "csv", "--engine", engine)
        assert result.exit_code == 2
        assert result.stderr.startswith(
            f"error: {criteria}:5 criteria[0] (k).when: {compares} column 'seen' (text) with "
            "2026-01-01 (date): the column is read as text because row 3 holds 'n/a', which is "
            "not a date; correct that cell (or blank it)\n"
        )


def test_days_since_of_a_text_column_says_what_dates_look_like(run: Run, write: Write) -> None:
    criteria = write("c.yaml", DAYS_SINCE)
    data = write("d.csv", "id;seen\n1;bob\n2;alice\n")
    result = run("classify", str(data), "-c", str(criteria), "-f", "csv", "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"erreur : {criteria}:5 criteria[0] (k).when: days_since() demande le type date : la "
        "colonne 'seen' contient du type texte (ses cellules ne sont pas toutes des dates "
        "écrites comme 2026-01-31 ou 31/01/2026)\n"
    )


def test_net_promoter_score() -> None:
    assert net_promoter_score(np.array([10.0, 9, 8, 7, 6, 0])) == round(100 * (2 - 2) / 6, 1)
    assert net_promoter_score(np.array([10.0, 10, 10])) == 100.0
    assert net_promoter_score(np.array([np.nan])) is None


def test_unknown_columns_and_types_are_reported_together_before_evaluation() -> None:
    body = """
    version: 1
    customers: {id: id, name: nom}
    listening:
      nps: recommend
    criteria:
      - key: a
        when: aa >= 1
      - key: b
        when: region > 3
    policy:
      order_by:
        - spent asc
        - spend desc
    """
    data = pd.DataFrame({"id": ["x"], "a": [1.0], "region": ["Corse"], "spent": [1.0]})
    with pytest.raises(CriteriaError) as caught:
        classify(data, parse_criteria(textwrap.dedent(body), "t.yaml"), AS_OF)
    lines = [str(issue).splitlines()[0] for issue in caught.value.issues]
    # each names the line where the column was written, as the file's other errors do
    assert lines == [
        "t.yaml:3 customers.name: unknown column 'nom' "
        "(the input's columns are: id, a, region, spent)",
        "t.yaml:5 listening.nps: unknown column 'recommend' "
        "(the input's columns are: id, a, region, spent)",
        "t.yaml:14 policy.order_by[1]: unknown column 'spend' (did you mean 'spent'?)",
        "t.yaml:8 criteria[0] (a).when: unknown column 'aa' (did you mean 'a'?)",
        "t.yaml:10 criteria[1] (b).when: `>` compares column 'region' (text) with 3 (number): "
        "text cannot be ordered against a number",
    ]


def test_an_empty_list_classifies_to_nothing() -> None:
    result = classify(frame([]), criteria(), AS_OF)  # type: ignore[arg-type]
    assert len(result.customers) == 0
    assert result.summary.total == 0
    assert result.summary.quality is None


def test_days_since_counts_to_the_as_of_date() -> None:
    body = """
    version: 1
    customers: {id: id}
    criteria:
      - key: recent
        when: days_since(last) <= 30
    """
    data = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "last": pd.to_datetime(["2026-10-24", "2026-10-23", None]),
        }
    )
    rules = parse_criteria(textwrap.dedent(body), "t.yaml")
    result = classify(data, rules, dt.date(2026, 11, 23))
    assert dict(zip(result.customers["id"], result.customers["criteria"], strict=True)) == {
        "a": "recent",
        "b": "",
        "c": "",
    }
    assert result.summary.unjudged == {"recent": 1}


@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.sampled_from([0.0, -0.0, 1.5, -2.25, 1e300, -1e-300]),
            st.floats(allow_nan=False, allow_infinity=True, width=64),
        ),
        max_size=40,
    ),
    descending=st.booleans(),
)
def test_dense_rank_of_numbers_equals_arrows(values: list[float | None], descending: bool) -> None:
    """The numpy rank used for order_by numbers gives Arrow's dense ranks, missing last."""
    from portfolio_cli.engine import _arrow_rank, _dense_rank  # private: the two must agree

    for array in (
        pa.array(values, pa.float64()),
        pa.chunked_array([pa.array(values, pa.float64())]),
    ):
        assert _dense_rank(array, descending).tolist() == _arrow_rank(array, descending).tolist()
    integers = pa.array(
        [None if v is None else int(v) % 1000 for v in values if v is None or abs(v) < 1e15],
        pa.int64(),
    )
    assert _dense_rank(integers, descending).tolist() == _arrow_rank(integers, descending).tolist()
