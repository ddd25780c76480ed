"""The `when:` condition language: text → a small typed tree of our own → type checks.

A condition reads like Python (`orders_12m >= 3 and region not in ["Corse"]`) and is parsed with
Python's `ast` against an allow-list: any node that is not listed here is refused with a caret
under it. Nothing is ever evaluated by Python. The tree holds no pandas object, so that it can be
compiled to pandas today (`conditions/evaluate.py`) and to SQL later.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import enum
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal as TypingLiteral
from typing import TypeAlias

from portfolio_cli.messages import message, plural

MAX_LENGTH = 2000
MAX_DEPTH = 60

FUNCTIONS: dict[str, str] = {
    "days_since": "days_since(date_column)",
    "missing": "missing(column)",
    "contains": 'contains(text_column, "text")',
    "startswith": 'startswith(text_column, "text")',
    "lower": "lower(text_column)",
    "between": "between(column, low, high)",
    "date": 'date("2026-01-31")',
}


class Kind(enum.Enum):
    """What a column or an expression holds."""

    NUMBER = "number"
    TEXT = "text"
    DATE = "date"
    BOOL = "true/false"
    EMPTY = "no values"  # a column whose every cell is blank: compatible with any kind

    @property
    def label(self) -> str:
        """The kind's name for people, in the current language (`nombre`, `texte`...)."""
        return message(f"kind.{self.name.lower()}")


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


# --- parsing ------------------------------------------------------------------------------------

# Strings first, so that a backtick inside "a `quoted` text" stays part of the text; a lone
# backtick left over is one that is not closed. A backtick inside a name is written twice, as in
# SQL: `a``b` is the column a`b.
_BACKTICK = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`((?:[^`]|``)*)`|`")
_SYNTAX_HINTS = (  # message keys
    (re.compile(r"&&|\|\|"), "expr.hint.and_or"),
    (re.compile(r"<>"), "expr.hint.not_equal"),
    (re.compile(r"\b(AND|OR|NOT|And|Or|Not)\b"), "expr.hint.lower_case"),
    (re.compile(r"(?<![=!<>])=(?!=)"), "expr.hint.double_equal"),
)
_COMPARE_OPS: dict[type[ast.cmpop], TypingLiteral["==", "!=", "<", "<=", ">", ">="]] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
}
_ARITH_OPS: dict[type[ast.operator], TypingLiteral["+", "-", "*", "/"]] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
}
_REFUSED: dict[type[ast.AST], str] = {  # message keys
    ast.Attribute: "expr.refused.attribute",
    ast.Subscript: "expr.refused.subscript",
    ast.Lambda: "expr.refused.lambda",
    ast.ListComp: "expr.refused.comprehension",
    ast.SetComp: "expr.refused.comprehension",
    ast.DictComp: "expr.refused.comprehension",
    ast.GeneratorExp: "expr.refused.comprehension",
    ast.JoinedStr: "expr.refused.fstring",
    ast.IfExp: "expr.refused.ifexp",
    ast.Dict: "expr.refused.dict",
    ast.Set: "expr.refused.set",
    ast.Tuple: "expr.refused.tuple",
    ast.Starred: "expr.refused.starred",
    ast.NamedExpr: "expr.refused.walrus",
    ast.Await: "expr.refused.await",
    ast.Yield: "expr.refused.yield",
    ast.YieldFrom: "expr.refused.yield",
    ast.Slice: "expr.refused.slice",
}


def parse_condition(text: str) -> Condition:
    """Parse a `when:` text into a `Condition`, or raise `ExpressionError` with a span."""
    if not text.strip():
        raise ExpressionError(message("expr.empty"), None)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            message("expr.too_long", length=len(text), limit=MAX_LENGTH),
            None,
        )
    flat = re.sub(r"[\r\n\t]", " ", text)
    backticks: dict[int, tuple[str, int]] = {}  # where: (name, length as written)

    def _mask(match: re.Match[str]) -> str:
        if not match.group(0).startswith("`"):
            return match.group(0)  # a string, kept as written
        if match.group(0) == "`":
            raise ExpressionError(
                message("expr.open_backtick"), Span(match.start(), match.start() + 1)
            )
        # from the text as written: a line break or a tab in a name is part of it
        name = text[match.start(1) : match.end(1)].replace("``", "`")
        if not name.strip():
            raise ExpressionError(message("expr.empty_backticks"), Span(match.start(), match.end()))
        backticks[match.start()] = (name, len(match.group(0)))
        return "_" * len(match.group(0))

    masked = _BACKTICK.sub(_mask, flat)
    # Wrapping in parentheses lets leading spaces through; offsets shift by one.
    source = f"({masked})"
    try:
        module = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise _syntax_error(exc, flat) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError(message("expr.unreadable", detail=exc), None) from None
    return Condition(text=text, tree=_Converter(source, backticks).convert(module.body, 0))


