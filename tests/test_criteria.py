"""The criteria file: what loads, what is refused, and what the user is told (file, line, fix).

Documents are written inline, starting on line 1, so that the line numbers asserted below can be
counted by eye. Messages are pinned word for word where a user reads them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import textwrap
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ONE_CRITERION, Run
from portfolio_cli.criteria import (
    DEFAULT_ACTIONS,
    Criteria,
    Listening,
    OrderColumns,
    SortKey,
    load_criteria,
    parse_criteria,
    parse_sort_key,
)
from portfolio_cli.errors import CriteriaError, Issue

EXAMPLE = Path(__file__).resolve().parents[1] / "criteria.example.yaml"

MINIMAL = ONE_CRITERION

THREE_CRITERIA = """\
version: 1
customers:
  id: customer_id
criteria:
  - key: repeat_buyer
    when: orders_12m >= 3
  - key: promoter
    when: recommend_score >= 9
  - key: pays_on_time
    when: late_payments == 0
"""


def parse(text: str) -> Criteria:
    return parse_criteria(textwrap.dedent(text), source="criteria.yaml")


def issues_of(text: str) -> tuple[Issue, ...]:
    with pytest.raises(CriteriaError) as info:
        parse(text)
    assert info.value.issues, "a CriteriaError must say what is wrong"
    return info.value.issues


def only_issue(text: str) -> Issue:
    issues = issues_of(text)
    assert len(issues) == 1, "\n".join(map(str, issues))
    return issues[0]


def with_block(block: str, base: str = MINIMAL) -> str:
    return base + textwrap.dedent(block)


# --- the bundled example ------------------------------------------------------------------------


def test_bundled_example_loads_with_exactly_the_fields_it_declares() -> None:
    criteria = load_criteria(EXAMPLE)

    assert criteria.version == 1
    assert criteria.source == str(EXAMPLE)
    assert (criteria.customers.id, criteria.customers.name) == ("customer_id", "name")
    assert criteria.satisfaction.definition == "Buys again, recommends us, pays on time."
    assert criteria.satisfaction.defined_by == "customer"
    assert criteria.listening == Listening(dt.date(2026, 6, 15), 12, "recommend_score")
    assert criteria.listening.next_due() == dt.date(2027, 6, 15)
    assert [(r.key, r.label, r.when) for r in criteria.criteria] == [
        ("repeat_buyer", "Buys regularly", "orders_12m >= 3"),
        ("promoter", "Recommends us", "recommend_score >= 9"),
        ("pays_on_time", "Pays on time", "late_payments == 0"),
    ]
    assert [(r.key, r.label, r.when, r.compensable) for r in criteria.problems] == [
        ("outside_area", "Outside our delivery area", 'region in ["Corse", "Guyane"]', False),
        ("chronic_complainer", "Complains constantly", "complaints_12m > 3", True),
    ]
    assert criteria.compensate_with == 2
    assert criteria.policy.order_by == (SortKey("total_spent", descending=True),)
    assert criteria.actions == DEFAULT_ACTIONS
    assert criteria.set_aside == ()
    assert criteria.warnings == ()
    assert criteria.orders is None


def test_bundled_example_rules_say_where_their_condition_is_written() -> None:
    criteria = load_criteria(EXAMPLE)

    assert [rule.where for rule in criteria.rules()] == [
        f"{EXAMPLE}:22 criteria[0] (repeat_buyer).when",
        f"{EXAMPLE}:25 criteria[1] (promoter).when",
        f"{EXAMPLE}:28 criteria[2] (pays_on_time).when",
        f"{EXAMPLE}:33 problems[0] (outside_area).when",
        f"{EXAMPLE}:36 problems[1] (chronic_complainer).when",
    ]


# --- the smallest file and its defaults ---------------------------------------------------------


def test_minimal_file_gets_the_documented_defaults() -> None:
    criteria = parse(MINIMAL)

    assert criteria.customers.name is None
    assert criteria.satisfaction.definition is None
    assert criteria.listening == Listening(last_done=None, every_months=12, nps=None)
    assert criteria.listening.next_due() is None
    assert criteria.problems == ()
    assert criteria.policy.order_by == ()
    assert criteria.compensate_with == 1  # all retained criteria
    assert criteria.actions == DEFAULT_ACTIONS


def test_label_defaults_to_the_key_written_as_words() -> None:
    assert parse(MINIMAL).criteria[0].label == "Repeat buyer"


def test_problems_are_not_compensable_unless_they_say_so() -> None:
    criteria = parse(with_block("problems:\n  - key: far\n    when: km > 100\n"))

    assert criteria.problems[0].compensable is False


def test_compensate_with_defaults_to_every_retained_criterion() -> None:
    assert parse(THREE_CRITERIA).compensate_with == 3


def test_rules_lists_the_criteria_then_the_problems() -> None:
    criteria = parse(with_block("problems:\n  - key: far\n    when: km > 100\n", THREE_CRITERIA))

    assert [r.key for r in criteria.rules()] == [
        "repeat_buyer",
        "promoter",
        "pays_on_time",
        "far",
    ]


def test_loaded_criteria_cannot_be_changed_afterwards() -> None:
    criteria = parse(MINIMAL)

    with pytest.raises(dataclasses.FrozenInstanceError):
        criteria.version = 2  # type: ignore[misc]


def test_orders_block_names_its_three_columns() -> None:
    criteria = parse(with_block("orders:\n  customer: client\n  date: day\n  amount: total\n"))

    assert criteria.orders == OrderColumns(customer="client", date="day", amount="total")


# --- YAML 1.1 never guesses types ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read", "expected"),
    [
        pytest.param(
            "version: 1\ncustomers:\n  id: 01000\ncriteria:\n  - key: a\n    when: x > 1\n",
            lambda c: c.customers.id,
            "01000",
            id="leading-zero code is not the number 512",
        ),
        pytest.param(
            with_block("", MINIMAL.replace("id: customer_id", "id: customer_id\n  name: NO")),
            lambda c: c.customers.name,
            "NO",
            id="NO is not false",
        ),
        pytest.param(
            with_block(
                "", MINIMAL.replace("key: repeat_buyer", "key: repeat_buyer\n    label: 12:30")
            ),
            lambda c: c.criteria[0].label,
            "12:30",
            id="12:30 is not the sexagesimal 750",
        ),
        pytest.param(
            with_block("satisfaction:\n  definition: on\n"),
            lambda c: c.satisfaction.definition,
            "on",
            id="on is not true",
        ),
        pytest.param(
            with_block("listening:\n  nps: 1e3\n"),
            lambda c: c.listening.nps,
            "1e3",
            id="1e3 is not a float",
        ),
        pytest.param(
            with_block("listening:\n  every_months: 010\n"),
            lambda c: c.listening.every_months,
            10,
            id="010 months is ten, not octal eight",
        ),
    ],
)
def test_values_are_read_as_written_not_as_yaml_1_1_guesses(
    text: str, read: Callable[[Criteria], object], expected: object
) -> None:
    assert read(parse(text)) == expected


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "y", "1", "0"])
def test_compensable_must_be_true_or_false_not_a_yaml_1_1_boolean(written: str) -> None:
    issue = only_issue(
        with_block(f"problems:\n  - key: far\n    when: km > 100\n    compensable: {written}\n")
    )

    assert issue.code == "bad-value"
    assert issue.where == "criteria.yaml:10 problems[0].compensable"
    assert issue.message == f"must be true or false (got '{written}')"


@pytest.mark.parametrize(
    ("written", "expected"), [("true", True), ("True", True), ("false", False)]
)
def test_compensable_accepts_true_and_false(written: str, expected: bool) -> None:
    criteria = parse(
        with_block(f"problems:\n  - key: far\n    when: km > 100\n    compensable: {written}\n")
    )

    assert criteria.problems[0].compensable is expected


@pytest.mark.parametrize("written", ["2026-13-45", "15/06/2026", "2026-02-30", "2026-06-15 10:00"])
def test_last_done_that_is_not_a_yyyy_mm_dd_date_is_an_error_with_the_format(
    written: str,
) -> None:
    issue = only_issue(with_block(f"listening:\n  last_done: {written}\n"))

    assert issue.code == "bad-value"
    assert str(issue) == (
        "criteria.yaml:8 listening.last_done: "
        f"must be a date written YYYY-MM-DD, e.g. 2026-06-15 (got '{written}')"
    )


def test_last_done_may_be_quoted() -> None:
    criteria = parse(with_block('listening:\n  last_done: "2026-06-15"\n'))

    assert criteria.listening.last_done == dt.date(2026, 6, 15)


# --- keys: duplicate, unknown, misplaced --------------------------------------------------------


def test_duplicate_top_level_key_is_an_error_naming_both_lines() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
        version: 1
        criteria:
          - key: repeat_buyer
            when: orders_12m >= 3
        """
    )

    assert issue.code == "duplicate-key"
    assert str(issue) == (
        "criteria.yaml:4 version: duplicate key 'version' (first written on line 1): keep only one"
    )


