"""A PostgreSQL database as the input: `portfolio classify postgresql://... --table T`.

A real server from Debian's `postgresql` package (tests/pg.py: initdb in a temporary folder, a
private socket, 127.0.0.1 at a free port for password logins). The rules run inside it, as a
role that may only SELECT; the outputs are the Arrow engine's, byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pg
from conftest import CRIT, EX, FRENCH, FRENCH_CRITERIA, Run, Write
from pg import Postgres
from test_sql import HOSTILE_CRITERIA, hostile_table, typed_table

AS_OF = "2026-11-23"
PASSWORD = "S3cret-pw!x"  # noqa: S105 - the test role's password
READER = "reader"


@pytest.fixture(scope="module")
def driver() -> None:
    try:
        import adbc_driver_postgresql  # noqa: F401
    except ImportError:
        if os.environ.get("PORTFOLIO_REQUIRE_POSTGRES") == "1":
            pytest.fail("adbc-driver-postgresql is required: pip install -e '.[postgres]'")
        pytest.skip("pip install -e '.[postgres]' to run these tests")


@pytest.fixture(scope="module")
def postgres(driver: None) -> Iterator[Postgres]:
    for server in pg.server():
        server.psql(f"CREATE ROLE {READER} LOGIN PASSWORD '{PASSWORD}'")
        yield server


def tables(postgres: Postgres) -> list[list[str]]:
    return postgres.rows(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
        'ORDER BY relname COLLATE "C"'
    )


def classify(run: Run, source: str, criteria: str, fmt: str, *more: str) -> str:
    result = run("classify", source, "-c", criteria, "-f", fmt, "--as-of", AS_OF,
                 "--out-delimiter", ",", *more)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("source", "criteria"),
    [(EX, CRIT), (str(FRENCH), str(FRENCH_CRITERIA))],
    ids=["example", "french"],
)
def test_a_table_gives_the_arrow_engines_csv_and_json(
    run: Run, postgres: Postgres, source: str, criteria: str
) -> None:
    postgres.load("customers", typed_table(source, criteria))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    before = tables(postgres)
    url = postgres.url(READER, PASSWORD)  # a role that may only SELECT, over TCP
    for fmt in ("csv", "json"):
        got = classify(run, url, criteria, fmt, "--table", "customers")
        assert got == classify(run, source, criteria, fmt)
    assert json.loads(got)["summary"]["total"] > 0
    assert tables(postgres) == before  # nothing created, nothing dropped


@pytest.mark.parametrize(("table", "name"), [("select", "select"), ('"My clients"', "My clients")])
def test_a_table_named_by_a_reserved_word_or_in_double_quotes_is_read(
    run: Run, postgres: Postgres, table: str, name: str
) -> None:
    postgres.load(name, typed_table(EX, CRIT))
    got = classify(run, postgres.url(), CRIT, "csv", "--table", table)
    assert got == classify(run, EX, CRIT, "csv")


def whole_table(source: str | Path, criteria: str | Path) -> pa.Table:
    """Every column of the input, as our reader types it (a report profiles them all)."""
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.readers import read_customers

    rules = load_criteria(criteria)
    names = [rules.customers.name] if rules.customers.name else []
    data = read_customers(source, rules.customers.id, text_columns=names).data
    assert isinstance(data, pa.Table)
    return data


def _report(run: Run, source: str, target: Path, criteria: str, *more: str) -> str:
    result = run("report", source, "-c", criteria, "--as-of", AS_OF, "-o", str(target), "-q",
                 *more)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "criteria"),
    [(EX, CRIT), (str(FRENCH), str(FRENCH_CRITERIA))],
    ids=["example", "french"],
)
def test_report_on_a_table_is_the_arrow_engines_report(
    run: Run, postgres: Postgres, tmp_path: Path, source: str, criteria: str
) -> None:
    """The rules run in PostgreSQL; the table's own columns come back beside the results, for
    the report's profile of each segment: the same report as from the file, but its name."""
    postgres.load("customers", whole_table(source, criteria))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    url = postgres.url(READER, PASSWORD)
    expected = _report(run, source, tmp_path / "file.html", criteria)
    got = _report(run, url, tmp_path / "db.html", criteria, "--table", "customers")
    label = f"postgresql://{READER}:***@127.0.0.1:{postgres.port}/postgres (table customers)"
    assert label in got
    assert PASSWORD not in got
    assert got.replace(label, source) == expected
    assert "What sets each segment apart" in got  # the profile, from the table's columns
    markdown = _report(run, url, tmp_path / "db.md", criteria, "--table", "customers")
    shown = label.replace("*", "\\*")  # Markdown's own escape
    assert markdown.replace(shown, source) == _report(run, source, tmp_path / "f.md", criteria)


