"""Many client files in one run: one output per input, and one summary row per input.

`expand_inputs` turns paths, globs and folders into a list of files; `plan` pairs each with its
criteria file and output path; `classify_one` does one file (in a worker process when there are
several) and never raises for a user's error: a broken input becomes a failed `Outcome`, so the
other files are still written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from portfolio_cli import messages
from portfolio_cli.errors import Issue, PortfolioError, UsageError
from portfolio_cli.messages import message

if TYPE_CHECKING:
    from portfolio_cli.result import Summary

SUFFIXES = {"csv": ".csv", "json": ".json", "markdown": ".md", "xlsx": ".xlsx"}
INPUT_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".parquet")
SUMMARY_NAME = "summary.csv"
SEGMENT_KEYS = ("satisfied", "easy_to_satisfy", "unrecoverable")
SUMMARY_COLUMNS = (
    "file",
    "customers",
    *SEGMENT_KEYS,
    "quality",
    "nps",
    "unjudged",
    "status",
    "error",
)


@dataclass(frozen=True)
class Job:
    """One input to classify: where it is, which criteria file, where its output goes."""

    source: Path | str  # a file, or a database as written (`is_database`)
    criteria: Path | None  # None: no criteria file for it, the job fails with `problem`
    output: Path
    fmt: str
    as_of: dt.date
    encoding: str | None = None
    delimiter: str | None = None
    chunk_rows: int | None = None
    lang: str = "en"
    problem: str = ""
    engine: str = "auto"
    memory_limit: str | None = None
    out_delimiter: str | None = None  # --out-delimiter; None: each input's own separator
    header_row: int | None = None  # --header-row; None: found in each file
    spark_remote: str | None = None  # --spark-remote, for --engine spark
    spark_master: str | None = None  # --spark-master, for --engine spark
    table: str | None = None  # --table, for a PostgreSQL input
    query: str | None = None  # --query, for a PostgreSQL input
    verbose: bool = False  # --verbose: the outcome says how the input was read

    @property
    def shown(self) -> str:
        """The input as messages and summary.csv name it (a database's password hidden)."""
        return shown_input(self.source)

    @property
    def on_spark(self) -> bool:
        """Runs on Spark: one session in this process for every such job."""
        return self.engine == "spark" or str(self.source).startswith("spark:")


def is_database(argument: str) -> bool:
    """An input that is a database, not a file: PostgreSQL (a URL or libpq's keyword string)
    or a Spark catalog table (`spark:db.customers`)."""
    from portfolio_cli.engines.postgres import is_source

    return argument.startswith("spark:") or is_source(argument)


def shown_input(source: Path | str) -> str:
    """An input as a person reads it: a file's path, a database without its password."""
    if isinstance(source, Path):
        return str(source)
    from portfolio_cli.engines.postgres import redact

    return redact(source)


def _stem(source: Path | str) -> str:
    """The name of an input's output, without its suffix: a file's stem, a Spark table's name
    (`spark:crm.customers` → `crm.customers`), a PostgreSQL database's name."""
    if isinstance(source, Path):
        return source.stem
    if source.startswith("spark:"):
        name = source.removeprefix("spark:")
    else:
        from portfolio_cli.engines.postgres import database_name

        name = database_name(source)
    return re.sub(r"[^\w.-]", "_", name).strip(".") or "database"


@dataclass(frozen=True)
class Outcome:
    """What became of one job: its summary (None when it failed) or the error message."""

    job: Job
    summary: Summary | None
    error: str = ""
    separator: str | None = None  # the input's field separator, when it was read as CSV
    described: tuple[str, ...] = ()  # how it was read (with --verbose)

    @property
    def ok(self) -> bool:
        return self.summary is not None

    def row(self) -> dict[str, Any]:
        """Its line in summary.csv."""
        row: dict[str, Any] = dict.fromkeys(SUMMARY_COLUMNS)
        row["file"] = self.job.shown
        if self.summary is None:
            row["status"], row["error"] = "failed", self.error
            return row
        row.update(self.summary.row())
        row["status"], row["error"] = "ok", ""
        return row


def expand_inputs(arguments: Iterable[str]) -> tuple[list[Path | str], list[str]]:
    """Files named by paths, globs (`clients/*.csv`) or folders (their CSV files), and
    databases (`is_database`, kept as written), in the order given, each once; and the
    arguments that matched nothing."""
    files: list[Path | str] = []
    unmatched: list[str] = []
    for argument in arguments:
        path = Path(argument)
        found: list[Path | str]
        if is_database(argument):
            found = [argument]
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in INPUT_SUFFIXES)
        elif path.exists():
            found = [path]
        elif glob.has_magic(argument):
            matched = glob.glob(argument, recursive=True)  # noqa: PTH207 (absolute patterns too)
            found = sorted(Path(p) for p in matched if Path(p).is_file())
        else:
            found = []
        if not found:
            unmatched.append(argument)
        files += found
    unique = list(dict.fromkeys(files))
    return unique, unmatched


