"""What every command shares: options declared once, the consoles, and the one error boundary.

Nothing here imports pandas: `portfolio --help` and `portfolio check` start fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
import typer.core

from portfolio_cli import messages
from portfolio_cli.cli.console import make_console as make_console  # shared by the commands
from portfolio_cli.cli.help import HELP_KEYS, set_language
from portfolio_cli.cli.streams import ReaderGone, output_failed, silence_stdout
from portfolio_cli.display import visible
from portfolio_cli.errors import Issue, OutputError, PortfolioError, UsageError
from portfolio_cli.inputs import InputFlags as InputFlags  # the commands' shared options
from portfolio_cli.inputs import input_options as input_options
from portfolio_cli.inputs import load_input, parse_delimiter
from portfolio_cli.messages import message, reason

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria
    from portfolio_cli.readers import CustomerList

F = TypeVar("F", bound=Callable[..., Any])

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="en|fr",
        help=message("help.lang"),
        callback=set_language,
        is_eager=True,
        show_default=False,
    ),
]
InputArgument = Annotated[
    str, typer.Argument(metavar="INPUT", help=message("help.input"), show_default=False)
]
CriteriaOption = Annotated[
    Path | None,
    typer.Option(
        "--criteria", "-c", metavar="FILE", help=message("help.criteria"), show_default=False
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help=message("help.as_of"), show_default=False),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help=message("help.quiet")),
]
DebugOption = Annotated[bool, typer.Option("--debug", help=message("help.debug"), hidden=False)]
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


# The shared input options, by parameter name: type, option names, metavar, default. Their help
# is HELP_KEYS[name]. `input_parameters` declares them for each command that reads a list.
_INPUT_OPTIONS: dict[str, tuple[object, tuple[str, ...], str | None, object]] = {
    "encoding": (str | None, ("--encoding",), "NAME", None),
    "delimiter": (str | None, ("--delimiter",), "CHAR", None),
    "decimal": (str | None, ("--decimal",), "CHAR", None),
    "dayfirst": (bool | None, ("--dayfirst/--monthfirst",), None, None),
    "sheet": (str | None, ("--sheet",), "NAME", None),
    "header_row": (int | None, ("--header-row",), "N", None),
    "orders": (Path | None, ("--orders",), "FILE", None),
    "surveys": (Path | None, ("--surveys",), "FILE", None),
    "verbose": (bool, ("--verbose", "-v"), None, False),
}
NO_FLAGS = InputFlags()  # the default of a command's `flags` parameter, always replaced


def input_parameters(*names: str) -> Callable[[F], F]:
    """Give a command the shared input options in place of its parameter `flags: InputFlags`.

    Typer builds a command's options from its signature, so the wrapper's `__signature__`
    (the documented way to add parameters) lists, where `flags` stood, --encoding, --delimiter,
    --decimal, --dayfirst/--monthfirst, --sheet, --orders, --surveys and --verbose (or only
    `names`): the help shows them in that place, in the current language (see HELP_KEYS).
    The command receives them as one `InputFlags`, with `quiet` from its own --quiet if any::

        @boundary
        @input_parameters()
        def explain_command(input: ..., flags: InputFlags = NO_FLAGS, ...) -> None:
    """
    chosen = names or tuple(_INPUT_OPTIONS)

    def decorate(function: F) -> F:
        signature = inspect.signature(function, eval_str=True)
        parameters = list(signature.parameters.values())
        at = [p.name for p in parameters].index("flags")
        parameters[at : at + 1] = [_input_parameter(name, parameters[at].kind) for name in chosen]

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name, _INPUT_OPTIONS[name][3]) for name in chosen}
            flags = InputFlags(**given, quiet=bool(kwargs.get("quiet")))
            return function(*args, flags=flags, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
        wrapper.__annotations__["return"] = signature.return_annotation
        return wrapper  # type: ignore[return-value]

    return decorate


def _input_parameter(name: str, kind: Any) -> inspect.Parameter:
    """The parameter Typer reads as the shared input option `name`."""
    type_, names, metavar, default = _INPUT_OPTIONS[name]
    help_text = message(HELP_KEYS[name])
    option = typer.Option(*names, metavar=metavar, help=help_text, show_default=False)
    return inspect.Parameter(name, kind, default=default, annotation=Annotated[type_, option])


OutDelimiterOption = Annotated[
    str | None,
    typer.Option(
        "--out-delimiter",
        metavar="CHAR",
        help=message("help.out_delimiter"),
        show_default=False,
    ),
]


def parse_out_delimiter(value: str | None) -> str | None:
    """The --out-delimiter a command was given (`tab`, `semicolon`... spelt out too), or None."""
    return parse_delimiter(value, messages.current(), "--out-delimiter")


FailUnderOption = Annotated[
    float | None,
    typer.Option(
        "--fail-under",
        min=0,
        max=100,
        metavar="PCT",
        help="Exit 1 (after writing everything) when portfolio quality is below PCT %.",
        show_default=False,
    ),
]


def format_option(help_text: str) -> Any:
    """The --format/-f option of a command whose default format comes from -o's suffix."""
    return typer.Option("--format", "-f", metavar="FORMAT", help=help_text, show_default=False)


