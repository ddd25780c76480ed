"""One customer, rule by rule: true, false or unknown, and the values each rule read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow.compute as pc

from portfolio_cli.conditions.kinds import either, suggest
from portfolio_cli.criteria import SEGMENTS, Criteria
from portfolio_cli.engine import Classification
from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message
from portfolio_cli.readers import CustomerList


@dataclass(frozen=True)
class RuleVerdict:
    """A rule for one customer: `true`, `false` or `unknown`, and the cells it read."""

    key: str
    label: str
    when: str
    is_problem: bool
    verdict: str
    compensated: bool
    values: dict[str, str | None]


@dataclass(frozen=True)
class Explanation:
    """Everything `explain` shows for one customer."""

    customer_id: str
    name: str | None
    segment: str
    priority: int
    total: int
    criteria_met: int
    criteria_kept: int
    compensate_with: int
    rules: tuple[RuleVerdict, ...]
    action: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "id": self.customer_id,
            "name": self.name,
            "segment": self.segment,
            "priority": self.priority,
            "total": self.total,
            "criteria_met": self.criteria_met,
            "rules": [
                {
                    "key": r.key,
                    "label": r.label,
                    "kind": "problem" if r.is_problem else "criterion",
                    "when": r.when,
                    "result": r.verdict,
                    "compensated": r.compensated,
                    "values": r.values,
                }
                for r in self.rules
            ],
            "action": self.action,
        }


def explain(
    customers: CustomerList, criteria: Criteria, result: Classification, customer_id: str
) -> Explanation:
    """Explain one customer of a classified list; `InputError` if the id is not in it."""
    ids = customers.text.column(customers.id_column)
    trimmed = pc.utf8_trim_whitespace(ids)
    matches = pc.indices_nonzero(pc.equal(trimmed, customer_id.strip())).to_pylist()
    if not matches:
        pool = [str(v) for v in trimmed.to_pylist() if v is not None]
        # a code typed without its leading zeros (42 for 00042) first, then close spellings
        bare = customer_id.strip().lstrip("0")
        padded = [v for v in pool if bare and v.lstrip("0") == bare and v != customer_id.strip()]
        close = list(dict.fromkeys(padded + suggest(customer_id, pool)))[:3]
        named = {
            "column": customers.id_column,
            "value": customer_id,
            "source": customers.info.source,
        }
        text = (
            message("input.unknown_id_close", close=either(close), **named)
            if close
            else message("input.unknown_id", **named)
        )
        raise InputError(Issue("unknown-id", text))
    row = matches[0]
    rules = []
    for outcome in result.results:
        rule = outcome.rule
        verdict = "unknown" if outcome.unknown[row] else ("true" if outcome.met[row] else "false")
        compensated = bool(
            outcome.is_problem
            and rule.compensable
            and outcome.met[row]
            and result.criteria_met[row] >= criteria.compensate_with
        )
        values = {column: _cell(customers, column, row) for column in rule.condition.columns()}
        rules.append(
            RuleVerdict(
                rule.key,
                rule.label,
                rule.when.strip(),
                outcome.is_problem,
                verdict,
                compensated,
                values,
            )
        )
    name_column = criteria.customers.name
    segment = SEGMENTS[int(result.segment[row])]
    return Explanation(
        customer_id=str(trimmed[row].as_py()),
        name=_cell(customers, name_column, row) if name_column else None,
        segment=segment,
        priority=int(result.priority[row]),
        total=len(result.segment),
        criteria_met=int(result.criteria_met[row]),
        criteria_kept=len(criteria.criteria),
        compensate_with=criteria.compensate_with,
        rules=tuple(rules),
        action=criteria.actions[segment],
    )


def _cell(customers: CustomerList, column: str, row: int) -> str | None:
    """A cell as written in the file; None when blank."""
    value = customers.text.column(column)[row].as_py()
    return value.strip() if value is not None and value.strip() else None
