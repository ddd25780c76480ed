"""Messages of the readers: customer lists, orders and surveys files, and their options."""

EN: dict[str, str] = {
    "inputs.read_csv.one": "{source}: csv, {encoding}, delimiter {delimiter}, {rows} row",
    "inputs.read_csv.other": "{source}: csv, {encoding}, delimiter {delimiter}, {rows} rows",
    "inputs.read_other.one": "{source}: {format}, {rows} row",
    "inputs.read_other.other": "{source}: {format}, {rows} rows",
    "inputs.zip": (
        "{source} is a zip file (an Excel workbook?), not CSV text: name it .xlsx if it is a "
        "workbook, or export it as CSV"
    ),
    "inputs.binary": (
        "{source} is a binary file, not CSV text (it holds NUL bytes): export it as CSV, or pass "
        "--encoding utf-16 if it is UTF-16 text"
    ),
    "inputs.unknown_encoding": (
        "unknown encoding '{encoding}' (--encoding): use utf-8, cp1252 or latin-1"
    ),
    "inputs.garbled": (
        "{source} was read as {encoding} but some text looks garbled ('{sample}'): pass "
        "--encoding with the file's real encoding (utf-8, cp1252, latin-1)"
    ),
    "inputs.did_you_mean": "; did you mean {names}?",
    "inputs.its_columns": "; its columns are: {names}",
    "inputs.row": "row {rows}",
    "inputs.header_on_row": ", header on row {row}",
    "inputs.not_in_first_rows": "; it is in none of the first {rows} rows either: if the header "
    "is further down, pass --header-row N (its row number in the file)",
    "inputs.no_header_row": "{source} has no row {row} (--header-row)",
    "inputs.id_on_other_sheet": "{source}: its first sheet, '{first}', has no column '{column}' "
    "(customers.id in the criteria file), but sheet '{sheet}' has it: pass --sheet '{sheet}'",
    "help.header_row": "Row of the header in the file, from 1 (default: the first of the first "
    "20 rows that holds the id column; title lines above it are skipped).",
    "inputs.rows": "rows {rows}",
    # a row of a glob's file: `12 (exports/b.csv)`
    "inputs.row_in_file": "{row} ({file})",
    # why a column of numbers is text: its first cells that are not numbers, or its currencies
    "inputs.cell_holds": "row {row} holds '{value}'",
    "inputs.cells_more": "{cells} and {count} more",
    "inputs.not_number.one": "{cells}, which is not a number; correct that cell (or blank it)",
    "inputs.not_number.other": "{cells}, which are not numbers; correct these cells (or blank "
    "them)",
    # why a column of dates is text: its first cells that are not dates, or its two ways
    "inputs.not_date.one": "{cells}, which is not a date; correct that cell (or blank it)",
    "inputs.not_date.other": "{cells}, which are not dates; correct these cells (or blank them)",
    "inputs.two_date_ways": "it writes dates in two ways, '{first}' on row {first_row} and "
    "'{second}' on row {second_row}; write every date of the column the same way (YYYY-MM-DD "
    "or DD/MM/YYYY)",
    "inputs.mixes_currencies": "it mixes currencies ({cells}); amounts in two currencies are "
    "never compared as one number: put each currency in its own column",
    # a column whose numbers are written with both decimal marks ({cells}: inputs.format_cells)
    "inputs.mixes_formats": "it writes numbers in two ways, {cells}: one number cannot be read "
    "both ways; write every number of the column the same way",
    "inputs.mixed_formats": "{source}: column '{column}' writes numbers in two ways, {cells}: it "
    "is read as text, since one number cannot be read both ways; write every number of the "
    "column the same way",
    "inputs.format_cells": "{first} and {second}",
    "inputs.format_cell": "'{value}' ({mark})",
    "inputs.format_cell_row": "'{value}' on row {row} ({mark})",
    "inputs.decimal_point": "decimal point",
    "inputs.decimal_comma": "decimal comma",
    "inputs.mixed_currencies": "{source}: column '{column}' mixes currencies ({cells}): it is "
    "read as text, since amounts in two currencies are never compared as one number; put each "
    "currency in its own column",
    # a percentage beside amounts: a percent sign is not a currency ({cells}: a cell of each unit,
    # `inputs.unit_cell`s joined as `inputs.format_cells`)
    "inputs.mixed_units": "{source}: column '{column}' mixes units, {cells}: it is read as "
    "text, since values in different units are never compared as one number; put each unit in "
    "its own column",
    "inputs.mixes_units": "it mixes units, {cells}; values in different units are never "
    "compared as one number: put each unit in its own column",
    "inputs.unit_cell": "'{value}' ({unit})",
    "inputs.unit_percent": "percent",
    "inputs.unit_euro": "euro",
    "inputs.unit_dollar": "dollar",
    "inputs.unit_pound": "pound",
    "inputs.unit_franc": "Swiss franc",
    "inputs.ambiguous_dates": (
        "{source}: column '{column}' holds dates such as {sample} that read day-first or "
        "month-first; it is kept as text: pass --dayfirst or --monthfirst"
    ),
    "inputs.bad_option": "{option} must be {expected} (got '{value}')",
    "inputs.expect_delimiter": "one character: , ; | or tab",
    "inputs.expect_decimal": ", or .",
    "inputs.expect_header_row": "a row number from 1",
    "inputs.blank_header_row": "{source}: row {row}, given by --header-row, is blank: pass the "
    "number of the row that names the columns",
    "inputs.xlsx_to_terminal": "xlsx is a binary format: pass -o FILE.xlsx",
    "inputs.no_sheet": "{source} has no sheet '{sheet}': its sheets are {sheets} (--sheet)",
    "inputs.sheet_not_workbook": "--sheet {sheet!r} picks a sheet of an .xlsx workbook, but "
    "{source} is not one: leave out --sheet, or name the workbook",
    "inputs.bad_workbook": (
        "{source} cannot be read as an Excel workbook (.xlsx): {reason}. If it is CSV text, "
        "name it .csv"
    ),
    "inputs.bad_parquet": "{source} cannot be read as a Parquet file: {reason}",
    "orders.no_block": (
        "--orders needs an orders: block in {criteria} naming the customer, date and amount "
        "columns of the orders file"
    ),
    "orders.missing_column": (
        "{source} has no column '{column}' (orders.{field} in the criteria file){hint}"
    ),
    "orders.not_dates": (
        "{source}: column '{column}' (orders.date) must hold dates, but '{sample}' on row {row} "
        "is not one: write YYYY-MM-DD or DD/MM/YYYY, or pass --dayfirst/--monthfirst"
    ),
    # a date column written both ways: the first cell of each way, in the file's order
    "orders.two_date_ways": (
        "{source}: column '{column}' (orders.date) writes dates in two ways, '{first}' on row "
        "{first_row} and '{second}' on row {second_row}: write every date of the column the "
        "same way (YYYY-MM-DD or DD/MM/YYYY)"
    ),
    # {reason}: why the column is not numbers (`inputs.mixes_currencies`, ...)
    "orders.amounts_text": "{source}: column '{column}' (orders.amount) must hold numbers, but "
    "{reason}",
    "orders.not_numbers": (
        "{source}: column '{column}' (orders.amount) must hold numbers, but '{sample}' on row "
        "{row} is not one: pass --decimal if the file uses another decimal mark"
    ),
    "orders.blank": (
        "{source}: {column} (orders.{field}) is blank on {rows}: every order needs a customer "
        "and a date"
    ),
    "orders.unknown": (
        "{source}: orders of customers not in the customer list are not counted: {orders} "
        "(of {ids}, such as '{sample}')"
    ),
    "orders.clash": (
        "{source} already has a column '{column}', which --orders adds: rename that column"
    ),
    "orders.joined": "{source}: {orders} of {customers}",
    "orders.needed": "{criteria} uses {columns}, which --orders FILE adds: pass the orders file",
    "surveys.no_nps": (
        "--surveys needs listening.nps in {criteria}: the column holding 0-10 answers"
    ),
    "surveys.out_of_range.one": (
        "{source}: {column} must be a score from 0 to 10, but row {rows} holds {values}"
    ),
    "surveys.out_of_range.other": (
        "{source}: {column} must be a score from 0 to 10, but rows {rows} hold {values}"
    ),
    "surveys.unknown": (
        "{source}: answers of people not in the customer list are not used: {answers} (of "
        "{ids}, such as '{sample}')"
    ),
    "surveys.joined": "{source}: {answers}, latest of {customers} used",
    "surveys.not_dates": (
        "{source}: column 'date' must hold the date of each answer, but '{sample}' on row {row} "
        "is not one: write YYYY-MM-DD or DD/MM/YYYY, or pass --dayfirst/--monthfirst"
    ),
    "surveys.two_date_ways": (
        "{source}: column 'date' writes the dates of the answers in two ways, '{first}' on row "
        "{first_row} and '{second}' on row {second_row}: write every date of the column the "
        "same way (YYYY-MM-DD or DD/MM/YYYY)"
    ),
    "surveys.blank_id": (
        "{source}: {column} is blank on {rows}: every answer needs the customer's id"
    ),
    "help.decimal": (
        "Decimal mark of numbers written with separators: , or . (default: detected, the comma "
        "first in a ;-separated file)."
    ),
    "help.dayfirst": (
        "Read dates such as 01/02/2026 as 1 February (--dayfirst) or 2 January (--monthfirst). "
        "Default: from the dates themselves, day-first in a ;-separated file."
    ),
    "help.sheet": "Sheet of an .xlsx input, by name or number from 1 (default: the first).",
    "help.orders": (
        "Orders file, one row per order (columns named in the criteria file's orders: block): "
        "adds order_count, total_amount, last_order, RFM scores... per customer."
    ),
    "help.surveys": (
        "Survey answers (the id column, date, and the listening.nps column): each customer's "
        "latest answer becomes the NPS column."
    ),
    "help.verbose": "Say on stderr how each input was read (encoding, delimiter).",
    "input.order_by_text": "policy.order_by: '{column}' is read as text, so customers are "
    "ordered by it as text (1000 before 999), because {reason}",
    # readers
    "input.unknown_id": "no customer with {column} '{value}' in {source}",
    "input.unknown_id_close": "no customer with {column} '{value}' in {source} (did you mean "
    "{close}?)",
    "input.no_id_column": "{source} has no column '{column}' (customers.id in the criteria file)",
    "input.no_id_column_close": "{source} has no column '{column}' (customers.id in the criteria "
    "file); did you mean {close}?",
    "input.no_id_column_list": "{source} has no column '{column}' (customers.id in the criteria "
    "file); its columns are: {columns}",
    "input.no_id_column_data": "{source} has no column '{column}' (customers.id in the criteria "
    "file); its columns are: {columns}. Its first row looks like data: the file needs a header "
    "row",
    "input.no_id_other_delimiter": "{source} has no column '{column}' (customers.id in the "
    "criteria file): its header reads as one column, whose names are separated by "
    "'{delimiter}': pass --delimiter '{delimiter}', or leave --delimiter out to detect it",
    "input.blank_id.one": "{source}: {column} is blank on row {rows}: every customer needs an id",
    "input.blank_id.other": "{source}: {column} is blank on rows {rows}: every customer needs "
    "an id",
    "input.duplicate_id": "{source}: {column} '{value}' appears on rows {rows}: each customer "
    "must appear once",
    "input.duplicate_id_more.one": "{source}: {column} '{value}' appears on rows {rows} ({count} "
    "other id also repeats): each customer must appear once",
    "input.duplicate_id_more.other": "{source}: {column} '{value}' appears on rows {rows} "
    "({count} other ids also repeat): each customer must appear once",
    "input.not_found": "file not found: {path}",
    "input.is_folder": "{path} is a folder, not a file",
    "input.unreadable": "cannot read {path}: {reason}",
    "input.empty": "{source} is empty: expected a header row naming the columns",
    "input.duplicate_column": "{source}: columns {first} and {second} are both named '{column}': "
    "rename one of them",
    "input.duplicate_column_data": "{source}: columns {first} and {second} are both named "
    "'{column}': rename one of them (or, if the first row is data, add a header row)",
    "input.bad_encoding": "{source} is not {encoding} text: pass --encoding cp1252 (or latin-1) "
    "if it comes from Excel on Windows",
    "input.ragged_row": "{source}: row {row} has {found} fields but the header has {expected}: "
    "quote values that contain '{delimiter}', or pass --delimiter if the file uses another "
    "separator",
    "input.ragged": "{source}: a row has {found} fields but the header has {expected}: quote "
    "values that contain '{delimiter}', or pass --delimiter if the file uses another separator",
    "input.bad_csv": "{source} cannot be read as CSV: {detail}",
    "surveys.missing_column": "{source} has no column '{column}': a surveys file holds the "
    "customer id column, a 'date' column and the listening.nps column{hint}",
}
