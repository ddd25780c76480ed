"""`portfolio init`: the five steps as questions, answered with real keystrokes."""

from __future__ import annotations

import datetime as dt
import importlib.abc
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AS_OF, EXAMPLE, EXAMPLE_CRITERIA, Run, Write
from portfolio_cli.criteria import load_criteria
from portfolio_cli.engine import classify
from portfolio_cli.readers import read_customers

# A new user rebuilding criteria.example.yaml from examples/customers.csv, one answer a line.
EXAMPLE_ANSWERS = [
    "",  # id column: the proposed customer_id (1)
    "",  # name column: the proposed name (2)
    "Buys again, recommends us, pays on time.",
    "2",  # defined by the customer
    "2026-06-15",
    "",  # every 12 months
    "",  # NPS column: the proposed recommend_score (9)
    "6",  # criterion 1: orders_12m
    "1",  # >=
    "3",
    "repeat_buyer",
    "Buys regularly",
    "9",  # criterion 2: recommend_score
    "1",
    "9",
    "promoter",
    "Recommends us",
    "11",  # criterion 3: late_payments
    "5",  # ==
    "0",
    "pays_on_time",
    "Pays on time",
    "4",  # problem 1: region
    "1",  # is one of
    "Corse, Guyane",
    "outside_area",
    "Outside our delivery area",
    "n",
    "10",  # problem 2: complaints_12m
    "2",  # >
    "3",
    "chronic_complainer",
    "Complains constantly",
    "y",
    "",  # no more problems
    "2",  # two criteria compensate
    "7",  # tie-break: total_spent
    "1",  # largest first
]


def keys(answers: list[str]) -> str:
    return "\n".join(answers) + "\n"


def segments(criteria: Path) -> list[tuple[str, str, int]]:
    rules = load_criteria(criteria)
    customers = read_customers(EXAMPLE, rules.customers.id)
    result = classify(customers, rules)
    frame = result.customers
    return list(zip(frame["customer_id"], frame["segment"], frame["priority"], strict=True))


