"""History: snapshots per as-of date, previous_segment / segment_since, `portfolio history`.

The three monthly extracts in examples/months/ are classified once each *without* history; the
expected migration, segment_since and listing are computed here from those plain results, then
compared with what the history file gives.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CRIT, EX, ROOT, Run

MONTHS = {
    "2026-09-30": ROOT / "examples" / "months" / "2026-09.csv",
    "2026-10-31": ROOT / "examples" / "months" / "2026-10.csv",
    "2026-11-30": ROOT / "examples" / "months" / "2026-11.csv",
}
SEGMENTS = ("satisfied", "easy_to_satisfy", "unrecoverable")


@pytest.fixture(scope="module")
def months() -> dict[str, dict[str, object]]:
    """The three months classified without history (computed once for the module)."""
    from typer.testing import CliRunner

    from portfolio_cli.cli import app

    out = {}
    for day, path in MONTHS.items():
        result = CliRunner().invoke(
            app, ["classify", str(path), "-c", CRIT, "--as-of", day, "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr
        out[day] = json.loads(result.stdout)
    return out


def segments_of(document: dict[str, object]) -> dict[str, str]:
    customers = document["customers"]
    assert isinstance(customers, list)
    return {row["customer_id"]: row["segment"] for row in customers}


def expected_matrix(before: dict[str, str], after: dict[str, str]) -> dict[str, dict[str, int]]:
    """The migration matrix from two plain classifications, counted one customer at a time."""
    matrix = {row: dict.fromkeys((*SEGMENTS, "lost"), 0) for row in (*SEGMENTS, "new")}
    for customer, segment in after.items():
        matrix[before.get(customer, "new")][segment] += 1
    for customer, segment in before.items():
        if customer not in after:
            matrix[segment]["lost"] += 1
    return matrix


def record_months(run: Run, history: Path, days: list[str], *extra: str) -> dict[str, object]:
    """Classify the given months with --history, in the given order; the last run's JSON."""
    last: dict[str, object] = {}
    for day in days:
        result = run(
            "classify", str(MONTHS[day]), "-c", CRIT, "--as-of", day, "--history", str(history),
            "-f", "json", *extra,
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        last = json.loads(result.stdout)
    return last


def test_the_example_months_show_every_kind_of_movement(
    months: dict[str, dict[str, object]],
) -> None:
    sep, oct_, nov = (segments_of(months[d]) for d in MONTHS)
    for before, after in ((sep, oct_), (oct_, nov)):
        matrix = expected_matrix(before, after)
        assert sum(matrix["new"].values()) == 10  # arrivals
        assert sum(row["lost"] for row in matrix.values()) > 0  # departures
        down = matrix["satisfied"]["easy_to_satisfy"] + matrix["satisfied"]["unrecoverable"]
        up = matrix["easy_to_satisfy"]["satisfied"] + matrix["unrecoverable"]["satisfied"]
        assert down > 0
        assert up > 0


def test_migration_matrix_matches_the_monthly_data(
    run: Run, tmp_path: Path, months: dict[str, dict[str, object]]
) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, list(MONTHS))
    sep, oct_, nov = (segments_of(months[d]) for d in MONTHS)
    for start, end, before, after in (
        ("2026-09-30", "2026-10-31", sep, oct_),
        ("2026-10-31", "2026-11-30", oct_, nov),
        ("2026-09-30", "2026-11-30", sep, nov),
    ):
        result = run("history", str(history), "--from", start, "--to", end, "-f", "json")
        assert result.exit_code == 0, result.stderr
        document = json.loads(result.stdout)
        assert document["matrix"] == expected_matrix(before, after)
        rank = {name: index for index, name in enumerate(SEGMENTS)}
        down = {c for c in after if c in before and rank[after[c]] > rank[before[c]]}
        assert {m["id"] for m in document["moved_down"]} == down
        assert all(m["previous_segment"] == before[m["id"]] for m in document["moved_down"])
        priorities = [m["priority"] for m in document["moved_down"]]
        assert priorities == sorted(priorities)


