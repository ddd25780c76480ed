"""Type checks of a parsed condition against the input's columns: every name known, every
operator given the kinds it takes, the whole a true/false condition; and `text_orderings`, the
places where a condition orders a text column against a quoted value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from portfolio_cli.conditions.kinds import Kind, constant_kind, unknown_column_message
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
    walk,
)
from portfolio_cli.messages import message

ORDERINGS = ("<", "<=", ">", ">=")


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
            parts = {
                "function": function,
                "wanted": wanted.label,
                "what": _describe(node),
                "kind": kind.label,
            }
            if wanted is Kind.DATE and kind is Kind.TEXT and isinstance(node, Column):
                # the caller who holds the data names the cells that are not dates
                raise ExpressionError(
                    message("expr.function_needs_dates", **parts),
                    node.span,
                    "type-mismatch",
                    column=node.name,
                    parts={**parts, "needs": "dates"},
                )
            raise ExpressionError(message(key, **parts), node.span, "type-mismatch")

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
        dates = False  # a column of dates read as text, compared with a date
        if column_kind is Kind.TEXT and other_kind is Kind.NUMBER and isinstance(other, Constant):
            # quotes make a code of a number, never an amount: an ordering is not advised them
            ordering = operator.strip("`") in ORDERINGS or operator == "between"
            key = "expr.compares_order" if ordering else "expr.compares_quote"
            value = str(other.value)
            text_column = column.name if isinstance(column, Column) else None
        elif column_kind is Kind.DATE and other_kind is Kind.TEXT:
            key = "expr.compares_date"
        elif column_kind is Kind.TEXT and other_kind is Kind.DATE and isinstance(column, Column):
            # the caller who holds the data names the cells that are not dates
            text_column, dates = column.name, True
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
            text,
            Span(left.span.start, right.span.end),
            "type-mismatch",
            text_column,
            {**parts, "needs": "dates"} if dates else parts,
        )


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
