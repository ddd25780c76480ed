"""`portfolio batch`: many client files, one output each, summary.csv, failures and exit 3."""

from __future__ import annotations

import csv
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import AS_OF, EXAMPLE, EXAMPLE_CRITERIA, SMALL_CRITERIA, Run, Write

CRITERIA = SMALL_CRITERIA.replace("  name: name\n", "")  # the files have no name column
STRICT = CRITERIA.replace("orders >= 3", "orders >= 5")
NORTH = "id,orders,score,region\nN1,5,10,Bretagne\nN2,4,,Bretagne\nN3,0,3,Corse\n"
SOUTH = "id,orders,score,region\nS1,1,9,Corse\nS2,3,7,Var\n"


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture
def clients(write: Write) -> Path:
    folder = write("criteria.yaml", CRITERIA).parent
    (folder / "clients").mkdir()
    (folder / "clients" / "north.csv").write_text(NORTH, encoding="utf-8")
    (folder / "clients" / "south.csv").write_text(SOUTH, encoding="utf-8")
    return folder


def test_one_output_per_input_and_a_summary(run: Run, clients: Path) -> None:
    out = clients / "out"
    result = run(
        "batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"), "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["north.csv", "south.csv", "summary.csv"]
    north = rows(out / "north.csv")
    assert [(r["id"], r["segment"], r["priority"]) for r in north] == [
        ("N1", "satisfied", "1"),
        ("N2", "easy_to_satisfy", "2"),
        ("N3", "unrecoverable", "3"),
    ]
    assert (out / "summary.csv").read_text(encoding="utf-8") == (
        "file,customers,satisfied,easy_to_satisfy,unrecoverable,quality,nps,unjudged,status,error\n"
        f'"{clients / "clients" / "north.csv"}",3,1,1,1,{2 / 3},0,1,"ok",""\n'
        f'"{clients / "clients" / "south.csv"}",2,0,1,1,0.5,50,0,"ok",""\n'
    )
    assert "2 of 2 files classified, 5 customers" in result.stderr


