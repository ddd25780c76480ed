"""Run the method compiled to SQL (`engines/sql.py`) in embedded DuckDB.

DuckDB scans the reader's typed Arrow columns without a copy, so a French export, decimal
commas, cp1252 or a glob of files are read exactly as the Arrow engine reads them; it then
evaluates every rule, counts, segments and ranks (its sort spills to a temporary folder under
`--memory-limit`) and sums the summary in one scan. What comes back is the same typed result as
the Arrow engine's (`engine.Classification`): the same writers serialise it, so no format can
drift between engines.

A plain UTF-8 CSV file, or Parquet files, DuckDB reads with its own scanners (`scanned`): one
scan of the file judges every customer, checks every cell and sorts the rows into a table of
DuckDB's own; the summary is summed from that table, and DuckDB writes the output file from it
(`COPY`) without a row passing through Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import SEGMENTS, Criteria, required_columns
from portfolio_cli.engine import Classification, checked_input, nps_scores
from portfolio_cli.engines import memory_limit
from portfolio_cli.engines.rows import assemble, free_name, summary_of_totals
from portfolio_cli.engines.sql import Method, compile_method, render
from portfolio_cli.errors import Issue, PortfolioError
from portfolio_cli.messages import reason
from portfolio_cli.readers import CsvOptions, CustomerList
from portfolio_cli.result import Summary

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

Array = np.ndarray[Any, Any]
TABLE = "portfolio_customers"
WRITE_ROWS = 1 << 17


@contextmanager
def connection(limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB whose sorts spill to a private temporary folder under `limit`.

    Its blocks come from DuckDB's block allocator, which keeps a freed block for the next
    instead of handing it back to the system (up to `limit`, never more than the buffers may
    hold anyway): the sort, the sorted table and the write reuse the same memory, with a
    fifth less system time (5M rows: 2.5 -> 2.0 s; bench/README.md). DuckDB refuses a block
    allocator larger than the machine's memory, which a limit may be: then it goes without."""
    import duckdb

    size = memory_limit(limit)
    with tempfile.TemporaryDirectory(prefix="portfolio-duckdb-") as spill:
        con = duckdb.connect(
            config={
                "memory_limit": size,
                "temp_directory": spill,
                "preserve_insertion_order": False,
            }
        )
        with suppress(duckdb.InvalidInputException):
            con.execute(f"SET block_allocator_memory = '{size}'")
        try:
            yield con
        except duckdb.OutOfMemoryException as exc:
            raise _out_of_room(exc, size, spill) from None
        finally:
            con.close()


def _out_of_room(exc: Exception, size: str, spill: str) -> PortfolioError:
    """DuckDB out of memory under `size`, or out of disk in the folder it spills to: what the
    user can change (an option, a folder), in one line."""
    from portfolio_cli.messages import message

    if "temp_directory" in str(exc) or "offload" in str(exc):  # the spill folder is full
        folder = str(Path(spill).parent)
        return PortfolioError(Issue("out-of-disk", message("engine.spill_full", folder=folder)))
    return PortfolioError(Issue("out-of-memory", message("engine.out_of_memory", limit=size)))


def classify(
    customers: CustomerList | pd.DataFrame,
    criteria: Criteria,
    as_of: dt.date | None = None,
    limit: str | None = None,
) -> Classification:
    """The same `Classification` as `engine.classify`, computed by DuckDB."""
    as_of = as_of or dt.date.today()
    data, kinds = checked_input(customers, criteria)
    size = len(data)
    table = data.data
    if not isinstance(table, pa.Table):  # a DataFrame built by hand (library use)
        table = pa.Table.from_pandas(table, preserve_index=False)
    position = free_name("position", table.column_names)
    table = table.append_column(position, pa.array(np.arange(size, dtype=np.int64)))
    method = compile_method(criteria, as_of, TABLE, "duckdb", kinds, position=position)
    with connection(limit) as con:
        con.register(TABLE, table)
        totals = _totals(con, method)
        if criteria.listening.nps and totals["_nps_bad"]:
            nps_scores(data, criteria)  # raises the Arrow engine's error, naming the rows
        rows = _rows(con, method)
        con.unregister(TABLE)
    del table
    return assemble(data, criteria, as_of, method, rows, totals, size)


def _rows(con: duckdb.DuckDBPyConnection, method: Method) -> pa.Table:
    from portfolio_cli.engines.rows import flag_columns

    select = method.with_chain(_select(flag_columns(method.criteria)))
    return _arrow(con, render(select, "duckdb", pretty=False))


def _select(columns: list[str]) -> Any:
    from sqlglot import exp

    return exp.select(*columns).from_("ranked")


def _arrow(con: duckdb.DuckDBPyConnection, query: str) -> pa.Table:
    relation = con.sql(query)
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
    table: pa.Table = fetch()
    return table


