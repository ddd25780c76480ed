"""Every output of `portfolio` on fixed inputs, written to one folder, to compare two versions.

    python bench/outputs.py OUT --venv /tmp/venv-before [--big]     # writes OUT/
    python bench/outputs.py OUT2 --portfolio /path/to/portfolio [--big]
    python bench/outputs.py --compare OUT OUT2                        # exit 1 if any byte differs

A fixed list of commands (classify to every format, report, profile, explain, check, sql, batch,
history) runs on the example, the French fixture, every corpus file (errors included), monthly
snapshots and, with `--big`, the 1M and 5M generated lists (`bench/generate.py 1000000
5000000`). Each case runs in its own folder `OUT/<case>/`, with the inputs copied to `OUT/in/`
and named by relative paths, so no absolute path reaches an output. For each step the folder
holds the files it wrote, `<step>.stdout`, `<step>.stderr` and `<step>.exit`; steps marked tty
run on a pseudo-terminal (80x50) and keep what it showed in `<step>.tty`. Environment:
NO_COLOR=1, COLUMNS=100, LANG=C.UTF-8, TZ=UTC, no PORTFOLIO_* variable.

Two runs of one version give the same bytes (checked: every file), but for two things:
- an .xlsx file holds the time it was written (xlsxwriter's docProps/core.xml, no option of
  ours sets it): each workbook is unpacked to `<name>.xlsx.d/` (every member, and
  `_members.txt`: name, size, date and compression of each) with that time replaced by `TIME`;
- a history file records when each snapshot was written (`created`): the SQLite file is deleted
  after its case and not compared (the `history` command's outputs never show that time).
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-23"  # the example's day
BIG_AS_OF = "2026-12-05"
COLUMNS = 100
MONTHS = ("2026-09", "2026-10", "2026-11")
SIZES = (1_000_000, 5_000_000)

# The French fixture's own rules, the ones its tests run (tests/conftest.py: FRENCH_CRITERIA).
FRENCH_CRITERIA = ROOT / "tests" / "data" / "customers-fr.criteria.yaml"
CORPUS_CRITERIA = """\
version: 1
customers:
  id: id
criteria:
  - key: known
    when: not missing(id)
"""
# test_orders' three customers with their orders and surveys (tests/conftest.py: ORDERS_DATA),
# under the names the orders case gives them.
ORDERS_FILES = {
    "rules.yaml": "orders.yaml",
    "customers.csv": "small.csv",
    "orders.csv": "orders.csv",
    "surveys.csv": "surveys.csv",
}


@dataclass
class Step:
    name: str
    args: list[str]
    tty: bool = False


@dataclass
class Case:
    name: str
    steps: list[Step] = field(default_factory=list)

    def add(self, name: str, *args: str, tty: bool = False) -> None:
        self.steps.append(Step(name, list(args), tty))


def _list(source: str, criteria: str, as_of: str, lang: str | None = None) -> list[str]:
    """Input, criteria and date options; paths relative to a case's folder."""
    return [f"../in/{source}", "-c", f"../in/{criteria}", "--as-of", as_of] + (
        ["--lang", lang] if lang else []
    )


def classify_every_format(case: Case, base: list[str]) -> None:
    """`classify` to CSV on stdout and to each file format, with and without --keep-columns;
    then JSON on stdout."""
    for keep in (False, True):
        more = ["--keep-columns"] if keep else []
        tag = "-keep" if keep else ""
        case.add(f"classify{tag}-stdout-csv", "classify", *base, "-f", "csv", *more)
        for suffix in ("csv", "json", "md", "xlsx"):
            case.add(
                f"classify{tag}-{suffix}", "classify", *base, "-o", f"out{tag}.{suffix}", *more
            )
    case.add("classify-stdout-json", "classify", *base, "-f", "json")


