"""Messages that guide a user through the first hour: YAML mistakes said in our own words, a
decimal comma in a condition, files given in each other's place, a file name with a typo."""

EN: dict[str, str] = {
    # PyYAML's problems, explained (criteria file)
    "yaml.bad": "this is not valid YAML{column}: {hint}",
    "yaml.tab": "YAML does not allow tabs: indent with spaces",
    "yaml.backtick": "a value that starts with a backtick (`) must be in quotes: write {fix}",
    "yaml.quote_start": "a value that starts with '{character}' must be in quotes: write {fix}",
    "yaml.colon_in_value": "a value that contains ': ' must be in quotes: write {fix}",
    "yaml.indent": "this line is not lined up with the ones above: indent it with spaces like "
    "the other keys at its level",
    "yaml.unclosed_quote": "a quote opened on this line is never closed: close it at the end of "
    "the value",
    "yaml.not_key_value": "this line is not 'key: value': add the missing ':', or keep a "
    "condition on one line",
    "yaml.unclosed_flow": "a list '[...]' opened on this line is not closed: close it on the "
    "same line, or put the value in quotes",
    "yaml.block_scalar": "a value that starts with '>' or '|' must be in quotes: write "
    'when: "..."',
    "yaml.after_quote": "the quotes end before the value does: put the whole value in quotes, "
    "and a column name with spaces in backticks: write {fix}",
    "yaml.escape": "a backslash inside double quotes starts an escape: use single quotes "
    "around this value",
    "yaml.two_documents": "a criteria file holds one YAML document: remove this '---' and "
    "what follows, or merge the two",
    "yaml.control": "a control character ({code}) cannot appear in YAML: remove it",
    # conditions
    "expr.decimal_comma": "write decimals with a dot: {number}",
    # segment names beside a count ("Satisfied 88"): French makes them agree
    "segments.satisfied.one": "Satisfied",
    "segments.satisfied.other": "Satisfied",
    "segments.easy_to_satisfy.one": "Easy to satisfy",
    "segments.easy_to_satisfy.other": "Easy to satisfy",
    "segments.unrecoverable.one": "Unrecoverable",
    "segments.unrecoverable.other": "Unrecoverable",
    # policy.order_by in words
    "checklist.order.desc": "{column} desc",
    "checklist.order.asc": "{column} asc",
    # profile
    "profile.reason.code": "a code or coordinates, not a quantity",
    "profile.small_segment.one": "only {count} customer: too few to trust these differences "
    "(at least {minimum} are needed)",
    "profile.small_segment.other": "only {count} customers: too few to trust these differences "
    "(at least {minimum} are needed)",
    # classify --segment
    "usage.bad_segment": "unknown segment '{value}' for --segment: use {keys}",
    "usage.bad_segment_close": "unknown segment '{value}' for --segment (did you mean "
    "'{close}'?): use {keys}",
    "help.segment": "Keep the rows of one segment: satisfied, easy_to_satisfy or unrecoverable "
    "(ranks and summary stay those of the whole portfolio).",
    # a file name with a typo
    "input.not_found_close": "file not found: {path} (did you mean {close}?)",
    "criteria.not_found_close": "criteria file not found: {path} (did you mean {close}?)",
    # files given in each other's place
    "input.looks_like_criteria": "{name} looks like a criteria file, not a customer list: pass "
    "it with -c and give the customer list as INPUT",
    "criteria.looks_like_customers": "{name} looks like a customer list, not a criteria file: "
    "give it as INPUT and pass the criteria file with -c (`portfolio init --from {name}` "
    "writes one)",
}