def test_listing_gives_each_snapshot_with_the_plain_summary(
    run: Run, tmp_path: Path, months: dict[str, dict[str, object]]
) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, list(MONTHS))
    result = run("history", str(history), "-f", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["as_of"] for row in rows] == list(MONTHS)
    for row, day in zip(rows, MONTHS, strict=True):
        summary = months[day]["summary"]
        assert isinstance(summary, dict)
        assert int(row["total"]) == summary["total"]
        assert {s: int(row[s]) for s in SEGMENTS} == summary["segments"]
        assert float(row["quality"]) == summary["quality"]
        assert float(row["nps"]) == summary["nps"]


def test_previous_segment_and_segment_since(
    run: Run, tmp_path: Path, months: dict[str, dict[str, object]]
) -> None:
    history = tmp_path / "history.sqlite"
    last = record_months(run, history, list(MONTHS))
    sep, oct_, nov = (segments_of(months[d]) for d in MONTHS)
    customers = last["customers"]
    assert isinstance(customers, list)
    assert len(customers) == len(nov)
    for row in customers:
        customer = row["customer_id"]
        assert row["previous_segment"] == oct_.get(customer)
        # the date of the first month of the unbroken run in the current segment
        since = "2026-11-30"
        if oct_.get(customer) == nov[customer]:
            since = "2026-10-31"
            if sep.get(customer) == nov[customer]:
                since = "2026-09-30"
        assert row["segment_since"] == since, customer


def test_history_columns_follow_the_contract_columns(run: Run, tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    result = run(
        "classify", str(MONTHS["2026-09-30"]), "-c", CRIT, "--as-of", "2026-09-30",
        "--history", str(history), "-f", "csv", "--keep-columns",
    )  # fmt: skip
    header = result.stdout.splitlines()[0].split(",")
    assert header[:11] == [
        "customer_id", "name", "segment", "priority", "criteria_met", "criteria", "problems",
        "compensated", "action", "previous_segment", "segment_since",
    ]  # fmt: skip
    assert header[11] == "city"  # the input's own columns come after
    first = next(csv.DictReader(io.StringIO(result.stdout)))
    assert (first["previous_segment"], first["segment_since"]) == ("", "2026-09-30")


def test_without_history_no_column_is_added(run: Run) -> None:
    result = run("classify", str(MONTHS["2026-09-30"]), "-c", CRIT, "-f", "csv")
    assert "previous_segment" not in result.stdout.splitlines()[0]


def test_the_environment_variable_turns_history_on(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("PORTFOLIO_HISTORY", str(history))
    result = run("classify", str(MONTHS["2026-09-30"]), "-c", CRIT, "--as-of", "2026-09-30",
                 "-f", "csv", "-q")  # fmt: skip
    assert result.exit_code == 0
    assert "segment_since" in result.stdout.splitlines()[0]
    assert history.is_file()
    listing = run("history", "-f", "csv")  # no path: $PORTFOLIO_HISTORY
    assert listing.stdout.splitlines()[1].startswith("2026-09-30,280,")


def test_same_as_of_replaces_the_snapshot(run: Run, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, ["2026-09-30", "2026-10-31", "2026-10-31"])
    # the October extract run again as of 2026-10-31, but from November's file
    result = run(
        "classify", str(MONTHS["2026-11-30"]), "-c", CRIT, "--as-of", "2026-10-31",
        "--history", str(history), "-q", "-f", "csv",
    )  # fmt: skip
    assert result.exit_code == 0
    with sqlite3.connect(history) as db:
        counts = db.execute("SELECT as_of, count(*) FROM customers GROUP BY 1").fetchall()
        snapshots = db.execute("SELECT count(*) FROM snapshots").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    assert snapshots == 2
    assert counts == [("2026-09-30", 280), ("2026-10-31", 282)]
    assert version == 1


def test_months_recorded_out_of_order_give_the_same_history(
    run: Run, tmp_path: Path, months: dict[str, dict[str, object]]
) -> None:
    in_order, shuffled = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    record_months(run, in_order, list(MONTHS))
    record_months(run, shuffled, ["2026-11-30", "2026-09-30", "2026-10-31"])
    query = "SELECT as_of, id, segment, segment_since FROM customers ORDER BY 1, 2"
    with sqlite3.connect(in_order) as a, sqlite3.connect(shuffled) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
    a.close()
    b.close()


@pytest.mark.parametrize("command", ["classify", "report", "history"])
def test_a_folder_as_history_file_is_named_as_one(run: Run, tmp_path: Path, command: str) -> None:
    folder = tmp_path / "kept"
    folder.mkdir()
    out = tmp_path / "out.csv" if command == "classify" else tmp_path / "report.html"
    args = {"history": ["history", str(folder)]}.get(
        command, [command, EX, "-c", CRIT, "-o", str(out), "--history", str(folder)]
    )
    result = run(*args)
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {folder} is a folder, not a history file: name a file in it, e.g. "
        f"{folder / 'portfolio-history.sqlite'}\n",
    )
    assert not out.exists()


def test_history_errors_are_clear(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    result = run("history", str(missing))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: no history file at {missing}: run `portfolio classify` or `portfolio report` "
        "with --history FILE first\n",
    )
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    result = run("classify", str(MONTHS["2026-09-30"]), "-c", CRIT, "--history", str(other))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {other} is an SQLite file, but not a portfolio history file\n",
    )
    newer = tmp_path / "newer.sqlite"
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 7")
    db.close()
    result = run("history", str(newer))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {newer} was written by a newer portfolio (schema 7, this one reads 1): "
        "upgrade portfolio\n"
    )
    text = tmp_path / "text.sqlite"
    text.write_text("not a database, just text that is long enough to have a header" * 10)
    result = run("history", str(text))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {text} is not a portfolio history file (")


def test_unknown_snapshot_date_lists_the_dates(run: Run, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, ["2026-09-30", "2026-10-31"])
    result = run("history", str(history), "--from", "2026-08-31", "--to", "2026-10-31")
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: no snapshot dated 2026-08-31 in {history} (snapshots: 2026-09-30, 2026-10-31)\n",
    )
    result = run("history", str(history), "--to", "2026-09-30")
    assert result.exit_code == 2
    assert "no snapshot before 2026-09-30" in result.stderr


