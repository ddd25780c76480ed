"""Messages added by the QA pass over the French interface (notes/frqa.md): the end of an
`init` question, and Click's own usage errors (unknown option, missing argument, bad value)."""

EN: dict[str, str] = {
    "init.prompt_colon": ": ",
    # who defined satisfaction, as `check` shows it (the file's key, in English)
    "checklist.who.you": "you",
    "checklist.who.customer": "customer",
    "checklist.who.implicit": "implicit",
    "checklist.who.together": "together",
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
    "init.prompt_colon": " : ",
    "checklist.who.you": "vous (you)",
    "checklist.who.customer": "le client (customer)",
    "checklist.who.implicit": "personne en toutes lettres, c’est implicite (implicit)",
    "checklist.who.together": "vous et le client ensemble (together)",
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
