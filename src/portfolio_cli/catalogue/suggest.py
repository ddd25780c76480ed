"""Messages of `portfolio suggest`: criteria learned from a known outcome, and their evidence."""

EN: dict[str, str] = {
    "suggest.head": "Outcome '{column}', bad event '{event}' (choose it with --event): "
    "{events} of {total} customers ({rate}).",
    "suggest.unknown.one": "{count} customer with a blank '{column}' is left out.",
    "suggest.unknown.other": "{count} customers with a blank '{column}' are left out.",
    "suggest.holdout": "Rules chosen on {train} customers, judged on {test} others held out "
    "({share}, stratified, seed {seed}).",
    "suggest.kfold": "Small list: rules judged by {folds}-fold cross-validation (each customer "
    "judged by rules chosen without them; stratified, seed {seed}); the rules written are chosen "
    "on all {total} customers.",
    "suggest.criteria_title": "Suggested criteria (most important first):",
    "suggest.problems_title": "Suggested problems:",
    "suggest.no_problem": "Suggested problems: none stands out (a problem needs a rate of "
    "'{event}' at least {lift} times the whole list's, on {share} of customers or more).",
    "suggest.evidence": "{outcome}={event} {rate_with} when met, {rate_without} otherwise; "
    "met by {covered} customers ({share})",
    "suggest.figures_title": "On the held-out customers (rate of '{event}', customers, share):",
    "suggest.figures_title_kfold": "On customers judged by rules chosen without them "
    "(rate of '{event}', customers, share):",
    "suggest.col_suggested": "suggested",
    "suggest.col_current": "current ({name})",
    "suggest.row_ratio": "Unrecoverable / satisfied",
    "suggest.row_auc": "AUC of criteria met",
    "suggest.cell": "{rate}  {count} ({share})",
    "suggest.times": "{value}×",
    "suggest.auc_note": "AUC: the chance that a customer without '{event}' meets more criteria "
    "than one with it (0.5 is chance, 1 is perfect).",
    "suggest.left_out": "Columns no rule reads: {columns}.",
    "suggest.copy": "column '{column}' equals the outcome '{outcome}' on {agreement} % of "
    "customers: it is a copy of it, no rule reads it",
    "suggest.reason.id": "id",
    "suggest.reason.name": "name",
    "suggest.reason.outcome": "outcome",
    "suggest.reason.copy": "copy of the outcome",
    "suggest.reason.empty": "empty",
    "suggest.reason.constant": "one value",
    "suggest.reason.code": "a code or coordinate",
    "suggest.reason.near-unique": "near-unique",
    "suggest.reason.too-many-values": "too many values",
    "suggest.hint_output": "Add -o suggested.yaml to write them as a criteria file.",
    "suggest.hint_check": "Check it with: portfolio check -c {path}",
    "suggest.too_few.one": "Too few outcomes to learn from: the training part holds only "
    "{count} customer of the rarer value of '{column}' (at least {least} are needed). Nothing "
    "is suggested: rules found on so few customers would fit chance, not your customers.",
    "suggest.too_few.other": "Too few outcomes to learn from: the training part holds only "
    "{count} customers of the rarer value of '{column}' (at least {least} are needed). Nothing "
    "is suggested: rules found on so few customers would fit chance, not your customers.",
    "suggest.nothing": "No condition on one column separates '{column}' on enough customers: "
    "nothing is suggested.",
    "suggest.nothing_written": "No file written.",
    "suggest.error.outcome": "--outcome: {detail}",
    "suggest.error.event": "--event {value}: column '{column}' never holds this value; its "
    "values: {values}",
    "suggest.error.one_value": "--outcome {column}: the column holds a single value, there is "
    "nothing to learn from it",
    "suggest.error.which": "--outcome {column} holds more than two values ({values}): say which "
    "one is the bad event with --event VALUE",
    "suggest.error.min_share": "--min-share takes a percentage of customers from 0 to 50",
    "suggest.error.id": "--id {column}: {detail}",
    "suggest.error.no_id": "column '{column}' looks like the customer id but holds '{value}' "
    "twice: name the id column with --id COLUMN (or give a criteria file with -c)",
    "suggest.file_header": "Criteria suggested by `portfolio suggest` for {outcome}={event}: "
    "read each rule, keep it, edit it or drop it.",
    "suggest.file_judged": "On {count} customers held out: AUC of criteria met {auc}; rate in "
    "satisfied {satisfied}, easy to satisfy {easy}, unrecoverable {unrecoverable}.",
    "suggest.file_kfold": "By cross-validation on {count} customers: AUC of criteria met {auc}; "
    "rate in satisfied {satisfied}, easy to satisfy {easy}, unrecoverable {unrecoverable}.",
    "suggest.reason.unwritable": "a backtick in its name",
    "suggest.error.format": "unknown format '{value}': use table or json",
    "suggest.error.dash_json": "-o - and -f json would both go to standard output: write the "
    "criteria file to a file with -o FILE, or leave out -f json",
    "suggest.file_evidence": "The comment above each rule: what it did on the customers it was "
    "chosen on.",
    "suggest.file_check": "Check this file with `portfolio check`, and judge it again with "
    "`portfolio profile --outcome`.",
    "suggest.file_copies": "Never read (copies of the outcome): {columns}",
    "suggest.file_fill_definition": "say what satisfied means",
    "suggest.file_fill_order": "who comes first among equals",
    "suggest.init.needs_from": "--outcome needs --from INPUT: the outcome is a column of the "
    "customer list",
    "suggest.init.figures": "Learned from '{column}' (bad event '{event}'), judged on {count} "
    "customers held out: AUC {auc}, '{event}' {ratio} times as frequent in unrecoverable as in "
    "satisfied.",
    "suggest.init.criterion": "Suggested criterion {number}: {when}",
    "suggest.init.problem": "Suggested problem {number}: {when}",
    "suggest.init.ask": "Keep it, edit it or refuse it? (k/e/r)",
    "suggest.init.keep": "k",
    "suggest.init.ask_edit": "Condition",
    "suggest.init.answer": "Answer k (keep), e (edit) or r (refuse).",
}