def _totals(
    con: duckdb.DuckDBPyConnection, method: Method, extra: Sequence[Any] = ()
) -> dict[str, Any]:
    cursor = con.execute(render(method.totals(extra), "duckdb", pretty=False))
    names = [column[0] for column in cursor.description or ()]
    (row,) = cursor.fetchall()  # an aggregate without GROUP BY: always one row
    return dict(zip(names, row, strict=True))


# --- DuckDB's own CSV scanner, when it reads exactly what our reader reads ----------------------

# The characters our reader trims from a text (ASCII controls and spaces, and Unicode's white
# space), for a pattern's class: a cell starting or ending with one takes our reader, which
# trims it the same way everywhere.
_SPACES = (
    "\\x00-\\x20\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}"
    "\\x{205f}\\x{3000}"
)
_KEPT = f"[^{_SPACES}\\x7f]"  # a character our reader keeps at an end of a text (not DEL)
# a plain number without a leading zero (`0.5` and `0` are plain, `007` is a code): one pattern
# for what was two (a number, and no leading zero), so one regular expression a cell
_PLAIN_NUMBER = r"^[+-]?((0|[1-9]\d*)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_UTF8 = ("utf-8", "utf-8 (BOM)", "ascii")


@dataclass(frozen=True)
class Prepared:
    """A file DuckDB classified: its summary, and its rows to write in priority order, either
    as Arrow tables (`tables`) or by DuckDB itself into a file (`copy`)."""

    con: duckdb.DuckDBPyConnection
    method: Method
    summary: Summary

    delimiter: str

    @property
    def names(self) -> list[str]:
        """The output's column names, as `classify -f csv` writes them."""
        return [column.alias for column in self.method.columns()]

    def tables(self) -> Iterator[pa.Table]:
        """The customers in priority order, a batch at a time, with their `priority` (the
        query runs when the first batch is asked for)."""
        yield from _numbered_tables(self.con, self.method)

    def copy(self, path: Path, delimiter: str, header: bytes, shown: Path | None = None) -> None:
        """The rows written to the file `path` by DuckDB itself (`COPY`), after `header` (the
        writer's first line): no row passes through Python, so memory stays within DuckDB's
        limit; the bytes are those of the tables written by our CSV writer. `shown`: the name
        a failed write names (the output, when `path` is its temporary file)."""
        if not self.summary.total:  # COPY would still write its newline after the header
            path.write_bytes(header)
            return
        _copy_rows(self.con, self.method, path, delimiter, header, shown or path)


@contextmanager
def scanned(
    source: str,
    criteria: Criteria,
    as_of: dt.date,
    options: CsvOptions,
    limit: str | None = None,
) -> Iterator[Prepared | None]:
    """`source` classified by DuckDB's own scanners: a plain UTF-8 CSV file (`prepared_csv`) or
    Parquet files, one or a glob of them (`prepared_parquet`). None, before anything is read
    in full, when the source needs our reader (standard input, another format, a glob of CSV
    files, a file our reader would read otherwise)."""
    from portfolio_cli.readers.workbook import PARQUET_SUFFIXES
    from portfolio_cli.sources import is_pattern

    path = Path(source)
    found: AbstractContextManager[Prepared | None]
    if source == "-":
        found = nullcontext()
    elif path.suffix.lower() in PARQUET_SUFFIXES:
        found = prepared_parquet(source, criteria, as_of, options, limit)
    elif not is_pattern(source) and path.suffix.lower() in (".csv", ".txt", ""):
        found = prepared_csv(path, criteria, as_of, options, limit)
    else:
        found = nullcontext()
    with found as prepared:
        yield prepared


@contextmanager
def prepared_csv(
    path: Path,
    criteria: Criteria,
    as_of: dt.date,
    options: CsvOptions,
    limit: str | None = None,
) -> Iterator[Prepared | None]:
    """Classify a plain UTF-8 CSV file with DuckDB's own scanner (no Arrow copy of the file).

    Our reader types the file's first rows; DuckDB then reads the whole file as text and checks
    that every cell is what our reader would make of it (plain numbers without leading zeros,
    ISO dates, true/false, nothing to trim, ids present and distinct, NPS within 0-10), in the
    one scan that judges and sorts the customers (`_sorted`). Yields the result when it is,
    and None when it is not, before anything is written: the caller then reads the file with
    our reader (decimal commas, cp1252, title lines, currencies and the exact error messages
    all live there).
    """
    head = _head_kinds(path, criteria, options)
    if head is None:
        yield None
        return
    kinds, delimiter = head

    def view(con: duckdb.DuckDBPyConnection) -> str:
        return _typed_view(con, path, kinds, delimiter)

    with _prepared(criteria, as_of, kinds, delimiter, limit, view) as found:
        yield found


