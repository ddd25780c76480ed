"""`portfolio_cli.signals`: a process told to stop ends, even when its signal's exception is
lost on the way, its temporary files removed and its exit code 128 + the signal's number.

The loss is made on purpose here (an `except BaseException: pass` where the signal lands): in
the field it was C code that swallowed the exception, when a SIGTERM landed as numpy imported
pandas in a batch worker, which then ran on, deaf to every signal but SIGKILL.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")

# a command whose SIGTERM (or SIGHUP, Ctrl-C) is swallowed while it writes its output, and
# that would then run for a minute more
SWALLOWED = """
import os, signal, sys, time
from pathlib import Path
from portfolio_cli.cli import streams
from portfolio_cli.writers.files import atomic_write

streams.STOP_GRACE = float(sys.argv[3])
streams.guard()
with atomic_write(Path(sys.argv[1])) as out:
    out.write(b"half an output")
    try:
        os.kill(os.getpid(), int(sys.argv[2]))
        time.sleep(5)
    except BaseException:
        pass  # the signal's exception, lost
    time.sleep(60)
"""


def _run(script: str, *arguments: object) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done, time.monotonic() - started


@pytest.mark.parametrize(
    "number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["SIGTERM", "SIGHUP", "SIGINT"]
)
def test_a_lost_signal_still_ends_the_command_after_its_grace(tmp_path: Path, number: int) -> None:
    output = tmp_path / "out.csv"
    done, seconds = _run(SWALLOWED, output, number, 1.0)

    assert done.returncode == 128 + number, done.stderr
    assert seconds < 30  # one second of grace, not the minute the command would run on
    assert list(tmp_path.iterdir()) == []  # no temporary file, no output
    assert "Traceback" not in done.stderr


def test_an_output_written_before_the_signal_is_kept(tmp_path: Path) -> None:
    """Only the temporary files are removed: an output already renamed in place stays."""
    done_before = tmp_path / "done.csv"
    script = SWALLOWED.replace(
        "streams.guard()\n",
        "streams.guard()\n"
        "with atomic_write(Path(sys.argv[1]).with_name('done.csv')) as first:\n"
        "    first.write(b'whole')\n",
    )
    done, _ = _run(script, tmp_path / "out.csv", signal.SIGTERM, 0.5)

    assert done.returncode == 143, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done.csv"]
    assert done_before.read_bytes() == b"whole"


def test_a_signal_ignored_on_purpose_does_not_end_the_command(tmp_path: Path) -> None:
    """`nohup`: a SIGHUP ignored before the command starts stays ignored, grace or not."""
    script = (
        "import os, signal, sys, time\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "from portfolio_cli.cli import streams\n"
        "streams.STOP_GRACE = 0.2\n"
        "streams.guard()\n"
        "os.kill(os.getpid(), signal.SIGHUP)\n"
        "time.sleep(1.5)\n"
        "print('still here')\n"
    )
    done, _ = _run(script)

    assert (done.returncode, done.stdout) == (0, "still here\n"), done.stderr