def test_report_on_a_database_refuses_joins_and_writes_nothing(
    run: Run, write: Write, tmp_path: Path
) -> None:
    url = f"postgresql://{READER}:{PASSWORD}@127.0.0.1:1/crm"
    orders = str(write("orders.csv", "customer_id,date\n1,2026-01-01\n"))
    target = tmp_path / "r.html"
    result = run("report", url, "-c", CRIT, "-o", str(target), "--table", "t", "--orders", orders)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --orders and --surveys are not available with a PostgreSQL input "
        f"(postgresql://{READER}:***@127.0.0.1:1/crm): join them in --query\n"
    )
    result = run("report", EX, "-c", CRIT, "-o", str(target), "--table", "t")
    assert result.exit_code == 2
    assert "must be a postgresql:// URL" in result.stderr
    assert not target.exists()


def test_report_on_an_unreachable_database_is_one_line_and_writes_nothing(
    run: Run, driver: None, tmp_path: Path
) -> None:
    url = f"postgresql://{READER}:{PASSWORD}@127.0.0.1:1/crm"
    target = tmp_path / "r.html"
    result = run("report", url, "-c", CRIT, "-o", str(target), "--table", "t")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot connect to postgresql://{READER}:***@")
    assert not target.exists()


def test_batch_classifies_a_database_beside_files_as_the_arrow_engine_does(
    run: Run, postgres: Postgres, tmp_path: Path
) -> None:
    postgres.load("customers", typed_table(EX, CRIT))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    url = postgres.url(READER, PASSWORD)
    files = tmp_path / "files"
    result = run("batch", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(files), "-q")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out"
    result = run("batch", str(FRENCH), url, "-c", CRIT, "--as-of", AS_OF, "-o", str(out),
                 "--table", "customers", "-q")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "customers-fr.csv",
        "postgres.csv",
        "summary.csv",
    ]
    assert (out / "postgres.csv").read_bytes() == (files / "customers.csv").read_bytes()
    rows = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    expected = (files / "summary.csv").read_text(encoding="utf-8").splitlines()[1]
    shown = f"postgresql://{READER}:***@127.0.0.1:{postgres.port}/postgres"
    assert rows[2] == expected.replace(EX, shown, 1)
    assert PASSWORD not in "".join(rows)


def test_batch_refuses_a_database_without_table_and_two_outputs_of_one_name(
    run: Run, postgres: Postgres, tmp_path: Path
) -> None:
    url = postgres.url(READER, PASSWORD)
    out = tmp_path / "out"
    result = run("batch", url, "-c", CRIT, "-o", str(out))
    assert result.exit_code == 2
    shown = f"postgresql://{READER}:***@127.0.0.1:{postgres.port}/postgres"
    assert result.stderr == (
        f'error: {shown}: say what to classify with --table NAME or --query "SELECT ..."\n'
    )
    keywords = f"host=127.0.0.1 port={postgres.port} dbname=postgres user={READER}"
    result = run("batch", url, keywords, "-c", CRIT, "-o", str(out), "--table", "customers")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {shown} and {keywords} would both be written to ")
    result = run("batch", EX, "-c", CRIT, "-o", str(out), "--query", "SELECT 1")
    assert result.exit_code == 2
    assert "must be a postgresql:// URL" in result.stderr
    assert not out.exists()
    assert PASSWORD not in result.stderr


