"""`portfolio suggest`: criteria learned from a known outcome, judged on held-out customers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import Run, Write
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.criteria import load_criteria
from portfolio_cli.suggest import auc_of_score

AS_OF = "2026-12-01"


def planted(rows: int = 6000, seed: int = 1, copy: bool = False) -> str:
    """A list where leaving follows three planted rules plus noise: a customer for 24 months or
    more, on the plus or premium plan, who ordered in the last 60 days leaves far less often."""
    rng = np.random.default_rng(seed)
    months = rng.integers(0, 72, rows)
    plan = rng.choice(["basic", "plus", "premium", "trial"], rows, p=[0.4, 0.25, 0.2, 0.15])
    days = rng.integers(0, 365, rows)
    noise_number = rng.normal(50, 10, rows).round(1)
    noise_text = rng.choice(["north", "south", "east", "west"], rows)
    met = (months >= 24).astype(int) + np.isin(plan, ["plus", "premium"]) + (days < 60)
    left = rng.random(rows) < 0.7 * 0.3**met
    as_of = np.datetime64(AS_OF)
    last_order = (as_of - days.astype("timedelta64[D]")).astype(str)
    header = "customer_id,months,plan,last_order,score,region,comment,left"
    if copy:
        header += ",left_flag"
        flag = left ^ (rng.random(rows) < 0.003)  # equal to the outcome on 99.7 % of rows
    lines = [header]
    for i in range(rows):
        line = (
            f"C{i:05d},{months[i]},{plan[i]},{last_order[i]},{noise_number[i]},{noise_text[i]},"
            f"note {i} from the call centre,{'yes' if left[i] else 'no'}"
        )
        if copy:
            line += f",{int(flag[i])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def small_list(rows: int, events: int) -> str:
    lines = ["id,spend,plan,left"]
    for i in range(rows):
        lines.append(f"K{i},{(i * 37) % 500},{'gold' if i % 3 else 'basic'},{int(i < events)}")
    return "\n".join(lines) + "\n"


def _rules(path: Path) -> dict[str, str]:
    rules = load_criteria(path)
    return {rule.condition.columns()[0]: rule.when for rule in rules.criteria}


def test_finds_the_planted_columns_and_thresholds(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("planted.csv", planted())
    out = tmp_path / "suggested.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    found = _rules(out)
    assert set(found) == {"months", "plan", "last_order"}
    assert found["plan"] == 'plan in ["plus", "premium"]'
    months = found["months"].split()
    assert months[:2] == ["months", ">="]
    assert 22 <= float(months[2]) <= 26
    days = found["last_order"].split()
    assert days[:2] == ["days_since(last_order)", "<"]
    assert 50 <= float(days[2]) <= 70
    # every rule is one line of the condition language
    for when in found.values():
        assert "\n" not in when
        parse_condition(when)
    assert "bad event 'yes'" in result.stdout
    assert "customer_id (id)" in result.stdout
    assert "comment (too many values)" in result.stdout
    assert "left (outcome)" in result.stdout


def test_the_file_written_classifies_the_same_list(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("planted.csv", planted(3000))
    out = tmp_path / "suggested.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "version: 1" in text
    assert "# left=yes " in text
    classified = run("classify", str(data), "-c", str(out), "-f", "csv", "--as-of", AS_OF)
    assert classified.exit_code == 0, classified.stderr
    assert len(classified.stdout.splitlines()) == 3001
    assert run("check", "-c", str(out)).exit_code == 0
    # the command it advises runs as written
    assert result.stderr.endswith(f"Check it with: portfolio check -c {out}\n")


def test_a_copy_of_the_outcome_is_never_read(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("copy.csv", planted(3000, copy=True))
    out = tmp_path / "suggested.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert (
        "warning: column 'left_flag' equals the outcome 'left' on 99.7 % of customers: "
        "it is a copy of it, no rule reads it\n"
    ) in result.stderr
    assert "left_flag (copy of the outcome)" in result.stdout
    rules = load_criteria(out)
    assert all("left_flag" not in rule.condition.columns() for rule in rules.rules())


def test_too_few_events_suggests_nothing(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("few.csv", small_list(3000, 35))
    out = tmp_path / "suggested.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (
        "Too few outcomes to learn from: the training part holds only 25 customers of the rarer "
        "value of 'left' (at least 30 are needed)."
    ) in result.stdout
    assert "No file written." in result.stdout
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "the training part holds only 1 customer of the rarer value of 'churn'"),
        ("fr", "la part d’apprentissage ne compte que 1 client de la valeur la plus rare"),
    ],
)
def test_one_customer_of_the_rarer_value_is_one_customer(
    run: Run, write: Write, lang: str, expected: str
) -> None:
    data = write("four.csv", "id;amount;churn\n1;5;yes\n2;500;no\n3;50;no\n4;7;yes\n")
    result = run("suggest", str(data), "--outcome", "churn", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout


def test_twenty_customers_use_folds_and_say_why_nothing(
    run: Run, write: Write, tmp_path: Path
) -> None:
    data = write("twenty.csv", small_list(20, 8))
    out = tmp_path / "suggested.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "Outcome 'left', bad event '1' (choose it with --event): 8 of 20 customers (40.0 %).\n"
    )
    assert "the training part holds only 6 customers" in result.stdout
    assert not out.exists()


def test_a_small_list_is_judged_by_folds(run: Run, write: Write) -> None:
    data = write("small.csv", planted(1200, seed=3))
    result = run("suggest", str(data), "--outcome", "left", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "Small list: rules judged by 5-fold cross-validation" in result.stdout
    assert "AUC of criteria met" in result.stdout
    assert "Add -o suggested.yaml to write them as a criteria file." in result.stdout
    # -q without -o: the suggestion is still the output, only the hint goes
    quiet = run("suggest", str(data), "--outcome", "left", "--as-of", AS_OF, "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert quiet.stdout == result.stdout.replace(
        "Add -o suggested.yaml to write them as a criteria file.\n", ""
    )


def test_ids_and_free_text_are_skipped(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("planted.csv", planted(2500))
    out = tmp_path / "s.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    read = {c for rule in load_criteria(out).rules() for c in rule.condition.columns()}
    assert not read & {"customer_id", "comment", "left"}


def test_current_criteria_are_judged_beside_and_carried_over(
    run: Run, write: Write, tmp_path: Path
) -> None:
    data = write("planted.csv", planted(3000))
    current = write(
        "current.yaml",
        "version: 1\ncustomers:\n  id: customer_id\nsatisfaction:\n  definition: Stays\n"
        "  defined_by: customer\nlistening:\n  last_done: 2026-03-01\ncriteria:\n"
        "  - key: loyal\n    when: months >= 12\npolicy:\n  order_by: [score desc]\n",
    )
    out = tmp_path / "s.yaml"
    result = run(
        "suggest", str(data), "--outcome", "left", "-c", str(current), "-o", str(out),
        "--as-of", AS_OF,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "current (current.yaml)" in result.stdout
    rules = load_criteria(out)
    assert rules.satisfaction.definition == "Stays"
    assert rules.satisfaction.defined_by == "customer"
    assert rules.listening.last_done == dt.date(2026, 3, 1)
    assert [str(key) for key in rules.policy.order_by] == ["score desc"]


def test_criteria_that_read_the_outcome_are_refused(run: Run, write: Write) -> None:
    data = write("planted.csv", planted(500))
    current = write(
        "c.yaml", 'version: 1\ncustomers:\n  id: customer_id\ncriteria:\n  - key: stays\n'
        '    when: left == "no"\n'
    )  # fmt: skip
    result = run("suggest", str(data), "--outcome", "left", "-c", str(current))
    assert result.exit_code == 2
    assert "criteria[0] (stays).when" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["--outcome", "leftt"],
            "error: --outcome: unknown column 'leftt' (did you mean 'left'?)\n",
        ),
        (
            ["--outcome", "left", "--event", "maybe"],
            "error: --event maybe: column 'left' never holds this value; its values: no, yes\n",
        ),
        (
            ["--outcome", "plan"],
            "error: --outcome plan holds more than two values (basic, plus, premium, trial): say "
            "which one is the bad event with --event VALUE\n",
        ),
    ],
)
def test_bad_outcome_options(run: Run, write: Write, args: list[str], error: str) -> None:
    data = write("planted.csv", planted(300))
    result = run("suggest", str(data), *args)
    assert result.exit_code == 2
    assert result.stderr == error


def test_the_output_never_overwrites_the_input(run: Run, write: Write) -> None:
    data = write("planted.csv", planted(300))
    before = data.read_bytes()
    result = run("suggest", str(data), "--outcome", "left", "-o", str(data))
    assert result.exit_code == 2
    assert f"-o {data} would overwrite the input {data}: nothing was written" in result.stderr
    assert data.read_bytes() == before
    text = "version: 1\ncustomers:\n  id: customer_id\ncriteria:\n"
    text += "  - key: a\n    when: months > 1\n"
    rules = write("c.yaml", text)
    result = run("suggest", str(data), "--outcome", "left", "-c", str(rules), "-o", str(rules))
    assert result.exit_code == 2
    assert "would overwrite the criteria file" in result.stderr
    assert rules.read_text(encoding="utf-8") == text


def test_french(run: Run, write: Write) -> None:
    data = write("planted.csv", planted(2500))
    result = run("suggest", str(data), "--outcome", "left", "--lang", "fr", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "Critères proposés (le plus important d’abord) :" in result.stdout
    assert "AUC des critères remplis" in result.stdout


def test_auc_of_a_score() -> None:
    score = np.array([0, 0, 1, 1, 2, 2])
    bad = np.array([True, True, False, True, False, False])
    # good customers: 1, 2, 2; bad: 0, 0, 1 → 8 pairs won, 1 tie out of 9
    assert auc_of_score(score, bad) == pytest.approx(8.5 / 9)
    assert auc_of_score(score, np.zeros(6, dtype=bool)) is None


def test_help_is_lean_and_has_an_example(run: Run) -> None:
    result = run("suggest", "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "--min-share" in result.stdout
    code = "import sys, portfolio_cli.cli; print(sorted({'pandas', 'numpy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_telco_targets(telco: Path) -> None:
    from portfolio_cli.readers import CsvOptions
    from portfolio_cli.suggest import suggest
    from portfolio_cli.wizard import read_any_list

    customers = read_any_list(str(telco), CsvOptions())
    found = suggest(customers, "Churn", id_column="customerID", seed=0)
    assert found.method == "holdout"
    assert found.judged_on == 2113
    figures = found.suggested
    assert figures is not None
    assert figures.auc is not None
    assert figures.ratio is not None
    assert figures.auc >= 0.80
    assert figures.ratio >= 8
    assert min(s["share"] for s in figures.segments.values()) >= 0.05
    assert len(found.criteria) == 3


def test_json_carries_the_exact_figures(run: Run, write: Write, tmp_path: Path) -> None:
    import json

    data = write("planted.csv", planted(3000))
    out = tmp_path / "s.yaml"
    args = ("suggest", str(data), "--outcome", "left", "--as-of", AS_OF, "-f", "json")
    result = run(*args, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["event"] == "yes"
    assert document["method"] == "holdout"
    assert document["judged_on"] == 900
    segments = document["suggested"]["segments"]
    assert sum(s["customers"] for s in segments.values()) == 900
    assert [c["when"] for c in document["criteria"]] == list(_rules(out).values())
    # the file's header says how the rules did on the held-out customers
    header = out.read_text(encoding="utf-8").splitlines()[1]
    auc = document["suggested"]["auc"]
    assert header.startswith(f"# On 900 customers held out: AUC of criteria met {auc:.3f}; ")
    bad = run("suggest", str(data), "--outcome", "left", "-f", "xml")
    assert bad.exit_code == 2
    assert bad.stderr == "error: unknown format 'xml': use table or json\n"


def test_on_a_short_list_names_and_comments_are_near_unique(write: Write) -> None:
    from portfolio_cli.readers import CsvOptions
    from portfolio_cli.suggest import usable_columns
    from portfolio_cli.wizard import read_any_list

    rows = ["id,name,plan,spend,left"]
    rows += [
        f"K{i},Name {i},{'gold' if i % 2 else 'basic'},{i * 10},{i % 3 == 0}" for i in range(12)
    ]
    customers = read_any_list(str(write("short.csv", "\n".join(rows) + "\n")), CsvOptions())
    columns, skipped = usable_columns(customers, "left", "id", dt.date(2026, 12, 1))
    assert [c.name for c in columns] == ["plan", "spend"]
    assert [(s.column, s.reason) for s in skipped] == [
        ("id", "id"),
        ("name", "near-unique"),
        ("left", "outcome"),
    ]


def test_a_flag_is_written_as_an_equality(run: Run, write: Write, tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    rows = 3000
    flag = rng.integers(0, 2, rows)
    months = rng.integers(0, 60, rows)
    left = rng.random(rows) < 0.6 * 0.3 ** (flag + (months >= 24))
    lines = ["id,auto_pay,months,left"]
    lines += [f"C{i},{flag[i]},{months[i]},{int(left[i])}" for i in range(rows)]
    data = write("flags.csv", "\n".join(lines) + "\n")
    out = tmp_path / "s.yaml"
    result = run("suggest", str(data), "--outcome", "left", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert _rules(out)["auto_pay"] == "auto_pay == 1"


def test_the_bad_event_is_chosen_and_said(run: Run, write: Write) -> None:
    text = planted(2500)
    data = write("planted.csv", text)
    result = run("suggest", str(data), "--outcome", "left", "--event", "no", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "bad event 'no'" in result.stdout
    # two values, none of them yes/true/1: the rarer one is the bad event
    renamed = write("renamed.csv", text.replace(",yes\n", ",gone\n").replace(",no\n", ",stayed\n"))
    result = run("suggest", str(renamed), "--outcome", "left", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "bad event 'gone'" in result.stdout


def test_reads_standard_input(run: Run) -> None:
    result = run("suggest", "-", "--outcome", "left", "--as-of", AS_OF, input=planted(2500))
    assert result.exit_code == 0, result.stderr
    assert "Suggested criteria (most important first):" in result.stdout


def test_a_list_read_without_criteria_needs_an_id_held_once(write: Write) -> None:
    from portfolio_cli.errors import UsageError
    from portfolio_cli.readers import CsvOptions
    from portfolio_cli.suggest import read_list

    data = write("dup.csv", "customer_id,left\nC1,yes\nC1,no\nC2,no\n")
    with pytest.raises(UsageError) as refused:
        read_list(str(data), CsvOptions(), None)
    assert refused.value.issues[0].message == (
        "column 'customer_id' looks like the customer id but holds 'C1' twice: name the id "
        "column with --id COLUMN (or give a criteria file with -c)"
    )
    with pytest.raises(UsageError) as refused:
        read_list(str(data), CsvOptions(), "custmer_id")
    assert refused.value.issues[0].message == (
        "--id custmer_id: unknown column 'custmer_id' (did you mean 'customer_id'?)"
    )
    customers, id_column = read_list(str(data), CsvOptions(), "left")
    assert (id_column, len(customers), customers.header) == ("left", 3, ("customer_id", "left"))


def test_dash_writes_the_criteria_file_to_standard_output(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write("planted.csv", planted(3000))
    monkeypatch.chdir(tmp_path)
    result = run("suggest", str(data), "--outcome", "left", "-o", "-", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "version: 1" in result.stdout
    assert "Suggested criteria" not in result.stdout  # the figures go to standard error
    assert "Suggested criteria (most important first):" in result.stderr
    assert not (tmp_path / "-").exists()
    kept = write("kept.yaml", result.stdout)
    assert run("check", "-c", str(kept)).exit_code == 0
    quiet = run("suggest", str(data), "--outcome", "left", "-o", "-", "--as-of", AS_OF, "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, result.stdout, "")


def test_dash_and_json_are_two_documents_for_one_output(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = write("planted.csv", planted(500))
    monkeypatch.chdir(tmp_path)
    result = run("suggest", str(data), "--outcome", "left", "-o", "-", "-f", "json")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: -o - and -f json would both go to standard output: write the criteria file "
        "to a file with -o FILE, or leave out -f json\n"
    )
    assert result.stdout == ""
    assert not (tmp_path / "-").exists()
