"""A PostgreSQL table or query as the input: the rules run inside PostgreSQL.

The method compiled to SQL (`engines/sql.py`, postgres dialect) reads the user's table (or
query, as a subquery); only the per-customer results (id, name, rank, segment code, counts and
flags) and one row of totals travel, as Arrow, through ADBC's PostgreSQL driver. They are turned
into the Arrow engine's `Classification` on this machine, so the same writers serialise them.

Read-only: the session's transactions are READ ONLY and nothing is created (no temporary table,
no view). The input is a URL or libpq's keyword string, handed to libpq as written, so the
credentials are libpq's own: the URL or keywords, PGPASSWORD, ~/.pgpass (PGPASSFILE), a service
of pg_service.conf (`service=crm`, PGSERVICE, PGSERVICEFILE). Every message shows the input
without its password, and a driver's error is cut to one line with any password taken out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.errors import InputError, Issue, UsageError
from portfolio_cli.messages import message

if TYPE_CHECKING:
    import pyarrow as pa

    from portfolio_cli.criteria import Criteria
    from portfolio_cli.engine import Classification
    from portfolio_cli.readers import CustomerList

PREFIXES = ("postgresql://", "postgres://")
# PostgreSQL's type names (ADBC gives each column's `POSTGRESQL:type`) and the kinds they are
_KINDS = {
    **dict.fromkeys(("int2", "int4", "int8", "float4", "float8", "numeric", "oid"), Kind.NUMBER),
    **dict.fromkeys(("date", "timestamp", "timestamptz"), Kind.DATE),
    "bool": Kind.BOOL,
}
_TYPE_KEY = b"POSTGRESQL:type"
_PASSWORD_IN_URL = re.compile(r"^([a-z]+://[^:/?#@]*):[^/?#]*@", re.IGNORECASE)
# `password=x` in a URL's query or a keyword string (`password = 'a b'` too; sslpassword too)
_PASSWORD_PARAM = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^&\s]*)", re.IGNORECASE)
# libpq's other form: `host=/tmp/sock dbname=crm user=reader` (values may be 'quoted')
_KEYWORD_PAIR = re.compile(r"\s*([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)\s*")
_KEYWORDS = frozenset(
    [
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "password",
        "passfile",
        "require_auth",
        "channel_binding",
        "connect_timeout",
        "client_encoding",
        "options",
        "application_name",
        "fallback_application_name",
        "keepalives",
        "keepalives_idle",
        "keepalives_interval",
        "keepalives_count",
        "tcp_user_timeout",
        "replication",
        "gssencmode",
        "sslmode",
        "sslnegotiation",
        "requiressl",
        "sslcompression",
        "sslcert",
        "sslkey",
        "sslkeylogfile",
        "sslpassword",
        "sslcertmode",
        "sslrootcert",
        "sslcrl",
        "sslcrldir",
        "sslsni",
        "requirepeer",
        "ssl_min_protocol_version",
        "ssl_max_protocol_version",
        "krbsrvname",
        "gsslib",
        "gssdelegation",
        "service",
        "target_session_attrs",
        "load_balance_hosts",
    ]
)


def is_source(text: str) -> bool:
    """A PostgreSQL database: a URL (`postgresql://...`, `postgres://...`; `postgresql://`
    alone takes everything from PGSERVICE and the other PG* variables) or libpq's keyword
    string (`host=/tmp/sock dbname=crm user=reader`, `service=crm`)."""
    return text.lower().startswith(PREFIXES) or is_keyword_string(text)


def is_keyword_string(text: str) -> bool:
    """libpq's `keyword=value ...` form, every keyword one libpq knows (a file that exists
    under that name stays a file)."""
    from pathlib import Path

    pairs, end = [], 0
    while end < len(text):
        found = _KEYWORD_PAIR.match(text, end)
        if found is None or found.end() == end:
            return False
        pairs.append(found.group(1).lower())
        end = found.end()
    if not pairs or any(key not in _KEYWORDS for key in pairs):
        return False
    try:
        return not Path(text).exists()
    except (OSError, ValueError):
        return True


def redact(url: str) -> str:
    """The URL or keyword string as shown in a message: `postgresql://user:***@host/db`,
    `host=db user=me password=***`."""
    shown = _PASSWORD_IN_URL.sub(r"\1:***@", url)
    return _PASSWORD_PARAM.sub(r"\1***", shown)


def database_name(source: str) -> str:
    """What a person calls the database an input names: its dbname, else its service, else
    its host (`postgresql` when libpq's defaults decide); batch names its output after it."""
    from urllib.parse import parse_qs

    if is_keyword_string(source):
        given = {
            m.group(1).lower(): re.sub(r"\\(.)", r"\1", m.group(2).strip("'"))
            for m in _KEYWORD_PAIR.finditer(source)
        }
    else:
        try:
            parts = urlsplit(source)
            given = {key: values[-1] for key, values in parse_qs(parts.query).items()}
            given.setdefault("dbname", unquote(parts.path.lstrip("/")))
            given.setdefault("host", parts.hostname or "")
        except ValueError:
            given = {}
    for key in ("dbname", "service", "host"):
        if given.get(key):
            return given[key]
    return "postgresql"


def _passwords(url: str) -> list[str]:
    """Every password this run may send: in the URL, its query, and PGPASSWORD."""
    found = []
    try:
        parts = urlsplit(url)
        if parts.password:
            found += [parts.password, unquote(parts.password)]
    except ValueError:
        pass
    for match in _PASSWORD_PARAM.finditer(url):
        value = match.group(2)
        found.append(value)
        if value.startswith("'"):  # as libpq reads it: unquoted, backslashes taken out
            found.append(re.sub(r"\\(.)", r"\1", value.strip("'")))
    found.append(os.environ.get("PGPASSWORD", ""))
    return [p for p in found if p]


def _one_line(exc: BaseException, url: str) -> str:
    """The driver's error on one line, without a password or the driver's own prefixes."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    text = re.sub(r"^[A-Z_]+: (\[libpq\] )?", "", text)
    text = re.sub(r"^Failed to (connect|prepare query|execute query): ", "", text)
    text = re.sub(r"^Execution error \[[A-Z_]+\]: ", "", text)
    text = re.sub(r"\b(FATAL|ERROR):  ", "", text)
    text = text.replace(url, redact(url))
    for password in sorted(_passwords(url), key=len, reverse=True):
        text = text.replace(password, "***")
    return text


@contextmanager
def connect(url: str) -> Iterator[Any]:
    """A read-only ADBC connection; a missing driver or a refused login is one clear line."""
    try:
        from adbc_driver_postgresql import dbapi
    except ImportError:
        raise UsageError(Issue("no-postgres", message("postgres.not_installed"))) from None
    try:
        con = dbapi.connect(url, autocommit=True)
    except Exception as exc:
        text = message("postgres.cannot_connect", source=redact(url), detail=_one_line(exc, url))
        raise UsageError(Issue("postgres-connect", text)) from None
    try:
        with con.cursor() as cur:
            # every statement of this session is a read-only transaction; text and dates are
            # compared as the Arrow engine compares them
            cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            cur.execute("SET TIME ZONE 'UTC'")
        yield con
    finally:
        con.close()


class Source:
    """What the method reads: a table (`--table`, schema.table allowed) or a query
    (`--query`, one SELECT, read as a subquery)."""

    def __init__(self, url: str, table: str | None, query: str | None) -> None:
        from portfolio_cli.engines.sql import table_name

        if (table is None) == (query is None):
            key = "postgres.both" if table is not None else "postgres.neither"
            raise UsageError(Issue("bad-option", message(key, source=redact(url))))
        self.url = url
        self.placeholder = f"portfolio_source_{uuid.uuid4().hex}"
        if table is not None:
            if not table.strip():
                raise UsageError(
                    Issue("bad-option", message("postgres.neither", source=redact(url)))
                )
            self.sql = table_name(table.strip()).sql(dialect="postgres")
            self.label = f"{redact(url)} (table {table.strip()})"
        else:
            text = (query or "").strip().rstrip(";").strip()
            if not text:
                raise UsageError(
                    Issue("bad-option", message("postgres.neither", source=redact(url)))
                )
            self.sql = f"({text}) AS {_quoted(self.placeholder)}"
            self.label = f"{redact(url)} (query)"

    def wrap(self, rendered: str) -> str:
        """The method's SQL, compiled over the placeholder table, reading this source."""
        name = _quoted(self.placeholder)
        assert rendered.count(name) == 1, "the placeholder is named once, in the FROM"
        return rendered.replace(name, self.sql)

    def table(self) -> Any:
        from sqlglot import exp

        return exp.Table(this=exp.to_identifier(self.placeholder, quoted=True))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fetch(con: Any, query: str, source: Source) -> pa.Table:
    try:
        with con.cursor() as cur:
            cur.execute(query)
            table: pa.Table = cur.fetch_arrow_table()
    except Exception as exc:
        detail = _one_line(exc, source.url)
        text = message("postgres.cannot_read", source=source.label, detail=detail)
        raise UsageError(Issue("postgres-read", text)) from None
    return table


def kinds_of(schema: pa.Schema) -> dict[str, Kind]:
    """Each column's kind, from PostgreSQL's own type (numbers, dates, booleans, else text)."""
    found: dict[str, Kind] = {}
    for field in schema:
        name = (field.metadata or {}).get(_TYPE_KEY, b"").decode("utf-8", "replace")
        found[field.name] = _KINDS.get(name, Kind.TEXT)
    return found


def classify_source(
    url: str,
    table: str | None,
    query: str | None,
    criteria: Criteria,
    as_of: dt.date,
    every_column: bool = False,
) -> tuple[Classification, CustomerList]:
    """Classify a PostgreSQL table or query: the rules run in PostgreSQL, only ids, names and
    flags come back (and, with `every_column`, the input's own columns beside them, in the same
    query: a report profiles them). Returns the result and the list it describes."""
    import numpy as np
    import pyarrow as pa

    from portfolio_cli.engine import checked_input
    from portfolio_cli.engines.rows import (
        assemble,
        carried_names,
        carry_columns,
        check_nps_range,
        empty_list,
        flag_columns,
        listed_customers,
    )
    from portfolio_cli.engines.sql import compile_method, render

    source = Source(url, table, query)
    with connect(url) as con:
        # names are quoted by sqlglot or _quoted; --query is the user's own SQL, on purpose
        probe = f"SELECT * FROM {source.sql} LIMIT 0"  # noqa: S608
        schema = _fetch(con, probe, source).schema
        kinds = kinds_of(schema)
        checked_input(
            empty_list(source.label, "postgresql", kinds, schema.names, criteria.customers.id),
            criteria,
        )
        _check_ids(con, source, criteria.customers.id)
        method = compile_method(criteria, as_of, source.table(), "postgres", kinds)
        totals = _fetch(con, source.wrap(render(method.totals(), "postgres", False)), source)
        figures: dict[str, Any] = totals.to_pylist()[0]
        check_nps_range(figures, source.label, criteria)
        carried = list(schema.names) if every_column else None
        shown = ["_id", *(["_name"] if criteria.customers.name else [])]
        columns = [c for c in flag_columns(criteria) if c != "_pos"]
        if carried is not None:
            method = carry_columns(method, carried)
            columns += carried_names(len(carried))
        select = method.with_chain(_select([*shown, *columns]))
        flags = _fetch(con, source.wrap(render(select, "postgres", False)), source)
    customers = listed_customers(flags, criteria, source.label, "postgresql", carried)
    size = flags.num_rows
    flags = flags.append_column("_pos", pa.array(np.arange(size, dtype=np.int64)))
    return assemble(customers, criteria, as_of, method, flags, figures, size), customers


def _select(columns: list[str]) -> Any:
    from sqlglot import exp

    return exp.select(*columns).from_("ranked")


def _check_ids(con: Any, source: Source, column: str) -> None:
    """Blank and repeated ids, found by aggregates (one id comes back, never the list)."""
    ident = f"CAST({_quoted(column)} AS TEXT)"
    ids = f"SELECT {ident} AS _id FROM {source.sql}"  # noqa: S608 - quoted names
    blank = _fetch(
        con,
        f"SELECT count(*) AS n FROM ({ids}) AS i WHERE _id IS NULL OR btrim(_id) = ''",  # noqa: S608
        source,
    )
    if blank.column("n")[0].as_py():
        text = message("spark.blank_id", source=source.label, column=column)
        raise InputError(Issue("blank-id", text))
    repeated = _fetch(
        con,
        f"SELECT _id, count(*) AS n FROM ({ids}) AS i GROUP BY _id HAVING count(*) > 1 "  # noqa: S608
        'ORDER BY _id COLLATE "C" LIMIT 1',
        source,
    ).to_pylist()
    if repeated:
        value, count = repeated[0]["_id"], repeated[0]["n"]
        text = message(
            "spark.duplicate_id", source=source.label, column=column, value=value, count=count
        )
        raise InputError(Issue("duplicate-id", text))
