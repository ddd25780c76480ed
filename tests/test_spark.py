"""The Spark engine on a real local Spark (pyspark on a JVM), never a mock.

pyspark comes with the `spark` extra and needs Java 17+; where either is absent these tests
are skipped, except under PORTFOLIO_REQUIRE_SPARK=1 (set by .ci/run), where a missing Spark is a
failure. The classic session (`master("local[2]")`) runs in this process; Spark Connect
(`remote("local[2]")`) runs in a subprocess, as a separate client would.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import CRIT, EX, ROOT, Run

FRENCH = ROOT / "tests" / "data" / "customers-fr.csv"
DAY = dt.date(2026, 11, 23)
AS_OF = DAY.isoformat()


def _spark_or_skip() -> None:
    required = bool(os.environ.get("PORTFOLIO_REQUIRE_SPARK"))
    missing = None
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing = "pyspark is not installed (pip install -e '.[spark]')"
    if missing is None and not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        missing = "Java 17+ is not installed (Debian: openjdk-17-jre-headless)"
    if missing is not None:
        if required:
            pytest.fail(missing)
        pytest.skip(missing)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    _spark_or_skip()
    from portfolio_cli.engines.spark import session

    found = session(master="local[2]")
    found.conf.set("spark.sql.shuffle.partitions", "4")
    yield found
    found.stop()


def _connect(script: str, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    """A Spark Connect client in its own process, its local server on a free port (pyspark's
    SPARK_TESTING: two test runs on one machine would both take 15002)."""
    return subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True, check=False, timeout=900, env={**os.environ, "SPARK_TESTING": "1"},
    )  # fmt: skip


def _generated(rows: int) -> pa.Table:
    """A list with the example's columns, ties in every key, blanks in scores and payments."""
    rng = np.random.default_rng(7)
    scores = rng.integers(0, 11, rows).astype(float)
    scores[rng.random(rows) < 0.06] = np.nan
    late = rng.poisson(0.6, rows).astype(float)
    late[rng.random(rows) < 0.03] = np.nan
    regions = np.array(["Bretagne", "Corse", "Guyane", "Occitanie", "Île-de-France"])
    days = rng.integers(0, 900, rows).astype("timedelta64[D]")
    return pa.table(
        {
            "customer_id": [f"C{i:07d}" for i in rng.permutation(rows)],
            "name": [f"Client {i % 997}" for i in range(rows)],
            "city": ["Rennes"] * rows,
            "region": regions[rng.integers(0, len(regions), rows)],
            "postal_code": ["35000"] * rows,
            "orders_12m": rng.integers(0, 9, rows).astype(float),
            "total_spent": np.round(rng.integers(0, 5000, rows) / 10, 1),
            "last_order_date": pa.array(np.datetime64("2026-11-30") - days, pa.timestamp("s")),
            "recommend_score": pa.array(scores, from_pandas=True),
            "complaints_12m": rng.poisson(1.5, rows).astype(float),
            "late_payments": pa.array(late, from_pandas=True),
        }
    )


