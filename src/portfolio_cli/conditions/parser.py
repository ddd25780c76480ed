"""The `when:` parser: text → the syntax tree of `conditions/tree.py`.

A condition reads like Python (`orders_12m >= 3 and region not in ["Corse"]`) and is parsed with
Python's `ast` against an allow-list: any node that is not listed here is refused with a caret
under it. Nothing is ever evaluated by Python.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import re
import sys
from collections.abc import Mapping
from typing import Literal as TypingLiteral

from portfolio_cli.conditions.tree import (
    Arithmetic,
    Call,
    Column,
    Compare,
    Condition,
    Constant,
    Expr,
    ExpressionError,
    IsIn,
    Logical,
    Negative,
    Not,
    Span,
)
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


# Strings first, so that a backtick inside "a `quoted` text" stays part of the text; a lone
# backtick left over is one that is not closed. A backtick inside a name is written twice, as in
# SQL: `a``b` is the column a`b.
_BACKTICK = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`((?:[^`]|``)*)`|`")
_SYNTAX_HINTS = (  # message keys
    (re.compile(r"&&|\|\|"), "expr.hint.and_or"),
    (re.compile(r"<>"), "expr.hint.not_equal"),
    (re.compile(r"\b(AND|OR|NOT|And|Or|Not)\b"), "expr.hint.lower_case"),
    (re.compile(r"=>|=<"), "expr.hint.arrow"),
    (re.compile(r"(?<![=!<>])=(?!=)"), "expr.hint.double_equal"),
)
# A number written with leading zeros (01000): a code, which Python reads as an old octal
_LEADING_ZERO = re.compile(r"(?<![\w.])0\d+\b")
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
_OTHER_OPERATORS: dict[type[ast.operator], str] = {
    ast.Pow: "**",
    ast.Mod: "%",
    ast.FloorDiv: "//",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.MatMult: "@",
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
    code = _LEADING_ZERO.search(masked)
    if code is not None and "leading zeros" in (exc.msg or ""):
        text = message("expr.leading_zero", value=code.group())
        return ExpressionError(text, Span(code.start(), code.end()))
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
        """`node` as our typed tree, through the allow-list: one case per accepted node type;
        any other node is an error with its place (`depth` bounds the nesting)."""
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
                return self._negative(operand, span, deeper)
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
                raise _refused_operator(op, span)
            case ast.Compare(left=left, ops=ops, comparators=comparators):
                return self._compare(left, ops, comparators, span, deeper)
            case ast.Call():
                return self._call(node, span, deeper)
            case ast.Name():
                return self._name(node, span)
            case ast.Constant(value=value):
                return self._constant(value, span)
            case ast.List():
                raise ExpressionError(message("expr.list_after_in"), span)
            case ast.Tuple() if (decimal := self._decimal_comma(span)) is not None:
                raise ExpressionError(message("expr.decimal_comma", number=decimal[0]), decimal[1])
            case _:
                raise _refused_node(node, span)

    def _negative(self, operand: ast.expr, span: Span, depth: int) -> Expr:
        """`-x`: a negative number stays a constant, anything else is negated."""
        inner = self.convert(operand, depth)
        if isinstance(inner, Constant) and _is_number(inner.value):
            return Constant(-inner.value, span)  # type: ignore[operator]
        return Negative(inner, span)

    def _name(self, node: ast.Name, span: Span) -> Expr:
        """A column (`name` or `` `quoted name` ``), or `true`/`false`; a null is refused."""
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


def _refused_operator(op: ast.operator, span: Span) -> ExpressionError:
    """The error for an operator outside + - * / (`&` and `|` say to write and/or)."""
    symbol = _OTHER_OPERATORS.get(type(op), message("expr.this_operator"))
    key = {"&": "expr.operator_and", "|": "expr.operator_or"}.get(symbol, "expr.operator")
    return ExpressionError(message(key, symbol=symbol), span)


def _refused_node(node: ast.expr, span: Span) -> ExpressionError:
    """The error for a node of Python outside the allow-list, named when we know it."""
    refused = type(node)
    return ExpressionError(
        message(_REFUSED[refused])
        if refused in _REFUSED
        else message("expr.not_allowed", name=refused.__name__),
        span,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _start(node: Expr) -> int:
    return node.span.start