def rules_case(name: str, source: str, criteria: str, person_id: str) -> Case:
    """The main commands with another criteria file."""
    case = Case(name)
    base = _list(source, criteria, AS_OF)
    fr = _list(source, criteria, AS_OF, "fr")
    classify_every_format(case, base)
    case.add("classify-fr-table-tty", "classify", *fr, tty=True)
    case.add("classify-duckdb-csv", "classify", *base, "--engine", "duckdb", "-o", "duckdb.csv")
    case.add("classify-streamed", "classify", *base, "--chunk-rows", "50", "-o", "streamed.csv")
    case.add("report-fr-html", "report", *fr, "-o", "report-fr.html")
    case.add("report-en-md", "report", *base, "-o", "report-en.md")
    case.add("explain-json", "explain", *base[:1], person_id, *base[1:], "-f", "json")
    case.add("check-input", "check", *base)
    for dialect in ("duckdb", "postgres", "spark"):
        case.add(f"sql-{dialect}", "sql", *base[1:], "--dialect", dialect)
    return case


def every_command_case(name: str, source: str, criteria: str, person_id: str) -> Case:
    """Every command on one customer list, every option that changes its output."""
    case = Case(name)
    base = _list(source, criteria, AS_OF)
    fr = _list(source, criteria, AS_OF, "fr")
    classify_every_format(case, base)
    case.add("classify-stdout-md", "classify", *base, "-f", "markdown")
    case.add("classify-table-pipe", "classify", *base, "--limit", "0")
    case.add("classify-table-tty", "classify", *base, tty=True)
    case.add("classify-fr-table-tty", "classify", *fr, tty=True)
    case.add("classify-fr-csv", "classify", *fr, "-o", "out-fr.csv")
    case.add("classify-fr-md", "classify", *fr, "-o", "out-fr.md")
    case.add("classify-fr-xlsx", "classify", *fr, "-o", "out-fr.xlsx", "--keep-columns")
    case.add("classify-semicolon", "classify", *base, "--out-delimiter", ";", "-o", "out-semi.csv")
    case.add("classify-comma", "classify", *base, "--out-delimiter", ",", "-f", "csv")
    case.add("classify-segment", "classify", *base, "--segment", "easy_to_satisfy", "-f", "csv")
    case.add("classify-fail-under", "classify", *base, "--fail-under", "90", "-o", "fail.json")
    case.add("classify-verbose", "classify", *base, "-v", "-o", "verbose.csv")
    case.add("classify-quiet", "classify", *base, "-q", "-o", "quiet.csv")
    case.add("classify-streamed", "classify", *base, "--chunk-rows", "50", "-o", "streamed.csv")
    for engine in ("arrow", "duckdb"):
        case.add(
            f"classify-{engine}-csv", "classify", *base, "--engine", engine, "-o", f"{engine}.csv"
        )
        case.add(f"classify-{engine}-json", "classify", *base, "--engine", engine, "-f", "json")
    case.add("classify-stdin", "classify", "-", *base[1:], "-f", "csv")
    for lang, opts in (("en", base), ("fr", fr)):
        case.add(f"report-{lang}-html", "report", *opts, "-o", f"report-{lang}.html")
        case.add(f"report-{lang}-md", "report", *opts, "-o", f"report-{lang}.md")
    case.add("report-all", "report", *base, "--limit", "0", "-o", "report-all.md")
    case.add("report-duckdb", "report", *base, "--engine", "duckdb", "-o", "report-duckdb.html")
    profile = [f"../in/{source}", "-c", f"../in/{criteria}", "--as-of", AS_OF]
    case.add("profile-table", "profile", *profile)
    case.add("profile-table-tty", "profile", *profile, tty=True)
    case.add("profile-fr", "profile", *profile, "--lang", "fr")
    case.add("profile-csv", "profile", *profile, "-f", "csv")
    case.add("profile-json", "profile", *profile, "-f", "json", "--all-columns", "-n", "3")
    case.add("profile-file", "profile", *profile, "-o", "profile.json")
    case.add("explain", "explain", *base[:1], person_id, *base[1:])
    case.add("explain-tty", "explain", *base[:1], person_id, *base[1:], tty=True)
    case.add("explain-json", "explain", *base[:1], person_id, *base[1:], "-f", "json")
    case.add("explain-fr", "explain", *fr[:1], person_id, *fr[1:])
    case.add("explain-unknown-id", "explain", *base[:1], "NOBODY", *base[1:])
    case.add("check-criteria", "check", *base[1:])
    case.add("check-input", "check", *base)
    case.add("check-input-tty", "check", *base, tty=True)
    case.add("check-input-fr", "check", *fr)
    for dialect in ("duckdb", "postgres", "spark", "bigquery", "snowflake"):
        case.add(f"sql-{dialect}", "sql", *base[1:], "--dialect", dialect)
    case.add("sql-summary", "sql", *base[1:], "--part", "summary", "-t", "crm.customers")
    case.add("sql-fr", "sql", *fr[1:], "--part", "customers")
    return case