@contextmanager
def prepared_parquet(
    source: str,
    criteria: Criteria,
    as_of: dt.date,
    options: CsvOptions,
    limit: str | None = None,
) -> Iterator[Prepared | None]:
    """Classify a Parquet file, or a glob of them, with DuckDB's own `read_parquet`.

    Our reader writes Parquet values back as text and types that text like a CSV file's; DuckDB
    reads the typed values. Both give the same values when each needed column's Parquet type
    says what our reader makes of it (float64 and integers are numbers, NaN a missing value;
    dates; booleans; text our reader keeps as text, nothing to trim; integer or text ids):
    `_parquet_kinds` makes sure of that from the schema and the first rows, and the one scan
    that judges and sorts the customers checks every cell (text to trim, dates our reader
    cannot write, missing or repeated ids). Yields None, before anything is written, when the
    files need our reader.
    """
    plan = _parquet_kinds(source, criteria, options)
    if plan is None:
        yield None
        return
    files, kinds, types = plan

    def view(con: duckdb.DuckDBPyConnection) -> str:
        return _parquet_view(con, files, kinds, types)

    with _prepared(criteria, as_of, kinds, ",", limit, view) as found:
        yield found


@contextmanager
def _prepared(
    criteria: Criteria,
    as_of: dt.date,
    kinds: dict[str, Kind],
    delimiter: str,
    limit: str | None,
    view: Callable[[duckdb.DuckDBPyConnection], str],
) -> Iterator[Prepared | None]:
    """The method over view `typed` (made by `view`, which returns the name of its column
    flagging cells our reader would read otherwise): the file read once into a sorted table,
    then its summary and the checks of its cells from that table."""
    import duckdb

    with connection(limit) as con:
        try:
            flag = view(con)
            carry = {flag: "_bad"}
            method = _sorted(
                con, compile_method(criteria, as_of, "typed", "duckdb", kinds, carry=carry)
            )
            totals = _totals(con, method, _input_checks())
        except duckdb.OutOfMemoryException:
            raise  # not the file's fault: `connection` says what to change
        except duckdb.Error:  # a cell DuckDB cannot cast, a ragged row: our reader says what
            yield None
            return
        if any(totals[name] for name in _CHECKS) or (criteria.listening.nps and totals["_nps_bad"]):
            yield None  # our reader names the cells and rows
            return
        yield Prepared(con, method, summary_of_totals(criteria, as_of, method, totals), delimiter)


_CHECKS = ("_bad_cells", "_missing_ids", "_repeated_ids")
SORTED = "portfolio_sorted"


def _sorted(con: duckdb.DuckDBPyConnection, method: Method) -> Method:
    """The file read once: every rule judged and counted, the rows sorted in priority order
    into a table of DuckDB's own (which spills to the temporary folder under the memory
    limit), and the method reading that table, whose `ranked` step numbers each row from its
    place in it (`rowid`: DuckDB keeps a table's rows in the order they were inserted).

    The summary, the checks of the input and the rows written then read the sorted table, not
    the file: one scan of the file and one sort in all, and the rows are written in the
    table's order by as many threads as DuckDB has (no `row_number()` over the stream).

    The table is narrow (`_packed`): the counts are stored as their packed sort key, and every
    rule's verdict and problem's state as bits of one integer; `ranked` unpacks them under
    their usual names. 5M rows: a table a third smaller, of which less spills (33 MiB on disk
    instead of 91), and a sort 0.2 s quicker (bench/README.md)."""
    from sqlglot import exp

    kept, unpacked = _packed(method)
    keys = {column.name for key in method.order for column in key.find_all(exp.Column)}
    # the `order_by` values (the sort needs them, the table does not), and what is packed
    left_out = sorted((keys - {"_id", *_COUNTS}) | {name for name, _ in unpacked})
    excluded = "except_" if "except_" in exp.Star.arg_types else "except"  # sqlglot's name
    star = exp.Star(**{excluded: [exp.column(name) for name in left_out]} if left_out else {})
    order = [key.copy() for key in method.order]
    if any(name == "_k" for name, _ in kept):  # the three counts' packed key sorts for them
        order = [exp.Ordered(this=exp.column("_k"), desc=False, nulls_first=False), *order[3:]]
    stored = [exp.alias_(value, name) for name, value in kept]
    body = exp.select(star, *stored).from_("counts").order_by(*order)
    chain = [(name, select) for name, select in method.ctes if name != "ranked"]
    table = exp.Create(
        this=exp.to_table(SORTED),
        kind="TABLE",
        expression=dataclasses.replace(method, ctes=chain).with_chain(body),
        properties=exp.Properties(expressions=[exp.TemporaryProperty()]),
    )
    con.execute("SET preserve_insertion_order = true")  # the table keeps the sort's order
    con.execute(render(table, "duckdb", pretty=False))
    packed = [exp.column(name) for name, _ in kept]
    inner = exp.select(
        exp.Star(**{excluded: packed} if packed else {}),
        *(exp.alias_(value, name) for name, value in unpacked),
        exp.alias_(exp.column("rowid"), "_rid"),
    ).from_(SORTED)
    position = exp.Add(this=exp.column("_rid"), expression=exp.Literal.number(1))
    ranked = exp.select(
        "*", exp.alias_(method.segment.copy(), "_segment"), exp.alias_(position, "_priority")
    ).from_(inner.subquery("stored"))
    return dataclasses.replace(method, ctes=[("ranked", ranked)], order=[exp.column("_priority")])


