"""The Typer application: one module per command, registered here, and `main()`."""

from __future__ import annotations

from typing import Annotated

import typer

from portfolio_cli import __version__
from portfolio_cli.cli.check import check_command
from portfolio_cli.cli.classify import classify_command
from portfolio_cli.cli.common import survive_any_terminal
from portfolio_cli.cli.explain import explain_command
from portfolio_cli.cli.init import init_command
from portfolio_cli.cli.profile import profile_command

app = typer.Typer(
    name="portfolio",
    help="Sort your customers into satisfied, easy to satisfy and unrecoverable, "
    "following the five-step portfolio method.",
    no_args_is_help=True,
    # locals hold customer data: never print them in a traceback
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"portfolio {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Sort your customers into satisfied, easy to satisfy and unrecoverable."""


app.command("classify")(classify_command)
app.command("check")(check_command)
app.command("explain")(explain_command)
app.command("init")(init_command)
app.command("profile")(profile_command)


def main() -> None:
    """Entry point of the `portfolio` command."""
    survive_any_terminal()
    app()
