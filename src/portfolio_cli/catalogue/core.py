"""Messages of the core: segments, summary, table, advice, the five steps, one customer.

The English of each message, by key; the French is in locale/fr/LC_MESSAGES/portfolio.po, written
with plain spaces before « : ; ? ! », « » around quoted prose, '…' around names written in files
(columns, keys), decimal commas.
"""

EN: dict[str, str] = {
    # segments and their default advice (a criteria file's `actions:` replaces these)
    "segment.satisfied": "Satisfied",
    "segment.easy_to_satisfy": "Easy to satisfy",
    "segment.unrecoverable": "Unrecoverable",
    "action.satisfied": "Thank them, reward loyalty, ask for referrals.",
    "action.easy_to_satisfy": "Explain your offer again so that what they expect matches what "
    "you give.",
    "action.unrecoverable": "Do not spend your time here.",
    # what a column or an expression holds
    "kind.number": "number",
    "kind.text": "text",
    "kind.date": "date",
    "kind.bool": "true/false",
    "kind.empty": "no values",
    # the summary
    "summary.head.one": "{source} — {count} customer, as of {date}",
    "summary.head.other": "{source} — {count} customers, as of {date}",
    "summary.quality": "Portfolio quality",
    "summary.segment": "{label} {count}",
    "summary.share": " ({percent} %)",
    "summary.nps.one": "NPS {nps} ({count} answer)",
    "summary.nps.other": "NPS {nps} ({count} answers)",
    "summary.because": "Unrecoverable because",
    "summary.no_criterion_met": "no criterion met",
    "summary.unjudged": "Unjudged (a value was missing, counted as not met)",
    "summary.what_to_do": "What to do",
    "summary.more.one": "… {count} more customer: --limit 0 shows all, -f csv exports them",
    "summary.more.other": "… {count} more customers: --limit 0 shows all, -f csv exports them",
    "summary.wrote": "wrote {path}",
    "summary.below": "portfolio quality {quality} % is below --fail-under {threshold} %",
    # the customer table
    "table.segment": "segment",
    "table.problems": "problems",
    "table.compensated": "compensated",
    # the five steps (check)
    "step.1": "Define satisfaction",
    "step.2": "Listen to customers",
    "step.3": "Keep three criteria",
    "step.4": "Define problems",
    "step.5": "Act",
    "step.input": "Input",
    "checklist.title": "{source} — the five steps",
    "checklist.definition": '"{definition}"',
    "checklist.no_definition": "no definition: say in satisfaction.definition what a satisfied "
    "customer is for you",
    "checklist.defined_by": "defined by: {who}",
    "checklist.not_said": "not said",
    "checklist.not_from_customer": "no criterion comes from the customer's side: ask them what "
    "matters (step 2) and keep one criterion they would name, or one that reads their 0-10 answer",
    "checklist.no_last_done": "no date of last listening (listening.last_done): ask your "
    "customers at least once a year",
    "checklist.last_done.one": "last done {date}, every {count} month: next due {due}",
    "checklist.last_done.other": "last done {date}, every {count} months: next due {due}",
    "checklist.overdue.one": "overdue since {date} ({days} day): ask your customers again, then "
    "update listening.last_done",
    "checklist.overdue.other": "overdue since {date} ({days} days): ask your customers again, "
    "then update listening.last_done",
    "checklist.nps": "NPS from column '{column}'",
    "checklist.no_nps": "no NPS column (listening.nps): the NPS is not computed",
    "checklist.criterion": "{number}. {key}: {label} — when {when}",
    "checklist.no_problems": "no problems defined: every customer who meets a criterion is kept",
    "checklist.problem": "{key}: {label} — when {when}",
    "checklist.problem_compensable": "{key}: {label} (compensable) — when {when}",
    "checklist.compensation": "a compensable problem is compensated by {count} of {total} "
    "criteria met",
    "checklist.priority": "priority: more criteria met, fewer problems, then {order}",
    "checklist.by_id": "the customer id",
    "check.input.one": "{source}: {count} customer, {columns} columns ({format}, {encoding}, "
    "delimiter {delimiter})",
    "check.input.other": "{source}: {count} customers, {columns} columns ({format}, {encoding}, "
    "delimiter {delimiter})",
    "check.input_other.one": "{source}: {count} customer, {columns} columns ({format})",
    "check.input_other.other": "{source}: {count} customers, {columns} columns ({format})",
    "check.columns_read": "columns read: {columns}",
    "check.criterion_met": "criterion {key}: met by {count}",
    "check.problem_present": "problem {key}: present for {count}",
    "check.unjudged": ", unjudged for {count} (missing values)",
    "check.usable": "{source}: usable",
    "check.usable_warnings.one": "{source}: usable, {count} warning",
    "check.usable_warnings.other": "{source}: usable, {count} warnings",
    # one customer (explain)
    "explain.rank.one": " · priority {priority} of {total} · {count} of {kept} criteria met",
    "explain.rank.other": " · priority {priority} of {total} · {count} of {kept} criteria met",
    "explain.criteria": "Criteria",
    "explain.problems": "Problems",
    "explain.met": "met",
    "explain.not_met": "not met",
    "explain.unknown_criterion": "unknown (a value is missing): counted as not met",
    "explain.present": "present",
    "explain.absent": "absent",
    "explain.compensated": "present, compensated ({count} or more criteria met)",
    "explain.unknown_problem": "unknown (a value is missing): counted as absent",
    "explain.blank": "(blank)",
    "explain.when": "when {when}",
    "explain.read": "   read: {values}",
    "explain.what_to_do": "What to do: {action}",
    # punctuation: French puts a space before a colon
    "colon": ": ",
    # the error boundary
    "cli.error": "error: {text}",
    "cli.warning": "warning: {text}",
    # counted nouns, inside other sentences
    "count.ids.one": "{count} id",
    "count.orders.one": "{count} order",
    "count.orders.other": "{count} orders",
    "count.answers.one": "{count} answer",
    "count.answers.other": "{count} answers",
    "count.ids.other": "{count} ids",
    "count.customers.one": "{count} customer",
    "count.customers.other": "{count} customers",
    # who defined satisfaction, as `check` shows it (the file's key, in English)
    "checklist.who.you": "you",
    "checklist.who.customer": "customer",
    "checklist.who.implicit": "implicit",
    "checklist.who.together": "together",
    # the `was` column of `classify --history`
    "table.was": "was",
    "table.was_new": "new",
}