def plan(
    files: Sequence[Path | str],
    folder: Path,
    fmt: str,
    criteria: Path | None,
    criteria_dir: Path | None,
    as_of: dt.date,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    chunk_rows: int | None = None,
    lang: str = "en",
    engine: str = "auto",
    memory_limit: str | None = None,
    out_delimiter: str | None = None,
    header_row: int | None = None,
    spark_remote: str | None = None,
    spark_master: str | None = None,
    table: str | None = None,
    query: str | None = None,
    verbose: bool = False,
) -> list[Job]:
    """One job per file. Raises `UsageError` when two inputs would write the same output or an
    input would overwrite summary.csv. A file without a criteria file (none of its own in
    `criteria_dir`, no common one) becomes a job that fails: the other clients are still done."""
    suffix = SUFFIXES[fmt]
    taken: dict[str, str] = {}
    jobs: list[Job] = []
    for source in files:
        stem, shown = _stem(source), shown_input(source)
        output = folder / f"{stem}{suffix}"
        name = output.name.lower()
        if name == SUMMARY_NAME:
            raise UsageError(
                Issue(
                    "output-clash",
                    message("batch.output_is_summary", source=shown, output=output),
                )
            )
        if name in taken:
            raise UsageError(
                Issue(
                    "output-clash",
                    message("batch.output_clash", first=taken[name], second=shown, output=output),
                )
            )
        taken[name] = shown
        own = _own_criteria(criteria_dir, stem) if criteria_dir else None
        chosen = own or criteria
        problem = ""
        if chosen is None:
            problem = message(
                "batch.no_criteria_for", lang, source=shown, folder=criteria_dir, stem=stem
            )
        jobs.append(
            Job(
                source,
                chosen,
                output,
                fmt,
                as_of,
                encoding,
                delimiter,
                chunk_rows,
                lang,
                problem,
                engine,
                memory_limit,
                out_delimiter,
                header_row,
                spark_remote,
                spark_master,
                table,
                query,
                verbose,
            )
        )
    return jobs


def _own_criteria(folder: Path, stem: str) -> Path | None:
    for suffix in (".yaml", ".yml"):
        candidate = folder / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def classify_one(job: Job) -> Outcome:
    """Classify one file and write its output; a user's error becomes a failed outcome."""
    from portfolio_cli.criteria import load_criteria

    messages.use(job.lang)  # a worker process writes its errors in the batch's language
    if job.criteria is None:
        return Outcome(job, None, job.problem)
    try:
        rules = _load(job.criteria, load_criteria)
        summary, separator, described = _classify_file(job, rules)
    except PortfolioError as exc:
        return Outcome(job, None, " / ".join(str(i).replace("\n", " ") for i in exc.issues))
    except MemoryError:
        return Outcome(job, None, message("batch.out_of_memory"))
    except Exception as exc:  # a bug must not lose the other files' work
        return Outcome(job, None, message("batch.bug", kind=type(exc).__name__, detail=str(exc)))
    return Outcome(job, summary, separator=separator, described=described)


