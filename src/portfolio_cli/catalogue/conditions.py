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
    "expr.hint.arrow": "write >= or <= (the = comes second)",
    "expr.leading_zero": "{value} is not a number (a number cannot start with 0): write a code "
    'in quotes, e.g. "{value}"',
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
    # days_since() of a column of dates read as text ({reason}: inputs.not_date, ...)
    "engine.not_dates_because": "{function}() needs {wanted}: {what} holds {kind}, because "
    "{reason}",
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
    "engine.nps_range.one": "column '{column}' (listening.nps) must hold scores from 0 to 10; "
    "row {rows} holds {values}",
    "engine.nps_range.other": "column '{column}' (listening.nps) must hold scores from 0 to 10; "
    "rows {rows} hold {values}",
    "engine.and_more": "{shown} and {count} more",
}