def _packed(method: Method) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
    """What the sorted table stores in place of the counts and flags of `counts`, and how
    `ranked` gets them back: (stored name, value from `counts`) and (usual name, value from
    the stored columns).

    `_k`: criteria met, active and compensated problems as their packed sort key
    (`_packed_key`), when the order is the known one. `_m`: bit i is rule i met (true), bit
    R + i rule i unknown (NULL), then one bit per problem active and one per problem
    compensated (never NULL), when they fit in 64 bits. Same values, fewer and narrower
    columns: the sort moves less and the table takes less memory."""
    from sqlglot import exp

    def number(value: int) -> Any:
        return exp.Literal.number(value)

    def integer(value: Any) -> Any:
        return exp.cast(value, exp.DataType.build("INTEGER"))

    kept: list[tuple[str, Any]] = []
    unpacked: list[tuple[str, Any]] = []
    key = _packed_key(method)
    if key is not None:
        retained, base = len(method.criteria.criteria), len(method.criteria.problems) + 1
        k = exp.column("_k")
        met = exp.Sub(
            this=number(retained), expression=exp.IntDiv(this=k, expression=number(base * base))
        )
        active = exp.Mod(
            this=exp.Paren(this=exp.IntDiv(this=k.copy(), expression=number(base))),
            expression=number(base),
        )
        compensated = exp.Mod(this=k.copy(), expression=number(base))
        kept.append(("_k", key))
        unpacked += [
            ("_met", integer(met)),
            ("_active", integer(active)),
            ("_compensated", integer(compensated)),
        ]
    rules, problems = len(method.criteria.rules()), len(method.criteria.problems)
    width = _unsigned(2 * rules + 2 * problems)
    if width is None:
        return kept, unpacked
    bits: list[tuple[Any, int]] = []  # (a condition never NULL, its bit)
    for i in range(rules):
        verdict = exp.column(f"_r{i}")
        bits += [(verdict.is_(exp.true()), i), (verdict.copy().is_(exp.null()), rules + i)]
    for j in range(problems):
        bits += [(exp.column(f"_a{j}").is_(exp.true()), 2 * rules + j)]
        bits += [(exp.column(f"_c{j}").is_(exp.true()), 2 * rules + problems + j)]
    unsigned = exp.DataType.build("UBIGINT", dialect="duckdb")
    terms = [
        exp.Mul(this=exp.cast(condition, unsigned.copy()), expression=number(1 << bit))
        for condition, bit in bits
    ]
    mask: Any = terms[0]
    for term in terms[1:]:
        mask = exp.Add(this=mask, expression=term)
    kept.append(("_m", exp.cast(mask, exp.DataType.build(width, dialect="duckdb"))))

    def bit(index: int) -> Any:
        anded = exp.BitwiseAnd(this=exp.column("_m"), expression=number(1 << index))
        return exp.NEQ(this=exp.Paren(this=anded), expression=number(0))

    for i in range(rules):
        unpacked.append((f"_r{i}", exp.Case().when(bit(rules + i), exp.Null()).else_(bit(i))))
    for j in range(problems):
        unpacked += [(f"_a{j}", bit(2 * rules + j)), (f"_c{j}", bit(2 * rules + problems + j))]
    return kept, unpacked


def _unsigned(bits: int) -> str | None:
    """The narrowest unsigned DuckDB integer of at least `bits` bits (None past 64)."""
    widths = (("UTINYINT", 8), ("USMALLINT", 16), ("UINTEGER", 32), ("UBIGINT", 64))
    return next((name for name, size in widths if bits <= size), None)


def _input_checks() -> list[Any]:
    """Aggregates over the typed file, beside the summary's: a cell that is not what the first
    rows promised, missing ids, ids seen twice (each: a count or a flag, 0 when all is well)."""
    from sqlglot import exp

    ident = exp.column("_id")
    bad = exp.Coalesce(this=exp.func("bool_or", exp.column("_bad")), expressions=[exp.false()])
    missing = exp.Filter(
        this=exp.Count(this=exp.Star()), expression=exp.Where(this=ident.is_(exp.null()))
    )
    # distinct hashes of the ids: cheaper than distinct texts, and two ids that collide only
    # send the file to our reader (which then finds them distinct): never a missed duplicate
    hashed = exp.func("hash", ident.copy())
    repeated = exp.Sub(
        this=exp.Count(this=exp.Star()),
        expression=exp.Count(this=exp.Distinct(expressions=[hashed])),
    )
    return [
        exp.alias_(exp.Coalesce(this=value, expressions=[exp.Literal.number(0)]), name)
        for value, name in zip((bad, missing, repeated), _CHECKS, strict=True)
    ]


