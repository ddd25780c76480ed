"""The one error boundary: a user's error becomes one line on standard error and exit 2.

Every command is wrapped in `boundary`; `--debug` shows the traceback instead, its control
characters made visible (`show_tracebacks_visibly`).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from portfolio_cli.cli import streams
from portfolio_cli.cli.console import make_console, print_issues, warn
from portfolio_cli.cli.streams import ReaderGone, silence_stdout
from portfolio_cli.display import visible
from portfolio_cli.errors import Issue, OutputError, PortfolioError
from portfolio_cli.messages import message, reason

F = TypeVar("F", bound=Callable[..., Any])


def show_tracebacks_visibly() -> None:
    """`--debug` prints a traceback, whose last line quotes the error, which may quote a file
    name or a cell: its control characters are made visible like in any other message."""

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, error, trace))
        sys.stderr.write(visible(text, lines=True, tabs=True))

    sys.excepthook = hook


def boundary(function: F) -> F:
    """The single error boundary: a user's error becomes one message and exit code 2.

    `--debug` (a parameter of every command) shows the traceback instead.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return _unless_stopped(function, *args, **kwargs)
        except typer.Exit:
            raise
        except PortfolioError as exc:
            if debug:
                raise
            warn(exc.warnings, bool(kwargs.get("quiet")))  # found before it: they may explain it
            print_issues(exc)
            raise typer.Exit(exc.exit_code) from None
        except (BrokenPipeError, ReaderGone):
            # `portfolio classify x.csv -f csv | head`: the reader went away; that is fine.
            silence_stdout()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except OSError as exc:  # the system refused: a full disk, a device, a permission
            if debug:
                raise
            print_issues(OutputError(Issue("os-error", os_error_text(exc))))
            raise typer.Exit(2) from None
        except MemoryError:
            if debug:
                raise
            print_issues(OutputError(Issue("out-of-memory", message("streams.out_of_memory"))))
            raise typer.Exit(2) from None
        except Exception as exc:
            if debug:
                raise
            if _too_large(exc):  # a number no reader caught: still the user's, not a bug
                print_issues(OutputError(Issue("too-large", message("streams.number_too_large"))))
                raise typer.Exit(2) from None
            text = message("usage.bug", kind=type(exc).__name__, detail=visible(exc))
            make_console(stderr=True).print(message("cli.error", text=text), markup=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _unless_stopped(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call `function`; an error that comes once a signal is ending the command is the
    signal's doing, and ends the command as the signal does (128 + its number, no message).

    Code on the way may turn the signal's exception into one of its own: DuckDB stops its query
    and raises "Query interrupted", which would otherwise read as a bug in portfolio.
    """
    try:
        return function(*args, **kwargs)
    except Exception:
        code = streams.ending()
        if code is None:
            raise
        raise SystemExit(code) from None


def _too_large(exc: Exception) -> bool:
    """Python's refusal of a number: more than 4,300 digits, or an infinity made an integer."""
    if isinstance(exc, OverflowError):
        return True
    return isinstance(exc, ValueError) and "Exceeds the limit" in str(exc)


def os_error_text(exc: OSError) -> str:
    """One line for an error of the system: the file it concerns, if known, and why."""
    if exc.filename is not None:
        return message("streams.os_error", path=exc.filename, reason=reason(exc))
    return message("streams.os_error_bare", reason=reason(exc))