def test_duplicate_key_inside_a_criterion_is_an_error_naming_both_lines() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
        criteria:
          - key: repeat_buyer
            when: orders_12m >= 3
            when: orders_12m >= 5
        """
    )

    assert issue.code == "duplicate-key"
    assert str(issue) == (
        "criteria.yaml:7 criteria[0].when: duplicate key 'when' (first written on line 6): "
        "keep only one"
    )


def test_misspelt_top_level_key_suggests_the_right_one() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
        critera:
          - key: repeat_buyer
            when: orders_12m >= 3
        criteria:
          - key: promoter
            when: recommend_score >= 9
        """
    )

    assert issue.code == "unknown-key"
    assert str(issue) == "criteria.yaml:4 critera: unknown key 'critera' (did you mean 'criteria'?)"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "version: 1\ncustomers:\n  id: customer_id\ncriterias:\n  - key: a\n    when: x > 1\n",
            "criteria.yaml:4 criterias: unknown key 'criterias' (did you mean 'criteria'?)",
        ),
        (
            "version: 1\ncustomers:\n  ids: customer_id\ncriteria:\n  - key: a\n    when: x > 1\n",
            "criteria.yaml:3 customers.ids: unknown key 'ids' (did you mean 'id'?)",
        ),
    ],
)
def test_a_misspelt_required_key_is_one_error_not_two(text: str, said: str) -> None:
    # not also "criteria: is required": the misspelling says what to write
    assert str(only_issue(text)) == said


def test_misspelt_compensable_suggests_the_right_spelling() -> None:
    issue = only_issue(
        with_block("problems:\n  - key: far\n    when: km > 100\n    compensible: true\n")
    )

    assert str(issue) == (
        "criteria.yaml:10 problems[0].compensible: unknown key 'compensible' "
        "(did you mean 'compensable'?)"
    )


def test_unknown_key_with_no_close_match_lists_the_valid_keys() -> None:
    issue = only_issue(with_block("listening:\n  survey_tool: typeform\n"))

    assert str(issue) == (
        "criteria.yaml:8 listening.survey_tool: unknown key 'survey_tool' "
        "(valid keys: last_done, every_months, nps)"
    )


def test_compensable_under_a_criterion_is_an_error() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
        criteria:
          - key: repeat_buyer
            when: orders_12m >= 3
            compensable: true
        """
    )

    assert issue.code == "unknown-key"
    assert str(issue) == (
        "criteria.yaml:7 criteria[0].compensable: unknown key 'compensable' "
        "(only a problem can be compensable: move this rule under problems:)"
    )


def test_unknown_segment_under_actions_is_an_error() -> None:
    issue = only_issue(with_block("actions:\n  happy: Send flowers.\n"))

    assert str(issue) == (
        "criteria.yaml:8 actions.happy: unknown key 'happy' "
        "(valid keys: satisfied, easy_to_satisfy, unrecoverable)"
    )


# --- wrong types and missing pieces -------------------------------------------------------------


def test_criteria_written_as_a_mapping_asks_for_a_list() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
        criteria:
          repeat_buyer: orders_12m >= 3
        """
    )

    assert issue.code == "wrong-type"
    assert str(issue) == (
        "criteria.yaml:5 criteria: expected a list of criteria (lines starting with '- ')"
    )