def _syntax_error(exc: SyntaxError, flat: str) -> ExpressionError:
    masked = _without_strings(flat)
    found = next(
        ((match, h) for pattern, h in _SYNTAX_HINTS if (match := pattern.search(masked))), None
    )
    # Python's own words ("invalid syntax", "'(' was never closed") stay as Python wrote them
    detail = (exc.msg or "invalid syntax").split(". Maybe")[0].split(". Perhaps")[0]
    text = message("expr.unreadable", detail=detail)
    span = None
    if found:
        # the hint knows what is wrong: point at it rather than where Python stopped
        match, hint = found
        text = message("expr.unreadable_hint", detail=detail, hint=message(hint))
        span = Span(match.start(), max(match.end(), match.start() + 1))
    elif exc.offset is not None:
        start = max(0, exc.offset - 2)
        end = max(start + 1, (exc.end_offset or exc.offset) - 2)
        if exc.lineno != exc.end_lineno:
            end = start + 1
        span = Span(min(start, len(flat)), min(end, len(flat) + 1))
    return ExpressionError(text, span)


def _without_strings(text: str) -> str:
    """The text with each string's contents blanked, same length, so positions still match."""
    return re.sub(
        r"\"[^\"]*\"|'[^']*'",
        lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[0],
        text,
    )


