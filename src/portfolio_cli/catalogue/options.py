"""Messages of the options every command shares, the error boundary, and the files a
command writes (overwriting, folders, Excel's limits).

Names written in files (keys, columns, values) stay between '…' and are never translated.
"""

EN: dict[str, str] = {
    # options and the error boundary (cli)
    "usage.bad_lang": "unknown language '{value}': use en or fr",
    "usage.no_criteria": "no criteria file: pass -c FILE, set PORTFOLIO_CRITERIA, or run "
    "`portfolio init` to write criteria.yaml here",
    "usage.bad_format": "unknown format '{value}': use one of {choices}",
    # a value the user set in an environment variable rather than typed: {source} is
    # click.env_var, "(env var: 'PORTFOLIO_CRITERIA')", as Click says it for an option
    "usage.from_env": "{text} {source}",
    "usage.format_from_suffix": "cannot tell the format from '{name}': use a .csv, .json, .xlsx "
    "or .md name, or pass --format",
    "files.overwrite": "{output} would overwrite {role} {path}: nothing was written; choose "
    "another name",
    "files.role.input": "the input",
    "files.role.criteria": "the criteria file",
    "files.role.orders": "the orders file (--orders)",
    "files.role.surveys": "the surveys file (--surveys)",
    "files.role.history": "the history file (--history)",
    "files.stdin": "read on standard input",
    "output.xlsx_rows": "{count} customers do not fit in an Excel sheet ({limit} rows at most "
    "below the header): nothing was written; write csv or json instead (-f csv)",
    "output.xlsx_cell": "column '{column}', row {row} (customer {customer}): {length} "
    "characters do not fit in an Excel cell ({limit} at most): nothing was written; write csv "
    "or json instead (-f csv)",
    "output.xlsx_columns": "{count} columns do not fit in an Excel sheet ({limit} at most): "
    "nothing was written; write csv or json instead (-f csv)",
    "output.xlsx_header": "a column name of {length} characters ('{start}…') does not fit in "
    "an Excel cell ({limit} at most): nothing was written; write csv or json instead (-f csv)",
    "output.kept_renamed": "--keep-columns: the input's column '{column}' is written as "
    "'{written}', since the output has a column '{column}' already",
    "usage.bug": "unexpected {kind}: {detail}. This is a bug in portfolio; run again with "
    "--debug and report the traceback.",
    # output files
    "files.missing_folder": "cannot write {path}: the folder {folder} does not exist",
    "files.is_folder": "cannot write {path}: it is a folder",
    "files.unwritable": "cannot write in {folder}: {reason}",
    "usage.bad_date_option": "{option} must be a date written YYYY-MM-DD (got '{value}')",
    "usage.no_such_day": "{option} {value}: there is no such day in the calendar (check the "
    "month and the day)",
}
