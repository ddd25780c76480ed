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
    "criteria.bad_key": "'{key}' is not a usable key: start with a letter or _, then use "
    "letters, digits, _ and - (repeat_buyer)",
    "criteria.key_used": "key '{key}' is already used ({where}): each criterion and problem "
    "needs its own key",
    "criteria.bad_order_by": "write a column and asc or desc, e.g. 'total_spent desc' "
    "(got '{value}')",
}