class _Converter:
    """Walks Python's ast and builds our tree, refusing every node not on the allow-list."""

    def __init__(self, source: str, backticks: Mapping[int, tuple[str, int]]) -> None:
        self._source = source
        self._encoded = source.encode("utf-8")
        self._backticks = backticks

    def _offset(self, byte_offset: int) -> int:
        # ast offsets count UTF-8 bytes; carets count characters. Minus one for the "(".
        return len(self._encoded[:byte_offset].decode("utf-8", errors="ignore")) - 1

    def _written(self, node: ast.AST) -> str:
        start, end = getattr(node, "col_offset", 0), getattr(node, "end_col_offset", None)
        return self._encoded[start:end].decode("utf-8", errors="replace")

    def span(self, node: ast.AST) -> Span:
        start = self._offset(getattr(node, "col_offset", 1))
        end = self._offset(getattr(node, "end_col_offset", None) or 1)
        return Span(start, max(end, start + 1))

    def convert(self, node: ast.expr, depth: int) -> Expr:
        if depth > MAX_DEPTH:
            raise ExpressionError(message("expr.too_deep"), self.span(node))
        deeper = depth + 1
        span = self.span(node)
        match node:
            case ast.BoolOp(op=ast.And() | ast.Or() as op, values=values):
                kind: TypingLiteral["and", "or"] = "and" if isinstance(op, ast.And) else "or"
                return Logical(kind, tuple(self.convert(v, deeper) for v in values), span)
            case ast.UnaryOp(op=ast.Not(), operand=operand):
                return Not(self.convert(operand, deeper), span)
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                inner = self.convert(operand, deeper)
                if isinstance(inner, Constant) and _is_number(inner.value):
                    return Constant(-inner.value, span)  # type: ignore[operator]
                return Negative(inner, span)
            case ast.UnaryOp(op=ast.UAdd(), operand=operand):
                return self.convert(operand, deeper)
            case ast.BinOp(op=op, left=left, right=right) if type(op) in _ARITH_OPS:
                return Arithmetic(
                    _ARITH_OPS[type(op)],
                    self.convert(left, deeper),
                    self.convert(right, deeper),
                    span,
                )
            case ast.BinOp(op=op):
                symbol = {
                    ast.Pow: "**",
                    ast.Mod: "%",
                    ast.FloorDiv: "//",
                    ast.BitAnd: "&",
                    ast.BitOr: "|",
                    ast.BitXor: "^",
                    ast.LShift: "<<",
                    ast.RShift: ">>",
                    ast.MatMult: "@",
                }.get(type(op), message("expr.this_operator"))
                key = {"&": "expr.operator_and", "|": "expr.operator_or"}.get(
                    symbol, "expr.operator"
                )
                raise ExpressionError(message(key, symbol=symbol), span)
            case ast.Compare(left=left, ops=ops, comparators=comparators):
                return self._compare(left, ops, comparators, span, deeper)
            case ast.Call():
                return self._call(node, span, deeper)
            case ast.Name():
                quoted, width = self._backticks.get(span.start, (None, 0))
                if quoted is not None and span.end - span.start == width:
                    return Column(quoted, span)
                if any(span.start <= at < span.end for at in self._backticks):
                    # x`a` or `a`x: the masked name ran into its neighbour
                    raise ExpressionError(message("expr.backtick_apart"), span)
                # the name as written: Python folds identifiers to NFKC (`ﬁrst` to `first`),
                # and a column is matched by the name the user wrote
                name = self._written(node)
                if name in ("true", "false"):
                    return Constant(name == "true", span)
                if name in ("null", "none", "None", "NULL", "nan", "NaN"):
                    raise ExpressionError(message("expr.null_name", name=name), span)
                return Column(name, span)
            case ast.Constant(value=value):
                return self._constant(value, span)
            case ast.List():
                raise ExpressionError(message("expr.list_after_in"), span)
            case ast.Tuple() if (decimal := self._decimal_comma(span)) is not None:
                raise ExpressionError(message("expr.decimal_comma", number=decimal[0]), decimal[1])
            case _:
                refused = type(node)
                raise ExpressionError(
                    message(_REFUSED[refused])
                    if refused in _REFUSED
                    else message("expr.not_allowed", name=refused.__name__),
                    span,
                )

    def _decimal_comma(self, span: Span) -> tuple[str, Span] | None:
        """`1000,5` written the French way: the number with a dot and where it is written, or
        None for another tuple. Python reads `total > 1000,5` as a tuple; a digit, a comma and a
        digit with no space between is a decimal (a list is refused before it gets here)."""
        start = max(span.start, 0)  # a whole-condition tuple starts at the added parenthesis
        written = _without_strings(self._source)[start + 1 : span.end + 1]
        found = re.search(r"(?<![\w.])(\d+),(\d+)(?![\w.])", written)
        if found is None:
            return None
        where = Span(start + found.start(), start + found.end())
        return f"{found.group(1)}.{found.group(2)}", where

    def _constant(self, value: object, span: Span) -> Constant:
        if isinstance(value, bool | str):
            return Constant(value, span)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if isinstance(value, float) and value != value:  # pragma: no cover - not parseable
                raise ExpressionError(message("expr.nan"), span)
            if isinstance(value, int) and abs(value) > sys.float_info.max:
                # columns hold float64: such a number could never be compared with one
                raise ExpressionError(message("expr.too_large"), span)
            return Constant(value, span)
        if value is None:
            raise ExpressionError(message("expr.none"), span)
        raise ExpressionError(message("expr.bad_value_type", name=type(value).__name__), span)

    def _compare(
        self,
        left: ast.expr,
        ops: list[ast.cmpop],
        comparators: list[ast.expr],
        span: Span,
        depth: int,
    ) -> Expr:
        parts: list[Expr] = []
        current = self.convert(left, depth)
        for op, right in zip(ops, comparators, strict=True):
            part_span = Span(_start(current), self.span(right).end)
            if isinstance(op, ast.In | ast.NotIn):
                items = self._list(right, depth)
                parts.append(IsIn(current, items, isinstance(op, ast.NotIn), part_span))
                current = self.convert(right, depth) if not isinstance(right, ast.List) else current
                continue
            if type(op) not in _COMPARE_OPS:
                word = "is not" if isinstance(op, ast.IsNot) else "is"
                raise ExpressionError(message("expr.is", word=word), self.span(right))
            nxt = self.convert(right, depth)
            parts.append(Compare(_COMPARE_OPS[type(op)], current, nxt, part_span))
            current = nxt
        return parts[0] if len(parts) == 1 else Logical("and", tuple(parts), span)

    def _list(self, node: ast.expr, depth: int) -> tuple[Constant, ...]:
        if not isinstance(node, ast.List):
            raise ExpressionError(message("expr.in_needs_list"), self.span(node))
        items: list[Constant] = []
        for element in node.elts:
            item = self.convert(element, depth)
            if not isinstance(item, Constant):
                raise ExpressionError(message("expr.list_values_only"), self.span(element))
            items.append(item)
        if not items:
            raise ExpressionError(message("expr.empty_list"), self.span(node))
        return tuple(items)

    def _call(self, node: ast.Call, span: Span, depth: int) -> Expr:
        if not isinstance(node.func, ast.Name) or self._offset(node.func.col_offset) in (
            self._backticks
        ):
            raise ExpressionError(
                message("expr.only_functions", functions=", ".join(FUNCTIONS)), span
            )
        name = self._written(node.func)
        if name not in FUNCTIONS:
            close = difflib.get_close_matches(name, FUNCTIONS, n=1)
            functions = ", ".join(FUNCTIONS)
            raise ExpressionError(
                message(
                    "expr.unknown_function_close", name=name, close=close[0], functions=functions
                )
                if close
                else message("expr.unknown_function", name=name, functions=functions),
                self.span(node.func),
            )
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise ExpressionError(message("expr.no_keywords", usage=FUNCTIONS[name]), span)
        arity = {"between": 3, "contains": 2, "startswith": 2}.get(name, 1)
        if len(node.args) != arity:
            raise ExpressionError(
                plural("expr.arity", arity, name=name, usage=FUNCTIONS[name]), span
            )
        if name == "date":
            return Constant(self._date(node.args[0]), span)
        args = tuple(self.convert(a, depth) for a in node.args)
        if name == "missing" and not isinstance(args[0], Column):
            raise ExpressionError(message("expr.missing_column"), args[0].span)
        if name in ("contains", "startswith") and not (
            isinstance(args[1], Constant) and isinstance(args[1].value, str)
        ):
            raise ExpressionError(
                message("expr.second_text", name=name, usage=FUNCTIONS[name]), args[1].span
            )
        return Call(name, args, span)  # type: ignore[arg-type]

    def _date(self, node: ast.expr) -> dt.date:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        raise ExpressionError(message("expr.bad_date"), self.span(node))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _start(node: Expr) -> int:
    return node.span.start


