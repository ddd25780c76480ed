"""The corpus of awkward files (tests/data/corpus, written by tests/data/make_corpus.py).

One parametrised test walks every file: what the reader found (encoding, delimiter), the kind of
each column, a few values, the warnings — or the one-line error a user sees.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path
from typing import Any

import pytest

from portfolio_cli.errors import InputError
from portfolio_cli.readers import CsvOptions, read_customers

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "corpus"
TS = "timestamp"


def _maker() -> Any:
    spec = importlib.util.spec_from_file_location("make_corpus", DATA / "make_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# file → (encoding, delimiter, {column: (kind, values)}, warning starts) or an error message.
# `{path}` in texts stands for the file's path.
EXPECTED: dict[str, tuple[str, str, dict[str, tuple[str, list[Any]]], list[str]] | str] = {
    "utf8-bom-comma.csv": (
        "utf-8 (BOM)",
        ",",
        {"name": ("text", ["Zoé", "Gaël"]), "amount": ("number", [12.5, 7.0])},
        [],
    ),
    "cp1252-semicolon-crlf.csv": (
        "cp1252",
        ";",
        {
            "nom": ("text", ["Lefèvre", "Cœur & Fils"]),
            "montant": ("number", [1234.56, 12.5]),
            "date_commande": ("date", ["2026-01-31", "2026-02-01"]),
        },
        [],
    ),
    "latin1-c1-byte.csv": (
        "latin-1",
        ",",
        {"name": ("text", ["Café \x81", "Bar"])},
        ["{path} was read as latin-1 but some text looks garbled (',Café \\x81 A2,Ba'): "],
    ),
    "utf8-mojibake.csv": (
        "utf-8",
        ",",
        {"name": ("text", ["LefÃ¨vre", "Martin"])},
        ["{path} was read as utf-8 but some text looks garbled ('A1,LefÃ¨vre A2'): pass "],
    ),
    "tab-separated.tsv": ("utf-8", "\t", {"amount": ("number", [3.0, 4.0])}, []),
    "pipe-separated.csv": ("utf-8", "|", {"amount": ("number", [3.0, 4.0])}, []),
    "lone-cr.csv": ("utf-8", ",", {"name": ("text", ["X", "Y"]), "amount": ("number", [3, 4])}, []),
    "thousands-narrow-nbsp.csv": (
        "utf-8",
        ",",
        {"amount": ("number", [1234.5, 12.25]), "ca": ("number", [1_000_000.0, 7.0])},
        [],
    ),
    "dot-thousands-comma-decimal.csv": ("utf-8", ";", {"amount": ("number", [1234.56, -12.5])}, []),
    "comma-thousands-dot-decimal.csv": ("utf-8", ",", {"amount": ("number", [1234.56, 1000])}, []),
    "leading-zeros.csv": (
        "utf-8",
        ",",
        {
            "id": ("text", ["007", "008"]),
            "postal_code": ("text", ["01000", "75001"]),
            "phone": ("text", ["0612345678", "0712345678"]),
        },
        [],
    ),
    "blank-and-whitespace.csv": (
        "utf-8",
        ",",
        {"score": ("number", [None, 7.0, None]), "city": ("text", ["Lyon", None, None])},
        [],
    ),
    "ambiguous-dates.csv": (
        "utf-8",
        ",",
        {"signed": ("text", ["01/02/2026", "03/04/2026"])},
        [
            "{path}: column 'signed' holds dates such as 01/02/2026 that read day-first or "
            "month-first; it is kept as text: pass --dayfirst or --monthfirst"
        ],
    ),
    "month-first-dates.csv": (
        "utf-8",
        ",",
        {"signed": ("date", ["2026-12-31", "2026-01-02"])},
        [],
    ),
    "quoted-newline.csv": ("utf-8", ",", {"note": ("text", ["line one\nline two", "plain"])}, []),
    "utf16-bom.csv": ("utf-16", ";", {"name": ("text", ["Zoé"])}, []),
    "header-only.csv": ("utf-8", ";", {"amount": ("no values", [])}, []),
    "ragged.csv": (
        "{path}: row 3 has 3 fields but the header has 2: quote values that contain ',', or pass "
        "--delimiter if the file uses another separator"
    ),
    "binary.csv": (
        "{path} is a binary file, not CSV text (it holds NUL bytes): export it as CSV, or pass "
        "--encoding utf-16 if it is UTF-16 text"
    ),
    "empty.csv": "{path} is empty: expected a header row naming the columns",
    "zip-named-csv.csv": (
        "{path} is a zip file (an Excel workbook?), not CSV text: name it .xlsx if it is a "
        "workbook, or export it as CSV"
    ),
    "duplicate-ids.csv": "{path}: id 'A1' appears on rows 2, 4: each customer must appear once",
    "missing-id-column.csv": (
        "{path} has no column 'id' (customers.id in the criteria file); its columns are: "
        "ident, name; it is in none of the first 20 rows either: if the header is further "
        "down, pass --header-row N (its row number in the file)"
    ),
}


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return str(value.date())
    return value


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_corpus_file_reads_as_expected(name: str) -> None:
    path = CORPUS / name
    expected = EXPECTED[name]
    if isinstance(expected, str):
        with pytest.raises(InputError) as caught:
            read_customers(path, "id")
        assert str(caught.value) == expected.format(path=path)
        return
    encoding, delimiter, columns, warnings = expected
    customers = read_customers(path, "id")
    assert (customers.info.encoding, customers.info.delimiter) == (encoding, delimiter)
    for column, (kind, values) in columns.items():
        assert customers.kinds[column].value == kind, column
        assert [_plain(v) for v in customers.frame[column].tolist()] == values, column
    assert len(customers.info.notes) == len(warnings)
    for note, start in zip(customers.info.notes, warnings, strict=True):
        assert note.startswith(start.format(path=path))


def test_the_corpus_is_what_make_corpus_writes() -> None:
    written = _maker().CORPUS
    assert sorted(written) == sorted(EXPECTED)
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(written)
    for name, content in written.items():
        assert (CORPUS / name).read_bytes() == content, name


def test_customers_fr_is_what_make_corpus_writes() -> None:
    maker = _maker()
    expected = maker.french_export(maker.ROOT / "examples" / "customers.csv")
    assert (DATA / "customers-fr.csv").read_bytes() == expected


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (CsvOptions(dayfirst=True), ["2026-02-01", "2026-04-03"]),
        (CsvOptions(dayfirst=False), ["2026-01-02", "2026-03-04"]),
    ],
    ids=["dayfirst", "monthfirst"],
)
def test_ambiguous_dates_follow_the_option(options: CsvOptions, expected: list[str]) -> None:
    customers = read_customers(CORPUS / "ambiguous-dates.csv", "id", options=options)
    assert customers.kinds["signed"].value == "date"
    assert [_plain(v) for v in customers.frame["signed"]] == expected
    assert customers.info.notes == ()


def test_decimal_option_reads_commas_as_thousands() -> None:
    path = CORPUS / "comma-thousands-dot-decimal.csv"
    customers = read_customers(path, "id", options=CsvOptions(decimal=","))
    assert customers.kinds["amount"].value == "text"  # "1,234.56" is no comma-decimal number


def test_a_wrong_encoding_option_names_the_fix() -> None:
    path = CORPUS / "cp1252-semicolon-crlf.csv"
    with pytest.raises(InputError) as caught:
        read_customers(path, "id", options=CsvOptions(encoding="utf-8"))
    assert str(caught.value) == (
        f"{path} is not utf-8 text: pass --encoding cp1252 (or latin-1) if it comes from Excel "
        "on Windows"
    )


def test_the_delimiter_option_wins_over_sniffing() -> None:
    path = CORPUS / "pipe-separated.csv"
    customers = read_customers(path, "id|name|amount", options=CsvOptions(delimiter=";"))
    assert customers.header == ("id|name|amount",)