def _classify_file(job: Job, rules: Any) -> tuple[Summary, str | None, tuple[str, ...]]:
    """One input to its output file (written whole or not at all), through the pipeline (read
    in parts when large; a database classified where it is). Returns the summary, the input's
    field separator (None when it is not CSV) and how it was read (with `job.verbose`).
    Warnings are not shown: summary.csv has a row per input."""
    from portfolio_cli import engines, pipeline
    from portfolio_cli.inputs import InputFlags
    from portfolio_cli.writers.sink import OutputSink

    flags = InputFlags(
        job.encoding,
        job.delimiter,
        header_row=job.header_row,
        verbose=job.verbose,
        quiet=True,
        lang=job.lang,
    )
    spark = engines.SparkSettings(job.spark_remote, job.spark_master)
    database = isinstance(job.source, str)  # --table and --query are for the databases only
    table, query = (job.table, job.query) if database else (None, None)
    options = pipeline.Options(
        job.as_of, flags, job.engine, job.memory_limit, spark, table, query, job.chunk_rows
    )
    sink = OutputSink(job.fmt, job.output, _no_stdout, job.out_delimiter)
    done = pipeline.run(str(job.source), rules, sink, options)
    return done.summary, done.delimiter, done.described


def _no_stdout(data: bytes) -> None:  # pragma: no cover - a job always has an output file
    raise AssertionError("a batch job writes to its output file")


_LOADED: dict[tuple[str, int, int], Any] = {}


def _load(path: Path, load: Callable[[Path], Any]) -> Any:
    """A criteria file read once per worker, not once per input (a third of a small file's
    time); read again if it changed."""
    try:
        stat = path.stat()
    except OSError:
        return load(path)  # the loader says what is wrong
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        _LOADED[key] = load(path)
    return _LOADED[key]


def _single_threaded_arrow() -> None:
    """In a worker: one Arrow thread, since every core already has a worker."""
    import pyarrow as pa

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)


def workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run(
    jobs: Sequence[Job],
    done: Callable[[Outcome], None] = lambda _: None,
    processes: int | None = None,
) -> list[Outcome]:
    """Run every job, in worker processes when there is more than one; outcomes in job order.

    With `--engine spark` the jobs run one after the other in this process, on one Spark
    session (Spark runs each file in parallel; a worker process would start its own JVM).
    `done` is called in this process as each job finishes (for a progress bar).
    """
    count = min(processes or workers(), len(jobs))
    if any(job.on_spark for job in jobs):
        count = 1
    if count <= 1:
        outcomes = []
        for job in jobs:
            outcome = classify_one(job)
            done(outcome)
            outcomes.append(outcome)
        return outcomes
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # forkserver: workers fork from a clean process that has imported pandas once, never from
    # this one (forking a process with Arrow threads running can deadlock)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["portfolio_cli.chunked", "portfolio_cli.inputs"])
    _start_resource_tracker()
    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker) as pool:
        futures = {pool.submit(_work, job): index for index, job in enumerate(jobs)}
        try:
            for future in as_completed(futures):
                outcome = future.result()
                results[futures[future]] = outcome
                done(outcome)
        except BaseException:  # SIGTERM, Ctrl-C: stop the workers before going
            _stop(pool, jobs, results)
            raise
    return [results[i] for i in range(len(jobs))]


# --- stopping: SIGTERM (what `timeout` and cron send), SIGHUP, Ctrl-C ------------------------
# A worker that is stopped mid-job removes the temporary file it was writing (the exception
# goes through `atomic_write`) and ends; an idle worker just ends. If the exception is lost on
# the way (C code swallowed it: seen when SIGTERM lands as numpy imports pandas) or does not
# come (a long C call), the worker still ends `WORKER_GRACE` seconds after the signal
# (`signals.arm`), its temporary file removed. The main process, stopped, sends SIGTERM to
# every worker still there and waits for them by their process ids: when the whole process
# group gets SIGTERM the forkserver dies with it, and multiprocessing's own `join()` then
# returns at once while the workers still run (see `_stop`).

