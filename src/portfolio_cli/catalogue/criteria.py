"""Messages of the criteria file: YAML shape, keys, types, and what to write instead.

Names written in files (keys, columns, values) stay between '…' and are never translated.
"""

EN: dict[str, str] = {
    # the criteria file
    "criteria.not_found": "criteria file not found: {path}",
    "criteria.unreadable": "cannot read the criteria file {path}: {reason}",
    "criteria.not_utf8": "the criteria file is not UTF-8: save it as UTF-8",
    "criteria.expected_mapping": "expected keys and values ({keys})",
    "criteria.key_not_word": "a key must be a plain word",
    "criteria.duplicate_key": "duplicate key '{key}' (first written on line {line}): keep only one",
    "criteria.did_you_mean": "did you mean '{close}'?",
    "criteria.valid_keys": "valid keys: {keys}",
    "criteria.only_problems_compensable": "only a problem can be compensable: move this rule "
    "under problems:",
    "criteria.unknown_key": "unknown key '{key}' ({hint})",
    "criteria.required": "is required",
    "criteria.expected_list": "expected a list of {what} (lines starting with '- ')",
    "criteria.list_of_criteria": "criteria",
    "criteria.list_of_problems": "problems",
    "criteria.list_of_sort_keys": "columns such as 'total_spent desc'",
    "criteria.alias": "YAML aliases (*name) are not supported: write it out",
    "criteria.tag": "YAML tags such as '{tag}' are not allowed: write a plain value",
    "criteria.expected_scalar": "expected {what}, not a list or a block",
    "criteria.what_text": "text",
    "criteria.what_number": "a whole number",
    "criteria.what_boolean": "true or false",
    "criteria.what_condition": "a condition",
    "criteria.empty_column": "is empty: write a column name",
    "criteria.output_name": "column '{column}' has the name of a column the output adds "
    "({names}): one of the two would be lost; rename that column in the customer list",
    "criteria.bad_integer": "must be a whole number from {low} to {high} (got '{value}')",
    "criteria.bad_boolean": "must be true or false (got '{value}')",
    "criteria.bad_choice": "must be one of {choices} (got '{value}')",
    "criteria.bad_choice_close": "must be one of {choices} (got '{value}'); did you mean "
    "'{close}'?",
    "criteria.bad_date": "must be a date written YYYY-MM-DD, e.g. 2026-06-15 (got '{value}')",
    "criteria.bad_yaml": "this is not valid YAML: {problem}{column}; check the indentation and "
    "quote values that contain ': ' or '#'",
    "criteria.bad_yaml_column": " (column {column})",
    "criteria.bad_yaml_plain": "this is not valid YAML: {problem}",
    "criteria.empty_file": "the criteria file is empty: run `portfolio init` to write one",
    "criteria.set_aside.one": "{total} criteria given; the method keeps the three most "
    "important, so {names} is set aside. Put the ones that matter most first.",
    "criteria.set_aside.other": "{total} criteria given; the method keeps the three most "
    "important, so {names} are set aside. Put the ones that matter most first.",
    "criteria.bad_version": "unsupported version '{value}': this portfolio reads version 1 "
    "(write version: 1)",
    "criteria.empty_list": "the list is empty: write at least one criterion",
    "criteria.bad_key": "'{key}' is not a usable key: use letters, digits, _ and - (repeat_buyer)",
    "criteria.key_used": "key '{key}' is already used ({where}): each criterion and problem "
    "needs its own key",
    "criteria.bad_order_by": "write a column and asc or desc, e.g. 'total_spent desc' "
    "(got '{value}')",
}

