"""The input options every command shares (`--encoding`, `--delimiter`, `--decimal`,
`--dayfirst`, `--sheet`, `--header-row`, `--orders`, `--surveys`), and reading a customer list
with them: the list, with orders and surveys joined, and what a person should be told about it.

Library code: nothing here prints. `load_input` returns the warnings and the "how it was read"
lines as values; the pipeline (`pipeline.py`) passes them on in its `Run` and the CLI prints
them (`cli/console.show_run`, `read_input`); `batch`'s workers do not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from portfolio_cli import messages
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria
    from portfolio_cli.readers import CsvOptions, CustomerList


@dataclass(frozen=True)
class InputFlags:
    """The input options every command shares, gathered once and passed to `read_input`.

    A command gets one through `cli/options.input_parameters` rather than declaring the options.
    """

    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    dayfirst: bool | None = None
    sheet: str | None = None
    header_row: int | None = None
    orders: Path | None = None
    surveys: Path | None = None
    verbose: bool = False
    quiet: bool = False
    lang: str | None = None


_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
_DECIMAL_NAMES = {",": ",", ".": ".", "comma": ",", "dot": ".", "point": ".", "virgule": ","}


def parse_delimiter(value: str | None, lang: str, option: str = "--delimiter") -> str | None:
    if value is None:
        return None
    found = _DELIMITER_NAMES.get(value.lower(), value)
    if len(found) != 1 or found in '"\r\n':
        raise _bad_option(option, message("inputs.expect_delimiter", lang), value, lang)
    return found


def _decimal(value: str | None, lang: str) -> str | None:
    if value is None:
        return None
    found = _DECIMAL_NAMES.get(value.strip().lower())
    if found is None:
        raise _bad_option("--decimal", message("inputs.expect_decimal", lang), value, lang)
    return found


def _bad_option(option: str, expected: str, value: str, lang: str) -> UsageError:
    text = message("inputs.bad_option", lang, option=option, expected=expected, value=value)
    return UsageError(Issue("bad-option", text))


def input_options(flags: InputFlags) -> CsvOptions:
    """The reader's options for the input options a command was given."""
    from portfolio_cli.readers import CsvOptions

    lang = flags.lang or messages.current()
    return CsvOptions(
        encoding=flags.encoding,
        delimiter=parse_delimiter(flags.delimiter, lang),
        decimal=_decimal(flags.decimal, lang),
        dayfirst=flags.dayfirst,
        sheet=flags.sheet,
        lang=lang,
        header_row=_header_row(flags.header_row, lang),
    )


def _header_row(value: int | None, lang: str) -> int | None:
    if value is not None and value < 1:
        expected = message("inputs.expect_header_row", lang)
        raise _bad_option("--header-row", expected, str(value), lang)
    return value


def load_input(
    source: str,
    rules: Criteria,
    flags: InputFlags | None = None,
    *,
    every_column: bool = False,
    as_of: dt.date | None = None,
) -> tuple[CustomerList, list[str], list[str]]:
    """Read the customer list a command was given, with `--orders` and `--surveys` joined.

    Only the columns the rules need are read, unless `every_column` (for --keep-columns and
    explain). `as_of` (default today) is the date order recency counts to. Returns the list,
    the warnings a person should see (a garbled encoding, orders of unknown customers, an
    `order_by` column made text) and how each file was read (one line each, for `-v`).
    """
    from portfolio_cli.criteria import required_columns
    from portfolio_cli.readers import read_customers

    flags = flags or InputFlags()
    lang = flags.lang or messages.current()
    options = input_options(flags)
    if flags.orders is not None and rules.orders is None:
        raise UsageError(
            Issue("no-orders-block", message("orders.no_block", lang, criteria=rules.source))
        )
    if flags.surveys is not None and not rules.listening.nps:
        raise UsageError(Issue("no-nps", message("surveys.no_nps", lang, criteria=rules.source)))
    customers = read_customers(
        source,
        rules.customers.id,
        text_columns=[rules.customers.name] if rules.customers.name else [],
        columns=None if every_column else required_columns(rules),
        options=options,
    )
    _orders_needed(rules, flags, customers.kinds, lang)
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
    notes += _sorted_as_text(rules, customers, lang)
    return customers, notes, described


def _sorted_as_text(rules: Criteria, customers: CustomerList, lang: str) -> list[str]:
    """A `policy.order_by` column of numbers that one odd cell made text would be sorted as
    text (1000 before 999) without a word: say which cell."""
    from portfolio_cli.conditions.kinds import Kind
    from portfolio_cli.readers import why_text

    notes = []
    for key in rules.policy.order_by:
        if customers.kinds.get(key.column) is not Kind.TEXT:
            continue
        reason = why_text(customers.column(key.column), lang, first=customers.info)
        if reason is not None:
            notes.append(message("input.order_by_text", lang, column=key.column, reason=reason))
    return notes


def _orders_needed(
    rules: Criteria, flags: InputFlags, kinds: Mapping[str, object], lang: str | None
) -> None:
    """Conditions reading order columns with no --orders: say which option adds them."""
    if flags.orders is not None:
        return
    from portfolio_cli.criteria import required_columns
    from portfolio_cli.readers.orders import ORDER_COLUMNS

    missing = [c for c in required_columns(rules) if c in ORDER_COLUMNS and c not in kinds]
    if missing:
        raise UsageError(
            Issue(
                "orders-needed",
                message("orders.needed", lang, criteria=rules.source, columns=", ".join(missing)),
            )
        )