def test_history_table_and_french(run: Run, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, list(MONTHS))
    result = run("history", "--history", str(history))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.split()[:2] == ["2026-11-30", "282"] for line in lines)
    assert "3 snapshots" in result.stdout
    # and how customers moved: the latest snapshot against the one before, as --to shows it
    moved = run("history", str(history), "--to", "2026-11-30").stdout
    assert "From 2026-10-31 to 2026-11-30" in result.stdout
    assert result.stdout.endswith(moved)
    result = run("history", str(history), "--to", "2026-11-30", "--lang", "fr")
    assert "Du 2026-10-31 au 2026-11-30" in result.stdout
    assert "Clients qui ont baissé" in result.stdout
    assert "Partis" in result.stdout


def test_terminal_table_shows_where_each_customer_was(
    run: Run, tmp_path: Path, months: dict[str, dict[str, object]]
) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, ["2026-10-31"])
    oct_, nov = segments_of(months["2026-10-31"]), segments_of(months["2026-11-30"])
    labels = {"satisfied": "Satisfied", "easy_to_satisfy": "Easy to satisfy",
              "unrecoverable": "Unrecoverable"}  # fmt: skip
    args = ("classify", str(MONTHS["2026-11-30"]), "-c", CRIT, "--as-of", "2026-11-30",
            "--history", str(history), "--limit", "0")  # fmt: skip
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split()[:5] == ["#", "customer_id", "name", "segment", "was"]
    shown = {}
    for line in lines[4:]:
        parts = line.split()
        if len(parts) > 1 and parts[1] in nov:
            shown[parts[1]] = line
    assert len(shown) == len(nov)
    for customer, line in shown.items():
        before, now = oct_.get(customer), nov[customer]
        after_segment = line.split(labels[now], 1)[1].strip()
        if before is None:
            assert after_segment.startswith("new "), line
        elif before == now:
            assert not after_segment.startswith(("new", "↑", "↓")), line
        else:
            arrow = "↑" if SEGMENTS.index(now) < SEGMENTS.index(before) else "↓"
            assert after_segment.startswith(f"{arrow} {labels[before]}"), line
    assert any("↑" in line for line in shown.values())
    assert any("↓" in line for line in shown.values())
    french = run(*args, "--lang", "fr")
    assert french.stdout.splitlines()[2].split()[:5] == [
        "#",
        "customer_id",
        "name",
        "segment",
        "avant",
    ]
    assert "↓ Satisfait" in french.stdout
    assert "nouveau" in french.stdout


