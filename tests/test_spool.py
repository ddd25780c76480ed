"""Inputs read once: pipes, process substitution, /dev/stdin, named pipes, devices.

Every reader looks at the start of a file before reading it whole; a pipe cannot go back, and a
named pipe opened twice waits forever for a second writer. These tests prove each way in works,
in every format, and that a device that never ends is refused at once.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from conftest import CRIT, EX, EXAMPLE, Run
from portfolio_cli.readers import read_customers, read_text
from portfolio_cli.readers.spool import format_of, is_stream

PORTFOLIO = f"{shlex.quote(sys.executable)} -m portfolio_cli"
ROWS = EXAMPLE.read_text(encoding="utf-8").count("\n")  # header + 300 customers


def shell(command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`command` in bash, `portfolio` being this Python's program; portfolio's exit code."""
    script = command.replace("portfolio ", f"{PORTFOLIO} ") + "; exit ${PIPESTATUS[-1]}"
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"}
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=120,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[tuple[Path, threading.Event]]:
    """A named pipe fed with the example by another thread (once: a second open would wait)."""
    path = tmp_path / "customers.pipe"
    os.mkfifo(path)
    done = threading.Event()

    def feed() -> None:
        with path.open("wb") as writer:
            writer.write(EXAMPLE.read_bytes())
        done.set()

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    yield path, done
    if not done.is_set():  # the test failed before reading: free the writer
        with path.open("rb") as reader:
            reader.read()
    thread.join(timeout=5)


def test_a_named_pipe_is_read_once_and_whole(fifo: tuple[Path, threading.Event]) -> None:
    path, done = fifo
    assert is_stream(path)
    customers = read_customers(path, "customer_id")
    assert len(customers) == ROWS - 1
    assert done.is_set()
    # read again in the same run (`init --from` does): the same bytes, not a second open
    again = read_text(path)
    assert again.table.num_rows == ROWS - 1


def test_a_named_pipe_on_the_command_line(run: Run, fifo: tuple[Path, threading.Event]) -> None:
    path, _ = fifo
    result = run("classify", str(path), "-c", CRIT, "-f", "csv", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == ROWS


@pytest.mark.parametrize(
    "command",
    [
        f"portfolio classify <(cat {EX}) -c {CRIT} -f csv -q",
        f"cat {EX} | portfolio classify /dev/stdin -c {CRIT} -f csv -q",
        f"cat {EX} | portfolio classify - -c {CRIT} -f csv -q",
        f"portfolio classify {EX} -c <(cat {CRIT}) -f csv -q",
        # the encoding fallback reads the start again: still from memory
        f"portfolio classify <(iconv -f utf-8 -t latin1 {EX}) -c {CRIT} -f csv -q",
    ],
)
def test_pipes_and_process_substitution_are_read_as_streams(command: str) -> None:
    result = shell(command)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.count("\n") == ROWS
    assert result.stdout.startswith("customer_id,name,segment")


def test_a_workbook_and_a_parquet_file_piped_in_are_read_as_such(tmp_path: Path) -> None:
    table = pa_csv.read_csv(EX, convert_options=pa_csv.ConvertOptions(strings_can_be_null=False))
    pq.write_table(table, tmp_path / "x.parquet")
    result = shell(f"cat x.parquet | portfolio classify - -c {CRIT} -f csv -q", tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.count("\n") == ROWS
    again = shell(f"portfolio classify <(cat x.parquet) -c {CRIT} -f csv -q -v", tmp_path)
    assert again.returncode == 0
    assert again.stderr.startswith("/dev/fd/")
    assert f"parquet, {ROWS - 1} rows" in again.stderr


def test_format_of_bytes() -> None:
    assert format_of(b"PK\x03\x04rest", "") == "xlsx"
    assert format_of(b"PAR1...PAR1", "") == "parquet"
    assert format_of(b"PAR1 is a name", "") == "csv"  # not the file's end marker
    assert format_of(b"id,name\n", ".xlsx") == "xlsx"  # the name says so
    assert format_of(b"id,name\n", "") == "csv"


def test_orders_from_a_pipe(tmp_path: Path) -> None:
    criteria = tmp_path / "c.yaml"
    criteria.write_text(
        "version: 1\ncustomers:\n  id: id\norders:\n  customer: client\n  date: day\n"
        "  amount: amount\ncriteria:\n  - key: buyer\n    when: order_count >= 2\n",
        encoding="utf-8",
    )
    (tmp_path / "c.csv").write_text("id\nA\nB\n", encoding="utf-8")
    orders = "client,day,amount\nA,2026-01-02,10\nA,2026-02-03,20\nB,2026-01-05,5\n"
    (tmp_path / "o.csv").write_text(orders, encoding="utf-8")
    result = shell(
        "portfolio classify c.csv -c c.yaml -f csv -q --as-of 2026-06-01 --orders <(cat o.csv)",
        tmp_path,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1].startswith('"A","satisfied",1,1,"buyer"')


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_that_never_ends_is_refused_at_once(run: Run, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    result = run("classify", device, "-c", CRIT)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {device} is a binary file, not CSV text")


def test_an_empty_stream_is_an_empty_file(run: Run) -> None:
    result = run("classify", "/dev/null", "-c", CRIT)
    assert (result.exit_code, result.stderr) == (
        2,
        "error: /dev/null is empty: expected a header row naming the columns\n",
    )
    piped = run("classify", "-", "-c", CRIT, input=b"")
    assert piped.exit_code == 2
    assert piped.stderr == "error: <stdin> is empty: expected a header row naming the columns\n"


def test_standard_input_is_read_anew_by_each_run(run: Run) -> None:
    """What was read is kept for this run only: another standard input is another list."""
    first = run("classify", "-", "-c", CRIT, "-f", "csv", "-q", input=EXAMPLE.read_bytes())
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    shorter = ("\n".join(lines[:11]) + "\n").encode()
    second = run("classify", "-", "-c", CRIT, "-f", "csv", "-q", input=shorter)
    assert first.stdout.count("\n") == ROWS
    assert second.stdout.count("\n") == 11


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_file_name_that_is_not_utf8_is_read(run: Run, tmp_path: Path, suffix: str) -> None:
    """Arrow opens UTF-8 names only: a Latin-1 name (`\\xe9t\\xe9.csv`) is read by Python."""
    name = tmp_path / os.fsdecode(b"\xe9t\xe9" + suffix.encode())
    if suffix == ".csv":
        name.write_bytes(EXAMPLE.read_bytes())
    else:
        pq.write_table(pa_csv.read_csv(EX), tmp_path / "x.parquet")
        (tmp_path / "x.parquet").rename(name)
    result = run("classify", str(name), "-c", CRIT, "-f", "csv", "-q", "--chunk-rows", "50")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.count("\n") == ROWS