# --- type checking ------------------------------------------------------------------------------


def constant_kind(value: object) -> Kind:
    """The kind of a literal value."""
    if isinstance(value, bool):
        return Kind.BOOL
    if isinstance(value, int | float):
        return Kind.NUMBER
    if isinstance(value, dt.date):
        return Kind.DATE
    return Kind.TEXT


def suggest(name: str, names: Iterator[str] | list[str] | tuple[str, ...]) -> list[str]:
    """Close matches for a mistyped name: same name in another case first, then spelling."""
    pool = list(names)
    folded = unicodedata.normalize("NFKC", name).casefold()
    same_case = [n for n in pool if unicodedata.normalize("NFKC", n).casefold() == folded]
    close = difflib.get_close_matches(name, pool, n=3, cutoff=0.6)
    lowered = {n.lower(): n for n in pool}
    close += [lowered[m] for m in difflib.get_close_matches(name.lower(), list(lowered), n=3)]
    return list(dict.fromkeys(same_case + close))[:3]


def unknown_column_message(name: str, columns: Iterable[str]) -> str:
    """`unknown column 'x' (did you mean 'y'?)` with the closest columns of the input."""
    pool = list(columns)
    close = suggest(name, pool)
    if close:
        return message("expr.unknown_column_close", name=name, close=either(close))
    listed = ", ".join(pool[:12]) + (", ..." if len(pool) > 12 else "")
    return message("expr.unknown_column", name=name, columns=listed)


def either(names: Iterable[str]) -> str:
    """`'a' or 'b'` (`'a' ou 'b'` in French): the suggestions of a did-you-mean."""
    return message("expr.or").join(repr(name) for name in names)


