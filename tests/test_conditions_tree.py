"""The syntax tree (`conditions/tree.py`): the columns a condition reads, `walk`, and the caret
line under a span."""

from __future__ import annotations

import pytest

from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.conditions.tree import Column, Compare, Constant, Logical, Span, caret, walk

# --- Condition.columns() -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("orders_12m >= 3", ("orders_12m",)),
        ("1 < 2", ()),
        (
            "nps_score > 8 and (orders_12m > nps_score or `Chiffre d'affaires` > 10)",
            ("nps_score", "orders_12m", "Chiffre d'affaires"),
        ),
        ("1 <= tenure < 12", ("tenure",)),
        (
            'days_since(last_order) > 3 or missing(region) or contains(name, "x")',
            ("last_order", "region", "name"),
        ),
        ("between(tenure, orders_12m, nps_score)", ("tenure", "orders_12m", "nps_score")),
        ("not -(total_spent / tenure) > 1", ("total_spent", "tenure")),
        ('lower(region) in ["a"] and region != "b"', ("region",)),
    ],
)
def test_columns_in_order_of_first_appearance(text: str, columns: tuple[str, ...]) -> None:
    assert parse_condition(text).columns() == columns


def test_caret_without_a_span_shows_the_text() -> None:
    assert caret("a\nb", None) == "    a b"


def test_walk_gives_parents_before_children_left_to_right() -> None:
    tree = parse_condition("a > 1 and not missing(b)").tree
    kinds = [type(node).__name__ for node in walk(tree)]
    assert kinds == ["Logical", "Compare", "Column", "Constant", "Not", "Call", "Column"]
    assert isinstance(tree, Logical)
    compare = tree.operands[0]
    assert isinstance(compare, Compare)
    assert compare.left == Column("a", Span(0, 1))
    assert compare.right == Constant(1, Span(4, 5))


def test_caret_marks_at_least_one_character_and_stays_inside_the_text() -> None:
    assert caret("a > 1", Span(4, 4), indent="") == "a > 1\n    ^"
    assert caret("a > 1", Span(9, 12), indent="") == "a > 1\n     ^"