def test_label_written_as_a_list_asks_for_text() -> None:
    issue = only_issue(
        MINIMAL.replace("key: repeat_buyer", "key: repeat_buyer\n    label: [Buys, again]")
    )

    assert issue.code == "wrong-type"
    assert str(issue) == "criteria.yaml:6 criteria[0].label: expected text, not a list or a block"


def test_customers_written_as_a_list_asks_for_keys_and_values() -> None:
    issue = only_issue(MINIMAL.replace("customers:\n  id: customer_id", "customers: [customer_id]"))

    assert str(issue) == "criteria.yaml:2 customers: expected keys and values (id, name)"


def test_a_criterion_written_as_a_bare_word_asks_for_keys_and_values() -> None:
    issue = only_issue(MINIMAL + "  - promoter\n")

    assert str(issue) == (
        "criteria.yaml:7 criteria[1]: expected keys and values (key, label, when, defined_by)"
    )


def test_a_file_that_is_a_list_asks_for_the_top_level_keys() -> None:
    issue = only_issue("- version: 1\n")

    assert str(issue) == (
        "criteria.yaml:1: expected keys and values (version, customers, satisfaction, listening, "
        "criteria, problems, policy, actions, orders)"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param(MINIMAL.replace("version: 1\n", ""), "criteria.yaml:1 version", id="version"),
        pytest.param(
            "version: 1\ncriteria:\n  - key: a\n    when: x > 1\n",
            "criteria.yaml:1 customers",
            id="customers",
        ),
        pytest.param(
            MINIMAL.replace("customers:\n  id: customer_id", "customers:"),
            "criteria.yaml:2 customers",
            id="customers, empty",
        ),
        pytest.param(
            "version: 1\ncustomers:\n  id: customer_id\n", "criteria.yaml:1 criteria", id="criteria"
        ),
        pytest.param(
            MINIMAL.replace("id: customer_id", "name: name"),
            "criteria.yaml:3 customers.id",
            id="customers.id",
        ),
        pytest.param(
            MINIMAL.replace("  - key: repeat_buyer\n    when", "  - when"),
            "criteria.yaml:5 criteria[0].key",
            id="key",
        ),
        pytest.param(
            MINIMAL.replace("    when: orders_12m >= 3\n", "    label: Buys again\n"),
            "criteria.yaml:5 criteria[0].when",
            id="when",
        ),
        pytest.param(
            MINIMAL.replace("when: orders_12m >= 3", "when:"),
            "criteria.yaml:6 criteria[0].when",
            id="when, empty",
        ),
        pytest.param(
            with_block("orders:\n  customer: client\n  date: day\n"),
            "criteria.yaml:8 orders.amount",
            id="orders.amount",
        ),
    ],
)
def test_a_required_key_that_is_missing_is_named(text: str, where: str) -> None:
    issue = only_issue(text)

    assert issue.code == "missing-key"
    assert str(issue) == f"{where}: is required"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param(
            MINIMAL.replace("id: customer_id", 'id: ""'), "criteria.yaml:3 customers.id", id="id"
        ),
        pytest.param(
            with_block('orders:\n  customer: " "\n  date: day\n  amount: total\n'),
            "criteria.yaml:8 orders.customer",
            id="orders.customer",
        ),
    ],
)
def test_a_blank_column_name_is_an_error(text: str, where: str) -> None:
    issue = only_issue(text)

    assert str(issue) == f"{where}: is empty: write a column name"


def test_version_2_is_unsupported() -> None:
    issue = only_issue(MINIMAL.replace("version: 1", "version: 2"))

    assert issue.code == "unsupported-version"
    assert str(issue) == (
        "criteria.yaml:1 version: unsupported version '2': this portfolio reads version 1 "
        "(write version: 1)"
    )


def test_an_empty_criteria_list_is_an_error() -> None:
    issue = only_issue("version: 1\ncustomers:\n  id: customer_id\ncriteria: []\n")

    assert issue.code == "empty-criteria"
    assert str(issue) == "criteria.yaml:4 criteria: the list is empty: write at least one criterion"


@pytest.mark.parametrize(
    ("criteria", "said"),
    [
        (
            "criteria: []\n",
            "criteria.yaml:4 criteria: the list is empty: write at least one criterion",
        ),
        (
            "criteria:\n  - {key: a, when: x > 1}\n  - {key: b, when: y >>> 1}\n",
            "criteria.yaml:6 criteria[1] (b).when: cannot read this condition (invalid syntax)",
        ),
    ],
)
def test_a_criterion_in_error_is_not_reported_again_under_compensate_with(
    criteria: str, said: str
) -> None:
    # compensate_with: 2 fits the two criteria written, even if one of them cannot be read
    body = (
        "version: 1\ncustomers:\n  id: customer_id\n" + criteria + "policy:\n  compensate_with: 2\n"
    )
    assert str(only_issue(body)).splitlines()[0] == said


@pytest.mark.parametrize(
    "text", ["", "\n\n", "# only a comment\n"], ids=["empty", "blank lines", "comments"]
)
def test_an_empty_file_says_how_to_write_one(text: str) -> None:
    issue = only_issue(text)

    assert issue.code == "empty-file"
    assert (
        str(issue) == "criteria.yaml: the criteria file is empty: run `portfolio init` to write one"
    )


# --- invalid YAML and unreadable files ----------------------------------------------------------


