"""The type check (`conditions/check.py`): unknown names with did-you-mean, kinds that do not fit,
a condition that is not true/false, and the comparison each message suggests."""

from __future__ import annotations

import pytest

from conditions_columns import parsed, refused
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.conditions.tree import Span, caret

# --- names ---------------------------------------------------------------------------------------


def test_unknown_column_suggests_the_closest_name() -> None:
    error = refused("nps_scroe > 8")
    assert error.code == "unknown-column"
    assert error.message == "unknown column 'nps_scroe' (did you mean 'nps_score'?)"
    assert error.span == Span(0, 9)


def test_unknown_column_in_another_case_suggests_the_column() -> None:
    error = refused('Region == "Corse"')
    assert error.code == "unknown-column"
    assert "did you mean 'region'" in error.message


def test_unknown_backtick_column_suggests_the_column() -> None:
    error = refused("`chiffre d'affaires` > 1000")
    assert error.code == "unknown-column"
    assert "Chiffre d'affaires" in error.message
    assert error.span == Span(0, 20)


def test_unknown_column_with_nothing_close_lists_the_columns() -> None:
    error = refused("zzzz > 1", {"orders_12m": Kind.NUMBER, "region": Kind.TEXT})
    assert error.code == "unknown-column"
    assert error.message == "unknown column 'zzzz' (the input's columns are: orders_12m, region)"


def test_unknown_column_inside_a_function_is_found() -> None:
    error = refused("days_since(last_ordre) > 3")
    assert error.code == "unknown-column"
    assert "'last_order'" in error.message


def test_a_dunder_name_is_only_a_column_name() -> None:
    # Names are looked up among the input's columns, never in Python: no column, no value.
    error = refused("__builtins__ > 1")
    assert error.code == "unknown-column"


# --- types ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["region > 3", "3 < region", "region == 3", "region in [1, 2]", "between(region, 1, 2)"],
)
def test_text_compared_with_a_number_is_a_type_mismatch_naming_the_column(text: str) -> None:
    error = refused(text)
    assert error.code == "type-mismatch"
    assert "column 'region' (text)" in error.message
    assert "(number)" in error.message


def test_text_compared_with_a_number_suggests_quotes() -> None:
    error = refused("postal_code == 20000")
    assert error.message == (
        "`==` compares column 'postal_code' (text) with 20000 (number): "
        'quote the value ("20000") if the column holds codes'
    )


def test_number_compared_with_text_suggests_removing_the_quotes() -> None:
    error = refused('orders_12m >= "3"')
    assert error.code == "type-mismatch"
    assert "remove the quotes" in error.message


def test_date_compared_with_a_string_suggests_date() -> None:
    error = refused('signup > "2026-01-01"')
    assert error.code == "type-mismatch"
    assert "column 'signup' (date)" in error.message
    assert 'date("' in error.message


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("orders_12m + 1", "number"),
        ("region", "text"),
        ("days_since(last_order)", "number"),
        ("lower(region)", "text"),
        ("signup", "date"),
    ],
)
def test_a_condition_that_is_not_true_or_false_is_refused(text: str, kind: str) -> None:
    error = refused(text)
    assert error.code == "not-a-condition"
    assert f"gives a {kind}, not true/false" in error.message
    assert error.span == Span(0, len(text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("days_since(region) > 3", "days_since() needs date: column 'region' holds text"),
        ("lower(nps_score) == 'a'", "lower() needs text: column 'nps_score' holds number"),
        ('contains(signup, "2026")', "contains() needs text: column 'signup' holds date"),
        ("signup - 3 > 1", "`-` needs numbers: column 'signup' holds date"),
        ("region * 2 > 1", "`*` needs numbers: column 'region' holds text"),
        ("-region > 1", "`-` needs a number"),
        ("not region", "`not` combines true/false conditions: column 'region' is a text"),
        ("region and vip", "`and` combines true/false conditions"),
        ("vip or orders_12m", "`or` combines true/false conditions"),
    ],
)
def test_type_errors_name_what_is_wrong(text: str, message: str) -> None:
    error = refused(text)
    assert error.code == "type-mismatch"
    assert message in error.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("vip < true", "true/false values can only be compared with == or !="),
        ('region in ["a", 1]', "the list mixes kinds of values"),
        ("between(vip, true, true)", "between() needs numbers, dates or text"),
    ],
)
def test_other_type_errors(text: str, message: str) -> None:
    assert message in refused(text).message


