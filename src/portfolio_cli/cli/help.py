"""Help and Click's own words in the user's language.

Help texts are looked up in the catalogue by command and parameter name (`localize`); Typer's
section titles and Click's usage errors are said in the current language through runtime patches
of Typer and Click, installed when this module is imported (every command imports it through
its options). `set_language` is the `--lang` option's callback.
Nothing here imports pandas: `portfolio --help` starts fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import typer
import typer.core

from portfolio_cli import messages
from portfolio_cli.display import visible
from portfolio_cli.messages import message

# --- language ------------------------------------------------------------------------------------
# Typer reads help texts when it builds the command, before any option is parsed. So `main()`
# reads `--lang` from the raw command line (else the environment: `messages.language`) first;
# the `--lang` option of each command then sets the language of messages and, through
# `localize`, rewrites the help of the command it belongs to. Help texts are looked up by
# parameter or command name.

HELP_KEYS = {  # parameter name → message key of its help
    "input": "help.input",
    "criteria": "help.criteria",
    "as_of": "help.as_of",
    "quiet": "help.quiet",
    "debug": "help.debug",
    "encoding": "help.encoding",
    "delimiter": "help.delimiter",
    "header_row": "help.header_row",
    "out_delimiter": "help.out_delimiter",
    "lang": "help.lang",
    "decimal": "help.decimal",
    "dayfirst": "help.dayfirst",
    "sheet": "help.sheet",
    "orders": "help.orders",
    "surveys": "help.surveys",
    "verbose": "help.verbose",
    "fail_under": "help.fail_under",
    "chunk_rows": "help.chunk_rows",
    "history": "help.history_option",
    "version": "help.version",
    "install_completion": "click.Install completion for the current shell.",
    "show_completion": "click.Show completion for the current shell, to copy it or customize "
    "the installation.",
}
HELP_OPTION_NAMES = ["-h", "--help"]
COMMAND_HELP: dict[str, str] = {}  # command name → message key of its help (see cli/__init__)
COMMAND_PARAMS: dict[str, dict[str, str]] = {}  # command name → {parameter: help key}


def localize(command: Any, name: str | None = None, params: dict[str, str] | None = None) -> None:
    """Rewrite the help of `command`, its parameters and its subcommands in the current language.

    `params` maps a parameter name to its help key for this command (`format`, `input`...),
    on top of the shared `HELP_KEYS`.
    """
    keys = {**HELP_KEYS, **(params or {})}
    for param in getattr(command, "params", []):
        if param.name in keys:
            param.help = _unbroken(message(keys[param.name]))
    get_help_option = getattr(command, "get_help_option", None)
    if get_help_option is not None:
        # Click makes `--help` itself, once per command: a bare context is enough to ask for it
        option = get_help_option(typer.Context(command, help_option_names=HELP_OPTION_NAMES))
        if option is not None:
            option.help = message("help.help")
    key = COMMAND_HELP.get(name or "")  # "" is the application itself
    if key:
        command.help = _unbroken(message(key))
        # the one line `portfolio --help` lists; Click would cut the help's first sentence
        short = f"help.short.{name}"
        command.short_help = message(short) if short in messages.ENGLISH else None
    for sub_name, sub in getattr(command, "commands", {}).items():
        localize(sub, sub_name, COMMAND_PARAMS.get(sub_name))


def _unbroken(text: str) -> str:
    """French puts a space before : ; ? ! — a non-breaking one in help, so that Click's line
    wrapping never starts a line with the colon."""
    for mark in ":;?!":
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


# Typer's own words ("Arguments", "Options", "[required]"...) come through gettext: `messages.use`
# points gettext's default domain at our catalogue (see catalogue/click.py).


# Click's usage errors (unknown option, missing argument, bad value) are plain English f-strings
# inside Typer's copy of Click. In French, `_show_usage_error` reads them back and says them with
# the catalogue's words; in English, Click's own text is kept as it is.
_CLICK_SENTENCES = (
    (
        r"No such option: (?P<option>\S+)(?: \(Possible options: (?P<options>.+)\))?",
        "no_such_option",
    ),
    (r"Missing argument (?P<name>.+)\.", "missing_argument"),
    (r"Missing option (?P<name>.+)\.", "missing_option"),
    (r"Option '(?P<option>.+)' requires an argument\.", "needs_value"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.+)\)", "extra_arguments"),
    (
        r"Invalid value for (?P<option>'[^']*'(?: / '[^']*')*(?: \(env var: '[^']*'\))?): "
        r"(?P<detail>.+)",
        "invalid_value",
    ),
)
_CLICK_DETAILS = (
    (r"Input should be less than or equal to (?P<limit>\S+)", "at_most"),
    (r"Input should be greater than or equal to (?P<limit>\S+)", "at_least"),
    (r"Input should be a valid number, unable to parse string as a number", "not_a_number"),
    (r"Input should be a valid integer, unable to parse string as an integer", "not_an_integer"),
)


def click_sentence(text: str) -> str:
    """One of Click's usage error sentences in the current language (unknown ones unchanged)."""
    import re

    for pattern, key in _CLICK_SENTENCES:
        found = re.fullmatch(pattern, text, flags=re.DOTALL)
        if found is None:
            continue
        values = {name: value for name, value in found.groupdict().items() if value is not None}
        if "option" in values:
            values["option"] = re.sub(
                r"\(env var: '(?P<name>[^']+)'\)",
                lambda env: message("click.env_var", name=env["name"]),
                values["option"],
            )
        if "detail" in values:
            for detail, detail_key in _CLICK_DETAILS:
                said = re.fullmatch(detail, values["detail"])
                if said is not None:
                    values["detail"] = message(f"click.{detail_key}", **said.groupdict())
                    break
        options = values.pop("options", None)
        sentence = message(f"click.{key}", **values)
        return sentence + (message("click.possible", options=options) if options else "")
    return text


