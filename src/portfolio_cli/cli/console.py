"""The consoles every command prints through: customer text is shown, never obeyed.

Rich reads `[link=...]` in a string as markup and passes ESC through to the terminal. A
`SafeConsole` never reads markup, and makes every control or invisible character visible
(`display.visible`) in whatever it prints: a string, a table cell, a `Text`. The writers make
their text visible themselves where it is built (so that tables measure what they show); the
console is the net under them, for any text a future writer forgets.

What the commands print through them is here too: warnings (`warn`), errors (`print_issues`),
a machine document on standard output (`write_stdout`), the notes of reading the input
(`read_input`) or of a pipeline run (`show_run`), a run's summary (`print_summary`) and
--fail-under's verdict (`fail_if_below`).
"""

from __future__ import annotations

import contextlib
import sys
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

import typer
from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text

from portfolio_cli.cli.streams import ReaderGone, output_failed
from portfolio_cli.display import HIDDEN, visible
from portfolio_cli.errors import Issue, PortfolioError
from portfolio_cli.inputs import InputFlags, load_input
from portfolio_cli.messages import message

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable
    from pathlib import Path

    from rich.style import Style

    from portfolio_cli.criteria import Criteria
    from portfolio_cli.pipeline import Run
    from portfolio_cli.readers import CustomerList
    from portfolio_cli.result import Summary


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


def survive_any_terminal() -> None:
    """A terminal that cannot show a character gets a replacement mark, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
                reconfigure(errors="replace")


def warn(texts: Iterable[object], quiet: bool = False) -> None:
    """Each text on standard error as `warning: ...`, unless --quiet."""
    if quiet:
        return
    err = make_console(stderr=True)
    for text in texts:
        shown = issue_text(text) if isinstance(text, Issue) else visible(text)
        err.print(message("cli.warning", text=shown), markup=False)


def print_issues(error: PortfolioError) -> None:
    """Each issue of an error on standard error, prefixed `error:`."""
    console = make_console(stderr=True)
    for issue in error.issues:
        console.print(message("cli.error", text=issue_text(issue)), markup=False)


def issue_text(issue: Issue) -> str:
    """An issue as shown on standard error, every character of it visible.

    Its place and message are one line each, whatever a file's name, a column name or an id
    holds (a newline in one cannot start a line that looks like another message); the detail
    keeps its own lines (a condition with a caret beneath).
    """
    head = visible(issue.message)
    if issue.where:
        head = f"{visible(issue.where)}: {head}"
    return f"{head}\n{visible(issue.detail, lines=True)}" if issue.detail else head


def write_stdout(data: bytes) -> None:
    """A machine document on standard output, UTF-8, nothing else with it.

    Piped or redirected, the bytes go as they are: a CSV keeps its data. On a terminal a
    person reads it, so control characters in it are made visible like any text shown there
    (line breaks and tabs kept: they are the document's own). A failed write is one error
    naming standard output (see streams.Output); a reader that went away ends the command
    quietly.
    """
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is not None and not sys.stdout.isatty():
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        else:
            shown = data.decode("utf-8")
            terminal = sys.stdout.isatty()
            sys.stdout.write(visible(shown, lines=True, tabs=True) if terminal else shown)
            sys.stdout.flush()
    except BrokenPipeError:
        raise ReaderGone from None
    except OSError as exc:  # standard output that is not wrapped (the library called directly)
        raise output_failed(exc) from None


def read_input(
    source: str,
    rules: Criteria,
    flags: InputFlags | None = None,
    *,
    every_column: bool = False,
    as_of: dt.date | None = None,
) -> CustomerList:
    """`inputs.load_input`, its warnings on stderr unless `--quiet`, and with `--verbose` how
    each file was read."""
    flags = flags or InputFlags()
    customers, notes, described = load_input(
        source, rules, flags, every_column=every_column, as_of=as_of
    )
    show_read(described, notes, flags)
    return customers


def show_run(done: Run, flags: InputFlags) -> None:
    """What a pipeline run found: how each file was read (with `--verbose`), then its warnings
    (unless `--quiet`)."""
    show_read(done.described, done.warnings, flags)


def show_read(described: Iterable[str], warnings: Iterable[object], flags: InputFlags) -> None:
    if flags.verbose:
        err = make_console(stderr=True)
        for line in described:
            err.print(line, markup=False)
    warn(warnings, flags.quiet)


def print_summary(summary: Summary, source: str, output: Path | str | None) -> None:
    """The run's summary on standard error (where a command's data is written to standard
    output or a file), then the file written, if any."""
    from portfolio_cli.writers.terminal import summary_lines

    err = make_console(stderr=True)
    err.print(summary_lines(summary, source))
    if output is not None:
        err.print(message("summary.wrote", path=output), markup=False)


def fail_if_below(quality: float | None, threshold: float | None) -> None:
    """Exit 1, after everything was written, when quality is strictly below the threshold.

    Compared in decimal, as the user reads both: 29 customers of 100 is 0.29, whose float times
    100 is 28.999999999999996, and 29 % is not below --fail-under 29.
    """
    if threshold is None or quality is None:
        return
    if Decimal(repr(quality)) * 100 >= Decimal(repr(threshold)):
        return
    from portfolio_cli.messages import decimal

    text = message("summary.below", quality=decimal(100 * quality), threshold=f"{threshold:g}")
    make_console(stderr=True).print(text, markup=False)
    raise typer.Exit(1)
