"""The parser (`conditions/parser.py`): every construct of the grammar becomes its tree, and every
text it refuses says what to write, with a caret under the right characters."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conditions_columns import parsed, refused
from portfolio_cli.conditions.check import check_condition
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.conditions.tree import (
    Arithmetic,
    Call,
    Column,
    Compare,
    Constant,
    ExpressionError,
    IsIn,
    Logical,
    Negative,
    Not,
    Span,
    caret,
)


def strip_spans(node: object) -> object:
    """A tree without its spans, so that tests compare structure only."""
    match node:
        case Column(name=name):
            return ("col", name)
        case Constant(value=value):
            return value
        case Compare(op=op, left=left, right=right):
            return (op, strip_spans(left), strip_spans(right))
        case IsIn(operand=operand, items=items, negated=negated):
            return ("not in" if negated else "in", strip_spans(operand), [i.value for i in items])
        case Logical(op=op, operands=operands):
            return (op, *[strip_spans(o) for o in operands])
        case Not(operand=operand):
            return ("not", strip_spans(operand))
        case Arithmetic(op=op, left=left, right=right):
            return (op, strip_spans(left), strip_spans(right))
        case Negative(operand=operand):
            return ("neg", strip_spans(operand))
        case Call(function=function, args=args):
            return (function, *[strip_spans(a) for a in args])
    raise AssertionError(f"not a node: {node!r}")  # pragma: no cover


# --- every construct parses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("vip", ("col", "vip")),
        ("orders_12m >= 3", (">=", ("col", "orders_12m"), 3)),
        ("`Chiffre d'affaires` > 1000", (">", ("col", "Chiffre d'affaires"), 1000)),
        ('`Prénom` == "Zoé"', ("==", ("col", "Prénom"), "Zoé")),
        ("`a.b` < 2.5", ("<", ("col", "a.b"), 2.5)),
        ("nps_score > -3", (">", ("col", "nps_score"), -3)),
        ("nps_score > - 3.5", (">", ("col", "nps_score"), -3.5)),
        ("nps_score != +2", ("!=", ("col", "nps_score"), 2)),
        ("total_spent < 1e3", ("<", ("col", "total_spent"), 1000.0)),
        ('region == "Corse"', ("==", ("col", "region"), "Corse")),
        ("region == 'Corse'", ("==", ("col", "region"), "Corse")),
        ('region == "Côte d\'Azur"', ("==", ("col", "region"), "Côte d'Azur")),
        ("vip == true", ("==", ("col", "vip"), True)),
        ("vip != false", ("!=", ("col", "vip"), False)),
        (
            'signup < date("2026-01-31")',
            ("<", ("col", "signup"), dt.date(2026, 1, 31)),
        ),
        (
            "1 <= tenure < 12",
            ("and", ("<=", 1, ("col", "tenure")), ("<", ("col", "tenure"), 12)),
        ),
        (
            "0 < tenure <= orders_12m < 12",
            (
                "and",
                ("<", 0, ("col", "tenure")),
                ("<=", ("col", "tenure"), ("col", "orders_12m")),
                ("<", ("col", "orders_12m"), 12),
            ),
        ),
        ('region in ["Corse", "Guyane"]', ("in", ("col", "region"), ["Corse", "Guyane"])),
        ("nps_score not in [0, 1.5, -2]", ("not in", ("col", "nps_score"), [0, 1.5, -2])),
        ("vip in [true]", ("in", ("col", "vip"), [True])),
        (
            'signup in [date("2026-01-01"), date("2026-02-01")]',
            ("in", ("col", "signup"), [dt.date(2026, 1, 1), dt.date(2026, 2, 1)]),
        ),
        (
            "orders_12m > 1 and nps_score > 8 and vip",
            (
                "and",
                (">", ("col", "orders_12m"), 1),
                (">", ("col", "nps_score"), 8),
                ("col", "vip"),
            ),
        ),
        (
            "orders_12m > 1 or not vip",
            ("or", (">", ("col", "orders_12m"), 1), ("not", ("col", "vip"))),
        ),
        (
            "(orders_12m > 1 or nps_score > 8) and vip",
            (
                "and",
                ("or", (">", ("col", "orders_12m"), 1), (">", ("col", "nps_score"), 8)),
                ("col", "vip"),
            ),
        ),
        (
            "orders_12m > 1 or nps_score > 8 and vip",
            (
                "or",
                (">", ("col", "orders_12m"), 1),
                ("and", (">", ("col", "nps_score"), 8), ("col", "vip")),
            ),
        ),
        (
            "total_spent / orders_12m > 100",
            (">", ("/", ("col", "total_spent"), ("col", "orders_12m")), 100),
        ),
        (
            "orders_12m + tenure * 2 - 1 >= 0",
            (
                ">=",
                ("-", ("+", ("col", "orders_12m"), ("*", ("col", "tenure"), 2)), 1),
                0,
            ),
        ),
        (
            "(orders_12m + tenure) * 2 >= 0",
            (">=", ("*", ("+", ("col", "orders_12m"), ("col", "tenure")), 2), 0),
        ),
        ("-orders_12m < 0", ("<", ("neg", ("col", "orders_12m")), 0)),
        ("days_since(last_order) > 365", (">", ("days_since", ("col", "last_order")), 365)),
        ("missing(nps_score)", ("missing", ("col", "nps_score"))),
        ("not missing(`Prénom`)", ("not", ("missing", ("col", "Prénom")))),
        ('contains(name, "SARL")', ("contains", ("col", "name"), "SARL")),
        ('startswith(postal_code, "20")', ("startswith", ("col", "postal_code"), "20")),
        ('lower(region) == "corse"', ("==", ("lower", ("col", "region")), "corse")),
        ("between(nps_score, 7, 8)", ("between", ("col", "nps_score"), 7, 8)),
        (
            'between(signup, date("2026-01-01"), date("2026-12-31"))',
            ("between", ("col", "signup"), dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ),
        ("signup - last_order < 30", ("<", ("-", ("col", "signup"), ("col", "last_order")), 30)),
        ("  orders_12m >= 3  ", (">=", ("col", "orders_12m"), 3)),
        ("((orders_12m >= 3))", (">=", ("col", "orders_12m"), 3)),
        ("notes == 1", ("==", ("col", "notes"), 1)),
        ("1 < 2", ("<", 1, 2)),
        ("true", True),
    ],
)
def test_every_construct_parses_and_checks(text: str, tree: object) -> None:
    assert strip_spans(parsed(text).tree) == tree


def test_constants_keep_their_python_types() -> None:
    tree = parse_condition('x in [1, 2.5, "3", true]').tree
    assert isinstance(tree, IsIn)
    values = [item.value for item in tree.items]
    assert values == [1, 2.5, "3", True]
    assert [type(v) for v in values] == [int, float, str, bool]


def test_spans_count_characters_of_the_text_as_written() -> None:
    tree = parse_condition('`Prénom` == "é" and nps_score > 9').tree
    assert isinstance(tree, Logical)
    first, second = tree.operands
    assert isinstance(first, Compare)
    assert isinstance(second, Compare)
    assert first.left.span == Span(0, 8)
    assert first.right.span == Span(12, 15)
    assert second.span == Span(20, 33)
    assert second.left.span == Span(20, 29)


def test_a_backtick_inside_a_string_is_part_of_the_string() -> None:
    tree = parse_condition('notes == "a `b` c" and contains(name, "`")').tree
    assert strip_spans(tree) == (
        "and",
        ("==", ("col", "notes"), "a `b` c"),
        ("contains", ("col", "name"), "`"),
    )


def test_a_quote_inside_backticks_is_part_of_the_name() -> None:
    tree = parse_condition("`l'an \"dernier\"` > 1 and `Chiffre d'affaires` > 2").tree
    assert strip_spans(tree) == (
        "and",
        (">", ("col", 'l\'an "dernier"'), 1),
        (">", ("col", "Chiffre d'affaires"), 2),
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("`a``b` > 1", "a`b"),
        ("```quoted``` > 1", "`quoted`"),
        ("`a````b` > 1", "a``b"),
        ('`say "hi"` > 1', 'say "hi"'),
        ("`two\nlines` > 1", "two\nlines"),
    ],
)
def test_a_backtick_inside_a_name_is_written_twice(text: str, name: str) -> None:
    tree = parse_condition(text).tree
    assert strip_spans(tree) == (">", ("col", name), 1)


def test_names_are_read_as_written_not_folded_by_python() -> None:
    # Python reads the identifier `ﬁrst` (with the ligature ﬁ) as `first` (NFKC)
    condition = parse_condition("ﬁrst > 1 and first < 5")
    assert condition.columns() == ("ﬁrst", "first")
    check_condition(condition, {"ﬁrst": Kind.NUMBER, "first": Kind.NUMBER})
    with pytest.raises(ExpressionError) as caught:
        check_condition(parse_condition("ﬁrst > 1"), {"first": Kind.NUMBER})
    assert caught.value.message == "unknown column 'ﬁrst' (did you mean 'first'?)"
    with pytest.raises(ExpressionError) as caught:
        parse_condition("ｍissing(x)")
    assert caught.value.message.startswith("unknown function 'ｍissing' (did you mean missing?)")


@pytest.mark.parametrize(
    "text",
    [
        "orders_12m >= 3\nand nps_score > 8",
        "orders_12m >= 3\r\n  and nps_score > 8\n",
        "orders_12m >= 3\tand\tnps_score > 8",
    ],
)
def test_line_breaks_and_tabs_are_spaces(text: str) -> None:
    assert strip_spans(parsed(text).tree) == (
        "and",
        (">=", ("col", "orders_12m"), 3),
        (">", ("col", "nps_score"), 8),
    )


def test_a_yaml_literal_block_parses() -> None:
    document = yaml.safe_load(
        "when: |\n"
        "  orders_12m >= 3\n"
        '  and region not in ["Corse", "Guyane"]\n'
        "  and (vip or nps_score >= 9)\n"
    )
    text = document["when"]
    assert text.count("\n") == 3
    condition = parsed(text)
    assert condition.text == text
    assert condition.columns() == ("orders_12m", "region", "vip", "nps_score")


def test_an_error_on_the_second_line_of_a_block_is_shown_on_one_line() -> None:
    text = "orders_12m >= 3\nand x.y\n"
    error = refused(text)
    assert caret(text, error.span).splitlines() == [
        "    orders_12m >= 3 and x.y ",
        "                        ^^^",
    ]


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("lowercase(region) == 'a'", "did you mean lower?"),
        ("sum(orders_12m) > 1", "unknown function 'sum'"),
        ("days_since(signup, last_order) > 1", "days_since takes 1 argument"),
        ("between(tenure, 1) and vip", "between takes 3 arguments: between(column, low, high)"),
        ("contains(name, region)", 'second argument of contains is a "text"'),
        ("startswith(name, 20)", 'second argument of startswith is a "text"'),
        ("missing(1)", "missing() takes a column name"),
        ('date("31/01/2026") < signup', 'date() takes a date written "YYYY-MM-DD"'),
        ("date(signup) < signup", 'date() takes a date written "YYYY-MM-DD"'),
        ('lower(x="a") == "a"', "without names"),
        ("region in []", "the list is empty"),
        ("region in [name]", "a list after `in` holds values only"),
        ('region in "Corse"', 'use contains(column, "text")'),
        ("[1, 2]", "a list [...] can only follow `in`"),
        ("`` > 1", "empty backticks"),
        ("`Prénom > 1", "a backtick is not closed"),
        ("x`a` > 1", "a name in backticks must stand apart"),
        ("`a`b > 1", "a name in backticks must stand apart"),
        ("`a``b > 1", "a backtick is not closed (a backtick inside a name is written twice"),
        ("   ", "the condition is empty"),
        ("region is None", "`is` is not allowed"),
        ("x > " + "9" * 400, "this number is too large"),
    ],
)
def test_grammar_errors_say_what_to_write(text: str, hint: str) -> None:
    error = refused(text)
    assert hint in error.message
    assert error.code == "bad-condition"


# --- carets under what the parser refuses -------------------------------------------------------


def test_caret_under_a_syntax_error_after_accents() -> None:
    text = 'région == "Île" and nps = 3'
    error = refused(text)
    # "é" and "Î" take two bytes in UTF-8: the caret counts characters, not bytes
    assert caret(text, error.span).splitlines() == [
        '    région == "Île" and nps = 3',
        "                            ^",
    ]


def test_caret_under_an_attribute_after_accents() -> None:
    text = '`Prénom` == "Zoé" and x.__class__'
    error = refused(text)
    assert caret(text, error.span).splitlines() == [
        '    `Prénom` == "Zoé" and x.__class__',
        "                          ^^^^^^^^^^^",
    ]


def test_caret_past_the_end_of_an_unfinished_condition() -> None:
    text = "orders_12m >="
    error = refused(text)
    assert caret(text, error.span).splitlines() == [
        "    orders_12m >=",
        "                 ^",
    ]


# --- habits from other languages ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("nps_score = 10", "write == to compare"),
        ('region = "Corse"', "write == to compare"),
        ("orders_12m > 3 && vip", "write `and` / `or` rather than && / ||"),
        ("orders_12m > 3 || vip", "write `and` / `or` rather than && / ||"),
        ("orders_12m > 3 AND vip", "write and / or / not in lower case"),
        ("orders_12m > 3 OR vip", "write and / or / not in lower case"),
        ("NOT vip", "write and / or / not in lower case"),
        ("nps_score <> 10", "write != for 'not equal'"),
        ("orders_12m => 3", "write >= or <= (the = comes second)"),
        ("orders_12m =< 3", "write >= or <= (the = comes second)"),
        ("orders_12m > 3 & vip", "write `and`"),
        ("orders_12m > 3 | vip", "write `or`"),
    ],
)
def test_habits_from_sql_and_c_get_a_hint(text: str, hint: str) -> None:
    error = refused(text)
    assert error.code == "bad-condition"
    assert hint in error.message


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("postal_code == 01000", "01000", Span(15, 20)),
        ('postal_code in ["75001", 01000]', "01000", Span(25, 30)),
    ],
)
def test_a_code_written_as_a_number_with_leading_zeros_says_to_quote_it(
    text: str, code: str, span: Span
) -> None:
    # not Python's advice (an 0o prefix for octal): a code, which goes in quotes
    error = refused(text)
    assert error.message == (
        f"{code} is not a number (a number cannot start with 0): write a code in quotes, "
        f'e.g. "{code}"'
    )
    assert error.span == span


def test_an_equals_sign_inside_a_string_is_not_taken_for_a_comparison() -> None:
    error = refused('region == "a=b" and')
    assert "write ==" not in error.message


@pytest.mark.parametrize("word", ["None", "null", "NULL", "nan"])
def test_none_and_null_suggest_missing(word: str) -> None:
    error = refused(f"nps_score == {word}")
    assert "missing(" in error.message
    assert error.span == Span(13, 13 + len(word))


def test_is_none_suggests_missing() -> None:
    assert "missing(column)" in refused("nps_score is None").message


# --- a decimal comma (the French way of writing 1000.5) ----------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "under"),
    [
        ("total_spent > 1000,5", "1000.5", "1000,5"),
        ("total_spent > 1,5 and orders_12m >= 3", "1.5", "1,5"),
        ("(orders_12m >= 3) and (total_spent > 2,25)", "2.25", "2,25"),
        ("`Chiffre d'affaires` >= 1000,50", "1000.50", "1000,50"),
    ],
)
def test_a_decimal_comma_says_to_write_a_dot(text: str, number: str, under: str) -> None:
    error = refused(text)

    assert str(error) == f"write decimals with a dot: {number}"
    assert error.span is not None
    assert text[error.span.start : error.span.end] == under


def test_a_decimal_comma_in_french() -> None:
    from portfolio_cli import messages

    with messages.using("fr"):
        error = refused("total_spent > 1000,5")
    assert str(error) == "écrivez les décimales avec un point : 1000.5"


@pytest.mark.parametrize("text", ["total_spent == 1, 2", 'region > "1,5", 3'])
def test_other_tuples_are_still_refused_as_tuples(text: str) -> None:
    assert str(refused(text)) == "tuples are not allowed: write a list [...] after `in`"


def test_a_list_with_commas_is_still_a_list() -> None:
    assert isinstance(parsed("orders_12m in [1,5]").tree, IsIn)