def test_each_output_equals_what_classify_writes(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("batch", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "-o", str(out),
                 "--as-of", AS_OF, "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    single = tmp_path / "single.json"
    run("classify", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "-o", str(single), "--as-of", AS_OF)
    assert (out / "customers.json").read_bytes() == single.read_bytes()


def test_a_broken_input_is_named_skipped_and_exits_3(run: Run, clients: Path) -> None:
    (clients / "clients" / "broken.csv").write_text("customer,orders\nX,1\n", encoding="utf-8")
    out = clients / "out"
    result = run("batch", str(clients / "clients" / "*.csv"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(out), "-j", "1")  # fmt: skip
    assert result.exit_code == 3
    broken = clients / "clients" / "broken.csv"
    assert f"error: failed: {broken} has no column 'id'" in result.stderr
    assert "1 of 3 files failed (see summary.csv)" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["north.csv", "south.csv", "summary.csv"]
    summary = {Path(r["file"]).name: r for r in rows(out / "summary.csv")}
    assert summary["broken.csv"]["status"] == "failed"
    assert summary["broken.csv"]["customers"] == ""
    assert summary["broken.csv"]["error"].startswith(f"{broken} has no column 'id'")
    assert summary["north.csv"]["status"] == "ok"


def test_workers_write_errors_in_the_batch_language(run: Run, clients: Path) -> None:
    (clients / "clients" / "broken.csv").write_text("customer,orders\nX,1\n", encoding="utf-8")
    result = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(clients / "out"), "-j", "2", "--lang", "fr")  # fmt: skip
    assert result.exit_code == 3
    broken = clients / "clients" / "broken.csv"
    assert f"erreur : échec : {broken} n'a pas de colonne 'id'" in result.stderr
    assert "2 fichiers classés sur 3" in result.stderr


def test_criteria_dir_overrides_per_client(run: Run, clients: Path) -> None:
    own = clients / "own"
    own.mkdir()
    (own / "north.yaml").write_text(STRICT, encoding="utf-8")
    out = clients / "out"
    result = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "--criteria-dir", str(own), "-o", str(out), "-j", "1")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    north = {r["id"]: r["criteria"] for r in rows(out / "north.csv")}
    assert north == {"N1": "loyal|fan", "N2": "", "N3": ""}  # orders >= 5 from north.yaml
    south = {r["id"]: r["criteria"] for r in rows(out / "south.csv")}
    assert south == {"S1": "fan", "S2": "loyal"}  # the common criteria file


def test_a_client_without_criteria_fails_alone(
    run: Run, clients: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--criteria-dir without -c (and no criteria.yaml here): a client with no file of its
    own is one failed input (exit 3); the others are still classified."""
    own = clients / "own"
    own.mkdir()
    (own / "north.yaml").write_text(STRICT, encoding="utf-8")
    monkeypatch.chdir(clients / "clients")  # no criteria.yaml in the working folder
    out = clients / "out"
    result = run("batch", str(clients / "clients"), "--criteria-dir", str(own),
                 "-o", str(out), "-j", "1")  # fmt: skip
    assert result.exit_code == 3
    south = clients / "clients" / "south.csv"
    problem = (
        f"no criteria file for {south}: add {own}/south.yaml or pass -c FILE for the files "
        "without their own"
    )
    assert f"error: failed: {problem}\n" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["north.csv", "summary.csv"]
    summary = {Path(r["file"]).name: r for r in rows(out / "summary.csv")}
    assert (summary["south.csv"]["status"], summary["south.csv"]["error"]) == ("failed", problem)
    assert summary["north.csv"]["status"] == "ok"


def test_two_inputs_with_one_stem_write_nothing(run: Run, clients: Path) -> None:
    other = clients / "other"
    other.mkdir()
    (other / "north.csv").write_text(NORTH, encoding="utf-8")
    out = clients / "out"
    result = run("batch", str(clients / "clients"), str(other), "-c",
                 str(clients / "criteria.yaml"), "-o", str(out))  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {clients / 'clients' / 'north.csv'} and {other / 'north.csv'} would both be "
        f"written to {out / 'north.csv'}: rename one of them or run them in two batches\n"
    )
    assert not out.exists()


def test_a_broken_common_criteria_file_stops_before_any_output(
    run: Run, clients: Path, write: Write
) -> None:
    bad = write("bad.yaml", "version: 1\ncustomers: {id: id}\ncriteria: []\n")
    out = clients / "out"
    result = run("batch", str(clients / "clients"), "-c", str(bad), "-o", str(out))
    assert result.exit_code == 2
    assert "criteria" in result.stderr
    assert not out.exists()


def test_a_pattern_that_matches_nothing_fails_the_batch(run: Run, clients: Path) -> None:
    out = clients / "out"
    result = run("batch", str(clients / "clients" / "north.csv"), str(clients / "nope*.csv"),
                 "-c", str(clients / "criteria.yaml"), "-o", str(out), "--lang", "fr")  # fmt: skip
    assert result.exit_code == 3
    assert f"erreur : aucun fichier ne correspond à {clients / 'nope*.csv'}" in result.stderr
    assert "1 fichier en échec sur 2 (voir summary.csv)" in result.stderr
    assert (out / "north.csv").exists()


def test_no_input_at_all(run: Run, clients: Path) -> None:
    result = run("batch", str(clients / "nothing*.csv"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(clients / "out"))  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == ("error: no input file to classify: name CSV files, globs or folders\n")


def test_formula_cells_in_outputs_are_neutralised(run: Run, write: Write) -> None:
    write("c.yaml", CRITERIA)
    data = write("=cmd.csv", "id,orders,score,region\n@SUM(A1),3,9,Var\n")
    out = data.parent / "out"
    result = run("batch", str(data), "-c", str(data.parent / "c.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert rows(out / "=cmd.csv")[0]["id"] == "'@SUM(A1)"


def test_help_and_check_do_not_load_pandas() -> None:
    """`portfolio --help` and `check` without INPUT start without pandas or pyarrow."""
    probe = (
        "import sys\n"
        "from portfolio_cli.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules)\n"
        "print('loaded:', heavy, file=sys.stderr)\n"
    )
    for args in (["--help"], ["batch", "--help"], ["check", "-c", str(EXAMPLE_CRITERIA)]):
        result = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
        )
        assert result.stderr.endswith("loaded: []\n"), (args, result.stderr)
        assert result.stdout


def test_xlsx_outputs(run: Run, clients: Path) -> None:
    from portfolio_cli.readers import read_text

    out = clients / "out"
    result = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(out), "-f", "xlsx", "-j", "1")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["north.xlsx", "south.xlsx", "summary.csv"]
    table = read_text(out / "north.xlsx").table
    assert table.column("id").to_pylist() == ["N1", "N2", "N3"]
    assert table.column("segment").to_pylist() == ["satisfied", "easy_to_satisfy", "unrecoverable"]
    import fastexcel

    sheet = fastexcel.read_excel(out / "north.xlsx").load_sheet(0).to_arrow()
    assert sheet.column("priority").to_pylist() == [1.0, 2.0, 3.0]  # numbers, not text cells


def test_semicolon_inputs_give_semicolon_outputs_and_summary(run: Run, clients: Path) -> None:
    """A French consultant's `;` exports: every output and summary.csv open in French Excel."""
    for name in ("north.csv", "south.csv"):
        path = clients / "clients" / name
        path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    out = clients / "out"
    result = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(out), "--as-of", AS_OF)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    for name in ("north.csv", "south.csv", "summary.csv"):
        data = (out / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        assert b";" in data.splitlines()[0]
    summary = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert summary.startswith("file;customers;satisfied;easy_to_satisfy;unrecoverable;quality;")


def test_mixed_separators_give_a_comma_summary(run: Run, clients: Path) -> None:
    north = clients / "clients" / "north.csv"
    north.write_text(NORTH.replace(",", ";"), encoding="utf-8")
    out = clients / "out"
    result = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(out), "--as-of", AS_OF)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (out / "north.csv").read_bytes().startswith(b"\xef\xbb\xbfid;segment;")
    assert (out / "south.csv").read_bytes().startswith(b"id,segment,")
    assert (out / "summary.csv").read_bytes().startswith(b"file,customers,")
    chosen = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(out), "--as-of", AS_OF, "--out-delimiter", "tab")  # fmt: skip
    assert chosen.exit_code == 0, chosen.stderr
    assert (out / "north.csv").read_bytes().startswith(b"id\tsegment\t")
    assert (out / "summary.csv").read_bytes().startswith(b"file\tcustomers\t")


