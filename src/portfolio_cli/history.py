"""Snapshots of the portfolio kept month after month, and how customers moved between segments.

Step 5 of the method says "repeat regularly": the value is in seeing the portfolio move. Each
run with `--history FILE` stores one snapshot per as-of date in an SQLite file (stdlib
`sqlite3`): the summary, the criteria file's hash and, for every customer, its segment, the
criteria met and the active problems. Running the same as-of date again replaces that snapshot.

For every customer a snapshot also keeps `segment_since`: the as-of date of the first snapshot
of the unbroken run of snapshots in which the customer held its current segment. It is stamped
when a snapshot is saved, and stamped again for later snapshots when an earlier date is inserted,
so the chain stays right whatever order the months are run in.

The schema is versioned with `PRAGMA user_version`; a file written by a newer version of
portfolio is refused rather than misread.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from portfolio_cli.criteria import SEGMENTS
from portfolio_cli.errors import InputError, Issue, UsageError
from portfolio_cli.messages import message
from portfolio_cli.result import Summary

SCHEMA_VERSION = 1
DEFAULT_PATH = "portfolio-history.sqlite"
ENVIRONMENT = "PORTFOLIO_HISTORY"
NEW, LOST = "new", "lost"

if TYPE_CHECKING:  # pandas and pyarrow stay out of `portfolio history`'s start-up
    import pyarrow as pa

    from portfolio_cli.criteria import Criteria
    from portfolio_cli.engine import Classification

_SCHEMA = """
CREATE TABLE snapshots (
    as_of TEXT PRIMARY KEY,          -- YYYY-MM-DD
    criteria_sha256 TEXT NOT NULL,   -- hash of the criteria file's text
    criteria_file TEXT NOT NULL,
    summary TEXT NOT NULL,           -- the JSON summary of classify
    created TEXT NOT NULL            -- when the snapshot was written (UTC, ISO 8601)
);
CREATE TABLE customers (
    as_of TEXT NOT NULL REFERENCES snapshots (as_of) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT,
    segment TEXT NOT NULL,
    priority INTEGER NOT NULL,
    criteria TEXT NOT NULL,          -- keys met, joined with '|'
    problems TEXT NOT NULL,          -- active problem keys, joined with '|'
    segment_since TEXT NOT NULL,
    PRIMARY KEY (as_of, id)
) WITHOUT ROWID;
"""


# One at a time (`executescript` would COMMIT first): they run in the caller's transaction.
_SCHEMA_STATEMENTS = [
    *(statement for statement in _SCHEMA.split(";") if statement.strip()),
    f"PRAGMA user_version = {SCHEMA_VERSION}",
]


@dataclass(frozen=True)
class Snapshot:
    """One stored run: its date, the criteria file's hash and the summary."""

    as_of: str
    criteria_sha256: str
    criteria_file: str
    summary: Summary
    created: str

    @property
    def total(self) -> int:
        """Customers in the snapshot."""
        return self.summary.total


@dataclass(frozen=True)
class Mover:
    """A customer who moved down between two snapshots."""

    id: str
    name: str | None
    previous: str
    current: str
    priority: int


@dataclass(frozen=True)
class Migration:
    """How customers moved from one snapshot to another.

    `matrix[previous][current]` counts customers; `previous` is a segment or `new` (absent from
    the first snapshot), `current` a segment or `lost` (absent from the second).
    """

    start: str
    end: str
    matrix: dict[str, dict[str, int]]
    moved_down: tuple[Mover, ...]

    @staticmethod
    def rows() -> tuple[str, ...]:
        """Row keys of the matrix: the segments, then `new`."""
        return (*SEGMENTS, NEW)

    @staticmethod
    def columns() -> tuple[str, ...]:
        """Column keys of the matrix: the segments, then `lost`."""
        return (*SEGMENTS, LOST)


@dataclass(frozen=True)
class CustomerRow:
    """One customer as a snapshot keeps it."""

    id: str
    name: str | None
    segment: str
    priority: int
    criteria: str
    problems: str


def resolve_path(option: str | Path | None, *, default: bool) -> Path | None:
    """The history file: the option, else `$PORTFOLIO_HISTORY`, else (when `default`) the
    default `portfolio-history.sqlite` in the current folder; None when history is off."""
    if option is not None:
        return Path(option)
    from_env = os.environ.get(ENVIRONMENT)
    if from_env:
        return Path(from_env)
    return Path(DEFAULT_PATH) if default else None


