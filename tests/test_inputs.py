"""Real-world inputs end to end: French exports, the Telco sample, xlsx and parquet, options."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import CRIT, EX, ONE_CRITERION, ROOT, Run, Write
from portfolio_cli.errors import UsageError
from portfolio_cli.readers import read_customers
from portfolio_cli.writers import formats

FR = str(ROOT / "tests" / "data" / "customers-fr.csv")
TELCO_CRIT = str(ROOT / "examples" / "telco.criteria.yaml")


def _classify_json(run: Run, *args: str) -> dict[str, object]:
    result = run("classify", *args, "-f", "json", "-q", "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_french_excel_export_classifies_exactly_as_the_original(run: Run) -> None:
    original = _classify_json(run, EX, "-c", CRIT)
    french = _classify_json(run, FR, "-c", CRIT)
    assert french["customers"] == original["customers"]
    summary_fr = dict(french["summary"])  # type: ignore[call-overload]
    summary_en = dict(original["summary"])  # type: ignore[call-overload]
    assert summary_fr == summary_en
    assert summary_en["segments"] == {"easy_to_satisfy": 137, "satisfied": 88, "unrecoverable": 75}


def test_french_export_reads_to_the_same_values() -> None:
    original = read_customers(EX, "customer_id")
    french = read_customers(FR, "customer_id")
    assert (french.info.encoding, french.info.delimiter) == ("cp1252", ";")
    assert french.kinds == original.kinds
    assert french.kinds["last_order_date"].value == "date"
    assert french.kinds["postal_code"].value == "text"
    pd.testing.assert_frame_equal(french.frame, original.frame)


def test_check_reports_how_the_input_was_read(run: Run) -> None:
    result = run("check", FR, "-c", CRIT, "--as-of", "2026-11-23")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert f"{FR}: 300 customers, 11 columns (csv, cp1252, delimiter ';')" in text


def test_verbose_says_how_the_input_was_read_on_stderr(run: Run) -> None:
    result = run("classify", FR, "-c", CRIT, "-f", "csv", "-q", "-v")
    assert result.exit_code == 0
    assert result.stderr == f"{FR}: csv, cp1252, delimiter ';', 300 rows\n"
    # a `;` file gives `;` output (no byte order mark on standard output)
    assert result.stdout.startswith("customer_id;name;segment;")


def test_the_telco_sample_classifies_with_no_option(run: Run, telco: Path) -> None:
    document = _classify_json(run, str(telco), "-c", TELCO_CRIT)
    summary = document["summary"]
    assert isinstance(summary, dict)
    assert summary["total"] == 7043
    assert summary["segments"] == {
        "satisfied": 1643,
        "easy_to_satisfy": 2675,
        "unrecoverable": 2725,
    }
    assert round(summary["quality"], 3) == 0.613
    unjudged = {key: count for key, count in summary["unjudged"].items() if count}
    assert unjudged == {"low_value": 11}  # the blank TotalCharges cells


def test_the_telco_criteria_never_read_the_churn_outcome() -> None:
    from portfolio_cli.criteria import load_criteria, required_columns

    assert "Churn" not in required_columns(load_criteria(TELCO_CRIT))


def test_bad_input_from_the_command_line_is_one_line_and_exit_2(
    run: Run, write: Write, tmp_path: Path
) -> None:
    bad = write("bad.csv", b"\x00\x01binary")
    rules = write(
        "c.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: k, when: x > 1}\n"
    )
    result = run("classify", str(bad), "-c", str(rules), "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {bad} is a binary file, not CSV text (it holds NUL bytes): export it as CSV, or "
        "pass --encoding utf-16 if it is UTF-16 text\n"
    )
    assert not (tmp_path / "out.csv").exists()


def test_an_unknown_encoding_option_is_named(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "--encoding", "klingon", "-f", "csv")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown encoding 'klingon' (--encoding): use utf-8, cp1252 or latin-1\n",
    )


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--decimal", "x", "error: --decimal must be , or . (got 'x')\n"),
        (
            "--delimiter",
            ";;",
            "error: --delimiter must be one character: , ; | or tab (got ';;')\n",
        ),
    ],
)
def test_bad_reading_options_are_usage_errors(
    run: Run, option: str, value: str, message: str
) -> None:
    result = run("classify", EX, "-c", CRIT, option, value)
    assert (result.exit_code, result.stderr) == (2, message)


def test_tab_delimiter_option_by_name(run: Run, write: Write) -> None:
    path = write("t.txt", "customer_id\tname\nC1\tX\n")
    rules = write(
        "c.yaml",
        "version: 1\ncustomers: {id: customer_id, name: name}\ncriteria:\n"
        "  - {key: k, when: not missing(name)}\n",
    )
    document = _classify_json(run, str(path), "-c", str(rules), "--delimiter", "tab")
    assert document["customers"] == [
        {
            "customer_id": "C1",
            "name": "X",
            "segment": "satisfied",
            "priority": 1,
            "criteria_met": 1,
            "criteria": ["k"],
            "problems": [],
            "compensated": [],
            "action": "Thank them, reward loyalty, ask for referrals.",
        }
    ]


# --- xlsx and parquet ------------------------------------------------------------------------


def _example_workbook(path: Path, first_sheet: str = "Notes") -> None:
    import xlsxwriter

    frame = pd.read_csv(EX, dtype=str, keep_default_na=False)
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet(first_sheet).write(0, 0, "exported by hand")
    sheet = workbook.add_worksheet("Clients")
    day = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, list(frame.columns))
    numbers = {"orders_12m", "total_spent", "recommend_score", "complaints_12m", "late_payments"}
    for row, record in enumerate(frame.to_dict("records"), start=1):
        for col, (name, value) in enumerate(record.items()):
            if value == "":
                continue
            if name in numbers:
                sheet.write_number(row, col, float(value))
            elif name == "last_order_date":
                sheet.write_datetime(row, col, pd.Timestamp(value).to_pydatetime(), day)
            else:
                sheet.write_string(row, col, value)
    workbook.close()


def test_xlsx_input_classifies_as_the_csv(run: Run, tmp_path: Path) -> None:
    book = tmp_path / "customers.xlsx"
    _example_workbook(book)
    original = _classify_json(run, EX, "-c", CRIT)
    from_sheet = _classify_json(run, str(book), "-c", CRIT, "--sheet", "Clients")
    assert from_sheet == {**original, "summary": from_sheet["summary"]}
    assert from_sheet["summary"] == original["summary"]
    by_number = _classify_json(run, str(book), "-c", CRIT, "--sheet", "2")
    assert by_number["customers"] == original["customers"]
    customers = read_customers(book, "customer_id", options=_sheet("Clients"))
    assert customers.kinds["last_order_date"].value == "date"
    assert list(customers.frame["postal_code"][:1]) == ["69002"]


def test_check_describes_a_workbook_without_csv_words(run: Run, tmp_path: Path) -> None:
    book = tmp_path / "customers.xlsx"
    _example_workbook(book)
    result = run("check", str(book), "-c", CRIT, "--sheet", "Clients")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert f"{book}: 300 customers, 11 columns (xlsx, sheet 'Clients')" in lines


def _sheet(name: str) -> object:
    from portfolio_cli.readers import CsvOptions

    return CsvOptions(sheet=name)


def test_an_unknown_sheet_names_the_sheets(run: Run, tmp_path: Path) -> None:
    book = tmp_path / "customers.xlsx"
    _example_workbook(book)
    result = run("classify", str(book), "-c", CRIT, "--sheet", "Clientes")
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {book} has no sheet 'Clientes': its sheets are 'Notes', 'Clients' (--sheet)\n",
    )


def test_a_list_on_another_sheet_names_that_sheet(run: Run, tmp_path: Path) -> None:
    book = tmp_path / "customers.xlsx"
    _example_workbook(book)  # a first sheet of notes, the customers on 'Clients'
    target = tmp_path / "out.csv"
    result = run("classify", str(book), "-c", CRIT, "-o", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {book}: its first sheet, 'Notes', has no column 'customer_id' (customers.id in "
        "the criteria file), but sheet 'Clients' has it: pass --sheet 'Clients'\n"
    )
    assert not target.exists()
    # the sheet said: read as told
    assert run("classify", str(book), "-c", CRIT, "--sheet", "Clients", "-q").exit_code == 0


def test_a_csv_named_xlsx_is_a_clear_error(run: Run, write: Write) -> None:
    fake = write("fake.xlsx", "customer_id,name\nC1,x\n")
    result = run("classify", str(fake), "-c", CRIT)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {fake} cannot be read as an Excel workbook (.xlsx): calamine error: Xlsx error: "
        "Zip error: invalid Zip archive: Could not find EOCD. If it is CSV text, name it .csv\n"
    )


def test_parquet_input_classifies_as_the_csv(run: Run, tmp_path: Path) -> None:
    frame = read_customers(EX, "customer_id").frame
    target = tmp_path / "customers.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), target)
    original = _classify_json(run, EX, "-c", CRIT)
    assert _classify_json(run, str(target), "-c", CRIT)["customers"] == original["customers"]


def test_xlsx_output_neutralises_formulas_and_keeps_numbers(run: Run, write: Write) -> None:
    import fastexcel

    path = write(
        "c.csv",
        'id,name,amount\nA1,=HYPERLINK("http://x"),-3\nA2,@SUM(A1),12.5\nA3,+33 6 12,7\n',
    )
    rules = write(
        "c.yaml",
        "version: 1\ncustomers: {id: id, name: name}\n"
        "criteria:\n  - {key: big, when: amount > 0}\n",
    )
    target = path.parent / "out.xlsx"
    result = run("classify", str(path), "-c", str(rules), "-o", str(target), "-q", "--keep-columns")
    assert result.exit_code == 0, result.stderr
    sheet = fastexcel.read_excel(target).load_sheet(0).to_arrow()
    assert sheet.column_names == [
        "id", "name", "segment", "priority", "criteria_met", "criteria", "problems",
        "compensated", "action", "amount",
    ]  # fmt: skip
    rows = sheet.to_pylist()
    assert [r["name"] for r in rows] == ["'@SUM(A1)", "'+33 6 12", '\'=HYPERLINK("http://x")']
    assert [r["priority"] for r in rows] == [1, 2, 3]
    assert [r["amount"] for r in rows] == [12.5, 7.0, -3.0]  # numbers stay numbers


def test_xlsx_keeps_numbers_dates_and_codes_of_kept_columns(run: Run, write: Write) -> None:
    """--keep-columns in a workbook: amounts and numbers are numbers Excel can sum, dates are
    real dates shown as dates, codes with leading zeros stay text."""
    import fastexcel

    path = write(
        "k.csv",
        "id;name;amount;postal;day;stamp;note\n"
        "A1;Al;-5;01000;31/01/2026;2026-01-31 14:05:00;-x\n"
        "A2;Bo;-12,5;75001;01/02/2026;2026-02-01 08:00:00;y\n"
        "A3;Cy;3 250,00 €;13000;;;\n",
    )
    rules = write(
        "k.yaml", "version: 1\ncustomers: {id: id, name: name}\n"
        "criteria:\n  - {key: big, when: amount > 0}\n",
    )  # fmt: skip
    target = path.parent / "kept.xlsx"
    result = run("classify", str(path), "-c", str(rules), "-o", str(target), "-q", "--keep-columns")
    assert result.exit_code == 0, result.stderr
    sheet = fastexcel.read_excel(target).load_sheet(0).to_arrow()
    assert sheet.schema.field("amount").type == pa.float64()
    assert sheet.column("amount").to_pylist() == [3250.0, -5.0, -12.5]
    assert sheet.schema.field("postal").type == pa.string()
    assert sheet.column("postal").to_pylist() == ["13000", "01000", "75001"]
    assert pa.types.is_timestamp(sheet.schema.field("day").type)
    assert [d and d.isoformat() for d in sheet.column("day").to_pylist()] == [
        None, "2026-01-31T00:00:00", "2026-02-01T00:00:00",
    ]  # fmt: skip
    assert sheet.column("stamp").to_pylist()[1].isoformat() == "2026-01-31T14:05:00"
    assert sheet.column("note").to_pylist() == [None, "'-x", "y"]
    import zipfile

    styles = zipfile.ZipFile(target).read("xl/styles.xml").decode()
    assert 'formatCode="yyyy-mm-dd"' in styles  # shown as dates, not serial numbers
    assert 'formatCode="yyyy-mm-dd hh:mm:ss"' in styles
    # the CSV output keeps every input column as written
    text = run("classify", str(path), "-c", str(rules), "-f", "csv", "--keep-columns", "-q")
    assert '"3 250,00 €";"13000";"";"";""' in text.stdout


LONG_RULES = (
    "version: 1\ncustomers: {id: id, name: name}\ncriteria:\n  - {key: big, when: n >= 3}\n"
)


def test_xlsx_refuses_more_customers_than_a_sheet_holds(
    run: Run, write: Write, tmp_path: Path
) -> None:
    """1,048,576 customers and a header are one row too many: refused, never cut."""
    rows = 1_048_576
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("id,n\n")
        out.writelines(f"C{i},{i % 7}\n" for i in range(rows))
    rules = write(
        "r.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: k, when: n >= 3}\n"
    )
    target = tmp_path / "out.xlsx"
    result = run("classify", str(path), "-c", str(rules), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: 1,048,576 customers do not fit in an Excel sheet (1,048,575 rows at most below "
        "the header): nothing was written; write csv or json instead (-f csv)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv", "r.yaml"]


def test_the_sheet_limit_is_one_row_for_the_header() -> None:
    formats.check_sheet_rows(1_048_575)  # fits exactly: no error
    with pytest.raises(UsageError):
        formats.check_sheet_rows(1_048_576)


@pytest.mark.parametrize(
    ("name", "length"),
    [
        ("x" * 40_000, "40,000"),
        ("=" + "x" * 32_766, "32,768"),  # fits as written, not once the formula is neutralised
    ],
)
def test_xlsx_refuses_a_cell_longer_than_excel_holds(
    run: Run, write: Write, tmp_path: Path, name: str, length: str
) -> None:
    data = write("c.csv", f"id,name,n\nA,Ann,1\nB,{name},5\n")
    rules = write("r.yaml", LONG_RULES)
    target = tmp_path / "out.xlsx"
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("classify", str(data), "-c", str(rules), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: column 'name', row 2 (customer B): {length} characters do not fit in an Excel "
        "cell (32,767 at most): nothing was written; write csv or json instead (-f csv)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    kept = run("classify", str(data), "-c", str(rules), "-o", str(target), "--keep-columns")
    assert kept.exit_code == 2  # the kept input column is checked too
    csv_out = run("classify", str(data), "-c", str(rules), "-f", "csv", "-q")
    assert csv_out.exit_code == 0
    assert name[1:] in csv_out.stdout  # CSV has no such limit: whole


def test_xlsx_refuses_more_columns_than_a_sheet_holds(
    run: Run, write: Write, tmp_path: Path
) -> None:
    """--keep-columns on a very wide list: Excel stops at column XFD (16,384)."""
    names = [f"c{i}" for i in range(16_380)]
    data = write("wide.csv", "id,n," + ",".join(names) + "\nA,5," + ",".join(names) + "\n")
    rules = write("r.yaml", LONG_RULES.replace(", name: name", ""))
    target = tmp_path / "out.xlsx"
    result = run("classify", str(data), "-c", str(rules), "-o", str(target), "--keep-columns")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: 16,389 columns do not fit in an Excel sheet (16,384 at most): nothing was "
        "written; write csv or json instead (-f csv)\n"
    )
    assert not target.exists()


def test_xlsx_refuses_a_column_name_longer_than_a_cell(
    run: Run, write: Write, tmp_path: Path
) -> None:
    long_name = "h" * 33_000
    data = write("c.csv", f"id,n,{long_name}\nA,5,x\n")
    rules = write("r.yaml", LONG_RULES.replace(", name: name", ""))
    target = tmp_path / "out.xlsx"
    result = run("classify", str(data), "-c", str(rules), "-o", str(target), "--keep-columns")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: a column name of 33,000 characters ('{'h' * 20}…') does not fit in an Excel "
        "cell (32,767 at most): nothing was written; write csv or json instead (-f csv)\n"
    )
    assert not target.exists()


def test_xlsx_keeps_a_cell_of_exactly_the_limit_whole(
    run: Run, write: Write, tmp_path: Path
) -> None:
    import fastexcel

    name = "y" * 32_767
    data = write("c.csv", f"id,name,n\nA,{name},5\n")
    rules = write("r.yaml", LONG_RULES)
    target = tmp_path / "out.xlsx"
    result = run("classify", str(data), "-c", str(rules), "-o", str(target), "-q")
    assert result.exit_code == 0, result.stderr
    sheet = fastexcel.read_excel(target).load_sheet(0).to_arrow()
    assert sheet.column("name").to_pylist() == [name]


def test_batch_fails_only_the_input_too_big_for_xlsx(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    (folder / "long.csv").write_text(f"id,name,n\nA,{'z' * 40_000},5\n", encoding="utf-8")
    (folder / "short.csv").write_text("id,name,n\nB,Bob,5\n", encoding="utf-8")
    rules = tmp_path / "r.yaml"
    rules.write_text(LONG_RULES, encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", str(folder), "-c", str(rules), "-o", str(out), "-f", "xlsx", "-j", "1")
    assert result.exit_code == 3
    assert (
        f"error: failed: {folder / 'long.csv'}: column 'name', row 2 (customer A): 40,000 "
        "characters do not fit in an Excel cell (32,767 at most): nothing was written; write "
        "csv or json instead (-f csv)"
    ) in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["short.xlsx", "summary.csv"]


def test_a_ragged_row_on_standard_input_is_numbered(run: Run, write: Write) -> None:
    rules = write(
        "c.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: k, when: x > 1}\n"
    )
    result = run("classify", "-", "-c", str(rules), input=b"id,x\nA,1\nB,2,3\n")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: <stdin>: row 3 has 3 fields but the header has 2: quote values that contain ',', "
        "or pass --delimiter if the file uses another separator\n",
    )


def test_reader_errors_speak_french_when_the_user_does(
    run: Run, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    bad = write("vide.csv", b"")
    result = run("classify", str(bad), "-c", CRIT)
    assert (result.exit_code, result.stderr) == (
        2,
        f"erreur : {bad} est vide : une ligne d'en-tête nommant les colonnes est attendue\n",
    )


def test_cp1252_file_from_standard_input(run: Run) -> None:
    data = Path(FR).read_bytes()
    result = run(
        "classify", "-", "-c", CRIT, "-f", "json", "-q", "--as-of", "2026-11-23", input=data
    )
    assert result.exit_code == 0, result.stderr
    original = _classify_json(run, EX, "-c", CRIT)
    assert json.loads(result.stdout)["customers"] == original["customers"]


# --- amounts written with a currency sign ---------------------------------------------------

AMOUNTS_CRITERIA = """\
version: 1
customers:
  id: code
