"""The command line as a user meets it: outputs, streams, files, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import (
    AS_OF,
    CRIT,
    EX,
    EXAMPLE,
    EXAMPLE_CRITERIA,
    ROOT,
    SMALL_CRITERIA,
    Run,
    Write,
)
from portfolio_cli.criteria import load_criteria
from portfolio_cli.engine import classify
from portfolio_cli.readers import read_customers
from portfolio_cli.writers.formats import output_table, to_json

SMALL_CSV = """\
id,name,orders,score,region
A1,Alice,5,10,Bretagne
A2,Bob,4,,Bretagne
A3,Chloé,0,3,Corse
"""


@pytest.fixture
def small(write: Write) -> tuple[str, str]:
    return str(write("customers.csv", SMALL_CSV)), str(write("criteria.yaml", SMALL_CRITERIA))


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- classify -----------------------------------------------------------------------------------


def test_example_table_shows_customers_summary_and_advice(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    assert "Portfolio quality 75.0 %" in out
    assert "Satisfied 88 (29 %) · Easy to satisfy 137 (46 %) · Unrecoverable 75 (25 %)" in out
    assert "… 250 more customers: --limit 0 shows all, -f csv exports them" in out
    assert (
        "Unrecoverable because: no criterion met 45 · outside_area 12 · chronic_complainer 18"
        in out
    )
    assert "Satisfied: Thank them, reward loyalty, ask for referrals." in out


def test_csv_on_stdout_is_the_document_alone(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "-f", "csv", "--as-of", AS_OF)
    assert result.exit_code == 0
    rows = read_csv(result.stdout)
    assert len(rows) == 300
    assert list(rows[0]) == [
        "customer_id",
        "name",
        "segment",
        "priority",
        "criteria_met",
        "criteria",
        "problems",
        "compensated",
        "action",
    ]
    assert [r["priority"] for r in rows] == [str(i) for i in range(1, 301)]
    assert {r["segment"] for r in rows} == {"satisfied", "easy_to_satisfy", "unrecoverable"}
    assert "Portfolio quality 75.0 %" in result.stderr


def test_json_of_a_large_list_has_every_customer_once_in_priority_order(
    run: Run, tmp_path: Path
) -> None:
    """JSON and Markdown turn the customers into Python objects a slice at a time (so that a
    signal is handled meanwhile): every customer is there once, in the same order as in CSV."""
    data = tmp_path / "many.csv"
    rows = 20_001  # more than two slices, the last one short
    data.write_text(
        "id,n\n" + "".join(f"C{i:05d},{i % 7}\n" for i in range(rows)), encoding="utf-8"
    )
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: big, when: n >= 3}\n",
        encoding="utf-8",
    )
    as_json = run("classify", str(data), "-c", str(rules), "-f", "json", "-q")
    as_csv = run("classify", str(data), "-c", str(rules), "-f", "csv", "-q")
    as_markdown = run("classify", str(data), "-c", str(rules), "-f", "markdown", "-q")

    assert (as_json.exit_code, as_csv.exit_code, as_markdown.exit_code) == (0, 0, 0)
    customers = json.loads(as_json.stdout)["customers"]
    in_csv = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [c["id"] for c in customers] == [r["id"] for r in in_csv]
    assert sorted(c["id"] for c in customers) == [f"C{i:05d}" for i in range(rows)]
    assert [c["priority"] for c in customers] == list(range(1, rows + 1))
    table_rows = as_markdown.stdout.splitlines()[2:]  # after the header and its rule
    assert [line.split(" | ")[0].removeprefix("| ") for line in table_rows] == [
        r["id"] for r in in_csv
    ]
    assert [c["criteria"] for c in customers] == [
        r["criteria"].split("|") if r["criteria"] else [] for r in in_csv
    ]


def test_json_equals_what_the_library_returns(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "-f", "json", "--as-of", AS_OF, "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    rules = load_criteria(EXAMPLE_CRITERIA)
    from datetime import date

    customers = read_customers(EXAMPLE, "customer_id", text_columns=["name"])
    expected = classify(customers, rules, date(2026, 11, 23))
    assert result.stdout.encode() == to_json(output_table(expected), expected.summary)
    document = json.loads(result.stdout)
    assert document["summary"]["segments"] == {
        "satisfied": 88,
        "easy_to_satisfy": 137,
        "unrecoverable": 75,
    }
    assert document["summary"]["quality"] == 0.75
    first = document["customers"][0]
    assert first["criteria"] == ["repeat_buyer", "promoter", "pays_on_time"]
    assert first["problems"] == []


def test_machine_formats_carry_exact_quality_and_nps(
    run: Run, write: Write, tmp_path: Path
) -> None:
    """7 customers, 4 of them satisfied or easy: quality 4/7, not 0.5714; NPS 100/3, not 33.3."""
    rows = "".join(f"C{i},n{i},{o},{s},Bretagne\n" for i, (o, s) in enumerate(
        [(5, 10), (5, 9), (0, 10), (4, 3), (0, 2), (0, 3), (0, 1)]
    ))  # fmt: skip
    data = write("seven.csv", "id,name,orders,score,region\n" + rows)
    rules = str(write("rules.yaml", SMALL_CRITERIA))
    history = tmp_path / "history.sqlite"
    result = run(
        "classify", str(data), "-c", rules, "-f", "json", "--as-of", AS_OF, "-q",
        "--history", str(history),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["quality"] == 4 / 7
    assert summary["nps"] == 100 * (3 - 4) / 7
    listing = json.loads(run("history", str(history), "-f", "json").stdout)
    assert listing["snapshots"][0]["quality"] == 4 / 7
    assert listing["snapshots"][0]["nps"] == 100 * (3 - 4) / 7
    out = tmp_path / "out"
    batch = run("batch", str(data), "-c", rules, "-o", str(out), "--as-of", AS_OF, "-q")
    assert batch.exit_code == 0, batch.stderr
    summary_row = read_csv((out / "summary.csv").read_text(encoding="utf-8-sig"))[0]
    assert float(summary_row["quality"]) == 4 / 7
    # people read rounded figures
    table = run("classify", str(data), "-c", rules, "--as-of", AS_OF)
    assert "57.1" in table.stdout


def test_compensated_customer_in_the_example(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "-f", "csv", "--as-of", AS_OF, "-q")
    rows = {r["customer_id"]: r for r in read_csv(result.stdout)}
    assert rows["C0114"]["segment"] == "easy_to_satisfy"
    assert rows["C0114"]["compensated"] == "chronic_complainer"
    assert rows["C0114"]["problems"] == ""
    assert rows["C0176"]["segment"] == "unrecoverable"
    assert rows["C0176"]["problems"] == "outside_area"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.csv", lambda text: text.startswith("customer_id,name,segment")),
        ("out.json", lambda text: json.loads(text)["summary"]["total"] == 300),
        ("out.md", lambda text: text.startswith("| customer_id | name | segment |")),
        ("out.txt", lambda text: "Portfolio quality 75.0 %" in text),
    ],
)
def test_output_format_comes_from_the_suffix(
    run: Run, tmp_path: Path, name: str, check: Callable[[str], bool]
) -> None:
    target = tmp_path / name
    result = run("classify", EX, "-c", CRIT, "-o", str(target), "--as-of", AS_OF)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert check(target.read_text(encoding="utf-8"))
    assert f"wrote {target}" in result.stderr or name.endswith(".txt")


def test_a_table_written_to_a_file_holds_every_customer(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    result = run("classify", EX, "-c", CRIT, "-o", str(target), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert "more customers" not in text
    assert "C0019" in text  # rank 300, the last
    assert len([line for line in text.splitlines() if " C0" in line]) == 300
    five = tmp_path / "five.txt"
    asked = run("classify", EX, "-c", CRIT, "-o", str(five), "--as-of", AS_OF, "--limit", "5")
    assert asked.exit_code == 0
    assert "… 295 more customers: --limit 0 shows all" in five.read_text(encoding="utf-8")
    shown = run("classify", EX, "-c", CRIT, "--as-of", AS_OF)  # on screen: 50 by default
    assert "… 250 more customers" in shown.stdout


def test_output_dash_is_standard_output(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    to_stdout = run("classify", EX, "-c", CRIT, "-f", "csv", "--as-of", AS_OF, "-q")
    dash = run("classify", EX, "-c", CRIT, "-f", "csv", "--as-of", AS_OF, "-q", "-o", "-")
    assert (dash.exit_code, dash.stderr) == (0, "")
    assert dash.stdout == to_stdout.stdout
    assert list(tmp_path.iterdir()) == []  # no file named '-'


def test_unknown_suffix_is_an_error_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    result = run("classify", EX, "-c", CRIT, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: cannot tell the format from 'out.pdf': use a .csv, .json, .xlsx or .md name, "
        "or pass --format\n"
    )
    assert not target.exists()


def test_tsv_suffix_writes_tab_separated_csv(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.tsv"
    result = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(target), "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "\t".join(
        ["customer_id", "name", "segment", "priority", "criteria_met", "criteria", "problems",
         "compensated", "action"]
    )  # fmt: skip
    assert len(lines) == 301
    chosen = tmp_path / "chosen.tsv"
    semicolons = run("classify", EX, "-c", CRIT, "-o", str(chosen), "--out-delimiter", ";", "-q")
    assert semicolons.exit_code == 0
    assert chosen.read_text(encoding="utf-8-sig").startswith("customer_id;name;segment;")


def test_an_error_leaves_the_previous_output_untouched(
    run: Run, tmp_path: Path, write: Write
) -> None:
    target = write("out.csv", "previous run\n")
    broken = write("broken.csv", "customer_id,name\nC1,a\nC1,b\n")
    result = run("classify", str(broken), "-c", CRIT, "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "previous run\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_column_the_input_lacks_is_reported_at_its_line(
    run: Run, tmp_path: Path, small: tuple[str, str], write: Write
) -> None:
    data, _ = small
    rules = write("named.yaml", SMALL_CRITERIA.replace("  name: name\n", "  name: nmae\n"))
    target = tmp_path / "out.csv"
    result = run("classify", data, "-c", str(rules), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {rules}:4 customers.name: unknown column 'nmae' (did you mean 'name'?)\n"
    )
    assert not target.exists()


def test_output_cannot_overwrite_the_input(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    before = Path(data).read_text()
    result = run("classify", data, "-c", rules, "-o", data)
    assert result.exit_code == 2
    assert "would overwrite the input" in result.stderr
    assert Path(data).read_text() == before


def test_output_in_a_missing_folder(run: Run, tmp_path: Path, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("classify", data, "-c", rules, "-o", str(tmp_path / "nope" / "out.csv"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write ")
    assert "the folder" in result.stderr


def test_fail_under_exits_1_after_writing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run("classify", EX, "-c", CRIT, "-o", str(target), "--fail-under", "80", "-q")
    assert result.exit_code == 1
    assert target.exists()
    assert result.stderr == "portfolio quality 75.0 % is below --fail-under 80 %\n"
    # strictly below: 75 is not below 75
    assert run("classify", EX, "-c", CRIT, "-f", "csv", "--fail-under", "75", "-q").exit_code == 0


@pytest.mark.parametrize(("met", "total"), [(29, 100), (57, 100), (29, 50)])
def test_fail_under_at_exactly_the_quality_passes(
    run: Run, write: Write, met: int, total: int
) -> None:
    # 29 of 100 is 29 %, not below 29 (a float times 100 reads 28.999999999999996)
    rows = "".join(f"C{i:03d},{10 if i < met else 1}\n" for i in range(total))
    data = write("list.csv", "id,score\n" + rows)
    rules = write("fans.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n"
                  "  - key: fan\n    when: score >= 9\n")  # fmt: skip
    quality = 100 * met // total
    args = ("classify", str(data), "-c", str(rules), "-f", "csv", "-q", "--fail-under")
    assert run(*args, str(quality)).exit_code == 0
    below = run(*args, f"{quality}.01")
    assert below.exit_code == 1
    assert below.stderr == f"portfolio quality {quality}.0 % is below --fail-under {quality}.01 %\n"


def test_fail_under_range_is_checked(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "--fail-under", "120")
    assert result.exit_code == 2
    assert "Invalid value for '--fail-under'" in result.stderr


def test_quiet_prints_nothing_on_success(run: Run, tmp_path: Path) -> None:
    result = run("classify", EX, "-c", CRIT, "-o", str(tmp_path / "o.csv"), "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_standard_input(run: Run, small: tuple[str, str]) -> None:
    _, rules = small
    result = run("classify", "-", "-c", rules, "-f", "csv", "-q", input=SMALL_CSV)
    assert result.exit_code == 0
    assert [(r["id"], r["segment"]) for r in read_csv(result.stdout)] == [
        ("A1", "satisfied"),
        ("A2", "easy_to_satisfy"),
        ("A3", "unrecoverable"),
    ]


def test_keep_columns_appends_the_input_as_written(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "-f", "csv", "--keep-columns", "-q")
    rows = read_csv(result.stdout)
    assert list(rows[0])[9:] == [
        "city",
        "region",
        "postal_code",
        "orders_12m",
        "total_spent",
        "last_order_date",
        "recommend_score",
        "complaints_12m",
        "late_payments",
    ]
    postcodes = {r["customer_id"]: r["postal_code"] for r in rows}
    assert postcodes["C0064"] == "01000"
    assert {r["customer_id"] for r in rows} == {f"C{i:04d}" for i in range(1, 301)}


# an input whose columns bear the output's names, and the names a rename would pick
CLASHING = (
    "id,name,segment,input_segment,action,input_action_2,previous_segment,n\n"
    "A,Ann,s1,is1,a1,ia1,p1,5\n"
    "B,Bob,s2,is2,a2,ia2,p2,1\n"
)
CLASHING_RULES = (
    "version: 1\ncustomers: {id: id, name: name}\ncriteria:\n  - {key: big, when: n >= 3}\n"
)
KEPT = {  # every input column → its name in the output, and its values (A first, then B)
    "segment": "input_segment_2",
    "input_segment": "input_segment",
    "action": "input_action",
    "input_action_2": "input_action_2",
    "previous_segment": "previous_segment",
    "n": "n",
}


def _kept_values(records: list[dict[str, object]]) -> dict[str, list[str]]:
    return {column: [str(r[KEPT[column]]) for r in records] for column in KEPT}


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "xlsx"])
def test_keep_columns_never_hides_a_column(
    run: Run, write: Write, tmp_path: Path, fmt: str
) -> None:
    """An input holding `segment` and `input_segment` keeps both, under names said on stderr."""
    data, rules = write("c.csv", CLASHING), write("r.yaml", CLASHING_RULES)
    out = tmp_path / f"out.{ {'markdown': 'md'}.get(fmt, fmt) }"
    result = run("classify", str(data), "-c", str(rules), "-o", str(out), "--keep-columns")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "warning: --keep-columns: the input's column 'segment' is written as 'input_segment_2', "
        "since the output has a column 'segment' already",
        "warning: --keep-columns: the input's column 'action' is written as 'input_action', "
        "since the output has a column 'action' already",
    ]
    if fmt == "csv":
        records: list[dict[str, object]] = list(read_csv(out.read_text(encoding="utf-8")))
        header = list(records[0])
    elif fmt == "json":
        records = json.loads(out.read_text(encoding="utf-8"))["customers"]
        header = list(records[0])
    elif fmt == "xlsx":
        from portfolio_cli.readers import read_text

        table = read_text(out).table
        records, header = table.to_pylist(), table.column_names
    else:
        lines = out.read_text(encoding="utf-8").splitlines()
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        records = [
            dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True))
            for line in lines[2:]
        ]
    assert header == [
        "id", "name", "segment", "priority", "criteria_met", "criteria", "problems",
        "compensated", "action", *KEPT.values(),
    ]  # fmt: skip
    assert [r["segment"] for r in records] == ["satisfied", "unrecoverable"]
    assert _kept_values(records) == {
        "segment": ["s1", "s2"],
        "input_segment": ["is1", "is2"],
        "action": ["a1", "a2"],
        "input_action_2": ["ia1", "ia2"],
        "previous_segment": ["p1", "p2"],
        "n": ["5", "1"],
    }


def test_keep_columns_with_history_keeps_the_inputs_previous_segment(
    run: Run, write: Write, tmp_path: Path
) -> None:
    data, rules = write("c.csv", CLASHING), write("r.yaml", CLASHING_RULES)
    history = str(tmp_path / "h.sqlite")
    result = run("classify", str(data), "-c", str(rules), "-f", "json", "--keep-columns",
                 "--history", history, "--as-of", AS_OF, "-q")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    first = json.loads(result.stdout)["customers"][0]
    assert list(first)[9:] == [
        "previous_segment", "segment_since", "input_segment_2", "input_segment", "input_action",
        "input_action_2", "input_previous_segment", "n",
    ]  # fmt: skip
    assert (first["previous_segment"], first["input_previous_segment"]) == (None, "p1")


def test_keep_columns_names_are_the_same_when_the_file_is_read_in_parts(
    run: Run, write: Write
) -> None:
    data, rules = write("c.csv", CLASHING), write("r.yaml", CLASHING_RULES)
    whole = run("classify", str(data), "-c", str(rules), "-f", "csv", "--keep-columns", "-q")
    parts = run("classify", str(data), "-c", str(rules), "-f", "csv", "--keep-columns", "-q",
                "--chunk-rows", "1")  # fmt: skip
    assert parts.exit_code == whole.exit_code == 0
    assert parts.stdout == whole.stdout
    assert _kept_values(list(read_csv(parts.stdout)))["segment"] == ["s1", "s2"]


def test_header_only_file_is_zero_customers(run: Run, write: Write, small: tuple[str, str]) -> None:
    _, rules = small
    empty = write("empty.csv", "id,name,orders,score,region\n")
    result = run("classify", str(empty), "-c", rules, "-f", "json", "-q")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["customers"] == []
    assert document["summary"]["total"] == 0
    assert document["summary"]["quality"] is None


def test_header_only_table_gives_no_advice_for_no_customer(
    run: Run, write: Write, small: tuple[str, str]
) -> None:
    _, rules = small
    empty = write("empty.csv", "id,name,orders,score,region\n")
    result = run("classify", str(empty), "-c", rules)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "empty.csv — 0 customers" in result.stdout
    assert "Satisfied 0 · Easy to satisfy 0 · Unrecoverable 0" in result.stdout
    assert "What to do" not in result.stdout  # a heading over nothing
    assert result.stdout.endswith("Unrecoverable 0\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "error: {path} is empty: expected a header row naming the columns\n"),
        (
            b"id,name,orders,score,region\nA1,x,1,1,a\nA1,y,2,2,b\nA2,z,3,3,c\nA2,w,3,3,c\n",
            "error: {path}: id 'A1' appears on rows 2, 3 (1 other id also repeats): "
            "each customer must appear once\n",
        ),
        (
            b"id,name,orders,score,region\nA1,x,1,1,a\n ,y,2,2,b\n",
            "error: {path}: id is blank on row 3: every customer needs an id\n",
        ),
        (
            b"ID,name,orders,score,region\nA1,x,1,1,a\n",
            "error: {path} has no column 'id' (customers.id in the criteria file); "
            "did you mean 'ID'?\n",
        ),
        (
            b"A1,x,1,2,a\nA2,y,2,2,b\n",
            "error: {path} has no column 'id' (customers.id in the criteria file); its columns "
            "are: A1, x, 1, 2, a. Its first row looks like data: the file needs a header row\n",
        ),
        (
            b"id,name,orders,score,region\nA1,x,1,1,a\nA2,y,2,2,b,extra\n",
            "error: {path}: row 3 has 6 fields but the header has 5: quote values that contain "
            "',', or pass --delimiter if the file uses another separator\n",
        ),
    ],
    ids=["empty", "duplicate-ids", "blank-id", "missing-id", "no-header", "ragged"],
)
def test_bad_inputs_end_with_one_clear_line(
    run: Run, write: Write, small: tuple[str, str], content: bytes, message: str
) -> None:
    _, rules = small
    path = write("bad.csv", content)
    result = run("classify", str(path), "-c", rules, "-o", str(path.parent / "out.csv"))
    assert result.exit_code == 2
    assert result.stderr == message.format(path=path)
    assert not (path.parent / "out.csv").exists()


def test_missing_input_file(run: Run, small: tuple[str, str]) -> None:
    _, rules = small
    result = run("classify", "nowhere.csv", "-c", rules)
    assert (result.exit_code, result.stderr) == (2, "error: file not found: nowhere.csv\n")


def test_criteria_lookup_order(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small: tuple[str, str]
) -> None:
    data, rules = small
    monkeypatch.chdir(tmp_path / "..")
    result = run("classify", data)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no criteria file: pass -c FILE, set PORTFOLIO_CRITERIA, or run `portfolio init` "
        "to write criteria.yaml here\n"
    )
    monkeypatch.setenv("PORTFOLIO_CRITERIA", rules)
    assert run("classify", data, "-q", "-f", "csv").exit_code == 0
    monkeypatch.delenv("PORTFOLIO_CRITERIA")
    monkeypatch.chdir(tmp_path)  # ./criteria.yaml is there
    assert run("classify", data, "-q", "-f", "csv").exit_code == 0


def test_criteria_errors_are_listed_with_file_and_line(run: Run, write: Write) -> None:
    data = write("c.csv", SMALL_CSV)
    rules = write(
        "bad.yaml",
        SMALL_CRITERIA.replace("orders >= 3", "oders >= 3").replace('"Corse"', "3"),
    )
    result = run("classify", str(data), "-c", str(rules))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {rules}:9 criteria[0] (loyal).when: unknown column 'oders' "
        "(did you mean 'orders'?)\n"
        "    oders >= 3\n"
        "    ^^^^^\n"
        f"error: {rules}:14 problems[0] (far).when: `==` compares column 'region' (text) "
        'with 3 (number): quote the value ("3") if the column holds codes\n'
        "    region == 3\n"
        "    ^^^^^^^^^^^\n"
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize("day", ["23/11/2026", "20261123", "2026-W48-1", "2026-1-5"])
def test_bad_as_of(run: Run, small: tuple[str, str], day: str) -> None:
    data, rules = small
    result = run("classify", data, "-c", rules, "--as-of", day)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: --as-of must be a date written YYYY-MM-DD (got '{day}')\n",
    )


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_an_as_of_written_right_but_not_in_the_calendar_says_so(
    run: Run, small: tuple[str, str], day: str
) -> None:
    data, rules = small
    result = run("classify", data, "-c", rules, "--as-of", day)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: --as-of {day}: there is no such day in the calendar (check the month and the "
        "day)\n",
    )
    french = run("classify", data, "-c", rules, "--as-of", day, "--lang", "fr")
    assert french.stderr == (
        f"erreur : --as-of {day} : ce jour n'existe pas dans le calendrier (vérifiez le mois "
        "et le jour)\n"
    )


def test_customer_text_is_never_read_as_markup(run: Run, write: Write) -> None:
    data = write(
        "m.csv",
        "id,name,orders,score,region\nA1,[bold red]Evil[/],5,10,b\nA2,[link=http://x]y[/link],5,10,b\n",
    )
    result = run("classify", str(data), "-c", str(write("c.yaml", SMALL_CRITERIA)))
    assert result.exit_code == 0
    assert "[bold red]Evil[/]" in result.stdout
    assert "[link=http://x]y[/link]" in result.stdout


def test_formula_cells_are_neutralised_in_csv(run: Run, write: Write) -> None:
    data = write(
        "f.csv",
        "id,name,orders,score,region\n"
        'A1,"=HYPERLINK(""http://x"",""y"")",5,10,b\nA2,@SUM(1),1,1,b\nA3,-12.5,1,1,b\n',
    )
    result = run("classify", str(data), "-c", str(write("c.yaml", SMALL_CRITERIA)), "-f", "csv")
    names = {r["id"]: r["name"] for r in read_csv(result.stdout)}
    assert names == {"A1": '\'=HYPERLINK("http://x","y")', "A2": "'@SUM(1)", "A3": "-12.5"}


def test_unknown_format(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("classify", data, "-c", rules, "-f", "yaml")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: unknown format 'yaml': use one of table, csv, json, markdown, xlsx\n",
    )


# --- check --------------------------------------------------------------------------------------


def test_check_prints_the_five_steps(run: Run) -> None:
    result = run("check", "-c", CRIT, "--as-of", AS_OF)
    assert result.exit_code == 0
    for title in (
        "1. Define satisfaction",
        "2. Listen to customers",
        "3. Keep three criteria",
        "4. Define problems",
        "5. Act",
    ):
        assert f"✓ {title}" in result.stdout
    assert "last done 2026-06-15, every 12 months: next due 2027-06-15" in result.stdout
    assert result.stdout.rstrip().endswith("criteria.example.yaml: usable")


def test_check_warns_when_listening_is_overdue_and_still_exits_0(run: Run) -> None:
    result = run("check", "-c", CRIT, "--as-of", "2027-07-01")
    assert result.exit_code == 0
    assert "! 2. Listen to customers" in result.stdout
    assert (
        "warning: overdue since 2027-06-15 (16 days): ask your customers again, then update "
        "listening.last_done" in result.stdout
    )
    assert result.stdout.rstrip().endswith("usable, 1 warning")


def test_check_with_input_counts_each_rule(run: Run) -> None:
    result = run("check", EX, "-c", CRIT, "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "criterion promoter: met by 161, unjudged for 53 (missing values)" in result.stdout
    assert "problem outside_area: present for 12" in result.stdout


def test_check_with_input_reports_unknown_columns(run: Run, write: Write) -> None:
    data = write("c.csv", SMALL_CSV.replace("orders", "n_orders"))
    result = run("check", str(data), "-c", str(write("c.yaml", SMALL_CRITERIA)))
    assert result.exit_code == 2
    assert "unknown column 'orders' (did you mean 'n_orders'?)" in result.stderr


# --- explain ------------------------------------------------------------------------------------


def test_explain_shows_each_rule_and_the_values_read(run: Run) -> None:
    result = run("explain", EX, "C0114", "-c", CRIT, "--as-of", AS_OF)
    assert result.exit_code == 0
    out = result.stdout
    assert "customer_id C0114 — Restaurant Vidal, Fils & Cie" in out
    assert "Easy to satisfy · priority" in out
    assert "2 of 3 criteria met" in out
    assert "when late_payments == 0   read: late_payments = 2" in out
    assert "chronic_complainer: present, compensated (2 or more criteria met)" in out


def test_explain_json_and_unknown_values(run: Run) -> None:
    result = run("explain", EX, "C0022", "-c", CRIT, "-f", "json")
    data = json.loads(result.stdout)
    verdicts = {r["key"]: (r["result"], r["values"]) for r in data["rules"]}
    assert verdicts["promoter"] == ("unknown", {"recommend_score": None})
    assert verdicts["pays_on_time"] == ("unknown", {"late_payments": None})
    assert data["segment"] == "unrecoverable"


def test_explain_unknown_id_suggests_close_ids(run: Run) -> None:
    result = run("explain", EX, "C114", "-c", CRIT)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: no customer with customer_id 'C114' in {EX} (did you mean "
    )


def test_explain_an_id_without_its_leading_zeros_suggests_the_padded_id(
    run: Run, write: Write
) -> None:
    data = write("codes.csv", "id,orders\n00042,3\n00420,1\n42000,5\n")
    rules = write("r.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n"
                  "  - key: buyer\n    when: orders >= 3\n")  # fmt: skip
    result = run("explain", str(data), "42", "-c", str(rules))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        f"error: no customer with id '42' in {data} (did you mean '00042'"
    )
    assert run("explain", str(data), "00042", "-c", str(rules)).exit_code == 0


# --- the program --------------------------------------------------------------------------------


def test_version_and_help(run: Run) -> None:
    assert run("--version").stdout == "portfolio 0.1.0\n"
    for command in ("classify", "check", "explain"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.stdout


def test_every_command_appears_in_the_readme() -> None:
    from portfolio_cli.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        assert f"portfolio {command.name}" in readme


def _subprocess(
    *args: str, env: dict[str, str] | None = None, shell: bool = False
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    command: str | list[str] = (
        " ".join(args) if shell else [sys.executable, "-m", "portfolio_cli", *args]
    )
    return subprocess.run(command, capture_output=True, env=full_env, shell=shell, check=False)


def test_python_dash_m_and_a_terminal_that_is_not_utf8() -> None:
    result = _subprocess("classify", EX, "-c", CRIT, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    assert b"Portfolio quality 75.0 %" in result.stdout
    assert b"?pic" in result.stdout  # "Épicerie" with a replacement mark, not a crash


def test_a_closed_pipe_is_not_an_error() -> None:
    command = (
        f"{sys.executable} -m portfolio_cli classify {EX} -c {CRIT} -f csv --keep-columns "
        "| head -n 1"
    )
    result = subprocess.run(command, shell=True, capture_output=True, check=False)  # noqa: S602
    assert result.stdout.startswith(b"customer_id,name,segment")
    assert b"Traceback" not in result.stderr
    assert b"Error" not in result.stderr


def test_unexpected_errors_say_how_to_report_them(
    run: Run, small: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import portfolio_cli.engine

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(portfolio_cli.engine, "classify", broken)
    data, rules = small
    result = run("classify", data, "-c", rules)
    assert result.exit_code == 2
    assert result.stderr == (
        "error: unexpected RuntimeError: boom. This is a bug in portfolio; run again with "
        "--debug and report the traceback.\n"
    )
    with pytest.raises(RuntimeError):
        run("classify", data, "-c", rules, "--debug")


@pytest.mark.parametrize(("columns", "with_names"), [("60", False), ("80", True), ("200", True)])
def test_table_gives_each_customer_one_line(
    run: Run, monkeypatch: pytest.MonkeyPatch, columns: str, with_names: bool
) -> None:
    """Names are cut with an ellipsis, not folded; too narrow a terminal leaves names out."""
    monkeypatch.setenv("COLUMNS", columns)
    result = run("classify", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "--limit", "40")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("──"))
    rows = lines[rule + 1 : rule + 41]
    assert [int(line.split()[0]) for line in rows] == list(range(1, 41))
    assert all(len(line) <= int(columns) for line in lines[: rule + 41])
    # sentences are not cut for a pipe: each summary line stays whole
    assert any(line.startswith("Satisfied 88 (29 %) · Easy to satisfy 137") for line in lines)
    assert "What to do" in lines
    assert ("name" in lines[rule - 1].split()) is with_names
    if int(columns) >= 80:
        assert lines[rule - 1].split()[-1] == "problems"  # the last heading is whole


@pytest.mark.parametrize("command", ["classify", "explain", "profile"])
def test_criteria_set_aside_are_warned_by_every_command(
    run: Run, tmp_path: Path, command: str
) -> None:
    text = EXAMPLE_CRITERIA.read_text(encoding="utf-8").replace(
        "problems:",
        "  - key: big_spender\n    label: Spends a lot\n    when: total_spent > 5000\nproblems:",
        1,
    )
    criteria = tmp_path / "four.yaml"
    criteria.write_text(text, encoding="utf-8")
    args = [str(EXAMPLE), "C0209"] if command == "explain" else [str(EXAMPLE)]
    result = run(command, *args, "-c", str(criteria))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        f"warning: {criteria}:20 criteria: 4 criteria given; the method keeps the three most "
        "important, so 'big_spender' is set aside. Put the ones that matter most first.\n"
    )


def _with_cell(write: Write, column: str, row: int, value: str) -> Path:
    """The example with one cell changed (`row` counts like the messages: header is row 1)."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = next(csv.reader([lines[row - 1]]))
    cells[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[row - 1] = buffer.getvalue()
    return write("typo.csv", "\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "`>=` compares column 'orders_12m' (text) with 3 (number): the column is read as "
            "text because row 13 holds 'env. 3', which is not a number; correct that cell (or "
            "blank it), or pass --decimal if the numbers are written another way",
        ),
        (
            "fr",
            "`>=` compare la colonne 'orders_12m' (texte) avec 3 (nombre) : la colonne est lue "
            "comme du texte car la ligne 13 contient 'env. 3', qui n'est pas un nombre ; "
            "corrigez cette cellule (ou videz-la), ou passez --decimal si les nombres sont "
            "écrits autrement",
        ),
    ],
)
def test_a_typo_in_a_number_column_names_its_row(
    run: Run, write: Write, lang: str, expected: str
) -> None:
    typo = _with_cell(write, "orders_12m", 13, "env. 3")
    result = run("classify", str(typo), "-c", str(EXAMPLE_CRITERIA), "--lang", lang)
    assert result.exit_code == 2
    assert f"criteria[0] (repeat_buyer).when: {expected}\n" in result.stderr


