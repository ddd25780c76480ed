"""Messages of every error and warning a user can cause: options, criteria file, conditions,
inputs, output files. Each says where, what, and how to fix it, in both languages.

Names written in files (keys, columns, values) stay between '…' and are never translated.
"""

EN: dict[str, str] = {
    # options and the error boundary (cli)
    "usage.bad_lang": "unknown language '{value}': use en or fr",
    "usage.no_criteria": "no criteria file: pass -c FILE, set PORTFOLIO_CRITERIA, or run "
    "`portfolio init` to write criteria.yaml here",
    "usage.bad_format": "unknown format '{value}': use one of {choices}",
    "usage.format_from_suffix": "cannot tell the format from '{name}': use a .csv, .json, .xlsx "
    "or .md name, or pass --format",
    "files.overwrite": "{output} would overwrite {role} {path}: nothing was written; choose "
    "another name",
    "files.role.input": "the input",
    "files.role.criteria": "the criteria file",
    "files.role.orders": "the orders file (--orders)",
    "files.role.surveys": "the surveys file (--surveys)",
    "files.role.history": "the history file (--history)",
    "files.stdin": "read on standard input",
    "output.xlsx_rows": "{count} customers do not fit in an Excel sheet ({limit} rows at most "
    "below the header): nothing was written; write csv or json instead (-f csv)",
    "output.xlsx_cell": "column '{column}', row {row} (customer {customer}): {length} "
    "characters do not fit in an Excel cell ({limit} at most): nothing was written; write csv "
    "or json instead (-f csv)",
    "output.xlsx_columns": "{count} columns do not fit in an Excel sheet ({limit} at most): "
    "nothing was written; write csv or json instead (-f csv)",
    "output.xlsx_header": "a column name of {length} characters ('{start}…') does not fit in "
    "an Excel cell ({limit} at most): nothing was written; write csv or json instead (-f csv)",
    "output.kept_renamed": "--keep-columns: the input's column '{column}' is written as "
    "'{written}', since the output has a column '{column}' already",
    "usage.bug": "unexpected {kind}: {detail}. This is a bug in portfolio; run again with "
    "--debug and report the traceback.",
    # output files
    "files.missing_folder": "cannot write {path}: the folder {folder} does not exist",
    "files.is_folder": "cannot write {path}: it is a folder",
    "files.unwritable": "cannot write in {folder}: {reason}",
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
    # conditions: parsing
    "expr.empty": "the condition is empty: write one, e.g. orders_12m >= 3",
    "expr.too_long": "the condition is {length} characters long; at most {limit} are accepted",
    "expr.open_backtick": "a backtick is not closed (a backtick inside a name is written "
    "twice: `a``b`)",
    "expr.empty_backticks": "empty backticks: put a column name inside",
    "expr.unreadable": "cannot read this condition ({detail})",
    "expr.unreadable_hint": "cannot read this condition ({detail}): {hint}",
    "expr.hint.and_or": "write `and` / `or` rather than && / ||",
    "expr.hint.not_equal": "write != for 'not equal'",
    "expr.hint.lower_case": "write and / or / not in lower case",
    "expr.hint.double_equal": "write == to compare (a single = is not a comparison)",
    "expr.too_deep": "the condition is nested too deeply",
    "expr.operator": "{symbol} is not allowed (operators: + - * / and comparisons)",
    "expr.operator_and": "{symbol} is not allowed (operators: + - * / and comparisons): write "
    "`and`",
    "expr.operator_or": "{symbol} is not allowed (operators: + - * / and comparisons): write `or`",
    "expr.this_operator": "this operator",
    "expr.backtick_apart": "a name in backticks must stand apart: put an operator or a space "
    "around it",
    "expr.null_name": "{name} is not a value here: test for a blank cell with missing(column)",
    "expr.list_after_in": "a list [...] can only follow `in` or `not in`",
    "expr.not_allowed": "{name} is not allowed",
    "expr.refused.attribute": "attribute access (a.b) is not allowed; a column whose name has a "
    "dot goes in backticks: `a.b`",
    "expr.refused.subscript": "subscripts (x[...]) are not allowed",
    "expr.refused.lambda": "lambda is not allowed",
    "expr.refused.comprehension": "comprehensions are not allowed",
    "expr.refused.fstring": 'f-strings are not allowed: write a plain "string"',
    "expr.refused.ifexp": "`x if c else y` is not allowed: use and / or",
    "expr.refused.dict": "dictionaries are not allowed",
    "expr.refused.set": "sets are not allowed: write a list [...] after `in`",
    "expr.refused.tuple": "tuples are not allowed: write a list [...] after `in`",
    "expr.refused.starred": "* is not allowed",
    "expr.refused.walrus": ":= is not allowed",
    "expr.refused.await": "await is not allowed",
    "expr.refused.yield": "yield is not allowed",
    "expr.refused.slice": "slices are not allowed",
    "expr.nan": "NaN is not a value",
    "expr.too_large": "this number is too large",
    "expr.none": "None is not a value here: use missing(column)",
    "expr.bad_value_type": "{name} values are not allowed",
    "expr.is": "`{word}` is not allowed: write == or !=, or missing(column) for blanks",
    "expr.in_needs_list": '`in` takes a list such as ["Corse", "Guyane"]; to look inside a text '
    'column use contains(column, "text")',
    "expr.list_values_only": 'a list after `in` holds values only (numbers, "text", true/false, '
    "date())",
    "expr.empty_list": "the list is empty: put at least one value in it",
    "expr.only_functions": "only these functions can be called: {functions}",
    "expr.unknown_function": "unknown function '{name}'; functions: {functions}",
    "expr.unknown_function_close": "unknown function '{name}' (did you mean {close}?); "
    "functions: {functions}",
    "expr.no_keywords": "write {usage}, without names or *",
    "expr.arity.one": "{name} takes {count} argument: {usage}",
    "expr.arity.other": "{name} takes {count} arguments: {usage}",
    "expr.missing_column": "missing() takes a column name: missing(column)",
    "expr.second_text": 'the second argument of {name} is a "text" in quotes: {usage}',
    "expr.bad_date": 'date() takes a date written "YYYY-MM-DD", e.g. date("2026-01-31")',
    # conditions: names and types
    "expr.unknown_column_close": "unknown column '{name}' (did you mean {close}?)",
    "expr.unknown_column": "unknown column '{name}' (the input's columns are: {columns})",
    "expr.or": " or ",
    "expr.not_a_condition": "this condition gives a {kind}, not true/false: compare it, e.g. "
    "{example}",
    "expr.bool_compare": "true/false values can only be compared with == or !=",
    "expr.mixed_list": "the list mixes kinds of values",
    "expr.needs_numbers": "`{op}` needs numbers: {what} holds {kind}",
    "expr.negative": "`-` needs a number",
    "expr.between_kinds": "between() needs numbers, dates or text",
    "expr.function_needs": "{function}() needs {wanted}: {what} holds {kind}",
    "expr.function_needs_dates": "{function}() needs {wanted}: {what} holds {kind} (its cells are "
    "not all dates written like 2026-01-31 or 31/01/2026)",
    "expr.combines": "{operator} combines true/false conditions: {what} is a {kind}; compare "
    "it, e.g. {example}",
    "expr.compares": "{operator} compares {column} ({column_kind}) with {other} ({other_kind})",
    "expr.compares_quote": "{operator} compares {column} ({column_kind}) with {other} "
    '({other_kind}): quote the value ("{value}") if the column holds codes',
    "expr.compares_date": "{operator} compares {column} ({column_kind}) with {other} "
    '({other_kind}): write the date as date("2026-01-31")',
    "input.order_by_text": "policy.order_by: '{column}' is read as text, so customers are "
    "ordered by it as text (1000 before 999), because {reason}",
    "engine.text_because": "{operator} compares {column} ({column_kind}) with {other} "
    "({other_kind}): the column is read as text because {reason}",
    "engine.text_ordering": "{operator} compares {column} ({column_kind}) with {other} as text, "
    'so "999" comes after "1000", and quotes never make a number of it: the column is read as '
    "text because {reason}, then compare with a number, without quotes",
    "engine.decimal_hint": ", or pass --decimal if the numbers are written another way",
    "expr.compares_order": "{operator} compares {column} ({column_kind}) with {other} "
    "({other_kind}): text cannot be ordered against a number",
    "expr.compares_unquote": "{operator} compares {column} ({column_kind}) with {other} "
    "({other_kind}): remove the quotes to compare with a number",
    "expr.column": "column '{name}'",
    "expr.this_part": "this part",
    # the engine, against an input's columns
    "engine.nps_kind": "column '{column}' must hold 0-10 scores, but it holds {kind}",
    "engine.nps_range": "column '{column}' (listening.nps) must hold scores from 0 to 10; rows "
    "{rows} hold {values}",
    "engine.and_more": "{shown} and {count} more",
    # readers
    "input.unknown_id": "no customer with {column} '{value}' in {source}",
    "input.unknown_id_close": "no customer with {column} '{value}' in {source} (did you mean "
    "{close}?)",
    "input.no_id_column": "{source} has no column '{column}' (customers.id in the criteria file)",
    "input.no_id_column_close": "{source} has no column '{column}' (customers.id in the criteria "
    "file); did you mean {close}?",
    "input.no_id_column_list": "{source} has no column '{column}' (customers.id in the criteria "
    "file); its columns are: {columns}",
    "input.no_id_column_data": "{source} has no column '{column}' (customers.id in the criteria "
    "file); its columns are: {columns}. Its first row looks like data: the file needs a header "
    "row",
    "input.blank_id.one": "{source}: {column} is blank on row {rows}: every customer needs an id",
    "input.blank_id.other": "{source}: {column} is blank on rows {rows}: every customer needs "
    "an id",
    "input.duplicate_id": "{source}: {column} '{value}' appears on rows {rows}: each customer "
    "must appear once",
    "input.duplicate_id_more.one": "{source}: {column} '{value}' appears on rows {rows} ({count} "
    "other id also repeat): each customer must appear once",
    "input.duplicate_id_more.other": "{source}: {column} '{value}' appears on rows {rows} "
    "({count} other ids also repeat): each customer must appear once",
    "input.not_found": "file not found: {path}",
    "input.is_folder": "{path} is a folder, not a file",
    "input.unreadable": "cannot read {path}: {reason}",
    "input.empty": "{source} is empty: expected a header row naming the columns",
    "input.duplicate_column": "{source}: columns {first} and {second} are both named '{column}': "
    "rename one of them",
    "input.duplicate_column_data": "{source}: columns {first} and {second} are both named "
    "'{column}': rename one of them (or, if the first row is data, add a header row)",
    "input.bad_encoding": "{source} is not {encoding} text: pass --encoding cp1252 (or latin-1) "
    "if it comes from Excel on Windows",
    "input.ragged_row": "{source}: row {row} has {found} fields but the header has {expected}: "
    "quote values that contain '{delimiter}', or pass --delimiter if the file uses another "
    "separator",
    "input.ragged": "{source}: a row has {found} fields but the header has {expected}: quote "
    "values that contain '{delimiter}', or pass --delimiter if the file uses another separator",
    "input.bad_csv": "{source} cannot be read as CSV: {detail}",
}