def output_option(metavar: str, help_text: str) -> Any:
    """The --output/-o option of a command that writes a file (or a folder)."""
    return typer.Option("--output", "-o", metavar=metavar, help=help_text, show_default=False)


ChunkRowsOption = Annotated[
    int | None,
    typer.Option(
        "--chunk-rows",
        min=1,
        metavar="N",
        envvar="PORTFOLIO_CHUNK_ROWS",
        help=message("help.chunk_rows"),
        show_default=False,
    ),
]


def show_tracebacks_visibly() -> None:
    """`--debug` prints a traceback, whose last line quotes the error, which may quote a file
    name or a cell: its control characters are made visible like in any other message."""

    def hook(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, error, trace))
        sys.stderr.write(visible(text, lines=True, tabs=True))

    sys.excepthook = hook


def survive_any_terminal() -> None:
    """A terminal that cannot show a character gets a replacement mark, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="replace")


def warn(texts: Iterable[object], quiet: bool = False) -> None:
    """Each text on standard error as `warning: ...`, unless --quiet."""
    if quiet:
        return
    err = make_console(stderr=True)
    for text in texts:
        shown = issue_text(text) if isinstance(text, Issue) else visible(text)
        err.print(message("cli.warning", text=shown), markup=False)


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
    raise UsageError(Issue("no-criteria", message("usage.no_criteria")))


def refuse_overwrite(
    output: Path | None,
    input: str | None,
    criteria: Path | None,
    flags: InputFlags,
    history: Path | None = None,
) -> None:
    """Refuse an `-o` that is any file this run reads: the input, the criteria file, the orders
    or surveys file, the history file (exit 2, before any work, nothing written)."""
    if output is None:
        return
    from portfolio_cli.sources import input_files, is_pattern
    from portfolio_cli.writers import files

    inputs = input_files(input) if input is not None and is_pattern(input) else [input]
    reads = [
        *(("input", name) for name in inputs),
        ("criteria", criteria),
        ("orders", flags.orders),
        ("surveys", flags.surveys),
        ("history", history),
    ]
    files.refuse_overwrite(output, reads)


def parse_as_of(value: str | None, option: str = "--as-of") -> dt.date:
    """The --as-of date (or the date of `option`, named in the error), or today."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        text = message("usage.bad_date_option", option=option, value=value)
        raise UsageError(Issue("bad-date", text)) from None


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


def _too_large(exc: Exception) -> bool:
    """Python's refusal of a number: more than 4,300 digits, or an infinity made an integer."""
    if isinstance(exc, OverflowError):
        return True
    return isinstance(exc, ValueError) and "Exceeds the limit" in str(exc)


def print_issues(error: PortfolioError) -> None:
    """Each issue of an error on standard error, prefixed `error:`."""
    console = make_console(stderr=True)
    for issue in error.issues:
        console.print(message("cli.error", text=issue_text(issue)), markup=False)


def issue_text(issue: Issue) -> str:
    """An issue as shown on standard error, every character of it visible.

    Its place and message are one line each, whatever a file's name, a column name or an id
    holds (a newline in one cannot start a line that looks like another message); the detail
    keeps its own lines (a condition with a caret beneath).
    """
    head = visible(issue.message)
    if issue.where:
        head = f"{visible(issue.where)}: {head}"
    return f"{head}\n{visible(issue.detail, lines=True)}" if issue.detail else head


def os_error_text(exc: OSError) -> str:
    """One line for an error of the system: the file it concerns, if known, and why."""
    if exc.filename is not None:
        return message("streams.os_error", path=exc.filename, reason=reason(exc))
    return message("streams.os_error_bare", reason=reason(exc))


def write_stdout(data: bytes) -> None:
    """A machine document on standard output, UTF-8, nothing else with it.

    Piped or redirected, the bytes go as they are: a CSV keeps its data. On a terminal a
    person reads it, so control characters in it are made visible like any text shown there
    (line breaks and tabs kept: they are the document's own). A failed write is one error
    naming standard output (see streams.Output); a reader that went away ends the command
    quietly.
    """
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is not None and not sys.stdout.isatty():
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        else:
            shown = data.decode("utf-8")
            terminal = sys.stdout.isatty()
            sys.stdout.write(visible(shown, lines=True, tabs=True) if terminal else shown)
            sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderGone from None
    except OSError as exc:  # standard output that is not wrapped (the library called directly)
        raise output_failed(exc) from None


def read_input(
    source: str,
    rules: Criteria,
    flags: InputFlags | None = None,
    *,
    every_column: bool = False,
    as_of: dt.date | None = None,
) -> CustomerList:
    """`inputs.load_input`, its warnings on stderr unless `--quiet`, and with `--verbose` how
    each file was read."""
    flags = flags or InputFlags()
    customers, notes, described = load_input(
        source, rules, flags, every_column=every_column, as_of=as_of
    )
    if flags.verbose:
        err = make_console(stderr=True)
        for line in described:
            err.print(line, markup=False)
    warn(notes, flags.quiet)
    return customers