def test_header_row_applies_to_every_input(run: Run, clients: Path) -> None:
    for name in ("north.csv", "south.csv"):
        path = clients / "clients" / name
        path.write_text("Export\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    out = clients / "out"
    found = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                "-o", str(out), "--as-of", AS_OF)  # fmt: skip
    assert found.exit_code == 0, found.stderr
    assert [r["id"] for r in rows(out / "north.csv")] == ["N1", "N2", "N3"]
    forced = run("batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"),
                 "-o", str(out), "--as-of", AS_OF, "--header-row", "1")  # fmt: skip
    assert forced.exit_code == 3  # the title line taken as the header: one field, not four
    assert "north.csv: row 3 has 4 fields" in forced.stderr


def test_verbose_says_how_each_input_was_read(run: Run, clients: Path) -> None:
    semicolons = clients / "clients" / "south.csv"
    semicolons.write_text(SOUTH.replace(",", ";"), encoding="cp1252")
    out = clients / "out"
    args = ["batch", str(clients / "clients"), "-c", str(clients / "criteria.yaml"), "-o",
            str(out), "--as-of", AS_OF, "-j", "1"]  # fmt: skip
    result = run(*args, "-v")
    assert result.exit_code == 0, result.stderr
    north, south = clients / "clients" / "north.csv", semicolons
    assert result.stderr.startswith(
        f"{north}: csv, utf-8, delimiter ',', 3 rows\n{south}: csv, utf-8, delimiter ';', 2 rows\n"
    )
    assert "2 of 2 files classified" in result.stderr
    quiet = run(*args)
    assert (quiet.exit_code, quiet.stderr.count("delimiter")) == (0, 0)


