"""Messages of `portfolio profile`: what sets each segment apart, and the outcome per segment."""

EN: dict[str, str] = {
    "profile.report_title": "What sets each segment apart",
    "profile.segment_title.one": "{segment}: {count} customer ({share} of the portfolio)",
    "profile.segment_title.other": "{segment}: {count} customers ({share} of the portfolio)",
    "profile.characteristic": "Characteristic",
    "profile.in_segment": "In segment",
    "profile.in_portfolio": "Portfolio",
    "profile.lift": "Lift",
    "profile.score": "Score",
    "profile.median": "median {column}",
    "profile.nothing": "Nothing sets this segment apart.",
    "profile.empty_segment": "No customer in this segment.",
    "profile.outcome_title": "How often '{column}' happened, per segment",
    "profile.deciles_title": "'{column}' per tenth of the call list (1: called first)",
    "profile.deciles_note": "Does the ranking pay? The first tenth of the call list should hold "
    "fewer customers with '{column}' than the last.",
    "profile.decile": "Tenth",
    "profile.ranks": "Ranks",
    "profile.segment": "Segment",
    "profile.customers": "Customers",
    "profile.happened": "Happened",
    "profile.rate": "Rate",
    "profile.whole_portfolio": "Whole portfolio",
    "profile.outcome_unknown.one": "{count} customer with a blank '{column}' is left out of the "
    "rates.",
    "profile.outcome_unknown.other": "{count} customers with a blank '{column}' are left out of "
    "the rates.",
    "profile.left_out": "Columns left out: {columns}.",
    "profile.reason.id": "id",
    "profile.reason.name": "name",
    "profile.reason.outcome": "outcome",
    "profile.reason.criteria": "read by the criteria, see --all-columns",
    "profile.reason.date": "date",
    "profile.reason.empty": "empty",
    "profile.reason.constant": "one value",
    "profile.reason.too-many-values": "too many values",
    "profile.score_note": "Score: how far the segment stands from the portfolio "
    "(0.2 small, 0.5 medium, 0.8 and more large).",
    "profile.error.suffix": "cannot tell the format from '{name}': use a .json, .csv or .txt "
    "name, or pass --format",
    "profile.error.circular": "the criteria read '{column}', the --outcome column: checking "
    "criteria against an outcome they already read is circular; remove it from this rule or "
    "choose another --outcome column",
    "profile.error.top": "--top must be 1 or more (got {value})",
    "profile.error.outcome": "--outcome: {detail}",
    "profile.error.not_yes_no": "{source}: --outcome column '{column}' must hold yes/no, 1/0 or "
    "true/false, but row {row} holds '{value}'",
}
