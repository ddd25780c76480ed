"""Typer's and Click's own words: the help screens' titles and marks (Arguments, Options,
[required]...) and Click's usage errors (unknown option, missing argument, bad value).
"""

EN: dict[str, str] = {
    # Typer's own words, by their English text (see cli/common.py)
    "click.Arguments": "Arguments",
    "click.Options": "Options",
    "click.Commands": "Commands",
    "click.required": "required",
    "click.default: {default}": "default: {default}",
    "click.env var: {var}": "env var: {var}",
    "click.Missing command.": "Missing command.",
    "click.Aborted!": "Aborted!",
    "click.Install completion for the current shell.": "Install completion for the current shell.",
    "click.Show completion for the current shell, to copy it or customize the installation.": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    # Click's usage errors: English stays Click's own words; these keys are its French
    "click.Usage: ": "Usage: ",
    "click.try_help": "Try '{command} {option}' for help.",
    "click.error": "Error: {text}",
    "click.no_such_option": "No such option: {option}",
    "click.possible": " (Possible options: {options})",
    "click.no_such_command": "No such command '{name}'.",
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

FR: dict[str, str] = {
    "click.Arguments": "Arguments",
    "click.Options": "Options",
    "click.Commands": "Commandes",
    "click.required": "obligatoire",
    "click.default: {default}": "par défaut : {default}",
    "click.env var: {var}": "variable d'environnement : {var}",
    "click.Missing command.": "Commande manquante.",
    "click.Aborted!": "Interrompu.",
    "click.Install completion for the current shell.": "Installe la complétion pour le shell "
    "courant.",
    "click.Show completion for the current shell, to copy it or customize the installation.": (
        "Montre la complétion pour le shell courant, pour la copier ou adapter l'installation."
    ),
    "click.Usage: ": "Utilisation : ",
    "click.try_help": "Essayez '{command} {option}' pour l'aide.",
    "click.error": "erreur : {text}",
    "click.no_such_option": "option inconnue : {option}",
    "click.possible": " (vouliez-vous dire {options} ?)",
    "click.no_such_command": "commande inconnue '{name}' : portfolio --help les liste",
    "click.missing_argument": "argument manquant : {name}",
    "click.missing_option": "option manquante : {name}",
    "click.needs_value": "l'option '{option}' attend une valeur",
    "click.extra_arguments": "en trop sur la ligne de commande : {arguments}",
    "click.invalid_value": "valeur invalide pour {option} : {detail}",
    "click.env_var": "(variable d'environnement '{name}')",
    "click.at_most": "elle doit valoir au plus {limit}",
    "click.at_least": "elle doit valoir au moins {limit}",
    "click.not_a_number": "un nombre est attendu",
    "click.not_an_integer": "un nombre entier est attendu",
}