criteria:
  - key: big
    when: {when}
policy:
  order_by: [ca desc]
"""


def _amounts(write: Write, cells: list[str]) -> str:
    rows = "".join(f"C{i:02d};{cell}\r\n" for i, cell in enumerate(cells, start=1))
    return str(write("ca.csv", ("code;ca\r\n" + rows).encode("cp1252")))


def test_euro_amounts_are_compared_and_ordered_as_numbers(run: Run, write: Write) -> None:
    data = _amounts(write, ["520,20 €", "5 812,40 €", "999,99 €", "1 000,00 €", "-1 234,50 €"])
    rules = write("r.yaml", AMOUNTS_CRITERIA.format(when="ca > 1000"))
    result = run("classify", data, "-c", str(rules), "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["customers"]
    assert [(r["code"], r["segment"]) for r in rows] == [
        ("C02", "satisfied"),  # 5 812,40 € > 1000, and first by amount
        ("C04", "unrecoverable"),
        ("C03", "unrecoverable"),
        ("C01", "unrecoverable"),
        ("C05", "unrecoverable"),
    ]
    assert result.stderr.count("warning") == 0


def test_an_amount_compared_with_a_quoted_number_is_an_error(run: Run, write: Write) -> None:
    data = _amounts(write, ["520,20 €", "5 812,40 €", "n/a", "1 000,00 €", "-"])
    rules = write("r.yaml", AMOUNTS_CRITERIA.format(when='ca > "1000"'))
    result = run("classify", data, "-c", str(rules))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"error: {rules}:6 criteria[0] (big).when: `>` compares column 'ca' (text) with "
        '"1000" as text, so "999" comes after "1000", and quotes never make a number of it: the '
        "column is read as text because row 4 holds 'n/a', row 6 holds '-', which are not "
        "numbers; correct these cells (or blank them), then compare with a number, without "
        'quotes\n    ca > "1000"\n    ^^^^^^^^^^^\n'
    )
    # check says the same, not "usable"
    checked = run("check", data, "-c", str(rules))
    assert checked.exit_code == 2
    assert "row 4 holds 'n/a'" in checked.stderr


def test_an_amount_column_with_a_word_names_its_first_cells(run: Run, write: Write) -> None:
    cells = ["520,20 €", "n/a", "5 812,40 €", "?", "1 €", "x", "2 €", "y", "3 €", "4 €"]
    data = _amounts(write, cells)
    rules = write("r.yaml", AMOUNTS_CRITERIA.format(when="ca > 1000"))
    result = run("classify", data, "-c", str(rules), "--lang", "fr")
    assert result.exit_code == 2
    assert (
        "la colonne est lue comme du texte car la ligne 3 contient 'n/a', la ligne 5 contient "
        "'?', la ligne 7 contient 'x' et 1 de plus, qui ne sont pas des nombres ; corrigez ces "
        "cellules (ou videz-les)" in result.stderr
    )
    assert "guillemets" not in result.stderr


@pytest.mark.parametrize(
    ("cells", "named"),
    [
        (["100", "n/a"], "row 3 holds 'n/a', which is not a number; correct that cell"),
        (["100", "n/a", "abc"], "row 3 holds 'n/a', row 4 holds 'abc', which are not numbers"),
    ],
)
def test_a_column_compared_with_a_number_names_its_cells_even_when_half_are_words(
    run: Run, write: Write, cells: list[str], named: str
) -> None:
    data = _amounts(write, cells)
    rules = write("r.yaml", AMOUNTS_CRITERIA.format(when="ca > 10"))
    result = run("classify", data, "-c", str(rules))
    assert result.exit_code == 2
    assert (
        f"`>` compares column 'ca' (text) with 10 (number): the column is read as text because "
        f"{named}" in result.stderr
    )
    # a quoted value is refused only when most cells are numbers: here it orders text
    quoted = write("q.yaml", AMOUNTS_CRITERIA.format(when='ca > "10"'))
    assert run("classify", data, "-c", str(quoted), "-q", "-f", "csv").exit_code == 0


def test_a_column_in_two_currencies_is_text_and_says_so(run: Run, write: Write) -> None:
    data = _amounts(write, ["12,00 €", "$5.00", "3 €"])
    rules = write("r.yaml", AMOUNTS_CRITERIA.format(when="ca > 10"))
    result = run("classify", data, "-c", str(rules))
    assert result.exit_code == 2
    assert (
        "`>` compares column 'ca' (text) with 10 (number): the column is read as text because "
        "it mixes currencies ('12,00 €', '$5.00'); amounts in two currencies are never compared "
        "as one number: put each currency in its own column\n" in result.stderr
    )


def test_a_percentage_beside_amounts_is_text_in_two_units_not_two_currencies(
    run: Run, write: Write
) -> None:
    data = str(write("ca.csv", "code;ca\nC01;12,5 %\nC02;3 250,00 €\nC03;7 %\n"))
    rules = write("r.yaml", AMOUNTS_CRITERIA.format(when="ca > 100"))
    result = run("classify", data, "-c", str(rules), "-f", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "currenc" not in result.stderr
    assert result.stderr.startswith(
        f"warning: {data}: column 'ca' mixes units, '12,5 %' (percent) and '3 250,00 €' (euro): "
        "it is read as text, since values in different units are never compared as one number; "
        "put each unit in its own column\n"
    )
    assert (
        "`>` compares column 'ca' (text) with 100 (number): the column is read as text because "
        "it mixes units, '12,5 %' (percent) and '3 250,00 €' (euro); values in different units "
        "are never compared as one number: put each unit in its own column\n" in result.stderr
    )
    french = run("classify", data, "-c", str(rules), "-f", "csv", "--lang", "fr")
    assert (
        "la colonne 'ca' mélange des unités, '12,5 %' (pourcentage) et '3 250,00 €' (euro) : "
        "elle est lue comme du texte" in french.stderr
    )


def test_days_since_reads_pandas_timestamps_in_parquet(run: Run, write: Write) -> None:
    frame = pd.DataFrame(
        {
            "id": ["A", "B", "C"],
            "seen": pd.to_datetime(["2026-02-27 14:05:00.123", "2025-01-01 08:00:00.000", None]),
            "paid": pd.to_datetime(
                ["2026-02-28 23:30", "2025-01-01 00:00", "2026-01-01 00:00"], utc=True
            ),
        }
    )
    frame["paid"] = frame["paid"].dt.tz_convert("Europe/Paris")  # B's 00:00 UTC: 01:00 there
    path = write("c.parquet", b"")
    frame.to_parquet(path)
    criteria = write(
        "c.yaml",
        "version: 1\ncustomers:\n  id: id\ncriteria:\n"
        "  - key: recent\n    when: days_since(seen) <= 30\n"
        "  - key: paid_this_month\n    when: days_since(paid) == 0\n",
    )
    result = run(
        "classify", str(path), "-c", str(criteria), "--as-of", "2026-03-01",
        "-f", "csv", "-q", "--keep-columns",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = [
        (row["id"], row["criteria"], row["seen"], row["paid"])
        for row in csv.DictReader(io.StringIO(result.stdout))
    ]
    assert rows == [
        # 23:30 UTC on 28 February is 00:30 on 1 March in Paris: paid on the as-of day
        ("A", "recent|paid_this_month", "2026-02-27 14:05:00.123", "2026-03-01 00:30:00+01:00"),
        ("B", "", "2025-01-01 08:00:00", "2025-01-01 01:00:00+01:00"),
        ("C", "", "", "2026-01-01 01:00:00+01:00"),
    ]


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "table", "xlsx"])
def test_keep_columns_with_parquet_lists_and_structs_in_every_format(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    table = pa.table(
        {
            "customer_id": ["C1", "C2"],
            "orders_12m": [5, 1],
            "tags": pa.array([["vip", "nord"], None], pa.list_(pa.string())),
            "address": pa.array(
                [{"city": "Lyon"}, {"city": None}], pa.struct([("city", pa.string())])
            ),
            "photo": pa.array([b"\x89PNG", None], pa.binary()),
        }
    )
    source = tmp_path / "c.parquet"
    pq.write_table(table, source)
    rules = tmp_path / "c.yaml"
    rules.write_text(ONE_CRITERION, encoding="utf-8")
    out = tmp_path / f"out.{'md' if fmt == 'markdown' else 'txt' if fmt == 'table' else fmt}"
    result = run("classify", str(source), "-c", str(rules), "--keep-columns", "-o", str(out), "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    if fmt == "xlsx":
        import fastexcel

        sheet = fastexcel.read_excel(out).load_sheet(0, dtypes="string").to_arrow()
        assert sheet.column("tags").to_pylist() == ['["vip", "nord"]', None]
        return
    written = out.read_text(encoding="utf-8")
    if fmt == "table":  # the table shows the method's columns only
        assert "C1" in written
        return
    assert "vip" in written
    assert "Lyon" in written
    assert "89504e47" in written


def test_parquet_with_a_duplicated_column_is_one_line_and_exit_2(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    columns = [pa.array(["1"]), pa.array([1]), pa.array([2])]
    pq.write_table(
        pa.Table.from_arrays(columns, names=["customer_id", "orders_12m", "orders_12m"]), path
    )
    result = run("classify", str(path), "-c", CRIT, "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}: columns 2 and 3 are both named 'orders_12m': rename one of them\n"
    )
    assert not (tmp_path / "out.csv").exists()


# --- title lines above the header -----------------------------------------------------------

TITLED_CRITERIA = """\
version: 1
customers:
  id: Code client
  name: Nom
