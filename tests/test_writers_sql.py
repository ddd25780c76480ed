"""writers/sql.py: `portfolio sql` prints the script the library writes, and nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import CRIT, Run, Write
from portfolio_cli.criteria import load_criteria
from portfolio_cli.writers.sql import script


def test_the_command_prints_the_script(run: Run) -> None:
    rules = load_criteria(CRIT)
    day = dt.date(2026, 11, 23)
    result = run("sql", "-c", CRIT, "--as-of", "2026-11-23", "-d", "pg", "-t", "crm.customers")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == script(rules, day, "crm.customers", "postgres", "all")
    summary = script(rules, day, "customers", "duckdb", "summary")
    assert run("sql", "-c", CRIT, "--as-of", "2026-11-23", "--part", "summary").stdout == summary


def test_each_part_is_introduced_by_a_comment(write: Write) -> None:
    rules = load_criteria(CRIT)
    text = script(rules, dt.date(2026, 11, 23), "customers", "duckdb", "customers")
    lines = text.splitlines()
    assert lines[0].startswith("-- portfolio sql: ")
    assert lines[1].startswith("-- customers in priority order")
    assert text.endswith(";\n")
    assert "-- summary" not in text


def test_a_line_break_in_the_file_name_cannot_start_sql(write: Write) -> None:
    path = write("evil\nDROP TABLE x;.yaml", Path(CRIT).read_text(encoding="utf-8"))
    rules = load_criteria(path)
    head = script(rules, dt.date(2026, 11, 23), "customers", "duckdb", "summary").splitlines()[0]
    assert head.startswith("-- portfolio sql: ")
    assert "DROP TABLE x;.yaml" in head