FR: dict[str, str] = {
    "criteria.not_found": "fichier de critères introuvable : {path}",
    "criteria.unreadable": "impossible de lire le fichier de critères {path} : {reason}",
    "criteria.not_utf8": "le fichier de critères n'est pas en UTF-8 : enregistrez-le en UTF-8",
    "criteria.expected_mapping": "des clés et des valeurs sont attendues ({keys})",
    "criteria.key_not_word": "une clé doit être un simple mot",
    "criteria.duplicate_key": "clé '{key}' en double (écrite d'abord ligne {line}) : n'en "
    "gardez qu'une",
    "criteria.did_you_mean": "vouliez-vous dire '{close}' ?",
    "criteria.valid_keys": "clés valides : {keys}",
    "criteria.only_problems_compensable": "seul un problème peut être compensable : déplacez "
    "cette règle sous problems:",
    "criteria.unknown_key": "clé inconnue '{key}' ({hint})",
    "criteria.required": "est obligatoire",
    "criteria.expected_list": "une liste de {what} est attendue (lignes commençant par '- ')",
    "criteria.list_of_criteria": "critères",
    "criteria.list_of_problems": "problèmes",
    "criteria.list_of_sort_keys": "colonnes comme 'total_spent desc'",
    "criteria.alias": "les alias YAML (*nom) ne sont pas acceptés : écrivez la valeur en entier",
    "criteria.tag": "les étiquettes YAML comme '{tag}' ne sont pas acceptées : écrivez une "
    "valeur simple",
    "criteria.expected_scalar": "valeur attendue : {what}, pas une liste ni un bloc",
    "criteria.what_text": "texte",
    "criteria.what_number": "nombre entier",
    "criteria.what_boolean": "true ou false",
    "criteria.what_condition": "condition",
    "criteria.empty_column": "est vide : écrivez un nom de colonne",
    "criteria.output_name": "la colonne '{column}' porte le nom d'une colonne que la sortie "
    "ajoute ({names}) : l'une des deux serait perdue ; renommez cette colonne dans la liste de "
    "clients",
    "criteria.bad_integer": "doit être un nombre entier de {low} à {high} (reçu '{value}')",
    "criteria.bad_boolean": "doit valoir true ou false (reçu '{value}')",
    "criteria.bad_choice": "doit être l'un de {choices} (reçu '{value}')",
    "criteria.bad_choice_close": "doit être l'un de {choices} (reçu '{value}') ; vouliez-vous "
    "dire '{close}' ?",
    "criteria.bad_date": "doit être une date écrite AAAA-MM-JJ, par exemple 2026-06-15 (reçu "
    "'{value}')",
    "criteria.bad_yaml": "ce n'est pas du YAML valide : {problem}{column} ; vérifiez "
    "l'indentation et mettez entre guillemets les valeurs qui contiennent ': ' ou '#'",
    "criteria.bad_yaml_column": " (colonne {column})",
    "criteria.bad_yaml_plain": "ce n'est pas du YAML valide : {problem}",
    "criteria.empty_file": "le fichier de critères est vide : lancez `portfolio init` pour en "
    "écrire un",
    "criteria.set_aside.one": "{total} critères donnés ; la méthode garde les trois plus "
    "importants, donc {names} est mis de côté. Placez en premier ceux qui comptent le plus.",
    "criteria.set_aside.other": "{total} critères donnés ; la méthode garde les trois plus "
    "importants, donc {names} sont mis de côté. Placez en premier ceux qui comptent le plus.",
    "criteria.bad_version": "version '{value}' non prise en charge : ce portfolio lit la "
    "version 1 (écrivez version: 1)",
    "criteria.empty_list": "la liste est vide : écrivez au moins un critère",
    "criteria.bad_key": "'{key}' n'est pas une clé utilisable : employez des lettres, des "
    "chiffres, _ et - (repeat_buyer)",
    "criteria.key_used": "la clé '{key}' est déjà utilisée ({where}) : chaque critère et chaque "
    "problème a besoin de sa propre clé",
    "criteria.bad_order_by": "écrivez une colonne puis asc ou desc, par exemple "
    "'total_spent desc' (reçu '{value}')",
}