def _head_kinds(
    path: Path, criteria: Criteria, options: CsvOptions
) -> tuple[dict[str, Kind], str] | None:
    """Each needed column's kind in the file's first rows, when the file is plain UTF-8 CSV
    whose first line is its header (else None)."""
    from portfolio_cli.readers import type_text
    from portfolio_cli.readers.csv import first_rows

    if options.decimal == "," or options.dayfirst:
        return None
    found = first_rows(path, options)
    if found is None:
        return None
    head, sample = found
    info = sample.info
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
    names = required_columns(criteria)
    if (
        info.encoding not in _UTF8
        or info.notes
        or info.delimiter == ";"  # French exports: decimal commas and day-first dates
        or b'"' in first
        or first.decode("utf-8", "replace").split(info.delimiter) != list(sample.header)
        or any(name not in sample.header for name in names)
        or b"\r" in head.replace(b"\r\n", b"")
    ):
        return None
    text = [criteria.customers.id] + ([criteria.customers.name] if criteria.customers.name else [])
    typed, _ = type_text(sample, options, text)
    if any(typed[name].ambiguous or typed[name].mixed for name in names):
        return None
    if any(typed[key.column].kind is Kind.TEXT for key in criteria.policy.order_by):
        return None  # our reader says when one odd cell made such a column text
    return {name: typed[name].kind for name in names}, info.delimiter


def _typed_view(
    con: duckdb.DuckDBPyConnection, path: Path, kinds: dict[str, Kind], delimiter: str
) -> str:
    """View `typed`: the needed columns typed as our reader types them, beside a flag (its
    name is returned) that is true where a cell is not what the file's first rows promised.
    Built by sqlglot: column names, the path and the delimiter are quoted by the library."""
    from sqlglot import exp

    columns: list[exp.Expr] = []
    bad_cells: list[exp.Expr] = []
    shaped: list[tuple[exp.Expr, str]] = []  # a cell, and the pattern its whole text must match
    texts: list[exp.Expr] = []  # cells that must have nothing to trim
    for name, kind in kinds.items():
        cell = exp.Column(this=exp.to_identifier(name, quoted=True))
        raw = exp.Nullif(this=cell.copy(), expression=exp.Literal.string(""))
        value: exp.Expr = raw
        if kind is Kind.NUMBER:  # the pattern leaves nothing to trim and no leading zero
            value = exp.cast(raw, exp.DataType.build("DOUBLE"))
            shaped.append((cell.copy(), _PLAIN_NUMBER))
        elif kind is Kind.DATE:
            day = exp.TryCast(this=raw.copy(), to=exp.DataType.build("DATE"))
            value = exp.cast(day, exp.DataType.build("TIMESTAMP"))
            shaped.append((cell.copy(), _ISO_DATE))
            # a date that is not one (2026-02-30); a blank cell is a missing value
            bad_cells.append(
                exp.and_(exp.not_(raw.copy().is_(exp.null())), day.copy().is_(exp.null()))
            )
        elif kind is Kind.BOOL:
            lowered = exp.Lower(this=raw)
            value = lowered.eq(exp.Literal.string("true"))
            words = [exp.Literal.string("true"), exp.Literal.string("false")]
            bad_cells.append(exp.not_(exp.In(this=lowered.copy(), expressions=words)))
        elif kind is Kind.EMPTY:
            value = exp.cast(exp.Null(), exp.DataType.build("VARCHAR"))
            bad_cells.append(exp.not_(raw.copy().is_(exp.null())))
        else:
            texts.append(cell.copy())
        columns.append(exp.alias_(value, exp.to_identifier(name, quoted=True)))
    bad_cells = _shape_checks(shaped, texts) + bad_cells
    flag = free_name("bad", list(kinds))
    bad = exp.Coalesce(this=exp.or_(*bad_cells), expressions=[exp.false()])
    columns.append(exp.alias_(bad, exp.to_identifier(flag, quoted=True)))
    options = {
        "header": exp.true(),
        "all_varchar": exp.true(),
        "delim": exp.Literal.string(delimiter),
        "quote": exp.Literal.string('"'),
        "escape": exp.Literal.string('"'),
        "strict_mode": exp.true(),
        "null_padding": exp.false(),
        "encoding": exp.Literal.string("utf-8"),
    }
    arguments: list[exp.Expr] = [exp.Literal.string(str(path))]
    arguments += [
        exp.PropertyEQ(this=exp.to_identifier(key), expression=value)
        for key, value in options.items()
    ]
    source = exp.Table(this=exp.Anonymous(this="read_csv", expressions=arguments))
    # every query reads the file again through this view: DuckDB scans a CSV file faster than
    # it copies one into a table of its own, and the scan takes no memory
    view = exp.select(*columns).from_(source).sql("duckdb")
    con.execute(f"CREATE TEMP VIEW typed AS {view}")
    return flag


