"""The consoles: no markup, no raw control character, even with colours on a real terminal."""

from __future__ import annotations

import io
import re

import pytest
from rich.table import Table
from rich.text import Text

from conftest import CRIT, EX, Run
from portfolio_cli.cli.console import SafeConsole, make_console, visible_text

SGR = re.compile(r"\x1b\[[0-9;]*m")  # the console's own colours: the only escapes allowed
LINK = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"


def coloured() -> tuple[SafeConsole, io.StringIO]:
    """A console that believes it writes to a colour terminal."""
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="truecolor", width=100)
    return console, out


def test_a_text_forgotten_by_a_writer_is_still_made_visible() -> None:
    console, out = coloured()
    console.print(Text("name: " + LINK, style="bold"))
    shown = SGR.sub("", out.getvalue())
    assert "\x1b" not in shown
    assert shown == "name: ␛]8;;http://evil.example␛\\click␛]8;;␛\\\n"
    assert "\x1b[1m" in out.getvalue()  # the style stays on the same letters


def test_strings_and_table_cells_are_never_markup() -> None:
    console, out = coloured()
    table = Table()
    table.add_column("[bold]name[/]")
    table.add_row("[link=https://evil.example]click[/link]\x9b")
    console.print(table)
    console.print("[link=https://evil.example]x[/link]", markup=True)
    shown = SGR.sub("", out.getvalue())
    assert "\x1b" not in shown
    assert "\x9b" not in shown
    assert "[bold]name[/]" in shown
    assert "[link=https://evil.example]click[/link]\\x9b" in shown
    assert "[link=https://evil.example]x[/link]" in shown


def test_styles_keep_their_letters_when_text_grows() -> None:
    text = Text("a\u202eb")
    text.stylize("red", 2, 3)  # the "b"
    shown = visible_text(text)
    assert shown.plain == "a\\u202eb"
    assert [(s.start, s.end, s.style) for s in shown.spans] == [(7, 8, "red")]
    assert visible_text(Text("plain")).plain == "plain"


def test_a_table_written_to_a_file_has_no_colour_and_no_escape() -> None:
    out = io.StringIO()
    make_console(file=out, width=80, color_system=None).print(Text("x\x1b[2J", style="red"))
    assert out.getvalue() == "x␛[2J\n"


def test_a_terminal_width_of_0_still_shows_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=0: Rich alone prints nothing at all and the command exits 0."""
    monkeypatch.setenv("COLUMNS", "0")
    out = io.StringIO()
    console = make_console(file=out)
    console.print("Portfolio quality 75.0 %")
    assert out.getvalue() == "Portfolio quality 75.0 %\n"


def test_the_table_with_columns_0(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "0")
    result = run("classify", EX, "-c", CRIT, "--limit", "3")
    assert result.exit_code == 0
    assert "Portfolio quality 75.0 %" in result.stdout


def test_every_command_prints_through_the_safe_console() -> None:
    """A Rich console made anywhere else would read markup and pass ESC through."""
    from pathlib import Path

    import portfolio_cli

    package = Path(portfolio_cli.__file__).parent
    made = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "console.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"(?<![A-Za-z_])Console\(", line)
    ]
    assert made == []
