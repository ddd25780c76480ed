"""The syntax tree of a `when:` condition: its nodes (each with the span of text it was read
from), `Condition`, `walk`, and `ExpressionError`, the error that points at a span (`caret`).

The tree holds no pandas or Arrow object, so that it can be evaluated over columns
(`conditions/evaluate.py`) and compiled to SQL (`engines/sql.py`). The parser
(`conditions/parser.py`) builds it and the type check (`conditions/check.py`) reads it; both
raise `ExpressionError`, which is why it lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal as TypingLiteral
from typing import TypeAlias


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) of a node in the condition text."""

    start: int
    end: int


@dataclass(frozen=True)
class Column:
    name: str
    span: Span


@dataclass(frozen=True)
class Constant:
    value: bool | int | float | str | dt.date
    span: Span


@dataclass(frozen=True)
class Compare:
    op: TypingLiteral["==", "!=", "<", "<=", ">", ">="]
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class IsIn:
    operand: Expr
    items: tuple[Constant, ...]
    negated: bool
    span: Span


@dataclass(frozen=True)
class Logical:
    op: TypingLiteral["and", "or"]
    operands: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True)
class Not:
    operand: Expr
    span: Span


@dataclass(frozen=True)
class Arithmetic:
    op: TypingLiteral["+", "-", "*", "/"]
    left: Expr
    right: Expr
    span: Span


@dataclass(frozen=True)
class Negative:
    operand: Expr
    span: Span


@dataclass(frozen=True)
class Call:
    function: TypingLiteral["days_since", "missing", "contains", "startswith", "lower", "between"]
    args: tuple[Expr, ...]
    span: Span


Expr: TypeAlias = Column | Constant | Compare | IsIn | Logical | Not | Arithmetic | Negative | Call


class ExpressionError(Exception):
    """A condition that cannot be parsed or type-checked; `span` marks the offending part."""

    def __init__(
        self,
        message: str,
        span: Span | None,
        code: str = "bad-condition",
        column: str | None = None,
        parts: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.code = code
        # a text column compared with a number: its name and the message's parts, so that the
        # caller who holds the data can say which cell made the column text
        self.column = column
        self.parts = dict(parts or {})


@dataclass(frozen=True)
class Condition:
    """A parsed `when:`: the text as written and its tree."""

    text: str
    tree: Expr

    def columns(self) -> tuple[str, ...]:
        """The column names the condition reads, in order of first appearance."""
        seen: dict[str, None] = {}
        for node in walk(self.tree):
            if isinstance(node, Column):
                seen.setdefault(node.name, None)
        return tuple(seen)


def walk(node: Expr) -> Iterator[Expr]:
    """Every node of a tree, parents before children."""
    yield node
    match node:
        case Compare() | Arithmetic():
            yield from walk(node.left)
            yield from walk(node.right)
        case IsIn():
            yield from walk(node.operand)
        case Logical() | Call():
            for child in node.operands if isinstance(node, Logical) else node.args:
                yield from walk(child)
        case Not() | Negative():
            yield from walk(node.operand)
        case _:
            pass


def caret(text: str, span: Span | None, indent: str = "    ") -> str:
    """The condition on one line and a caret line under `span`, for error messages."""
    flat = re.sub(r"[\r\n\t]", " ", text)
    if span is None:
        return f"{indent}{flat}"
    start = max(0, min(span.start, len(flat)))
    width = max(1, min(span.end, len(flat)) - start)
    return f"{indent}{flat}\n{indent}{' ' * start}{'^' * width}"
