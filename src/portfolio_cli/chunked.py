"""Large CSV files classified in chunks, with bounded memory (the pipeline chooses this path).

Classification is row-local except the priority rank and the summary. Above a threshold
(`--chunk-rows N`, else `$PORTFOLIO_CHUNK_ROWS`, else `CHUNK_ROWS`) a CSV file going to CSV is
read twice as a stream of record batches (the readers' own reading, encoding fallbacks and
errors), only the columns the rules need:

1. a first pass keeps the ids (checked as the in-memory reader checks them) and each column's
   distinct values; the reader's own typing function decides each column's kind from them,
   which is the kind it would decide from the whole column, so every chunk agrees;
2. a second pass types and classifies each chunk and keeps only what the output and the rank
   need: ids, names, and small codes (segment, criteria and problem keys, counts, order_by
   values). One sort of that compact rank key gives the priority, and the rows are handed to
   the pipeline's sink in rank order, a slice at a time (nothing here writes).

The output is byte for byte what the in-memory path writes (tests check it).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import OUTPUT_COLUMNS, Criteria, required_columns
from portfolio_cli.engine import (
    Classification,
    classify,
    priority_order,
)
from portfolio_cli.naming import kept_names
from portfolio_cli.readers import (
    CustomerList,
    ReadInfo,
    check_ids,
    column_notes,
    is_french,
    read_customers,
    typed_table,
)
from portfolio_cli.readers.columns import Typed, clean_text, infer_column
from portfolio_cli.readers.csv import (
    BLOCK_BYTES,
    CsvOptions,
    first_rows,
    open_text_batches,
    read_error,
    with_fallbacks,
)
from portfolio_cli.readers.spool import named_in_utf8
from portfolio_cli.result import Summary

CHUNK_ROWS = 2_000_000
ENV_CHUNK_ROWS = "PORTFOLIO_CHUNK_ROWS"
PART_ROWS = 250_000  # at most this many rows are classified at once
WRITE_ROWS = 1 << 17
_NULLS = {Kind.NUMBER: pa.float64(), Kind.DATE: pa.timestamp("s"), Kind.BOOL: pa.bool_()}


def chunk_rows(option: int | None = None) -> int:
    """--chunk-rows, else $PORTFOLIO_CHUNK_ROWS, else CHUNK_ROWS."""
    if option:
        return option
    value = os.environ.get(ENV_CHUNK_ROWS, "").replace("_", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else CHUNK_ROWS


@dataclass(frozen=True)
class Layout:
    """How a CSV file is laid out, found by the ordinary reader on the file's first rows."""

    header: tuple[str, ...]
    info: ReadInfo
    estimated_rows: int


def layout(
    source: str | Path, options: CsvOptions = CsvOptions(), rows_above: int = 0
) -> Layout | None:
    """The header, encoding and delimiter of a CSV file and a row estimate, or None when the
    file is not a CSV file on disk, cannot hold more than `rows_above` rows, or its first rows
    cannot be read (the in-memory path then reports the problem as usual)."""
    path = Path(source)
    if str(source) == "-" or path.suffix.lower() not in ("", ".csv", ".txt", ".tsv"):
        return None
    if not named_in_utf8(path):
        return None  # Arrow opens files by UTF-8 name only: the in-memory path reads it
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):
            return None  # a pipe or a device: read once, whole, by the in-memory path
        size = found.st_size
    except OSError:
        return None
    if size < 2 * rows_above:
        return None  # a row takes two bytes at least: too small to hold that many rows
    found_rows = first_rows(source, options)
    if found_rows is None:
        return None
    head, sample = found_rows
    rows = max(sample.table.num_rows, 1)
    return Layout(sample.header, sample.info, int(size / max(len(head), 1) * rows))


def should_stream(
    source: str | Path, options: CsvOptions, chunk: int | None = None, id_column: str = ""
) -> Layout | None:
    """The file's layout when it is a CSV file estimated above the chunk threshold (so it is
    streamed), else None (the in-memory path). `id_column` finds the header below title lines,
    as the in-memory reader does."""
    if id_column:
        options = replace(options, find_header=id_column)
    found = layout(source, options, chunk_rows(chunk))
    return found if found is not None and found.estimated_rows > chunk_rows(chunk) else None


# --- the streaming path --------------------------------------------------------------------


