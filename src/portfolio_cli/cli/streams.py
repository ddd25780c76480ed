"""Standard input, output and error as a well-behaved command-line tool treats them.

- A stream closed by the shell (`>&-`, `<&-`, `2>&-`) is reopened on /dev/null, so that no file
  the command opens later takes its number (an output file opened as descriptor 1 would receive
  the table). Reading a closed standard input, or writing to a closed standard output, is then
  one clear error; a closed standard error only loses the messages.
- Standard output is wrapped: a write that fails (`> /dev/full`, an I/O error) becomes one line
  naming standard output and the reason, exit 2; standard output is then pointed at /dev/null so
  that the interpreter's last flush cannot fail again and print a traceback.
- A reader that went away (`portfolio classify x.csv | head -1`) ends the command quietly, with
  exit 0, as `cat` and `grep` are used in a pipeline: the part that was read was complete.
- Standard error never fails: when it is full or its reader went away, messages are lost but the
  exit code stays the command's own.
- SIGTERM and SIGHUP end the command like Ctrl-C does: temporary files are removed on the way
  out, and the exit code is 128 + the signal's number. If the way out is lost or blocked (see
  `portfolio_cli.signals`), the command still ends `STOP_GRACE` seconds after the signal.

Nothing here imports pandas; `main()` calls `guard()` before anything is written.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

from portfolio_cli import signals
from portfolio_cli.display import visible
from portfolio_cli.errors import InputError, Issue, OutputError
from portfolio_cli.messages import message, reason

# the shells' convention for a command ended by a signal: 128 + its number
SIGNAL_EXIT = signals.SIGNAL_EXIT
# seconds a command has, after SIGTERM, SIGHUP or Ctrl-C, to end the usual way (removing its
# temporary files, `batch` waiting for its workers) before `signals` ends it
STOP_GRACE = 10.0


class ReaderGone(BaseException):
    """The program reading standard output went away (`| head`): stop writing, exit quietly.

    A BaseException, like KeyboardInterrupt: no `except Exception` on the way (Rich's own
    broken-pipe handler exits 1) turns it into an error; temporary files are still removed.
    """


def guard() -> None:
    """Reopen closed standard streams on /dev/null and wrap standard output; catch signals."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if _is_open(fd):
            continue
        null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if null != fd:  # pragma: no cover - the lowest free number is the one just found closed
            os.dup2(null, fd)
            os.close(null)
        if name == "stdin":
            sys.stdin = ClosedInput()
        elif name == "stdout":
            sys.stdout = ClosedOutput()
        else:  # messages are lost, but nothing fails for their sake
            sys.stderr = open(fd, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    if not isinstance(sys.stdout, ClosedOutput | Output) and sys.stdout is not None:
        sys.stdout = Output(sys.stdout)
    if not isinstance(sys.stderr, Messages) and sys.stderr is not None:
        sys.stderr = Messages(sys.stderr)
    for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        # a signal ignored on purpose stays ignored: `nohup portfolio ...` outlives its terminal
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(number, _end_on_signal)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGINT, _interrupt)
    signals.arm(STOP_GRACE)


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


_ENDING: int | None = None  # the exit code of the signal that is ending the command


def ending() -> int | None:
    """The exit code of the signal (SIGTERM, SIGHUP, Ctrl-C) that is ending the command, if
    one is: an error raised after it is the signal's doing (see `boundary`)."""
    return _ENDING


def _interrupt(number: int, frame: FrameType | None) -> None:
    """Ctrl-C: Python's own KeyboardInterrupt, and the command knows it is ending."""
    global _ENDING
    _ENDING = SIGNAL_EXIT + number
    raise KeyboardInterrupt


def _end_on_signal(number: int, frame: FrameType | None) -> None:
    global _ENDING
    _ENDING = SIGNAL_EXIT + number
    # a second SIGTERM (or SIGHUP) must not cut short the removal of a temporary file that the
    # first one started (SIGKILL still ends a run that would not stop); a handler that does
    # nothing, not SIG_IGN: a signal already on its way would be raised as a "race condition"
    for other in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if other is not None:
            signal.signal(other, _already_ending)
    raise SystemExit(SIGNAL_EXIT + number)


def _already_ending(number: int, frame: FrameType | None) -> None:
    """A second signal while the first one ends the run: nothing more to do."""


def silence_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered goes nowhere, without error."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)


@contextlib.contextmanager
def outcome() -> Iterator[None]:
    """Around the whole command: a failed standard output is one line, a gone reader silence.

    The final flush happens inside, so that a full disk behind a small output (buffered until
    the end) is reported too, not printed by the interpreter as it exits.
    """
    try:
        try:
            yield
        finally:
            with contextlib.suppress(ValueError, AttributeError):  # no stdout at all
                sys.stdout.flush()
    except (ReaderGone, BrokenPipeError):
        silence_stdout()
        raise SystemExit(0) from None
    except OutputError as exc:
        write_error(str(exc))
        raise SystemExit(exc.exit_code) from None


def write_error(text: str) -> None:
    """`error: text` on standard error, in plain text; nothing if standard error is gone too."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(visible(message("cli.error", text=text), lines=True) + "\n")
        sys.stderr.flush()


def output_failed(exc: OSError) -> OutputError:
    """The error for a write to standard output that failed with `exc`."""
    silence_stdout()
    text = message("streams.stdout_failed", reason=reason(exc))
    return OutputError(Issue("stdout-failed", text))


class Output:
    """Standard output, whose failures say what failed (see the module's docstring).

    Every other attribute (isatty, encoding, fileno, reconfigure...) is the real stream's.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    @property
    def buffer(self) -> Output:
        return Output(self._stream.buffer)

    def write(self, data: Any) -> int:
        if not data:  # a probe (Click writes b"" to learn whether a stream takes bytes):
            try:  # the wrong type still raises TypeError, but the device is not asked
                return int(self._stream.write(data))
            except OSError:
                return 0
        try:
            return int(self._stream.write(data))
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise output_failed(exc) from None

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            raise output_failed(exc) from None


class Messages:
    """Standard error, which never fails: a full disk or a reader gone (`2>&1 | head`) loses
    the messages, but not the command's work nor its exit code (2 stays 2; a traceback about
    the failed message would make it 1, and an unflushed line at exit 120)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def write(self, data: Any) -> int:
        try:
            return int(self._stream.write(data))
        except (OSError, ValueError):
            return len(data)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()


class ClosedOutput(io.TextIOBase):
    """Standard output when the shell closed it (`>&-`): writing anything is an error."""

    encoding = "utf-8"
    errors = "replace"

    @property
    def buffer(self) -> ClosedOutput:
        return self

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if not data:
            return 0
        raise OutputError(Issue("stdout-closed", message("streams.stdout_closed")))

    def flush(self) -> None:
        return None


class ClosedInput(io.TextIOBase):
    """Standard input when the shell closed it (`<&-`): reading is an error."""

    encoding = "utf-8"

    @property
    def buffer(self) -> ClosedInput:
        return self

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> Any:
        raise InputError(Issue("stdin-closed", message("streams.stdin_closed")))

    def readline(self, size: int | None = -1) -> Any:
        return self.read()
