"""What every command shares: options declared once, the consoles, and the one error boundary.

Nothing here imports pandas: `portfolio --help` and `portfolio check` start fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from portfolio_cli.errors import Issue, PortfolioError, UsageError

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria
    from portfolio_cli.readers import CustomerList

F = TypeVar("F", bound=Callable[..., Any])

CriteriaOption = Annotated[
    Path | None,
    typer.Option(
        "--criteria",
        "-c",
        metavar="FILE",
        help="Criteria file. Default: $PORTFOLIO_CRITERIA, else ./criteria.yaml, "
        "else ./criteria.yml.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Date the portfolio is judged on (YYYY-MM-DD): days_since() counts to it. "
        "Default: today.",
        show_default=False,
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Print nothing on success (errors still go to stderr)."),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the full traceback of an error.", hidden=False)
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="NAME",
        help="Encoding of the input, e.g. cp1252 (default: detected).",
        show_default=False,
    ),
]
DelimiterOption = Annotated[
    str | None,
    typer.Option(
        "--delimiter",
        metavar="CHAR",
        help="Field separator of a CSV input: , ; | or tab (default: detected).",
        show_default=False,
    ),
]
HistoryOption = Annotated[
    Path | None,
    typer.Option(
        "--history",
        metavar="FILE",
        help="Keep a snapshot of this run in this SQLite file (same --as-of replaces it) and add "
        "previous_segment and segment_since. Default: $PORTFOLIO_HISTORY if set, else none.",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Language of labels: en or fr. Default: from LC_ALL / LANG.",
        show_default=False,
    ),
]


def make_console(stderr: bool = False) -> Console:
    """A Rich console that never reads customer text as markup and survives any terminal.

    Messages on standard error are never wrapped: a log file keeps one line per message.
    """
    return Console(stderr=stderr, highlight=False, soft_wrap=stderr, emoji=False)


def survive_any_terminal() -> None:
    """A terminal that cannot show a character gets a replacement mark, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="replace")


def find_criteria(option: Path | None) -> Path:
    """-c PATH, else $PORTFOLIO_CRITERIA, else ./criteria.yaml, else ./criteria.yml."""
    if option is not None:
        return option
    from_env = os.environ.get("PORTFOLIO_CRITERIA")
    if from_env:
        return Path(from_env)
    for candidate in (Path("criteria.yaml"), Path("criteria.yml")):
        if candidate.is_file():
            return candidate
    raise UsageError(
        Issue(
            "no-criteria",
            "no criteria file: pass -c FILE, set PORTFOLIO_CRITERIA, or run `portfolio init` "
            "to write criteria.yaml here",
        )
    )


def parse_as_of(value: str | None) -> dt.date:
    """The --as-of date, or today."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            Issue("bad-date", f"--as-of must be a date written YYYY-MM-DD (got '{value}')")
        ) from None


def boundary(function: F) -> F:
    """The single error boundary: a user's error becomes one message and exit code 2.

    `--debug` (a parameter of every command) shows the traceback instead.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return function(*args, **kwargs)
        except typer.Exit:
            raise
        except PortfolioError as exc:
            if debug:
                raise
            print_issues(exc)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # `portfolio classify x.csv -f csv | head`: the reader went away; that is fine.
            _silence_stdout()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if debug:
                raise
            make_console(stderr=True).print(
                f"error: unexpected {type(exc).__name__}: {exc}. This is a bug in portfolio; "
                "run again with --debug and report the traceback.",
                markup=False,
            )
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def print_issues(error: PortfolioError) -> None:
    """Each issue of an error on standard error, prefixed `error:`."""
    console = make_console(stderr=True)
    for issue in error.issues:
        console.print(f"error: {issue}", markup=False)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover
        pass


def write_stdout(data: bytes) -> None:
    """A machine document on standard output, UTF-8, nothing else with it."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None and not sys.stdout.isatty():
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()


def read_input(
    source: str,
    rules: Criteria,
    *,
    every_column: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> CustomerList:
    """Read the customer list a command was given: only the columns the rules need, unless
    `every_column` (for --keep-columns and explain)."""
    from portfolio_cli.engine import required_columns
    from portfolio_cli.readers import CsvOptions, read_customers

    return read_customers(
        source,
        rules.customers.id,
        text_columns=[rules.customers.name] if rules.customers.name else [],
        columns=None if every_column else required_columns(rules),
        options=CsvOptions(encoding=encoding, delimiter=delimiter),
    )
