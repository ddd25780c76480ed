"""Messages of the monthly run: `portfolio report`, `portfolio history` and the history columns."""

EN: dict[str, str] = {
    "report.title": "Customer portfolio — {date}",
    "report.nps": "NPS",
    "report.answers.one": "{count} answer",
    "report.answers.other": "{count} answers",
    "report.subtitle": "{source} · {count} customers · criteria: {criteria}",
    "report.change": "{change} since {date}",
    "report.change_points": "{change} points since {date}",
    "report.no_previous": "First snapshot in the history: next month shows what changed.",
    "report.no_history": (
        "No history kept: run with --history FILE every month to see the trend and who moved."
    ),
    "report.segments": "Segments",
    "report.criteria_problems": "Criteria met and problems found",
    "report.criteria_note": (
        "Green: customers meeting each criterion. Red: customers with each problem, "
        "compensated or not."
    ),
    "report.nps_by_segment": "NPS by segment",
    "report.nps_note": (
        "A satisfied segment with a worse NPS than the easy-to-satisfy one means the "
        "definition of satisfaction is off."
    ),
    "report.no_nps": "No NPS: name the column of 0-10 answers in listening.nps.",
    "report.no_answers": "No NPS: no customer has answered in column '{column}' (listening.nps).",
    "report.trend": "Trend",
    "report.migration": "Who moved",
    "report.no_migration": "No earlier snapshot to compare with.",
    "report.priorities": "Who to call first: the easy-to-satisfy customers, in priority order",
    "report.priorities_note": "Ranks are those of the whole portfolio, where satisfied "
    "customers come first; run portfolio classify --segment easy_to_satisfy to list them all.",
    "report.unrecoverable": "Unrecoverable customers and why",
    "report.rank": "Rank",
    "report.customer": "Customer",
    "report.met": "Criteria met",
    "report.missing": "Criteria to win",
    "report.compensated": "Compensated problems",
    "report.reason": "Why",
    "report.more": "… and {count} more: portfolio classify lists them all.",
    "report.none": "None.",
    "report.checklist": "The five steps",
    "report.colon": ":",
    "report.footer": "Written by portfolio {version}, as of {date}.",
    "report.wrote": "wrote {path}",
    "history.column.as_of": "Date",
    "history.column.total": "Customers",
    "history.column.satisfied": "Satisfied",
    "history.column.easy_to_satisfy": "Easy to satisfy",
    "history.column.unrecoverable": "Unrecoverable",
    "history.column.quality": "Quality",
    "history.column.nps": "NPS",
    "history.column.criteria": "Criteria file",
    "history.column.priority": "Rank",
    "history.column.id": "Id",
    "history.column.name": "Name",
    "history.column.previous_segment": "Before",
    "history.column.segment": "Now",
    "history.count.one": "{count} snapshot",
    "history.count.other": "{count} snapshots",
    "history.criteria_changed": (
        "The criteria file changed between snapshots (marked *): some movements come from "
        "the criteria, not from the customers."
    ),
    "history.migration_title": "From {start} to {end}",
    "history.before_after": "Before ↓ / now →",
    "history.moved_down": "Customers who moved down",
    "history.nobody_down": "Nobody moved down.",
    "history.new": "New",
    "history.lost": "Lost",
    "history.error.no_file": (
        "no history file at {path}: run `portfolio classify` or `portfolio report` with "
        "--history FILE first"
    ),
    "history.error.no_file_env": "no history file at {path} {source}: correct {name}, or run "
    "`portfolio classify` or `portfolio report` with --history FILE first",
    "history.error.open": "cannot open the history file {path}: {error}",
    "history.error.folder": "{path} is a folder, not a history file: name a file in it, e.g. "
    "{example}",
    "history.error.busy": "{path} stayed locked by another run for {seconds} s: nothing was "
    "written; run again when it has finished",
    "history.error.not_history": "{path} is not a portfolio history file ({error})",
    "history.error.other_sqlite": "{path} is an SQLite file, but not a portfolio history file",
    "history.error.too_new": (
        "{path} was written by a newer portfolio (schema {version}, this one reads {supported}): "
        "upgrade portfolio"
    ),
    "history.error.empty": "{path} holds no snapshot yet",
    "history.error.no_snapshot": "no snapshot dated {date} in {path} (snapshots: {dates})",
    "history.error.none_before": (
        "no snapshot before {date} in {path}: pass --from DATE (snapshots: {dates})"
    ),
    "history.none": "none",
    "report.error.suffix": (
        "cannot tell the report format from '{name}': use a .html or .md name, or pass "
        "--format html|markdown"
    ),
    "report.error.format": "unknown report format '{value}': use html or markdown",
    "help.report": (
        "Write the monthly report: quality, segments, NPS, trend, who moved, who to call.\n\n"
        "One HTML file with its CSS and SVG charts inside (no script, nothing from the network), "
        "readable on a phone and printed on A4; or the same content in Markdown (-o report.md). "
        "It ends with what sets each segment apart (as portfolio profile shows it). "
        "With --history, the run is kept as a snapshot and the report shows the trend and the "
        "migration since the previous snapshot. Never asks anything: ready for cron.\n\n"
        "Example:\n\n"
        "\b\n"
        "    portfolio report customers.csv -o report.html --history history.sqlite\n"
        "    portfolio report customers.csv -o rapport.html --lang fr -q --fail-under 70"
    ),
    "help.history": (
        "List the snapshots kept by --history, or show how customers moved between two.\n\n"
        "Without --from/--to: one line per snapshot (date, customers, segments, quality, NPS), "
        "then how customers moved since the snapshot before the latest. With --from and/or --to: "
        "the migration matrix (rows: segment before, columns: segment after, plus new and lost "
        "customers) and the customers who moved down. --format csv "
        "writes the list or the matrix; --format json writes everything.\n\n"
        "Example:\n\n"
        "\b\n"
        "    portfolio history history.sqlite\n"
        "    portfolio history history.sqlite --from 2026-10-31 --to 2026-11-30\n"
        "    portfolio history --history history.sqlite --to 2026-11-30 -f json"
    ),
    "help.history_option": (
        "Keep a snapshot of this run in this SQLite file (same --as-of replaces it) and add "
        "previous_segment and segment_since. Default: $PORTFOLIO_HISTORY if set, else none."
    ),
    "help.history_file": (
        "History file. Default: --history, else $PORTFOLIO_HISTORY, else "
        "./portfolio-history.sqlite."
    ),
    "help.history_read": "History file to read (same as FILE).",
    "help.history_from": "Show the migration from this snapshot (default: the one before --to).",
    "help.history_to": "Show the migration to this snapshot (default: the latest).",
    "help.history_format": "table, csv or json.",
    "help.history_out_delimiter": (
        "Field separator of --format csv: , ; | or tab (default: a comma)."
    ),
    "help.report_output": "The report to write: .html (self-contained) or .md; - for "
    "standard output (HTML unless --format says markdown).",
    "help.report_format": "html or markdown. Default: from -o's suffix.",
    "help.report_limit": "Customers listed per table (0: all).",
}