def test_without_history_the_table_has_no_was_column(run: Run) -> None:
    result = run("classify", str(MONTHS["2026-09-30"]), "-c", CRIT, "--limit", "3")
    header = result.stdout.splitlines()[2].split()
    assert header == [
        "#",
        "customer_id",
        "name",
        "segment",
        "buyer",
        "promoter",
        "time",
        "problems",
    ]


@pytest.mark.parametrize("command", ["classify", "report"])
def test_a_failed_output_write_stores_no_snapshot(run: Run, tmp_path: Path, command: str) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, ["2026-10-31"])
    before = history.read_bytes()
    target = tmp_path / "missing" / ("out.csv" if command == "classify" else "report.html")
    result = run(
        command, str(MONTHS["2026-11-30"]), "-c", CRIT, "--as-of", "2026-11-30",
        "--history", str(history), "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot write {target}: the folder {target.parent} does not exist\n"
    )
    assert history.read_bytes() == before
    listing = run("history", str(history), "-f", "json")
    assert [s["as_of"] for s in json.loads(listing.stdout)["snapshots"]] == ["2026-10-31"]
    # the same run with a folder that exists stores the snapshot
    target.parent.mkdir()
    ok = run(
        command, str(MONTHS["2026-11-30"]), "-c", CRIT, "--as-of", "2026-11-30",
        "--history", str(history), "-o", str(target),
    )  # fmt: skip
    assert ok.exit_code == 0, ok.stderr
    listing = run("history", str(history), "-f", "json")
    assert [s["as_of"] for s in json.loads(listing.stdout)["snapshots"]] == [
        "2026-10-31", "2026-11-30",
    ]  # fmt: skip


# --- runs sharing one history file -----------------------------------------------------------

# One writer: a snapshot of `rows` customers, stored once every writer is ready to start.
WRITER = """
import datetime as dt, sys, time
from pathlib import Path
from portfolio_cli import history
from portfolio_cli.result import Summary
path, day, rows, ready, count = sys.argv[1:6]
customers = [
    history.CustomerRow(f"C{i:06d}", None, "satisfied", i + 1, "a", "") for i in range(int(rows))
]
summary = Summary.from_dict({"total": int(rows), "quality": 1.0, "nps": None,
           "segments": {"satisfied": int(rows), "easy_to_satisfy": 0, "unrecoverable": 0}})
Path(ready, day).touch()
while len(list(Path(ready).iterdir())) < int(count):
    time.sleep(0.005)
history.save_snapshot(Path(path), as_of=dt.date.fromisoformat(day), criteria_sha256="x",
                      criteria_file="c.yaml", summary=summary, customers=customers)
"""
TEN_DAYS = [f"2026-{month:02d}-01" for month in range(1, 11)]


