"""Time `portfolio` against DuckDB, a csv-module loop and pandas `apply(axis=1)`, in one run.

    python bench/generate.py 100000 1000000 5000000 && python bench/generate.py 5000 --split 200
    python bench/run.py [--runs 3] [--big] > bench/out/latest.md

Every approach is a whole process (imports included), started in turn so that a noisy machine
slows them all alike; each figure is the median over the runs, with the peak RSS of the process
(os.wait4). `pip install -e '.[bench]'` brings DuckDB.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
OUT = HERE / "out"
CRITERIA = ROOT / "criteria.example.yaml"
BIN = Path(sys.executable).parent
PORTFOLIO = str(BIN / "portfolio")
PY = sys.executable
AS_OF = "2026-12-01"


def measure(command: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error}")
    return elapsed, usage.ru_maxrss / 1024


def classify(source: Path, out: Path, *extra: str) -> list[str]:
    return [
        PORTFOLIO,
        "classify",
        str(source),
        "-c",
        str(CRITERIA),
        "-o",
        str(out),
        "--as-of",
        AS_OF,
        "-q",
        *extra,
    ]


def script(name: str, source: Path, out: Path) -> list[str]:
    return [PY, str(HERE / name), str(source), str(out)]


def race(label: str, commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Run each command `runs` times, alternating; median seconds and max RSS per command."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, float] = dict.fromkeys(commands, 0.0)
    for _ in range(runs):
        for name, command in commands.items():
            seconds, peak = measure(command)
            times[name].append(seconds)
            rss[name] = max(rss[name], peak)
        print(
            f"  {label}: " + ", ".join(f"{n} {t[-1]:.2f}s" for n, t in times.items()),
            file=sys.stderr,
        )
    return {name: (statistics.median(times[name]), rss[name]) for name in commands}


def against_duckdb(
    label: str, source: Path, runs: int, **baselines: str
) -> dict[str, tuple[float, float]]:
    """DuckDB, `portfolio classify` and the named baseline scripts on one file, alternated."""
    commands = {
        "duckdb": script("duckdb_query.py", source, OUT / "duck.csv"),
        "portfolio": classify(source, OUT / "portfolio.csv"),
    }
    for name, path in baselines.items():
        commands[name] = script(path, source, OUT / f"{name}.csv")
    return race(label, commands, runs)


def row(name: str, size: str, figures: tuple[float, float], base: float, note: str = "") -> str:
    seconds, peak = figures
    return f"| {name} | {size} | {seconds:.2f} s | {seconds / base:.2f} | {peak:.0f} MiB | {note} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="also 5M rows (streaming path)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    m1, k100 = DATA / "customers_1000000.csv", DATA / "customers_100000.csv"
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.node()}: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{args.runs} runs, medians; × = time / DuckDB's time in the same run.",
        "",
        "| approach | rows | time | × DuckDB | peak RSS | note |",
        "|---|---|---|---|---|---|",
    ]
    one = against_duckdb("1M", m1, args.runs, loop="baseline_loop.py")
    small = against_duckdb("100k", k100, args.runs, apply="baseline_apply.py")
    base = one["duckdb"][0]
    size_mb = m1.stat().st_size / 2**20
    lines += [
        row("DuckDB SQL", "1M", one["duckdb"], base),
        row(
            "portfolio classify",
            "1M",
            one["portfolio"],
            base,
            f"RSS {one['portfolio'][1] / size_mb:.1f}x the CSV ({size_mb:.0f} MiB)",
        ),
        row(
            "csv module loop",
            "1M",
            one["loop"],
            base,
            f"{one['loop'][0] / one['portfolio'][0]:.1f}x portfolio",
        ),
    ]
    apply_1m = small["apply"][0] * 10
    lines += [
        row("DuckDB SQL", "100k", small["duckdb"], small["duckdb"][0]),
        row("portfolio classify", "100k", small["portfolio"], small["duckdb"][0]),
        row(
            "pandas apply(axis=1)",
            "100k",
            small["apply"],
            small["duckdb"][0],
            f"1M extrapolated ×10: {apply_1m:.0f} s = {apply_1m / one['portfolio'][0]:.0f}x "
            "portfolio at 1M",
        ),
    ]
    if args.big:
        m5 = DATA / "customers_5000000.csv"
        big = against_duckdb("5M", m5, max(1, args.runs - 1))
        lines += [
            row("DuckDB SQL", "5M", big["duckdb"], big["duckdb"][0]),
            row("portfolio classify (streamed)", "5M", big["portfolio"], big["duckdb"][0]),
        ]
    start = race(
        "start",
        {
            "python -c pass": [PY, "-c", "pass"],
            "portfolio --help": [PORTFOLIO, "--help"],
        },
        args.runs * 3,
    )
    batch_dir = DATA / "batch_200x5000"
    batch = race(
        "batch",
        {
            "1x1M": classify(m1, OUT / "portfolio.csv"),
            "200x5k": [
                PORTFOLIO,
                "batch",
                str(batch_dir),
                "-c",
                str(CRITERIA),
                "-o",
                str(OUT / "batch"),
                "--as-of",
                AS_OF,
                "-q",
            ],
        },
        args.runs,
    )
    lines += [
        "",
        "| comparison | time | ratio |",
        "|---|---|---|",
        f"| python -c pass | {start['python -c pass'][0]:.3f} s | 1.00 |",
        f"| portfolio --help | {start['portfolio --help'][0]:.3f} s | "
        f"{start['portfolio --help'][0] / start['python -c pass'][0]:.2f} |",
        f"| classify 1 file x 1M rows | {batch['1x1M'][0]:.2f} s | 1.00 |",
        f"| batch 200 files x 5k rows | {batch['200x5k'][0]:.2f} s | "
        f"{batch['200x5k'][0] / batch['1x1M'][0]:.2f} |",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