FR: dict[str, str] = {
    "usage.bad_lang": "langue inconnue '{value}' : utilisez en ou fr",
    "usage.no_criteria": "aucun fichier de critères : passez -c FICHIER, définissez "
    "PORTFOLIO_CRITERIA, ou lancez `portfolio init` pour écrire criteria.yaml ici",
    "usage.bad_format": "format inconnu '{value}' : utilisez l'un de {choices}",
    "usage.format_from_suffix": "impossible de déduire le format de '{name}' : utilisez un nom "
    "en .csv, .json, .xlsx ou .md, ou passez --format",
    "files.overwrite": "{output} écraserait {role} {path} : rien n'a été écrit ; choisissez "
    "un autre nom",
    "files.role.input": "le fichier lu",
    "files.role.criteria": "le fichier de critères",
    "files.role.orders": "le fichier de commandes (--orders)",
    "files.role.surveys": "le fichier d'enquêtes (--surveys)",
    "files.role.history": "l'historique (--history)",
    "files.stdin": "lu sur l'entrée standard",
    "output.xlsx_rows": "{count} clients ne tiennent pas dans une feuille Excel ({limit} lignes "
    "au plus sous l'en-tête) : rien n'a été écrit ; écrivez du csv ou du json (-f csv)",
    "output.xlsx_cell": "colonne '{column}', ligne {row} (client {customer}) : {length} "
    "caractères ne tiennent pas dans une cellule Excel ({limit} au plus) : rien n'a été écrit ; "
    "écrivez du csv ou du json (-f csv)",
    "output.xlsx_columns": "{count} colonnes ne tiennent pas dans une feuille Excel ({limit} au "
    "plus) : rien n'a été écrit ; écrivez du csv ou du json (-f csv)",
    "output.xlsx_header": "un nom de colonne de {length} caractères ('{start}…') ne tient pas "
    "dans une cellule Excel ({limit} au plus) : rien n'a été écrit ; écrivez du csv ou du json "
    "(-f csv)",
    "output.kept_renamed": "--keep-columns : la colonne '{column}' du fichier lu est écrite "
    "'{written}', car la sortie a déjà une colonne '{column}'",
    "usage.bug": "erreur inattendue {kind} : {detail}. C'est un bogue de portfolio ; relancez avec "
    "--debug et signalez la trace.",
    "files.missing_folder": "impossible d'écrire {path} : le dossier {folder} n'existe pas",
    "files.is_folder": "impossible d'écrire {path} : c'est un dossier",
    "files.unwritable": "impossible d'écrire dans {folder} : {reason}",
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
    "expr.empty": "la condition est vide : écrivez-en une, par exemple orders_12m >= 3",
    "expr.too_long": "la condition fait {length} caractères ; {limit} au plus sont acceptés",
    "expr.open_backtick": "un accent grave (`) n'est pas refermé (un accent grave dans un nom "
    "s'écrit deux fois : `a``b`)",
    "expr.empty_backticks": "accents graves vides : mettez un nom de colonne entre eux",
    "expr.unreadable": "impossible de lire cette condition ({detail})",
    "expr.unreadable_hint": "impossible de lire cette condition ({detail}) : {hint}",
    "expr.hint.and_or": "écrivez `and` / `or` plutôt que && / ||",
    "expr.hint.not_equal": "écrivez != pour « différent de »",
    "expr.hint.lower_case": "écrivez and / or / not en minuscules",
    "expr.hint.double_equal": "écrivez == pour comparer (un seul = n'est pas une comparaison)",
    "expr.too_deep": "la condition est trop imbriquée",
    "expr.operator": "{symbol} n'est pas accepté (opérateurs : + - * / et comparaisons)",
    "expr.operator_and": "{symbol} n'est pas accepté (opérateurs : + - * / et comparaisons) : "
    "écrivez `and`",
    "expr.operator_or": "{symbol} n'est pas accepté (opérateurs : + - * / et comparaisons) : "
    "écrivez `or`",
    "expr.this_operator": "cet opérateur",
    "expr.backtick_apart": "un nom entre accents graves doit être isolé : mettez un opérateur ou "
    "une espace autour",
    "expr.null_name": "{name} n'est pas une valeur ici : testez une cellule vide avec "
    "missing(colonne)",
    "expr.list_after_in": "une liste [...] ne peut suivre que `in` ou `not in`",
    "expr.not_allowed": "{name} n'est pas accepté",
    "expr.refused.attribute": "l'accès à un attribut (a.b) n'est pas accepté ; une colonne dont "
    "le nom contient un point s'écrit entre accents graves : `a.b`",
    "expr.refused.subscript": "les indices (x[...]) ne sont pas acceptés",
    "expr.refused.lambda": "lambda n'est pas accepté",
    "expr.refused.comprehension": "les compréhensions ne sont pas acceptées",
    "expr.refused.fstring": 'les f-strings ne sont pas acceptées : écrivez un simple "texte"',
    "expr.refused.ifexp": "`x if c else y` n'est pas accepté : utilisez and / or",
    "expr.refused.dict": "les dictionnaires ne sont pas acceptés",
    "expr.refused.set": "les ensembles ne sont pas acceptés : écrivez une liste [...] après `in`",
    "expr.refused.tuple": "les tuples ne sont pas acceptés : écrivez une liste [...] après `in`",
    "expr.refused.starred": "* n'est pas accepté",
    "expr.refused.walrus": ":= n'est pas accepté",
    "expr.refused.await": "await n'est pas accepté",
    "expr.refused.yield": "yield n'est pas accepté",
    "expr.refused.slice": "les tranches ne sont pas acceptées",
    "expr.nan": "NaN n'est pas une valeur",
    "expr.too_large": "ce nombre est trop grand",
    "expr.none": "None n'est pas une valeur ici : utilisez missing(colonne)",
    "expr.bad_value_type": "les valeurs {name} ne sont pas acceptées",
    "expr.is": "`{word}` n'est pas accepté : écrivez == ou !=, ou missing(colonne) pour les "
    "cellules vides",
    "expr.in_needs_list": '`in` prend une liste comme ["Corse", "Guyane"] ; pour chercher dans '
    'une colonne de texte, utilisez contains(colonne, "texte")',
    "expr.list_values_only": "une liste après `in` ne contient que des valeurs (nombres, "
    '"texte", true/false, date())',
    "expr.empty_list": "la liste est vide : mettez-y au moins une valeur",
    "expr.only_functions": "seules ces fonctions peuvent être appelées : {functions}",
    "expr.unknown_function": "fonction inconnue '{name}' ; fonctions : {functions}",
    "expr.unknown_function_close": "fonction inconnue '{name}' (vouliez-vous dire {close} ?) ; "
    "fonctions : {functions}",
    "expr.no_keywords": "écrivez {usage}, sans noms ni *",
    "expr.arity.one": "{name} prend {count} argument : {usage}",
    "expr.arity.other": "{name} prend {count} arguments : {usage}",
    "expr.missing_column": "missing() prend un nom de colonne : missing(colonne)",
    "expr.second_text": 'le second argument de {name} est un "texte" entre guillemets : {usage}',
    "expr.bad_date": 'date() prend une date écrite "AAAA-MM-JJ", par exemple date("2026-01-31")',
    "expr.unknown_column_close": "colonne inconnue '{name}' (vouliez-vous dire {close} ?)",
    "expr.unknown_column": "colonne inconnue '{name}' (les colonnes du fichier sont : {columns})",
    "expr.or": " ou ",
    "expr.not_a_condition": "cette condition donne une valeur de type {kind}, pas vrai/faux : "
    "comparez-la, par exemple {example}",
    "expr.bool_compare": "les valeurs vrai/faux ne se comparent qu'avec == ou !=",
    "expr.mixed_list": "la liste mélange plusieurs sortes de valeurs",
    "expr.needs_numbers": "`{op}` demande des nombres : {what} contient du type {kind}",
    "expr.negative": "`-` demande un nombre",
    "expr.between_kinds": "between() demande des nombres, des dates ou du texte",
    "expr.function_needs": "{function}() demande le type {wanted} : {what} contient du type {kind}",
    "expr.function_needs_dates": "{function}() demande le type {wanted} : {what} contient du "
    "type {kind} (ses cellules ne sont pas toutes des dates écrites comme 2026-01-31 ou "
    "31/01/2026)",
    "expr.combines": "{operator} combine des conditions vrai/faux : {what} est du type {kind} ; "
    "faites-en une comparaison, par exemple {example}",
    "expr.compares": "{operator} compare {column} ({column_kind}) avec {other} ({other_kind})",
    "expr.compares_quote": "{operator} compare {column} ({column_kind}) avec {other} "
    '({other_kind}) : mettez la valeur entre guillemets ("{value}") si la colonne contient des '
    "codes",
    "expr.compares_date": "{operator} compare {column} ({column_kind}) avec {other} "
    '({other_kind}) : écrivez la date sous la forme date("2026-01-31")',
    "input.order_by_text": "policy.order_by : '{column}' est lue comme du texte, les clients "
    "sont donc classés par ordre alphabétique de cette colonne (1000 avant 999), car {reason}",
    "engine.text_because": "{operator} compare {column} ({column_kind}) avec {other} "
    "({other_kind}) : la colonne est lue comme du texte car {reason}",
    "engine.text_ordering": "{operator} compare {column} ({column_kind}) avec {other} comme "
    'du texte, donc "999" vient après "1000", et des guillemets n\'en font jamais un nombre : '
    "la colonne est lue comme du texte car {reason}, puis comparez avec un nombre, sans "
    "guillemets",
    "engine.decimal_hint": ", ou passez --decimal si les nombres sont écrits autrement",
    "expr.compares_order": "{operator} compare {column} ({column_kind}) avec {other} "
    "({other_kind}) : un texte ne peut pas être ordonné par rapport à un nombre",
    "expr.compares_unquote": "{operator} compare {column} ({column_kind}) avec {other} "
    "({other_kind}) : enlevez les guillemets pour comparer avec un nombre",
    "expr.column": "la colonne '{name}'",
    "expr.this_part": "cette partie",
    "engine.nps_kind": "la colonne '{column}' doit contenir des notes de 0 à 10, mais elle "
    "contient du type {kind}",
    "engine.nps_range": "la colonne '{column}' (listening.nps) doit contenir des notes de 0 à "
    "10 ; les lignes {rows} contiennent {values}",
    "engine.and_more": "{shown} et {count} autres",
    "input.unknown_id": "aucun client avec {column} '{value}' dans {source}",
    "input.unknown_id_close": "aucun client avec {column} '{value}' dans {source} "
    "(vouliez-vous dire {close} ?)",
    "input.no_id_column": "{source} n'a pas de colonne '{column}' (customers.id dans le fichier "
    "de critères)",
    "input.no_id_column_close": "{source} n'a pas de colonne '{column}' (customers.id dans le "
    "fichier de critères) ; vouliez-vous dire {close} ?",
    "input.no_id_column_list": "{source} n'a pas de colonne '{column}' (customers.id dans le "
    "fichier de critères) ; ses colonnes sont : {columns}",
    "input.no_id_column_data": "{source} n'a pas de colonne '{column}' (customers.id dans le "
    "fichier de critères) ; ses colonnes sont : {columns}. Sa première ligne ressemble à des "
    "données : le fichier a besoin d'une ligne d'en-tête",
    "input.blank_id.one": "{source} : {column} est vide à la ligne {rows} : chaque client a "
    "besoin d'un identifiant",
    "input.blank_id.other": "{source} : {column} est vide aux lignes {rows} : chaque client a "
    "besoin d'un identifiant",
    "input.duplicate_id": "{source} : {column} '{value}' apparaît aux lignes {rows} : chaque "
    "client doit apparaître une seule fois",
    "input.duplicate_id_more.one": "{source} : {column} '{value}' apparaît aux lignes {rows} "
    "({count} autre identifiant se répète aussi) : chaque client doit apparaître une seule fois",
    "input.duplicate_id_more.other": "{source} : {column} '{value}' apparaît aux lignes {rows} "
    "({count} autres identifiants se répètent aussi) : chaque client doit apparaître une seule "
    "fois",
    "input.not_found": "fichier introuvable : {path}",
    "input.is_folder": "{path} est un dossier, pas un fichier",
    "input.unreadable": "impossible de lire {path} : {reason}",
    "input.empty": "{source} est vide : une ligne d'en-tête nommant les colonnes est attendue",
    "input.duplicate_column": "{source} : les colonnes {first} et {second} s'appellent toutes "
    "deux '{column}' : renommez l'une d'elles",
    "input.duplicate_column_data": "{source} : les colonnes {first} et {second} s'appellent "
    "toutes deux '{column}' : renommez l'une d'elles (ou, si la première ligne contient des "
    "données, ajoutez une ligne d'en-tête)",
    "input.bad_encoding": "{source} n'est pas un texte {encoding} : passez --encoding cp1252 (ou "
    "latin-1) s'il vient d'Excel sous Windows",
    "input.ragged_row": "{source} : la ligne {row} a {found} champs mais l'en-tête en a "
    "{expected} : mettez entre guillemets les valeurs qui contiennent '{delimiter}', ou passez "
    "--delimiter si le fichier utilise un autre séparateur",
    "input.ragged": "{source} : une ligne a {found} champs mais l'en-tête en a {expected} : "
    "mettez entre guillemets les valeurs qui contiennent '{delimiter}', ou passez --delimiter si "
    "le fichier utilise un autre séparateur",
    "input.bad_csv": "{source} ne peut pas être lu comme un CSV : {detail}",
}
