"""What every SQL executor (DuckDB, Spark, PostgreSQL) asks the compiled method for, per
customer, the checks they share before a row is read, and the summary they make of the one
row of totals (`summary_of_totals`).

Each executor brings back the same columns (`flag_columns`) and one row of totals, which
`assemble` and `summary_of_totals` turn into the Arrow engine's `Classification` (through
`engine.assemble`, the Arrow engine's own last step): one shape, so no executor can drift from
another, and none imports another's private names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import SEGMENTS, Criteria
from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message
from portfolio_cli.result import NO_CRITERION, Answers, Summary

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from portfolio_cli.engine import Classification
    from portfolio_cli.engines.sql import Method
    from portfolio_cli.readers import CustomerList

    Array = np.ndarray[Any, Any]


def flag_columns(criteria: Criteria) -> list[str]:
    """Per customer: its input row, rank, segment code, counts and each rule's flags (only the
    method's own names: nothing here comes from the user)."""
    rules = len(criteria.rules())
    problems = len(criteria.problems)
    codes = " ".join(f"WHEN _segment = '{s}' THEN {i}" for i, s in enumerate(SEGMENTS))
    return [
        "_pos",
        "_priority",
        f"CAST(CASE {codes} END AS TINYINT) AS _segment_code",
        "CAST(_met AS TINYINT) AS _met",
        "CAST(_active AS SMALLINT) AS _active",
        "CAST(_compensated AS SMALLINT) AS _compensated",
        *(f"_r{i}" for i in range(rules)),
        *(f"_a{j}" for j in range(problems)),
        *(f"_c{j}" for j in range(problems)),
    ]


def empty_list(
    label: str, fmt: str, kinds: Mapping[str, Kind], header: Sequence[str], id_column: str
) -> CustomerList:
    """A list with the source's columns and no rows: enough to check every name and type the
    criteria file uses (`engine.checked_input`) before the engine reads a row."""
    import pyarrow as pa

    from portfolio_cli.readers import CustomerList, ReadInfo

    types = {Kind.NUMBER: pa.float64(), Kind.BOOL: pa.bool_(), Kind.DATE: pa.timestamp("s")}
    empty = pa.table(
        {name: pa.array([], type=types.get(kind, pa.string())) for name, kind in kinds.items()}
    )
    text = pa.table({name: pa.array([], type=pa.string()) for name in kinds})
    return CustomerList(empty, dict(kinds), tuple(header), text, ReadInfo(label, fmt), id_column)


def check_nps_range(totals: Mapping[str, Any], source: str, criteria: Criteria) -> None:
    """NPS answers outside 0-10, counted by the summary's aggregate, are the input's error."""
    if criteria.listening.nps and totals.get("_nps_bad"):
        column, count = criteria.listening.nps, totals["_nps_bad"]
        text = message("spark.nps_out_of_range", source=source, column=column, count=count)
        raise InputError(Issue("bad-nps", text))


def free_name(stem: str, taken: Sequence[str]) -> str:
    """A column name of our own that none of the input's columns (`taken`) has."""
    name = f"__portfolio_{stem}"
    while name in taken:
        name += "_"
    return name


def assemble(
    data: CustomerList,
    criteria: Criteria,
    as_of: dt.date,
    method: Method,
    rows: pa.Table,
    totals: Mapping[str, Any],
    size: int,
) -> Classification:
    """An executor's rows (`flag_columns`, in any order) and totals → the typed result every
    engine returns, assembled by the Arrow engine's own `engine.assemble`."""
    import numpy as np
    import pyarrow.compute as pc

    from portfolio_cli.engine import Figures, RuleResult
    from portfolio_cli.engine import assemble as classification

    positions = _numbers(rows.column("_pos"), np.int64)
    priority_of_row = _numbers(rows.column("_priority"), np.int64)
    order = np.empty(size, dtype=np.int64)
    order[priority_of_row - 1] = positions  # rank r's row

    def in_input_order(values: Array) -> Array:
        result = np.empty_like(values)
        result[positions] = values
        return result

    figures = Figures(
        order=order,
        segment=in_input_order(_numbers(rows.column("_segment_code"), np.int8)),
        priority=in_input_order(priority_of_row),
        criteria_met=in_input_order(_numbers(rows.column("_met"), np.int8)),
        active=in_input_order(_numbers(rows.column("_active"), np.int16)),
        compensated=in_input_order(_numbers(rows.column("_compensated"), np.int16)),
    )
    results = []
    kept = len(criteria.criteria)
    for index, rule in enumerate(criteria.rules()):
        column = rows.column(f"_r{index}")
        met = in_input_order(_mask(column))
        unknown = in_input_order(np.asarray(pc.is_null(column).to_numpy(zero_copy_only=False)))
        results.append(RuleResult(rule, index >= kept, met, unknown))
    problems = range(len(criteria.problems))
    active = [in_input_order(_mask(rows.column(f"_a{j}"))) for j in problems]
    compensated = [in_input_order(_mask(rows.column(f"_c{j}"))) for j in problems]
    summary = summary_of_totals(criteria, as_of, method, totals)
    return classification(data, criteria, results, figures, active, compensated, summary)


