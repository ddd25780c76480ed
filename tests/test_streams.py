"""Standard streams and failed writes: a full disk, a closed stream, a reader that went away.

Each case runs the real program in a shell, since closed descriptors and /dev/full cannot be
faked in-process: one clear line and exit 2, or a quiet exit 0 for `| head`; never a
traceback, never "This is a bug", never a temporary file left behind.
"""

from __future__ import annotations

import errno
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CRIT, EX, Run

PORTFOLIO = f"{shlex.quote(sys.executable)} -m portfolio_cli"
FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")


def shell(command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `command` in bash with `portfolio` standing for this Python's program; the exit
    code is portfolio's own (the first of a pipeline)."""
    script = command.replace("portfolio ", f"{PORTFOLIO} ") + "; exit ${PIPESTATUS[0]}"
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"}
    env.pop("PORTFOLIO_CRITERIA", None)
    return subprocess.run(
        ["bash", "-c", script], capture_output=True, text=True, env=env, cwd=cwd, check=False
    )


STDOUT_FULL = "error: cannot write to standard output: no space left on device\n"


@needs_dev_full
@pytest.mark.parametrize(
    "command",
    [
        f"portfolio classify {EX} -c {CRIT} -f csv > /dev/full",
        f"portfolio classify {EX} -c {CRIT} -f json -q > /dev/full",
        f"portfolio classify {EX} -c {CRIT} > /dev/full",
        f"portfolio check -c {CRIT} > /dev/full",
        "portfolio --version > /dev/full",
        "portfolio classify --help > /dev/full",
    ],
)
def test_a_full_standard_output_is_one_line_and_exit_2(command: str) -> None:
    result = shell(command)
    assert result.returncode == 2
    assert result.stderr.endswith(STDOUT_FULL)
    assert "Traceback" not in result.stderr
    assert "bug" not in result.stderr


@needs_dev_full
def test_a_full_output_file_names_it(tmp_path: Path) -> None:
    result = shell(f"portfolio classify {EX} -c {CRIT} -f csv -o /dev/full -q", tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        "error: cannot write /dev/full: no space left on device\n",
    )


def test_any_other_refusal_of_the_system_is_one_line_and_leaves_no_temporary(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_cli.writers import formats

    def fill_up(table: Any, sink: Any, *options: Any) -> None:
        sink.write(b"customer_id,name\n")
        raise OSError(errno.EIO, os.strerror(errno.EIO))  # not a write: no file to name

    monkeypatch.setattr(formats, "write_csv", fill_up)
    result = run("classify", EX, "-c", CRIT, "-o", str(tmp_path / "out.csv"))
    assert (result.exit_code, result.stderr) == (2, "error: system error: input/output error\n")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_to_the_file_names_it_and_removes_the_temporary(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_cli.writers import files

    class Full:
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def write(self, data: bytes) -> int:
            raise OSError(errno.EDQUOT, os.strerror(errno.EDQUOT))

        def flush(self) -> None:
            pass

        def close(self) -> None:
            self.stream.close()

    real = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: Full(real(*a, **k)))
    target = tmp_path / "out.json"
    target.write_text("before", encoding="utf-8")
    result = run("classify", EX, "-c", CRIT, "-o", str(target), "-q")
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: cannot write {target}: disk quota exceeded\n",
    )
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_french_says_why_in_french(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_cli.writers import files

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(files, "_open_new", refuse)
    result = run("classify", EX, "-c", CRIT, "-o", str(tmp_path / "o.csv"), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : impossible d'écrire dans {tmp_path} : système de fichiers en lecture seule\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        f"portfolio classify {EX} -c {CRIT} --limit 0 | true",
        f"portfolio classify {EX} -c {CRIT} -f csv --keep-columns | true",
        f"portfolio classify {EX} -c {CRIT} -f json | head -c 1",
        "portfolio --help | true",
    ],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(command: str) -> None:
    """`| head -1` read what it wanted: exit 0 and nothing on standard error, as `cat` does
    (Rich alone would exit 1 without a word)."""
    result = shell(command.replace(" | ", " -q | ") if "classify" in command else command)
    assert (result.returncode, result.stderr) == (0, "")


def test_table_piped_to_head_exits_0() -> None:
    result = shell(f"portfolio classify {EX} -c {CRIT} --limit 0 | head -1")
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_a_closed_standard_output_is_an_error_when_it_is_needed(tmp_path: Path) -> None:
    needed = shell(f"portfolio classify {EX} -c {CRIT} -q >&-")
    assert (needed.returncode, needed.stderr) == (
        2,
        "error: cannot write to standard output: it is closed; send it to a file (> FILE) or "
        "use -o FILE\n",
    )
    target = tmp_path / "out.csv"
    # not needed: the output goes to a file, which must not take the closed descriptor's place
    fine = shell(f"portfolio classify {EX} -c {CRIT} -o {target} -q >&- <&-")
    assert (fine.returncode, fine.stderr) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("customer_id,name,segment")


def test_a_closed_standard_input_is_an_error_when_it_is_read() -> None:
    result = shell(f"portfolio classify - -c {CRIT} -f csv <&-")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: cannot read standard input: it is closed\n"


def test_a_closed_standard_error_loses_the_message_but_not_the_exit_code() -> None:
    result = shell("portfolio classify missing.csv -c missing.yaml 2>&-")
    assert (result.returncode, result.stdout) == (2, "")


def test_an_output_that_is_a_loop_of_links(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    result = run("classify", EX, "-c", CRIT, "-o", str(tmp_path / "a.csv"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: cannot use {tmp_path / 'a.csv'}: its symbolic links form a loop\n",
    )


def test_numpy_warnings_never_reach_the_user(tmp_path: Path) -> None:
    """An amount of 1e400 is infinity: statistics over it are NaN, said as such, not warned."""
    lines = Path(EX).read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",3188.27,", ",1e400,")
    source = tmp_path / "inf.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = shell(f"portfolio report {source} -c {CRIT} -o {tmp_path / 'r.html'} -q")
    assert (result.returncode, result.stderr) == (0, "")


def test_a_file_without_read_permission_is_one_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, who reads everything: the refusal is the system's, simulated."""
    locked = tmp_path / "locked.csv"
    locked.write_bytes(Path(EX).read_bytes())
    rules = tmp_path / "locked.yaml"
    rules.write_bytes(Path(CRIT).read_bytes())
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.startswith("locked"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    data = run("classify", str(locked), "-c", CRIT)
    assert (data.exit_code, data.stderr) == (2, f"error: cannot read {locked}: permission denied\n")
    criteria = run("classify", EX, "-c", str(rules))
    assert (criteria.exit_code, criteria.stderr) == (
        2,
        f"error: cannot read the criteria file {rules}: permission denied\n",
    )


@pytest.mark.parametrize("stderr", ["2>/dev/full", "2>&1 >/dev/null | true", "2>&-"])
def test_a_standard_error_that_fails_keeps_the_exit_code(stderr: str) -> None:
    """The message is lost, but an error is still exit 2, a success exit 0, never 1 or 120."""
    if "full" in stderr and not FULL.exists():
        pytest.skip("no /dev/full on this system")
    failed = shell(f"portfolio classify missing.csv -c {CRIT} {stderr}")
    assert failed.returncode == 2
    done = shell(f"portfolio classify {EX} -c {CRIT} -f csv {stderr.replace('>/dev/null', '')}")
    assert done.returncode == 0


def test_sigterm_ends_the_command_quietly_with_128_plus_15(tmp_path: Path) -> None:
    """Killed while it waits for its input (a named pipe whose writer stalls): exit 143, no
    traceback, as Ctrl-C ends it with 130."""
    import signal
    import time

    pipe = tmp_path / "slow.csv"
    os.mkfifo(pipe)
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "portfolio_cli", "classify", str(pipe), "-c", CRIT, "-q"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, env=env) as process:
        with pipe.open("wb") as writer:  # the command has opened it: it is reading now
            writer.write(b"customer_id,orders_12m\n")
            writer.flush()
            time.sleep(1)
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 128 + signal.SIGTERM
        assert process.stderr is not None
        assert process.stderr.read() == b""


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    from portfolio_cli.writers.files import atomic_write

    def killed_while_writing() -> None:
        with atomic_write(tmp_path / "out.csv") as stream:
            stream.write(b"customer_id\n")
            raise SystemExit(143)  # what SIGTERM raises (streams.guard)

    with pytest.raises(SystemExit):
        killed_while_writing()
    assert list(tmp_path.iterdir()) == []


def test_output_to_dev_stdout_through_a_pipe() -> None:
    """/dev/stdout is a link to `pipe:[...]`, which no path resolves: it is written in place."""
    result = shell(f"portfolio classify {EX} -c {CRIT} -f csv -q -o /dev/stdout | head -2")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("customer_id,name,segment")
    assert result.stdout.count("\n") == 2


HUGE = "9" * 5001  # Python refuses to read 4,300 digits and more as an integer


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (["--sheet", HUGE], "has no sheet"),
        (["--sheet", "²"], "has no sheet '²'"),  # a digit to str.isdigit, not to int()
        (["--engine", "duckdb", "--memory-limit", HUGE + "GB"], "is not a size"),
    ],
)
def test_huge_numbers_in_options_are_one_line(
    run: Run, tmp_path: Path, option: list[str], expected: str
) -> None:
    import pyarrow.csv as pa_csv

    workbook = tmp_path / "c.xlsx"
    import xlsxwriter

    table = pa_csv.read_csv(EX)
    book = xlsxwriter.Workbook(str(workbook))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, table.column_names)
    for row, values in enumerate(zip(*(c.to_pylist() for c in table.columns), strict=True)):
        sheet.write_row(row + 1, 0, [str(v) for v in values])
    book.close()
    source = str(workbook) if option[0] == "--sheet" else EX
    result = run("classify", source, "-c", CRIT, "-q", *option)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_huge_answer_in_init_is_asked_again(run: Run, tmp_path: Path) -> None:
    result = run("init", "--from", EX, str(tmp_path / "c.yaml"), input=f"{HUGE}\n²\n")
    assert result.exit_code == 2
    assert result.stderr.count("Please type a number from 1 to 11.") == 2
    assert "bug" not in result.stderr


def test_a_number_python_refuses_is_the_users_not_a_bug(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The net under every reader: a number too large that no check caught is one line."""
    import portfolio_cli.engine

    def refuse(*args: object, **kwargs: object) -> None:
        int(HUGE)

    monkeypatch.setattr(portfolio_cli.engine, "classify", refuse)
    result = run("classify", EX, "-c", CRIT)
    assert (result.exit_code, result.stderr) == (
        2,
        "error: a number in the input, the criteria file or an option is too large to be read "
        "(4,300 digits or more, or beyond 1.8e308): check the values\n",
    )


def test_a_long_output_name_that_the_file_system_takes_is_written(run: Run, tmp_path: Path) -> None:
    """250 characters is a valid name; its temporary file must not be longer than 255."""
    target = tmp_path / ("b" * 246 + ".csv")
    result = run("classify", EX, "-c", CRIT, "-o", str(target), "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    too_long = tmp_path / ("c" * 300 + ".csv")
    refused = run("classify", EX, "-c", CRIT, "-o", str(too_long), "-q")
    assert refused.exit_code == 2
    assert refused.stderr.endswith(": file name too long\n")