@contextmanager
def connect(path: Path, *, create: bool) -> Iterator[sqlite3.Connection]:
    """An open history file with its schema checked (and created when `create`).

    Several runs may share one history file (ten cron jobs at the same minute): each waits its
    turn rather than failing. A writer puts the file in WAL mode (readers never wait for a
    writer, nor a writer for readers); SQLite's busy timeout and `_patiently` retry whatever
    found the file locked, for up to `BUSY_WAIT` seconds in all.
    """
    if path.is_dir():
        example = path / DEFAULT_PATH
        text = message("history.error.folder", path=path, example=example)
        raise UsageError(Issue("history-folder", text))
    if not create and not path.is_file():
        raise UsageError(Issue("no-history", message("history.error.no_file", path=path)))
    if create and not (path.parent if str(path.parent) else Path()).is_dir():
        raise UsageError(
            Issue(
                "missing-folder",
                message("files.missing_folder", path=path, folder=path.parent),
            )
        )
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=LOCK_TIMEOUT)
    except sqlite3.Error as exc:
        text = message("history.error.open", path=path, error=exc)
        raise UsageError(Issue("bad-history", text)) from None
    with closing(connection):
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            _patiently(path, lambda: _check_schema(connection, path, create))
            if create:  # once the file is known to be ours: another program's file is not changed
                _patiently(path, lambda: connection.execute("PRAGMA journal_mode = WAL"))
        except sqlite3.DatabaseError as exc:
            raise InputError(
                Issue("bad-history", message("history.error.not_history", path=path, error=exc))
            ) from None
        yield connection


# How long one SQLite call waits for a lock (its busy handler), and how long a run waits in all
# for other runs writing the same history before it gives up with a message.
LOCK_TIMEOUT = 5.0
BUSY_WAIT = 600.0
T = TypeVar("T")


def _patiently(path: Path, action: Callable[[], T]) -> T:
    """`action()`, tried again with back-off while another run holds the file locked."""
    deadline = time.monotonic() + BUSY_WAIT
    pause = 0.05
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                raise
            if time.monotonic() + pause > deadline:
                text = message("history.error.busy", path=path, seconds=f"{BUSY_WAIT:g}")
                raise InputError(Issue("history-busy", text)) from None
        time.sleep(pause * (0.5 + random.random()))  # noqa: S311 - spreads the runs out, no secret
        pause = min(pause * 2, 2.0)


def _busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds a lock (so waiting helps)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _check_schema(connection: sqlite3.Connection, path: Path, create: bool) -> None:
    # The version and the tables read in one transaction: a run creating the tables at this very
    # moment is seen either before (no tables, version 0) or after, never half-way (tables made,
    # version read as 0 just before), which would make a new history look like another program's.
    connection.execute("BEGIN")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        connection.execute("COMMIT")
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise InputError(
            Issue(
                "history-too-new",
                message(
                    "history.error.too_new",
                    path=path,
                    version=version,
                    supported=SCHEMA_VERSION,
                ),
            )
        )
    if tables:
        raise InputError(Issue("bad-history", message("history.error.other_sqlite", path=path)))
    if not create:  # pragma: no cover - an empty file we were only asked to read
        raise UsageError(Issue("no-history", message("history.error.empty", path=path)))
    # One transaction that holds the write lock: two runs starting on a new file at once both
    # see it empty, but only the first creates the tables; the second finds them made.
    connection.execute("BEGIN IMMEDIATE")
    try:
        if int(connection.execute("PRAGMA user_version").fetchone()[0]) == 0:
            for statement in _SCHEMA_STATEMENTS:
                connection.execute(statement)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    _check_schema(connection, path, create)


def save_snapshot(
    path: Path,
    *,
    as_of: dt.date,
    criteria_sha256: str,
    criteria_file: str,
    summary: Summary,
    customers: Sequence[CustomerRow],
) -> None:
    """Store a snapshot, replacing any snapshot of the same as-of date, in one transaction."""
    with _saving(path, as_of, criteria_sha256, criteria_file, summary, customers):
        pass


