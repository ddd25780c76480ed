"""What a column or an expression holds (`Kind`), and the did-you-mean helpers for a mistyped
name.

The readers, the engine and the commands need these without the parser: this module imports
nothing of the condition language, so `import portfolio_cli.conditions.kinds` stays light.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import unicodedata
from collections.abc import Iterable, Iterator

from portfolio_cli.messages import message


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
