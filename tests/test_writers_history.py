"""writers/history.py: `portfolio history` prints what the writer renders from the library's
snapshots and migration, byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import Run
from portfolio_cli import history
from portfolio_cli.errors import UsageError
from portfolio_cli.writers import history as writer
from test_history import MONTHS, record_months


@pytest.fixture
def kept(run: Run, tmp_path: Path) -> Path:
    path = tmp_path / "history.sqlite"
    record_months(run, path, list(MONTHS))
    return path


def test_the_listing_is_the_writers_document(run: Run, kept: Path) -> None:
    snapshots = history.snapshots(kept)
    assert run("history", str(kept), "-f", "json").stdout == writer.snapshots_json(
        snapshots
    ).decode("utf-8")
    assert run("history", str(kept), "-f", "csv", "--out-delimiter", ";").stdout == (
        writer.snapshots_csv(snapshots, ";").decode("utf-8")
    )
    assert writer.snapshots_csv(snapshots, None).decode("utf-8").splitlines()[0] == (
        "as_of,total,satisfied,easy_to_satisfy,unrecoverable,quality,nps"
    )


def test_the_migration_is_the_writers_document(run: Run, kept: Path) -> None:
    moved = history.migration(kept, "2026-09-30", "2026-11-30")
    result = run("history", str(kept), "--from", "2026-09-30", "-f", "json")
    assert result.stdout == writer.migration_json(moved, False).decode("utf-8")
    result = run("history", str(kept), "--from", "2026-09-30", "-f", "csv")
    assert result.stdout == writer.migration_csv(moved, None).decode("utf-8")


def test_a_migration_goes_from_the_snapshot_before_to_the_latest(kept: Path) -> None:
    snapshots = history.snapshots(kept)
    assert history.migration_dates(snapshots, None, None, kept) == ("2026-10-31", "2026-11-30")
    end = dt.date(2026, 10, 31)
    assert history.migration_dates(snapshots, None, end, kept) == ("2026-09-30", "2026-10-31")
    start = dt.date(2026, 9, 30)
    assert history.migration_dates(snapshots, start, None, kept) == ("2026-09-30", "2026-11-30")
    assert not history.criteria_changed(snapshots, "2026-09-30", "2026-11-30")
    with pytest.raises(UsageError) as refused:
        history.migration_dates(snapshots, None, dt.date(2026, 9, 30), kept)
    assert refused.value.issues[0].message == (
        f"no snapshot before 2026-09-30 in {kept}: pass --from DATE "
        "(snapshots: 2026-09-30, 2026-10-31, 2026-11-30)"
    )


def test_nobody_moved_down_is_said_unless_quiet(kept: Path) -> None:
    moved = history.migration(kept, "2026-11-30", "2026-11-30")
    assert moved.moved_down == ()
    said = [
        getattr(part, "plain", None) for part in writer.migration_tables(moved, False, "en", False)
    ]
    assert said[-1] == "Nobody moved down."
    assert len(writer.migration_tables(moved, False, "en", True)) == 1  # the matrix alone
