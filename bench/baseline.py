"""What both baseline scripts (`baseline_loop.py`, `baseline_apply.py`) share: the segment
decided from the keys a customer meets, and the output's header."""

from __future__ import annotations

HEADER = ["customer_id", "name", "segment", "priority", "criteria_met", "criteria",
          "problems", "compensated"]  # fmt: skip


def segment_of(met: list[str], active: list[str], compensated: list[str]) -> str:
    """The method's segment: any active problem, else all three criteria with nothing
    compensated, else at least one criterion."""
    if active:
        return "unrecoverable"
    if len(met) == 3 and not compensated:
        return "satisfied"
    return "easy_to_satisfy" if met else "unrecoverable"