def test_answers_like_a_new_user_classify_the_list_as_the_example(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "criteria.yaml"
    result = run(
        "init", str(target), "--from", str(EXAMPLE), "--as-of", AS_OF,
        input=keys(EXAMPLE_ANSWERS),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # questions go to standard error
    said = result.stderr
    assert "   6. orders_12m  (number, e.g. 6)" in said
    assert "   4. region  (text, e.g. Auvergne-Rhône-Alpes)" in said
    assert "orders_12m is a number: from 0 to 19; quartiles 1 / 5 / 9." in said
    assert "  → orders_12m >= 3: 172 of 300 customers meet it." in said
    assert (
        "  → late_payments == 0: 178 of 300 customers meet it. "
        "(unknown for 14: a value is missing, counted as not met)"
    ) in said
    assert '  → region in ["Corse", "Guyane"]: present for 12 of 300 customers.' in said
    assert (
        f"On {EXAMPLE}: satisfied 88, easy to satisfy 137, unrecoverable 75 "
        "(portfolio quality 75.0 %)."
    ) in said
    rules = load_criteria(target)
    assert [(r.key, r.when) for r in rules.criteria] == [
        ("repeat_buyer", "orders_12m >= 3"),
        ("promoter", "recommend_score >= 9"),
        ("pays_on_time", "late_payments == 0"),
    ]
    assert [(r.key, r.when, r.compensable) for r in rules.problems] == [
        ("outside_area", 'region in ["Corse", "Guyane"]', False),
        ("chronic_complainer", "complaints_12m > 3", True),
    ]
    assert rules.satisfaction.defined_by == "customer"
    assert rules.listening.nps == "recommend_score"
    assert str(rules.listening.last_done) == "2026-06-15"
    assert segments(target) == segments(EXAMPLE_CRITERIA)
    check = run("check", str(EXAMPLE), "-c", str(target), "--as-of", AS_OF)
    assert check.exit_code == 0
    assert check.stdout.rstrip().endswith(f"{target}: usable")


def test_the_file_is_commented_step_by_step(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    run("init", str(target), "--from", str(EXAMPLE), input=keys(EXAMPLE_ANSWERS))
    text = target.read_text(encoding="utf-8")
    for comment in (
        "# step 1: what satisfied means, and who defined it",
        "# step 2: listen to customers at least once a year",
        "# step 3: the three most important, most important first",
        "# step 4: what you do not want in a customer",
        "# step 5: act (compensation and tie-break)",
    ):
        assert comment in text


def test_a_wrong_answer_is_asked_again(run: Run, tmp_path: Path) -> None:
    answers = list(EXAMPLE_ANSWERS)
    answers[0:1] = ["4", "1"]  # region cannot be the id: many customers share a region
    answers[5:6] = ["15/06/2026", "2026-06-15"]  # a date as YYYY-MM-DD
    # a comparison out of range, then a threshold that is not a number: each asked again
    answers[10:12] = ["7", "1", "three", "3"]
    result = run("init", str(tmp_path / "c.yaml"), "--from", str(EXAMPLE), input=keys(answers))
    assert result.exit_code == 0, result.stderr
    assert "region cannot be the id: some customers share a value or have none." in result.stderr
    assert "Please type a date as YYYY-MM-DD (or press Enter if never)." in result.stderr
    assert "Please type a number from 1 to 6." in result.stderr
    assert "Please type a number." in result.stderr


def test_without_data_conditions_are_typed_and_checked(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    answers = [
        "id",  # id column
        "",  # no name column
        "Comes back",
        "1",
        "",  # never listened
        "",
        "",  # no NPS column
        "orders >= ",  # does not parse: asked again
        "orders >= 3",
        "",
        "",
        "",  # no more criteria
        "",  # no problems
        "spent down",  # not asc/desc
        "spent desc",
    ]
    result = run("init", str(target), input=keys(answers))
    assert result.exit_code == 0, result.stderr
    assert "That condition cannot be used:" in result.stderr
    assert "Listen at least once a year" in result.stderr
    assert "Write a column, then asc or desc, e.g. total_spent desc." in result.stderr
    rules = load_criteria(target)
    assert [(r.key, r.label, r.when) for r in rules.criteria] == [
        ("orders", "orders >= 3", "orders >= 3")
    ]
    assert rules.listening.last_done is None
    assert [str(k) for k in rules.policy.order_by] == ["spent desc"]


def test_an_existing_file_is_kept_unless_the_user_says_so(run: Run, write: Write) -> None:
    target = write("criteria.yaml", "mine\n")
    result = run("init", str(target), "--from", str(EXAMPLE), input="n\n")
    assert result.exit_code == 0
    assert f"{target} already exists. Replace it? (y/n) [n]: " in result.stderr
    assert f"Nothing written: {target} is unchanged." in result.stderr
    assert target.read_text() == "mine\n"
    replaced = run("init", str(target), "--from", str(EXAMPLE), input=keys(["y", *EXAMPLE_ANSWERS]))
    assert replaced.exit_code == 0
    assert load_criteria(target).criteria[0].key == "repeat_buyer"


def test_force_replaces_without_asking(run: Run, write: Write) -> None:
    target = write("criteria.yaml", "mine\n")
    result = run(
        "init", str(target), "--from", str(EXAMPLE), "--force", input=keys(EXAMPLE_ANSWERS)
    )
    assert result.exit_code == 0
    assert "already exists" not in result.stderr
    assert load_criteria(target).criteria[0].key == "repeat_buyer"


def test_end_of_input_writes_nothing(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    result = run("init", str(target), "--from", str(EXAMPLE), input=keys(EXAMPLE_ANSWERS[:9]))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "error: No answer (end of input): nothing written. For scripts use --from INPUT --yes.\n"
    )
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_yes_writes_a_starting_file_without_questions(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "start.yaml"
    result = run("init", str(target), "--from", str(EXAMPLE), "--yes", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "?" not in result.stderr
    rules = load_criteria(target)
    assert rules.customers.id == "customer_id"
    assert rules.customers.name == "name"
    assert rules.listening.nps == "recommend_score"
    assert [(r.key, r.when) for r in rules.criteria] == [
        ("promoter", "recommend_score >= 9"),
        ("orders_12m", "orders_12m >= 5"),  # medians of examples/customers.csv
        ("total_spent", "total_spent >= 2787.15"),
    ]
    assert [(r.key, r.when, r.compensable) for r in rules.problems] == [
        ("complaints_12m", "complaints_12m > 2", True),
        ("late_payments", "late_payments > 1", True),
    ]
    assert [str(k) for k in rules.policy.order_by] == ["total_spent desc"]
    again = run("init", str(target), "--from", str(EXAMPLE), "--yes")
    assert again.exit_code == 2
    assert again.stderr == (
        f"error: {target} already exists: pass --force to replace it, or choose another PATH\n"
    )


def test_delimiter_by_name_on_a_tab_separated_list(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "clients.txt"
    source.write_text("customer_id\torders\nA1\t3\nA2\t1\nA3\t5\n", encoding="utf-8")
    target = tmp_path / "c.yaml"
    result = run("init", str(target), "--from", str(source), "--yes", "--delimiter", "tab")
    assert result.exit_code == 0, result.stderr
    rules = load_criteria(target)
    assert rules.customers.id == "customer_id"
    assert [r.when for r in rules.criteria] == ["orders >= 3"]


TITLED = (
    "Export clients au 04/12/2026;;;;\r\n"
    "Code client;Nom;Nb commandes;Chiffre d'affaires;Réclamations\r\n"
    "01001;Boulangerie Dupré;12;4 250,00 €;1\r\n"
    "01002;Café des Arts;3;520,20 €;4\r\n"
    "01003;Pâtisserie Élise;24;5 812,40 €;0\r\n"
)


def test_from_skips_an_exports_title_line(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_bytes(TITLED.encode("cp1252"))
    target = tmp_path / "c.yaml"
    result = run("init", str(target), "--from", str(source), "--yes")
    assert result.exit_code == 0, result.stderr
    rules = load_criteria(target)
    assert (rules.customers.id, rules.customers.name) == ("Code client", "Nom")
    assert run("classify", str(source), "-c", str(target), "-f", "csv", "-q").exit_code == 0


def test_from_skips_a_workbooks_title_cell(run: Run, tmp_path: Path) -> None:
    import xlsxwriter

    source = tmp_path / "clients.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet()
    sheet.write_string(0, 0, "Export clients au 04/12/2026")
    for row, line in enumerate(TITLED.splitlines()[1:], start=1):
        for column, cell in enumerate(line.split(";")):
            sheet.write_string(row, column, cell)
    book.close()
    target = tmp_path / "c.yaml"
    result = run("init", str(target), "--from", str(source), "--yes")
    assert result.exit_code == 0, result.stderr
    assert load_criteria(target).customers.id == "Code client"


def test_a_first_line_that_fills_most_cells_is_the_header() -> None:
    from portfolio_cli.readers.sniff import likely_header

    assert likely_header([["Export au 04/12", "", "", ""], ["a", "b", "c", "d"]]) == 1
    assert likely_header([["a", "b", "", "d"], ["1", "2", "3", "4"]]) == 0
    assert likely_header([["a"], ["1"]]) == 0
    assert likely_header([]) == 0


def test_yes_needs_from(run: Run, tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "c.yaml"), "--yes")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --yes needs --from INPUT: the starting file is made from the columns of a "
        "customer list\n"
    )


def test_questions_and_file_in_french(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    answers = list(EXAMPLE_ANSWERS)
    answers[27] = "n"
    answers[33] = "o"
    result = run("init", str(target), "--from", str(EXAMPLE), "--lang", "fr", input=keys(answers))
    assert result.exit_code == 0, result.stderr
    assert "Étape 1 sur 5 : Définir la satisfaction" in result.stderr
    assert "  → orders_12m >= 3 : 172 clients sur 300 le remplissent." in result.stderr
    assert "Un client qui remplit assez de critères peut-il le compenser ? (o/n) [n]" in (
        result.stderr
    )
    text = target.read_text(encoding="utf-8")
    assert "# étape 3 : les trois plus importants, le plus important d’abord" in text
    assert load_criteria(target).problems[1].compensable


pexpect = pytest.importorskip("pexpect", reason="pexpect is in the test extra")


def test_end_to_end_in_a_terminal(tmp_path: Path) -> None:
    """The installed `portfolio` command in a real pseudo-terminal, answered line by line."""
    command = Path(sys.executable).with_name("portfolio")
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    child = pexpect.spawn(
        str(command),
        ["init", "--from", str(EXAMPLE), "--as-of", AS_OF],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    prompts = [
        "customer id",
        "the name",
        "in one sentence",
        "Choice",
        "YYYY-MM-DD",
        "in months",
        "0-10 answer",
        "Criterion 1",
        "Choice",
        "Threshold",
        "Short key",
        "Label",
        "Criterion 2",
        "Choice",
        "Threshold",
        "Short key",
        "Label",
        "Criterion 3",
        "Choice",
        "Threshold",
        "Short key",
        "Label",
        "Problem 1",
        "Choice",
        "Values",
        "Short key",
        "Label",
        "make up for it",
        "Problem 2",
        "Choice",
        "Threshold",
        "Short key",
        "Label",
        "make up for it",
        "Problem 3",
        "compensable problem",
        "who comes first",
        "Choice",
    ]
    assert len(prompts) == len(EXAMPLE_ANSWERS)
    for prompt, answer in zip(prompts, EXAMPLE_ANSWERS, strict=True):
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Wrote criteria.yaml.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert segments(tmp_path / "criteria.yaml") == segments(EXAMPLE_CRITERIA)


def test_ctrl_c_in_a_terminal_writes_nothing(tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("portfolio")
    child = pexpect.spawn(str(command), ["init"], cwd=str(tmp_path), encoding="utf-8", timeout=30)
    child.expect_exact("customer id")
    child.sendintr()
    child.expect_exact("Cancelled: nothing written.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


class _InterruptedImport(importlib.abc.MetaPathFinder):
    """Ctrl-C pressed while the command line is being imported."""

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname == "portfolio_cli.cli":
            raise KeyboardInterrupt


def test_ctrl_c_while_the_tool_starts_ends_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Ctrl-C during the imports (a few tenths of a second) exits 130 and prints nothing.

    (Done in-process: with a real terminal the moment the signal lands cannot be chosen.)"""
    from portfolio_cli import entry

    monkeypatch.delitem(sys.modules, "portfolio_cli.cli")
    monkeypatch.setattr(sys, "meta_path", [_InterruptedImport(), *sys.meta_path])
    with pytest.raises(SystemExit) as ended:
        entry.main()
    assert ended.value.code == 130
    assert capsys.readouterr() == ("", "")


def test_odd_column_names_and_values_make_conditions_that_parse(run: Run, write: Write) -> None:
    data = write(
        "odd.csv",
        'code,Chiffre d\'affaires,ville\nA1,1200,"Paris ""centre"""\nA2,300,Lyon\nA3,,Lyon\n',
    )
    target = data.parent / "odd.yaml"
    answers = [
        "1", "0", "", "1", "", "", "",  # customers, step 1, step 2 (no NPS)
        "2", "1", "1000", "", "",  # Chiffre d'affaires >= 1000
        "3", "2", 'Paris "centre"', "", "",  # ville not one of: a value holding quotes
        "", "",  # no more criteria, no problems
        "",  # tie-break by id
    ]  # fmt: skip
    result = run("init", str(target), "--from", str(data), input=keys(answers))
    assert result.exit_code == 0, result.stderr
    assert "  → `Chiffre d'affaires` >= 1000: 1 of 3 customers meet it. (unknown for 1" in (
        result.stderr
    )
    assert '  → ville != "Paris \\"centre\\"": 2 of 3 customers meet it.' in result.stderr
    rules = load_criteria(target)
    assert [(r.key, r.when) for r in rules.criteria] == [
        ("chiffre_d_affaires", "`Chiffre d'affaires` >= 1000"),
        ("ville", 'ville != "Paris \\"centre\\""'),
    ]


def test_refusals_before_any_question(run: Run, tmp_path: Path) -> None:
    missing = run("init", str(tmp_path / "nope" / "c.yaml"), "--from", str(EXAMPLE))
    assert missing.exit_code == 2
    assert missing.stderr == (
        f"error: cannot write {tmp_path / 'nope' / 'c.yaml'}: the folder {tmp_path / 'nope'} "
        "does not exist\n"
    )
    stdin = run("init", str(tmp_path / "c.yaml"), "--from", "-", input="")
    assert stdin.exit_code == 2
    assert stdin.stderr == (
        "error: --from - would read the customer list from standard input, where the answers "
        "come from: give a file, or add --yes\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_yes_reads_the_list_from_standard_input(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    result = run(
        "init", str(target), "--from", "-", "--yes", input=EXAMPLE.read_text(encoding="utf-8")
    )
    assert result.exit_code == 0, result.stderr
    assert load_criteria(target).listening.nps == "recommend_score"


# --- column names that are not plain words: every generated condition parses ------------------

AWKWARD_NAMES = [
    "a`b",
    "`start",
    "end`",
    "``",
    "it's",
    'say "hi"',
    "two words",
    "and",
    "in",
    "not",
    "None",
    "NaN",
    "null",
    "true",
    "2024",
    "1e3",
    "-5",
    "Prénom",
    "ﬁrst",
    "名前",
    "☕ cups",
    "a.b",
    "x: y",
    "# note",
    "[list]",
    "{map}",
    "back\\slash",
    "yes",
    "~",
    "total desc",
    "line\nbreak",
    "tab\there",
    "nel\x85 u2028\u2028 end",
]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_generated_conditions_read_the_column_as_named(name: str) -> None:
    from portfolio_cli.conditions.check import check_condition
    from portfolio_cli.conditions.kinds import Kind
    from portfolio_cli.conditions.parser import parse_condition
    from portfolio_cli.conditions.tree import Column, walk
    from portfolio_cli.wizard import ColumnInfo, build_condition, comparisons

    values = {Kind.NUMBER: "3", Kind.DATE: "30", Kind.BOOL: "", Kind.TEXT: 'a, b "c"'}
    for kind, value in values.items():
        info = ColumnInfo(name, kind, "", 3)
        for comparison in comparisons(kind):
            when = build_condition(info, comparison, value)
            condition = parse_condition(when)
            assert condition.columns() == (name,), when
            check_condition(condition, {name: kind})
            assert all(n.name == name for n in walk(condition.tree) if isinstance(n, Column))


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_a_generated_file_parses_back_to_the_names(name: str) -> None:
    from portfolio_cli.conditions.kinds import Kind
    from portfolio_cli.criteria import parse_criteria
    from portfolio_cli.naming import column_ref
    from portfolio_cli.wizard import Answers, ColumnInfo, RuleAnswer, build_condition, render

    when = build_condition(ColumnInfo(name, Kind.TEXT, "", 3), "in", f"{name}, x")
    answers = Answers(
        id=name,
        name=name,
        nps=name,
        criteria=[RuleAnswer("k", name, when)],
        order_by=[f"{column_ref(name)} desc"],
    )
    rules = parse_criteria(render(answers), source="c.yaml")
    assert (rules.customers.id, rules.customers.name, rules.listening.nps) == (name,) * 3
    assert rules.criteria[0].when == when
    assert rules.criteria[0].label == name
    assert rules.criteria[0].condition.columns() == (name,)
    assert [(k.column, k.descending) for k in rules.policy.order_by] == [(name, True)]


def test_yes_on_awkward_column_names_writes_a_file_that_classifies(
    run: Run, tmp_path: Path
) -> None:
    import csv
    import io

    names = ["id", "a`b", 'say "hi" and', "total spent", "2024", "ﬁrst", "first"]
    buffer = io.StringIO()
    rows = csv.writer(buffer, lineterminator="\n")
    rows.writerow(names)
    for i in range(8):
        rows.writerow([f"C{i}", i, i * 2, i * 3, i % 4, i * 5, 7 - i])
    data = tmp_path / "odd.csv"
    data.write_text(buffer.getvalue(), encoding="utf-8")
    target = tmp_path / "odd.yaml"
    result = run("init", str(target), "--from", str(data), "--yes", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    rules = load_criteria(target)
    read = [rule.condition.columns() for rule in rules.criteria]
    assert read == [("a`b",), ('say "hi" and',), ("total spent",)]
    assert rules.criteria[0].when == "`a``b` >= 3.5"
    assert [str(k) for k in rules.policy.order_by] == ["total spent desc"]
    classified = run("classify", str(data), "-c", str(target), "-f", "csv", "-q")
    assert classified.exit_code == 0, classified.stderr
    assert classified.stdout.count("\n") == 9


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=12).filter(lambda n: n == n.strip() and n.strip()))
def test_any_column_name_round_trips_through_a_generated_file(name: str) -> None:
    from hypothesis import assume

    from portfolio_cli.criteria import HISTORY_COLUMNS, OUTPUT_COLUMNS, parse_criteria
    from portfolio_cli.naming import column_ref
    from portfolio_cli.wizard import Answers, RuleAnswer, render

    assume(name not in (*OUTPUT_COLUMNS, *HISTORY_COLUMNS))  # an id may not take those names
    when = f"{column_ref(name)} >= 1 and not missing({column_ref(name)})"
    answers = Answers(id=name, criteria=[RuleAnswer("k", name, when)])
    rules = parse_criteria(render(answers), source="c.yaml")
    assert rules.customers.id == name
    assert rules.criteria[0].condition.columns() == (name,)


def test_outcome_offers_the_suggestions_to_keep_edit_or_refuse(run: Run, tmp_path: Path) -> None:
    from portfolio_cli.readers import CsvOptions
    from portfolio_cli.suggest import suggest
    from portfolio_cli.wizard import read_any_list
    from test_suggest import planted

    source = tmp_path / "planted.csv"
    source.write_text(planted(3000), encoding="utf-8")
    day = "2026-12-01"
    found = suggest(
        read_any_list(str(source), CsvOptions()), "left", id_column="customer_id",
        as_of=dt.date.fromisoformat(day),
    )  # fmt: skip
    first, second, third = (rule.when for rule in found.criteria)
    answers = ["", "", "Stays", "", "", "", ""]  # id, name, step 1, step 2
    answers += ["k", "r", "e", "months >= 12"]  # keep the first, refuse the second, edit the third
    answers += [""]  # no third criterion of my own
    answers += ["r"] * len(found.problems) + [""]  # refuse every suggested problem, add none
    answers += [""]  # no tie-break
    target = tmp_path / "c.yaml"
    args = ("init", str(target), "--from", str(source), "--outcome", "left", "--as-of", day)
    result = run(*args, input=keys(answers))
    assert result.exit_code == 0, result.stderr
    assert "Learned from 'left' (bad event 'yes'), judged on 900 customers held out: AUC" in (
        result.stderr
    )
    assert f"Suggested criterion 1: {first}\n    left=yes " in result.stderr
    assert "Keep it, edit it or refuse it? (k/e/r) [k]: " in result.stderr
    rules = load_criteria(target)
    assert [r.when for r in rules.criteria] == [first, "months >= 12"]
    assert second not in [r.when for r in rules.rules()]
    assert third != "months >= 12"
    assert rules.problems == ()
    # --yes: the suggestions as they are
    again = tmp_path / "yes.yaml"
    result = run("init", str(again), "--from", str(source), "--outcome", "left", "--yes",
                 "--as-of", day)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [r.when for r in load_criteria(again).criteria] == [first, second, third]
    # --yes -q: the same file, and not a word
    quiet = tmp_path / "quiet.yaml"
    result = run("init", str(quiet), "--from", str(source), "--outcome", "left", "--yes",
                 "--as-of", day, "-q")  # fmt: skip
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", "")
    assert quiet.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")


def test_outcome_needs_from(run: Run, tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "c.yaml"), "--outcome", "left")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --outcome needs --from INPUT: the outcome is a column of the customer list\n"
    )


def test_the_file_written_is_tried_on_the_list_read_again(write: Write, tmp_path: Path) -> None:
    """`init --from`: a column with a blank or a repeated value is no id, and the criteria file
    is classified on the list read again with the id chosen, which refuses a blank id."""
    from portfolio_cli import wizard
    from portfolio_cli.errors import InputError
    from portfolio_cli.readers import CsvOptions

    data = write("blank.csv", "id,orders\nA,3\n,4\nB,1\n")
    customers = wizard.read_any_list(str(data))
    assert not wizard.usable_id(customers, "id")
    assert wizard.usable_id(customers, "orders")
    answers = wizard.Answers(id="id")
    answers.criteria = [wizard.RuleAnswer("buyer", "orders >= 3", "orders >= 3")]
    text, rules = wizard.checked_file(answers, "en", str(data), tmp_path / "criteria.yaml")
    assert "orders >= 3" in text
    assert rules.criteria[0].when == "orders >= 3"
    with pytest.raises(InputError) as refused:
        wizard.try_on(rules, str(data), customers, dt.date(2026, 11, 23), CsvOptions())
    assert refused.value.issues[0].message == (
        f"{data}: id is blank on row 3: every customer needs an id"
    )
    good = write("good.csv", "id,orders\nA,3\nB,4\nC,1\n")
    summary = wizard.try_on(rules, str(good), None, dt.date(2026, 11, 23), CsvOptions())
    assert summary.total == 3


def test_dash_writes_the_starting_file_to_standard_output(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "-", "--from", str(EXAMPLE), "--yes", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert list(tmp_path.iterdir()) == []  # no file named `-`
    saved = tmp_path / "criteria.yaml"
    saved.write_text(result.stdout, encoding="utf-8")
    assert [r.key for r in load_criteria(saved).criteria] == [
        "promoter",
        "orders_12m",
        "total_spent",
    ]
    # the person reads the classification on standard error; no `-c -` advised
    assert result.stderr.startswith(f"On {EXAMPLE}: satisfied ")
    assert "Wrote" not in result.stderr
    assert "-c -" not in result.stderr
