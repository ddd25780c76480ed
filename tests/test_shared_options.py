"""The input options every list-reading command shares (declared once, `input_parameters`):
each command lists them in its help, in English and French, and hands each one to the reader."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import EXAMPLE, Run, Write
from portfolio_cli.messages import message

READERS = ("classify", "check", "explain", "profile", "report")  # every shared input option
OPTIONS = {  # each shared option as its help shows it, and the message key of its help
    "--encoding NAME": "help.encoding",
    "--delimiter CHAR": "help.delimiter",
    "--decimal CHAR": "help.decimal",
    "--dayfirst / --monthfirst": "help.dayfirst",
    "--sheet NAME": "help.sheet",
    "--orders FILE": "help.orders",
    "--surveys FILE": "help.surveys",
    "-v, --verbose": "help.verbose",
}
SHARED = {command: tuple(OPTIONS) for command in READERS}  # the options each command has
SHARED |= dict.fromkeys(("batch", "init"), ("--encoding NAME", "--delimiter CHAR"))
SHARED["batch"] += ("-v, --verbose",)  # how each of its files was read

CRITERIA = """\
version: 1
customers:
  id: id
  name: name
criteria:
  - key: spends
    when: amount > 1
  - key: recent
    when: days_since(last) <= 20
"""
# cp1252, separated by ';', decimal comma, a date that reads 1 February day first
SEMICOLONS = "id;name;amount;last\nA1;Zoé;1,5;01/02/2026\nA2;Bob;0,5;01/02/2026\n"


def _flat(text: str) -> str:
    """Help text with every space and line break taken out (wrapping differs by width)."""
    return "".join(text.split())


@pytest.mark.parametrize("command", sorted(SHARED))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_help_lists_each_shared_option(run: Run, command: str, lang: str) -> None:
    result = run(command, "--lang", lang, "--help")
    assert result.exit_code == 0
    text = _flat(result.stdout)
    for option in SHARED[command]:
        assert _flat(option) + _flat(message(OPTIONS[option], lang)) in text, option
    for option in set(OPTIONS) - set(SHARED[command]):
        assert _flat(option) not in text, option


def test_the_shared_options_help_is_french_in_french() -> None:
    for key in OPTIONS.values():
        assert message(key, "fr") != message(key, "en"), key


@pytest.fixture
def semicolons(write: Write) -> tuple[Path, Path]:
    return write("semi.csv", SEMICOLONS.encode("cp1252")), write("c.yaml", CRITERIA)


def _arguments(command: str, data: Path) -> list[str]:
    """What each command needs besides its options: explain an id, report an output file."""
    extra = {"explain": ["A1"], "report": ["-o", str(data.parent / "report.html")]}
    return [command, str(data), *extra.get(command, [])]


@pytest.mark.parametrize("command", READERS)
def test_each_command_reads_with_the_given_options(
    run: Run, semicolons: tuple[Path, Path], command: str
) -> None:
    data, rules = semicolons
    given = ["--encoding", "cp1252", "--delimiter", ";", "--decimal", ",", "--dayfirst", "-v"]
    result = run(*_arguments(command, data), "-c", str(rules), "--as-of", "2026-02-10", *given)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"{data}: csv, cp1252, delimiter ';', 2 rows\n")


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        ("--encoding", "klingon", "unknown encoding 'klingon' (--encoding): use utf-8, cp1252 "),
        ("--delimiter", ",", "semi.csv: row 2 has 2 fields but the header has 1: quote values"),
        ("--delimiter", ";;", "--delimiter must be one character: , ; | or tab (got ';;')"),
        ("--decimal", "x", "--decimal must be , or . (got 'x')"),
        ("--orders", "orders.csv", "--orders needs an orders: block in"),
        ("--surveys", "surveys.csv", "--surveys needs listening.nps in"),
    ],
)
def test_each_command_hands_each_option_to_the_reader(
    run: Run,
    semicolons: tuple[Path, Path],
    command: str,
    option: str,
    value: str,
    error: str,
) -> None:
    data, rules = semicolons
    result = run(*_arguments(command, data), "-c", str(rules), option, value)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert error in result.stderr
    assert not (data.parent / "report.html").exists()


@pytest.mark.parametrize("command", READERS)
def test_each_command_reads_the_sheet_it_is_given(
    run: Run, write: Write, tmp_path: Path, command: str
) -> None:
    import xlsxwriter

    book = tmp_path / "customers.xlsx"
    workbook = xlsxwriter.Workbook(str(book))
    workbook.add_worksheet("Notes").write(0, 0, "exported by hand")
    sheet = workbook.add_worksheet("Clients")
    for row, values in enumerate([("id", "name", "amount"), ("A1", "Zoé", 2), ("A2", "Bob", 0)]):
        sheet.write_row(row, 0, values)
    workbook.close()
    rules = write("c.yaml", CRITERIA.split("  - key: recent")[0])
    wrong = run(*_arguments(command, book), "-c", str(rules), "--sheet", "Clientes")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        f"error: {book} has no sheet 'Clientes': its sheets are 'Notes', 'Clients' (--sheet)\n",
    )
    right = run(*_arguments(command, book), "-c", str(rules), "--sheet", "Clients", "-v")
    assert right.exit_code == 0, right.stderr
    assert right.stderr.startswith(f"{book}: xlsx")


@pytest.mark.parametrize(
    ("order", "met", "result"), [("--dayfirst", 2, "true"), ("--monthfirst", 0, "false")]
)
def test_day_order_options_decide_the_dates(
    run: Run, semicolons: tuple[Path, Path], order: str, met: int, result: str
) -> None:
    """01/02/2026 is 1 February (9 days before 2026-02-10: recent) or 2 January (39 days)."""
    data, rules = semicolons
    day = ["-c", str(rules), "--as-of", "2026-02-10", order]
    checked = run("check", str(data), *day)
    assert checked.exit_code == 0
    assert f"criterion recent: met by {met}" in checked.stdout
    explained = run("explain", str(data), "A1", *day, "-f", "json")
    assert explained.exit_code == 0
    recent = [rule for rule in json.loads(explained.stdout)["rules"] if rule["key"] == "recent"]
    assert recent[0]["result"] == result
    classified = run("classify", str(data), *day, "-f", "csv")
    rows = csv.DictReader(io.StringIO(classified.stdout), delimiter=";")  # `;` in, `;` out
    segments = [row["segment"] for row in rows]
    assert segments == (
        ["satisfied", "easy_to_satisfy"] if met else ["easy_to_satisfy", "unrecoverable"]
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_init_and_suggest_share_the_outcome_options(run: Run, lang: str) -> None:
    """--outcome and --event are declared once (cli/options): the same names, metavars and,
    for --event, the same help in both commands; --outcome is required by suggest alone."""
    texts = {c: _flat(run(c, "--lang", lang, "--help").stdout) for c in ("init", "suggest")}
    event = _flat("--event VALUE") + _flat(message("help.suggest_event", lang))
    required = _flat("[required]" if lang == "en" else "[obligatoire]")
    for command, key in (("init", "help.init_outcome"), ("suggest", "help.suggest_outcome")):
        assert event in texts[command]
        outcome = _flat("--outcome COLUMN") + _flat(message(key, lang))
        assert outcome in texts[command]
        assert (outcome + required in texts[command]) is (command == "suggest")


@pytest.mark.parametrize("command", READERS)
def test_each_command_takes_quiet_and_says_no_warning(
    run: Run, semicolons: tuple[Path, Path], write: Write, command: str
) -> None:
    data, _ = semicolons
    # four criteria: the fourth set aside, a warning that -q keeps quiet
    four = CRITERIA + "  - key: named\n    when: not missing(name)\n"
    four += "  - key: fourth\n    when: amount > 0\n"
    rules = write("four.yaml", four)
    args = [*_arguments(command, data), "-c", str(rules), "--as-of", "2026-02-10"]
    told = run(*args)
    assert told.exit_code == 0, told.stderr
    assert "'fourth' is set aside" in told.stdout + told.stderr  # check's list is its output
    quiet = run(*args, "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "")


def test_a_missing_criteria_file_from_the_environment_names_the_variable(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules.yaml").write_text("version: 1\n", encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_CRITERIA", "rules.yml")
    result = run("classify", str(EXAMPLE), "-o", "out.csv")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: criteria file not found: rules.yml (did you mean rules.yaml?) (env var: "
        "'PORTFOLIO_CRITERIA')\n",
    )
    french = run("check", "--lang", "fr")
    assert french.stderr == (
        "erreur : fichier de critères introuvable : rules.yml (vouliez-vous dire rules.yaml ?) "
        "(variable d'environnement 'PORTFOLIO_CRITERIA')\n"
    )
    # batch with --criteria-dir goes on without a common file only when none is named
    (tmp_path / "own").mkdir()
    batch = run("batch", str(EXAMPLE), "--criteria-dir", "own", "-o", "out")
    assert batch.stderr == result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["own", "rules.yaml"]