def check_condition(
    condition: Condition, columns: Mapping[str, Kind], names: Sequence[str] | None = None
) -> None:
    """Check names and types against the input's columns; raise `ExpressionError` if wrong.

    `names` (default: the columns) are every column of the input, for suggestions.
    """
    kind = _Checker(columns, names, condition.text).kind(condition.tree)
    if kind not in (Kind.BOOL, Kind.EMPTY):
        text = " ".join(condition.text.split())
        raise ExpressionError(
            message("expr.not_a_condition", kind=kind.label, example=comparison(text, kind)),
            condition.tree.span,
            "not-a-condition",
        )


def comparison(text: str, kind: Kind) -> str:
    """A comparison that turns `text`, of this kind, into a condition: the example an error
    suggests (`region == "…"`, `orders_12m > 0`, `days_since(signup) < 365`)."""
    if kind is Kind.TEXT:
        return f'{text} == "…"'
    if kind is Kind.DATE:
        return f"days_since({text}) < 365"
    return f"{text} > 0"


class _Checker:
    def __init__(
        self, columns: Mapping[str, Kind], names: Sequence[str] | None = None, text: str = ""
    ) -> None:
        self._columns = columns
        self._names = list(names) if names is not None else list(columns)
        self._flat = re.sub(r"[\r\n\t]", " ", text)  # what the spans count in

    def kind(self, node: Expr) -> Kind:
        match node:
            case Column(name=name):
                if name not in self._columns:
                    raise ExpressionError(
                        unknown_column_message(name, self._names), node.span, "unknown-column"
                    )
                return self._columns[name]
            case Constant(value=value):
                return constant_kind(value)
            case Compare(op=op, left=left, right=right):
                kind = self._same(left, right, f"`{op}`")
                if kind is Kind.BOOL and op not in ("==", "!="):
                    raise ExpressionError(message("expr.bool_compare"), node.span)
                return Kind.BOOL
            case IsIn(operand=operand, items=items):
                kinds = {constant_kind(i.value) for i in items}
                if len(kinds) > 1:
                    raise ExpressionError(message("expr.mixed_list"), node.span)
                self._same(operand, items[0], "`in`")
                return Kind.BOOL
            case Logical(op=op, operands=operands):
                for operand in operands:
                    self._boolean(operand, f"`{op}`")
                return Kind.BOOL
            case Not(operand=operand):
                self._boolean(operand, "`not`")
                return Kind.BOOL
            case Arithmetic(op=op, left=left, right=right):
                lk, rk = self.kind(left), self.kind(right)
                if op == "-" and {lk, rk} <= {Kind.DATE, Kind.EMPTY} and Kind.DATE in {lk, rk}:
                    return Kind.NUMBER  # date - date = days between them
                for side, kind in ((left, lk), (right, rk)):
                    if kind not in (Kind.NUMBER, Kind.EMPTY):
                        raise ExpressionError(
                            message(
                                "expr.needs_numbers", op=op, what=_describe(side), kind=kind.label
                            ),
                            side.span,
                            "type-mismatch",
                        )
                return Kind.NUMBER
            case Negative(operand=operand):
                if self.kind(operand) not in (Kind.NUMBER, Kind.EMPTY):
                    raise ExpressionError(message("expr.negative"), node.span, "type-mismatch")
                return Kind.NUMBER
            case Call(function=function, args=args):
                return self._call(function, args, node)

    def _call(self, function: str, args: tuple[Expr, ...], node: Call) -> Kind:
        kinds = [self.kind(a) for a in args]
        if function == "missing":
            return Kind.BOOL
        if function == "days_since":
            self._expect(args[0], kinds[0], Kind.DATE, "days_since")
            return Kind.NUMBER
        if function in ("contains", "startswith", "lower"):
            self._expect(args[0], kinds[0], Kind.TEXT, function)
            return Kind.TEXT if function == "lower" else Kind.BOOL
        # between(x, low, high)
        self._same(args[0], args[1], "between")
        self._same(args[0], args[2], "between")
        if Kind.BOOL in kinds:
            raise ExpressionError(message("expr.between_kinds"), node.span)
        return Kind.BOOL

    def _expect(self, node: Expr, kind: Kind, wanted: Kind, function: str) -> None:
        if kind not in (wanted, Kind.EMPTY):
            key = "expr.function_needs"
            if wanted is Kind.DATE and kind is Kind.TEXT and isinstance(node, Column):
                key = "expr.function_needs_dates"
            raise ExpressionError(
                message(
                    key,
                    function=function,
                    wanted=wanted.label,
                    what=_describe(node),
                    kind=kind.label,
                ),
                node.span,
                "type-mismatch",
            )

    def _boolean(self, node: Expr, operator: str) -> None:
        kind = self.kind(node)
        if kind not in (Kind.BOOL, Kind.EMPTY):
            raise ExpressionError(
                message(
                    "expr.combines",
                    operator=operator,
                    what=_describe(node),
                    kind=kind.label,
                    example=comparison(self._written(node), kind),
                ),
                node.span,
                "type-mismatch",
            )

    def _written(self, node: Expr) -> str:
        """The part of the condition `node` was read from, as written (one line)."""
        if isinstance(node, Column) and not self._flat:
            return node.name
        return " ".join(self._flat[node.span.start : node.span.end].split())

    def _same(self, left: Expr, right: Expr, operator: str) -> Kind:
        lk, rk = self.kind(left), self.kind(right)
        if Kind.EMPTY in (lk, rk) or lk is rk:
            return rk if lk is Kind.EMPTY else lk
        column, other, column_kind, other_kind = left, right, lk, rk
        if not isinstance(left, Column) and isinstance(right, Column):
            column, other, column_kind, other_kind = right, left, rk, lk
        key, value = "expr.compares", ""
        text_column = None
        if column_kind is Kind.TEXT and other_kind is Kind.NUMBER and isinstance(other, Constant):
            # quotes make a code of a number, never an amount: an ordering is not advised them
            ordering = operator.strip("`") in ORDERINGS or operator == "between"
            key = "expr.compares_order" if ordering else "expr.compares_quote"
            value = str(other.value)
            text_column = column.name if isinstance(column, Column) else None
        elif column_kind is Kind.DATE and other_kind is Kind.TEXT:
            key = "expr.compares_date"
        elif column_kind is Kind.NUMBER and other_kind is Kind.TEXT and isinstance(other, Constant):
            key = "expr.compares_unquote"
        parts = {
            "operator": operator,
            "column": _describe(column),
            "column_kind": column_kind.label,
            "other": _describe(other),
            "other_kind": other_kind.label,
        }
        text = message(key, value=value, **parts)
        raise ExpressionError(
            text, Span(left.span.start, right.span.end), "type-mismatch", text_column, parts
        )


