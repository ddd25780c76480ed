"""What every command shares: options declared once, the consoles, and the one error boundary.

Nothing here imports pandas: `portfolio --help` and `portfolio check` start fast.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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
        help="Encoding of the input, e.g. cp1252 (default: detected: BOM, UTF-8, cp1252, latin-1).",
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
DecimalOption = Annotated[
    str | None,
    typer.Option(
        "--decimal",
        metavar="CHAR",
        help="Decimal mark of numbers written with separators, , or . (default: detected, the "
        "comma first in a ;-separated file).",
        show_default=False,
    ),
]
DayFirstOption = Annotated[
    bool | None,
    typer.Option(
        "--dayfirst/--monthfirst",
        help="Read dates such as 01/02/2026 as 1 February (--dayfirst) or 2 January "
        "(--monthfirst). Default: from the dates themselves, day-first in a ;-separated file.",
        show_default=False,
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="NAME",
        help="Sheet of an .xlsx input, by name or number from 1 (default: the first).",
        show_default=False,
    ),
]
OrdersOption = Annotated[
    Path | None,
    typer.Option(
        "--orders",
        metavar="FILE",
        help="Orders file (one row per order; columns named in the criteria file's orders: "
        "block): adds order_count, total_amount, last_order, RFM scores... per customer.",
        show_default=False,
    ),
]
SurveysOption = Annotated[
    Path | None,
    typer.Option(
        "--surveys",
        metavar="FILE",
        help="Survey answers (id column, date, and the listening.nps column): each customer's "
        "latest answer becomes the NPS column.",
        show_default=False,
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose", "-v", help="Say on stderr how each input was read (encoding, delimiter)."
    ),
]


@dataclass(frozen=True)
class InputFlags:
    """The input options every command shares, gathered once and passed to `read_input`.

    A command declares the options above and builds one:
    `InputFlags(encoding, delimiter, decimal, dayfirst, sheet, orders, surveys, verbose, quiet)`.
    """

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    dayfirst: bool | None = None
    sheet: str | None = None
    orders: Path | None = None
    surveys: Path | None = None
    verbose: bool = False
    quiet: bool = False
    lang: str | None = None


_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
_DECIMAL_NAMES = {",": ",", ".": ".", "comma": ",", "dot": ".", "point": ".", "virgule": ","}


def _delimiter(value: str | None, lang: str) -> str | None:
    from portfolio_cli.messages import message

    if value is None:
        return None
    found = _DELIMITER_NAMES.get(value.lower(), value)
    if len(found) != 1 or found in '"\r\n':
        raise UsageError(
            Issue(
                "bad-option",
                message(
                    "inputs.bad_option",
                    lang,
                    option="--delimiter",
                    expected="one character: , ; | or tab",
                    value=value,
                ),
            )
        )
    return found


def _decimal(value: str | None, lang: str) -> str | None:
    from portfolio_cli.messages import message

    if value is None:
        return None
    found = _DECIMAL_NAMES.get(value.strip().lower())
    if found is None:
        raise UsageError(
            Issue(
                "bad-option",
                message(
                    "inputs.bad_option", lang, option="--decimal", expected=", or .", value=value
                ),
            )
        )
    return found


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
    flags: InputFlags | None = None,
    *,
    every_column: bool = False,
    as_of: dt.date | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> CustomerList:
    """Read the customer list a command was given, with `--orders` and `--surveys` joined.

    Only the columns the rules need are read, unless `every_column` (for --keep-columns and
    explain). `as_of` (default today) is the date order recency counts to. `encoding` and
    `delimiter` are kept for callers written before `InputFlags`; they override its fields.
    Warnings (a garbled encoding, orders of unknown customers) go to stderr unless
    `flags.quiet`; with `flags.verbose`, how each file was read.
    """
    from portfolio_cli.engine import required_columns
    from portfolio_cli.messages import language
    from portfolio_cli.readers import CsvOptions, read_customers

    flags = flags or InputFlags()
    lang = language(flags.lang)
    options = CsvOptions(
        encoding=encoding or flags.encoding,
        delimiter=_delimiter(delimiter or flags.delimiter, lang),
        decimal=_decimal(flags.decimal, lang),
        dayfirst=flags.dayfirst,
        sheet=flags.sheet,
        lang=lang,
    )
    if flags.orders is not None and rules.orders is None:
        from portfolio_cli.messages import message

        raise UsageError(
            Issue("no-orders-block", message("orders.no_block", lang, criteria=rules.source))
        )
    if flags.surveys is not None and not rules.listening.nps:
        from portfolio_cli.messages import message

        raise UsageError(Issue("no-nps", message("surveys.no_nps", lang, criteria=rules.source)))
    customers = read_customers(
        source,
        rules.customers.id,
        text_columns=[rules.customers.name] if rules.customers.name else [],
        columns=None if every_column else required_columns(rules),
        options=options,
    )
    _orders_needed(rules, flags, customers.kinds, lang)
    err = make_console(stderr=True)
    notes: list[str] = list(customers.info.notes)
    described = [customers.info.describe(lang)]
    if flags.orders is not None and rules.orders is not None:
        from portfolio_cli.readers.orders import join_orders

        order_columns = (rules.orders.customer, rules.orders.date, rules.orders.amount)
        customers, warnings, line = join_orders(
            customers, flags.orders, order_columns, as_of or dt.date.today(), options
        )
        notes += warnings
        described.append(line)
    if flags.surveys is not None and rules.listening.nps:
        from portfolio_cli.readers.orders import join_surveys

        customers, warnings, line = join_surveys(
            customers, flags.surveys, rules.listening.nps, options
        )
        notes += warnings
        described.append(line)
    if flags.verbose:
        for line in described:
            err.print(line, markup=False)
    if not flags.quiet:
        for note in notes:
            err.print(f"warning: {note}", markup=False)
    return customers


def _orders_needed(
    rules: Criteria, flags: InputFlags, kinds: Mapping[str, object], lang: str
) -> None:
    """Conditions reading order columns with no --orders: say which option adds them."""
    if flags.orders is not None:
        return
    from portfolio_cli.engine import required_columns
    from portfolio_cli.messages import message
    from portfolio_cli.readers.orders import ORDER_COLUMNS

    missing = [c for c in required_columns(rules) if c in ORDER_COLUMNS and c not in kinds]
    if missing:
        raise UsageError(
            Issue(
                "orders-needed",
                message("orders.needed", lang, criteria=rules.source, columns=", ".join(missing)),
            )
        )
