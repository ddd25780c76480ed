"""Classify a customer list from where it is to where it goes: read → join → classify → write.

The one place every command's run goes through (`classify`, `report`, `profile`, `explain`,
`check INPUT`, each `batch` worker). It takes a source, the criteria, the `Options` and a
`Sink`, and decides how the list is read and classified:

- a PostgreSQL database (`postgresql://…` with `table` or `query`) and what Spark reads itself
  (`spark:db.table`, a URI, Parquet) are classified where they are;
- a plain UTF-8 CSV file or Parquet files going to CSV with `engine="duckdb"` are classified by
  DuckDB's own scanners (`engines/duckdb.scanned`), straight to the sink (which may let DuckDB
  write the file itself: `Rows.copy`);
- a CSV file larger than the chunk threshold going to CSV is read in parts (`chunked.py`);
- anything else is read whole by the readers, orders and surveys joined (`inputs.load_input`),
  and classified by the chosen engine.

Nothing here prints or writes a file: warnings come back in `Run.warnings` (and on an error,
in the error's `warnings`), the output goes to the sink, which the writers implement
(`writers/sink.py`); the history, above this layer, records through its sink too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from portfolio_cli.errors import Issue, PortfolioError, UsageError
from portfolio_cli.inputs import InputFlags, input_options
from portfolio_cli.messages import message

if TYPE_CHECKING:
    import pyarrow as pa

    from portfolio_cli.criteria import Criteria
    from portfolio_cli.engine import Classification
    from portfolio_cli.engines import SparkSettings
    from portfolio_cli.readers import CustomerList
    from portfolio_cli.result import Summary


@dataclass(frozen=True)
class Options:
    """How a run reads, classifies and what it keeps.

    `inputs`: the input options (encoding, delimiter, decimal, day order, sheet, header row,
    orders and surveys files, language; `verbose` asks for `Run.described`). `engine`: auto,
    arrow, duckdb or spark. `table`/`query`: what to read of a PostgreSQL database.
    `chunk_rows`: the size above which a CSV file is read in parts. `keep_columns`: the input's
    own columns go to the output too; `every_column`: read them all (for what looks beyond the
    criteria: report, profile, explain). `segment`: only that segment's rows are written.
    """

    as_of: dt.date | None = None  # None: today
    inputs: InputFlags = field(default_factory=InputFlags)
    engine: str = "auto"
    memory_limit: str | None = None
    spark: SparkSettings | None = None
    table: str | None = None
    query: str | None = None
    chunk_rows: int | None = None
    keep_columns: bool = False
    every_column: bool = False
    segment: str | None = None

    @property
    def day(self) -> dt.date:
        return self.as_of or dt.date.today()


@dataclass(frozen=True)
class Classified:
    """A list classified in memory, as a sink receives it."""

    result: Classification
    customers: CustomerList
    criteria: Criteria
    options: Options


@dataclass(frozen=True)
class Rows:
    """The output rows in priority order, in pieces (a file read in parts, or DuckDB's rows):
    the column names, the tables (made as they are consumed: consume them once) and the input's
    field separator (None when it is not a CSV file)."""

    names: list[str]
    tables: Iterable[pa.Table]
    delimiter: str | None
    # the engine writing the rows into a file itself (DuckDB's COPY), instead of `tables`:
    # copy(path, delimiter, header, shown) writes `header` (the sink's first line), then the
    # rows exactly as the sink would write `tables`; `shown` is the name an error gives
    copy: Callable[[Path, str, bytes, Path], None] | None = None


class Sink(Protocol):
    """Where a run's customers go; implemented by the writers (`writers/sink.py`).

    `takes_rows`: the sink can take the rows in pieces (`write_rows`), so a large CSV file may
    be read in parts; otherwise it always gets the whole classification (`write`).
    `added_columns`: columns the sink adds after the output's own (the history's), which no
    kept input column may take.
    """

    @property
    def takes_rows(self) -> bool: ...

    @property
    def added_columns(self) -> tuple[str, ...]: ...

    def admit(self, rows: int) -> None:
        """Called once the list is read, before it is classified: a sink that cannot take so
        many rows (a workbook) refuses them now, not after the work."""

    def write(self, classified: Classified) -> None:
        """The whole classification."""

    def write_rows(self, rows: Rows) -> None:
        """The output rows in priority order, in pieces."""


@dataclass(frozen=True)
class Plan:
    """What reads the source and which engine classifies it, decided before any work."""

    source: str
    options: Options
    engine: str  # arrow, duckdb, spark or postgres (the rules then run in the database)
    warnings: tuple[Issue, ...] = ()

    @property
    def in_database(self) -> bool:
        """The source is a database, not a file this run could overwrite."""
        return self.engine == "postgres"


@dataclass(frozen=True)
class Run:
    """What a run did: the summary, the source as messages name it, the warnings a person
    should see (in the order they arose), how each file was read (with `inputs.verbose`), and
    the classification with its list, when it was made in memory (None when the rows went to
    the sink in pieces)."""

    summary: Summary
    source: str
    warnings: tuple[Issue, ...] = ()
    described: tuple[str, ...] = ()
    result: Classification | None = None
    customers: CustomerList | None = None
    delimiter: str | None = None  # the input's field separator, when it was a CSV file

    def in_memory(self) -> tuple[Classification, CustomerList]:
        """The classification and the customer list (a run made by `classify`)."""
        if self.result is None or self.customers is None:
            raise ValueError("the rows of this run went to its sink in pieces")
        return self.result, self.customers

    def output(self) -> pa.Table:
        """The customers as `classify` writes them, in priority order (in-memory runs)."""
        return self.in_memory()[0].output.table()


def plan(source: str, options: Options = Options()) -> Plan:
    """Check the source against the options and choose the engine, before any reading: a
    PostgreSQL database takes `table` or `query` and no `keep_columns`; `table` and `query`
    are refused with any other source; orders and surveys (files on this machine) are refused
    when the rules run where the data lives (PostgreSQL, Spark reading the input itself)."""
    from portfolio_cli import engines
    from portfolio_cli.engines.postgres import is_source, redact

    warnings: list[Issue] = []
    if not is_source(source):
        if options.table is not None or options.query is not None:
            text = message("postgres.not_a_database", source=source)
            raise UsageError(Issue("bad-option", text))
        chosen = engines.choose(options.engine, source)
    else:
        if options.keep_columns:
            text = message("postgres.keep_columns", source=redact(source))
            raise UsageError(Issue("bad-option", text))
        name = engines.engine_name(options.engine)
        if name not in ("auto", "arrow"):
            text = message("postgres.engine_ignored", engine=name)
            warnings.append(Issue("engine-ignored", text))
        chosen = "postgres"
    flags = options.inputs
    from portfolio_cli.readers import refuse_sheet

    refuse_sheet(source if chosen != "postgres" else redact(source), flags.sheet, flags.lang)
    if engines.reads_in_place(source, chosen) and (flags.orders or flags.surveys):
        key = "postgres.no_joins" if chosen == "postgres" else "spark.no_joins"
        raise UsageError(Issue("bad-option", message(key, source=redact(source))))
    engines.memory_limit(options.memory_limit)  # a wrong size is refused before anything is read
    return Plan(source, options, chosen, tuple(warnings))


def classify(source: str | Plan, criteria: Criteria, options: Options = Options()) -> Run:
    """Read, join and classify in memory: the run with its classification and customer list."""
    return run(source, criteria, None, options)


def run(
    source: str | Plan,
    criteria: Criteria,
    sink: Sink | None,
    options: Options = Options(),
) -> Run:
    """Read, join, classify and write to `sink` (None: keep the classification in the run).

    `source` is what an INPUT names (a path, a glob, `-`, a database URL, `spark:db.table`) or
    a `Plan` made of one (its warnings are then the caller's to show, not repeated here).
    A `PortfolioError` raised on the way carries, in `warnings`, the warnings found before it.
    """
    from portfolio_cli.pandas_guard import without_pandas

    planned = plan(source, options) if isinstance(source, str) else source
    warnings: list[Issue] = list(planned.warnings) if isinstance(source, str) else []
    options = planned.options
    flags = options.inputs
    simple = sink is not None and sink.takes_rows
    simple = simple and flags.orders is None and flags.surveys is None and not flags.verbose
    try:
        # CSV out, nothing joined or recorded: Arrow and numpy only, pandas is not even imported
        with without_pandas(simple and planned.engine not in ("spark", "postgres")):
            if simple and sink is not None:
                done = _in_pieces(planned, criteria, sink, warnings)
                if done is not None:
                    return done
            return _in_memory(planned, criteria, sink, warnings)
    except PortfolioError as error:
        error.warnings = (*warnings, *error.warnings)
        raise


def _in_memory(plan: Plan, criteria: Criteria, sink: Sink | None, warnings: list[Issue]) -> Run:
    """The whole list in memory: read (or classified where it is), classified, written."""
    from portfolio_cli import engines
    from portfolio_cli.inputs import load_input

    options, source, day = plan.options, plan.source, plan.options.day
    described: list[str] = []
    if engines.reads_in_place(source, plan.engine):
        # the rules run where the data lives; with every_column, its columns come back too
        if options.keep_columns:  # (a database refused it in `plan`)
            raise UsageError(Issue("bad-option", message("spark.keep_columns", source=source)))
        result, customers = engines.classify_in_place(
            source,
            criteria,
            day,
            spark=options.spark,
            table=options.table,
            query=options.query,
            every_column=options.every_column,
        )
    else:
        every = options.keep_columns or options.every_column
        customers, notes, lines = load_input(
            source, criteria, options.inputs, every_column=every, as_of=day
        )
        warnings += [Issue("input", text) for text in notes]
        described += lines
        if sink is not None:
            sink.admit(len(customers))  # said now, not after classifying a million customers
        result = engines.classify(
            customers, criteria, day, plan.engine, options.memory_limit, options.spark
        )
    if sink is not None:
        if options.keep_columns:
            warnings += _renamed(customers.header, criteria, sink.added_columns)
        sink.write(Classified(result, customers, criteria, options))
    info = customers.info
    return Run(
        result.summary,
        info.source,
        tuple(warnings),
        tuple(described),
        result,
        customers,
        info.delimiter if info.format == "csv" else None,
    )


def _in_pieces(plan: Plan, criteria: Criteria, sink: Sink, warnings: list[Issue]) -> Run | None:
    """A CSV file written in pieces: by DuckDB's own scanner, or read in parts when large.
    None when the file is for the in-memory path (nothing was written)."""
    options, source = plan.options, plan.source
    if plan.engine == "duckdb":
        if options.keep_columns or options.segment is not None:
            return None
        return _scanned(plan, criteria, sink, warnings)
    if plan.engine != "arrow" or source == "-":
        return None
    from portfolio_cli.chunked import classify_in_parts, should_stream

    csv_options = input_options(options.inputs)
    found = should_stream(source, csv_options, options.chunk_rows, criteria.customers.id)
    if found is None:
        return None
    if options.keep_columns:
        warnings += _renamed(found.header, criteria, sink.added_columns)
    ranked = classify_in_parts(
        Path(source),
        criteria,
        options.day,
        found,
        csv_options,
        chunk=options.chunk_rows,
        keep_columns=options.keep_columns,
    )
    if ranked is None:  # a header and no rows
        return None
    tables = (keep_segment(table, options.segment) for table in ranked.tables)
    sink.write_rows(Rows(ranked.names, tables, found.info.delimiter))
    warnings += [Issue("input", text) for text in ranked.notes]
    info = found.info
    return Run(ranked.summary, info.source, tuple(warnings), delimiter=info.delimiter)


def _scanned(plan: Plan, criteria: Criteria, sink: Sink, warnings: list[Issue]) -> Run | None:
    """DuckDB's own scanners, when they read the file as our reader would (None otherwise,
    nothing written): the rows go to the sink in batches, or DuckDB writes them itself."""
    from portfolio_cli.engines.duckdb import scanned

    options = plan.options
    csv_options = input_options(options.inputs)
    with scanned(plan.source, criteria, options.day, csv_options, options.memory_limit) as found:
        if found is None:
            return None
        sink.write_rows(Rows(found.names, found.tables(), found.delimiter, found.copy))
    return Run(found.summary, plan.source, tuple(warnings), delimiter=found.delimiter)


def _renamed(header: Iterable[str], criteria: Criteria, added: Iterable[str]) -> list[Issue]:
    """--keep-columns: which input columns are written under another name, and why."""
    from portfolio_cli.criteria import OUTPUT_COLUMNS
    from portfolio_cli.naming import renamed_columns

    own = [criteria.customers.id, *([criteria.customers.name] if criteria.customers.name else [])]
    renamed = renamed_columns(list(header), own, [*own, *OUTPUT_COLUMNS, *added])
    return [
        Issue("kept-renamed", message("output.kept_renamed", column=a, written=b))
        for a, b in renamed
    ]


def keep_segment(table: pa.Table, segment: str | None) -> pa.Table:
    """The rows of one segment (`--segment`), in the order they came; all rows for None."""
    if segment is None:
        return table
    import pyarrow as pa
    import pyarrow.compute as pc

    column = table.column("segment")
    if pa.types.is_dictionary(column.type):
        column = column.cast(pa.string())
    return table.filter(pc.equal(column, segment))


def write_folder(source: str | Plan, criteria: Criteria, target: str, options: Options) -> Run:
    """`-o DIR/ --format parquet` with Spark: Spark writes the customers as a folder of
    Parquet files and summary.json beside them; only the summary comes back."""
    from portfolio_cli import engines
    from portfolio_cli.engines import spark
    from portfolio_cli.inputs import load_input

    planned = plan(source, options) if isinstance(source, str) else source
    options = planned.options
    if planned.engine != "spark":
        raise UsageError(Issue("bad-format", message("spark.parquet_needs_spark")))
    warnings: list[Issue] = []
    customers = None
    try:
        if not engines.reads_in_place(planned.source, "spark"):
            customers, notes, _ = load_input(
                planned.source, criteria, options.inputs, as_of=options.day
            )
            warnings += [Issue("input", text) for text in notes]
        elif options.keep_columns:
            text = message("spark.keep_columns", source=planned.source)
            raise UsageError(Issue("bad-option", text))
        settings = options.spark or engines.SparkSettings()
        session = spark.session(settings.remote, settings.master)
        summary = spark.write_partitioned(
            planned.source, criteria, options.day, target, session, customers
        )
    except PortfolioError as error:
        error.warnings = (*warnings, *error.warnings)
        raise
    label = planned.source if customers is None else customers.info.source
    return Run(summary, label, tuple(warnings), customers=customers)