def test_batch_says_a_database_that_fails_and_writes_the_others(
    run: Run, postgres: Postgres, tmp_path: Path
) -> None:
    wrong = "Wr0ng-Batch-pw"
    url = postgres.url(READER, wrong)
    out = tmp_path / "out"
    result = run("batch", EX, url, "-c", CRIT, "-o", str(out), "--table", "customers", "-q")
    assert result.exit_code == 3
    shown = f"postgresql://{READER}:***@127.0.0.1:{postgres.port}/postgres"
    assert result.stderr.startswith(f"error: failed: cannot connect to {shown}: ")
    assert sorted(p.name for p in out.iterdir()) == ["customers.csv", "summary.csv"]
    summary = (out / "summary.csv").read_text(encoding="utf-8")
    row = list(csv.reader(io.StringIO(summary)))[2]
    assert row[:9] == [shown, "", "", "", "", "", "", "", "failed"]
    assert row[9].startswith(f"cannot connect to {shown}: ")
    assert "password authentication failed" in row[9]
    assert wrong not in summary + result.stderr


def test_a_query_gives_the_rows_of_its_table(run: Run, postgres: Postgres) -> None:
    postgres.load("customers", typed_table(EX, CRIT))
    url = postgres.url()
    whole = classify(run, url, CRIT, "csv", "--table", "public.customers")
    query = "SELECT * FROM customers;"
    assert classify(run, url, CRIT, "csv", "--query", query) == whole
    assert whole == classify(run, EX, CRIT, "csv")


def test_a_select_only_role_cannot_write_even_through_the_query(
    run: Run, postgres: Postgres
) -> None:
    postgres.load("customers", typed_table(EX, CRIT))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    url = postgres.url(READER, PASSWORD)
    result = run("classify", url, "-c", CRIT, "--query", "SELECT 1; DROP TABLE customers")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    # even the owner's session is read-only: a query that writes is refused by PostgreSQL
    postgres.psql("CREATE SEQUENCE IF NOT EXISTS counter")
    query = "SELECT *, nextval('counter') AS n FROM customers"
    owner = run("classify", postgres.url(), "-c", CRIT, "--query", query)
    assert owner.exit_code == 2, owner.stdout
    assert owner.stderr.strip().endswith(
        "(query): cannot execute nextval() in a read-only transaction"
    ), owner.stderr
    assert postgres.rows("SELECT last_value FROM counter") == [["last_value"], ["1"]]
    assert postgres.rows("SELECT count(*) FROM customers") == [["count"], ["300"]]


