"""A customer's text shown, never obeyed: control characters, Rich markup, formulas, Markdown.

The first part pins `display`'s rules one character class at a time. The second runs every
command and every path that echoes text (tables, explain, check, history, profile, init, the
reports, workbooks, error and usage messages, warnings) on a list and a criteria file full of
terminal sequences, markup, C1 controls and bidirectional overrides, and looks at every byte a
person would see.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pyarrow as pa
import pytest

from conftest import Run, Write
from portfolio_cli.display import json_text, markdown_escape, neutralise, visible
from portfolio_cli.writers.formats import neutralise_formulas

# Clears the screen, then plants a hidden hyperlink whose text is "click".
ESCAPES = "\x1b[2J\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
MARKUP = "[link=https://evil.example]click[/link]"
# CSI as one C1 byte, a bell, a carriage return, a right-to-left override, a zero-width space.
OTHERS = "a\x9b31mb\x07c\rd\u202ee\u200bf"
# Everything a terminal could act on, or that hides or reorders text; a newline is allowed in
# what a person reads (lines), never inside a value (the tests below look for values whole).
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069]")


# --- display.visible, one class of character at a time ------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "␛[2J"),  # ESC: a control picture, one character for one
        ("bell\x07", "bell␇"),
        ("back\x08space", "back␈space"),
        ("over\rwrite", "over␍write"),
        ("two\nlines", "two␊lines"),  # one value stays on one line
        ("tab\there", "tab␉here"),
        ("nul\x00", "nul␀"),
        ("del\x7f", "del␡"),
        ("\x9b31m", "\\x9b31m"),  # C1 CSI: no picture exists, so the escape
        ("next\x85line", "next\\x85line"),
        ("abc\u202edef", "abc\\u202edef"),  # right-to-left override
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("line\u2028separator", "line\\u2028separator"),
        ("\ufeffbom", "\\ufeffbom"),
        ("Maison Pagès — Zoé 🍷 日本", "Maison Pagès — Zoé 🍷 日本"),  # text stays text
        ("👨\u200d👩\u200d👧 می\u200cخواهم", "👨\u200d👩\u200d👧 می\u200cخواهم"),  # joiners
        (MARKUP, MARKUP),  # markup is the console's business: shown as written there
    ],
)
def test_every_control_character_is_shown_not_sent(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_lines_keep_their_newlines_and_show_the_rest() -> None:
    assert visible("a\x1b\r\nb\rc\n", lines=True) == "a␛\nb␍c\n"
    assert visible("a\tb\n", lines=True, tabs=True) == "a\tb\n"
    assert visible(12) == "12"


def test_visible_text_is_left_alone_by_a_second_pass() -> None:
    once = visible(ESCAPES + OTHERS)
    assert visible(once) == once
    assert RAW.search(once) is None


# --- formulas ---------------------------------------------------------------------------------

CELLS = [
    ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
    ("=1+1", "'=1+1"),
    ("+1+1", "'+1+1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("-cmd", "'-cmd"),
    ("-12.5", "-12.5"),
    ("+1 234,50", "+1 234,50"),
    ("-1\u202f234", "-1\u202f234"),
    ("1e5", "1e5"),
    # amounts and percentages are numbers, as the readers take them
    ("-1 234,50 €", "-1 234,50 €"),
    ("-€5.00", "-€5.00"),
    ("-$99", "-$99"),
    ("-1 234,50 EUR", "-1 234,50 EUR"),
    ("-12,5 %", "-12,5 %"),
    ("-EUR", "'-EUR"),
    ("-5 € +1", "'-5 € +1"),
    ("plain", "plain"),
    ("", ""),
]


@pytest.mark.parametrize(("cell", "written"), CELLS)
def test_a_cell_a_spreadsheet_would_run_is_neutralised(cell: str, written: str) -> None:
    assert neutralise(cell) == written


def test_headers_and_values_follow_the_same_rule_on_arrow_columns() -> None:
    names = [cell for cell, _ in CELLS if cell]
    table = neutralise_formulas(pa.table({name: [name] for name in names}))
    assert table.column_names == [neutralise(name) for name in names]
    assert [table.column(i)[0].as_py() for i in range(len(names))] == table.column_names


# --- Markdown and JSON ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("[c](javascript:alert(1))", "\\[c\\](javascript\\:alert(1))"),
        ("<JavaScript:x> vbscript:y", "&lt;JavaScript\\:x&gt; vbscript\\:y"),
        (MARKUP, "\\[link=https://evil.example\\]click\\[/link\\]"),
        ("customer_id", "customer_id"),  # an underscore inside a word starts nothing
        ("_x_ __init__", "\\_x\\_ \\_\\_init\\_\\_"),
        ("3188.27", "3188.27"),
        ("-5", "-5"),
        ("---", "\\---"),
        ("\x1b[2J", "␛\\[2J"),
    ],
)
def test_markdown_shows_values_as_written(value: str, written: str) -> None:
    assert markdown_escape(value) == written


def test_json_keeps_every_value_and_escapes_what_a_terminal_would_obey() -> None:
    document = {"name": ESCAPES + OTHERS + "\u2028\x7f", "é": "Zoé"}
    text = json_text(document)
    assert RAW.search(text) is None
    assert "\\u009b" in text
    assert "\\u202e" in text
    assert "Zoé" in text
    assert json.loads(text) == document


# --- every command, every echo ----------------------------------------------------------------

EVIL_CRITERIA = r"""version: 1
customers:
  id: id
  name: name