def corpus_case(names: list[str]) -> Case:
    """Each corpus file (odd shapes and broken files): typed columns as read, or the error."""
    case = Case("corpus")
    for name in names:
        base = _list(f"corpus/{name}", "corpus.yaml", AS_OF)
        case.add(f"{name}.classify-csv", "classify", *base, "-f", "csv", "--keep-columns")
        case.add(f"{name}.classify-json", "classify", *base, "-f", "json", "--keep-columns", "-v")
        case.add(f"{name}.classify-xlsx", "classify", *base, "-o", f"{name}.xlsx", "--keep-columns")
        case.add(f"{name}.check", "check", *base, "-v")
    batch = ["-c", "../in/corpus.yaml", "--as-of", AS_OF, "-j", "1"]
    case.add("batch-csv", "batch", "../in/corpus", *batch, "-o", "batch-csv")
    case.add("batch-json", "batch", "../in/corpus/*.csv", *batch, "-f", "json", "-o", "batch-json")
    return case


def batch_case() -> Case:
    case = Case("batch")
    inputs = ["../in/customers.csv", "../in/customers-fr.csv", "../in/months/*.csv"]
    common = ["-c", "../in/criteria.example.yaml", "--as-of", AS_OF]
    for fmt in ("csv", "json", "markdown", "xlsx"):
        case.add(f"batch-{fmt}", "batch", *inputs, *common, "-f", fmt, "-o", f"out-{fmt}")
    case.add("batch-j1", "batch", *inputs, *common, "-j", "1", "-o", "out-j1")
    case.add("batch-fr", "batch", *inputs, *common, "--lang", "fr", "-o", "out-fr")
    case.add("batch-missing", "batch", *inputs, "../in/nothing-*.csv", *common, "-o", "out-miss")
    return case


def history_case() -> Case:
    """Three monthly snapshots, then every view of them; the sqlite file itself is not kept."""
    case = Case("history")
    crit = ["-c", "../in/criteria.example.yaml"]
    for month, day in zip(MONTHS, ("2026-09-30", "2026-10-31", "2026-11-30"), strict=True):
        case.add(
            f"snapshot-{month}",
            "classify",
            f"../in/months/{month}.csv",
            *crit,
            "--as-of",
            day,
            "--history",
            "h.sqlite",
            "-o",
            f"{month}.csv",
        )
    november = ["../in/months/2026-11.csv", *crit, "--as-of", "2026-11-30", "--history", "h.sqlite"]
    case.add("report-html", "report", *november, "-o", "report.html")
    case.add("report-md-fr", "report", *november, "-o", "report.md", "--lang", "fr")
    for fmt in ("table", "csv", "json"):
        case.add(f"list-{fmt}", "history", "h.sqlite", "-f", fmt)
        case.add(f"moves-{fmt}", "history", "h.sqlite", "--from", "2026-09-30", "-f", fmt)
        case.add(
            f"latest-{fmt}", "history", "--history", "h.sqlite", "--to", "2026-11-30", "-f", fmt
        )
    case.add("list-tty", "history", "h.sqlite", tty=True)
    case.add("moves-fr", "history", "h.sqlite", "--to", "2026-10-31", "--lang", "fr")
    case.add("moves-semicolon", "history", "h.sqlite", "-f", "csv", "--out-delimiter", ";")
    case.add("unknown-date", "history", "h.sqlite", "--to", "2020-01-01")
    case.add("missing-file", "history", "none.sqlite")
    return case


def orders_case() -> Case:
    case = Case("orders")
    base = _list("small.csv", "orders.yaml", AS_OF)
    extra = ["--orders", "../in/orders.csv", "--surveys", "../in/surveys.csv"]
    case.add("classify-csv", "classify", *base, *extra, "-f", "csv", "--keep-columns")
    case.add("classify-json-fr", "classify", *base, *extra, "-f", "json", "-v", "--lang", "fr")
    case.add("explain", "explain", base[0], "A", *base[1:], *extra)
    case.add("check", "check", *base, *extra)
    return case


