"""Time `portfolio report` on the example and on 100,000 customers, with and without history.

Run by hand from the repository root (not part of the tests; figures go in the closing note):

    python bench/report_bench.py [--runs 3]

It writes bench/data/customers-100k.csv (the example replicated with unique ids; ignored by git)
and, for the run with history, a history file that already holds the previous month, so the
timed run is a realistic second month: it stores a snapshot and reads the migration back.
Each figure is the median wall time of whole `portfolio` processes.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
EXAMPLE = ROOT / "examples" / "customers.csv"
CRITERIA = ROOT / "criteria.example.yaml"


def make_big(rows: int) -> Path:
    """The example replicated to `rows` customers, ids made unique."""
    target = DATA / f"customers-{rows // 1000}k.csv"
    if target.exists():
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    with EXAMPLE.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        base = list(reader)
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        for index in range(rows):
            row = list(base[index % len(base)])
            row[0] = f"C{index:07d}"
            writer.writerow(row)
    return target


def timed(args: list[str], runs: int, before: list[str] | None = None) -> float:
    """Median seconds of `portfolio ARGS`; `before` runs (untimed) ahead of each run."""
    times = []
    for _ in range(runs):
        if before:
            subprocess.run([sys.executable, "-m", "portfolio_cli", *before], check=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "portfolio_cli", *args], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print one line per case: the command and its median time."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    big = make_big(100_000)
    for label, source in (("example (300)", EXAMPLE), ("100,000", big)):
        report = out / "report.html"
        common = [str(source), "-c", str(CRITERIA), "-q", "-o", str(report)]
        plain = timed(["report", *common, "--as-of", "2026-11-30"], runs)
        print(f"{label:>14}  report, no history     {plain:6.2f} s  {report.stat().st_size} bytes")
        history = out / "history.sqlite"
        seed = out / "seed.sqlite"
        seed.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-m", "portfolio_cli", "report", *common, "--as-of", "2026-10-31",
             "--history", str(seed)],
            check=True,
        )  # fmt: skip
        times = []
        for _ in range(runs):
            shutil.copyfile(seed, history)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "portfolio_cli", "report", *common, "--as-of",
                 "2026-11-30", "--history", str(history)],
                check=True,
            )  # fmt: skip
            times.append(time.perf_counter() - start)
        print(
            f"{label:>14}  report, 2nd month of history {statistics.median(times):6.2f} s  "
            f"{report.stat().st_size} bytes, history {history.stat().st_size} bytes"
        )
        classify = timed(["classify", str(source), "-c", str(CRITERIA), "-q", "-o",
                          str(out / "out.csv")], runs)  # fmt: skip
        print(f"{label:>14}  classify -o csv (for comparison) {classify:6.2f} s")


if __name__ == "__main__":
    main()