@contextmanager
def _saving(
    path: Path,
    as_of: dt.date,
    criteria_sha256: str,
    criteria_file: str,
    summary: Summary,
    customers: Sequence[CustomerRow],
) -> Iterator[sqlite3.Connection]:
    """The snapshot inserted in an open transaction: committed when the block succeeds, rolled
    back when it raises. The block reads the history, this snapshot included, from the
    connection it is given."""
    day = as_of.isoformat()
    created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    with connect(path, create=True) as db:
        _patiently(path, lambda: db.execute("BEGIN IMMEDIATE"))  # waits for other writers
        try:
            db.execute("DELETE FROM snapshots WHERE as_of = ?", (day,))
            stored = json.dumps(summary.to_dict(), sort_keys=True)
            db.execute(
                "INSERT INTO snapshots VALUES (?, ?, ?, ?, ?)",
                (day, criteria_sha256, criteria_file, stored, created),
            )
            # in key order: the B-tree is filled left to right (1.6 s → 0.55 s for 100,000 rows)
            db.executemany(
                "INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (day, c.id, c.name, c.segment, c.priority, c.criteria, c.problems, day)
                    for c in sorted(customers, key=lambda c: c.id)
                ),
            )
            _stamp_from(db, day)
            yield db
            _patiently(path, lambda: db.execute("COMMIT"))  # a reader may still hold the file
        except BaseException:
            with suppress(sqlite3.Error):  # a failed COMMIT may have ended the transaction
                db.execute("ROLLBACK")
            raise


