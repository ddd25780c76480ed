"""The options the commands share, declared once, and what their values mean.

Each command declares its parameters with these types (`CriteriaOption`, `AsOfOption`...) or,
for the input options, with `input_parameters`; their help is looked up in the current language
by `help.localize` (see `help.HELP_KEYS`). `parse_as_of`, `find_criteria`, `parse_out_delimiter`
and `refuse_overwrite` turn option values into what the library takes, or a usage error.
Nothing here imports pandas: `portfolio --help` starts fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from portfolio_cli import messages
from portfolio_cli.cli.help import HELP_KEYS, set_language
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags, parse_delimiter
from portfolio_cli.messages import message

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


def outcome_option(help_text: str) -> Any:
    """The --outcome option: a known outcome column (`suggest` learns from it, `init` offers
    what it learns, `profile` and `report` show its rate per segment): the help says which."""
    return typer.Option("--outcome", metavar="COLUMN", help=help_text, show_default=False)


EventOption = Annotated[
    str | None,
    typer.Option(
        "--event",
        metavar="VALUE",
        help="The outcome's value that is the bad event.",
        show_default=False,
    ),
]


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


def find_criteria(option: Path | None) -> Path:
    """-c PATH, else $PORTFOLIO_CRITERIA, else ./criteria.yaml, else ./criteria.yml."""
    if option is not None:
        return option
    from_env = os.environ.get("PORTFOLIO_CRITERIA")
    if from_env:
        path = Path(from_env)
        if not path.exists() and not path.is_symlink():
            # the user typed no -c: the message says where the name came from (a
            # CriteriaError, as load_criteria's own: `batch --criteria-dir` goes on without a
            # common file only when none is named at all)
            from portfolio_cli.errors import CriteriaError
            from portfolio_cli.roles import not_found

            text = not_found("criteria.not_found", path)
            source = message("click.env_var", name="PORTFOLIO_CRITERIA")
            raise CriteriaError(
                Issue("missing-file", message("usage.from_env", text=text, source=source))
            )
        return path
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
    key = "usage.bad_date_option"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):  # not 20261205 nor 2026-W49
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            key = "usage.no_such_day"  # written right: 2026-02-30, 2026-13-01
    raise UsageError(Issue("bad-date", message(key, option=option, value=value)))