criteria:
  - key: gros
    when: CA > 1000
policy:
  order_by: [CA desc]
"""


def _titled(write: Write, title: str = "Export clients au 04/12/2026;;", ids: str = "") -> Path:
    rows = [title, ";;", "Code client;Nom;CA"]
    for i, amount in enumerate(["3 250,00 €", "520,20 €", "5 812,40 €"], start=1):
        rows.append(f"{ids or f'C{i:03d}'};Société {i};{amount}")
    return write("export.csv", ("\r\n".join(rows) + "\r\n").encode("cp1252"))


@pytest.mark.parametrize(
    "title", ["Export clients au 04/12/2026;;", "Export clients au 04/12/2026"]
)
def test_title_lines_above_the_header_are_skipped(run: Run, write: Write, title: str) -> None:
    data = _titled(write, title)
    rules = write("r.yaml", TITLED_CRITERIA)
    result = run("classify", str(data), "-c", str(rules), "-f", "csv", "-v", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{data}: csv, cp1252, delimiter ';', 3 rows, header on row 3\n"
    assert result.stdout.splitlines()[1:] == [
        '"C003";"Société 3";"satisfied";1;1;"gros";"";"";'
        '"Thank them, reward loyalty, ask for referrals."',
        '"C001";"Société 1";"satisfied";2;1;"gros";"";"";'
        '"Thank them, reward loyalty, ask for referrals."',
        '"C002";"Société 2";"unrecoverable";3;0;"";"";"";"Do not spend your time here."',
    ]
    for command in (["check", str(data)], ["explain", str(data), "C002"]):
        assert run(*command, "-c", str(rules)).exit_code == 0


def test_header_row_forces_the_header_and_rows_count_from_the_file(run: Run, write: Write) -> None:
    data = _titled(write, ids="C001")  # the same id on rows 4, 5 and 6 of the file
    rules = write("r.yaml", TITLED_CRITERIA)
    result = run("classify", str(data), "-c", str(rules), "--header-row", "3")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {data}: Code client 'C001' appears on rows 4, 5, 6: each customer must "
        "appear once\n"
    )
    first = run("classify", str(data), "-c", str(rules), "--header-row", "1")
    assert first.exit_code == 2
    assert first.stderr.startswith(f"error: {data} has no column 'Code client'")
    assert "--header-row N" not in first.stderr  # the user chose the row
    beyond = run("classify", str(data), "-c", str(rules), "--header-row", "40")
    assert beyond.stderr == f"error: {data} has no row 40 (--header-row)\n"


@pytest.mark.parametrize("engine", ["arrow", "duckdb"])
def test_header_row_on_a_blank_line_says_the_row_is_blank(
    run: Run, write: Write, engine: str
) -> None:
    data = write("export.csv", "Export clients au 04/12/2026\n\nCode client;CA\nC001;5\n")
    rules = write("r.yaml", TITLED_CRITERIA)
    out = data.parent / "out.csv"
    options = ["-c", str(rules), "-o", str(out), "--engine", engine, "--header-row", "2"]
    result = run("classify", str(data), *options)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {data}: row 2, given by --header-row, is blank: pass the number of the row "
        "that names the columns\n",
    )
    assert not out.exists()
    french = run("classify", str(data), *options, "--lang", "fr")
    assert french.stderr == (
        f"erreur : {data} : la ligne 2, donnée par --header-row, est vide : passez le numéro de "
        "la ligne qui nomme les colonnes\n"
    )


@pytest.mark.parametrize("engine", ["arrow", "duckdb"])
@pytest.mark.parametrize(
    ("header_row", "expected"),
    [
        # the header found, forced where it is, or a data row taken for it: the short row is
        # row 7 of the file, title lines counted
        (None, "row 7 has 2 fields but the header has 3"),
        ("3", "row 7 has 2 fields but the header has 3"),
        ("4", "row 7 has 2 fields but the header has 3"),
    ],
)
def test_a_ragged_row_is_named_by_its_row_in_the_file_whatever_the_header_row(
    run: Run, write: Write, engine: str, header_row: str | None, expected: str
) -> None:
    rows = ["Export clients au 04/12/2026", "Société X", "Code client;Nom;CA"]
    rows += ["C001;A;1", "C002;B;2", "C003;C;3", "C004;D", "C005;E;5"]
    data = write("export.csv", "\n".join(rows) + "\n")
    rules = write("r.yaml", TITLED_CRITERIA)
    forced = ["--header-row", header_row] if header_row else []
    result = run("classify", str(data), "-c", str(rules), "--engine", engine, *forced)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {data}: {expected}: quote values that contain ';', or pass --delimiter if the "
        "file uses another separator\n",
    )


def test_an_id_column_in_none_of_the_first_rows_suggests_header_row(run: Run, write: Write) -> None:
    data = write("deep.csv", "Rapport\n" * 25 + "Code client;Nom;CA\nC1;A;1\n")
    rules = write("r.yaml", TITLED_CRITERIA)
    result = run("classify", str(data), "-c", str(rules))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {data} has no column 'Code client' (customers.id in the criteria file); its "
        "columns are: Rapport; it is in none of the first 20 rows either: if the header is "
        "further down, pass --header-row N (its row number in the file)\n"
    )
    forced = run("classify", str(data), "-c", str(rules), "--header-row", "26", "-f", "json")
    assert forced.exit_code == 0, forced.stderr
    assert json.loads(forced.stdout)["summary"]["total"] == 1


def test_a_workbook_with_a_title_in_a1(run: Run, tmp_path: Path) -> None:
    import xlsxwriter

    book = tmp_path / "export.xlsx"
    workbook = xlsxwriter.Workbook(str(book))
    sheet = workbook.add_worksheet()
    sheet.write(0, 0, "Export clients au 04/12/2026")
    for c, name in enumerate(["Code client", "Nom", "CA"]):
        sheet.write(2, c, name)
    for r, (code, name, amount) in enumerate([("C001", "A", 3250.0), ("C002", "B", "520,20 €")]):
        sheet.write_row(3 + r, 0, [code, name, amount])
    workbook.close()
    rules = tmp_path / "r.yaml"
    rules.write_text(TITLED_CRITERIA, encoding="utf-8")
    result = run("classify", str(book), "-c", str(rules), "-f", "json", "-v")
    assert result.exit_code == 0, result.stderr
    assert f"{book}: xlsx, sheet 'Sheet1', 2 rows, header on row 3\n" in result.stderr
    customers = json.loads(result.stdout)["customers"]
    assert [(c["Code client"], c["segment"]) for c in customers] == [
        ("C001", "satisfied"),
        ("C002", "unrecoverable"),
    ]