@pytest.mark.parametrize(
    "text",
    [
        "notes == 1",
        'notes == "x"',
        "notes > signup",
        "notes + 1 > 2",
        "notes",
        "not notes",
        "notes and vip",
        'lower(notes) == "a"',
        'contains(notes, "a")',
        "days_since(notes) > 3",
        "between(notes, 1, 2)",
        "notes in [1, 2]",
        "missing(notes)",
        "signup - notes > 3",
    ],
)
def test_an_empty_column_fits_any_kind(text: str) -> None:
    parsed(text)


@pytest.mark.parametrize(
    "text",
    [
        "signup - last_order > 30",
        'signup - date("2026-01-01") > 30',
        'date("2026-01-01") - signup < 0',
        "days_since(signup) + tenure > 3",
        "vip == (orders_12m > 3)",
        "(orders_12m > 3) != (nps_score > 8)",
        "lower(region) == lower(name)",
        "region < name",
        'between(region, "a", "m")',
        "nps_score in [1, 2.5]",
    ],
)
def test_well_typed_conditions_pass(text: str) -> None:
    parsed(text)


# --- carets under what the check refuses --------------------------------------------------------


def test_caret_under_an_unknown_column() -> None:
    text = "orders_12m >= 3 and nps_scroe > 8"
    error = refused(text)
    assert caret(text, error.span).splitlines() == [
        "    orders_12m >= 3 and nps_scroe > 8",
        "                        ^^^^^^^^^",
    ]


def test_caret_under_a_type_mismatch_after_accents() -> None:
    text = '`Chiffre d\'affaires` > 1000 and `Prénom` == "é" and region > 3'
    error = refused(text)
    assert error.code == "type-mismatch"
    assert caret(text, error.span).splitlines() == [
        '    `Chiffre d\'affaires` > 1000 and `Prénom` == "é" and region > 3',
        "                                                        ^^^^^^^^^^",
    ]


def test_caret_under_a_bad_function_argument() -> None:
    text = "days_since(région) > 3"
    error = refused(text, {"région": Kind.TEXT})
    assert caret(text, error.span, indent="").splitlines() == [
        "days_since(région) > 3",
        "           ^^^^^^",
    ]


@pytest.mark.parametrize(
    ("text", "english", "french"),
    [
        (
            "region",
            'this condition gives a text, not true/false: compare it, e.g. region == "…"',
            "cette condition donne une valeur de type texte, pas vrai/faux : comparez-la, par "
            'exemple region == "…"',
        ),
        (
            "orders_12m + 1",
            "this condition gives a number, not true/false: compare it, e.g. orders_12m + 1 > 0",
            "cette condition donne une valeur de type nombre, pas vrai/faux : comparez-la, par "
            "exemple orders_12m + 1 > 0",
        ),
        (
            "signup",
            "this condition gives a date, not true/false: compare it, e.g. "
            "days_since(signup) < 365",
            "cette condition donne une valeur de type date, pas vrai/faux : comparez-la, par "
            "exemple days_since(signup) < 365",
        ),
        (
            "missing(region) or region",
            "`or` combines true/false conditions: column 'region' is a text; compare it, e.g. "
            'region == "…"',
            "`or` combine des conditions vrai/faux : la colonne 'region' est du type texte ; "
            'faites-en une comparaison, par exemple region == "…"',
        ),
        (
            "vip and not tenure",
            "`not` combines true/false conditions: column 'tenure' is a number; compare it, e.g. "
            "tenure > 0",
            "`not` combine des conditions vrai/faux : la colonne 'tenure' est du type nombre ; "
            "faites-en une comparaison, par exemple tenure > 0",
        ),
        (
            "vip or (`last_order`)",
            "`or` combines true/false conditions: column 'last_order' is a date; compare it, e.g. "
            "days_since(`last_order`) < 365",
            "`or` combine des conditions vrai/faux : la colonne 'last_order' est du type date ; "
            "faites-en une comparaison, par exemple days_since(`last_order`) < 365",
        ),
    ],
)
def test_the_hint_compares_as_the_kind_allows(text: str, english: str, french: str) -> None:
    from portfolio_cli import messages

    assert refused(text).message == english
    with messages.using("fr"):
        assert refused(text).message == french
    # the suggested comparison is itself a valid condition
    example = english.rsplit("e.g. ", 1)[1].replace('"…"', '"Bretagne"')
    parsed(example)
