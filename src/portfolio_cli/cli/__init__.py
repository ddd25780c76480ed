"""The Typer application: one module per command, registered here, and `main()`."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from typing import Annotated

import typer

from portfolio_cli import __version__, messages
from portfolio_cli.cli import streams
from portfolio_cli.cli.batch import batch_command
from portfolio_cli.cli.boundary import show_tracebacks_visibly
from portfolio_cli.cli.check import check_command
from portfolio_cli.cli.classify import classify_command
from portfolio_cli.cli.console import survive_any_terminal
from portfolio_cli.cli.explain import explain_command
from portfolio_cli.cli.help import COMMAND_HELP, COMMAND_PARAMS, HELP_OPTION_NAMES, localize
from portfolio_cli.cli.history import history_command
from portfolio_cli.cli.init import init_command
from portfolio_cli.cli.options import LangOption
from portfolio_cli.cli.profile import profile_command
from portfolio_cli.cli.report import report_command
from portfolio_cli.cli.sql import sql_command
from portfolio_cli.cli.suggest import suggest_command
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


# Each command: its function and the message keys of its own parameters' help (the shared ones
# are in help.HELP_KEYS; a key here overrides one there). Its own help is the key
# `help.<command>`. `localize` reads them.
COMMANDS: dict[str, tuple[Callable[..., None], dict[str, str]]] = {
    "classify": (
        classify_command,
        {
            "fmt": "help.format",
            "written_to": "help.output",  # -o as written: a URI keeps its `//`
            "keep_columns": "help.keep_columns",
            "limit": "help.limit",
            "segment": "help.segment",
        },
    ),
    "check": (check_command, {"input": "help.check_input"}),
    "explain": (
        explain_command,
        {"customer_id": "help.customer_id", "fmt": "help.explain_format"},
    ),
    "init": (
        init_command,
        {
            "path": "help.init_path",
            "source": "help.init_from",
            "yes": "help.init_yes",
            "force": "help.init_force",
            "outcome": "help.init_outcome",
            "event": "help.suggest_event",
        },
    ),
    "profile": (
        profile_command,
        {
            "outcome": "help.profile_outcome",
            "top": "help.profile_top",
            "all_columns": "help.profile_all_columns",
            "fmt": "help.profile_format",
            "output": "help.output",
        },
    ),
    "suggest": (
        suggest_command,
        {
            "outcome": "help.suggest_outcome",
            "event": "help.suggest_event",
            "criteria": "help.suggest_criteria",
            "output": "help.suggest_output",
            "fmt": "help.suggest_format",
            "id_column": "help.suggest_id",
            "seed": "help.suggest_seed",
            "min_share": "help.suggest_min_share",
        },
    ),
    "report": (
        report_command,
        {
            "written_to": "help.report_output",  # `-o -`: standard output
            "outcome": "help.report_outcome",
            "fmt": "help.report_format",
            "limit": "help.report_limit",
        },
    ),
    "history": (
        history_command,
        {
            "path": "help.history_file",
            "history": "help.history_read",
            "start": "help.history_from",
            "end": "help.history_to",
            "fmt": "help.history_format",
            "out_delimiter": "help.history_out_delimiter",
        },
    ),
    "batch": (
        batch_command,
        {
            "inputs": "help.batch_inputs",
            "output": "help.batch_output",
            "criteria_dir": "help.criteria_dir",
            "fmt": "help.batch_format",
            "jobs": "help.jobs",
        },
    ),
    "sql": (
        sql_command,
        {"dialect": "help.dialect", "table": "help.table", "part": "help.part"},
    ),
}
COMMAND_HELP[""] = "help.app"
for _name, (_function, _params) in COMMANDS.items():
    COMMAND_HELP[_name] = f"help.{_name}"
    COMMAND_PARAMS[_name] = _params
    app.command(_name)(_function)


def main() -> None:
    """Entry point of the `portfolio` command.

    The language is read from the raw command line and the environment before Typer builds the
    command, so that `LANG=fr_FR.UTF-8 portfolio classify --help` is French from the start.
    """
    streams.guard()  # before anything is written: closed streams, a full disk, `| head`
    # numpy's RuntimeWarnings (an infinity in a mean, a NaN cast) are not a user's concern: the
    # results already say what is missing
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    survive_any_terminal()
    show_tracebacks_visibly()
    messages.use(messages.requested_language(sys.argv[1:]))
    command = typer.main.get_command(app)
    localize(command)
    with streams.outcome():
        command()