# Joins the cells the check of a row reads: no cell pattern matches it and our reader does not
# trim it (DEL), so a pattern never reaches into the next cell.
_JOIN = "\x7f"
# a text cell with nothing to trim: blank, or first and last characters not trimmed (nor DEL)
_UNTRIMMED = f"(?:{_KEPT}(?:[^\\x7f]*{_KEPT})?)?"


def _shape_checks(shaped: list[tuple[Any, str]], texts: list[Any]) -> list[Any]:
    """One regular expression a row instead of one a cell (each call costs more than the
    matching, and so does each joining of the cells): true where a cell of `shaped` does not
    match its pattern (a blank one always does), or where a cell of `texts` starts or ends
    with a character our reader trims.

    The cells are joined with `_JOIN` and matched by their patterns joined the same way: no
    pattern matches `_JOIN`, so each pattern matches its own cell (a text holding `_JOIN` only
    sends the file to our reader). DuckDB's `concat` reads NULL as ''."""
    from sqlglot import exp

    cells = [cell for cell, _ in shaped] + texts
    if not cells:
        return []
    bodies = [f"(?:{pattern.removeprefix('^').removesuffix('$')})?" for _, pattern in shaped]
    bodies += [_UNTRIMMED] * len(texts)
    parts: list[exp.Expr] = [cells[0]]
    for cell in cells[1:]:
        parts += [exp.Literal.string(_JOIN), cell]
    joined = exp.Anonymous(this="concat", expressions=parts)
    whole = exp.Literal.string("^" + _JOIN.join(bodies) + "$")
    return [exp.not_(exp.func("regexp_matches", joined, whole))]


def _parquet_kinds(
    source: str, criteria: Criteria, options: CsvOptions
) -> tuple[list[Path], dict[str, Kind], dict[str, pa.DataType]] | None:
    """The files, and each needed column's kind and Parquet type, when DuckDB's values are our
    reader's (see `prepared_parquet`); None otherwise."""
    import pyarrow.parquet as pq

    from portfolio_cli.readers import ReadInfo, type_text
    from portfolio_cli.readers.csv import TextTable
    from portfolio_cli.readers.workbook import PARQUET_SUFFIXES, as_text
    from portfolio_cli.sources import input_files

    files = input_files(source)
    if not files or any(path.suffix.lower() not in PARQUET_SUFFIXES for path in files):
        return None
    names = required_columns(criteria)
    try:
        schemas = [pq.read_schema(path) for path in files]
        if any(not schema.equals(schemas[0]) for schema in schemas[1:]):
            return None  # our reader says which file differs
        schema = schemas[0]
        header = schema.names
        if len(set(header)) != len(header) or any(n != n.strip() or not n for n in header):
            return None  # names our reader renames
        if any(name not in header for name in names):
            return None
        batches = pq.ParquetFile(files[0]).iter_batches(batch_size=HEAD_ROWS, columns=names)
        first = next(batches, None)
    except (pa.ArrowInvalid, OSError):
        return None
    if first is None:
        return None
    sample = TextTable(
        as_text(pa.Table.from_batches([first]), None), tuple(names), ReadInfo(source, "parquet")
    )
    shown = [criteria.customers.id] + ([criteria.customers.name] if criteria.customers.name else [])
    typed, info = type_text(sample, options, shown)
    types = {name: schema.field(name).type for name in names}
    kinds = {name: typed[name].kind for name in names}
    if info.notes or any(typed[name].ambiguous or typed[name].mixed for name in names):
        return None
    for name in names:
        kind, kept = kinds[name], types[name]
        text = pa.types.is_string(kept) or pa.types.is_large_string(kept)
        if name == criteria.customers.id:
            fits = text or pa.types.is_integer(kept)
        elif name in shown:
            fits = text
        else:
            fits = {
                Kind.NUMBER: pa.types.is_float64(kept) or pa.types.is_integer(kept),
                Kind.DATE: pa.types.is_date32(kept),
                Kind.BOOL: pa.types.is_boolean(kept),
                Kind.TEXT: text,
            }.get(kind, False)
        if not fits:
            return None
    return files, kinds, types


HEAD_ROWS = 1 << 16