def _split(table: pa.Table, folder: Path, parts: int) -> str:
    """The list over several Parquet files (several partitions for Spark); their glob."""
    folder.mkdir()
    size = -(-table.num_rows // parts)
    for part in range(parts):
        pq.write_table(table.slice(part * size, size), folder / f"part-{part}.parquet")
    return str(folder / "*.parquet")


def _arrow_outputs(source: str) -> tuple[bytes, dict[str, Any]]:
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engine import classify
    from portfolio_cli.readers import read_customers

    rules = load_criteria(CRIT)
    customers = read_customers(source, rules.customers.id)
    return _outputs(classify(customers, rules, DAY), customers)


def _outputs(result: Any, customers: Any) -> tuple[bytes, dict[str, Any]]:
    from portfolio_cli.writers import formats

    stream = io.BytesIO()
    formats.write_csv(formats.output_table(result, customers), stream)
    summary = result.summary.to_dict()
    summary.pop("criteria_file", None)
    return stream.getvalue(), summary


@pytest.mark.parametrize("name", ["example", "french", "generated"])
def test_parquet_parts_read_by_spark_give_the_arrow_engines_bytes_and_summary(
    spark: Any, tmp_path: Path, name: str
) -> None:
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engines.spark import classify_source
    from portfolio_cli.readers import read_customers

    if name == "generated":
        table = _generated(100_000)
        source = str(tmp_path / "generated.parquet")
        pq.write_table(table, source)
    else:
        source = EX if name == "example" else str(FRENCH)
        table = read_customers(source, "customer_id").data
    expected = _arrow_outputs(source)
    parts = _split(table, tmp_path / "parts", 3 if name != "generated" else 7)
    result, customers = classify_source(parts, load_criteria(CRIT), DAY, spark)
    assert _outputs(result, customers) == expected


def test_a_list_our_readers_read_is_classified_alike_by_spark(spark: Any) -> None:
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engines.spark import classify
    from portfolio_cli.readers import read_customers

    customers = read_customers(str(FRENCH), "customer_id")  # ';', cp1252, decimal commas
    result = classify(customers, load_criteria(CRIT), DAY, spark)
    assert _outputs(result, customers) == _arrow_outputs(str(FRENCH))


def _plan(frame: Any) -> str:
    return str(frame._jdf.queryExecution().executedPlan().toString())


def test_the_rank_has_no_single_partition_step(spark: Any, tmp_path: Path) -> None:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engines.spark import _native, _rank, parallel_rank

    parts = _split(_generated(20_000), tmp_path / "parts", 5)
    rules = load_criteria(CRIT)
    frame, kinds = _native(spark, parts, rules)
    _, ranked, _ = _rank(frame, rules, DAY, kinds)
    assert "SinglePartition" not in _plan(ranked)
    # what a global row_number() would do, for contrast: one partition
    order = [F.col("_id").asc()]
    assert "SinglePartition" in _plan(frame.withColumn("_n", F.row_number().over(
        Window.orderBy(F.col("customer_id")))))  # fmt: skip
    numbers = frame.select(F.col("customer_id").alias("_id"))
    assert "SinglePartition" not in _plan(parallel_rank(numbers, order, partitions=4))
    priorities = sorted(r["_priority"] for r in ranked.select("_priority").collect())
    assert priorities == list(range(1, 20_001))


def test_spark_writes_a_folder_of_parquet_files_and_the_summary(
    run: Run, spark: Any, tmp_path: Path
) -> None:
    parts = _split(_generated(5_000), tmp_path / "parts", 3)
    folder = tmp_path / "out"
    result = run(
        "classify", parts, "-c", CRIT, "--as-of", AS_OF, "--engine", "spark",
        "--spark-master", "local[2]", "-f", "parquet", "-o", str(folder), "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    written = pq.read_table(folder / "customers").sort_by("priority")
    assert written.column("priority").to_pylist() == list(range(1, 5_001))
    csv = run("classify", parts, "-c", CRIT, "--as-of", AS_OF, "-f", "json", "-q")
    document = json.loads(csv.stdout)
    assert written.column("customer_id").to_pylist() == [
        c["customer_id"] for c in document["customers"]
    ]
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["segments"] == document["summary"]["segments"]
    assert summary["quality"] == document["summary"]["quality"]


def _folder_run(run: Run, source: str, target: str) -> Any:
    return run(
        "classify", source, "-c", CRIT, "--as-of", AS_OF, "--engine", "spark",
        "--spark-master", "local[2]", "-f", "parquet", "-o", target, "-q",
    )  # fmt: skip


def test_a_uri_folder_gets_summary_json_through_sparks_own_storage_layer(
    run: Run, spark: Any, tmp_path: Path
) -> None:
    """`-o file:///...` takes the path of `s3a://` or `hdfs://`: Hadoop's FileSystem API
    (Python's open would write a file named `file:` here); the bytes of a local path's."""
    parts = _split(_generated(2_000), tmp_path / "parts", 3)
    local = _folder_run(run, parts, str(tmp_path / "local"))
    assert local.exit_code == 0, local.stderr
    folder = tmp_path / "by uri é"  # written by Hadoop as the URI says, not %-encoded
    result = _folder_run(run, parts, f"file://{folder}/")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["customers", "summary.json"]
    assert (folder / "summary.json").read_bytes() == (tmp_path / "local/summary.json").read_bytes()
    written = pq.read_table(folder / "customers").sort_by("priority")
    assert written.column("priority").to_pylist() == list(range(1, 2_001))
    assert not Path("file:").exists()


def test_a_folder_uri_spark_cannot_write_is_one_line_and_leaves_nothing(
    run: Run, spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_cli.engines import spark as on_spark

    result = _folder_run(run, EX, "nosuch://bucket/out/")
    assert result.exit_code == 2
    assert result.stderr == (  # the JVM's own words, not py4j's "error while calling o41..."
        'error: Spark cannot write nosuch://bucket/out/: No FileSystem for scheme "nosuch"\n'
    )

    # summary.json that cannot be written: Spark's folder is removed, the error said once
    def broken(self: Any, data: bytes) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(on_spark._HadoopSummary, "_write", broken)
    folder = tmp_path / "out"
    result = _folder_run(run, EX, folder.as_uri())
    assert result.exit_code == 2
    assert result.stderr == f"error: Spark cannot write {folder.as_uri()}/summary.json: disk full\n"
    assert not folder.exists()


CONNECT_FOLDER = """
import datetime as dt, sys, warnings
warnings.simplefilter("ignore")
from portfolio_cli.criteria import load_criteria
from portfolio_cli.engines.spark import session, write_partitioned
spark = session(remote="local[2]")
print(spark.conf.get("spark.sql.shuffle.partitions"), spark.conf.get("spark.sql.adaptive.enabled"))
rules, day = load_criteria(sys.argv[1]), dt.date(2026, 11, 23)
write_partitioned(sys.argv[2], rules, day, sys.argv[3], spark)
"""


def test_spark_connect_writes_summary_json_to_a_uri_folder(tmp_path: Path) -> None:
    """Spark Connect has no JVM on the client: summary.json goes through pyarrow's filesystems,
    written under a temporary name and renamed; the same bytes as a local folder's."""
    _spark_or_skip()
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engines.spark import session, write_partitioned

    parts = _split(_generated(2_000), tmp_path / "parts", 3)
    local = tmp_path / "local"
    write_partitioned(parts, load_criteria(CRIT), DAY, str(local), session(master="local[2]"))
    folder = tmp_path / "by uri é"  # written where Spark would write it (not %-decoded)
    found = _connect(CONNECT_FOLDER, CRIT, parts, f"file://{folder}")
    assert found.returncode == 0, found.stderr.decode()[-2000:]
    assert found.stdout.decode().split() == ["4", "true"]  # local[2]: 2 partitions a core
    assert sorted(p.name for p in folder.iterdir()) == ["customers", "summary.json"]
    assert (folder / "summary.json").read_bytes() == (local / "summary.json").read_bytes()
    written = pq.read_table(folder / "customers").sort_by("priority")
    assert written.column("priority").to_pylist() == list(range(1, 2_001))


@pytest.mark.parametrize(
    ("master", "partitions"),
    [("local[3]", "6"), ("local", "2"), ("local[4, 2]", "8"), ("local[*]", None)],
)
def test_a_local_master_gets_a_few_shuffle_partitions_per_core(
    master: str, partitions: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from portfolio_cli.engines.spark import local_settings

    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path))  # no spark-defaults.conf
    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS", raising=False)
    expected = partitions or str(2 * (os.cpu_count() or 1))
    assert local_settings(master) == {
        "spark.sql.shuffle.partitions": expected,
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.adaptive.coalescePartitions.enabled": "true",
    }


@pytest.mark.parametrize("master", ["spark://head:7077", "yarn", "sc://head:15002", "k8s://x"])
def test_a_cluster_keeps_its_own_settings(master: str) -> None:
    from portfolio_cli.engines.spark import local_settings

    assert local_settings(master) == {}


def test_the_users_own_spark_settings_are_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from portfolio_cli.engines.spark import local_settings

    (tmp_path / "spark-defaults.conf").write_text(
        "# ours\nspark.sql.shuffle.partitions   64\n", encoding="utf-8"
    )
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path))
    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS", raising=False)
    assert local_settings("local[2]") == {
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.adaptive.coalescePartitions.enabled": "true",
    }
    monkeypatch.setenv("SPARK_CONF_DIR", str(tmp_path / "none"))
    monkeypatch.setenv(
        "PYSPARK_SUBMIT_ARGS", "--conf spark.sql.adaptive.enabled=false pyspark-shell"
    )
    assert local_settings("local[2]") == {
        "spark.sql.shuffle.partitions": "4",
        "spark.sql.adaptive.coalescePartitions.enabled": "true",
    }


