"""`portfolio sql`: the whole method as one SQL script for a warehouse, its parts introduced
by comments."""

from __future__ import annotations

import datetime as dt

from portfolio_cli.criteria import Criteria
from portfolio_cli.engines.sql import compile_method, render
from portfolio_cli.messages import message

PARTS = ("all", "customers", "summary")


def script(rules: Criteria, day: dt.date, table: str, dialect: str, part: str) -> str:
    """The statements of `part` (all, customers or summary) for `dialect`, reading `table`."""
    method = compile_method(rules, day, table, dialect)
    head = message("sql.head", criteria=rules.source, as_of=day.isoformat(), dialect=dialect)
    statements = []
    if part in ("all", "customers"):
        statements.append((message("sql.customers"), render(method.customers(), dialect)))
    if part in ("all", "summary"):
        statements.append((message("sql.summary"), render(method.summary(), dialect)))
    lines = [_comment(head)]
    for title, text in statements:
        lines += [_comment(title), text + ";", ""]
    return "\n".join(lines)


def _comment(text: str) -> str:
    """A comment line: a line break in a file name cannot end it and start SQL."""
    return "-- " + " ".join(text.split())
