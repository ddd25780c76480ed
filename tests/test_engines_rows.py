"""`engines/rows.py`: what every SQL executor brings back, turned into the one typed result.

DuckDB, Spark and PostgreSQL each return the same per-customer flag columns and one row of
totals; `assemble` and `summary_of` make of them exactly what the Arrow engine returns, whatever
order the rows come in.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa

from conftest import CRIT, EX
from portfolio_cli.criteria import load_criteria, required_columns
from portfolio_cli.engine import checked_input
from portfolio_cli.engine import classify as arrow_classify
from portfolio_cli.engines import rows
from portfolio_cli.engines.sql import compile_method, render
from portfolio_cli.readers import read_customers
from portfolio_cli.writers import formats

AS_OF = dt.date(2026, 11, 23)
ENGINES = Path(rows.__file__).parent


def _flags_and_totals(reverse: bool) -> tuple[object, ...]:
    """The example's flag rows and totals as DuckDB computes them (rows reversed if asked)."""
    import duckdb

    criteria = load_criteria(CRIT)
    customers = read_customers(EX, "customer_id", columns=required_columns(criteria))
    data, kinds = checked_input(customers, criteria)
    table = data.data.append_column("pos", pa.array(np.arange(len(data), dtype=np.int64)))
    method = compile_method(criteria, AS_OF, "t", "duckdb", kinds, position="pos")
    con = duckdb.connect()
    con.register("t", table)
    flags = con.sql(
        render(method.with_chain(_select(rows.flag_columns(criteria))), "duckdb", False)
    ).to_arrow_table()
    cursor = con.execute(render(method.totals(), "duckdb", False))
    names = [d[0] for d in cursor.description or ()]
    totals = dict(zip(names, cursor.fetchall()[0], strict=True))
    if reverse:
        flags = flags.take(pa.array(np.arange(flags.num_rows - 1, -1, -1)))
    return criteria, data, method, flags, totals


def _select(columns: list[str]) -> object:
    from sqlglot import exp

    return exp.select(*columns).from_("ranked")


def test_assemble_gives_the_arrow_engines_result_whatever_the_rows_order() -> None:
    for reverse in (False, True):
        criteria, data, method, flags, totals = _flags_and_totals(reverse)
        result = rows.assemble(data, criteria, AS_OF, method, flags, totals, len(data))  # type: ignore[arg-type]
        arrow = arrow_classify(data, criteria, AS_OF)  # type: ignore[arg-type]
        assert formats.to_csv(formats.output_table(result)) == formats.to_csv(
            formats.output_table(arrow)
        )
        assert result.summary == arrow.summary
        assert (result.priority == arrow.priority).all()
        for mine, theirs in zip(result.results, arrow.results, strict=True):
            assert (mine.met == theirs.met).all()
            assert (mine.unknown == theirs.unknown).all()


def test_summary_of_totals_reads_the_totals_row_as_the_arrow_engine_counts() -> None:
    criteria, data, method, _, totals = _flags_and_totals(False)
    summary = rows.summary_of_totals(criteria, AS_OF, method, totals)  # type: ignore[arg-type]
    assert summary == arrow_classify(data, criteria, AS_OF).summary  # type: ignore[arg-type]
    assert summary.total == 300
    empty = dict.fromkeys(totals) | {"_total": 0}  # type: ignore[union-attr]
    nothing = rows.summary_of_totals(criteria, AS_OF, method, empty)  # type: ignore[arg-type]
    assert nothing.quality is None
    assert nothing.segments["satisfied"] == 0


def test_free_name_avoids_every_input_column() -> None:
    assert rows.free_name("pos", ["a"]) == "__portfolio_pos"
    taken = ["__portfolio_pos", "__portfolio_pos_"]
    assert rows.free_name("pos", taken) not in taken


def test_no_engine_imports_another_engines_private_names() -> None:
    borrowed = []
    for path in sorted(ENGINES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("portfolio_cli.engine", "portfolio_cli.engines")
            ):
                borrowed += [
                    f"{path.name}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_")
                ]
    assert borrowed == []