def test_bad_indentation_is_reported_with_the_file_and_line() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
         criteria:
          - key: repeat_buyer
            when: orders_12m >= 3
        """
    )

    assert issue.code == "bad-yaml"
    assert issue.where == "criteria.yaml:4"
    assert issue.message == (
        "this is not valid YAML (column 2): this line is not lined up with the ones above: "
        "indent it with spaces like the other keys at its level"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param(
            MINIMAL.replace("key: repeat_buyer", "key: repeat_buyer\n    label: Note: buys often"),
            "criteria.yaml:6",
            id="unquoted colon",
        ),
        pytest.param(MINIMAL.replace("  id:", "\tid:"), "criteria.yaml:3", id="tab"),
        pytest.param(MINIMAL + "---\nversion: 1\n", "criteria.yaml:7", id="two documents"),
    ],
)
def test_invalid_yaml_names_the_line(text: str, where: str) -> None:
    issue = only_issue(text)

    assert (issue.code, issue.where) == ("bad-yaml", where)


def test_load_criteria_reads_a_file_and_names_it_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINIMAL.replace("version: 1", "version: 2"), encoding="utf-8")

    with pytest.raises(CriteriaError) as info:
        load_criteria(path)

    assert [issue.where for issue in info.value.issues] == [f"{path}:1 version"]


def test_load_criteria_accepts_a_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "criteria.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))

    assert load_criteria(path).customers.id == "customer_id"


def test_a_file_that_is_not_utf8_asks_to_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "criteria.yaml"
    path.write_bytes(with_block("satisfaction:\n  definition: Café\n").encode("cp1252"))

    with pytest.raises(CriteriaError) as info:
        load_criteria(path)

    assert info.value.issues == (
        Issue("bad-encoding", "the criteria file is not UTF-8: save it as UTF-8", str(path)),
    )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"

    with pytest.raises(CriteriaError) as info:
        load_criteria(path)

    assert [issue.code for issue in info.value.issues] == ["missing-file"]
    assert str(info.value) == f"criteria file not found: {path}"


def test_a_directory_instead_of_a_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CriteriaError) as info:
        load_criteria(tmp_path)

    assert str(info.value).startswith(f"cannot read the criteria file {tmp_path}: ")


# --- every problem at once, each with file, line and path ---------------------------------------


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    issues = issues_of(
        """\
        version: 2
        customers:
          id: customer_id
          nmae: name
        listening:
          last_done: 15/06/2026
        criteria:
          - key: repeat_buyer
            when: orders_12m >=
          - key: promoter
            when: recommend_score >= 9
            compensable: true
        problems:
          - key: promoter
            when: complaints_12m > 3
        policy:
          order_by: total_spent sideways
        """
    )

    assert sorted((issue.where, issue.code) for issue in issues) == sorted(
        [
            ("criteria.yaml:1 version", "unsupported-version"),
            ("criteria.yaml:4 customers.nmae", "unknown-key"),
            ("criteria.yaml:6 listening.last_done", "bad-value"),
            ("criteria.yaml:9 criteria[0] (repeat_buyer).when", "bad-condition"),
            ("criteria.yaml:12 criteria[1].compensable", "unknown-key"),
            ("criteria.yaml:14 problems[0] (promoter).key", "duplicate-key"),
            ("criteria.yaml:17 policy.order_by", "bad-order-by"),
        ]
    )


def test_the_error_text_lists_each_problem_on_its_own_line() -> None:
    with pytest.raises(CriteriaError) as info:
        parse(
            MINIMAL.replace("version: 1", "version: 2") + "policy:\n  order_by: [total_spent up]\n"
        )

    assert str(info.value) == (
        "criteria.yaml:1 version: unsupported version '2': this portfolio reads version 1 "
        "(write version: 1)\n"
        "criteria.yaml:8 policy.order_by[0]: write a column and asc or desc, "
        "e.g. 'total_spent desc' (got 'total_spent up')"
    )


def test_where_names_the_file_the_line_and_the_path_to_the_value() -> None:
    issues = issues_of(
        """\
        version: 1
        customers:
          id: customer_id
        criteria:
          - key: repeat_buyer
            when: orders_12m >= 3
          - key: promoter
            when: recommend_score >=
        policy:
          order_by:
            - total_spent sideways
        """
    )

    assert [issue.where for issue in issues] == [
        "criteria.yaml:8 criteria[1] (promoter).when",
        "criteria.yaml:11 policy.order_by[0]",
    ]


# --- `when:` conditions that do not parse -------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "message", "detail"),
    [
        pytest.param(
            "orders_12m >= ",
            "cannot read this condition (invalid syntax)",
            "    orders_12m >=\n                 ^",
            id="nothing after >=",
        ),
        pytest.param(
            "a && b",
            "cannot read this condition (invalid syntax): write `and` / `or` rather than && / ||",
            "    a && b\n      ^^",
            id="&&",
        ),
        pytest.param(
            '"`Chiffre d\'affaires` > 1000 and x <> 2"',
            "cannot read this condition (invalid syntax): write != for 'not equal'",
            "    `Chiffre d'affaires` > 1000 and x <> 2\n                                      ^^",
            id="<> after a backticked column",
        ),
        pytest.param(
            "'region in \"Corse\"'",
            '`in` takes a list such as ["Corse", "Guyane"]; to look inside a text column '
            'use contains(column, "text")',
            '    region in "Corse"\n              ^^^^^^^',
            id="in without a list",
        ),
        pytest.param(
            "totl(x) > 1",
            "unknown function 'totl'; functions: days_since, missing, contains, startswith, "
            "lower, between, date",
            "    totl(x) > 1\n    ^^^^",
            id="unknown function",
        ),
    ],
)
def test_a_condition_that_does_not_parse_shows_the_rule_the_line_and_a_caret(
    when: str, message: str, detail: str
) -> None:
    issue = only_issue(
        THREE_CRITERIA.replace("when: recommend_score >= 9", f"when: {when}"),
    )

    assert issue.where == "criteria.yaml:8 criteria[1] (promoter).when"
    assert issue.message == message
    assert issue.detail == detail
    assert str(issue) == f"{issue.where}: {message}\n{detail}"


def test_a_single_equals_sign_asks_for_double_and_the_caret_covers_it() -> None:
    issue = only_issue(MINIMAL.replace("orders_12m >= 3", "orders = 3"))

    assert issue.message == (
        "cannot read this condition (invalid syntax): "
        "write == to compare (a single = is not a comparison)"
    )
    condition, carets = issue.detail.split("\n")
    assert condition == "    orders = 3"
    assert carets == "           ^"


def test_the_caret_skips_an_equals_sign_inside_a_string() -> None:
    issue = only_issue(MINIMAL.replace("orders_12m >= 3", "'name == \"a=b\" and orders = 3'"))

    assert issue.detail == '    name == "a=b" and orders = 3\n                             ^'


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ('""', "the condition is empty: write one, e.g. orders_12m >= 3"),
        ("[orders_12m]", "expected a condition, not a list or a block"),
    ],
    ids=["empty quotes", "a list"],
)
def test_an_empty_or_non_text_condition_is_an_error(when: str, message: str) -> None:
    issue = only_issue(MINIMAL.replace("when: orders_12m >= 3", f"when: {when}"))

    assert (issue.where, issue.message) == (
        "criteria.yaml:6 criteria[0] (repeat_buyer).when",
        message,
    )


def test_a_condition_may_span_several_lines() -> None:
    criteria = parse(
        MINIMAL.replace("when: orders_12m >= 3", "when: >\n      orders_12m >= 3\n      and x > 1")
    )

    assert criteria.criteria[0].when.strip() == "orders_12m >= 3 and x > 1"
    assert criteria.criteria[0].condition.columns() == ("orders_12m", "x")


# --- step 3: only the three most important criteria count ---------------------------------------


def _criteria_file(count: int) -> str:
    rules = "".join(f"  - key: c{n}\n    when: x{n} > 0\n" for n in range(1, count + 1))
    return f"version: 1\ncustomers:\n  id: customer_id\ncriteria:\n{rules}"


def test_more_than_three_criteria_keeps_the_first_three_and_sets_the_rest_aside() -> None:
    criteria = parse(_criteria_file(5))

    assert [r.key for r in criteria.criteria] == ["c1", "c2", "c3"]
    assert [r.key for r in criteria.set_aside] == ["c4", "c5"]
    assert criteria.compensate_with == 3


def test_criteria_set_aside_are_named_in_one_warning() -> None:
    criteria = parse(_criteria_file(5))

    assert criteria.warnings == (
        Issue(
            "criteria-set-aside",
            "5 criteria given; the method keeps the three most important, so 'c4', 'c5' are set "
            "aside. Put the ones that matter most first.",
            "criteria.yaml:5 criteria",
        ),
    )


def test_one_criterion_set_aside_is_named_in_the_singular() -> None:
    (warning,) = parse(_criteria_file(4)).warnings

    assert "so 'c4' is set aside." in warning.message


@pytest.mark.parametrize("count", [1, 2, 3])
def test_three_criteria_or_fewer_raise_no_warning(count: int) -> None:
    criteria = parse(_criteria_file(count))

    assert (len(criteria.criteria), criteria.set_aside, criteria.warnings) == (count, (), ())


# --- keys of criteria and problems --------------------------------------------------------------


def test_a_problem_may_not_reuse_a_criterion_key() -> None:
    issue = only_issue(
        """\
        version: 1
        customers:
          id: customer_id
        criteria:
          - key: promoter
            when: recommend_score >= 9
        problems:
          - key: promoter
            when: complaints_12m > 3
        """
    )

    assert issue.code == "duplicate-key"
    assert str(issue) == (
        "criteria.yaml:8 problems[0] (promoter).key: key 'promoter' is already used "
        "(criteria.yaml:5): each criterion and problem needs its own key"
    )


def test_two_criteria_may_not_share_a_key_even_when_one_is_set_aside() -> None:
    issue = only_issue(_criteria_file(4).replace("key: c4", "key: c1"))

    assert str(issue) == (
        "criteria.yaml:11 criteria[3] (c1).key: key 'c1' is already used "
        "(criteria.yaml:5): each criterion and problem needs its own key"
    )


@pytest.mark.parametrize(
    "key", ["repeat buyer", "a|b", "1st_order", "'promoter!'", '""', "01000", "12:30"]
)
def test_a_key_that_cannot_be_a_column_value_is_refused(key: str) -> None:
    issue = only_issue(MINIMAL.replace("key: repeat_buyer", f"key: {key}"))

    shown = key.strip("'\"")  # a code stays as written: 01000 is not 512, 12:30 not 750
    assert issue.code == "bad-key"
    assert str(issue) == (
        f"criteria.yaml:5 criteria[0].key: '{shown}' is not a usable key: "
        "start with a letter or _, then use letters, digits, _ and - (repeat_buyer)"
    )


@pytest.mark.parametrize("key", ["repeat_buyer", "Promoter2", "_x", "pays-on-time"])
def test_keys_of_letters_digits_and_underscores_are_accepted(key: str) -> None:
    assert parse(MINIMAL.replace("key: repeat_buyer", f"key: {key}")).criteria[0].key == key


# --- nothing in the file runs: tags and aliases -------------------------------------------------

_PLACES_READ = [
    # (document with {payload}, where the tag is reported)
    pytest.param(
        "version: 1\ncustomers:\n  id: {payload}\ncriteria:\n  - key: a\n    when: x > 1\n",
        "criteria.yaml:3 customers.id",
        id="a column name",
    ),
    pytest.param(
        "version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: a\n    when: {payload}\n",
        "criteria.yaml:6 criteria[0] (a).when",
        id="a condition",
    ),
    pytest.param(
        "version: {payload}\ncustomers:\n  id: id\ncriteria:\n  - key: a\n    when: x > 1\n",
        "criteria.yaml:1 version",
        id="the version",
    ),
    pytest.param(
        "version: 1\ncustomers:\n  id: id\ncriteria:\n  - {payload}\n",
        "criteria.yaml:5 criteria[0]",
        id="a list item",
    ),
    pytest.param("{payload}\n", "criteria.yaml:1", id="the whole document"),
]


def _payloads(sentinel: Path) -> list[str]:
    return [
        f'!!python/object/apply:os.system ["touch {sentinel}"]',
        f'!!python/object/apply:subprocess.check_call [["touch", "{sentinel}"]]',
        f'!!python/object/new:subprocess.Popen [["touch", "{sentinel}"]]',
        "!!python/name:os.system",
        "!!python/module:os",
    ]


@pytest.mark.parametrize(("template", "where"), _PLACES_READ)
def test_python_tags_are_refused_and_never_run(tmp_path: Path, template: str, where: str) -> None:
    sentinel = tmp_path / f"pwned-{uuid.uuid4().hex}"
    for payload in _payloads(sentinel):
        path = tmp_path / "criteria.yaml"
        path.write_text(template.format(payload=payload), encoding="utf-8")

        with pytest.raises(CriteriaError) as info:
            load_criteria(path)

        tag = payload.split(" ")[0]
        assert info.value.issues == (
            Issue(
                "yaml-tag",
                f"YAML tags such as '{tag}' are not allowed: write a plain value",
                where.replace("criteria.yaml", str(path)),
            ),
        )
        assert not sentinel.exists()


def test_a_tag_on_a_key_is_refused() -> None:
    issue = only_issue(MINIMAL.replace("  id: customer_id", "  !!python/str id: customer_id"))

    assert (issue.code, issue.where) == ("yaml-tag", "criteria.yaml:3 customers.id")


def test_a_tag_under_an_unknown_key_still_refuses_the_file(tmp_path: Path) -> None:
    sentinel = tmp_path / f"pwned-{uuid.uuid4().hex}"
    path = tmp_path / "criteria.yaml"
    path.write_text(
        MINIMAL + f'notes: !!python/object/apply:os.system ["touch {sentinel}"]\n', encoding="utf-8"
    )

    with pytest.raises(CriteriaError):
        load_criteria(path)

    assert not sentinel.exists()


def test_str_tag_is_a_plain_value_and_is_accepted() -> None:
    criteria = parse(MINIMAL.replace("id: customer_id", "id: !!str 01000"))

    assert criteria.customers.id == "01000"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param(
            """\
            version: 1
            customers: &who
              id: customer_id
            orders: *who
            criteria:
              - key: a
                when: x > 1
            """,
            "criteria.yaml:4 orders",
            id="a block",
        ),
        pytest.param(
            """\
            version: 1
            customers:
              id: customer_id
            criteria:
              - &rule
                key: a
                when: x > 1
              - *rule
            """,
            "criteria.yaml:8 criteria[1]",
            id="a list item",
        ),
        pytest.param(
            """\
            version: 1
            customers:
              id: &col customer_id
              name: *col
            criteria:
              - key: a
                when: x > 1
            """,
            "criteria.yaml:4 customers.name",
            id="a value",
        ),
        pytest.param(
            """\
            version: 1
            customers:
              id: customer_id
            criteria:
              - key: a
                when: *nowhere
            """,
            "criteria.yaml:6 criteria[0] (a).when",
            id="an undefined alias",
        ),
    ],
)
def test_yaml_aliases_are_refused_at_the_line_of_the_alias(text: str, where: str) -> None:
    issue = only_issue(text)

    assert issue.code == "alias"
    assert str(issue) == f"{where}: YAML aliases (*name) are not supported: write it out"


def test_a_billion_laughs_file_is_refused_without_expanding() -> None:
    nine = ", ".join(["*{}"] * 9)
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{nine.format(*[f'l{n - 1}'] * 9)}]" for n in range(1, 10)]
    text = "version: 1\ncustomers:\n  id: customer_id\n" + "\n".join(lines) + "\ncriteria: *l9\n"

    started = time.perf_counter()
    issues = issues_of(text)
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert [issue.code for issue in issues].count("unknown-key") == 10  # l0 .. l9
    assert [issue for issue in issues if issue.code == "alias"] == [
        Issue(
            "alias",
            "YAML aliases (*name) are not supported: write it out",
            "criteria.yaml:14 criteria",
        )
    ]


# --- step 5: policy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("total_spent desc", (SortKey("total_spent", True),), id="a string"),
        pytest.param("[total_spent desc]", (SortKey("total_spent", True),), id="a flow list"),
        pytest.param(
            "\n    - total_spent desc\n    - name",
            (SortKey("total_spent", True), SortKey("name", False)),
            id="a block list, asc by default",
        ),
        pytest.param(
            '"`Chiffre d\'affaires` desc"',
            (SortKey("Chiffre d'affaires", True),),
            id="a backticked column",
        ),
        pytest.param("total_spent DESC", (SortKey("total_spent", True),), id="upper case"),
        pytest.param("[]", (), id="an empty list"),
    ],
)
def test_order_by_accepts_a_string_or_a_list(written: str, expected: tuple[SortKey, ...]) -> None:
    criteria = parse(with_block(f"policy:\n  order_by: {written}\n"))

    assert criteria.policy.order_by == expected


@pytest.mark.parametrize(
    ("written", "path", "got"),
    [
        ("total_spent sideways", "policy.order_by", "total_spent sideways"),
        ("[name, total_spent sideways]", "policy.order_by[1]", "total_spent sideways"),
        ("Chiffre affaires", "policy.order_by", "Chiffre affaires"),
    ],
)
def test_order_by_with_a_direction_other_than_asc_or_desc_is_an_error(
    written: str, path: str, got: str
) -> None:
    issue = only_issue(with_block(f"policy:\n  order_by: {written}\n"))

    assert issue.code == "bad-order-by"
    assert str(issue) == (
        f"criteria.yaml:8 {path}: write a column and asc or desc, "
        f"e.g. 'total_spent desc' (got '{got}')"
    )


def test_order_by_as_a_mapping_asks_for_a_list() -> None:
    issue = only_issue(with_block("policy:\n  order_by:\n    total_spent: desc\n"))

    assert issue.code == "wrong-type"
    assert issue.where == "criteria.yaml:9 policy.order_by"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("total_spent desc", SortKey("total_spent", True)),
        ("total_spent asc", SortKey("total_spent", False)),
        ("total_spent", SortKey("total_spent", False)),
        ("  total_spent   Desc ", SortKey("total_spent", True)),
        ("`Chiffre d'affaires` desc", SortKey("Chiffre d'affaires", True)),
        ("`Chiffre d'affaires`", SortKey("Chiffre d'affaires", False)),
        ("total_spent sideways", None),
        ("Chiffre affaires", None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_sort_key(text: str, expected: SortKey | None) -> None:
    assert parse_sort_key(text) == expected


def test_a_sort_key_reads_back_as_written() -> None:
    assert [str(SortKey("total_spent", True)), str(SortKey("name"))] == [
        "total_spent desc",
        "name asc",
    ]


@pytest.mark.parametrize("written", ["0", "4", "two", "2.5"])
def test_compensate_with_must_be_within_the_retained_criteria(written: str) -> None:
    issue = only_issue(with_block(f"policy:\n  compensate_with: {written}\n", THREE_CRITERIA))

    assert issue.code == "bad-value"
    assert str(issue) == (
        f"criteria.yaml:12 policy.compensate_with: must be a whole number from 1 to 3 "
        f"(got '{written}')"
    )


def test_compensate_with_counts_only_the_retained_criteria() -> None:
    issue = only_issue(with_block("policy:\n  compensate_with: 4\n", _criteria_file(5)))

    assert issue.message == "must be a whole number from 1 to 3 (got '4')"


# --- steps 1 and 2: satisfaction and listening --------------------------------------------------


@pytest.mark.parametrize("who", ["you", "customer", "implicit", "together"])
def test_defined_by_accepts_the_four_origins(who: str) -> None:
    criteria = parse(with_block(f"satisfaction:\n  defined_by: {who}\n"))

    assert criteria.satisfaction.defined_by == who


def test_defined_by_with_an_unknown_value_lists_the_allowed_values() -> None:
    issue = only_issue(with_block("satisfaction:\n  defined_by: client\n"))

    assert issue.code == "bad-value"
    assert str(issue) == (
        "criteria.yaml:8 satisfaction.defined_by: must be one of you, customer, implicit, "
        "together (got 'client')"
    )


def test_defined_by_close_to_an_allowed_value_suggests_it() -> None:
    issue = only_issue(
        MINIMAL.replace("key: repeat_buyer", "key: repeat_buyer\n    defined_by: Customer")
    )

    assert str(issue) == (
        "criteria.yaml:6 criteria[0].defined_by: must be one of you, customer, implicit, "
        "together (got 'Customer'); did you mean 'customer'?"
    )


def test_a_criterion_records_who_defined_it() -> None:
    criteria = parse(
        MINIMAL.replace("key: repeat_buyer", "key: repeat_buyer\n    defined_by: customer")
    )

    assert criteria.criteria[0].defined_by == "customer"


@pytest.mark.parametrize("written", ["0", "-1", "121", "1.5", "twelve"])
def test_every_months_must_be_a_whole_number_of_months(written: str) -> None:
    issue = only_issue(with_block(f"listening:\n  every_months: {written}\n"))

    assert str(issue) == (
        f"criteria.yaml:8 listening.every_months: must be a whole number from 1 to 120 "
        f"(got '{written}')"
    )


@pytest.mark.parametrize(
    ("last_done", "every_months", "due"),
    [
        pytest.param(dt.date(2026, 6, 15), 12, dt.date(2027, 6, 15), id="a year"),
        pytest.param(dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28), id="31 Jan + 1"),
        pytest.param(dt.date(2026, 8, 31), 1, dt.date(2026, 9, 30), id="31 Aug + 1"),
        pytest.param(dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15), id="across new year"),
        pytest.param(dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28), id="30 Nov + 3"),
        pytest.param(dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29), id="leap February"),
        pytest.param(dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28), id="29 Feb + 1 year"),
        pytest.param(dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29), id="29 Feb + 4 years"),
        pytest.param(dt.date(2026, 3, 31), 120, dt.date(2036, 3, 31), id="ten years"),
    ],
)
def test_next_listening_is_due_every_months_later_clamped_to_the_month_end(
    last_done: dt.date, every_months: int, due: dt.date
) -> None:
    assert Listening(last_done=last_done, every_months=every_months).next_due() == due


def test_next_listening_is_not_due_when_it_was_never_done() -> None:
    assert Listening(every_months=6).next_due() is None


# --- step 5: actions ----------------------------------------------------------------------------


def test_actions_not_given_keep_their_defaults() -> None:
    criteria = parse(with_block("actions:\n  satisfied: Send a thank-you card.\n"))

    assert criteria.actions == {
        "satisfied": "Send a thank-you card.",
        "easy_to_satisfy": DEFAULT_ACTIONS["easy_to_satisfy"],
        "unrecoverable": DEFAULT_ACTIONS["unrecoverable"],
    }


# --- the fingerprint ----------------------------------------------------------------------------


def test_sha256_is_the_fingerprint_of_the_text() -> None:
    assert parse(MINIMAL).sha256 == hashlib.sha256(MINIMAL.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    "changed",
    [
        MINIMAL.replace(">= 3", ">= 4"),
        MINIMAL + "# a comment\n",
        MINIMAL.replace("customer_id", "client_id"),
    ],
    ids=["a condition", "a comment", "a column"],
)
def test_sha256_changes_when_the_text_changes(changed: str) -> None:
    assert parse(changed).sha256 != parse(MINIMAL).sha256


# PyYAML's problems in our own words: (file text, line, English, French)
YAML_MISTAKES = [
    pytest.param(
        MINIMAL.replace("when: orders_12m >= 3", "when: `Nb commandes` >= 24"),
        "criteria.yaml:6",
        "this is not valid YAML (column 11): a value that starts with a backtick (`) must be "
        'in quotes: write when: "`Nb commandes` >= 24"',
        "ce n'est pas du YAML valide (colonne 11) : une valeur qui commence par un accent grave "
        '(`) doit être entre guillemets : écrivez when: "`Nb commandes` >= 24"',
        id="backtick",
    ),
    pytest.param(
        MINIMAL.replace("  id:", "\tid:"),
        "criteria.yaml:3",
        "this is not valid YAML (column 1): YAML does not allow tabs: indent with spaces",
        "ce n'est pas du YAML valide (colonne 1) : YAML n'accepte pas les tabulations : "
        "indentez avec des espaces",
        id="tab",
    ),
    pytest.param(
        MINIMAL.replace("key: repeat_buyer", "key: repeat_buyer\n    label: Note: buys often"),
        "criteria.yaml:6",
        "this is not valid YAML (column 16): a value that contains ': ' must be in quotes: "
        'write label: "Note: buys often"',
        "ce n'est pas du YAML valide (colonne 16) : une valeur qui contient ': ' doit être "
        'entre guillemets : écrivez label: "Note: buys often"',
        id="colon in a label",
    ),
    pytest.param(
        MINIMAL.replace("when: orders_12m >= 3", 'when: "Nb commandes" >= 24'),
        "criteria.yaml:6",
        "this is not valid YAML: the quotes end before the value does: put the "
        "whole value in quotes, and a column name with spaces in backticks: write "
        'when: "`Nb commandes` >= 24"',
        "ce n'est pas du YAML valide : les guillemets se ferment avant la fin de "
        "la valeur : mettez toute la valeur entre guillemets, et un nom de colonne avec des "
        'espaces entre accents graves : écrivez when: "`Nb commandes` >= 24"',
        id="quoted column then condition",
    ),
    pytest.param(
        MINIMAL + "policy:\n  order_by: [`Chiffre d'affaires` desc]\n",
        "criteria.yaml:8",
        "this is not valid YAML (column 14): a value that starts with a backtick (`) must be "
        'in quotes: write order_by: ["`Chiffre d\'affaires` desc"]',
        "ce n'est pas du YAML valide (colonne 14) : une valeur qui commence par un accent grave "
        '(`) doit être entre guillemets : écrivez order_by: ["`Chiffre d\'affaires` desc"]',
        id="backtick in a list",
    ),
    pytest.param(
        MINIMAL.replace("when: orders_12m >= 3", "when: orders_12m >= 3\n    and tenure > 2"),
        "criteria.yaml:7",
        "this is not valid YAML: this line is not 'key: value': add the missing ':', or keep "
        "a condition on one line",
        "ce n'est pas du YAML valide : cette ligne n'est pas de la forme 'clé: valeur' : "
        "ajoutez le ':' manquant, ou écrivez la condition sur une seule ligne",
        id="condition on two lines",
    ),
    pytest.param(
        MINIMAL.replace("key: repeat_buyer", 'key: "repeat_buyer'),
        "criteria.yaml:5",
        "this is not valid YAML: a quote opened on this line is never closed: close it at the "
        "end of the value",
        "ce n'est pas du YAML valide : un guillemet ouvert sur cette ligne n'est jamais "
        "fermé : fermez-le à la fin de la valeur",
        id="quote never closed",
    ),
    pytest.param(
        MINIMAL + "---\nversion: 1\n",
        "criteria.yaml:7",
        "this is not valid YAML (column 1): a criteria file holds one YAML document: remove "
        "this '---' and what follows, or merge the two",
        "ce n'est pas du YAML valide (colonne 1) : un fichier de critères contient un seul "
        "document YAML : supprimez ce '---' et ce qui suit, ou fusionnez les deux",
        id="two documents",
    ),
]


@pytest.mark.parametrize(("text", "where", "english", "french"), YAML_MISTAKES)
def test_yaml_mistakes_are_explained_in_both_languages(
    text: str, where: str, english: str, french: str
) -> None:
    from portfolio_cli import messages

    issue = only_issue(text)
    with messages.using("fr"):
        in_french = only_issue(text)

    assert (issue.code, issue.where, issue.message) == ("bad-yaml", where, english)
    assert (in_french.where, in_french.message) == (where, french)


@pytest.mark.parametrize(
    ("block", "line", "where"),
    [
        ("customers: {id: segment}", 2, "customers.id"),
        ("customers:\n  id: customer_id\n  name: action", 4, "customers.name"),
        ("customers: {id: customer_id, name: previous_segment}", 2, "customers.name"),
    ],
)
def test_id_and_name_cannot_bear_an_output_columns_name(block: str, line: int, where: str) -> None:
    """The output shows them beside its own columns: one `segment` would hide the other."""
    text = "version: 1\n" + block + "\ncriteria:\n  - {key: a, when: x >= 1}\n"
    column = block.rsplit(" ", 1)[-1].strip("}")
    assert str(only_issue(text)) == (
        f"criteria.yaml:{line} {where}: column '{column}' has the name of a column the output "
        "adds (segment, priority, criteria_met, criteria, problems, compensated, action, "
        "previous_segment, segment_since): one of the two would be lost; rename that column in "
        "the customer list"
    )


# --- hostile files: too large, too deep, numbers and dates at the ends of the range -----------


def test_a_criteria_file_over_1_mib_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    large = tmp_path / "large.yaml"
    large.write_text(MINIMAL + "# " + "x" * (1 << 20) + "\n", encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_criteria(large)
    assert str(caught.value) == (
        f"{large} is larger than 1 MiB: a criteria file is a few kilobytes; check that -c names "
        "the right file"
    )


def test_a_device_that_never_ends_is_not_read_forever() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    started = time.monotonic()
    with pytest.raises(CriteriaError, match="is larger than 1 MiB"):
        load_criteria("/dev/zero")
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "nested",
    [
        "customers: " + "[" * 10_000,  # flow sequences
        "customers: " + "{a: " * 3_000 + "}" * 3_000,  # flow mappings
        "customers:\n" + "".join(" " * depth + "k:\n" for depth in range(1, 900)),  # block
    ],
)
def test_yaml_nested_thousands_deep_is_one_clear_error(nested: str) -> None:
    issue = only_issue("version: 1\n" + nested + "\n")
    assert str(issue) == (
        "criteria.yaml: nested too deeply to be read; a criteria file needs a few levels of "
        "indentation, not thousands"
    )


def test_a_5001_digit_number_is_out_of_range_not_a_crash() -> None:
    issue = only_issue(with_block(f"listening:\n  every_months: {'9' * 5001}\n"))
    assert str(issue) == (
        "criteria.yaml:8 listening.every_months: must be a whole number from 1 to 120 "
        "(got '99999999999999999999… (5001 characters)')"
    )


def test_listening_due_after_the_end_of_the_calendar_is_not_overdue() -> None:
    criteria = parse(with_block("listening:\n  last_done: 9999-12-31\n  every_months: 120\n"))
    assert criteria.listening.next_due() == dt.date.max
    from portfolio_cli.five_steps import listening_overdue

    assert listening_overdue(criteria, dt.date(9999, 12, 31)) is None


def test_check_and_report_at_the_end_of_the_calendar(run: Run, tmp_path: Path) -> None:
    from conftest import CRIT, EX

    text = EXAMPLE.read_text(encoding="utf-8").replace("2026-06-15", "9999-12-31")
    far = tmp_path / "far.yaml"
    far.write_text(text, encoding="utf-8")
    checked = run("check", "-c", str(far))
    assert checked.exit_code == 0, checked.stderr
    assert "9999-12-31" in checked.stdout
    report = tmp_path / "r.html"
    made = run("report", EX, "-c", CRIT, "--as-of", "9999-12-31", "-o", str(report), "-q")
    assert (made.exit_code, made.stderr) == (0, "")
    assert report.exists()
