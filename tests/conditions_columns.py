"""The columns the condition tests check against, and the two ways a test reads a condition:
as a user gets it (parsed and checked) and the error it raises."""

from __future__ import annotations

import pytest

from portfolio_cli.conditions.check import check_condition
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.conditions.tree import Condition, ExpressionError

COLUMNS: dict[str, Kind] = {
    "orders_12m": Kind.NUMBER,
    "nps_score": Kind.NUMBER,
    "tenure": Kind.NUMBER,
    "total_spent": Kind.NUMBER,
    "region": Kind.TEXT,
    "name": Kind.TEXT,
    "postal_code": Kind.TEXT,
    "last_order": Kind.DATE,
    "signup": Kind.DATE,
    "vip": Kind.BOOL,
    "notes": Kind.EMPTY,
    "Chiffre d'affaires": Kind.NUMBER,
    "Prénom": Kind.TEXT,
    "a.b": Kind.NUMBER,
}


def parsed(text: str) -> Condition:
    """Parse and check against COLUMNS: the condition a user would get."""
    condition = parse_condition(text)
    check_condition(condition, COLUMNS)
    return condition


def refused(text: str, columns: dict[str, Kind] | None = None) -> ExpressionError:
    """The error a condition raises, at parse or check time."""
    with pytest.raises(ExpressionError) as info:
        check_condition(parse_condition(text), COLUMNS if columns is None else columns)
    return info.value