WORKER_GRACE = 2.0  # seconds a stopped worker has to end the usual way
# seconds the main process waits for its stopped workers before killing them (SIGKILL)
WORKERS_WAIT = WORKER_GRACE + 3.0

_WORKING = False  # in a worker: a job is running
_STOPPED_WITH: int | None = None  # in a worker: the exit code of the signal received


class _Stopped(BaseException):
    """A worker received a signal during a job (a BaseException: no `except Exception` on the
    way turns it into a failed outcome)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker deaf to SIGHUP, as it is to SIGTERM and Ctrl-C.

    A hangup of the process group (its terminal closed, `timeout -s HUP`) would kill it, and
    the tracker started again in its place prints tracebacks about semaphores it never saw. A
    signal blocked at its start stays blocked in it (the tracker unblocks only SIGINT and
    SIGTERM); here a SIGHUP that comes meanwhile waits to be handled, it is not lost.
    """
    import signal
    from multiprocessing import resource_tracker

    hangup = getattr(signal, "SIGHUP", None)
    if hangup is None or not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        resource_tracker.ensure_running()
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {hangup})
    try:
        resource_tracker.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _start_worker() -> None:
    """In a new worker: one Arrow thread; SIGTERM, SIGHUP and SIGINT stop it cleanly."""
    import signal

    from portfolio_cli import signals

    _single_threaded_arrow()
    for number in signals.STOPPING:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _on_signal)
    signals.arm(WORKER_GRACE)


def _on_signal(number: int, frame: object) -> None:
    import signal

    from portfolio_cli import signals

    global _STOPPED_WITH
    # Ctrl-C reaches the worker, then the main process sends SIGTERM: the second signal must
    # not cut short the removal of the temporary file that the first one started
    # (a handler that does nothing, not SIG_IGN: a signal already on its way would then be
    # raised as "ignored due to race condition")
    for stopping in signals.STOPPING:
        signal.signal(stopping, _already_stopping)
    _STOPPED_WITH = signals.SIGNAL_EXIT + number
    if _WORKING:
        raise _Stopped(_STOPPED_WITH)
    os._exit(_STOPPED_WITH)  # between jobs: nothing to clean


def _already_stopping(number: int, frame: object) -> None:
    """A second signal while the first is being handled: nothing more to do."""


def _work(job: Job) -> Outcome:
    """`classify_one` in a worker; a signal during it ends the worker once the job's temporary
    file is removed, and never lets it start another job."""
    from portfolio_cli import signals

    global _WORKING
    _WORKING = True
    try:
        outcome = classify_one(job)
    except _Stopped as stopped:
        signals.end_now(stopped.code)
        raise  # pragma: no cover - end_now does not return
    finally:
        _WORKING = False
    if _STOPPED_WITH is not None:  # the signal's exception was lost on the way: end now
        signals.end_now(_STOPPED_WITH)
    return outcome


def _stop(pool: Any, jobs: Sequence[Job], finished: Iterable[int]) -> None:
    """No job starts any more; each worker still running gets SIGTERM (it removes its temporary
    file) and is waited for, `WORKERS_WAIT` seconds at most; one that is still there is
    killed, and the temporary files of the jobs that did not finish are removed here."""
    import signal

    # the executor has no public way to its workers (terminate_workers() is Python 3.14)
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    workers = _Workers([process.pid for process in processes if process.pid])
    workers.send(signal.SIGTERM)
    if workers.wait(WORKERS_WAIT):
        return
    workers.send(getattr(signal, "SIGKILL", signal.SIGTERM))
    workers.wait(2.0)
    from portfolio_cli.writers.files import temporary_pattern

    done = set(finished)
    for index, job in enumerate(jobs):
        if index not in done:
            for leftover in job.output.parent.glob(temporary_pattern(job.output)):
                with contextlib.suppress(OSError):
                    leftover.unlink()


