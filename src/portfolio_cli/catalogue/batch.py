"""Messages of `portfolio batch` and of large files read in chunks: help, progress, failures."""

EN: dict[str, str] = {
    "help.batch": "Classify many client files: one output per input in DIR, and "
    "DIR/summary.csv.\n\n"
    "A file that cannot be classified is named on stderr and skipped; the others are written, "
    "and the exit code is 3.\n\n"
    "Example:\n\n"
    "\b\n"
    "    portfolio batch clients/*.csv -c criteria.yaml -o results/\n"
    "    portfolio batch clients/ --criteria-dir criteria/ -o results/ -f json",
    "help.batch_inputs": "Customer lists: CSV files, globs ('clients/*.csv') or folders; "
    "PostgreSQL databases (postgresql://... or 'host=... dbname=...', with --table or --query) "
    "or Spark tables (spark:db.customers).",
    "help.batch_output": "Folder for the outputs and summary.csv (created if missing).",
    "help.criteria_dir": "Folder of per-client criteria files: DIR/<stem>.yaml is used for "
    "<stem>.csv instead of -c.",
    "help.batch_format": "csv, json, markdown or xlsx.",
    "help.jobs": "Worker processes. Default: one per core. With --engine spark: one process, "
    "one Spark session, the files one after the other.",
    "help.chunk_rows": "A CSV file of more than N rows (estimated from its size) going to CSV is "
    "read in parts of at most N rows (and 250,000), with bounded memory. Also "
    "$PORTFOLIO_CHUNK_ROWS. Default: 2,000,000.",
    "batch.progress": "Classifying",
    "batch.failed": "failed: {file}: {error}",
    "batch.failed_named": "failed: {error}",
    "batch.unmatched": "no file matches {pattern}",
    "batch.no_inputs": "no input file to classify: name CSV files, globs or folders",
    "batch.not_a_folder": "-o {path} is a file: give a folder",
    "batch.output_stdout": "-o - (standard output) cannot hold one output per input and "
    "summary.csv: give a folder, e.g. -o results/",
    "batch.criteria_dir_missing": "--criteria-dir {path} is not a folder",
    "batch.output_is_summary": "{source} would be written to {output}, which is the batch "
    "summary: rename the input or choose another --format",
    "batch.output_clash": "{first} and {second} would both be written to {output}: rename one "
    "of them or run them in two batches",
    "batch.no_criteria_for": "no criteria file for {source}: add {folder}/{stem}.yaml or pass "
    "-c FILE for the files without their own",
    "batch.out_of_memory": "out of memory: pass --chunk-rows to read it in parts",
    "batch.bug": "unexpected {kind}: {detail} (a bug in portfolio)",
    "batch.done.one": "{count} of {total} files classified, {customers}; wrote {folder}",
    "batch.done.other": "{count} of {total} files classified, {customers}; wrote {folder}",
    "batch.some_failed.one": "{count} of {total} files failed (see summary.csv)",
    "batch.some_failed.other": "{count} of {total} files failed (see summary.csv)",
}
