"""What both baseline scripts (`baseline_loop.py`, `baseline_apply.py`) share: the segment
decided from the keys a customer meets, the advice per segment, and the output's header (the
columns `portfolio classify` writes, the `action` sentence included)."""

from __future__ import annotations

HEADER = ["customer_id", "name", "segment", "priority", "criteria_met", "criteria",
          "problems", "compensated", "action"]  # fmt: skip

# the `actions:` of criteria.example.yaml
ACTIONS = {
    "satisfied": "Thank them, reward loyalty, ask for referrals.",
    "easy_to_satisfy": "Explain your offer again so that what they expect matches what you give.",
    "unrecoverable": "Do not spend your time here.",
}


def segment_of(met: list[str], active: list[str], compensated: list[str]) -> str:
    """The method's segment: any active problem, else all three criteria with nothing
    compensated, else at least one criterion."""
    if active:
        return "unrecoverable"
    if len(met) == 3 and not compensated:
        return "satisfied"
    return "easy_to_satisfy" if met else "unrecoverable"
