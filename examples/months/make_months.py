"""Generate three monthly extracts from ``examples/customers.csv``: 2026-09, 2026-10, 2026-11.

They show what the monthly run (``portfolio report --history``) is for: from one month to the
next some customers improve (they buy again, recommend us, pay on time), some decline (they
stop answering well, pay late), some leave (absent from the next extract) and some arrive.

* 2026-09: the first 280 customers of the example (C0001-C0280), as they are.
* 2026-10: 10 customers leave, C0281-C0290 arrive, 15 improve, 15 decline (8 of them
  strongly: they also stop ordering and would not recommend us; the others only pay late).
* 2026-11: 8 more leave, C0291-C0300 arrive, 15 improve, 15 decline.

Seeded (``random.Random(2026_09)``): rerunning it gives the same bytes. From the repository
root::

    python examples/months/make_months.py
"""

from __future__ import annotations

import csv
from pathlib import Path
from random import Random

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "customers.csv"
MONTHS = ("2026-09", "2026-10", "2026-11")
FIRST = 280  # customers in the first month; the others arrive later
ARRIVALS = {"2026-10": range(280, 290), "2026-11": range(290, 300)}
LEAVING = {"2026-10": 10, "2026-11": 8}
CHANGES = 15  # customers who improve, and customers who decline, each month

Row = dict[str, str]


def improve(row: Row) -> None:
    """Buys regularly, recommends us, pays on time, complains less."""
    row["orders_12m"] = str(max(int(row["orders_12m"]), 3) + 1)
    row["recommend_score"] = "10"
    row["late_payments"] = "0"
    row["complaints_12m"] = str(min(int(row["complaints_12m"]), 1))


def decline(row: Row, strongly: bool) -> None:
    """Pays late; when `strongly`, also stops ordering and would not recommend us."""
    row["late_payments"] = str(int(row["late_payments"] or 0) + 2)
    if strongly:
        row["orders_12m"] = "1"
        row["recommend_score"] = "4"


def main() -> None:
    """Write the three months and print what changed in each."""
    with SOURCE.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        columns = list(reader.fieldnames or [])
        everyone = list(reader)
    random = Random(2026_09)
    current = [dict(row) for row in everyone[:FIRST]]
    for month in MONTHS:
        if month in ARRIVALS:
            leaving = set(random.sample(range(len(current)), LEAVING[month]))
            current = [row for index, row in enumerate(current) if index not in leaving]
            current += [dict(everyone[index]) for index in ARRIVALS[month]]
            changed = random.sample(range(len(current)), 2 * CHANGES)
            for index in changed[:CHANGES]:
                improve(current[index])
            for number, index in enumerate(changed[CHANGES:]):
                decline(current[index], strongly=number % 2 == 0)
        path = HERE / f"{month}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(current)
        print(f"{path.name}: {len(current)} customers")


if __name__ == "__main__":
    main()
