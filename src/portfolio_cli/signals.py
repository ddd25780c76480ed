"""The last resort of a process told to stop (SIGTERM, SIGHUP, Ctrl-C): it ends, whatever it runs.

A Python signal handler raises its exception wherever the main thread happens to be, and C code
on the way may lose it: a SIGTERM that lands while numpy or pyarrow is importing pandas is
swallowed there, the handler has already set the next signals aside (so that a second one does
not cut short the removal of a temporary file), and the process would carry on, deaf to every
signal but SIGKILL. A code that runs long without returning to Python (a DuckDB query, a big
Arrow conversion) delays the exception the same way.

`arm(grace)` starts a watchdog thread that the system itself wakes when a stopping signal
arrives (`signal.set_wakeup_fd`: the interpreter's C handler writes the signal's number to a
pipe, wherever the main thread is). If the process still runs `grace` seconds later, the
watchdog removes the temporary files of `writers.files` and ends the process with 128 + the
signal's number, as a shell reports it. Nothing is imported here but the standard library.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
import time

# the shells' convention for a command ended by a signal: 128 + its number
SIGNAL_EXIT = 128

STOPPING = frozenset(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)

_armed_in: int | None = None  # the process whose watchdog runs (a forked child needs its own)


def arm(grace: float) -> None:
    """Make sure this process ends at most `grace` seconds after a stopping signal arrives.

    Called from the main thread, once the signal handlers are in place. Does nothing where the
    system has no wake-up descriptor for signals (Windows), or when already armed here.
    """
    global _armed_in
    if _armed_in == os.getpid() or not hasattr(signal, "SIGTERM"):
        return
    reader, writer = os.pipe()
    os.set_blocking(writer, False)  # the interpreter's C handler must never wait
    try:
        signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    except (ValueError, OSError):  # not the main thread: no watchdog
        os.close(reader)
        os.close(writer)
        return
    _armed_in = os.getpid()
    threading.Thread(
        target=_watch, args=(reader, grace), name="portfolio-stop", daemon=True
    ).start()


def _watch(reader: int, grace: float) -> None:
    """Wait for a stopping signal's number on `reader`; `grace` seconds later, end the process."""
    while True:
        select.select([reader], [], [])
        received = os.read(reader, 64)
        stopping = [number for number in received if number in STOPPING]
        if stopping:
            break
    time.sleep(grace)
    end_now(SIGNAL_EXIT + stopping[0])


def end_now(code: int) -> None:
    """End this process at once with `code`, its temporary files removed first.

    Nothing is imported: a module that is not loaded yet has no temporary file open, and the
    main thread may hold the import lock (it may be where the signal's exception was lost).
    """
    files = sys.modules.get("portfolio_cli.writers.files")
    if files is not None:
        with contextlib.suppress(Exception):
            files.remove_temporary_files()
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(code)
