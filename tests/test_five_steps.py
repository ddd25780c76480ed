"""five_steps.py: the list `portfolio check INPUT` reads, checked as a step of the checklist."""

from __future__ import annotations

import datetime as dt

from conftest import CRIT, EX, Run
from portfolio_cli.criteria import load_criteria
from portfolio_cli.engine import classify
from portfolio_cli.five_steps import input_step
from portfolio_cli.readers import read_customers

DAY = dt.date(2026, 11, 23)


def test_the_input_step_counts_what_classify_counts() -> None:
    rules = load_criteria(CRIT)
    customers = read_customers(EX, rules.customers.id)
    step = input_step(customers, rules, DAY)
    source = customers.info.source
    assert step.lines[0] == f"{source}: 300 customers, 11 columns (csv, utf-8, delimiter ',')"
    counted = []
    for outcome in classify(customers, rules, DAY).results:
        kind, verb = ("problem", "present for") if outcome.is_problem else ("criterion", "met by")
        counted.append(f"{kind} {outcome.rule.key}: {verb} {int(outcome.met.sum())}")
    assert [line.split(",")[0] for line in step.lines[2:]] == counted
    assert step.lines[3] == "criterion promoter: met by 161, unjudged for 53 (missing values)"


def test_check_prints_the_input_step(run: Run) -> None:
    result = run("check", EX, "-c", CRIT, "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    rules = load_criteria(CRIT)
    step = input_step(read_customers(EX, rules.customers.id), rules, DAY)
    shown = " ".join(result.stdout.split())
    for line in step.lines:
        assert " ".join(line.split()) in shown