def telco_case() -> Case:
    case = Case("telco")
    base = [
        "../in/telco-customers.csv",
        "-c",
        "../in/telco-profile.criteria.yaml",
        "--as-of",
        AS_OF,
    ]
    case.add("profile-outcome", "profile", *base, "--outcome", "Churn")
    case.add("profile-outcome-json", "profile", *base, "--outcome", "Churn", "-f", "json")
    case.add("report-outcome", "report", *base, "--outcome", "Churn", "-o", "report.md")
    case.add("classify-csv", "classify", *base, "-o", "telco.csv")
    return case


def big_cases() -> Iterator[Case]:
    for rows in SIZES:
        case = Case(f"big-{rows}")
        base = _list(f"customers_{rows}.csv", "criteria.example.yaml", BIG_AS_OF)
        case.add("classify-csv", "classify", *base, "-o", "out.csv")
        case.add("classify-json", "classify", *base, "-o", "out.json")
        case.add("classify-duckdb-csv", "classify", *base, "--engine", "duckdb", "-o", "duck.csv")
        yield case


def copy_inputs(repo: Path, into: Path, big: bool, telco: Path | None) -> list[str]:
    """The inputs, under `into`; returns the corpus file names."""
    into.mkdir(parents=True)
    shutil.copy(repo / "examples" / "customers.csv", into)
    shutil.copy(repo / "criteria.example.yaml", into)
    shutil.copy(repo / "examples" / "telco-profile.criteria.yaml", into)
    shutil.copy(repo / "tests" / "data" / "customers-fr.csv", into)
    shutil.copytree(repo / "tests" / "data" / "corpus", into / "corpus")
    (into / "months").mkdir()
    for month in MONTHS:
        shutil.copy(repo / "examples" / "months" / f"{month}.csv", into / "months")
    shutil.copy(FRENCH_CRITERIA, into / "french.yaml")
    (into / "corpus.yaml").write_text(CORPUS_CRITERIA, encoding="utf-8")
    for name, copy in ORDERS_FILES.items():
        shutil.copy(ROOT / "tests" / "data" / "orders" / name, into / copy)
    if telco:
        shutil.copy(telco, into / "telco-customers.csv")
    if big:
        for rows in SIZES:
            data = ROOT / "bench" / "data" / f"customers_{rows}.csv"  # generated here
            if not data.exists():
                raise SystemExit(f"{data} is missing: python bench/generate.py 1000000 5000000")
            (into / data.name).symlink_to(data)
    return sorted(p.name for p in (into / "corpus").iterdir())


def environment() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PORTFOLIO_", "LC_", "SPARK_")) and k != "LANG"
    }
    env.update(NO_COLOR="1", COLUMNS=str(COLUMNS), LINES="50", LANG="C.UTF-8", TZ="UTC")
    env.pop("FORCE_COLOR", None)
    return env


def run_on_tty(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[bytes, int]:
    """What a terminal of COLUMNS x 50 shows (stdout and stderr together), and the exit code."""
    import fcntl
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, COLUMNS, 0, 0))
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        env={**env, "TERM": "xterm"},
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return bytes(shown), process.wait()


def run_case(case: Case, portfolio: str, out: Path, env: dict[str, str]) -> None:
    """Run a case's steps in its folder; `_commands.txt` there lists them."""
    folder = out / case.name
    folder.mkdir()
    log = (folder / "_commands.txt").open("w", encoding="utf-8")
    for step in case.steps:
        argv = [portfolio, *step.args]
        log.write(f"{step.name}: portfolio {' '.join(step.args)}\n")
        log.flush()
        if step.tty:
            shown, code = run_on_tty(argv, folder, env)
            (folder / f"{step.name}.tty").write_bytes(shown)
        else:
            stdin = (out / "in" / "customers.csv").read_bytes() if step.args[1:2] == ["-"] else b""
            done = subprocess.run(
                argv,
                cwd=folder,
                env=env,
                input=stdin,
                capture_output=True,
                timeout=1800,
                check=False,
            )
            (folder / f"{step.name}.stdout").write_bytes(done.stdout)
            (folder / f"{step.name}.stderr").write_bytes(done.stderr)
            code = done.returncode
        (folder / f"{step.name}.exit").write_text(f"{code}\n")
    log.close()
    for sqlite in folder.glob("*.sqlite*"):
        sqlite.unlink()
    for book in sorted(folder.rglob("*.xlsx")):
        unpack_xlsx(book)


CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)")


def unpack_xlsx(book: Path) -> None:
    """Replace a workbook by its members, its creation time replaced by TIME."""
    target = book.with_name(book.name + ".d")
    target.mkdir()
    members: list[str] = []
    with zipfile.ZipFile(book) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "docProps/core.xml":
                data = CORE_TIMES.sub(rb"\1TIME\2", data)
            members.append(
                f"{info.filename} {info.file_size} {info.date_time} {info.compress_type}"
            )
            path = target / info.filename
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    (target / "_members.txt").write_text("\n".join(members) + "\n")
    book.unlink()


def produce(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists():
        raise SystemExit(f"{out} exists: give a new folder")
    portfolio = args.portfolio or str(Path(args.venv) / "bin" / "portfolio")
    repo: Path = args.repo
    telco = repo.parent / "shared" / "data" / "telco-customers.csv"
    names = copy_inputs(repo, out / "in", args.big, telco if telco.exists() else None)
    cases = [
        every_command_case("example", "customers.csv", "criteria.example.yaml", "C0114"),
        every_command_case("french", "customers-fr.csv", "criteria.example.yaml", "C0114"),
        rules_case("french-rules", "customers-fr.csv", "french.yaml", "C0007"),
        corpus_case(names),
        batch_case(),
        history_case(),
        orders_case(),
    ]
    if telco.exists():
        cases.append(telco_case())
    if args.big:
        cases.extend(big_cases())
    if args.only:
        cases = [case for case in cases if case.name in args.only]
    env = environment()
    version = subprocess.run(
        [portfolio, "--version"], env=env, capture_output=True, text=True, check=False
    )
    print(f"{portfolio}: {version.stdout.strip()}", file=sys.stderr)
    for case in cases:
        print(f"{case.name}: {len(case.steps)} commands", file=sys.stderr)
        run_case(case, portfolio, out, env)
    return 0


def same(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as one, b.open("rb") as two:
        while True:
            x, y = one.read(1 << 20), two.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def first_difference(a: Path, b: Path) -> str:
    """The first line that differs, both sides, shortened."""
    with a.open("rb") as one, b.open("rb") as two:
        for number, (x, y) in enumerate(zip(_lines(one), _lines(two), strict=False), start=1):
            if x != y:
                return f"line {number}:\n    - {x[:240]!r}\n    + {y[:240]!r}"
    return "one file is a prefix of the other"


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    yield from stream
    while True:
        yield b"<end of file>"


def files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


def compare(a: Path, b: Path) -> int:
    """Print what differs; a case run on one side only (--big, --only) is named, not counted."""
    cases = {p.name for p in a.iterdir()} ^ {p.name for p in b.iterdir()}
    for case in sorted(cases):
        print(f"case run in {a if (a / case).exists() else b} only: {case}")
    left = {name for name in files(a) if name.split("/")[0] not in cases}
    right = {name for name in files(b) if name.split("/")[0] not in cases}
    differ = 0
    for name in sorted(left | right):
        if name not in right or name not in left:
            print(f"only in {a if name in left else b}: {name}")
            differ += 1
        elif not same(a / name, b / name):
            print(f"differs: {name}  {first_difference(a / name, b / name)}")
            differ += 1
    kinds: dict[str, int] = {}
    for name in left & right:
        kind = name.rsplit(".", 1)[-1] if "." in Path(name).name else "other"
        kinds[kind] = kinds.get(kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(f"{len(left & right)} files in both ({summary}); {differ} differ or are missing")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?", help="folder to create and fill")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--portfolio", help="the portfolio executable to run")
    which.add_argument("--venv", help="a virtual environment holding portfolio")
    which.add_argument("--compare", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"))
    parser.add_argument(
        "--repo",
        type=Path,
        default=ROOT,
        help="where the inputs are taken from (default: this checkout)",
    )
    parser.add_argument("--big", action="store_true", help="also the 1M and 5M generated lists")
    parser.add_argument("--only", nargs="+", metavar="CASE", help="only these cases")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None or not (args.portfolio or args.venv):
        parser.error("give OUT and --portfolio or --venv, or --compare DIR_A DIR_B")
    return produce(args)


if __name__ == "__main__":
    sys.exit(main())
