"""Shared fixtures: the bundled example, a CLI runner, and small files written on the fly."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from portfolio_cli import messages
from portfolio_cli.cli import app


def pytest_sessionstart(session: pytest.Session) -> None:
    """The French catalogue is compiled by the install: without it every French test would fail
    on English text, so say once what to run."""
    compiled = messages.LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{messages.DOMAIN}.mo"
    if not compiled.exists():
        raise pytest.UsageError(
            f"{compiled} is missing: the build compiles it from its .po; run `pip install -e .` "
            "(or python scripts/translations.py compile)"
        )


ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "customers.csv"
EXAMPLE_CRITERIA = ROOT / "criteria.example.yaml"
# The French fixture (';', decimal commas, dd/mm/yyyy dates, cp1252) and French rules on its
# columns; bench/outputs.py runs the same pair.
FRENCH = ROOT / "tests" / "data" / "customers-fr.csv"
FRENCH_CRITERIA = ROOT / "tests" / "data" / "customers-fr.criteria.yaml"
# Three customers (A, B, C) with their rules, orders (';', dd/mm/yyyy, decimal commas, CRLF) and
# survey answers: --orders and --surveys; bench/outputs.py runs them too.
ORDERS_DATA = ROOT / "tests" / "data" / "orders"
# Real public data kept beside the repository, never in it (../shared/data/README.md): a
# developer's checkout may not have it, CI always has it.
SHARED_DATA = ROOT.parent / "shared" / "data"

Run = Callable[..., Result]
Write = Callable[[str, str | bytes], Path]
EX = str(EXAMPLE)
CRIT = str(EXAMPLE_CRITERIA)
AS_OF = "2026-11-23"  # the day the example's figures are known for

# The smallest valid criteria file, on the example's columns: one criterion (six lines, so a
# block appended to it starts on line 7).
ONE_CRITERION = """\
version: 1
customers:
  id: customer_id
criteria:
  - key: repeat_buyer
    when: orders_12m >= 3
"""

# Two criteria on the columns id, name, orders and score; test files add criteria and problems.
LOYAL_AND_FAN = """\
version: 1
customers:
  id: id
  name: name
listening:
  nps: score
criteria:
  - key: loyal
    when: orders >= 3
  - key: fan
    when: score >= 9
"""
SMALL_CRITERIA = LOYAL_AND_FAN + 'problems:\n  - key: far\n    when: region == "Corse"\n'


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the CLI in-process: `run("classify", "x.csv", "-c", "c.yaml", input=...)`."""
    monkeypatch.delenv("PORTFOLIO_CRITERIA", raising=False)
    # English unless a test asks for French
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A test that ran the CLI in French leaves the library speaking English for the next."""
    yield
    messages.use("en")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path and return its path."""

    def writer(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return writer


@pytest.fixture
def order_files() -> dict[str, str]:
    """The paths of the files in ORDERS_DATA: rules, customers, orders and surveys."""
    names = {"rules": "rules.yaml", "customers": "customers.csv"}
    return {
        key: str(ORDERS_DATA / names.get(key, f"{key}.csv"))
        for key in (*names, "orders", "surveys")
    }


@pytest.fixture
def telco() -> Path:
    """IBM's public Telco churn sample (7,043 customers), read from ../shared/data.

    Skipped where ../shared is absent (a user's clone), but a failure in CI (`CI` is set), where
    ../shared is always laid beside the clone: a missing file must not pass as a skip there.
    """
    path = SHARED_DATA / "telco-customers.csv"
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is absent: CI lays ../shared beside the clone")
        pytest.skip(f"{path} is absent (it lives in ../shared/data, beside the repository)")
    return path