def _parquet_view(
    con: duckdb.DuckDBPyConnection,
    files: list[Path],
    kinds: dict[str, Kind],
    types: dict[str, pa.DataType],
) -> str:
    """View `typed` over `read_parquet`: the needed columns as our reader types them, and a
    flag (its name returned) where a cell is not what our reader would make of it."""
    from sqlglot import exp

    columns: list[exp.Expr] = []
    bad_cells: list[exp.Expr] = [exp.false()]
    texts: list[exp.Expr] = []  # cells that must have nothing to trim
    for name, kind in kinds.items():
        cell: exp.Expr = exp.Column(this=exp.to_identifier(name, quoted=True))
        value: exp.Expr = cell
        if kind is Kind.NUMBER:  # NaN is a missing value, as a blank cell
            number = exp.cast(cell, exp.DataType.build("DOUBLE"))
            nan = exp.cast(exp.Literal.string("NaN"), exp.DataType.build("DOUBLE"))
            value = exp.Nullif(this=number, expression=nan)
        elif kind is Kind.DATE:  # our reader writes a date back as ISO text: years 1-9999
            value = exp.cast(cell, exp.DataType.build("TIMESTAMP"))
            low, high = (
                exp.cast(exp.Literal.string(day), exp.DataType.build("DATE"))
                for day in ("0001-01-01", "9999-12-31")
            )
            bad_cells.append(exp.or_(cell.copy() < low, cell.copy() > high))
        elif kind is Kind.TEXT:
            if not (pa.types.is_string(types[name]) or pa.types.is_large_string(types[name])):
                cell = exp.cast(cell, exp.DataType.build("VARCHAR"))  # an integer id
            value = exp.Nullif(this=cell, expression=exp.Literal.string(""))
            texts.append(cell.copy())
        columns.append(exp.alias_(value, exp.to_identifier(name, quoted=True)))
    bad_cells += _shape_checks([], texts)
    flag = free_name("bad", list(kinds))
    bad = exp.Coalesce(this=exp.or_(*bad_cells), expressions=[exp.false()])
    columns.append(exp.alias_(bad, exp.to_identifier(flag, quoted=True)))
    paths = exp.Array(expressions=[exp.Literal.string(str(path)) for path in files])
    source = exp.Table(this=exp.Anonymous(this="read_parquet", expressions=[paths]))
    view = exp.select(*columns).from_(source).sql("duckdb")
    con.execute(f"CREATE TEMP VIEW typed AS {view}")
    return flag


def _numbered_tables(con: duckdb.DuckDBPyConnection, method: Method) -> Iterator[pa.Table]:
    """The customers in priority order as the Arrow engine's output table has them, a batch
    at a time (the sorted table read in its order)."""
    from sqlglot import exp

    select = method.with_chain(exp.select(*method.columns()).from_("ranked"))
    relation = con.sql(render(select, "duckdb", pretty=False))
    fetch = getattr(relation, "to_arrow_reader", None) or relation.fetch_record_batch
    for batch in fetch(WRITE_ROWS):
        yield _plain(batch)


def _plain(batch: pa.RecordBatch) -> pa.Table:
    """DuckDB's types as the Arrow engine's output table has them (64-bit integers)."""
    columns = [
        column.cast(pa.int64()) if pa.types.is_integer(column.type) else column
        for column in batch.columns
    ]
    return pa.table(columns, names=batch.schema.names)


def _copy_rows(
    con: duckdb.DuckDBPyConnection,
    method: Method,
    path: Path,
    delimiter: str,
    header: bytes,
    shown: Path,
) -> None:
    """`_numbered_tables`' rows as our CSV writer writes them, written by DuckDB's COPY after
    `header` (our writer's line, the file's prefix): text columns always quoted as Arrow's
    writer quotes them, numbers never, missing values as nothing; formulas neutralised in SQL
    exactly as `display.neutralise`."""
    import duckdb
    from sqlglot import exp

    from portfolio_cli.display import neutralise
    from portfolio_cli.errors import Issue, OutputError
    from portfolio_cli.messages import message

    criteria = method.criteria
    actions = {name: neutralise(criteria.actions[name]) for name in SEGMENTS}
    columns = method.columns(texts=_neutralised, actions=actions, lookup=True)
    names = [column.alias for column in columns]
    plain = [exp.alias_(column.this, f"c{i}") for i, column in enumerate(columns)]
    quoted = ", ".join(f"c{i}" for i, name in enumerate(names) if name not in _NUMBERS)
    # the sorted table read in its order (DuckDB's order preservation, on with
    # preserve_insertion_order, since `_sorted`), so the file has the rows in priority order
    query = method.with_chain(exp.select(*plain).from_("ranked"))

    def literal(text: str) -> str:
        return exp.Literal.string(text).sql("duckdb")

    options = [
        "HEADER false",
        f"DELIMITER {literal(delimiter)}",
        f"QUOTE {literal(chr(34))}",
        f"ESCAPE {literal(chr(34))}",
        f"FORCE_QUOTE ({quoted})",
        # rows are separated by newlines, the last one ended by SUFFIX
        f"PREFIX {literal(header.decode('utf-8'))}",
        f"SUFFIX {literal(chr(10))}",
        "USE_TMP_FILE false",  # `path` is a temporary file already (writers/files.py)
    ]
    sql = f"COPY ({render(query, 'duckdb', pretty=False)}) TO {literal(str(path))} "
    sql += f"({', '.join(options)})"
    try:
        _written(con, sql)
    except duckdb.IOException as exc:
        text = message("streams.write_failed", path=shown, reason=io_reason(exc))
        raise OutputError(Issue("write-failed", text)) from None