ORDERINGS = ("<", "<=", ">", ">=")


def text_orderings(
    condition: Condition, columns: Mapping[str, Kind]
) -> Iterator[tuple[Expr, Column, dict[str, str]]]:
    """Every place where a condition orders a text column against a quoted value (`amount >
    "1000"`, `between(amount, "1", "9")`): the node, the column, and the parts of a message.

    Such an ordering compares text ("999" after "1000"); the caller who holds the data says
    whether the column is really one of numbers that a few cells made text.
    """
    for node in walk(condition.tree):
        pairs: list[tuple[Expr, Expr, str]] = []
        if isinstance(node, Compare) and node.op in ORDERINGS:
            pairs = [(node.left, node.right, f"`{node.op}`")]
        elif isinstance(node, Call) and node.function == "between":
            pairs = [
                (node.args[0], node.args[1], "between"),
                (node.args[0], node.args[2], "between"),
            ]
        for left, right, operator in pairs:
            column, other = (left, right) if isinstance(left, Column) else (right, left)
            if not isinstance(column, Column) or columns.get(column.name) is not Kind.TEXT:
                continue
            if isinstance(other, Constant) and isinstance(other.value, str):
                parts = {
                    "operator": operator,
                    "column": _describe(column),
                    "column_kind": Kind.TEXT.label,
                    "other": _describe(other),
                }
                yield node, column, parts
                break


def _describe(node: Expr) -> str:
    match node:
        case Column(name=name):
            return message("expr.column", name=name)
        case Constant(value=value):
            return f'"{value}"' if isinstance(value, str) else str(value).lower()
        case _:
            return message("expr.this_part")
