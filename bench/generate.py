"""Seeded customer lists for the benchmarks: ``python bench/generate.py 1000000``.

Writes ``bench/data/customers_<rows>.csv`` (gitignored; ``--out DIR`` elsewhere, e.g. 50M rows
under /tmp) with the columns of
``examples/customers.csv``, so ``criteria.example.yaml`` runs on it as is. Same seed, same bytes.
About 6 % of scores and 3 % of late payments are blank; totals repeat often, so the priority
rank has real ties to break. ``--split N`` also writes N small files of ``rows`` rows each under
``bench/data/batch_<N>x<rows>/`` for the batch benchmark.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

DATA = Path(__file__).resolve().parent / "data"
REGIONS = np.array(
    ["Île-de-France", "Auvergne-Rhône-Alpes", "Occitanie", "Bretagne", "Corse", "Guyane",
     "Grand Est", "Normandie", "Hauts-de-France", "Nouvelle-Aquitaine"]
)  # fmt: skip
CITIES = np.array(["Paris", "Lyon", "Toulouse", "Rennes", "Ajaccio", "Cayenne", "Nancy", "Caen"])
NAMES = np.array(["Maison", "Boulangerie", "Cave", "Épicerie", "Restaurant", "Domaine"])
FAMILY = np.array(["Dubois", "Pagès", "Martin", "Bernard", "=cmd", "Lefèvre", "Roux", "Morel"])


def table(rows: int, seed: int, start: int = 0) -> pa.Table:
    """`rows` customers, ids C{start+1:08d}..; deterministic for a seed."""
    rng = np.random.default_rng(seed)
    ids = np.char.add("C", np.char.zfill(np.arange(start + 1, start + rows + 1).astype(str), 8))
    names = np.char.add(np.char.add(NAMES[rng.integers(0, len(NAMES), rows)], " "),
                        FAMILY[rng.integers(0, len(FAMILY), rows)])  # fmt: skip
    score = rng.integers(0, 11, rows).astype(str).astype(object)
    score[rng.random(rows) < 0.06] = ""
    late = rng.poisson(0.6, rows).astype(str).astype(object)
    late[rng.random(rows) < 0.03] = ""
    days = rng.integers(0, 900, rows)
    dates = (np.datetime64("2026-11-30") - days.astype("timedelta64[D]")).astype(str)
    spent = np.round(rng.gamma(2.0, 800.0, rows), 0)  # whole euros: many ties
    return pa.table(
        {
            "customer_id": ids,
            "name": names,
            "city": CITIES[rng.integers(0, len(CITIES), rows)],
            "region": REGIONS[rng.integers(0, len(REGIONS), rows)],
            "postal_code": np.char.zfill(rng.integers(1000, 96000, rows).astype(str), 5),
            "orders_12m": rng.poisson(2.5, rows),
            "total_spent": spent,
            "last_order_date": dates,
            "recommend_score": pa.array(score.tolist(), pa.string()),
            "complaints_12m": rng.poisson(1.2, rows),
            "late_payments": pa.array(late.tolist(), pa.string()),
        }
    )


def write(data: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    options = pa_csv.WriteOptions(quoting_style="none", include_header=False)
    with path.open("wb") as sink:
        sink.write((",".join(data.column_names) + "\n").encode())
        pa_csv.write_csv(data, sink, write_options=options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int, nargs="+")
    parser.add_argument("--split", type=int, default=0, help="also write N files of ROWS rows")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=DATA, help="folder (default bench/data)")
    args = parser.parse_args()
    for rows in args.rows:
        if args.split:
            folder = args.out / f"batch_{args.split}x{rows}"
            for index in range(args.split):
                write(table(rows, args.seed + index, index * rows), folder / f"c{index:03d}.csv")
            print(folder)
        else:
            path = args.out / f"customers_{rows}.csv"
            step = 500_000  # bounded memory for 5M rows
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as sink:
                for offset in range(0, rows, step):
                    part = table(min(step, rows - offset), args.seed + offset, offset)
                    options = pa_csv.WriteOptions(quoting_style="none", include_header=False)
                    if offset == 0:
                        sink.write((",".join(part.column_names) + "\n").encode())
                    pa_csv.write_csv(part, sink, write_options=options)
            print(path, f"{path.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