def test_a_code_column_compared_with_a_number_advises_quotes_only_for_equality(
    run: Run, write: Write
) -> None:
    example = EXAMPLE_CRITERIA.read_text(encoding="utf-8")
    criteria = write("codes.yaml", example.replace("orders_12m >= 3", "postal_code == 75000"))
    result = run("classify", str(EXAMPLE), "-c", str(criteria))
    assert result.exit_code == 2
    assert (
        "`==` compares column 'postal_code' (text) with 75000 (number): quote the value "
        '("75000") if the column holds codes\n' in result.stderr
    )
    # quoting a number never makes an ordering right: no such advice for `>=`
    criteria = write("order.yaml", example.replace("orders_12m >= 3", "postal_code >= 75000"))
    result = run("classify", str(EXAMPLE), "-c", str(criteria))
    assert result.exit_code == 2
    assert (
        "`>=` compares column 'postal_code' (text) with 75000 (number): text cannot be ordered "
        "against a number\n" in result.stderr
    )
    assert "quote" not in result.stderr


def test_a_typo_in_the_order_by_column_is_warned_with_its_row(run: Run, write: Write) -> None:
    typo = _with_cell(write, "total_spent", 13, "environ 300")
    result = run("classify", str(typo), "-c", str(EXAMPLE_CRITERIA), "-f", "csv")
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "warning: policy.order_by: 'total_spent' is read as text, so customers are ordered by "
        "it as text (1000 before 999), because row 13 holds 'environ 300', which is not a "
        "number; correct that cell (or blank it)\n"
    )
    clean = run("classify", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "-f", "csv")
    assert "warning" not in clean.stderr


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "  classify  Sort customers into the three segments."),
        ("en", "  batch     Classify many client files at once."),
        ("fr", "  classify  Classe les clients dans les trois segments."),
        ("fr", "  history   Les instantanés gardés par --history, et qui a changé."),
    ],
)
def test_the_command_list_gives_each_command_one_whole_line(run: Run, lang: str, line: str) -> None:
    result = run("--lang", lang, "--help")
    assert result.exit_code == 0
    assert line in result.stdout.splitlines()
    commands = result.stdout.split("\n\n")[-1]  # the list after the options
    assert "..." not in commands  # no description cut short


