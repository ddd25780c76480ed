"""The five steps of the method as a checklist: what the criteria file says, and what is missing.

Used by `portfolio check` and the monthly report. Pure: it returns steps, it prints nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from portfolio_cli.criteria import Criteria

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
    step = Step(1, "Define satisfaction")
    satisfaction = criteria.satisfaction
    if satisfaction.definition:
        step.lines.append(f'"{satisfaction.definition}"')
    else:
        step.warnings.append(
            "no definition: say in satisfaction.definition what a satisfied customer is for you"
        )
    step.lines.append(f"defined by: {satisfaction.defined_by or 'not said'}")
    customer_side = ("customer", "together")
    nps = criteria.listening.nps
    from_customer = (
        satisfaction.defined_by in customer_side
        or any(rule.defined_by in customer_side for rule in criteria.criteria)
        or any(nps and nps in rule.condition.columns() for rule in criteria.criteria)
    )
    if not from_customer:
        step.warnings.append(
            "no criterion comes from the customer's side: ask them what matters (step 2) and "
            "keep one criterion they would name, or one that reads their 0-10 answer"
        )
    return step


def _listening(criteria: Criteria, as_of: dt.date) -> Step:
    step = Step(2, "Listen to customers")
    listening = criteria.listening
    if listening.last_done is None:
        step.warnings.append(
            "no date of last listening (listening.last_done): ask your customers at least "
            "once a year"
        )
    else:
        due = listening.next_due()
        step.lines.append(
            f"last done {listening.last_done.isoformat()}, every {listening.every_months} "
            f"month{'s' if listening.every_months > 1 else ''}: next due {due}"
        )
        overdue = listening_overdue(criteria, as_of)
        if overdue is not None:
            step.warnings.append(
                f"overdue since {overdue.isoformat()} ({(as_of - overdue).days} days): "
                "ask your customers again, then update listening.last_done"
            )
    if listening.nps:
        step.lines.append(f"NPS from column '{listening.nps}'")
    else:
        step.lines.append("no NPS column (listening.nps): the NPS is not computed")
    return step


def _criteria(criteria: Criteria) -> Step:
    step = Step(3, "Keep three criteria")
    for number, rule in enumerate(criteria.criteria, start=1):
        step.lines.append(f"{number}. {rule.key}: {rule.label} — when {rule.when.strip()}")
    for warning in criteria.warnings:
        if warning.code == "criteria-set-aside":
            step.warnings.append(warning.message)
    return step


def _problems(criteria: Criteria) -> Step:
    step = Step(4, "Define problems")
    if not criteria.problems:
        step.lines.append("no problems defined: every customer who meets a criterion is kept")
    for rule in criteria.problems:
        mark = " (compensable)" if rule.compensable else ""
        step.lines.append(f"{rule.key}: {rule.label}{mark} — when {rule.when.strip()}")
    return step


def _act(criteria: Criteria) -> Step:
    step = Step(5, "Act")
    if any(rule.compensable for rule in criteria.problems):
        step.lines.append(
            f"a compensable problem is compensated by {criteria.compensate_with} of "
            f"{len(criteria.criteria)} criteria met"
        )
    order = ", ".join(str(key) for key in criteria.policy.order_by) or "none"
    step.lines.append(
        "priority: more criteria met, fewer problems, then "
        f"{order if order != 'none' else 'the customer id'}"
    )
    return step
