"""Reading a customer list: every column typed by what all its cells agree on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import Write
from portfolio_cli.errors import InputError
from portfolio_cli.expressions import Kind
from portfolio_cli.readers import read_customers


def test_columns_are_typed_only_when_every_cell_agrees(write: Write) -> None:
    path = write(
        "c.csv",
        "id,postal,amount,mixed,day,stamp,flag,blank,bad_day\n"
        "007,01000,12.5,3,2026-01-31,2026-01-31 14:05,TRUE,,2026-02-30\n"
        "008,75001, 7 ,x,2026-02-01,2026-02-01T08:00:00,false, ,2026-02-01\n"
        "009,13000,,4,,,, ,\n",
    )
    customers = read_customers(path, "id")
    assert customers.kinds == {
        "id": Kind.TEXT,
        "postal": Kind.TEXT,  # leading zeros: a code, not a number
        "amount": Kind.NUMBER,
        "mixed": Kind.TEXT,  # one cell is not a number
        "day": Kind.DATE,
        "stamp": Kind.DATE,
        "flag": Kind.BOOL,
        "blank": Kind.EMPTY,
        "bad_day": Kind.TEXT,  # 30 February is not a date
    }
    frame = customers.frame
    assert list(frame["id"]) == ["007", "008", "009"]
    assert list(frame["postal"]) == ["01000", "75001", "13000"]
    np.testing.assert_array_equal(frame["amount"].to_numpy(), [12.5, 7.0, np.nan])
    assert frame["day"].isna().tolist() == [False, False, True]
    assert str(frame["day"].iloc[0].date()) == "2026-01-31"
    assert frame["flag"].tolist()[:2] == [True, False]
    assert frame["flag"].isna().tolist() == [False, False, True]


def test_the_text_as_written_is_kept_for_the_output(write: Write) -> None:
    path = write("c.csv", "id,postal,amount\n007,01000, 12.50 \n")
    customers = read_customers(path, "id")
    assert customers.text.to_pylist() == [{"id": "007", "postal": "01000", "amount": " 12.50 "}]


def test_only_the_columns_asked_for_are_read(write: Write) -> None:
    path = write("c.csv", "id,a,b,c\n1,2,3,4\n")
    customers = read_customers(path, "id", columns=["b", "nope"])
    assert list(customers.frame.columns) == ["id", "b"]
    assert customers.header == ("id", "a", "b", "c")


def test_text_columns_are_never_converted(write: Write) -> None:
    path = write("c.csv", "id,name\n1,2026-01-31\n2,42\n")
    customers = read_customers(path, "id", text_columns=["name"])
    assert customers.kinds["name"] is Kind.TEXT
    assert customers.kinds["id"] is Kind.TEXT  # ids are codes, even when they look like numbers


def test_blank_header_cells_are_named_by_position(write: Write) -> None:
    path = write("c.csv", "id,,amount,\n1,x,2,\n")
    assert read_customers(path, "id").header == ("id", "column_2", "amount", "column_4")


def test_duplicate_header_names_are_an_error(write: Write) -> None:
    path = write("c.csv", "id,amount,amount\n1,2,3\n")
    with pytest.raises(InputError) as caught:
        read_customers(path, "id")
    assert str(caught.value) == (
        f"{path}: columns 2 and 3 are both named 'amount': rename one of them"
    )


def test_crlf_and_quoted_newlines(write: Write) -> None:
    path = write("c.csv", b'id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n')
    customers = read_customers(path, "id")
    assert customers.frame["note"].tolist() == ["two\r\nlines", "plain"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_customers(tmp_path, "id")
    assert str(caught.value) == f"{tmp_path} is a folder, not a file"


@pytest.mark.parametrize(
    ("cells", "values"),
    [
        # the French Excel currency format, with spaces, non-breaking and narrow ones
        (["3 250,00 €", "520,20 €", "5\u202f812,40\u00a0€", "0 €"], [3250.0, 520.2, 5812.4, 0.0]),
        (["-1 234,50 €", "(1 234,50 €)", "− 5 €", "12€"], [-1234.5, -1234.5, -5.0, 12.0]),
        (["1 234,50 EUR", "EUR 12", "7"], [1234.5, 12.0, 7.0]),
        (["€1,234.50", "€ 99", "-€5", "€-6"], [1234.5, 99.0, -5.0, -6.0]),
        (["$1,234.50", "$99", "USD 3", "-$2.5"], [1234.5, 99.0, 3.0, -2.5]),
        (["£1,234", "GBP 2"], [1234.0, 2.0]),
        (["CHF 1'234.50", "12 CHF"], [1234.5, 12.0]),
        # percentages are numbers as written
        (["12,5 %", "3%", "100 %", "-0,5 %"], [12.5, 3.0, 100.0, -0.5]),
    ],
)
def test_amounts_with_a_currency_or_percent_sign_are_numbers(
    write: Write, cells: list[str], values: list[float]
) -> None:
    rows = "".join(f'C{i};"{cell}"\n' for i, cell in enumerate(cells))
    customers = read_customers(write("a.csv", "id;amount\n" + rows), "id")
    assert customers.kinds["amount"] is Kind.NUMBER
    assert customers.frame["amount"].tolist() == values


def test_amounts_in_two_currencies_stay_text_with_a_warning(write: Write) -> None:
    path = write("m.csv", "id;amount\nA;12,00 €\nB;$5.00\nC;3 €\n")
    customers = read_customers(path, "id")
    assert customers.kinds["amount"] is Kind.TEXT
    assert customers.info.notes == (
        f"{path}: column 'amount' mixes currencies ('12,00 €', '$5.00'): it is read as text, "
        "since amounts in two currencies are never compared as one number; put each currency in "
        "its own column",
    )


@pytest.mark.parametrize("cell", ["01 €", "€5 €", "(5 €", "n/a", "5 € 3"])
def test_what_is_not_one_amount_keeps_the_column_text(write: Write, cell: str) -> None:
    path = write("t.csv", f"id;amount\nA;12 €\nB;{cell}\n")
    assert read_customers(path, "id").kinds["amount"] is Kind.TEXT
