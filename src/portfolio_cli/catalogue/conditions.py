"""Messages of the condition language (`when:`): parsing, names and types, and how a
condition meets an input's columns.

Names written in files (keys, columns, values) stay between '…' and are never translated.
"""

EN: dict[str, str] = {
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
}

FR: dict[str, str] = {
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
}
