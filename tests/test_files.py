"""Output files: replaced whole or not at all — and never a device, a pipe or a link."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE, EXAMPLE_CRITERIA, Run


def test_a_named_pipe_is_written_in_place_not_replaced(run: Run, tmp_path: Path) -> None:
    """`-o /dev/null`, `-o /dev/stdout` or a pipe: renaming over them would put a file there."""
    pipe = tmp_path / "out.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    # a daemon: if the pipe were replaced, the reader would wait forever for a writer
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run(
        "classify", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "-f", "csv", "-o", str(pipe)
    )
    reader.join(timeout=10)

    assert not reader.is_alive(), "nothing was written into the pipe"
    assert result.exit_code == 0
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    lines = received[0].decode("utf-8").splitlines()
    assert lines[0].startswith("customer_id,name,segment,priority")
    assert len(lines) == 301
    assert [p.name for p in tmp_path.iterdir()] == ["out.pipe"]  # no temporary file left


def test_a_symbolic_link_stays_a_link_to_the_new_file(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)

    result = run("classify", str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "-o", str(link))

    assert result.exit_code == 0
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8").startswith("customer_id,name,segment")


# --- no output is a file the run reads -------------------------------------------------------

OVERWRITE_RULES = """\
version: 1
customers: {id: id, name: name}
listening: {nps: score}
orders: {customer: client, date: jour, amount: montant}
criteria:
  - {key: buyer, when: order_count >= 1}
  - {key: fan, when: score >= 9}