@contextmanager
def _reading(source: Path | sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A connection to read from: the one given (inside `recording`), or the file opened."""
    if isinstance(source, sqlite3.Connection):
        yield source
        return
    with connect(source, create=False) as db:
        yield db


def _stamp_from(db: sqlite3.Connection, day: str) -> None:
    """Recompute `segment_since` for the snapshot of `day` and every later one, in date order:
    a customer keeps the previous snapshot's date when its segment did not change."""
    later = [row[0] for row in db.execute("SELECT as_of FROM snapshots WHERE as_of >= ?", (day,))]
    for current in sorted(later):
        before = db.execute(
            "SELECT max(as_of) FROM snapshots WHERE as_of < ?", (current,)
        ).fetchone()[0]
        db.execute("UPDATE customers SET segment_since = as_of WHERE as_of = ?", (current,))
        if before is None:
            continue
        db.execute(
            """
            UPDATE customers SET segment_since = previous.segment_since
            FROM customers AS previous
            WHERE customers.as_of = ? AND previous.as_of = ?
              AND previous.id = customers.id AND previous.segment = customers.segment
            """,
            (current, before),
        )


def snapshots(path: Path | sqlite3.Connection) -> list[Snapshot]:
    """Every snapshot, oldest first."""
    with _reading(path) as db:
        rows = db.execute(
            "SELECT as_of, criteria_sha256, criteria_file, summary, created "
            "FROM snapshots ORDER BY as_of"
        ).fetchall()
    return [Snapshot(r[0], r[1], r[2], Summary.from_dict(json.loads(r[3])), r[4]) for r in rows]


def previous_date(path: Path, as_of: str) -> str | None:
    """The as-of date of the latest snapshot before `as_of`, if any."""
    with connect(path, create=False) as db:
        value = db.execute("SELECT max(as_of) FROM snapshots WHERE as_of < ?", (as_of,)).fetchone()[
            0
        ]
    return None if value is None else str(value)


def movements(path: Path | sqlite3.Connection, as_of: str) -> dict[str, tuple[str | None, str]]:
    """For the snapshot of `as_of`: each customer's segment in the snapshot before (None when
    new) and the date it entered its current segment."""
    with _reading(path) as db:
        before = db.execute(
            "SELECT max(as_of) FROM snapshots WHERE as_of < ?", (as_of,)
        ).fetchone()[0]
        rows = db.execute(
            """
            SELECT current.id, previous.segment, current.segment_since
            FROM customers AS current
            LEFT JOIN customers AS previous ON previous.as_of = ? AND previous.id = current.id
            WHERE current.as_of = ?
            """,
            (before, as_of),
        ).fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def migration_dates(
    kept: Sequence[Snapshot], start: dt.date | None, end: dt.date | None, path: Path
) -> tuple[str, str]:
    """The snapshots a migration goes from and to: `end`, else the latest; `start`, else the
    one before `end` (a usage error naming the dates kept when there is none)."""
    dates = [s.as_of for s in kept]
    to_day = end.isoformat() if end else (dates[-1] if dates else "")
    if start:
        return start.isoformat(), to_day
    earlier = [d for d in dates if d < to_day]
    if not earlier:
        listed = ", ".join(dates) or message("history.none")
        raise UsageError(
            Issue(
                "no-snapshot",
                message("history.error.none_before", date=to_day, path=path, dates=listed),
            )
        )
    return earlier[-1], to_day


def criteria_changed(kept: Sequence[Snapshot], start: str, end: str) -> bool:
    """Whether the snapshots of `start` and `end` were taken with different criteria files."""
    hashes = {s.as_of: s.criteria_sha256 for s in kept}
    return hashes.get(start) != hashes.get(end)


def migration(path: Path | sqlite3.Connection, start: str, end: str) -> Migration:
    """The migration matrix from the snapshot of `start` to the snapshot of `end`, and the
    customers who moved down (satisfied → easy to satisfy → unrecoverable), by current priority."""
    with _reading(path) as db:
        known = {r[0] for r in db.execute("SELECT as_of FROM snapshots")}
        missing = [day for day in (start, end) if day not in known]
        if missing:
            dates = ", ".join(sorted(known)) or message("history.none")
            raise UsageError(
                Issue(
                    "no-snapshot",
                    message("history.error.no_snapshot", date=missing[0], path=path, dates=dates),
                )
            )
        pairs = db.execute(
            """
            SELECT coalesce(a.segment, 'new'), b.segment, count(*)
            FROM customers AS b LEFT JOIN customers AS a ON a.as_of = ? AND a.id = b.id
            WHERE b.as_of = ? GROUP BY 1, 2
            UNION ALL
            SELECT a.segment, 'lost', count(*)
            FROM customers AS a LEFT JOIN customers AS b ON b.as_of = ? AND b.id = a.id
            WHERE a.as_of = ? AND b.id IS NULL GROUP BY 1
            """,
            (start, end, end, start),
        ).fetchall()
        ranks = {name: index for index, name in enumerate(SEGMENTS)}
        down = db.execute(
            """
            SELECT b.id, b.name, a.segment, b.segment, b.priority
            FROM customers AS b JOIN customers AS a ON a.as_of = ? AND a.id = b.id
            WHERE b.as_of = ? AND a.segment != b.segment
            ORDER BY b.priority
            """,
            (start, end),
        ).fetchall()
    matrix = {row: dict.fromkeys(Migration.columns(), 0) for row in Migration.rows()}
    for previous, current, count in pairs:
        matrix[previous][current] = int(count)
    moved_down = tuple(
        Mover(str(r[0]), r[1], r[2], r[3], int(r[4])) for r in down if ranks[r[3]] > ranks[r[2]]
    )
    return Migration(start, end, matrix, moved_down)


def record(path: Path, result: Classification, criteria: Criteria, as_of: dt.date) -> None:
    """Store the snapshot of a classification (replacing any snapshot of the same date)."""
    with recording(path, result, criteria, as_of):
        pass


@contextmanager
def recording(
    path: Path | None, result: Classification, criteria: Criteria, as_of: dt.date
) -> Iterator[sqlite3.Connection | None]:
    """Store the snapshot of a classification only if the block succeeds: write the output
    inside it, so that a failed write leaves the history as it was. The block reads this
    snapshot (`movements`, `migration`, `snapshots`) from the connection it is given; None
    when `path` is None (no history kept)."""
    if path is None:
        yield None
        return
    frame = result.customers
    id_column, name_column = criteria.customers.id, criteria.customers.name
    ids = [str(value) for value in frame[id_column].tolist()]
    names = (
        [None if _blank(v) else str(v) for v in frame[name_column].tolist()]
        if name_column
        else [None] * len(ids)
    )
    rows = [
        CustomerRow(*values)
        for values in zip(
            ids,
            names,
            frame["segment"].astype(str).tolist(),
            frame["priority"].tolist(),
            frame["criteria"].astype(str).tolist(),
            frame["problems"].astype(str).tolist(),
            strict=True,
        )
    ]
    with _saving(path, as_of, criteria.sha256, criteria.source, result.summary, rows) as db:
        yield db


def _blank(value: object) -> bool:
    return value is None or value != value  # NaN and NA are not equal to themselves


def append_columns(
    table: pa.Table, id_column: str, moves: dict[str, tuple[str | None, str]]
) -> pa.Table:
    """The output table with `previous_segment` and `segment_since` inserted right after the
    contract's columns (before any `--keep-columns` input column), matched on the customer id."""
    import pyarrow as pa

    ids = table.column(id_column).cast(pa.string()).to_pylist()
    found = [moves.get(str(i), (None, None)) for i in ids]
    at = table.column_names.index("action") + 1
    table = table.add_column(at, "previous_segment", pa.array([f[0] for f in found], pa.string()))
    return table.add_column(at + 1, "segment_since", pa.array([f[1] for f in found], pa.string()))
