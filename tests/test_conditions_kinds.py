"""Kinds and did-you-mean (`conditions/kinds.py`): what a column holds, named for people, the
closest names to a mistyped one; and that the readers get them without the parser."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from portfolio_cli import messages
from portfolio_cli.conditions.kinds import (
    Kind,
    constant_kind,
    either,
    suggest,
    unknown_column_message,
)


def test_kinds_are_named_in_the_language_of_the_run() -> None:
    assert [kind.label for kind in Kind] == ["number", "text", "date", "true/false", "no values"]
    with messages.using("fr"):
        assert [kind.label for kind in Kind] == [
            "nombre",
            "texte",
            "date",
            "vrai/faux",
            "aucune valeur",
        ]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (True, Kind.BOOL),
        (3, Kind.NUMBER),
        (2.5, Kind.NUMBER),
        (dt.date(2026, 1, 31), Kind.DATE),
        ("Corse", Kind.TEXT),
    ],
)
def test_a_constant_has_the_kind_of_its_value(value: object, kind: Kind) -> None:
    assert constant_kind(value) is kind


def test_the_same_name_in_another_case_comes_first() -> None:
    assert suggest("REGION", ["regions", "region", "Region"]) == ["region", "Region", "regions"]


def test_a_misspelt_name_gets_at_most_three_close_names() -> None:
    assert suggest("nps_scroe", ["nps_score", "orders_12m", "region"]) == ["nps_score"]
    assert len(suggest("a1", ["a1x", "a1y", "a1z", "a1w", "a1v"])) == 3
    assert suggest("zzzz", ["orders_12m", "region"]) == []


def test_unknown_column_names_the_closest_columns() -> None:
    assert unknown_column_message("Regoin", ["region", "orders_12m"]) == (
        "unknown column 'Regoin' (did you mean 'region'?)"
    )


def test_unknown_column_with_nothing_close_lists_twelve_columns_at_most() -> None:
    columns = [f"c{n:02}" for n in range(14)]
    assert unknown_column_message("zzzz", columns) == (
        "unknown column 'zzzz' (the input's columns are: "
        "c00, c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, ...)"
    )


def test_either_joins_names_in_the_language_of_the_run() -> None:
    assert either(["a", "b"]) == "'a' or 'b'"
    with messages.using("fr"):
        assert either(["a", "b"]) == "'a' ou 'b'"
        assert unknown_column_message("Regoin", ["region"]) == (
            "colonne inconnue 'Regoin' (vouliez-vous dire 'region' ?)"
        )


@pytest.mark.parametrize("module", ["portfolio_cli.conditions.kinds", "portfolio_cli.readers"])
def test_kinds_come_without_the_parser(module: str) -> None:
    # the readers need Kind and did-you-mean only: importing them must not load the language
    code = (
        f"import sys, {module}\n"
        "print(sorted(m for m in sys.modules if m.startswith('portfolio_cli.conditions')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['portfolio_cli.conditions', 'portfolio_cli.conditions.kinds']"