satisfaction:
  definition: "Buys again \e[2J\e]8;;http://evil.example\e\\click\e]8;;\e\\ [link=https://evil.example]click[/link]"
  defined_by: customer
listening:
  nps: score
criteria:
  - key: loyal
    label: "Loyal \e[5m\x9b [bold]x[/]"
    when: orders >= 3
  - key: fan
    label: "Fan \u202e"
    when: score >= 9
problems:
  - key: far
    label: "Far \a"
    when: region == "Corse"
actions:
  satisfied: "Thank them \e[2J [link=https://evil.example]click[/link]"
"""
ONE_RULE = "version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: loyal\n    when: orders >= 3\n"
EVIL_COLUMN = "note\x1b[2J\u202e"
FORMULA_COLUMN = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def evil(write: Write) -> tuple[Path, Path]:
    """A list whose ids, names, column names and values hold escapes, markup and formulas."""
    buffer = io.StringIO()
    rows = [
        ["id", "name", "orders", "score", "region", EVIL_COLUMN, FORMULA_COLUMN],
        ["A\x1b[31m1", ESCAPES, "5", "10", "Lyon", "x\x9by", "=1+1"],
        ["A2", MARKUP, "1", "3", "Corse", "x\x9by", "p"],
        ["A3", OTHERS, "0", "9", "Lyon", "w\x1b", "q"],
        ["A4", "<script>alert(1)</script><img src=x onerror=alert(1)>", "0", "1", "Corse", "", ""],
    ]
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)
    return write("evil.csv", buffer.getvalue()), write("c.yaml", EVIL_CRITERIA)


def assert_shown_as_written(text: str) -> None:
    """Nothing a terminal would act on, and markup printed as typed."""
    leaks = sorted({f"U+{ord(c):04X}" for c in RAW.findall(text)})
    assert not leaks, f"raw control characters {leaks} in:\n{text}"
    assert "[/link]" not in text or "[link=https://evil.example]" in text


SHOWN = {  # what a person reads, by command line (after the input and criteria)
    "classify table": ["classify", "{data}", "-c", "{rules}"],
    "classify table, every row": ["classify", "{data}", "-c", "{rules}", "--limit", "0"],
    "classify markdown": ["classify", "{data}", "-c", "{rules}", "-f", "md", "--keep-columns"],
    "classify json": ["classify", "{data}", "-c", "{rules}", "-f", "json", "--keep-columns"],
    "explain": ["explain", "{data}", "A\x1b[31m1", "-c", "{rules}"],
    "explain json": ["explain", "{data}", "A\x1b[31m1", "-c", "{rules}", "-f", "json"],
    "check": ["check", "{data}", "-c", "{rules}"],
    "profile": ["profile", "{data}", "-c", "{rules}", "--all-columns"],
    "profile json": ["profile", "{data}", "-c", "{rules}", "--all-columns", "-f", "json"],
    "suggest": ["suggest", "{data}", "--outcome", EVIL_COLUMN, "--id", "id"],
}


@pytest.mark.parametrize("case", list(SHOWN))
def test_every_output_for_people_shows_text_as_written(
    run: Run, evil: tuple[Path, Path], case: str
) -> None:
    data, rules = evil
    arguments = [a.format(data=data, rules=rules) for a in SHOWN[case]]
    result = run(*arguments)
    assert result.exit_code == 0, result.stderr
    assert_shown_as_written(result.stdout + result.stderr)


def test_the_table_shows_each_name_visibly(run: Run, evil: tuple[Path, Path]) -> None:
    data, rules = evil
    result = run("classify", str(data), "-c", str(rules), "--limit", "0")
    assert "␛[2J␛]8;;http://evil.ex" in result.stdout
    assert "A␛[31m1" in result.stdout
    assert "[link=https://evil.example]" in result.stdout  # markup, as written
    assert "a\\x9b31mb␇c␍d\\u202ee" in result.stdout
    assert "Thank them ␛[2J [link=https://evil.example]click[/link]" in result.stdout


def test_check_shows_labels_and_definition_visibly(run: Run, evil: tuple[Path, Path]) -> None:
    data, rules = evil
    out = run("check", str(data), "-c", str(rules)).stdout
    assert "Buys again ␛[2J␛]8;;http://evil.example␛\\click␛]8;;␛\\ [link=" in out
    assert "loyal: Loyal ␛[5m\\x9b [bold]x[/] — when orders >= 3" in out
    assert "fan: Fan \\u202e" in out
    assert "far: Far ␇" in out


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (  # an id on the command line, echoed back
            ["explain", "{data}", "Z\x1b[2J\u202e"],
            "error: no customer with id 'Z␛[2J\\u202e' in {data}\n",
        ),
        (  # a file name on the command line
            ["classify", "{dir}/no\x1b[2J.csv"],
            None,
        ),
        (  # an option's value echoed in a usage error
            ["classify", "{data}", "-f", "x\x1b[2J"],
            "error: unknown format 'x␛[2J': use one of table, csv, json, markdown, xlsx\n",
        ),
        (["classify", "{data}", "--as-of", "2026\x1b[2J"], None),
        (["classify", "{data}", "--delimiter", "\x1b"], None),
        (["classify", "{data}", "--encoding", "x\x1b[2J"], None),
        (["profile", "{data}", "--outcome", "nope\x1b[2J"], None),
        (["profile", "{data}", "--outcome", EVIL_COLUMN], None),
        (["history", "{dir}/h\x1b[2J.sqlite"], None),
    ],
)
def test_errors_show_what_they_echo_visibly(
    run: Run, evil: tuple[Path, Path], arguments: list[str], expected: str | None
) -> None:
    data, rules = evil
    given = [a.format(data=data, dir=data.parent) for a in arguments]
    if given[0] != "history":
        given += ["-c", str(rules)]
    result = run(*given)
    assert result.exit_code == 2
    assert_shown_as_written(result.stderr)
    assert result.stderr.splitlines()[-1].startswith("error: ")
    assert "␛" in result.stderr or "\\x1b" in result.stderr
    if expected is not None:
        assert result.stderr.endswith(expected.format(data=data))


def test_a_condition_error_shows_the_column_visibly(run: Run, write: Write) -> None:
    data = write("d.csv", f"id,orders,{EVIL_COLUMN}\nA1,1,x\n")
    rules = write("c.yaml", "version: 1\ncustomers:\n  id: id\ncriteria:\n")
    rules.write_text(
        rules.read_text() + '  - key: odd\n    when: "`note\\e[2J` == 1"\n', encoding="utf-8"
    )
    result = run("classify", str(data), "-c", str(rules))
    assert result.exit_code == 2
    assert_shown_as_written(result.stderr)
    assert "unknown column 'note␛[2J'" in result.stderr
    # the caret still points under the name: pictures take one character each
    assert "    `note␛[2J` == 1\n    ^^^^^^^^^^\n" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["no\x1b[2Jcommand"],
        ["classify", "x.csv", "--fo\x1b[2Jo"],
        ["classify", "x.csv", "--lang", "fr", "--fo\x1b[2Jo"],
        ["classify", "x.csv", "--lang", "x\x1b[2J"],
        ["check", "x.csv", "y\x1b[2J\u202e"],
    ],
)
def test_usage_errors_show_arguments_visibly(run: Run, arguments: list[str]) -> None:
    result = run(*arguments)
    assert result.exit_code == 2
    assert_shown_as_written(result.stderr)
    assert "[2J" in result.stderr


def test_warnings_show_file_text_visibly(run: Run, evil: tuple[Path, Path]) -> None:
    data, rules = evil  # its C1 byte makes the reader warn, quoting the cell
    result = run("classify", str(data), "-c", str(rules))
    assert result.exit_code == 0, result.stderr
    assert "warning: " in result.stderr
    assert_shown_as_written(result.stdout + result.stderr)


def test_history_shows_names_visibly(run: Run, evil: tuple[Path, Path], tmp_path: Path) -> None:
    data, rules = evil
    history = tmp_path / "h.sqlite"
    first = run("classify", str(data), "-c", str(rules), "--history", str(history),
                "--as-of", "2026-10-31", "-f", "json")  # fmt: skip
    assert first.exit_code == 0, first.stderr
    later = data.with_name("later.csv")
    moved_down = data.read_text().replace('"5","10","Lyon"', '"5","10","Corse"')
    later.write_text(moved_down, encoding="utf-8")
    second = run("classify", str(later), "-c", str(rules), "--history", str(history),
                 "--as-of", "2026-11-30")  # fmt: skip
    assert second.exit_code == 0, second.stderr
    assert_shown_as_written(second.stdout + second.stderr)
    moved = run("history", str(history), "--to", "2026-11-30")
    assert moved.exit_code == 0, moved.stderr
    assert "A␛[31m1" in moved.stdout
    assert "␛[2J␛]8;;" in moved.stdout
    assert_shown_as_written(moved.stdout + moved.stderr)


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_reports_show_text_as_written(
    run: Run, evil: tuple[Path, Path], tmp_path: Path, suffix: str
) -> None:
    data, rules = evil
    report = tmp_path / f"report{suffix}"
    result = run("report", str(data), "-c", str(rules), "-o", str(report))
    assert result.exit_code == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    assert_shown_as_written(text + result.stderr)
    assert "<script" not in text
    assert "<img" not in text
    assert re.search(r"(?<!\\)\]\(javascript", text) is None
    assert "alert(1)" in text  # the name is there, as text


def test_classify_markdown_lets_no_html_or_link_through(run: Run, write: Write) -> None:
    names = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[c](javascript:x)"]
    data = write("m.csv", "id,name,orders,score\n" + "".join(
        f'M{i},"{name}",1,1\n' for i, name in enumerate(names)
    ))  # fmt: skip
    rules = write("c.yaml", "version: 1\ncustomers:\n  id: id\n  name: name\ncriteria:\n"
                  "  - key: loyal\n    when: orders >= 3\n")  # fmt: skip
    for fmt in ("markdown",):
        out = run("classify", str(data), "-c", str(rules), "-f", fmt).stdout
        assert "<script" not in out
        assert "<img" not in out
        assert re.search(r"(?<!\\)\]\(javascript", out) is None
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert "\\[c\\](javascript\\:x)" in out
        assert "javascript:" not in out


def test_headers_are_neutralised_like_cells(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("f.csv", f'"=1+1",name,"{FORMULA_COLUMN.replace(chr(34), 2 * chr(34))}",o\n'
                 "A1,Zoé,x,5\n")  # fmt: skip
    rules = write("c.yaml", 'version: 1\ncustomers:\n  id: "=1+1"\ncriteria:\n'
                  "  - key: loyal\n    when: o >= 3\n")  # fmt: skip
    csv_out = run("classify", str(data), "-c", str(rules), "-f", "csv", "--keep-columns")
    assert csv_out.exit_code == 0, csv_out.stderr
    header = next(csv.reader(io.StringIO(csv_out.stdout)))
    assert header[0] == "'=1+1"
    assert "'" + FORMULA_COLUMN in header
    assert FORMULA_COLUMN not in header
    book = tmp_path / "out.xlsx"
    written = run("classify", str(data), "-c", str(rules), "-o", str(book), "--keep-columns")
    assert written.exit_code == 0, written.stderr
    import fastexcel

    sheet = fastexcel.read_excel(str(book)).load_sheet(0)
    assert sheet.to_arrow().column_names[0] == "'=1+1"
    assert "'" + FORMULA_COLUMN in sheet.to_arrow().column_names


def test_workbook_cells_show_control_characters(
    run: Run, evil: tuple[Path, Path], tmp_path: Path
) -> None:
    data, rules = evil
    book = tmp_path / "out.xlsx"
    result = run("classify", str(data), "-c", str(rules), "-o", str(book), "--keep-columns")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(book) as archive:
        xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    assert "_x001B_" not in xml.upper()
    assert "_x0007_" not in xml.upper()
    assert RAW.search(xml.replace("\t", "").replace("\r", "")) is None
    import fastexcel

    sheet = fastexcel.read_excel(str(book)).load_sheet(0)
    names = sheet.to_arrow().column("name").to_pylist()
    assert visible(ESCAPES) in names
    assert visible(EVIL_COLUMN) in sheet.to_arrow().column_names


def test_csv_keeps_the_data_and_json_escapes_it(run: Run, evil: tuple[Path, Path]) -> None:
    data, rules = evil
    rows = run("classify", str(data), "-c", str(rules), "-f", "csv").stdout
    names = {row["id"]: row["name"] for row in csv.DictReader(io.StringIO(rows))}
    assert names["A\x1b[31m1"] == ESCAPES  # data stays data in a machine format
    document = json.loads(run("classify", str(data), "-c", str(rules), "-f", "json").stdout)
    assert {c["id"]: c["name"] for c in document["customers"]} == names


def test_init_shows_column_names_and_samples_visibly(run: Run, evil: tuple[Path, Path]) -> None:
    data, _ = evil
    target = data.with_name("new.yaml")
    result = run("init", str(target), "--from", str(data), input="\n" * 12)
    assert_shown_as_written(result.stdout + result.stderr)
    assert "note␛[2J\\u202e" in result.stderr
    assert "(text, e.g. ␛[2J␛]8;;http://evil.example␛…)" in result.stderr


def test_batch_names_files_visibly(run: Run, evil: tuple[Path, Path], tmp_path: Path) -> None:
    data, rules = evil
    missing = tmp_path / "gone\x1b[2J.csv"
    result = run("batch", str(data), str(missing), "-c", str(rules), "-o", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert_shown_as_written(result.stderr)
    assert "gone␛[2J.csv" in result.stderr


def test_an_unknown_sheet_is_named_visibly(
    run: Run, evil: tuple[Path, Path], tmp_path: Path
) -> None:
    data, rules = evil
    book = tmp_path / "in.xlsx"
    assert run("classify", str(data), "-c", str(rules), "-o", str(book)).exit_code == 0
    result = run("classify", str(book), "-c", str(rules), "--sheet", "S\x1b[2J\u202e")
    assert result.exit_code == 2
    assert_shown_as_written(result.stderr)
    assert "'S␛[2J\\u202e'" in result.stderr


def test_a_colour_terminal_gets_colours_and_nothing_else(evil: tuple[Path, Path]) -> None:
    import os
    import subprocess
    import sys

    data, rules = evil
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    for arguments in (
        ["classify", str(data), "-c", str(rules)],
        ["explain", str(data), "A\x1b[31m1", "-c", str(rules)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "portfolio_cli", *arguments],
            capture_output=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        out = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
        assert "\x1b[" in out  # colours are on
        assert_shown_as_written(re.sub(r"\x1b\[[0-9;]*m", "", out))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (  # a key of the criteria file, echoed with its suggestion
            ("actions:", '"pol\\eicy\\u202e": 1\nactions:'),
            ":21 pol␛icy\\u202e: unknown key 'pol␛icy\\u202e' (did you mean 'policy'?)",
        ),
        (
            ("defined_by: customer", 'defined_by: "yo\\eu"'),
            "(got 'yo␛u'); did you mean 'you'?",
        ),
        (
            ("customers:\n  id: id", 'customers:\n  id: "i\\ed"'),
            "has no column 'i␛d' (customers.id in the criteria file); did you mean 'id'?",
        ),
    ],
)
def test_criteria_file_errors_show_keys_and_values_visibly(
    run: Run, evil: tuple[Path, Path], change: tuple[str, str], expected: str
) -> None:
    data, rules = evil
    rules.write_text(rules.read_text().replace(*change), encoding="utf-8")
    result = run("classify", str(data), "-c", str(rules))
    assert result.exit_code == 2
    assert_shown_as_written(result.stderr)
    assert result.stderr.rstrip("\n").endswith(expected)


def test_a_duplicate_id_is_named_visibly(run: Run, evil: tuple[Path, Path]) -> None:
    data, rules = evil
    data.write_text(data.read_text().replace('"A2"', '"A\x1b[31m1"'), encoding="utf-8")
    result = run("classify", str(data), "-c", str(rules))
    assert result.exit_code == 2
    assert_shown_as_written(result.stderr)
    assert "id 'A␛[31m1' appears on rows 2, 3" in result.stderr


def test_a_csv_shown_on_a_terminal_is_made_visible(evil: tuple[Path, Path]) -> None:
    import os
    import pty
    import subprocess
    import sys

    data, rules = evil
    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1"}
    arguments = ["classify", str(data), "-c", str(rules), "-f", "csv", "-q"]
    with subprocess.Popen(
        [sys.executable, "-m", "portfolio_cli", *arguments],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait() == 0
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert '"A␛[31m1","␛[2J␛]8;;http://evil.example␛\\click' in shown
    assert_shown_as_written(shown)


def test_the_debug_traceback_shows_the_error_visibly(evil: tuple[Path, Path]) -> None:
    import os
    import subprocess
    import sys

    data, _ = evil
    missing = data.with_name("gone\x1b[2J.yaml")
    arguments = ["classify", str(data), "-c", str(missing), "--debug"]
    done = subprocess.run(
        [sys.executable, "-m", "portfolio_cli", *arguments],
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert done.returncode != 0
    shown = done.stderr.decode("utf-8")
    assert "Traceback" in shown  # --debug asked for it
    assert shown.rstrip().endswith(f"criteria file not found: {visible(missing)}")
    assert_shown_as_written(shown)


def test_a_column_name_in_a_table_title_is_not_markup(run: Run, write: Write) -> None:
    column = "[link=https://evil.example]click[/link]"
    data = write(
        "mk.csv",
        f"id,orders,{column}\n"
        + "".join(f"A{i},{i % 5},{'yes' if i % 3 else 'no'}\n" for i in range(40)),
    )
    rules = write("c.yaml", ONE_RULE)
    result = run("profile", str(data), "-c", str(rules), "--outcome", column)
    assert result.exit_code == 0, result.stderr
    assert f"How often '{column}'" in result.stdout


def test_a_cell_that_grows_past_the_excel_limit_once_visible_is_refused() -> None:
    from portfolio_cli.errors import UsageError
    from portfolio_cli.writers.formats import to_xlsx

    fits = pa.table({"id": ["A1"], "name": ["a" * 32_760 + "\x1b" * 7]})  # pictures: 1 for 1
    assert to_xlsx(fits)[:2] == b"PK"
    grows = pa.table({"id": ["A1"], "name": ["a" * 32_760 + "\x9b" * 3]})  # \x9b: 4 for 1
    with pytest.raises(UsageError, match=r"32,772 characters do not fit in an Excel cell"):
        to_xlsx(grows)
