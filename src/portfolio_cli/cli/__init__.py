"""The Typer application: one module per command, registered here, and `main()`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from portfolio_cli import __version__, messages
from portfolio_cli.cli.check import check_command
from portfolio_cli.cli.classify import classify_command
from portfolio_cli.cli.common import (
    COMMAND_HELP,
    COMMAND_PARAMS,
    HELP_OPTION_NAMES,
    LangOption,
    localize,
    survive_any_terminal,
)
from portfolio_cli.cli.explain import explain_command
from portfolio_cli.cli.init import init_command
from portfolio_cli.cli.profile import profile_command
from portfolio_cli.messages import message

app = typer.Typer(
    name="portfolio",
    help=message("help.app"),
    no_args_is_help=True,
    # locals hold customer data: never print them in a traceback
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": HELP_OPTION_NAMES},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"portfolio {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=message("help.version")),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Sort your customers into satisfied, easy to satisfy and unrecoverable."""


# Each command's help, and the help of its own parameters, come from the catalogue (see
# `localize`): register a new command's keys here beside the command.
COMMAND_HELP[""] = "help.app"
COMMAND_HELP["classify"] = "help.classify"
COMMAND_PARAMS["classify"] = {
    "input": "help.input",
    "fmt": "help.format",
    "output": "help.output",
    "keep_columns": "help.keep_columns",
    "fail_under": "help.fail_under",
    "limit": "help.limit",
}
COMMAND_HELP["check"] = "help.check"
COMMAND_PARAMS["check"] = {"input": "help.check_input"}
COMMAND_HELP["explain"] = "help.explain"
COMMAND_PARAMS["explain"] = {
    "input": "help.input",
    "customer_id": "help.customer_id",
    "fmt": "help.explain_format",
}

app.command("classify")(classify_command)
app.command("check")(check_command)
app.command("explain")(explain_command)
app.command("init")(init_command)
app.command("profile")(profile_command)


def main() -> None:
    """Entry point of the `portfolio` command.

    The language is read from the raw command line and the environment before Typer builds the
    command, so that `LANG=fr_FR.UTF-8 portfolio classify --help` is French from the start.
    """
    survive_any_terminal()
    messages.use(messages.requested_language(sys.argv[1:]))
    command = typer.main.get_command(app)
    localize(command)
    command()
