"""Output files: replaced whole or not at all — and never a device, a pipe or a link."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

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
