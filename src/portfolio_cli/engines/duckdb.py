"""Run the method compiled to SQL (`engines/sql.py`) in embedded DuckDB.

DuckDB scans the reader's typed Arrow columns without a copy, so a French export, decimal
commas, cp1252 or a glob of files are read exactly as the Arrow engine reads them; it then
evaluates every rule, counts, segments and ranks (its sort spills to a temporary folder under
`--memory-limit`) and sums the summary in one scan. What comes back is the same typed result as
the Arrow engine's (`engine.Classification`): the same writers serialise it, so no format can
drift between engines.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.criteria import SEGMENTS, Criteria
from portfolio_cli.engine import (
    Classification,
    RuleResult,
    _keys,
    _nps_scores,
    _output,
    checked_input,
    nps_of_counts,
)
from portfolio_cli.engines import memory_limit
from portfolio_cli.engines.sql import NO_CRITERION, Method, compile_method, render
from portfolio_cli.readers import CustomerList

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

Array = np.ndarray[Any, Any]
TABLE = "portfolio_customers"


@contextmanager
def connection(limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB whose sorts spill to a private temporary folder under `limit`."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="portfolio-duckdb-") as spill:
        con = duckdb.connect(
            config={
                "memory_limit": memory_limit(limit),
                "temp_directory": spill,
                "preserve_insertion_order": False,
            }
        )
        try:
            yield con
        finally:
            con.close()


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
    position = _free_name("position", table.column_names)
    table = table.append_column(position, pa.array(np.arange(size, dtype=np.int64)))
    method = compile_method(criteria, as_of, TABLE, "duckdb", kinds, position=position)
    with connection(limit) as con:
        con.register(TABLE, table)
        totals = _totals(con, method)
        if criteria.listening.nps and totals["_nps_bad"]:
            _nps_scores(data, criteria)  # raises the Arrow engine's error, naming the rows
        rows = _rows(con, method)
        con.unregister(TABLE)
    del table
    return _assemble(data, criteria, as_of, method, rows, totals, size)


def _free_name(stem: str, taken: list[str]) -> str:
    name = f"__portfolio_{stem}"
    while name in taken:
        name += "_"
    return name


def _rows(con: duckdb.DuckDBPyConnection, method: Method) -> pa.Table:
    criteria = method.criteria
    rules = len(criteria.rules())
    problems = len(criteria.problems)
    segment = " ".join(f"WHEN _segment = '{s}' THEN {i}" for i, s in enumerate(SEGMENTS))
    columns = [
        "_pos",
        "_priority",
        f"CAST(CASE {segment} END AS TINYINT) AS _segment_code",
        "CAST(_met AS TINYINT) AS _met",
        "CAST(_active AS SMALLINT) AS _active",
        "CAST(_compensated AS SMALLINT) AS _compensated",
        *(f"_r{i}" for i in range(rules)),
        *(f"_a{j}" for j in range(problems)),
        *(f"_c{j}" for j in range(problems)),
    ]
    # only internal names and the method's own SQL: nothing here comes from the user
    select = method.with_chain(_select(columns))
    return _arrow(con, render(select, "duckdb", pretty=False))


def _select(columns: list[str]) -> Any:
    from sqlglot import exp

    return exp.select(*columns).from_("ranked")


def _arrow(con: duckdb.DuckDBPyConnection, query: str) -> pa.Table:
    relation = con.sql(query)
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
    table: pa.Table = fetch()
    return table


def _totals(con: duckdb.DuckDBPyConnection, method: Method) -> dict[str, Any]:
    found: dict[str, Any] = _arrow(
        con, render(method.totals(), "duckdb", pretty=False)
    ).to_pylist()[0]
    return found


def _mask(column: pa.ChunkedArray) -> Array:
    return np.asarray(pc.fill_null(column, False).to_numpy(zero_copy_only=False), dtype=bool)


def _numbers(column: pa.ChunkedArray, dtype: Any) -> Array:
    return np.asarray(column.to_numpy(), dtype=dtype)


def _assemble(
    data: CustomerList,
    criteria: Criteria,
    as_of: dt.date,
    method: Method,
    rows: pa.Table,
    totals: dict[str, Any],
    size: int,
) -> Classification:
    """DuckDB's rows (in no particular order) → the Arrow engine's typed result."""
    positions = _numbers(rows.column("_pos"), np.int64)
    priority_of_row = _numbers(rows.column("_priority"), np.int64)
    order = np.empty(size, dtype=np.int64)
    order[priority_of_row - 1] = positions  # rank r's row

    def in_input_order(values: Array) -> Array:
        result = np.empty_like(values)
        result[positions] = values
        return result

    priority = in_input_order(priority_of_row)
    segment = in_input_order(_numbers(rows.column("_segment_code"), np.int8))
    criteria_met = in_input_order(_numbers(rows.column("_met"), np.int8))
    active = in_input_order(_numbers(rows.column("_active"), np.int16))
    compensated = in_input_order(_numbers(rows.column("_compensated"), np.int16))
    results = []
    kept = len(criteria.criteria)
    for index, rule in enumerate(criteria.rules()):
        column = rows.column(f"_r{index}")
        met = in_input_order(_mask(column))
        unknown = in_input_order(np.asarray(pc.is_null(column).to_numpy(zero_copy_only=False)))
        results.append(RuleResult(rule, index >= kept, met, unknown))
    problems = range(len(criteria.problems))
    active_masks = [in_input_order(_mask(rows.column(f"_a{j}"))) for j in problems]
    compensated_masks = [in_input_order(_mask(rows.column(f"_c{j}"))) for j in problems]
    del rows
    criteria_results, problem_results = results[:kept], results[kept:]
    output = _output(
        data,
        criteria,
        order,
        segment,
        priority,
        criteria_met,
        [
            _keys(criteria_results, [r.met for r in criteria_results], size),
            _keys(problem_results, active_masks, size),
            _keys(problem_results, compensated_masks, size),
        ],
    )
    return Classification(
        output=output,
        summary=_summary(criteria, as_of, method, totals),
        results=tuple(results),
        order=order,
        segment=segment,
        priority=priority,
        criteria_met=criteria_met,
        active=active,
        compensated=compensated,
    )


def _summary(
    criteria: Criteria, as_of: dt.date, method: Method, totals: dict[str, Any]
) -> dict[str, Any]:
    """The Arrow engine's summary dict from DuckDB's one-row totals (same rounding)."""
    total = int(totals["_total"])
    figures: dict[tuple[str, str | None], int] = {
        (f.measure, f.key): int(totals[f.alias] or 0)
        for f in method.figures
        if f.measure not in ("quality", "nps")
    }
    segments = {name: figures[("segments", name)] for name in SEGMENTS}
    reasons = {NO_CRITERION: figures[("unrecoverable_reasons", NO_CRITERION)]}
    for problem in criteria.problems:
        reasons[problem.key] = figures[("unrecoverable_reasons", problem.key)]
    summary: dict[str, Any] = {
        "total": total,
        "segments": segments,
        "quality": (segments["satisfied"] + segments["easy_to_satisfy"]) / total if total else None,
        "criteria": {r.key: figures[("criteria", r.key)] for r in criteria.criteria},
        "problems": {r.key: figures[("problems", r.key)] for r in criteria.problems},
        "unjudged": {r.key: figures[("unjudged", r.key)] for r in criteria.rules()},
        "unrecoverable_reasons": reasons,
        "set_aside": [r.key for r in criteria.set_aside],
        "nps": None,
        "nps_by_segment": dict.fromkeys(SEGMENTS),
        "nps_answers": 0,
        "as_of": as_of.isoformat(),
        "criteria_file": criteria.source,
    }
    if criteria.listening.nps:
        summary["nps"] = nps_of_counts(
            figures[("nps_promoters", None)],
            figures[("nps_detractors", None)],
            figures[("nps_answers", None)],
        )
        summary["nps_answers"] = figures[("nps_answers", None)]
        summary["nps_by_segment"] = {
            name: nps_of_counts(
                figures[("nps_promoters", name)],
                figures[("nps_detractors", name)],
                figures[("nps_answers", name)],
            )
            for name in SEGMENTS
        }
    return summary
