"""The same work as a plain row-by-row loop over the csv module (what a script would do).

Usage: python bench/baseline_loop.py IN.csv OUT.csv
"""

from __future__ import annotations

import csv
import sys

from baseline import ACTIONS, HEADER, segment_of


def number(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    rows = []
    with open(source, newline="", encoding="utf-8") as handle:  # noqa: PTH123
        for row in csv.DictReader(handle):
            orders, score = number(row["orders_12m"]), number(row["recommend_score"])
            late, complaints = number(row["late_payments"]), number(row["complaints_12m"])
            met = [
                key
                for key, ok in (
                    ("repeat_buyer", orders is not None and orders >= 3),
                    ("promoter", score is not None and score >= 9),
                    ("pays_on_time", late is not None and late == 0),
                )
                if ok
            ]
            far = row["region"].strip() in ("Corse", "Guyane")
            noisy = complaints is not None and complaints > 3
            active = (["outside_area"] if far else []) + (
                ["chronic_complainer"] if noisy and len(met) < 2 else []
            )
            compensated = ["chronic_complainer"] if noisy and len(met) >= 2 else []
            segment = segment_of(met, active, compensated)
            spent = number(row["total_spent"])
            rows.append(
                (
                    -len(met),
                    len(active),
                    len(compensated),
                    spent is None,
                    -(spent or 0.0),
                    row["customer_id"],
                    row["name"],
                    segment,
                    len(met),
                    "|".join(met),
                    "|".join(active),
                    "|".join(compensated),
                )
            )
    rows.sort(key=lambda r: r[:6])
    with open(out, "w", newline="", encoding="utf-8") as handle:  # noqa: PTH123
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for rank, r in enumerate(rows, start=1):
            writer.writerow([r[5], r[6], r[7], rank, r[8], r[9], r[10], r[11], ACTIONS[r[7]]])


if __name__ == "__main__":
    main()
