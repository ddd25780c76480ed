"""`portfolio profile`: what sets each segment apart, and the outcome per segment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, Run, Write

CUSTOMERS = """id,score,spend,plan,left
A,9,500,gold,no
B,8,300,gold,no
C,7,100,gold,yes
D,2,200,basic,yes
E,1,400,basic,no
F,0,600,basic,yes
"""
CRITERIA = """version: 1
customers:
  id: id
criteria:
  - key: fan
    when: score >= 7
"""


@pytest.fixture
def small(write: Write) -> tuple[str, str]:
    return str(write("c.csv", CUSTOMERS)), str(write("c.yaml", CRITERIA))


def test_each_segment_names_what_sets_it_apart(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "-f", "json")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)
    satisfied = profile["segments"]["satisfied"]
    assert satisfied["customers"] == 3
    assert satisfied["share"] == 0.5
    # JSON carries the exact ratios (rounding is for people): shown here to 4 places
    assert satisfied["characteristics"][1]["segment"] == 2 / 3
    # gold: 100% of the segment against 50% of the portfolio; Cohen's h = pi - pi/2
    assert _rounded(satisfied["characteristics"]) == [
        {
            "column": "plan",
            "kind": "text",
            "value": "gold",
            "segment": 1.0,
            "portfolio": 0.5,
            "lift": 2.0,
            "score": 1.5708,
        },
        {
            "column": "left",  # profiled like any column when it is not the --outcome
            "kind": "text",
            "value": "no",
            "segment": 0.6667,
            "portfolio": 0.5,
            "lift": 1.3333,
            "score": 0.3398,
        },
        {
            "column": "spend",
            "kind": "number",
            "value": None,
            "segment": 300.0,
            "portfolio": 350.0,
            "lift": 0.8571,
            "score": 0.2673,  # |300 - 350| / standard deviation 187.08
        },
    ]
    assert profile["segments"]["unrecoverable"]["characteristics"][0]["value"] == "basic"
    assert profile["segments"]["easy_to_satisfy"] == {
        "customers": 0,
        "share": 0.0,
        "small": False,  # empty, not small: nothing to distrust
        "characteristics": [],
    }
    assert {"column": "score", "reason": "criteria"} in profile["skipped"]
    assert {"column": "id", "reason": "id"} in profile["skipped"]
    assert profile["outcome"] is None


def test_quiet_keeps_the_table_it_was_asked_for(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    told = run("profile", data, "-c", rules)
    quiet = run("profile", data, "-c", rules, "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert quiet.stdout == told.stdout
    assert "Satisfied: 3 customers" in quiet.stdout


def test_output_dash_is_standard_output(
    run: Run, small: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, rules = small
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    dash = run("profile", data, "-c", rules, "-f", "json", "-o", "-")
    assert (dash.exit_code, dash.stderr) == (0, "")
    assert dash.stdout == run("profile", data, "-c", rules, "-f", "json").stdout
    assert sorted(tmp_path.iterdir()) == before  # no file named '-'


def test_top_and_all_columns(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "-f", "json", "--top", "1", "--all-columns")
    profile = json.loads(result.stdout)
    first = profile["segments"]["satisfied"]["characteristics"]
    assert [(c["column"], c["segment"]) for c in first] == [("plan", 1.0)]
    assert "score" in profile["columns"]


def test_outcome_rate_and_lift_per_segment(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "-f", "json", "--outcome", "left")
    outcome = json.loads(result.stdout)["outcome"]
    assert outcome["portfolio"] == {"known": 6, "count": 3, "rate": 0.5}
    assert outcome["segments"]["satisfied"] == {
        "known": 3,
        "count": 1,
        "rate": 1 / 3,  # exact, as every machine format carries it
        "lift": (1 / 3) / 0.5,
    }
    assert outcome["segments"]["unrecoverable"]["rate"] == 2 / 3
    assert outcome["segments"]["easy_to_satisfy"]["rate"] is None


def test_outcome_per_tenth_of_the_call_list(run: Run, write: Write) -> None:
    # 20 customers: the 10 who meet the criterion come first (ids break ties), and of them
    # only K02 left; of the 10 who do not, the first eight left
    rows = ["id,score,left"]
    rows += [f"K{i:02d},9,{'yes' if i == 2 else 'no'}" for i in range(10)]
    rows += [f"K{i:02d},1,{'yes' if i < 18 else 'no'}" for i in range(10, 20)]
    data = write("twenty.csv", "\n".join(rows) + "\n")
    rules = write("o.yaml", CRITERIA)
    result = run("profile", str(data), "-c", str(rules), "-f", "json", "--outcome", "left")
    deciles = json.loads(result.stdout)["outcome"]["deciles"]
    assert [(d["decile"], d["from_rank"], d["to_rank"], d["count"]) for d in deciles] == [
        (1, 1, 2, 0),
        (2, 3, 4, 1),
        (3, 5, 6, 0),
        (4, 7, 8, 0),
        (5, 9, 10, 0),
        (6, 11, 12, 2),
        (7, 13, 14, 2),
        (8, 15, 16, 2),
        (9, 17, 18, 2),
        (10, 19, 20, 0),
    ]
    assert deciles[1]["rate"] == 0.5
    table = run("profile", str(data), "-c", str(rules), "--outcome", "left")
    lines = [" ".join(line.split()) for line in table.stdout.splitlines()]
    assert "'left' per tenth of the call list (1: called first)" in lines
    assert "2 3–4 2 1 50.0% ██████████" in lines
    assert "6 11–12 2 2 100.0% ████████████████████" in lines
    assert "10 19–20 2 0 0.0%" in lines


def test_outcome_as_0_1_with_blanks(run: Run, write: Write) -> None:
    data = write("o.csv", "id,score,left\nA,9,1\nB,9,\nC,1,0\nD,1,1\n")
    rules = write("o.yaml", CRITERIA)
    result = run("profile", str(data), "-c", str(rules), "-f", "json", "--outcome", "left")
    outcome = json.loads(result.stdout)["outcome"]
    assert outcome["unknown"] == 1
    assert outcome["segments"]["satisfied"] == {"known": 1, "count": 1, "rate": 1.0, "lift": 1.5}


def test_table_in_english_and_french(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    english = run("profile", data, "-c", rules, "--outcome", "left", "--lang", "en")
    assert english.exit_code == 0
    assert "Satisfied: 3 customers (50.0% of the portfolio)" in english.stdout
    assert "plan = gold" in english.stdout
    assert "median spend" in english.stdout
    assert "How often 'left' happened, per segment" in english.stdout
    lines = [" ".join(line.split()) for line in english.stdout.splitlines()]
    assert "plan = gold 100.0% 50.0% ×2.00 1.57" in lines
    assert "Whole portfolio 6 3 50.0% ×1.00" in lines
    french = run("profile", data, "-c", rules, "--outcome", "left", "--lang", "fr")
    lines = [" ".join(line.split()) for line in french.stdout.splitlines()]
    assert "Satisfaits : 3 clients (50,0 % du portefeuille)" in lines
    assert "plan = gold 100,0 % 50,0 % ×2,00 1,57" in lines
    assert "Tout le portefeuille 6 3 50,0 % ×1,00" in lines


def test_csv_rows(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "-f", "csv", "--outcome", "left", "--top", "1")
    assert result.stdout.splitlines() == [
        "segment,rank,kind,column,value,in_segment,in_portfolio,lift,score",
        '"satisfied",1,"text","plan","gold",1,0.5,2,1.5707963267948963',
        '"unrecoverable",1,"text","plan","basic",1,0.5,2,1.5707963267948963',
        f'"satisfied",,"outcome","left","rate",{1 / 3},0.5,{2 / 3},',
        '"easy_to_satisfy",,"outcome","left","rate",,0.5,,',
        f'"unrecoverable",,"outcome","left","rate",{2 / 3},0.5,{4 / 3},',
        # per tenth of the call list: ranks A=1 .. F=6 fall in tenths 1, 2, 4, 6, 7 and 9
        ',1,"decile","left","rate",0,0.5,0,',
        ',2,"decile","left","rate",0,0.5,0,',
        ',4,"decile","left","rate",1,0.5,2,',
        ',6,"decile","left","rate",1,0.5,2,',
        ',7,"decile","left","rate",0,0.5,0,',
        ',9,"decile","left","rate",1,0.5,2,',
    ]


def test_output_file_from_suffix(run: Run, small: tuple[str, str], tmp_path: Path) -> None:
    data, rules = small
    target = tmp_path / "profile.json"
    result = run("profile", data, "-c", rules, "-o", str(target))
    assert result.exit_code == 0
    assert json.loads(target.read_text())["total"] == 6
    assert result.stdout == ""


def test_outcome_read_by_the_criteria_is_refused(
    run: Run, small: tuple[str, str], tmp_path: Path
) -> None:
    data, rules = small
    target = tmp_path / "p.json"
    result = run("profile", data, "-c", rules, "--outcome", "score", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {rules}:6 criteria[0] (fan).when: the criteria read 'score', the --outcome "
        "column: checking criteria against an outcome they already read is circular; remove it "
        "from this rule or choose another --outcome column\n"
    )
    assert not target.exists()


def test_unknown_outcome_column_suggests(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "--outcome", "Left")
    assert result.exit_code == 2
    assert result.stderr == "error: --outcome: unknown column 'Left' (did you mean 'left'?)\n"


def test_outcome_that_is_not_yes_no(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "--outcome", "plan")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {data}: --outcome column 'plan' must hold yes/no, 1/0 or true/false, "
        "but row 2 holds 'gold'\n"
    )


def test_bad_format(run: Run, small: tuple[str, str]) -> None:
    data, rules = small
    result = run("profile", data, "-c", rules, "-f", "xml")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown format 'xml': use one of table, json, csv\n"


def test_telco_satisfied_customers_and_churn(run: Run, telco: Path) -> None:
    rules = ROOT / "examples" / "telco-profile.criteria.yaml"
    result = run(
        "profile", str(telco), "-c", str(rules), "-f", "json", "--outcome", "Churn", "--top", "3"
    )
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)
    satisfied = profile["segments"]["satisfied"]
    assert satisfied["customers"] == 1776
    first, second = satisfied["characteristics"][:2]
    assert (first["column"], first["segment"], first["portfolio"]) == (
        "TotalCharges",
        4121.025,
        1397.475,
    )
    assert (second["column"], second["value"]) == ("TechSupport", "Yes")
    assert (round(second["segment"], 4), round(second["portfolio"], 4)) == (0.4966, 0.2902)
    rates = {name: round(s["rate"], 4) for name, s in profile["outcome"]["segments"].items()}
    assert rates == {"satisfied": 0.0546, "easy_to_satisfy": 0.244, "unrecoverable": 0.4564}
    assert profile["outcome"]["portfolio"] == {"known": 7043, "count": 1869, "rate": 1869 / 7043}


@pytest.mark.parametrize("command", ["init", "profile"])
def test_help_has_an_example(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "--lang" in result.stdout


def test_registering_init_and_profile_loads_no_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys, portfolio_cli.cli; "
        "print(sorted({'pandas', 'numpy', 'pyarrow'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def _rounded(items: list[dict[str, object]]) -> list[dict[str, object]]:
    """Characteristics with their figures to 4 places, to compare with values worked by hand."""
    return [{k: round(v, 4) if isinstance(v, float) else v for k, v in i.items()} for i in items]


def test_a_number_too_large_for_an_integer_is_shown_not_a_crash(run: Run, tmp_path: Path) -> None:
    """A few distinct numbers make a category; 2**64 - 1 or infinity cannot be an Int64."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from conftest import ONE_CRITERION

    source = tmp_path / "c.parquet"
    pq.write_table(
        pa.table(
            {
                "customer_id": ["C1", "C2", "C3", "C4"],
                "orders_12m": [5, 1, 4, 0],
                "plan": pa.array([2**64 - 1, 0, 2**64 - 1, None], pa.uint64()),
                "ratio": [float("inf"), 1.0, float("inf"), 1.0],
            }
        ),
        source,
    )
    rules = tmp_path / "c.yaml"
    rules.write_text(ONE_CRITERION, encoding="utf-8")
    result = run("profile", str(source), "-c", str(rules), "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)


def test_csv_mirrors_a_semicolon_input(run: Run, write: Write, tmp_path: Path) -> None:
    data = write("fr.csv", CUSTOMERS.replace(",", ";"))
    rules = write("fr.yaml", CRITERIA)
    result = run("profile", str(data), "-c", str(rules), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("segment;rank;kind;column;value;")
    target = tmp_path / "profile.csv"
    written = run("profile", str(data), "-c", str(rules), "-o", str(target), "-q")
    assert written.exit_code == 0, written.stderr
    assert target.read_bytes() == b"\xef\xbb\xbf" + result.stdout.encode("utf-8")
    comma = run("profile", str(data), "-c", str(rules), "-f", "csv", "--out-delimiter", ",")
    assert comma.stdout.startswith("segment,rank,kind,column,value,")