def test_a_name_is_matched_as_written_not_as_python_folds_it(run: Run, write: Write) -> None:
    criteria = write(
        "c.yaml", "version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: k\n    when: ﬁrst > 1\n"
    )
    both = write("both.csv", "id,ﬁrst,first\nA,5,0\nB,0,5\n")
    result = run("classify", str(both), "-c", str(criteria), "-f", "csv", "-q")
    assert result.exit_code == 0, result.stderr
    assert [line.split(",")[:2] for line in result.stdout.splitlines()[1:]] == [
        ['"A"', '"satisfied"'],  # the column ﬁrst (with the ligature), not first
        ['"B"', '"unrecoverable"'],
    ]
    only = write("only.csv", "id,first\nA,5\n")
    result = run("classify", str(only), "-c", str(criteria), "-f", "csv", "-q")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {criteria}:6 criteria[0] (k).when: unknown column 'ﬁrst' (did you mean "
        "'first'?)\n    ﬁrst > 1\n    ^^^^\n"
    )


# --- the separator of CSV output ------------------------------------------------------------


@pytest.mark.parametrize(
    ("separator", "name"), [(";", "semicolon"), ("\t", "tab"), ("|", "pipe"), (",", "comma")]
)
def test_csv_output_mirrors_the_input_separator(
    run: Run, write: Write, tmp_path: Path, separator: str, name: str
) -> None:
    data = write(f"{name}.csv", SMALL_CSV.replace(",", separator))
    rules = str(write("rules.yaml", SMALL_CRITERIA))
    stdout = run("classify", str(data), "-c", rules, "-f", "csv", "-q")
    assert stdout.exit_code == 0, stdout.stderr
    header = separator.join(["id", "name", "segment", "priority", "criteria_met", "criteria"])
    # standard output never gets a byte order mark
    assert stdout.stdout.startswith(header + separator)
    target = tmp_path / "out.csv"
    written = run("classify", str(data), "-c", rules, "-o", str(target), "-q")
    assert written.exit_code == 0, written.stderr
    # only a `;` file starts with the mark French Excel needs to read the accents
    bom = "\ufeff" if separator == ";" else ""
    text = target.read_text(encoding="utf-8")
    assert text == bom + stdout.stdout
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=separator))
    first = rows[0]
    assert (first["id"], first["name"], first["criteria"]) == ("A1", "Alice", "loyal|fan")
    assert "Chloé" in text