def _at_once(command: list[str], days: list[str], ready: Path) -> list[tuple[int, str]]:
    """Start one process per day (`{day}` and `{ready}` filled in) and wait for them all."""
    ready.mkdir()
    writers = [
        subprocess.Popen(
            [
                part.replace("{day}", day)
                .replace("{ready}", str(ready))
                .replace("{count}", str(len(days)))
                for part in command
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for day in days
    ]
    ends = [writer.communicate(timeout=600)[1] for writer in writers]
    return [(writer.returncode, end) for writer, end in zip(writers, ends, strict=True)]


@pytest.mark.parametrize(("existing", "rows"), [(False, 10), (True, 20_000)])
def test_ten_writers_at_once_all_land_their_snapshot(
    tmp_path: Path, rows: int, existing: bool
) -> None:
    """Ten cron jobs sharing a history: on a new file (the tables are created once) and on a
    file that has snapshots (each waits while another writes its 20,000 rows)."""
    from portfolio_cli import history
    from portfolio_cli.result import Summary

    path = tmp_path / "h.sqlite"
    if existing:
        history.save_snapshot(
            path, as_of=dt.date(2025, 12, 1), criteria_sha256="x", criteria_file="c.yaml",
            summary=Summary.from_dict({"total": 0}), customers=[],
        )  # fmt: skip
    command = [sys.executable, "-c", WRITER, str(path), "{day}", str(rows), "{ready}", "{count}"]
    ends = _at_once(command, TEN_DAYS, tmp_path / "ready")
    assert ends == [(0, "")] * 10
    kept = history.snapshots(path)
    assert [s.as_of for s in kept] == (["2025-12-01"] if existing else []) + TEN_DAYS
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 10 * rows


def test_classify_runs_at_once_share_one_history(tmp_path: Path) -> None:
    """The whole command (the output written inside the snapshot's transaction), three at
    once on a new file: fewer than ten, since each starts a Python with pandas."""
    path = tmp_path / "h.sqlite"
    command = [
        sys.executable, "-c",
        "import sys, time\nfrom pathlib import Path\n"
        "Path(sys.argv[1], sys.argv[2]).touch()\n"
        "while len(list(Path(sys.argv[1]).iterdir())) < 3: time.sleep(0.005)\n"
        "from portfolio_cli.entry import main\n"
        "sys.argv = ['portfolio', *sys.argv[3:]]\nmain()",
        "{ready}", "{day}", "classify", str(MONTHS["2026-11-30"]), "-c", CRIT, "--as-of", "{day}",
        "--history", str(path), "-f", "csv", "-q",
    ]  # fmt: skip
    ends = _at_once(command, TEN_DAYS[:3], tmp_path / "ready")
    assert ends == [(0, "")] * 3
    assert [row.split()[0] for row in _history_lines(path)] == TEN_DAYS[:3]


def _history_lines(path: Path) -> list[str]:
    from portfolio_cli import history

    return [f"{s.as_of} {s.total}" for s in history.snapshots(path)]


def test_a_history_locked_too_long_is_one_clear_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run never waits forever: past the wait, one line, exit 2, no output, no snapshot."""
    from portfolio_cli import history

    path = tmp_path / "h.sqlite"
    first = run("classify", str(MONTHS["2026-09-30"]), "-c", CRIT, "--as-of", "2026-09-30",
                "--history", str(path), "-f", "csv", "-q")  # fmt: skip
    assert first.exit_code == 0
    monkeypatch.setattr(history, "BUSY_WAIT", 0.3)
    monkeypatch.setattr(history, "LOCK_TIMEOUT", 0.05)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run writing, and taking its time
    try:
        out = tmp_path / "out.csv"
        result = run("classify", str(MONTHS["2026-10-31"]), "-c", CRIT, "--as-of", "2026-10-31",
                     "--history", str(path), "-o", str(out))  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path} stayed locked by another run for 0.3 s: nothing was written; run again "
        "when it has finished\n"
    )
    assert not out.exists()
    assert [s.as_of for s in history.snapshots(path)] == ["2026-09-30"]


def test_csv_listing_takes_the_out_delimiter(run: Run, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite"
    record_months(run, history, ["2026-10-31"])
    plain = run("history", str(history), "-f", "csv")
    assert plain.stdout.startswith("as_of,total,")
    french = run("history", str(history), "-f", "csv", "--out-delimiter", ";")
    assert french.exit_code == 0, french.stderr
    assert french.stdout.startswith("as_of;total;satisfied;")  # standard output: no mark
    assert french.stdout.replace(";", ",") == plain.stdout


def test_a_missing_history_file_from_the_environment_names_the_variable(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nowhere.sqlite"
    monkeypatch.setenv("PORTFOLIO_HISTORY", str(missing))
    result = run("history")
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: no history file at {missing} (env var: 'PORTFOLIO_HISTORY'): correct "
        "PORTFOLIO_HISTORY, or run `portfolio classify` or `portfolio report` with --history "
        "FILE first\n",
    )
    typed = run("history", str(tmp_path / "typed.sqlite"))  # a typed path is named alone
    assert typed.stderr == (
        f"error: no history file at {tmp_path / 'typed.sqlite'}: run `portfolio classify` or "
        "`portfolio report` with --history FILE first\n"
    )
    assert not missing.exists()


def test_help_of_out_delimiter_speaks_of_the_history_csv(run: Run) -> None:
    """history reads no input and writes no file: its --out-delimiter is the CSV's separator."""
    result = run("history", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Field separator of --format csv: , ; | or tab (default: a comma)." in text
    assert "the input's own" not in text
    assert "-o and ';'" not in text
