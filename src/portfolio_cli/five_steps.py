"""The five steps of the method as a checklist: what the criteria file says, and what is missing.

Used by `portfolio check` and the monthly report. Pure: it returns steps, it prints nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from portfolio_cli.criteria import Criteria
from portfolio_cli.messages import long_date, message, plural

if TYPE_CHECKING:
    from portfolio_cli.engine import Classification
    from portfolio_cli.readers import CustomerList

OK, WARNING = "ok", "warning"


@dataclass
class Step:
    """One step of the method: its number, title, what the file says, and any warnings."""

    number: int
    title: str
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """`warning` if anything needs attention, else `ok`."""
        return WARNING if self.warnings else OK


def review(criteria: Criteria, as_of: dt.date) -> list[Step]:
    """The five steps for this criteria file, with warnings where the method is not followed."""
    return [
        _satisfaction(criteria),
        _listening(criteria, as_of),
        _criteria(criteria),
        _problems(criteria),
        _act(criteria),
    ]


def listening_overdue(criteria: Criteria, as_of: dt.date) -> dt.date | None:
    """The date listening fell due, if it is overdue on `as_of`; else None."""
    due = criteria.listening.next_due()
    return due if due is not None and due < as_of else None


def _satisfaction(criteria: Criteria) -> Step:
    step = Step(1, message("step.1"))
    satisfaction = criteria.satisfaction
    if satisfaction.definition:
        step.lines.append(message("checklist.definition", definition=satisfaction.definition))
    else:
        step.warnings.append(message("checklist.no_definition"))
    said = satisfaction.defined_by
    who = message(f"checklist.who.{said}") if said else message("checklist.not_said")
    step.lines.append(message("checklist.defined_by", who=who))
    customer_side = ("customer", "together")
    nps = criteria.listening.nps
    from_customer = (
        satisfaction.defined_by in customer_side
        or any(rule.defined_by in customer_side for rule in criteria.criteria)
        or any(nps and nps in rule.condition.columns() for rule in criteria.criteria)
    )
    if not from_customer:
        step.warnings.append(message("checklist.not_from_customer"))
    return step


def _listening(criteria: Criteria, as_of: dt.date) -> Step:
    step = Step(2, message("step.2"))
    listening = criteria.listening
    if listening.last_done is None:
        step.warnings.append(message("checklist.no_last_done"))
    else:
        step.lines.append(
            plural(
                "checklist.last_done",
                listening.every_months,
                date=long_date(listening.last_done),
                due=long_date(due) if (due := listening.next_due()) is not None else "",
            )
        )
        overdue = listening_overdue(criteria, as_of)
        if overdue is not None:
            step.warnings.append(
                plural(
                    "checklist.overdue",
                    days := (as_of - overdue).days,
                    date=long_date(overdue),
                    days=days,
                )
            )
    if listening.nps:
        step.lines.append(message("checklist.nps", column=listening.nps))
    else:
        step.lines.append(message("checklist.no_nps"))
    return step


def _criteria(criteria: Criteria) -> Step:
    step = Step(3, message("step.3"))
    for number, rule in enumerate(criteria.criteria, start=1):
        step.lines.append(
            message(
                "checklist.criterion",
                number=number,
                key=rule.key,
                label=rule.label,
                when=rule.when.strip(),
            )
        )
    for warning in criteria.warnings:
        if warning.code == "criteria-set-aside":
            step.warnings.append(warning.message)
    return step


def _problems(criteria: Criteria) -> Step:
    step = Step(4, message("step.4"))
    if not criteria.problems:
        step.lines.append(message("checklist.no_problems"))
    for rule in criteria.problems:
        key = "checklist.problem_compensable" if rule.compensable else "checklist.problem"
        step.lines.append(message(key, key=rule.key, label=rule.label, when=rule.when.strip()))
    return step


def _act(criteria: Criteria) -> Step:
    step = Step(5, message("step.5"))
    if any(rule.compensable for rule in criteria.problems):
        step.lines.append(
            message(
                "checklist.compensation",
                count=criteria.compensate_with,
                total=len(criteria.criteria),
            )
        )
    order = ", ".join(
        message(f"checklist.order.{'desc' if key.descending else 'asc'}", column=key.column)
        for key in criteria.policy.order_by
    )
    step.lines.append(message("checklist.priority", order=order or message("checklist.by_id")))
    return step


def input_step(customers: CustomerList, result: Classification, rules: Criteria) -> Step:
    """The list `portfolio check INPUT` read, checked: how it was read, the kinds of the
    columns the criteria use, and how many customers each rule holds for (in `result`, the
    list classified)."""
    from portfolio_cli.criteria import required_columns

    info = customers.info
    step = Step(0, message("step.input"))
    step.lines.append(
        plural(
            # encoding and delimiter are a CSV's: a workbook or Parquet file has neither
            "check.input" if info.format == "csv" else "check.input_other",
            len(customers),
            source=info.source,
            columns=len(customers.header),
            format=info.format,
            encoding=info.encoding,
            delimiter=repr(info.delimiter),
        )
    )
    step.warnings.extend(info.notes)
    used = [c for c in required_columns(rules) if c in customers.kinds]
    read = ", ".join(f"{c} ({customers.kinds[c].label})" for c in used)
    step.lines.append(message("check.columns_read", columns=read))
    for outcome in result.results:
        key = "check.problem_present" if outcome.is_problem else "check.criterion_met"
        unknown = int(outcome.unknown.sum())
        note = message("check.unjudged", count=unknown) if unknown else ""
        step.lines.append(message(key, key=outcome.rule.key, count=int(outcome.met.sum())) + note)
    return step