class _Workers:
    """The worker processes, by process id: they are the forkserver's children, not ours, and
    the forkserver may be gone (a process group's SIGTERM reaches it too), so they are waited
    for through a pidfd (Linux), else by polling whether each id still runs."""

    def __init__(self, pids: Sequence[int]) -> None:
        self.handles: dict[int, int | None] = {}
        for pid in pids:
            try:
                self.handles[pid] = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
            except ProcessLookupError:
                continue  # already gone
            except OSError:
                self.handles[pid] = None  # no pidfd here (an old kernel): polled by id

    def send(self, number: int) -> None:
        """Send signal `number` to every worker still running."""
        import signal

        for pid, handle in self.handles.items():
            with contextlib.suppress(OSError):  # gone since
                if handle is not None:
                    signal.pidfd_send_signal(handle, number)
                else:
                    os.kill(pid, number)

    def wait(self, seconds: float) -> bool:
        """Wait until every worker has ended, `seconds` at most; whether they all have."""
        import select
        import time

        deadline = time.monotonic() + seconds
        while self.handles:
            for pid, handle in list(self.handles.items()):
                if not _running(pid, handle):
                    if handle is not None:
                        os.close(handle)
                    del self.handles[pid]
            left = deadline - time.monotonic()
            if not self.handles or left <= 0:
                break
            pidfds = [handle for handle in self.handles.values() if handle is not None]
            if len(pidfds) == len(self.handles):  # readable once the process has ended
                select.select(pidfds, [], [], left)
            else:
                time.sleep(min(left, 0.05))
        return not self.handles


def _running(pid: int, handle: int | None) -> bool:
    """Whether worker `pid` still runs (a zombie has ended: it only waits to be reaped)."""
    if handle is not None:
        import select

        readable, _, _ = select.select([handle], [], [], 0)
        return not readable
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # pragma: no cover - someone else's process now: not ours any more
        return False
    try:  # Linux without pidfd: a zombie still answers kill(pid, 0)
        with open(f"/proc/{pid}/stat", "rb") as stat:  # noqa: PTH123
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def summary_separator(outcomes: Sequence[Outcome], chosen: str | None = None) -> str:
    """summary.csv's separator: --out-delimiter, else `;` when every input that was read is a
    `;` CSV file (a French consultant's exports, opened in French Excel), else a comma."""
    if chosen:
        return chosen
    read = [outcome.separator for outcome in outcomes if outcome.ok]
    return ";" if read and all(separator == ";" for separator in read) else ","


def summary_csv(
    outcomes: Sequence[Outcome],
    unmatched: Mapping[str, str] | None = None,
    delimiter: str = ",",
) -> bytes:
    """summary.csv: one row per input, in the order given, then one failed row per pattern
    that matched no file (`unmatched`: pattern → its error message). Separated by `delimiter`,
    with a byte order mark when that is `;` (see `formats.wants_bom`)."""
    import pyarrow as pa

    from portfolio_cli.writers.formats import to_csv, wants_bom

    rows = [outcome.row() for outcome in outcomes]
    for pattern, error in (unmatched or {}).items():
        row: dict[str, Any] = dict.fromkeys(SUMMARY_COLUMNS)
        row["file"], row["status"], row["error"] = pattern, "failed", error
        rows.append(row)
    columns = {
        "file": pa.array([r["file"] for r in rows], pa.string()),
        "customers": pa.array([r["customers"] for r in rows], pa.int64()),
        **{key: pa.array([r[key] for r in rows], pa.int64()) for key in SEGMENT_KEYS},
        "quality": pa.array([r["quality"] for r in rows], pa.float64()),
        "nps": pa.array([r["nps"] for r in rows], pa.float64()),
        "unjudged": pa.array([r["unjudged"] for r in rows], pa.int64()),
        "status": pa.array([r["status"] for r in rows], pa.string()),
        "error": pa.array([r["error"] for r in rows], pa.string()),
    }
    return to_csv(pa.table(columns), delimiter, wants_bom(delimiter, to_file=True))