def test_a_wrong_password_is_one_line_and_never_shown(
    run: Run, postgres: Postgres, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "Wr0ng-Pa55word-xyz"
    result = run("classify", postgres.url(READER, wrong), "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: cannot connect to postgresql://{READER}:***@127.0.0.1:")
    assert "password authentication failed" in lines[0]
    assert wrong not in result.stdout + result.stderr
    # the same through PGPASSWORD
    monkeypatch.setenv("PGPASSWORD", wrong)
    url = f"postgresql://{READER}@127.0.0.1:{postgres.port}/postgres"
    result = run("classify", url, "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert wrong not in result.stdout + result.stderr


def test_a_wrong_password_in_a_keyword_string_is_never_shown(run: Run, postgres: Postgres) -> None:
    keywords = f"host=127.0.0.1 port={postgres.port} dbname=postgres user={READER}"
    for written in ("Wr0ng-Pa55word-xyz", r"'Wr0ng pa55 \'q'"):  # plain, quoted (libpq's forms)
        result = run("classify", f"{keywords} password={written}", "-c", CRIT, "--table", "t")
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"error: cannot connect to {keywords} password=***: "), lines
        assert "password authentication failed" in lines[0]
        assert "Wr0ng" not in result.stdout + result.stderr


def test_a_keyword_string_is_an_input_and_its_password_is_never_shown(
    run: Run, postgres: Postgres
) -> None:
    postgres.load("customers", typed_table(EX, CRIT))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    expected = classify(run, EX, CRIT, "csv")
    socket = f"host={postgres.socket} port={postgres.port} dbname=postgres user=portfolio"
    assert classify(run, socket, CRIT, "csv", "--table", "customers") == expected
    keywords = f"host=127.0.0.1 port={postgres.port} dbname=postgres user={READER}"
    source = f"{keywords} password='{PASSWORD}'"
    result = run("classify", source, "-c", CRIT, "--as-of", AS_OF, "--out-delimiter", ",",
                 "-f", "csv", "--table", "customers")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    assert f"{keywords} password=*** (table customers)" in result.stderr  # the summary's line
    assert PASSWORD not in result.stderr
    blank = run("classify", source, "-c", CRIT, "--table", " ")
    assert blank.exit_code == 2
    assert PASSWORD not in blank.stderr
    assert "password=***" in blank.stderr


@pytest.fixture
def service_file(postgres: Postgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """pg_service.conf naming the test server as `crm` (no password: ~/.pgpass holds it)."""
    path = tmp_path / "pg_service.conf"
    path.write_text(
        f"[crm]\nhost=127.0.0.1\nport={postgres.port}\ndbname=postgres\nuser={READER}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    for name in ("PGSERVICE", "PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    return path


def _pgpass(tmp_path: Path, port: int, password: str) -> Path:
    path = tmp_path / "pgpass"
    path.write_text(f"127.0.0.1:{port}:postgres:{READER}:{password}\n", encoding="utf-8")
    path.chmod(0o600)  # libpq ignores a password file others may read
    return path


def test_pgservice_and_pgpass_give_the_server_and_the_password(
    run: Run, postgres: Postgres, service_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    postgres.load("customers", typed_table(EX, CRIT))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    expected = classify(run, EX, CRIT, "csv")
    monkeypatch.setenv("PGPASSFILE", str(_pgpass(tmp_path, postgres.port, PASSWORD)))
    assert classify(run, "service=crm", CRIT, "csv", "--table", "customers") == expected
    url = f"postgresql://{READER}@127.0.0.1:{postgres.port}/postgres"  # ~/.pgpass alone
    assert classify(run, url, CRIT, "csv", "--table", "customers") == expected
    monkeypatch.setenv("PGSERVICE", "crm")  # `postgresql://` alone: PGSERVICE says which
    assert classify(run, "postgresql://", CRIT, "csv", "--table", "customers") == expected
    result = run("classify", "service=none", "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    assert result.stderr == (
        'error: cannot connect to service=none: definition of service "none" not found\n'
    )


def test_a_wrong_password_in_pgpass_is_one_line_and_never_shown(
    run: Run, postgres: Postgres, service_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    wrong = "Wr0ng-From-Pgpass"
    monkeypatch.setenv("PGPASSFILE", str(_pgpass(tmp_path, postgres.port, wrong)))
    result = run("classify", "service=crm", "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: cannot connect to service=crm: ")
    assert "password authentication failed" in lines[0]
    assert wrong not in result.stdout + result.stderr


def test_pgpassword_logs_in(run: Run, postgres: Postgres, monkeypatch: pytest.MonkeyPatch) -> None:
    postgres.load("customers", typed_table(EX, CRIT))
    postgres.psql(f"GRANT SELECT ON customers TO {READER}")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    url = f"postgresql://{READER}@127.0.0.1:{postgres.port}/postgres"
    assert classify(run, url, CRIT, "csv", "--table", "customers") == classify(run, EX, CRIT, "csv")


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql://{READER}:{PASSWORD}@127.0.0.1:{pg.free_port()}/postgres",
        "postgresql://reader@/postgres?host=/nonexistent/socket-dir",
    ],
    ids=["closed-port", "missing-socket"],
)
def test_no_server_is_one_clear_line(run: Run, url: str, driver: None) -> None:
    result = run("classify", url, "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: cannot connect to postgresql://reader")
    assert "Traceback" not in result.stderr
    assert PASSWORD not in result.stderr


def test_table_or_query_is_required(run: Run, postgres: Postgres, write: Write) -> None:
    result = run("classify", postgres.url(), "-c", CRIT)
    assert result.exit_code == 2
    assert "--table NAME or --query" in result.stderr
    result = run("classify", EX, "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    assert "must be a postgresql:// URL" in result.stderr
    out = Path(write("out.csv", b""))
    out.unlink()
    result = run("classify", postgres.url(), "-c", CRIT, "--table", "missing", "-o", str(out))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert 'relation "missing" does not exist' in result.stderr
    assert not out.exists()


def test_unknown_column_and_duplicate_ids_are_said_before_any_row_is_read(
    run: Run, postgres: Postgres, write: Write
) -> None:
    table = typed_table(EX, CRIT)
    postgres.load("customers", table.drop_columns(["orders_12m"]))
    result = run("classify", postgres.url(), "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    assert "orders_12m" in result.stderr
    postgres.load("customers", pa.concat_tables([table, table.slice(3, 1)]))
    result = run("classify", postgres.url(), "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    assert "appears 2 times" in result.stderr


HOSTILE_TABLE = '"; DROP TABLE keep; --\\ é'


def test_hostile_names_are_only_names(run: Run, postgres: Postgres, write: Write) -> None:
    criteria = str(write("hostile.yaml", HOSTILE_CRITERIA))
    table = hostile_table()
    postgres.load("keep", pa.table({"x": [1.0]}))
    postgres.load(HOSTILE_TABLE, table)
    source = write("hostile.parquet", b"")
    pq.write_table(table, source)
    got = classify(run, postgres.url(), criteria, "csv", "--table", HOSTILE_TABLE)
    assert got == classify(run, str(source), criteria, "csv")
    assert "big|named" in got
    assert postgres.rows("SELECT count(*) FROM keep") == [["count"], ["1"]]


def test_integer_and_numeric_columns_are_numbers(run: Run, postgres: Postgres) -> None:
    table = typed_table(EX, CRIT)
    types = {"orders_12m": "integer", "total_spent": "numeric(12,2)"}
    postgres.load("customers", table, types)
    got = classify(run, postgres.url(), CRIT, "csv", "--table", "customers")
    assert got == classify(run, EX, CRIT, "csv")


def test_a_missing_driver_says_what_to_install(
    run: Run, monkeypatch: pytest.MonkeyPatch, write: Write
) -> None:
    monkeypatch.setitem(sys.modules, "adbc_driver_postgresql", None)
    url = f"postgresql://{READER}:{PASSWORD}@127.0.0.1:1/crm"
    result = run("classify", url, "-c", CRIT, "--table", "customers")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: a postgresql:// input needs the PostgreSQL driver: "
        "pip install 'portfolio-cli[postgres]'\n"
    )


def test_options_that_need_our_reader_are_refused(run: Run, write: Write) -> None:
    url = f"postgresql://{READER}:{PASSWORD}@127.0.0.1:1/crm"
    orders = str(write("orders.csv", "customer_id,date\n1,2026-01-01\n"))
    result = run("classify", url, "-c", CRIT, "--table", "t", "--orders", orders)
    assert result.exit_code == 2
    assert "join them in --query" in result.stderr
    result = run("classify", url, "-c", CRIT, "--table", "t", "--keep-columns")
    assert result.exit_code == 2
    assert f"postgresql://{READER}:***@127.0.0.1:1/crm" in result.stderr
    assert PASSWORD not in result.stderr
    result = run("classify", url, "-c", CRIT, "--table", "t", "--query", "SELECT 1")
    assert result.exit_code == 2
    assert "give --table or --query, not both" in result.stderr


def test_redact_hides_every_password() -> None:
    from portfolio_cli.engines.postgres import redact

    assert redact("postgresql://me:p%40ss@host:5432/db") == "postgresql://me:***@host:5432/db"
    assert (
        redact("postgres://host/db?user=me&password=x1")
        == "postgres://host/db?user=me&password=***"
    )
    assert redact("postgresql://me@host/db") == "postgresql://me@host/db"
    assert redact("host=db user=me password=x1 dbname=crm") == (
        "host=db user=me password=*** dbname=crm"
    )
    assert redact(r"host=db password = 'a b\'c' sslpassword=k") == (
        "host=db password = *** sslpassword=***"
    )


@pytest.mark.parametrize(
    ("text", "database"),
    [
        ("host=/tmp/sock dbname=crm user=reader", True),
        ("service=crm", True),
        ("host = db  port=5432 password='a b'", True),
        ("postgresql://", True),
        ("customers.csv", False),
        ("name=x", False),  # not a libpq keyword
        ("data/host=1.csv extra", False),
    ],
)
def test_a_keyword_string_is_told_from_a_file_name(text: str, database: bool) -> None:
    from portfolio_cli.engines.postgres import is_source

    assert is_source(text) is database
