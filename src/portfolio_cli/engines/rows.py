"""What every SQL executor (DuckDB, Spark, PostgreSQL) asks the compiled method for, per
customer, and the checks they share before a row is read.

Each executor brings back the same columns (`flag_columns`), which `duckdb._assemble` turns
into the Arrow engine's `Classification`: one shape, so no executor can drift from another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import SEGMENTS, Criteria
from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message

if TYPE_CHECKING:
    from portfolio_cli.readers import CustomerList


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
