"""writers/suggest.py: what `portfolio suggest` prints is the library's lines, and nothing else."""

from __future__ import annotations

import datetime as dt

from conftest import Run, Write
from portfolio_cli.readers import CsvOptions
from portfolio_cli.suggest import read_list, suggest
from portfolio_cli.writers.suggest import copy_warnings, report_lines
from test_suggest import AS_OF, planted, small_list


def test_the_command_prints_the_writers_lines(run: Run, write: Write) -> None:
    data = write("small.csv", planted(1200, seed=3))
    result = run("suggest", str(data), "--outcome", "left", "--as-of", AS_OF, "--seed", "4")
    assert result.exit_code == 0, result.stderr
    customers, id_column = read_list(str(data), CsvOptions(), None)
    found = suggest(customers, "left", id_column=id_column, seed=4, as_of=dt.date(2026, 12, 1))
    lines = report_lines(found, None)
    assert lines[0].startswith("Outcome 'left', bad event 'yes' (choose it with --event): 300 of")
    hint = "Add -o suggested.yaml to write them as a criteria file."
    assert result.stdout == "\n".join([*lines, hint]) + "\n"


def test_a_column_that_copies_the_outcome_is_one_warning(run: Run, write: Write) -> None:
    data = write("copy.csv", planted(3000, copy=True))
    customers, id_column = read_list(str(data), CsvOptions(), None)
    found = suggest(customers, "left", id_column=id_column, as_of=dt.date(2026, 12, 1))
    [warning] = copy_warnings(found)
    assert warning.startswith("column 'left_flag' equals the outcome 'left' on 99.")
    assert warning.endswith("it is a copy of it, no rule reads it")
    result = run("suggest", str(data), "--outcome", "left", "--as-of", AS_OF)
    assert result.stderr == f"warning: {warning}\n"
    assert run("suggest", str(data), "--outcome", "left", "--as-of", AS_OF, "-q").stderr == ""


def test_too_few_events_says_why_and_that_nothing_is_written(write: Write) -> None:
    data = write("small.csv", small_list(20, 3))
    customers, id_column = read_list(str(data), CsvOptions(), None)
    found = suggest(customers, "left", id_column=id_column)
    lines = report_lines(found, None)
    assert lines[-1] == "No file written."