def _written(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Run the `COPY` statement `sql`, by every thread when memory allows, else by one.

    Threads writing in order each hold their parts in memory until the parts before them are
    written, beside the sorted table's blocks read back from disk when it spilled: with most of
    the table on disk (50M rows under 512 MiB) that ran out of memory, once in two runs. Then
    one thread writes, reading the parts in order; and when the parallel write runs out of
    memory all the same, one thread writes it again (the file is rewritten from its start)."""
    import duckdb

    query = "SELECT sum(temporary_storage_bytes) > sum(memory_usage_bytes) FROM duckdb_memory()"
    (on_disk,) = con.execute(query).fetchone() or (False,)
    if not on_disk:
        try:
            con.execute(sql)
            return
        except duckdb.OutOfMemoryException:
            pass
    con.execute("SET threads = 1")
    con.execute(sql)


_NUMBERS = ("priority", "criteria_met")
_COUNTS = ("_met", "_active", "_compensated")


def _packed_key(method: Method) -> Any | None:
    """The priority's first three sort keys (criteria met, desc; active, then compensated
    problems, asc) packed into one small unsigned integer that sorts the same way; None when
    the order does not start with them.

    The same order, a narrower key: DuckDB compares the first 32 bytes of a sort key inline
    and the rest through a pointer. Three INTEGER keys take 15 of those bytes, the packed one
    2, so a short id (10 bytes and a terminator, after an 8-byte `order_by` number) still
    fits: 5M rows sort in about two thirds of the time."""
    from sqlglot import exp

    keys = [key.this for key in method.order[:3]]
    if [getattr(key, "name", None) for key in keys] != list(_COUNTS):  # not the known layout
        return None
    met, active, compensated = (key.copy() for key in keys)
    criteria = method.criteria
    kept, base = len(criteria.criteria), len(criteria.problems) + 1

    def number(value: int) -> Any:
        return exp.Literal.number(value)

    missed = exp.Paren(this=exp.Sub(this=number(kept), expression=met))
    packed = exp.Add(
        this=exp.Mul(
            this=exp.Paren(
                this=exp.Add(this=exp.Mul(this=missed, expression=number(base)), expression=active)
            ),
            expression=number(base),
        ),
        expression=compensated,
    )
    width = _unsigned(((kept + 1) * base * base - 1).bit_length()) or "UBIGINT"
    return exp.cast(packed, exp.DataType.build(width, dialect="duckdb"))


_ERRNO = re.compile(r'"errno"\s*:\s*"?(\d+)')


def io_reason(exc: Exception) -> str:
    """Why DuckDB could not write a file, worded as our own writers word it (`no space left on
    device`, in the user's language). DuckDB's IO errors end with the system's reason, and a
    failed write holds it in a JSON object with its errno (`Async write failed ...:
    {"exception_message": "Could not write file ...: No space left on device", "errno": "28"}`).
    """
    text = str(exc)
    found = _ERRNO.search(text)
    if found:
        number = int(found.group(1))
        return reason(OSError(number, os.strerror(number)))
    why = text.rsplit(": ", 1)[-1].strip()
    number = next((n for n in errno.errorcode if os.strerror(n) == why), 0)
    return reason(OSError(number, why))


def _neutralised(value: Any) -> Any:
    """`display.neutralise` in SQL: a text starting with = + - @ tab or CR that is not a number
    gets a leading `'`."""
    from sqlglot import exp

    from portfolio_cli.display import FORMULA_FIRST, NUMBER

    first = exp.func("ascii", value.copy())  # the first character's code point
    # ORs, not IN: DuckDB plans an IN list of six as a join
    risky = exp.or_(*(first.copy().eq(exp.Literal.number(ord(c))) for c in FORMULA_FIRST))
    number = exp.func("regexp_matches", value.copy(), exp.Literal.string(NUMBER))
    prefixed = exp.DPipe(this=exp.Literal.string("'"), expression=value.copy(), safe=True)
    # nested: DuckDB runs the pattern only on the texts whose first character is risky
    kept = exp.Case().when(number, value.copy()).else_(prefixed)
    return exp.Case().when(risky, kept).else_(value.copy())