def test_parquet_output_needs_spark_and_a_new_folder(run: Run, tmp_path: Path) -> None:
    result = run("classify", EX, "-c", CRIT, "-f", "parquet", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --format parquet writes a folder of Parquet files with --engine spark; other "
        "engines write csv, json, markdown or xlsx\n"
    )


def test_the_sql_printed_for_spark_runs_in_spark(run: Run, spark: Any) -> None:
    from portfolio_cli.readers import read_customers

    table = read_customers(EX, "customer_id").data
    spark.createDataFrame(table).createOrReplaceTempView("customers")
    printed = run("sql", "-c", CRIT, "--dialect", "spark", "--as-of", AS_OF, "--part", "customers")
    assert printed.exit_code == 0, printed.stderr
    rows = spark.sql(printed.stdout.strip().rstrip(";")).collect()
    expected = json.loads(run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "-f", "json").stdout)
    got = [(r["customer_id"], r["segment"], r["priority"]) for r in rows]
    assert got == [(c["customer_id"], c["segment"], c["priority"]) for c in expected["customers"]]


CONNECT = """
import datetime as dt, io, json, sys, warnings
warnings.simplefilter("ignore")
from portfolio_cli.criteria import load_criteria
from portfolio_cli.engines.spark import classify_source, session
from portfolio_cli.writers import formats
spark = session(remote="local[2]")
rules, day = load_criteria(sys.argv[1]), dt.date(2026, 11, 23)
for source, target in zip(sys.argv[2::2], sys.argv[3::2]):
    result, customers = classify_source(source, rules, day, spark)
    stream = io.BytesIO()
    formats.write_csv(formats.output_table(result, customers), stream)
    summary = result.summary.to_dict()
    summary.pop("criteria_file", None)
    with open(target, "wb") as out:
        out.write(stream.getvalue())
    with open(target + ".json", "w") as out:
        json.dump(summary, out)
"""