def _batches(
    path: Path,
    found: Layout,
    columns: list[str],
    rows: int,
    encoding: str,
    block: int = BLOCK_BYTES,
) -> Iterator[pa.Table]:
    """The file's `columns` as text, `rows` rows at a time, read `block` bytes at a time (the
    reader's own reading, as a stream)."""
    info = found.info
    skipped = info.header_row - 1  # title lines above the header
    reader = open_text_batches(
        path, found.header, columns, encoding, info.delimiter, block, skipped
    )
    pending: list[pa.RecordBatch] = []
    held = 0
    for batch in reader:
        pending.append(batch)
        held += batch.num_rows
        while held >= rows:
            table = pa.Table.from_batches(pending)
            yield table.slice(0, rows)
            rest = table.slice(rows)
            pending, held = rest.to_batches(), rest.num_rows
    if held:
        yield pa.Table.from_batches(pending)


def _read_failed(path: Path, found: Layout, lang: str | None) -> Callable[[Exception, str], Any]:
    """The reader's own error for a file that cannot be read as found."""
    info = found.info

    def failed(exc: Exception, encoding: str) -> Exception:
        return read_error(
            exc,
            str(path),
            info.source,
            found.header,
            encoding,
            info.delimiter,
            lang,
            info.header_row - 1,  # title lines above the header
        )

    return failed


@dataclass(frozen=True)
class _Kinds:
    """What the first pass decided for the whole file."""

    kinds: dict[str, Kind]
    hints: dict[str, dict[str, Any]]  # per column: infer_column's keyword arguments
    notes: tuple[str, ...]


def _kinds(
    path: Path,
    found: Layout,
    rules: Criteria,
    columns: list[str],
    rows: int,
    options: CsvOptions,
    encoding: str,
    block: int,
) -> _Kinds:
    """First pass: every column's kind, decided by the reader's own `infer_column` on the
    column's distinct values (the kind the whole column gets, since every test it makes is
    "all cells" or "any cell"), with the decimal mark and day order that whole column settles,
    so that every part is typed alike; and the ids, checked as the in-memory reader checks them."""
    id_column = rules.customers.id
    forced = {id_column, *([rules.customers.name] if rules.customers.name else [])}
    typed = [c for c in columns if c not in forced]
    ids: list[pa.ChunkedArray] = []
    distinct: dict[str, list[pa.Array]] = {c: [] for c in typed}
    for table in _batches(path, found, [id_column, *typed], rows, encoding, block):
        ids.append(clean_text(table.column(id_column)))
        for name in typed:
            seen = distinct[name]
            seen.append(pc.unique(clean_text(table.column(name))))
            if len(seen) > 8:
                distinct[name] = [pc.unique(pa.chunked_array(seen, pa.string()))]
    all_ids = pa.chunked_array([c for part in ids for c in part.chunks], pa.string())
    if all_ids.null_count or not _distinct(all_ids):
        # its message
        check_ids(found.info.source, id_column, Typed(Kind.TEXT, all_ids), found.info.first_row)
    del all_ids, ids
    base: dict[str, Any] = {
        "decimal": options.decimal,
        "dayfirst": options.dayfirst,
        "french": is_french(found.info, options),
    }
    kinds = dict.fromkeys(forced & set(columns), Kind.TEXT)
    hints: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for name, seen in distinct.items():
        values = pc.unique(pa.chunked_array(seen, pa.string()))
        whole = infer_column(values, **base)
        kinds[name] = whole.kind
        hints[name] = _settled(values, whole, base)
        notes += column_notes(found.info.source, {name: whole}, options.lang)
    return _Kinds(kinds, hints, tuple(notes))


def _settled(values: pa.Array, whole: Typed, base: dict[str, Any]) -> dict[str, Any]:
    """`base` with the decimal mark or the day order that typed the whole column made
    explicit: a part holding only `1,234` must not read it another way than the file did."""
    tries: list[dict[str, Any]] = []
    if whole.kind is Kind.NUMBER:
        tries = [{"decimal": "."}, {"decimal": ","}]
    elif whole.kind is Kind.DATE:
        tries = [{"dayfirst": True}, {"dayfirst": False}]
    for extra in tries:
        again = infer_column(values, **{**base, **extra})
        if again.kind is whole.kind and again.array.equals(whole.array):
            return {**base, **extra}
    return base