def _mask(column: pa.ChunkedArray) -> Array:
    """True where true; false where false or unknown. A rule that is unknown for every row (or
    a list with no rows) comes back as Arrow's null type: cast it to true/false first."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    flags = pc.fill_null(column.cast(pa.bool_()), False)
    return np.asarray(flags.to_numpy(zero_copy_only=False), dtype=bool)


def _numbers(column: pa.ChunkedArray, dtype: Any) -> Array:
    import numpy as np

    return np.asarray(column.to_numpy(), dtype=dtype)


def summary_of_totals(
    criteria: Criteria, as_of: dt.date, method: Method, totals: Mapping[str, Any]
) -> Summary:
    """The summary from the one row of totals the compiled method's aggregate brings back: its
    counts, through the constructor every engine uses (quality and NPS computed the same way)."""
    figures: dict[tuple[str, str | None], int] = {
        (f.measure, f.key): int(totals[f.alias] or 0)
        for f in method.figures
        if f.measure not in ("quality", "nps")
    }
    answers = None
    if criteria.listening.nps:
        answers = {
            name: Answers(
                figures[("nps_promoters", name)],
                figures[("nps_detractors", name)],
                figures[("nps_answers", name)],
            )
            for name in SEGMENTS
        }
    return Summary.from_counts(
        criteria,
        as_of,
        segments={name: figures[("segments", name)] for name in SEGMENTS},
        met={r.key: figures[("criteria", r.key)] for r in criteria.criteria},
        problems={r.key: figures[("problems", r.key)] for r in criteria.problems},
        unjudged={r.key: figures[("unjudged", r.key)] for r in criteria.rules()},
        unrecoverable_reasons={
            key: figures[("unrecoverable_reasons", key)]
            for key in (NO_CRITERION, *(r.key for r in criteria.problems))
        },
        answers=answers,
    )


def carry_columns(method: Method, names: Sequence[str]) -> Method:
    """The method with the input's own columns carried through every step, as `_k0`, `_k1`...
    (a report profiles them): one query brings back the flags and the columns side by side."""
    from dataclasses import replace

    from sqlglot import exp

    (first, judged), *rest = method.ctes
    carried = [
        exp.alias_(exp.Column(this=exp.to_identifier(name, quoted=True)), f"_k{index}")
        for index, name in enumerate(names)
    ]
    return replace(method, ctes=[(first, judged.copy().select(*carried, append=True)), *rest])


def carried_names(count: int) -> list[str]:
    """The names `carry_columns` gives the input's columns, to ask for them."""
    return [f"_k{index}" for index in range(count)]


def listed_customers(
    rows: pa.Table,
    criteria: Criteria,
    label: str,
    fmt: str,
    carried: Sequence[str] | None = None,
) -> CustomerList:
    """The list an engine's rows describe, in the order they came: the ids and names (`_id`,
    `_name`) or, with `carried` (the input's column names, `carry_columns`), every column,
    typed as our readers type a Parquet file's (so that a report's profile reads the same
    kinds whatever held the data). Ids and names are the engine's text, as in every output."""
    import pyarrow as pa

    from portfolio_cli.readers import CustomerList, ReadInfo, type_text, typed_table
    from portfolio_cli.readers.csv import CsvOptions, TextTable
    from portfolio_cli.readers.workbook import as_text

    size = rows.num_rows
    names = {"_id": criteria.customers.id, "_name": criteria.customers.name or ""}
    shown = {names[c]: rows.column(c).cast(pa.string()) for c in names if names[c]}
    if carried is None:
        listed = pa.table(shown)
        header = tuple(listed.column_names)
        kinds = dict.fromkeys(header, Kind.TEXT)
        info = ReadInfo(label, fmt, rows=size)
        return CustomerList(listed, kinds, header, listed, info, criteria.customers.id)
    columns = pa.table(
        [rows.column(name) for name in carried_names(len(carried))], names=list(carried)
    )
    text = TextTable(as_text(columns, None), tuple(carried), ReadInfo(label, fmt, rows=size))
    typed, info = type_text(text, CsvOptions(), set(shown))
    data = typed_table(typed, size)
    for name, values in shown.items():  # the engine's own text, as without `carried`
        data = data.set_column(data.column_names.index(name), name, values)
    kinds = {name: column.kind for name, column in typed.items()}
    return CustomerList(data, kinds, tuple(carried), text.table, info, criteria.customers.id)