def test_out_delimiter_overrides_the_separator(run: Run, small: tuple[str, str], tmp_path: Path):
    data, rules = small
    target = tmp_path / "fr.csv"
    result = run("classify", data, "-c", rules, "-o", str(target), "--out-delimiter", ";")
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbfid;name;segment;")
    tab = run("classify", data, "-c", rules, "-f", "csv", "--out-delimiter", "tab")
    assert tab.stdout.startswith("id\tname\tsegment\t")
    semicolon = run("classify", data, "-c", rules, "-f", "csv", "--out-delimiter", ";")
    assert semicolon.stdout.startswith("id;name;segment;")  # standard output: no mark
    bad = run("classify", data, "-c", rules, "-o", str(tmp_path / "x.csv"), "--out-delimiter", "ab")
    assert bad.exit_code == 2
    assert bad.stderr == ("error: --out-delimiter must be one character: , ; | or tab (got 'ab')\n")
    assert not (tmp_path / "x.csv").exists()


def test_csv_from_a_workbook_is_comma_separated(run: Run, tmp_path: Path) -> None:
    import xlsxwriter

    book = tmp_path / "clients.xlsx"
    workbook = xlsxwriter.Workbook(str(book))
    sheet = workbook.add_worksheet()
    for r, line in enumerate(SMALL_CSV.splitlines()):
        for c, cell in enumerate(line.split(",")):
            sheet.write(r, c, float(cell) if cell.isdigit() else cell)
    workbook.close()
    rules = tmp_path / "rules.yaml"
    rules.write_text(SMALL_CRITERIA, encoding="utf-8")
    target = tmp_path / "out.csv"
    result = run("classify", str(book), "-c", str(rules), "-o", str(target), "-q")
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"id,name,segment,")


def test_a_parquet_folder_cannot_go_to_standard_output(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("classify", EX, "-c", CRIT, "-f", "parquet", "--engine", "spark", "-o", "-")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: -o -: with --engine spark and --format parquet, -o names a folder that does not "
        "exist yet (Spark writes customers/ and summary.json in it)\n",
    )
    assert list(tmp_path.iterdir()) == []