def click_module(name: str) -> Any:
    """Typer's own copy of Click's module `name` (recent Typer carries one), else Click's."""
    try:
        return importlib.import_module(f"typer._click.{name}")
    except ImportError:  # a Typer that still depends on Click
        return importlib.import_module(f"click.{name}")


_CLICK_ERRORS = click_module("exceptions")
_CLICK_FORMATTING = click_module("formatting")
_click_show = _CLICK_ERRORS.UsageError.show
_click_show_error = _CLICK_ERRORS.ClickException.show
_click_write_usage = _CLICK_FORMATTING.HelpFormatter.write_usage


def _show_usage_error(self: Any, file: Any = None) -> None:
    self.message = visible(self.message)  # an argument echoed back: shown, never obeyed
    if messages.current() == "en":
        _click_show(self, file)
        return
    lines = []
    if self.ctx is not None:
        lines.append(self.ctx.get_usage())
        if self.ctx.command.get_help_option(self.ctx) is not None:
            lines.append(
                message(
                    "click.try_help",
                    command=self.ctx.command_path,
                    option=self.ctx.help_option_names[0],
                )
            )
        lines.append("")
    lines.append(message("click.error", text=click_sentence(self.format_message())))
    print(visible("\n".join(lines), lines=True), file=file or sys.stderr)


def _show_error(self: Any, file: Any = None) -> None:
    # Click would strip a colour sequence from a file name and leave the rest (a hyperlink,
    # a C1 control) raw: every character is made visible instead, as in our own messages.
    self.message = visible(self.message)
    _click_show_error(self, file)


def _write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
    # Typer's copy of Click writes "Usage: " without gettext
    _click_write_usage(self, prog, args, message("click.Usage: ") if prefix is None else prefix)


def _write_heading(self: Any, heading: str) -> None:
    # "Arguments:" → "Arguments :" in French, as "Utilisation :" is
    colon = "\u00a0:" if messages.current() == "fr" else ":"
    self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")


def _usage_name(self: Any) -> str:
    # Typer writes a required argument as {INPUT} and wraps an optional one's metavar in
    # brackets again ([[PATH]]): the usage line shows INPUT, [PATH] and INPUT... as man pages do.
    name = str(self.display_name_raw).strip("[]{}")
    dots = name.endswith("...") or self.nargs != 1
    name = name.removesuffix("...")
    name = name if self.required else f"[{name}]"
    return name + ("..." if dots else "")


_CLICK_ERRORS.UsageError.show = _show_usage_error
_CLICK_FORMATTING.HelpFormatter.write_heading = _write_heading
typer.core.TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign]
# "INPUT <str>" in the arguments' list: the metavar already says what to give
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
_CLICK_ERRORS.ClickException.show = _show_error
_CLICK_FORMATTING.HelpFormatter.write_usage = _write_usage


def set_language(ctx: typer.Context, value: str | None) -> str | None:
    if value is not None and value.lower() not in messages.LANGUAGES:
        raise typer.BadParameter(message("usage.bad_lang", value=value))
    # Not given here: `portfolio --lang fr classify` gave it to the root; else the raw command
    # line (`--lang` after `--help` is parsed too late), else the environment.
    chosen = value or (ctx.parent.params.get("lang") if ctx.parent is not None else None)
    messages.use(chosen.lower() if chosen else messages.requested_language(sys.argv[1:]))
    if ctx.parent is None:
        localize(ctx.command)  # `portfolio --lang fr --help`: the root and every command
    else:
        name = ctx.info_name or ""
        localize(ctx.command, name, COMMAND_PARAMS.get(name))
    return value
