"""Help texts: the application, each command (with its examples) and each shared option, and
the few words of Typer's own help screens (Arguments, Options, [required]...)."""

EN: dict[str, str] = {
    "help.short.classify": "Sort customers into the three segments.",
    "help.short.check": "Check the criteria file: the five steps as a checklist.",
    "help.short.explain": "Why one customer is in its segment.",
    "help.short.init": "Write a criteria file, step by step.",
    "help.short.profile": "What sets each segment's customers apart.",
    "help.short.report": "The monthly report, in HTML or Markdown.",
    "help.short.history": "The snapshots kept by --history, and who moved.",
    "help.short.batch": "Classify many client files at once.",
    "help.short.suggest": "Criteria learned from a known outcome, judged on held-out customers.",
    "help.app": "Sort your customers into satisfied, easy to satisfy and unrecoverable, "
    "following the five-step portfolio method.",
    "help.version": "Show the version and exit.",
    "help.help": "Show this message and exit.",
    "help.classify": "Classify customers into satisfied, easy to satisfy and unrecoverable.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio classify customers.csv -c criteria.yaml\n"
    "    portfolio classify customers.csv -o classified.csv --keep-columns\n"
    "    portfolio classify customers.csv -f json --fail-under 70 > portfolio.json\n"
    "    portfolio classify customers.csv --segment easy_to_satisfy   # who to call first",
    "help.check": "Check the criteria file and show the five steps as a checklist.\n\n"
    "Exit 0 when it can be used (warnings included), 2 when it cannot.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio check -c criteria.yaml\n"
    "    portfolio check customers.csv",
    "help.explain": "Show one customer: each criterion and problem, true, false or unknown, "
    "with the values read.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio explain customers.csv C0114",
    "help.input": "Customer list (CSV, .xlsx or .parquet), or - to read CSV from standard input.",
    "help.check_input": "Optional customer list: also check its columns and types.",
    "help.customer_id": "The customer's id.",
    "help.criteria": "Criteria file. Default: $PORTFOLIO_CRITERIA, else ./criteria.yaml, else "
    "./criteria.yml.",
    "help.as_of": "Date the portfolio is judged on (YYYY-MM-DD): days_since() counts to it. "
    "Default: today.",
    "help.quiet": "No summary, warning or progress on success: only the output asked for "
    "(errors still go to stderr).",
    "help.debug": "Show the full traceback of an error.",
    "help.encoding": "Encoding of the input, e.g. cp1252 (default: detected: BOM, UTF-8, cp1252, "
    "latin-1).",
    "help.delimiter": "Field separator of a CSV input: , ; | or tab (default: detected).",
    "help.out_delimiter": "Field separator of CSV output: , ; | or tab (default: the input's "
    "own, a comma for xlsx and Parquet). A file written with -o and ';' starts with a BOM for "
    "Excel.",
    "help.lang": "Language of labels and messages: en or fr. Default: from LANGUAGE, else "
    "LC_ALL, LC_MESSAGES or LANG. Column values and JSON keys stay the same.",
    "help.format": "table, csv, json, markdown or xlsx. Default: from -o's suffix, else table.",
    "help.explain_format": "table (for people) or json.",
    "help.output": "Write to this file (written whole, or not at all); - for standard output.",
    "help.keep_columns": "Append the input's own columns, as written.",
    "help.fail_under": "Exit 1 (after writing everything) when portfolio quality is below PCT %.",
    "help.init": "Write a criteria file by answering questions on the five steps of the method."
    "\n\n"
    "With --from, pick columns from a numbered list showing their type and a sample; each "
    "criterion is counted against the data as you enter it. An existing file is never replaced "
    "without asking (--force replaces it). --from INPUT --yes asks nothing (for scripts).\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio init --from customers.csv\n"
    "    portfolio init criteria.yaml --from customers.csv --yes",
    "help.init_path": "The criteria file to write; - for standard output.",
    "help.init_from": "A customer list: propose its columns and their quartiles, and count the "
    "customers who meet each criterion as you write it.",
    "help.init_yes": "No questions: write a sensible starting file (needs --from).",
    "help.init_force": "Replace PATH if it exists, without asking.",
    "help.profile": "Show what sets each segment's customers apart from the whole portfolio.\n\n"
    "For number columns, the segment's median against the portfolio's; for text columns, the "
    "values over-represented in the segment (share in segment, in portfolio, lift), ranked by "
    "how much they distinguish the segment. With --outcome, the outcome's rate per segment: do "
    'the "satisfied" customers really stay?\n\n'
    "Example:\n\n"
    "\b\n"
    "    portfolio profile customers.csv --top 3\n"
    "    portfolio profile telco.csv -c telco.yaml --outcome Churn",
    "help.profile_outcome": "A yes/no, 1/0 or true/false column the criteria do not read (e.g. "
    "Churn): show how often it happened in each segment.",
    "help.profile_top": "Characteristics shown per segment.",
    "help.profile_all_columns": "Also profile the columns the criteria read (left out by default).",
    "help.profile_format": "table, json or csv (default: from the -o suffix, else table).",
    "help.suggest": "Propose three criteria and up to three problems that best separate a known "
    "outcome, judged on customers held out.\n\n"
    "Each rule is one condition on one column of the list (a number threshold, a set of text "
    "values, a date recency), chosen on a training part (70 %, stratified, --seed; 5-fold "
    "cross-validation under 2,000 customers) and judged on the rest: the outcome's rate per "
    "segment and the AUC of criteria met, beside the same figures for -c FILE. Customers who "
    "meet a criterion have the bad event (--event) less often; a problem, at least 1.5 times "
    "more often. The outcome, columns that copy it, ids and free text are never read; with fewer "
    "than 30 events to learn from, nothing is suggested. -o writes a complete criteria file, "
    "each rule with its evidence; steps 1, 2 and 5 come from -c.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio suggest telco.csv --outcome Churn\n"
    "    portfolio suggest telco.csv --outcome Churn -c criteria.yaml -o suggested.yaml",
    "help.init_outcome": "A known outcome of the list (e.g. Churn): offer the criteria and "
    "problems portfolio suggest learns from it at steps 3 and 4 (needs --from).",
    "help.report_outcome": "A known outcome the criteria do not read (e.g. Churn): its rate per "
    "segment and per tenth of the call list.",
    "help.suggest_outcome": "The known outcome to learn from, a column of the list (e.g. Churn).",
    "help.suggest_event": "The outcome's value that is the bad event (default: yes/true/1, else "
    "the rarer of two values).",
    "help.suggest_criteria": "Your current criteria file: judged beside the suggestion, and its "
    "steps 1, 2 and 5 carried over into the file written.",
    "help.suggest_output": (
        "Write the suggested criteria file here (.yaml); - for standard output (the figures then "
        "go to standard error)."
    ),
    "help.suggest_format": "table (for people) or json (the same figures, exact, for scripts).",
    "help.suggest_id": "The customer id column (default: from -c, else the column named like an "
    "id).",
    "help.suggest_seed": "Seed of the random split into a training and a held-out part.",
    "help.suggest_min_share": "Least share of customers (%) a rule must cover, and each segment "
    "must keep.",
    "help.limit": (
        "Rows shown in the table format (0: all). Default: 50 on screen, all in a file written "
        "with -o."
    ),
}
