"""Typer's and Click's own words: the help screens' titles and marks (Arguments, Options,
[required]...) and Click's usage errors (unknown option, missing argument, bad value).

Typer asks gettext for its words itself, by their English text (`TYPER`: entries without a
msgctxt in the catalogue). Typer's copy of Click has no gettext calls, so its usage errors are
keyed messages here, put in place by `cli/help.py`.
"""

TYPER: tuple[str, ...] = (
    "Arguments",
    "Options",
    "Commands",
    "required",
    "default: {default}",
    "env var: {var}",
    "Missing command.",
    "Aborted!",
    "No such command {name!r}.",
)

EN: dict[str, str] = {
    # our help of the options Typer adds to the application
    "click.Install completion for the current shell.": "Install completion for the current shell.",
    "click.Show completion for the current shell, to copy it or customize the installation.": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    # Click's usage errors: English stays Click's own words; these keys give their translations
    "click.Usage: ": "Usage: ",
    "click.try_help": "Try '{command} {option}' for help.",
    "click.error": "Error: {text}",
    "click.no_such_option": "No such option: {option}",
    "click.possible": " (Possible options: {options})",
    "click.missing_argument": "Missing argument {name}.",
    "click.missing_option": "Missing option {name}.",
    "click.needs_value": "Option '{option}' requires an argument.",
    "click.extra_arguments": "Got unexpected extra argument(s) ({arguments})",
    "click.invalid_value": "Invalid value for {option}: {detail}",
    "click.env_var": "(env var: '{name}')",
    "click.at_most": "Input should be less than or equal to {limit}",
    "click.at_least": "Input should be greater than or equal to {limit}",
    "click.not_a_number": "Input should be a valid number, unable to parse string as a number",
    "click.not_an_integer": "Input should be a valid integer, unable to parse string as an integer",
}
