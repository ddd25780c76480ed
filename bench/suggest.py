"""Time `portfolio suggest`: ``python bench/suggest.py [rows ...]`` (default 1000000).

Writes ``bench/data/suggest_<rows>.csv`` (seeded, gitignored): a customer list whose outcome
`left` follows three planted rules plus noise (months >= 24, plan in plus/premium, an order in
the last 60 days), beside columns of noise, an id and free text. Then runs the whole command
(`portfolio suggest ... --outcome left -o ...`, imports and reading included) `--runs` times
and prints the median wall time, the CPU time and the peak RSS, and whether the planted columns
were found. With ``--telco FILE``, the same for IBM's public Telco churn sample (outcome Churn).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
from timing import DATA

AS_OF = "2026-12-01"


def generate(rows: int, seed: int = 0) -> Path:
    """The seeded list of `rows` customers (written once, reused)."""
    path = DATA / f"suggest_{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    months = rng.integers(0, 72, rows)
    plan = np.array(["basic", "plus", "premium", "trial"])[
        rng.choice(4, rows, p=[0.4, 0.25, 0.2, 0.15])
    ]
    days = rng.integers(0, 365, rows)
    met = (months >= 24).astype(int) + np.isin(plan, ["plus", "premium"]) + (days < 60)
    left = rng.random(rows) < 0.7 * 0.3**met
    last_order = (np.datetime64(AS_OF) - days.astype("timedelta64[D]")).astype(str)
    ids = np.char.add("C", np.char.zfill(np.arange(rows).astype(str), 8))
    table = pa.table(
        {
            "customer_id": ids,
            "months": months,
            "plan": plan,
            "last_order": last_order,
            "monthly_spend": rng.gamma(2.0, 30.0, rows).round(2),
            "region": np.array(["north", "south", "east", "west"])[rng.integers(0, 4, rows)],
            "comment": np.char.add("note ", np.arange(rows).astype(str)),
            "left": np.where(left, "yes", "no"),
        }
    )
    pa_csv.write_csv(table, path)
    return path


def run(source: Path, outcome: str, runs: int) -> tuple[float, float, int, str]:
    """Median wall seconds, median CPU seconds, peak RSS (KiB) and the last run's output."""
    walls, cpus, peak, text = [], [], 0, ""
    output = DATA / "suggested.yaml"
    command = [sys.executable, "-m", "portfolio_cli", "suggest", str(source)]
    command += ["--outcome", outcome, "-o", str(output), "--as-of", AS_OF]
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss)
        assert process.stdout is not None
        text = process.stdout.read().decode("utf-8")
        if status != 0:
            raise SystemExit(f"portfolio suggest failed: {process.stderr.read()!r}")  # type: ignore[union-attr]
    return statistics.median(walls), statistics.median(cpus), peak, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", nargs="*", type=int, default=[1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--telco", type=Path, metavar="FILE", help="telco-customers.csv")
    parser.add_argument("--generate", action="store_true", help="only write the lists")
    options = parser.parse_args()
    if options.generate:
        for rows in options.rows:
            generate(rows)
        return
    # written by a child process: a fork of a process that holds the generated table would count
    # its memory in the peak RSS of the command timed
    here = str(Path(__file__).resolve())
    subprocess.run([sys.executable, here, "--generate", *map(str, options.rows)], check=True)
    print("| list | rows | wall (median) | CPU | peak RSS | AUC held out |")
    print("|---|---|---|---|---|---|")
    sources = [(generate(rows), "left", rows) for rows in options.rows]
    if options.telco is not None:
        sources.insert(0, (options.telco, "Churn", 7043))
    for source, outcome, rows in sources:
        wall, cpu, peak, text = run(source, outcome, options.runs)
        auc = next((line.split()[-1] for line in text.splitlines() if "AUC of" in line), "-")
        print(
            f"| {source.name} | {rows:,} | {wall:.2f} s | {cpu:.2f} s | {peak / 1024:.0f} MiB "
            f"| {auc} |"
        )
        if outcome == "left":
            found = [line.strip() for line in text.splitlines() if line.startswith("  1.")]
            print(f"<!-- first criterion: {found[:1]} -->")


if __name__ == "__main__":
    main()
