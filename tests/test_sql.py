"""`portfolio sql`: the printed SQL, run by real engines, returns what `classify` returns.

DuckDB runs in process. PostgreSQL is started by this module from the `postgresql` package
(tests/pg.py: initdb in a temporary folder, a private socket directory): without it these tests are
skipped, unless PORTFOLIO_REQUIRE_POSTGRES=1 (CI sets it) makes a missing server a failure.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest
import yaml

import pg
from conftest import CRIT, EX, FRENCH, FRENCH_CRITERIA, Run, Write
from pg import Postgres
from portfolio_cli.criteria import load_criteria, required_columns
from portfolio_cli.readers import read_customers

AS_OF = "2026-11-23"
EX_HEADER = Path(EX).read_text(encoding="utf-8").splitlines()[0] + "\n"


def typed_table(source: str | Path, criteria_path: str | Path) -> pa.Table:
    """The input as our reader types it: what both engines and the warehouse table hold."""
    rules = load_criteria(criteria_path)
    names = [rules.customers.name] if rules.customers.name else []
    customers = read_customers(
        source, rules.customers.id, text_columns=names, columns=required_columns(rules)
    )
    assert isinstance(customers.data, pa.Table)
    return customers.data


def classify_rows(run: Run, source: str | Path, criteria: str | Path) -> list[list[str]]:
    # a ;-separated input gives ;-separated CSV: the query's rows are compared with commas
    result = run("classify", str(source), "-c", str(criteria), "-f", "csv", "--as-of", AS_OF,
                 "--out-delimiter", ",")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


def printed_sql(run: Run, criteria: str | Path, dialect: str, *more: str) -> str:
    result = run("sql", "-c", str(criteria), "--dialect", dialect, "--as-of", AS_OF, *more)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def duckdb_rows(query: str, table: pa.Table, name: str = "customers") -> list[list[str]]:
    import duckdb

    con = duckdb.connect()
    con.register(name, table)
    cursor = con.execute(query.rstrip().rstrip(";"))
    header = [d[0] for d in cursor.description]
    return [header, *([_text(v) for v in row] for row in cursor.fetchall())]


def _text(value: object) -> str:
    return "" if value is None else str(value)


# --- DuckDB --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "criteria"),
    [(EX, CRIT), (str(FRENCH), str(FRENCH_CRITERIA))],
    ids=["example", "french"],
)
def test_duckdb_runs_the_printed_query_and_returns_the_rows_of_classify(
    run: Run, source: str, criteria: str
) -> None:
    query = printed_sql(run, criteria, "duckdb", "--part", "customers")
    got = duckdb_rows(query, typed_table(source, criteria))
    assert got == classify_rows(run, source, criteria)


def test_the_summary_statement_gives_the_figures_of_classify_json(run: Run) -> None:
    query = printed_sql(run, CRIT, "duckdb", "--part", "summary")
    rows = duckdb_rows(query, typed_table(EX, CRIT))
    assert rows[0] == ["measure", "key", "value"]
    figures = {(m, k or None): float(v) if v else None for m, k, v in rows[1:]}
    result = run("classify", EX, "-c", CRIT, "-f", "json", "--as-of", AS_OF)
    summary = json.loads(result.stdout)["summary"]
    assert figures[("total", None)] == summary["total"]
    assert figures[("quality", None)] == summary["quality"]
    assert figures[("nps", None)] == summary["nps"]
    assert figures[("nps_answers", None)] == summary["nps_answers"]
    for measure in ("segments", "criteria", "problems", "unjudged", "unrecoverable_reasons"):
        for key, value in summary[measure].items():
            assert figures[(measure, key)] == value, (measure, key)
    for key, value in summary["nps_by_segment"].items():
        assert figures[("nps", key)] == value


def test_the_as_of_date_is_written_into_the_query_as_a_date(run: Run, write: Write) -> None:
    criteria = write(
        "c.yaml",
        "version: 1\ncustomers:\n  id: id\ncriteria:\n"
        "  - key: recent\n    when: days_since(seen) < 30\n",
    )
    query = printed_sql(run, criteria, "duckdb", "--part", "customers")
    assert "CAST('2026-11-23' AS DATE)" in query
    table = pa.table({"id": ["a", "b"], "seen": pa.array([20261101, 20250101]).cast(pa.string())})
    table = table.set_column(1, "seen", pa.array(["2026-11-01", "2025-01-01"]).cast(pa.date32()))
    rows = duckdb_rows(query, table)
    assert [r[0:1] + r[3:5] for r in rows[1:]] == [["a", "1", "recent"], ["b", "0", ""]]
    assert [r[1] for r in rows[1:]] == ["satisfied", "unrecoverable"]


def test_every_dialect_prints_both_statements(run: Run) -> None:
    for dialect in ("duckdb", "postgres", "spark", "bigquery", "snowflake"):
        text = printed_sql(run, CRIT, dialect)
        assert text.startswith("-- portfolio sql: ")
        assert text.count(";\n") == 2, dialect
        assert "ROW_NUMBER() OVER" in text


def test_an_unknown_dialect_is_refused_in_one_line(run: Run) -> None:
    result = run("sql", "-c", CRIT, "--dialect", "oracle")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --dialect 'oracle' is not known: write duckdb, postgres, spark, bigquery or "
        "snowflake"
    ]
    assert result.stdout == ""


def test_an_unknown_part_is_refused(run: Run) -> None:
    result = run("sql", "-c", CRIT, "--part", "both")
    assert result.exit_code == 2
    assert "--part 'both': write all, customers or summary" in result.stderr


def test_a_table_in_a_schema_is_named_in_the_query(run: Run) -> None:
    query = printed_sql(run, CRIT, "postgres", "--table", "crm.customers")
    assert "FROM crm.customers" in query
    hostile = printed_sql(run, CRIT, "postgres", "--table", 'x"; DROP TABLE t; --')
    assert 'FROM "x""; DROP TABLE t; --"' in hostile


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        ("duckdb", 'FROM "order"."select"'),
        ("postgres", 'FROM "order"."select"'),
        ("snowflake", 'FROM "order"."select"'),
        ("spark", "FROM `order`.`select`"),
        ("bigquery", "FROM `order`.`select`"),
    ],
)
def test_a_table_named_by_a_reserved_word_is_quoted_in_every_dialect(
    run: Run, dialect: str, expected: str
) -> None:
    assert expected in printed_sql(run, CRIT, dialect, "--table", "order.select")


@pytest.mark.parametrize("table", ["", "   "])
def test_a_blank_table_is_refused_in_one_line(run: Run, table: str) -> None:
    result = run("sql", "-c", CRIT, "--table", table)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --table {table!r} names no table: write its name, e.g. customers or "
        "crm.customers\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("table", "name"),
    [("select", "select"), ('"My clients"', "My clients"), ('"a ""b"" c"', 'a "b" c')],
)
def test_duckdb_reads_a_reserved_or_double_quoted_table_name(
    run: Run, table: str, name: str
) -> None:
    query = printed_sql(run, CRIT, "duckdb", "--part", "customers", "--table", table)
    assert duckdb_rows(query, typed_table(EX, CRIT), name) == classify_rows(run, EX, CRIT)


# --- hostile names and literals ------------------------------------------------------------------

HOSTILE_COLUMN = 'x"; DROP TABLE t; --'
HOSTILE_TEXT = 'it\'s \\ -- "q" ; DROP'
NAME_COLUMN = "Nom d'usage ü"
HOSTILE_CRITERIA = yaml.safe_dump(
    {
        "version": 1,
        "customers": {"id": "id", "name": NAME_COLUMN},
        "criteria": [
            {"key": "big", "when": f"`{HOSTILE_COLUMN}` > 10"},
            {"key": "named", "when": f"`{NAME_COLUMN}` == {HOSTILE_TEXT!r}"},
        ],
        "problems": [
            {
                "key": "hyphen-key",
                "when": f'contains(`{NAME_COLUMN}`, "--") or startswith(`{NAME_COLUMN}`, "\'")',
            }
        ],
        "policy": {"order_by": [f"{HOSTILE_COLUMN} desc"]},
    },
    allow_unicode=True,
    sort_keys=False,
)


def hostile_table() -> pa.Table:
    return pa.table(
        {
            "id": ["1", "2", "3", "4"],
            NAME_COLUMN: [HOSTILE_TEXT, "a -- b", "'quoted", None],
            HOSTILE_COLUMN: [11.0, 5.0, None, 20.0],
        }
    )


def test_hostile_names_and_literals_are_data_in_duckdb(run: Run, write: Write) -> None:
    criteria = write("hostile.yaml", HOSTILE_CRITERIA)
    rules = load_criteria(criteria)
    assert rules.criteria[1].condition.columns() == (NAME_COLUMN,)
    query = printed_sql(run, criteria, "duckdb", "--part", "customers")
    table = hostile_table()
    rows = duckdb_rows(query, table)
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["1"][5] == "big|named"
    assert by_id["2"][6] == "hyphen-key"
    assert by_id["3"][6] == "hyphen-key"
    assert by_id["4"][5] == "big"
    # and classify agrees on the same rows
    source = write("hostile.parquet", b"")
    import pyarrow.parquet as pq

    pq.write_table(table, source)
    assert rows == classify_rows(run, source, criteria)


# --- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    yield from pg.server()


@pytest.mark.parametrize(
    ("source", "criteria"),
    [(EX, CRIT), (str(FRENCH), str(FRENCH_CRITERIA))],
    ids=["example", "french"],
)
def test_postgres_runs_the_printed_query_and_returns_the_rows_of_classify(
    run: Run, postgres: Postgres, source: str, criteria: str
) -> None:
    postgres.load("customers", typed_table(source, criteria))
    query = printed_sql(run, criteria, "postgres", "--part", "customers")
    assert postgres.rows(query) == classify_rows(run, source, criteria)


def test_postgres_runs_the_summary_statement(run: Run, postgres: Postgres) -> None:
    postgres.load("customers", typed_table(EX, CRIT))
    rows = postgres.rows(printed_sql(run, CRIT, "postgres", "--part", "summary"))
    figures = {(m, k or None): v for m, k, v in rows[1:]}
    summary = json.loads(run("classify", EX, "-c", CRIT, "-f", "json", "--as-of", AS_OF).stdout)[
        "summary"
    ]
    assert float(figures[("total", None)]) == summary["total"]
    assert float(figures[("segments", "satisfied")]) == summary["segments"]["satisfied"]
    assert float(figures[("nps", None)]) == summary["nps"]
    assert float(figures[("quality", None)]) == summary["quality"]


def test_postgres_treats_hostile_names_and_literals_as_data(
    run: Run, write: Write, postgres: Postgres
) -> None:
    criteria = write("hostile.yaml", HOSTILE_CRITERIA)
    table = hostile_table()
    postgres.load("t", table)
    postgres.load(HOSTILE_COLUMN, table)
    query = printed_sql(run, criteria, "postgres", "--part", "customers", "--table", HOSTILE_COLUMN)
    rows = postgres.rows(query)
    assert rows == duckdb_rows(printed_sql(run, criteria, "duckdb", "--part", "customers"), table)
    # the table named like an injection is still there, and so is t
    assert postgres.rows('SELECT count(*) FROM "t"') == [["count"], ["4"]]


@pytest.mark.parametrize(
    ("table", "name"),
    [
        ("select", "select"),
        ("public.user", "user"),
        ('"My clients"', "My clients"),
        ('public."a ""b"" c"', 'a "b" c'),
    ],
)
def test_postgres_reads_a_reserved_or_double_quoted_table_name(
    run: Run, postgres: Postgres, table: str, name: str
) -> None:
    postgres.load(name, typed_table(EX, CRIT))
    query = printed_sql(run, CRIT, "postgres", "--part", "customers", "--table", table)
    assert postgres.rows(query) == classify_rows(run, EX, CRIT)


def test_text_order_is_code_point_order_in_postgres(
    run: Run, write: Write, postgres: Postgres
) -> None:
    criteria = write(
        "c.yaml",
        textwrap.dedent("""\
        version: 1
        customers:
          id: id
        criteria:
          - key: after
            when: name > "B"
        """),
    )
    table = pa.table({"id": ["b", "B", "a", "é", "A"], "name": ["a", "B", "C", "é", "É"]})
    postgres.load("customers", table)
    query = printed_sql(run, criteria, "postgres", "--part", "customers")
    got = postgres.rows(query)
    assert got == duckdb_rows(printed_sql(run, criteria, "duckdb", "--part", "customers"), table)
    # 'a', 'C', 'é' and 'É' sort after "B" by code point; ids too: A < a < b < é
    assert [row[0] for row in got[1:]] == ["A", "a", "b", "é", "B"]


def test_every_dialects_text_parses_back_in_that_dialect(run: Run) -> None:
    import sqlglot

    for dialect in ("duckdb", "postgres", "spark", "bigquery", "snowflake"):
        for part in ("customers", "summary"):
            text = printed_sql(run, CRIT, dialect, "--part", part)
            body = "\n".join(line for line in text.splitlines() if not line.startswith("--"))
            parsed = sqlglot.parse_one(body.rstrip().rstrip(";"), read=dialect)
            assert parsed.find(sqlglot.exp.Window) is not None or part == "summary"


def test_a_text_sort_key_is_ordered_by_code_point_in_postgres() -> None:
    # a database collated by language (en_US) would put 'b' before 'C'; classify puts 'C' first
    from portfolio_cli.conditions.kinds import Kind
    from portfolio_cli.criteria import parse_criteria
    from portfolio_cli.engines.sql import compile_method, render

    rules = parse_criteria(
        "version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: a\n    when: n > 1\n"
        "policy:\n  order_by: [city asc]\n",
        "c.yaml",
    )
    kinds = {"id": Kind.TEXT, "n": Kind.NUMBER, "city": Kind.TEXT}
    method = compile_method(rules, dt.date(2026, 11, 23), "t", "postgres", kinds)
    text = render(method.customers(), "postgres", pretty=False)
    assert '"_o0" COLLATE "C"' in text or '_o0 COLLATE "C"' in text


def test_nan_in_a_warehouse_column_is_unknown_as_a_missing_value(run: Run, write: Write) -> None:
    # the printed query on a table of doubles holding NaN: classify reads `nan` as missing
    source = write("nan.csv", "id,a\nr1,nan\nr2,5\nr3,\nr4,nan\nr5,-1\n")
    criteria = write(
        "c.yaml",
        "version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: big\n    when: a > 1\n"
        "  - key: small\n    when: not (a > 1) or a in [-1]\n"
        "problems:\n  - key: odd\n    when: a + 1 > 0\n",
    )
    table = pa.table(
        {"id": ["r1", "r2", "r3", "r4", "r5"], "a": [float("nan"), 5.0, None, float("nan"), -1.0]}
    )
    query = printed_sql(run, criteria, "duckdb", "--part", "customers")
    assert duckdb_rows(query, table) == classify_rows(run, source, criteria)


# every function of the language, chained comparisons, arithmetic and dates, on a list with
# leading-zero ids, blank cells, ties on the `order_by` keys (one ascending, one descending)
EVERY_FUNCTION = """\
version: 1
customers: {id: id, name: name}
listening: {nps: score}
criteria:
  - key: recent
    when: days_since(seen) <= 30 and between(orders, 1, 10)
  - key: local
    when: contains(lower(city), "par") or startswith(postal, "69")
  - key: calm
    when: 0 <= late < 1 or missing(score)