def _distinct(ids: pa.ChunkedArray) -> bool:
    """No id twice, found by sorting: a hash table of millions of ids would cost more memory
    than the whole rank key."""
    ordered = ids.take(pc.sort_indices(ids))
    if len(ordered) < 2:
        return True
    return not pc.any(pc.equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1))).as_py()


def _typed(array: pa.ChunkedArray, kind: Kind, hints: dict[str, Any]) -> Typed:
    """One part of a column, converted to the kind decided for the whole column."""
    if kind is Kind.TEXT or kind is Kind.EMPTY:
        return Typed(kind, infer_column(array, force_text=True).array)
    found = infer_column(array, **hints)
    if found.kind is kind:
        return found
    # a part with only blank cells: nulls of the column's type
    return Typed(kind, pa.chunked_array([pa.nulls(len(array), _NULLS[kind])]))


@dataclass
class _Held:
    """What the second pass keeps per row, in each chunk's own priority order."""

    output: list[pa.Table]
    criteria_met: list[np.ndarray[Any, Any]]
    active: list[np.ndarray[Any, Any]]
    compensated: list[np.ndarray[Any, Any]]
    order_by: list[list[pa.Array]]
    text: list[pa.Table]
    summaries: list[Summary]


@dataclass(frozen=True)
class Ranked:
    """A file classified in parts: the output's columns, its rows in priority order (as tables
    of at most WRITE_ROWS rows, made as they are read), the whole file's summary and the
    reader's notes (a garbled encoding, ambiguous dates) for warnings."""

    names: list[str]
    tables: Iterator[pa.Table]
    summary: Summary
    notes: tuple[str, ...]


def classify_in_parts(
    path: Path,
    rules: Criteria,
    as_of: dt.date,
    found: Layout,
    options: CsvOptions = CsvOptions(),
    *,
    chunk: int | None = None,
    keep_columns: bool = False,
) -> Ranked | None:
    """Classify a CSV file part by part: its output rows in priority order, as `classify -f
    csv` writes them (with the input's own columns after them with `keep_columns`). None when
    the file has a header and no rows (the in-memory path then does it)."""
    rows = min(chunk_rows(chunk), PART_ROWS)
    columns = [c for c in required_columns(rules) if c in found.header]
    if rules.customers.id not in found.header:
        # the in-memory reader names the missing column (and reads nothing else)
        read_customers(path, rules.customers.id, columns=[], options=options)

    def first_pass(encoding: str, block: int) -> _Kinds:
        return _kinds(path, found, rules, columns, rows, options, encoding, block)

    failed = _read_failed(path, found, options.lang)
    fixed = bool(options.encoding)
    decided, encoding, block = with_fallbacks(first_pass, found.info.encoding, fixed, failed)
    kinds = decided.kinds
    pa.default_memory_pool().release_unused()
    held = _Held([], [], [], [], [], [], [])
    read = list(found.header) if keep_columns else columns
    parts = _batches(path, found, read, rows, encoding, block)
    while True:
        try:
            table = next(parts)
        except StopIteration:
            break
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:  # the file changed since pass 1
            raise failed(exc, encoding) from None
        customers = _part(table, columns, decided, found, rules.customers.id)
        result = classify(customers, rules, as_of)
        _keep(held, result, customers, rules, keep_columns)
        del table, customers, result
        pa.default_memory_pool().release_unused()  # give the part's memory back now
    notes = (*found.info.notes, *decided.notes)
    if not held.output:  # a header and no rows
        return None
    names, tables = _in_priority_order(held, rules, kinds, found.header, keep_columns)
    # counts add up; quality and NPS are computed again from the sums, as for the whole file
    return Ranked(names, tables, Summary.merged(held.summaries), notes)


def _part(
    table: pa.Table, columns: list[str], decided: _Kinds, found: Layout, id_column: str
) -> CustomerList:
    """One part of the file as a customer list, each column typed as the first pass decided
    for the whole file."""
    typed = {
        name: _typed(table.column(name), decided.kinds[name], decided.hints.get(name, {}))
        for name in columns
    }
    data = typed_table(typed, table.num_rows)
    return CustomerList(data, decided.kinds, found.header, table, found.info, id_column)


