"""The Typer application: one module per command, registered here, and `main()`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from portfolio_cli import __version__, messages
from portfolio_cli.cli.batch import batch_command
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
from portfolio_cli.cli.history import history_command
from portfolio_cli.cli.init import init_command
from portfolio_cli.cli.profile import profile_command
from portfolio_cli.cli.report import report_command
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

COMMAND_PARAMS["classify"]["history"] = "help.history_option"
COMMAND_HELP["report"] = "help.report"
COMMAND_PARAMS["report"] = {
    "input": "help.input",
    "output": "help.report_output",
    "fmt": "help.report_format",
    "history": "help.history_option",
    "limit": "help.report_limit",
    "fail_under": "help.fail_under",
}
COMMAND_HELP["history"] = "help.history"
COMMAND_PARAMS["history"] = {
    "path": "help.history_file",
    "history": "help.history_read",
    "start": "help.history_from",
    "end": "help.history_to",
    "fmt": "help.history_format",
}
COMMAND_HELP["init"] = "help.init"
COMMAND_PARAMS["init"] = {
    "path": "help.init_path",
    "source": "help.init_from",
    "yes": "help.init_yes",
    "force": "help.init_force",
}
COMMAND_HELP["profile"] = "help.profile"
COMMAND_PARAMS["profile"] = {
    "input": "help.input",
    "outcome": "help.profile_outcome",
    "top": "help.profile_top",
    "all_columns": "help.profile_all_columns",
    "fmt": "help.profile_format",
    "output": "help.output",
}

COMMAND_PARAMS["classify"]["chunk_rows"] = "help.chunk_rows"
COMMAND_HELP["batch"] = "help.batch"
COMMAND_PARAMS["batch"] = {
    "inputs": "help.batch_inputs",
    "output": "help.batch_output",
    "criteria_dir": "help.criteria_dir",
    "fmt": "help.batch_format",
    "jobs": "help.jobs",
    "chunk_rows": "help.chunk_rows",
}

app.command("classify")(classify_command)
app.command("check")(check_command)
app.command("explain")(explain_command)
app.command("init")(init_command)
app.command("profile")(profile_command)
app.command("report")(report_command)
app.command("history")(history_command)
app.command("batch")(batch_command)


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
