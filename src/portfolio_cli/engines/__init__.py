"""One method, several executors: `arrow` (in process, `engine.py`), `duckdb` (the method
compiled to SQL by `engines/sql.py`, run by `engines/duckdb.py`) and `spark` (the same SQL on a
Spark cluster, `engines/spark.py`). Each returns the same
`Classification`, so the same writers serialise it.

Nothing heavy is imported here: `portfolio --help` imports this module's names only.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message

if TYPE_CHECKING:
    import pandas as pd

    from portfolio_cli.criteria import Criteria
    from portfolio_cli.engine import Classification
    from portfolio_cli.readers import CustomerList

ENGINES = ("auto", "arrow", "duckdb", "spark")
# `auto` runs DuckDB from this input size on. Measured (bench/README.md, "Engines"): on files
# that fit in memory the two are even (5M rows: DuckDB reading the file once and writing it
# itself takes 1.03x the CPU of the Arrow path and 0.82x its wall time under load, at 844
# against 757 MiB), and the Arrow path's chunks bound memory; past a few GB the chunked path's
# per-row rank key grows with the file while DuckDB's sort spills to disk under --memory-limit
# (50M rows, 3.7 GB: 1 min 22 s idle, peak 1,057 MiB).
AUTO_BYTES = 2 * 2**30
DEFAULT_MEMORY = 640 * 2**20
MAX_MEMORY = 2**60  # an exbibyte: beyond any machine, and far from DuckDB's 64-bit overflow
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%|[KMGTPE]i?B?|B)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SparkSettings:
    """Where `--engine spark` runs: a Spark Connect server (`remote`, else $SPARK_REMOTE), a
    cluster `master`, else a local Spark on every core."""

    remote: str | None = None
    master: str | None = None


def engine_name(value: str | None) -> str:
    """`--engine` checked: auto (default), arrow or duckdb."""
    name = (value or "auto").strip().lower()
    if name not in ENGINES:
        raise UsageError(Issue("bad-option", message("engine.bad_engine", value=value)))
    return name


def check_installed(engine: str) -> None:
    """Refuse `--engine spark` without pyspark before any input is read: a batch would
    otherwise fail each of its files with the same message."""
    import importlib.util

    if engine == "spark" and importlib.util.find_spec("pyspark") is None:
        raise UsageError(Issue("no-spark", message("spark.not_installed")))


def choose(engine: str, source: str | Path) -> str:
    """The engine that runs: `auto` picks DuckDB for inputs of AUTO_BYTES or more."""
    name = engine_name(engine)
    if name != "auto":
        return name
    from portfolio_cli.sources import input_files

    if str(source) == "-":
        return "arrow"
    if str(source).startswith("spark:"):  # a Spark catalog table: only Spark can read it
        return "spark"
    try:
        size = sum(path.stat().st_size for path in input_files(source))
    except OSError:
        return "arrow"  # the reader says what is wrong with the file
    return "duckdb" if size >= AUTO_BYTES else "arrow"


def classify(
    customers: CustomerList | pd.DataFrame,
    criteria: Criteria,
    as_of: dt.date | None = None,
    engine: str = "arrow",
    memory_limit: str | None = None,
    spark: SparkSettings | None = None,
) -> Classification:
    """Classify with the named engine (`arrow` or `duckdb`; `auto` means arrow here, since the
    list is already in memory)."""
    if engine_name(engine) == "spark":
        from portfolio_cli.engines import spark as on_spark

        settings = spark or SparkSettings()
        session = on_spark.session(settings.remote, settings.master)
        return on_spark.classify(customers, criteria, as_of, session)
    if engine_name(engine) == "duckdb":
        from portfolio_cli.engines import duckdb

        return duckdb.classify(customers, criteria, as_of, memory_limit)
    from portfolio_cli import engine as arrow

    return arrow.classify(customers, criteria, as_of)


def reads_in_place(source: str, engine: str) -> bool:
    """Whether the rules go to where the data lives, not the data to us: a PostgreSQL
    database (a URL or libpq's keyword string), or, for Spark, a catalog table, a URI or
    Parquet files. Our readers read everything else."""
    from portfolio_cli.engines.postgres import is_source

    if is_source(source):
        return True
    if engine == "spark" or source.startswith("spark:"):
        from portfolio_cli.engines.spark import reads_itself

        return reads_itself(source)
    return False


def classify_in_place(
    source: str,
    criteria: Criteria,
    as_of: dt.date,
    *,
    spark: SparkSettings | None = None,
    table: str | None = None,
    query: str | None = None,
    every_column: bool = False,
) -> tuple[Classification, CustomerList]:
    """Classify an input that `reads_in_place`: the rules run in PostgreSQL or Spark and the
    results come back (with `every_column`, the input's own columns too: a report profiles
    them). Returns the result and the list it describes."""
    from portfolio_cli.engines.postgres import is_source

    if is_source(source):
        from portfolio_cli.engines import postgres

        return postgres.classify_source(source, table, query, criteria, as_of, every_column)
    from portfolio_cli.engines import spark as on_spark

    settings = spark or SparkSettings()
    session = on_spark.session(settings.remote, settings.master)
    return on_spark.classify_source(source, criteria, as_of, session, every_column)


def _memory() -> int:
    """This machine's memory in bytes."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not a POSIX system
        return 8 * 2**30


_UNITS = {"": 2**20, "B": 1, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}
_UNITS |= {"P": 10**15, "E": 10**18}
_UNITS |= {"KI": 2**10, "MI": 2**20, "GI": 2**30, "TI": 2**40, "PI": 2**50, "EI": 2**60}


def memory_limit(value: str | None) -> str:
    """`--memory-limit` as DuckDB reads it: `2GiB`, `512MB`, `40%` of this machine's memory
    (a bare number is MiB). Default: a quarter of the memory, at most DEFAULT_MEMORY (DuckDB
    alone would take 80 %). Measured on 5M rows (bench/README.md): under 640 MiB the sorted
    customers of a 5M-row file stay in memory (peak 842 MiB, a third faster than under 512
    MiB, where they spill to disk); larger files spill under any limit, and more memory only
    takes it from the machine's other programs."""
    if value is None:
        return f"{min(_memory() // 4, DEFAULT_MEMORY) // 2**20}MiB"
    found = _SIZE.match(value)
    number = float(found.group(1)) if found else math.nan
    if not math.isfinite(number) or number <= 0:  # 5,000 digits: infinity, not a size
        raise UsageError(Issue("bad-option", message("engine.bad_memory_limit", value=value)))
    written = (found.group(2) or "").upper() if found else ""
    unit = written if written == "B" else written.removesuffix("B")  # `512B` is bytes
    if unit == "%":
        size = int(_memory() * number / 100) if number <= 100 else 0
    else:
        size = int(number * _UNITS[unit])
    # below a mebibyte DuckDB cannot start; from 2**64 bytes on it cannot count
    if not 2**20 <= size <= MAX_MEMORY:
        text = message("engine.memory_limit_range", value=value)
        raise UsageError(Issue("bad-option", text))
    return f"{size // 2**20}MiB"
