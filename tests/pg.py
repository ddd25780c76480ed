"""A private PostgreSQL server for the tests, from Debian's `postgresql` package.

initdb in a temporary folder, a private socket directory, and TCP on 127.0.0.1 at a free port
(password logins by scram-sha-256 go over TCP; the socket trusts the `portfolio` superuser that
loads the tables). Without the package the tests that use it are skipped, unless
PORTFOLIO_REQUIRE_POSTGRES=1 (CI sets it) makes a missing server a failure.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Postgres:
    """A private PostgreSQL server on a Unix socket in a temporary folder and 127.0.0.1:port."""

    def __init__(self, bin_dir: Path, folder: Path) -> None:
        self.bin = bin_dir
        self.folder = folder
        self.socket = folder / "socket"
        self.data = folder / "data"
        self.port = free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: the server runs as `postgres`
            self.prefix = ["runuser", "-u", "postgres", "--"]
            shutil.chown(folder, "postgres")

    def command(self, name: str, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [*self.prefix, str(self.bin / name), *args],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if done.returncode:
            raise AssertionError(f"{name} failed: {done.stderr}")
        return done.stdout

    def start(self) -> None:
        self.socket.mkdir()
        if self.prefix:
            shutil.chown(self.socket, "postgres")
        self.command(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "portfolio",
            "--locale=C.UTF-8",
            "-E",
            "UTF8",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
        )
        options = f"-k {self.socket} -c listen_addresses=127.0.0.1 -p {self.port}"
        self.command(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.folder / "log"),
            "start",
        )

    def stop(self) -> None:
        self.command("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")

    def psql(self, sql: str, *args: str) -> str:
        return self.command(
            "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.socket),
            "-p",
            str(self.port),
            "-U",
            "portfolio",
            "-d",
            "postgres",
            *args,
            stdin=sql,
        )

    def url(self, user: str = "portfolio", password: str | None = None) -> str:
        """A URL to the server: over the socket without a password, else over TCP."""
        if password is None:
            return f"postgresql://{user}@/postgres?host={self.socket}&port={self.port}"
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/postgres"

    def load(self, name: str, table: pa.Table, types: dict[str, str] | None = None) -> None:
        """A table with our reader's types: numbers, text, timestamps, booleans (or `types`)."""
        kinds = {
            pa.float64(): "double precision",
            pa.bool_(): "boolean",
            pa.string(): "text",
            pa.large_string(): "text",
        }
        columns = []
        for field in table.schema:
            kind = (types or {}).get(field.name) or kinds.get(field.type, "timestamp")
            columns.append(f"{quoted(field.name)} {kind}")
        body = io.BytesIO()
        pa_csv.write_csv(table, body)
        self.psql(
            f"DROP TABLE IF EXISTS {quoted(name)}; CREATE TABLE {quoted(name)} "
            f"({', '.join(columns)});\n"
            f"COPY {quoted(name)} FROM STDIN WITH (FORMAT csv, HEADER true);\n"
            + body.getvalue().decode("utf-8")
            + "\\.\n"
        )

    def rows(self, query: str) -> list[list[str]]:
        return list(csv.reader(io.StringIO(self.psql(query, "--csv"))))


def server() -> Iterator[Postgres]:
    """The body of a module fixture: a started server, stopped and removed afterwards."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        if os.environ.get("PORTFOLIO_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL (Debian's postgresql package) is required but not found")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    # not under pytest's own folder: the `postgres` user must be able to reach it
    folder = Path(tempfile.mkdtemp(prefix="portfolio-pg-"))
    found = Postgres(bin_dir, folder)
    try:
        found.start()
        yield found
        found.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