problems:
  - key: far
    when: region in ["Corse", "Guyane"] or seen < date("2025-06-01")
  - key: costly
    when: spent / (orders + 1) * 2 - 10 > 150
    compensable: true
policy:
  compensate_with: 1
  order_by: [spent asc, score desc]
"""
EVERY_FUNCTION_ROWS = """\
id,name,city,postal,region,orders,spent,seen,late,score
007,A,Paris,75001,Corse,3,100,2026-11-01,0,9
0007,B,  ,69002,Bretagne,,100,2026-11-20,,
07,C,LYON,69003,Guyane,12,,2025-01-01,1,3
010,D,paris 15,01000,Bretagne,2,900,,0,10
10,E,Caen,14000,Normandie,0,100,2026-10-31,2,7
011,F,,,Bretagne,5,,2026-11-22,0,
"""


def test_every_function_gives_the_rows_of_classify_in_duckdb_and_postgres(
    run: Run, write: Write, postgres: Postgres
) -> None:
    source = write("every.csv", EVERY_FUNCTION_ROWS)
    criteria = write("every.yaml", EVERY_FUNCTION)
    expected = classify_rows(run, source, criteria)
    assert [row[0] for row in expected[1:]] == ["007", "0007", "011", "010", "07", "10"]
    table = typed_table(source, criteria)
    assert duckdb_rows(printed_sql(run, criteria, "duckdb", "--part", "customers"), table) == (
        expected
    )
    postgres.load("customers", table)
    assert postgres.rows(printed_sql(run, criteria, "postgres", "--part", "customers")) == expected


def test_the_summary_of_a_table_without_rows_counts_zero_in_duckdb_and_postgres(
    run: Run, write: Write, postgres: Postgres
) -> None:
    source = write("header.csv", EX_HEADER)
    summary = json.loads(
        run("classify", str(source), "-c", CRIT, "-f", "json", "--as-of", AS_OF).stdout
    )["summary"]
    table = typed_table(EX, CRIT).slice(0, 0)
    postgres.load("customers", table)
    for rows in (
        duckdb_rows(printed_sql(run, CRIT, "duckdb", "--part", "summary"), table),
        postgres.rows(printed_sql(run, CRIT, "postgres", "--part", "summary")),
    ):
        figures = {(m, k or None): float(v) if v else None for m, k, v in rows[1:]}
        assert figures[("total", None)] == summary["total"] == 0
        assert figures[("quality", None)] is summary["quality"] is None
        assert figures[("nps", None)] is summary["nps"] is None
        for measure in ("segments", "criteria", "problems", "unjudged", "unrecoverable_reasons"):
            for key, value in summary[measure].items():
                assert figures[(measure, key)] == value == 0, (measure, key)