def test_dash_is_refused_as_the_output_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("batch", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "-o", "-")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "error: -o - (standard output) cannot hold one output per input and summary.csv: give "
        "a folder, e.g. -o results/\n",
    )
    assert list(tmp_path.iterdir()) == []


# --- a worker told to stop whose signal's exception is lost ----------------------------------
# In the field: SIGTERM reached a worker as numpy imported pandas, C code swallowed the
# exception, and the worker ran on, took the next job and waited for more after the main
# process had gone, holding the caller's standard error open (a cron job that never ends).
LOST_IN_WORKER = """
import os, signal, sys, time
from pathlib import Path
from portfolio_cli import batch
from portfolio_cli.writers.files import atomic_write

def classify_losing_the_signal(job):
    with atomic_write(Path(sys.argv[1])) as out:
        out.write(b"half an output")
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        except BaseException:
            pass  # the signal's exception, lost
        if sys.argv[2] == "runs-on":
            time.sleep(60)
    return "an outcome for the main process"

batch.classify_one = classify_losing_the_signal
batch._start_worker()
print(batch._work(None))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
@pytest.mark.parametrize("after", ["runs-on", "finishes"])
def test_a_worker_that_lost_its_signal_still_ends_and_takes_no_more_work(
    tmp_path: Path, after: str
) -> None:
    """It ends within its grace with 143 and its temporary file removed (`runs-on`); one that
    finishes its job first hands nothing back to take another (`finishes`)."""
    output = tmp_path / "out.json"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", LOST_IN_WORKER, str(output), after],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 143, done.stderr
    assert time.monotonic() - started < 30  # the grace is two seconds, not the job's minute
    assert done.stdout == ""  # no outcome handed back
    assert list(tmp_path.glob(".*.tmp")) == []
    assert output.exists() == (after == "finishes")


class _Pool:
    """What `batch._stop` uses of a ProcessPoolExecutor: its workers, and shutdown."""

    def __init__(self, workers: list[subprocess.Popen[bytes]]) -> None:
        self._processes = {w.pid: w for w in workers}
        self.shut = False

    def shutdown(self, wait: bool, cancel_futures: bool) -> None:
        self.shut = (wait, cancel_futures) == (False, True)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
@pytest.mark.parametrize("pidfd", [True, False], ids=["pidfd", "polled"])
def test_a_worker_deaf_to_sigterm_is_killed_and_its_temporary_file_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pidfd: bool
) -> None:
    """The last resort of the main process: a worker still there after the wait is killed, and
    the temporary files of the jobs that did not finish are removed for it; a finished job's
    temporary file (another run's, as far as this one knows) is left alone. Waited for
    through a pidfd, or by polling its process id where there is none."""
    import datetime as dt
    import os

    from portfolio_cli import batch

    if pidfd and not hasattr(os, "pidfd_open"):
        pytest.skip("no pidfd on this system")
    if not pidfd:
        monkeypatch.delattr(os, "pidfd_open", raising=False)
    monkeypatch.setattr(batch, "WORKERS_WAIT", 0.5)
    deaf = subprocess.Popen(
        [sys.executable, "-c",
         "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
         "print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert deaf.stdout is not None
    assert deaf.stdout.readline() == b"ready\n"  # its SIGTERM is ignored from now on
    jobs = [
        batch.Job(
            tmp_path / f"{name}.csv", None, tmp_path / f"{name}.json", "json", dt.date.today()
        )
        for name in ("done", "cut")
    ]
    finished_temporary = tmp_path / ".done.json.0000aaaa.tmp"  # another run's, as far as we know
    finished_temporary.write_bytes(b"")
    (tmp_path / ".cut.json.1234abcd.tmp").write_bytes(b"half an output")
    pool = _Pool([deaf])

    started = time.monotonic()
    try:
        batch._stop(pool, jobs, finished=[0])
        ended = deaf.poll()  # _stop has waited for it to end
    finally:  # whatever happens, it does not outlive the test
        deaf.kill()
        deaf.wait(timeout=10)
        deaf.stdout.close()

    assert ended == -signal.SIGKILL
    assert time.monotonic() - started < 10
    assert pool.shut
    assert sorted(p.name for p in tmp_path.iterdir()) == [finished_temporary.name]