"""


def _reads(tmp_path: Path) -> dict[str, Path]:
    """A run's inputs, with a symbolic link, a hard link and a sub-folder to reach them by."""
    files = {
        "input": tmp_path / "customers.csv",
        "criteria": tmp_path / "rules.yaml",
        "orders": tmp_path / "orders.csv",
        "surveys": tmp_path / "surveys.csv",
    }
    files["input"].write_text("id,name\nA,Ann\nB,Bob\n", encoding="utf-8")
    files["criteria"].write_text(OVERWRITE_RULES, encoding="utf-8")
    files["orders"].write_text("client,jour,montant\nA,2026-01-02,10\n", encoding="utf-8")
    files["surveys"].write_text("id,date,score\nA,2026-01-02,10\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    return files


def _spellings(tmp_path: Path, target: Path) -> dict[str, str]:
    """Ways to name `target` other than its own name."""
    link = tmp_path / f"link-{target.name}"
    link.symlink_to(target.name)
    hard = tmp_path / f"hard-{target.name}"
    os.link(target, hard)
    return {
        "same": str(target),
        "dot": f"{tmp_path}/./{target.name}",
        "dotdot": f"{tmp_path}/sub/../{target.name}",
        "symlink": str(link),
        "hardlink": str(hard),
    }


ROLE_WORDS = {
    "input": "the input",
    "criteria": "the criteria file",
    "orders": "the orders file (--orders)",
    "surveys": "the surveys file (--surveys)",
}


def _snapshot(tmp_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(tmp_path.iterdir()) if p.is_file()}


@pytest.mark.parametrize("role", list(ROLE_WORDS))
@pytest.mark.parametrize("spelling", ["same", "dot", "dotdot", "symlink", "hardlink"])
@pytest.mark.parametrize(
    ("command", "extra"),
    [
        ("classify", ["-f", "csv"]),
        ("classify", ["-f", "xlsx"]),
        ("report", ["-f", "html"]),
        ("profile", ["-f", "json"]),
    ],
)
def test_no_output_is_a_file_the_run_reads(
    run: Run, tmp_path: Path, role: str, spelling: str, command: str, extra: list[str]
) -> None:
    files = _reads(tmp_path)
    output = _spellings(tmp_path, files[role])[spelling]
    before = _snapshot(tmp_path)
    given = ["-c", str(files["criteria"]), "--orders", str(files["orders"])]
    given += ["--surveys", str(files["surveys"]), "--as-of", "2026-11-23"]

    result = run(command, str(files["input"]), *given, *extra, "-o", output)

    assert result.exit_code == 2
    assert result.stderr == (
        f"error: -o {Path(output)} would overwrite {ROLE_WORDS[role]} {files[role]}: nothing was "
        "written; choose another name\n"
    )
    assert _snapshot(tmp_path) == before  # nothing written, nothing changed, no temporary file


@pytest.mark.parametrize("command", ["classify", "report"])
def test_no_output_is_the_history_file(run: Run, tmp_path: Path, command: str) -> None:
    """Neither a history that exists (every snapshot would go) nor one the run would create."""
    history = tmp_path / "h.sqlite"
    common = [str(EXAMPLE), "-c", str(EXAMPLE_CRITERIA), "--as-of", "2026-11-23"]
    common += ["-f", "csv"] if command == "classify" else ["-f", "html"]

    fresh = run(command, *common, "-o", str(history), "--history", str(history))
    assert fresh.exit_code == 2
    assert "would overwrite the history file (--history)" in fresh.stderr
    assert list(tmp_path.iterdir()) == []

    kept = run(command, *common, "-o", str(tmp_path / "out"), "--history", str(history))
    assert kept.exit_code == 0, kept.stderr
    before = history.read_bytes()
    for spelling in (str(history), f"{tmp_path}/./h.sqlite", f"{tmp_path}/out/../h.sqlite"):
        clash = run(command, *common, "-o", spelling, "--history", str(history))
        assert clash.exit_code == 2
        assert clash.stderr == (
            f"error: -o {Path(spelling)} would overwrite the history file (--history) {history}: "
            "nothing was written; choose another name\n"
        )
    assert history.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.sqlite", "out"]


def test_the_history_file_from_the_environment_is_protected_too(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _reads(tmp_path)
    history = tmp_path / "h.sqlite"
    monkeypatch.setenv("PORTFOLIO_HISTORY", str(history))
    result = run(
        "classify", str(files["input"]), "-c", str(files["criteria"]), "-f", "csv",
        "-o", str(history),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "would overwrite the history file (--history)" in result.stderr
    assert not history.exists()


def test_standard_input_redirected_from_the_output_is_refused(tmp_path: Path) -> None:
    """`portfolio classify - -o c.csv < c.csv` would replace the list it reads."""
    data = tmp_path / "c.csv"
    data.write_bytes(EXAMPLE.read_bytes())
    with data.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "portfolio_cli", "classify", "-", "-c", str(EXAMPLE_CRITERIA),
             "-o", str(data)],
            stdin=stdin, capture_output=True, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        f"error: -o {data} would overwrite the input read on standard input: nothing was "
        "written; choose another name\n"
    )
    assert data.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize("spelling", ["same", "dot", "dotdot", "symlink", "hardlink"])
def test_init_never_writes_over_the_list_it_reads(run: Run, tmp_path: Path, spelling: str) -> None:
    files = _reads(tmp_path)
    target = _spellings(tmp_path, files["input"])[spelling]
    before = _snapshot(tmp_path)
    result = run("init", target, "--from", str(files["input"]), "--yes", "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {Path(target)} would overwrite the input {files['input']}: nothing was written; "
        "choose another name\n"
    )
    assert _snapshot(tmp_path) == before


def test_batch_never_writes_over_its_inputs_or_criteria(run: Run, tmp_path: Path) -> None:
    files = _reads(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "customers.csv").write_text("id,name\nA,Ann\n", encoding="utf-8")
    (folder / "other.csv").write_text("id,name\nB,Bob\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    rules = str(tmp_path / "rules.yaml")
    (tmp_path / "rules.yaml").write_text(
        "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: a, when: id == 'A'}\n",
        encoding="utf-8",
    )
    # an output per input lands on the input
    same = run("batch", str(folder / "customers.csv"), "-c", rules, "-o", str(folder))
    assert same.exit_code == 2
    assert same.stderr == (
        f"error: -o {folder} would overwrite the input {folder / 'customers.csv'}: nothing was "
        "written; choose another name\n"
    )
    # summary.csv of the output folder is one of the inputs (through a link)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "summary.csv").symlink_to(folder / "other.csv")
    summary = run("batch", str(folder / "other.csv"), "-c", rules, "-o", str(tmp_path / "out"),
                  "-f", "json")  # fmt: skip
    assert summary.exit_code == 2
    assert f"would overwrite the input {folder / 'other.csv'}" in summary.stderr
    assert not (tmp_path / "out" / "other.json").exists()
    # a client's own criteria file in --criteria-dir is read too
    criteria_dir = tmp_path / "rules"
    criteria_dir.mkdir()
    (criteria_dir / "customers.yaml").write_text(files["criteria"].read_text(), encoding="utf-8")
    (criteria_dir / "customers.csv").hardlink_to(criteria_dir / "customers.yaml")
    own = run("batch", str(folder / "customers.csv"), "--criteria-dir", str(criteria_dir),
              "-o", str(criteria_dir))  # fmt: skip
    assert own.exit_code == 2
    assert "would overwrite the criteria file" in own.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# --- SIGTERM (what `timeout` and cron send) mid-write ------------------------------------------

SIGNAL_RULES = "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: big, when: n >= 3}\n"


def _big_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("id,n,city\n")
        out.writelines(f"C{i:07d},{i % 7},Ville {i % 97}\n" for i in range(rows))
    return path


def _when_writing(
    process: subprocess.Popen[bytes], folder: Path, *, begun: bool = False
) -> list[Path]:
    """Wait until the run has a temporary file in `folder` (it is writing), or with `begun`
    one that has its first bytes; the files."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        found = list(folder.glob(".*.tmp"))
        if found and (not begun or any(_size(path) for path in found)):
            return found
        time.sleep(0.002)
    raise AssertionError("the run ended before it started writing: make the input larger")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # renamed or removed meanwhile
        return 0


def test_a_hangup_ignored_by_nohup_stays_ignored(tmp_path: Path) -> None:
    """`nohup portfolio ...`: the terminal closing (SIGHUP) does not stop the run."""
    data = _big_csv(tmp_path / "big.csv", 150_000)
    rules = tmp_path / "r.yaml"
    rules.write_text(SIGNAL_RULES, encoding="utf-8")
    out = tmp_path / "out.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio_cli", "classify", str(data), "-c", str(rules),
         "-o", str(out), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),  # what nohup does
    )  # fmt: skip
    _when_writing(process, tmp_path)
    process.send_signal(signal.SIGHUP)
    _, errors = process.communicate(timeout=120)
    assert (process.returncode, errors) == (0, b"")
    assert len(json.loads(out.read_bytes())["customers"]) == 150_000


@pytest.mark.parametrize(("suffix", "rows"), [("csv", 300_000), ("json", 150_000)])
def test_sigterm_mid_write_leaves_the_old_output_and_no_temporary_file(
    tmp_path: Path, suffix: str, rows: int
) -> None:
    """csv: the file read in parts and written as it goes; json: written whole at the end."""
    data = _big_csv(tmp_path / "big.csv", rows)
    rules = tmp_path / "r.yaml"
    rules.write_text(SIGNAL_RULES, encoding="utf-8")
    out = tmp_path / f"out.{suffix}"
    out.write_text("previous run\n", encoding="utf-8")
    command = [sys.executable, "-m", "portfolio_cli", "classify", str(data), "-c", str(rules)]
    if suffix == "csv":  # read in parts: the temporary file is open for the whole run
        command += ["--chunk-rows", "20000"]
    process = subprocess.Popen(
        [*command, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _when_writing(process, tmp_path)
    process.send_signal(signal.SIGTERM)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGTERM, errors.decode()  # 143, as shells say
    assert b"Traceback" not in errors, errors.decode()
    assert list(tmp_path.glob(".*.tmp")) == []
    assert out.read_text(encoding="utf-8") == "previous run\n"


@pytest.mark.parametrize(
    ("engine", "number"),
    [
        ("arrow", signal.SIGTERM),
        ("arrow", signal.SIGINT),
        ("duckdb", signal.SIGTERM),
        ("duckdb", signal.SIGINT),
        ("duckdb", signal.SIGHUP),
    ],
)
def test_a_signal_stops_classify_on_either_engine(tmp_path: Path, engine: str, number: int) -> None:
    """A big file, stopped as it is written: exit 128 + the signal, not a word on standard
    error (DuckDB turns the signal into "Query interrupted", which is no bug of ours), the
    previous output kept and no temporary file left beside it. Arrow writes JSON whole at the
    end; DuckDB copies CSV straight into the temporary file."""
    fmt, rows = ("json", 300_000) if engine == "arrow" else ("csv", 600_000)
    data = _big_csv(tmp_path / "big.csv", rows)
    rules = tmp_path / "r.yaml"
    rules.write_text(SIGNAL_RULES, encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"out.{fmt}"
    out.write_text("previous run\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "portfolio_cli", "classify", str(data), "-c", str(rules),
         "--engine", engine, "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _when_writing(process, folder, begun=engine == "duckdb")  # DuckDB is in its query
    process.send_signal(number)
    try:
        _, errors = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"classify --engine {engine} still runs 60 s after signal {number}")
    assert (process.returncode, errors.decode()) == (128 + number, "")
    assert [p.name for p in folder.iterdir()] == [out.name]
    assert out.read_text(encoding="utf-8") == "previous run\n"


def _session(leader: int) -> list[int]:
    """The processes still running in the session that `leader` started (its workers, the
    forkserver, multiprocessing's resource tracker); zombies have ended, they are not counted."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue  # ended meanwhile
        state, session = fields[0], int(fields[3])
        if session == leader and state != b"Z":
            found.append(int(entry.name))
    return found


def _ended(leader: int, seconds: float) -> list[int]:
    """Wait until no process of `leader`'s session runs, `seconds` at most; those left."""
    deadline = time.monotonic() + seconds
    while (left := _session(leader)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(
    ("number", "whole_group"),
    [
        (signal.SIGTERM, False),
        (signal.SIGTERM, True),
        (signal.SIGINT, True),
        (signal.SIGHUP, True),
    ],
)
def test_sigterm_stops_a_batch_and_its_workers_without_temporary_files(
    tmp_path: Path, number: int, whole_group: bool
) -> None:
    """`kill PID` reaches the main process only; `timeout` signals the whole process group
    (the workers too, and the forkserver they come from), and so do Ctrl-C and a closed
    terminal. Each way: exit 128 + the signal (143 for SIGTERM) within seconds, no process of
    the run left behind, and no worker leaves a temporary file, even when it gets a second
    signal from the main process while removing it."""
    clients = tmp_path / "clients"
    clients.mkdir()
    for index in range(4):
        _big_csv(clients / f"c{index}.csv", 150_000)
    rules = tmp_path / "r.yaml"
    rules.write_text(SIGNAL_RULES, encoding="utf-8")
    out = tmp_path / "out"
    # standard error in a file, not a pipe: a process left behind would hold a pipe open and
    # make reading it wait forever
    errors_file = tmp_path / "stderr.txt"
    with errors_file.open("wb") as errors_out:
        process = subprocess.Popen(
            [sys.executable, "-m", "portfolio_cli", "batch", str(clients), "-c", str(rules),
             "-o", str(out), "-f", "json", "-j", "2"],
            stdout=subprocess.DEVNULL, stderr=errors_out, start_new_session=True,
        )  # fmt: skip
    try:
        out.mkdir(exist_ok=True)
        _when_writing(process, out)
        if whole_group:
            os.killpg(process.pid, number)
        else:
            process.send_signal(number)
        try:
            code = process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the batch still runs 60 s after signal {number}")
        left = _ended(process.pid, 10)
    finally:  # whatever failed above, nothing of the run outlives the test
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    errors = errors_file.read_text(encoding="utf-8", errors="replace")
    assert left == [], f"still running after the batch ended: {left}"
    assert code == 128 + number, errors
    assert "Traceback" not in errors, errors
    assert list(out.glob(".*.tmp")) == []
    assert not (out / "summary.csv").exists()
    written = sorted(p.name for p in out.iterdir())
    assert len(written) < 4, written  # stopped, not left to finish every input
