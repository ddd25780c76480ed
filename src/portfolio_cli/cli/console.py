"""The consoles every command prints through: customer text is shown, never obeyed.

Rich reads `[link=...]` in a string as markup and passes ESC through to the terminal. A
`SafeConsole` never reads markup, and makes every control or invisible character visible
(`display.visible`) in whatever it prints: a string, a table cell, a `Text`. The writers make
their text visible themselves where it is built (so that tables measure what they show); the
console is the net under them, for any text a future writer forgets.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text

from portfolio_cli.display import HIDDEN, visible

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.style import Style


class SafeConsole(Console):
    """A Rich console that shows text as written: no markup, no raw control characters.

    A reader that went away (`| head -1`) ends the command quietly: Rich's own handler would
    exit 1 without a word; the error boundary decides instead.
    """

    def on_broken_pipe(self) -> None:
        """Stop writing: `streams.ReaderGone` ends the command with exit 0."""
        from portfolio_cli.cli.streams import ReaderGone

        raise ReaderGone

    def render_str(self, text: str, **options: Any) -> Text:
        """A printed string or table cell: never markup, every character visible."""
        options["markup"] = False
        options["emoji"] = False
        return super().render_str(visible(text, lines=True), **options)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """Any `Text` on its way out is checked for control characters too."""
        if isinstance(renderable, Text):
            renderable = visible_text(renderable)
        return super().render(renderable, options)


def visible_text(text: Text) -> Text:
    """`text` with its control characters made visible, its styles kept on the same letters."""
    plain = text.plain
    if HIDDEN.search(plain) is None:
        return text
    shown: list[str] = []
    offsets = [0]
    for char in plain:
        piece = visible(char, lines=True)
        shown.append(piece)
        offsets.append(offsets[-1] + len(piece))
    copy = text.blank_copy("".join(shown))
    copy.spans = [Span(offsets[s.start], offsets[s.end], s.style) for s in text.spans]
    return copy


def make_console(
    stderr: bool = False,
    *,
    file: IO[str] | None = None,
    width: int | None = None,
    color_system: str | None = "auto",
    style: str | Style | None = None,
) -> Console:
    """A console that never reads customer text as markup and survives any terminal.

    Messages on standard error are never wrapped: a log file keeps one line per message.
    `file`, `width` and `color_system` are for a table written to a file (`-o table.txt`).
    """
    console = SafeConsole(
        stderr=stderr,
        file=file,
        width=width,
        color_system=color_system,  # type: ignore[arg-type]
        style=style,
        markup=False,
        highlight=False,
        soft_wrap=stderr,
        emoji=False,
    )
    if console.width < 1:  # COLUMNS=0: Rich would print nothing at all, and exit 0
        console.width = 80
    return console