def test_spark_connect_gives_the_same_bytes_and_summary(tmp_path: Path) -> None:
    """Through the Spark Connect client (`remote("local[2]")`): the example, the French
    fixture and 100k generated rows, each split over several Parquet files."""
    _spark_or_skip()
    from portfolio_cli.readers import read_customers

    generated = tmp_path / "generated.parquet"
    pq.write_table(_generated(100_000), generated)
    lists = {"example": EX, "french": str(FRENCH), "generated": str(generated)}
    arguments: list[str] = [CRIT]
    for name, source in lists.items():
        table = read_customers(source, "customer_id").data
        arguments += [_split(table, tmp_path / name, 4), str(tmp_path / f"{name}.csv")]
    found = _connect(CONNECT, *arguments)
    assert found.returncode == 0, found.stderr.decode()[-2000:]
    for name, source in lists.items():
        expected_csv, expected_summary = _arrow_outputs(source)
        assert (tmp_path / f"{name}.csv").read_bytes() == expected_csv, name
        summary = json.loads((tmp_path / f"{name}.csv.json").read_text(encoding="utf-8"))
        assert summary == json.loads(json.dumps(expected_summary)), name


def test_report_on_spark_is_the_arrow_engines_report(run: Run, spark: Any, tmp_path: Path) -> None:
    reports = {}
    for engine in ("arrow", "spark"):
        target = tmp_path / f"{engine}.html"
        result = run(
            "report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(target), "-q",
            "--engine", engine, "--spark-master", "local[2]",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        reports[engine] = target.read_text(encoding="utf-8")
    assert "<svg" in reports["spark"]  # the figures are there
    assert reports["spark"] == reports["arrow"]


def test_batch_on_spark_writes_the_arrow_engines_outputs(
    run: Run, spark: Any, tmp_path: Path
) -> None:
    inputs = [EX, str(FRENCH)]
    written = {}
    for engine in ("arrow", "spark"):
        folder = tmp_path / engine
        result = run(
            "batch", *inputs, "-c", CRIT, "--as-of", AS_OF, "-o", str(folder), "-q",
            "--engine", engine, "--spark-master", "local[2]",
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        written[engine] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    assert sorted(written["spark"]) == ["customers-fr.csv", "customers.csv", "summary.csv"]
    assert written["spark"] == written["arrow"]


def test_report_and_batch_on_a_spark_table_give_the_arrow_engines_outputs(
    run: Run, spark: Any, tmp_path: Path
) -> None:
    """`spark:db.table`: the rules run in Spark; for the report the table's own columns come
    back beside the results (its profile of each segment reads them)."""
    from portfolio_cli.engines.spark import _spark_ready
    from portfolio_cli.readers import read_customers

    table = read_customers(EX, "customer_id", text_columns=["name"]).data  # every column
    frame = spark.createDataFrame(_spark_ready(table)).repartition(3)
    frame.createOrReplaceGlobalTempView("portfolio_customers")
    source = "spark:global_temp.portfolio_customers"
    reports = {}
    for name in (EX, source):
        target = tmp_path / f"{len(reports)}.html"
        result = run("report", name, "-c", CRIT, "--as-of", AS_OF, "-o", str(target), "-q",
                     "--spark-master", "local[2]")  # fmt: skip
        assert result.exit_code == 0, result.stderr
        reports[name] = target.read_text(encoding="utf-8")
    assert source in reports[source]
    assert "What sets each segment apart" in reports[source]
    assert reports[source].replace(source, EX) == reports[EX]
    written = {}
    for name in (EX, source):
        folder = tmp_path / f"batch{len(written)}"
        result = run("batch", name, "-c", CRIT, "--as-of", AS_OF, "-o", str(folder), "-q",
                     "--spark-master", "local[2]")  # fmt: skip
        assert result.exit_code == 0, result.stderr
        written[name] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    assert sorted(written[source]) == ["global_temp.portfolio_customers.csv", "summary.csv"]
    assert written[source]["global_temp.portfolio_customers.csv"] == written[EX]["customers.csv"]
    summary = written[source]["summary.csv"].decode("utf-8")
    assert summary == written[EX]["summary.csv"].decode("utf-8").replace(EX, source)


def test_spark_reading_the_input_itself_refuses_orders(run: Run, write: Any) -> None:
    orders = str(write("orders.csv", "customer_id,date,amount\n1,2026-01-01,3\n"))
    report = write("r.html", "kept")
    for command in ("classify", "report"):
        more = ["-o", str(report)] if command == "report" else []
        result = run(command, "spark:crm.customers", "-c", CRIT, "--orders", orders, *more)
        assert result.exit_code == 2
        assert result.stderr == (
            "error: --orders and --surveys are not available when Spark reads the input itself "
            "(spark:crm.customers): join them in Spark (a view or a table) and classify that\n"
        )
    assert report.read_text(encoding="utf-8") == "kept"


def test_batch_on_spark_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from portfolio_cli import batch

    ran: list[str] = []
    monkeypatch.setattr(batch, "classify_one", lambda job: ran.append(job.source.name) or None)
    jobs = [
        batch.Job(Path(name), None, Path(name), "csv", DAY, engine="spark")
        for name in ("a.csv", "b.csv", "c.csv")
    ]
    batch.run(jobs, processes=3)  # a process pool would not see the patched function
    assert ran == ["a.csv", "b.csv", "c.csv"]