def _in_priority_order(
    held: _Held,
    rules: Criteria,
    kinds: dict[str, Kind],
    header: Sequence[str],
    keep_columns: bool,
) -> tuple[list[str], Iterator[pa.Table]]:
    """The output's column names, and every part's rows ranked over the whole file (as
    tables made as they are read)."""
    output = _combine(held.output)
    order_by = [
        (_chunked(parts), key.descending)
        for key, parts in zip(
            [k for k in rules.policy.order_by if kinds[k.column] is not Kind.EMPTY],
            zip(*held.order_by, strict=True) if held.order_by[0] else [],
            strict=True,
        )
    ]
    order = priority_order(
        len(rules.criteria),
        np.concatenate(held.criteria_met),
        np.concatenate(held.active),
        np.concatenate(held.compensated),
        order_by,
        output.column(rules.customers.id),
    )
    text = pa.concat_tables(held.text).combine_chunks() if keep_columns else None
    criteria_met = np.concatenate(held.criteria_met)
    names = _names(output.column_names)
    # with --keep-columns, the input's own columns (id and name aside) under their output names
    leading = [n for n in output.column_names if n not in OUTPUT_COLUMNS]
    kept = kept_names(header, leading, names) if keep_columns else {}
    return [*names, *kept.values()], _ranked(output, order, criteria_met, text, kept)


def _chunked(parts: Sequence[pa.Array | pa.ChunkedArray]) -> pa.ChunkedArray:
    """One chunked array from arrays and chunked arrays alike, without copying."""
    chunks = [c for p in parts for c in (p.chunks if isinstance(p, pa.ChunkedArray) else [p])]
    types = {c.type for c in chunks}
    if len(types) > 1:  # dictionaries with index types of several widths
        chunks = [c.cast(pa.dictionary(pa.int32(), c.type.value_type)) for c in chunks]
    return pa.chunked_array(chunks)


def _combine(parts: list[pa.Table]) -> pa.Table:
    """One table from the chunks' tables, a column at a time, letting each chunk's column go
    as soon as it is copied (peak: the result plus one column, not twice the result)."""
    names = parts[0].column_names
    pieces = {name: [t.column(name) for t in parts] for name in names}
    parts.clear()
    columns = {}
    for name in names:
        single = pa.table({name: _chunked(pieces.pop(name))}).unify_dictionaries()
        columns[name] = single.column(0).combine_chunks()
    return pa.table(columns)


def _keep(
    held: _Held,
    result: Classification,
    customers: CustomerList,
    rules: Criteria,
    keep_columns: bool,
) -> None:
    """Keep a chunk's output columns (dictionary-encoded where they repeat) and rank key."""
    order = result.order
    held.output.append(result.output.table().drop_columns(["priority", "criteria_met"]))
    held.criteria_met.append(result.criteria_met[order])
    held.active.append(result.active[order])
    held.compensated.append(result.compensated[order])
    taken = pa.array(order)
    held.order_by.append(
        [
            customers.column(key.column).take(taken)
            for key in rules.policy.order_by
            if customers.kinds[key.column] is not Kind.EMPTY
        ]
    )
    if keep_columns:
        held.text.append(customers.text.take(taken))
    held.summaries.append(result.summary)


def _names(output: Sequence[str]) -> list[str]:
    """The engine's output columns, with priority and criteria_met after the segment."""
    names: list[str] = []
    for name in output:
        names.append(name)
        if name == "segment":
            names += ["priority", "criteria_met"]
    return names


def _ranked(
    output: pa.Table,
    order: np.ndarray[Any, Any],
    criteria_met: np.ndarray[Any, Any],
    text: pa.Table | None,
    kept: dict[str, str],
) -> Iterator[pa.Table]:
    """The output rows in priority order, WRITE_ROWS at a time; `text`'s columns named in
    `kept` after them, under the names given there."""
    for start in range(0, len(order), WRITE_ROWS):
        chosen = order[start : start + WRITE_ROWS]
        positions = pa.array(chosen)
        part = output.take(positions)
        columns: dict[str, pa.Array | pa.ChunkedArray] = {}
        for name in output.column_names:
            column = part.column(name)
            if pa.types.is_dictionary(column.type):
                column = column.cast(pa.string())
            columns[name] = column
            if name == "segment":
                columns["priority"] = pa.array(np.arange(start + 1, start + 1 + len(chosen)))
                columns["criteria_met"] = pa.array(criteria_met[chosen].astype(np.int64))
        if text is not None:
            taken = text.take(positions)
            for name, written in kept.items():
                columns[written] = taken.column(name)
        yield pa.table(columns)
