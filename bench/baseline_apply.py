"""The same work as the pandas script most tutorials write: `DataFrame.apply(axis=1)`.

Usage: python bench/baseline_apply.py IN.csv OUT.csv
"""

from __future__ import annotations

import sys

import pandas as pd
from baseline import ACTIONS, HEADER, segment_of


def judge(row: pd.Series) -> pd.Series:
    met = []
    if row["orders_12m"] >= 3:
        met.append("repeat_buyer")
    if row["recommend_score"] >= 9:
        met.append("promoter")
    if row["late_payments"] == 0:
        met.append("pays_on_time")
    active = []
    if row["region"] in ("Corse", "Guyane"):
        active.append("outside_area")
    compensated = []
    if row["complaints_12m"] > 3:
        (compensated if len(met) >= 2 else active).append("chronic_complainer")
    segment = segment_of(met, active, compensated)
    return pd.Series(
        {
            "segment": segment,
            "criteria_met": len(met),
            "active": len(active),
            "n_compensated": len(compensated),
            "criteria": "|".join(met),
            "problems": "|".join(active),
            "compensated": "|".join(compensated),
        }
    )


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    frame = pd.read_csv(source, dtype={"customer_id": str, "postal_code": str})
    frame = pd.concat([frame, frame.apply(judge, axis=1)], axis=1)
    frame = frame.sort_values(
        ["criteria_met", "active", "n_compensated", "total_spent", "customer_id"],
        ascending=[False, True, True, False, True],
        na_position="last",
    )
    frame["priority"] = range(1, len(frame) + 1)
    frame["action"] = frame["segment"].map(ACTIONS)
    frame[HEADER].to_csv(out, index=False)


if __name__ == "__main__":
    main()
