"""Run the method on Spark: a cluster (`--spark-master`), Spark Connect (`--spark-remote`,
`$SPARK_REMOTE`) or, for trying it out, a local session on every core.

The rules are the same compiled SQL as DuckDB's (`engines/sql.py`, Spark dialect); only the
priority rank is done differently. `ROW_NUMBER() OVER (ORDER BY ...)` over a whole portfolio
moves every row to one executor. Instead the rows are range-partitioned on the priority keys and
sorted inside each partition (every stage parallel), materialised once (so that the partitions
counted are the partitions ranked), counted per partition (a tiny aggregate) and numbered:
a row's priority is the rows of the partitions before it (a prefix sum on the driver, a few
numbers) plus its place in its own partition.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import Criteria
from portfolio_cli.engines.rows import (
    check_nps_range,
    empty_list,
    flag_columns,
    summary_of_totals,
)
from portfolio_cli.engines.sql import Method, compile_method, render
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from pyspark.sql import Column, DataFrame, SparkSession
    from sqlglot import exp

    from portfolio_cli.engine import Classification
    from portfolio_cli.readers import CustomerList
    from portfolio_cli.result import Summary

# monotonically_increasing_id() puts the partition index in the upper 31 bits
_PARTITION_SHIFT = 33
_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %c{1}: %m%n
"""


def session(remote: str | None = None, master: str | None = None) -> SparkSession:
    """The Spark session a run uses: Spark Connect when `remote` (or `$SPARK_REMOTE`) is set,
    else the cluster `master`, else a local session on every core.

    The JVM's start-up chatter goes to a log file, not to the user's terminal; a missing
    pyspark or Java is one clear message.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(Issue("no-spark", message("spark.not_installed"))) from None
    remote = remote or os.environ.get("SPARK_REMOTE") or None
    builder = SparkSession.builder.appName("portfolio")
    for key, value in _settings().items():
        builder = builder.config(key, value)
    if remote:
        builder = builder.remote(remote)
    else:  # trying it out: every core of this machine
        master = master or f"local[{os.cpu_count() or 1}]"
        builder = builder.master(master)
    for key, value in local_settings(remote or master).items():
        builder = builder.config(key, value)
    if not remote or remote.startswith("local"):
        _java_or_fail()
    for name in ("py4j", "pyspark", "SQLQueryContextLogger"):  # errors are said once, by us
        logging.getLogger(name).setLevel(logging.CRITICAL)
    with _quiet_stderr():
        try:
            spark: SparkSession = builder.getOrCreate()
        except Exception as exc:
            text = message("spark.cannot_start", detail=_first_line(exc))
            raise UsageError(Issue("spark-session", text)) from None
    return spark


def _settings() -> dict[str, str]:
    folder = os.path.join(tempfile.gettempdir(), "portfolio-spark")  # noqa: PTH118
    os.makedirs(folder, exist_ok=True)  # noqa: PTH103
    config = os.path.join(folder, "log4j2.properties")  # noqa: PTH118
    if not os.path.exists(config):  # noqa: PTH110
        with open(config, "w", encoding="utf-8") as stream:  # noqa: PTH123
            stream.write(_LOG4J)
    return {
        "spark.driver.extraJavaOptions": f"-Dlog4j.configurationFile=file:{config}",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.session.timeZone": "UTC",
    }


_LOCAL_MASTER = re.compile(r"^local(?:\[(\d+|\*)(?:\s*,\s*\d+)?\])?$")
# shuffle partitions per core of a local master: enough to balance uneven partitions, few
# enough that each task has rows to work on (Spark's default, 200, is sized for a cluster)
PARTITIONS_PER_CORE = 2


def local_settings(master: str | None) -> dict[str, str]:
    """Settings for a Spark on this machine (`local`, `local[N]`, `local[*]`, also as a Spark
    Connect `remote`): a few shuffle partitions per core instead of Spark's 200, and adaptive
    query execution (which merges small shuffle partitions). A setting the user gave Spark
    (spark-defaults.conf, `--conf` in PYSPARK_SUBMIT_ARGS) is kept; a cluster keeps its own."""
    found = _LOCAL_MASTER.match((master or "").strip())
    if found is None:
        return {}
    cores = found.group(1)
    count = 1 if cores is None else (os.cpu_count() or 1) if cores == "*" else int(cores)
    wanted = {
        "spark.sql.shuffle.partitions": str(max(1, PARTITIONS_PER_CORE * count)),
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.adaptive.coalescePartitions.enabled": "true",
    }
    given = user_settings()
    return {key: value for key, value in wanted.items() if key not in given}


def user_settings() -> dict[str, str]:
    """What the user set for Spark where Spark itself reads it: `spark-defaults.conf` in
    $SPARK_CONF_DIR (else $SPARK_HOME/conf), and `--conf KEY=VALUE` in PYSPARK_SUBMIT_ARGS."""
    import shlex

    found: dict[str, str] = {}
    folder = os.environ.get("SPARK_CONF_DIR") or (
        os.path.join(os.environ["SPARK_HOME"], "conf") if os.environ.get("SPARK_HOME") else None  # noqa: PTH118
    )
    if folder:
        try:
            with open(os.path.join(folder, "spark-defaults.conf"), encoding="utf-8") as lines:  # noqa: PTH118, PTH123
                for line in lines:
                    parts = line.strip().split(None, 1)
                    if parts and not parts[0].startswith("#"):
                        found[parts[0]] = parts[1].strip() if len(parts) > 1 else ""
        except (OSError, UnicodeDecodeError):
            pass
    try:
        words = shlex.split(os.environ.get("PYSPARK_SUBMIT_ARGS", ""))
    except ValueError:
        words = []
    for flag, value in itertools.pairwise(words):
        if flag in ("--conf", "-c") and "=" in value:
            key, _, setting = value.partition("=")
            found[key.strip()] = setting
    for word in words:
        if word.startswith("--conf=") and "=" in word[len("--conf=") :]:
            key, _, setting = word[len("--conf=") :].partition("=")
            found[key.strip()] = setting
    return found


def _java_or_fail() -> None:
    """A local Spark needs Java 17 or newer: say so before Spark fails obscurely."""
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")  # noqa: PTH118
    if not java or not os.path.exists(java):  # noqa: PTH110
        raise UsageError(Issue("no-java", message("spark.no_java")))


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Standard error sent to a log file while the JVM starts (it inherits the descriptor)."""
    log = os.path.join(tempfile.gettempdir(), "portfolio-spark", "spark.log")  # noqa: PTH118
    try:
        saved = os.dup(2)
    except OSError:  # no standard error at all
        yield
        return
    try:
        with open(log, "ab") as sink:  # noqa: PTH123
            os.dup2(sink.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_PY4J_CALL = "An error occurred while calling"
_JAVA_EXCEPTION = re.compile(r"^:?\s*(?:[\w$]+\.)+[\w$]*(?:Exception|Error):\s*")


def _first_line(exc: BaseException) -> str:
    """The error in one line; for a call into the JVM that failed (`An error occurred while
    calling o41.getFileSystem.`), the Java exception's own message instead."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    if lines[0].startswith(_PY4J_CALL):
        for line in lines[1:]:
            text = line
            while (found := _JAVA_EXCEPTION.match(text)) and text[found.end() :].strip():
                text = text[found.end() :].strip()  # java.lang.RuntimeException: java.io...
            if text != line:
                return text
    return lines[0]


def parallel_rank(
    frame: DataFrame, order: Sequence[Column], partitions: int | None = None
) -> DataFrame:
    """`frame` with `_priority` = 1..N in `order` (a total order), without a single-partition
    step: range partitioning, a sort inside each partition, one count per partition."""
    from pyspark.sql import functions as F

    spark = frame.sparkSession
    if partitions is None:
        partitions = max(1, int(spark.conf.get("spark.sql.shuffle.partitions") or 1))
    ordered = (
        frame.repartitionByRange(partitions, *order)
        .sortWithinPartitions(*order)
        .withColumn("_part", F.spark_partition_id())
        .withColumn("_place", F.monotonically_increasing_id())
        .localCheckpoint(eager=True)
    )
    counts = ordered.groupBy("_part").agg(F.count(F.lit(1)).alias("rows")).collect()
    before: list[Any] = []
    total = 0
    for row in sorted(counts, key=lambda r: int(r["_part"])):
        before += [F.lit(int(row["_part"])), F.lit(total)]
        total += int(row["rows"])
    offset = F.create_map(*before)[F.col("_part")] if before else F.lit(0)
    within = F.col("_place") - F.shiftleft(F.col("_part").cast("long"), _PARTITION_SHIFT)
    priority = (offset.cast("long") + within + F.lit(1)).alias("_priority")
    return ordered.select(*frame.columns, priority)


# --- the customer list our readers read -------------------------------------------------------


def classify(
    customers: CustomerList | pd.DataFrame,
    criteria: Criteria,
    as_of: dt.date | None = None,
    spark: SparkSession | None = None,
) -> Classification:
    """The same `Classification` as `engine.classify`, computed by Spark.

    The list was read by our readers (French exports, decimal commas and cp1252 behave as
    everywhere else); Spark evaluates the rules, ranks and sums, and only the per-customer
    flags come back, to be serialised by the same writers as every engine's.
    """
    import numpy as np
    import pyarrow as pa

    from portfolio_cli.engine import checked_input, nps_scores
    from portfolio_cli.engines.rows import assemble, free_name

    as_of = as_of or dt.date.today()
    spark = spark or session()
    data, kinds = checked_input(customers, criteria)
    table = _arrow_table(data)
    position = free_name("position", table.column_names)
    table = table.append_column(position, pa.array(np.arange(len(data), dtype=np.int64)))
    frame = spark.createDataFrame(_spark_ready(table))
    method, ranked, totals = _rank(frame, criteria, as_of, kinds, position)
    if criteria.listening.nps and totals["_nps_bad"]:
        nps_scores(data, criteria)  # raises the Arrow engine's error, naming the rows
    flags = ranked.selectExpr(*flag_columns(criteria)).toArrow()
    return assemble(data, criteria, as_of, method, flags, totals, len(data))


# --- inputs Spark reads itself ----------------------------------------------------------------

TABLE_PREFIX = "spark:"


def reads_itself(source: str) -> bool:
    """Spark reads a catalog table (`spark:db.customers`), a URI (`hdfs://`, `s3a://`...) and
    Parquet files itself; CSV files on this machine go through our readers (French exports,
    decimal commas and cp1252 are read as everywhere else)."""
    if source.startswith(TABLE_PREFIX) or "://" in source:
        return True
    return source.lower().rstrip("/").endswith((".parquet", ".parq"))


def read_source(spark: SparkSession, source: str) -> DataFrame:
    """The input as a Spark DataFrame: a catalog table, or Parquet / CSV paths and globs."""
    if source.startswith(TABLE_PREFIX):
        return spark.read.table(source.removeprefix(TABLE_PREFIX))
    if source.lower().rstrip("/").endswith((".csv", ".csv.gz", ".txt")):
        return spark.read.csv(source, header=True, inferSchema=True)
    return spark.read.parquet(source)


def kinds_of(frame: DataFrame) -> dict[str, Kind]:
    """Each column's kind, from Spark's own types."""
    from pyspark.sql import types as T

    found: dict[str, Kind] = {}
    for field in frame.schema.fields:
        kind = field.dataType
        if isinstance(kind, T.BooleanType):
            found[field.name] = Kind.BOOL
        elif isinstance(kind, T.NumericType):
            found[field.name] = Kind.NUMBER
        elif isinstance(kind, T.DateType | T.TimestampType | T.TimestampNTZType):
            found[field.name] = Kind.DATE
        else:
            found[field.name] = Kind.TEXT
    return found


def classify_source(
    source: str,
    criteria: Criteria,
    as_of: dt.date,
    spark: SparkSession,
    every_column: bool = False,
) -> tuple[Classification, CustomerList]:
    """Classify what Spark reads itself: only ids, names and flags travel to the driver (and,
    with `every_column`, the input's own columns beside them: a report profiles them).

    Returns the result and the list it describes, for the writers.
    """
    import numpy as np
    import pyarrow as pa

    from portfolio_cli.engines.rows import assemble, carried_names, listed_customers

    frame, kinds = _native(spark, source, criteria)
    carried = list(frame.columns) if every_column else None
    method, ranked, totals = _rank(frame, criteria, as_of, kinds, carried=carried)
    check_nps_range(totals, source, criteria)
    shown = ["_id", *(["_name"] if criteria.customers.name else [])]
    columns = [c for c in flag_columns(criteria) if c != "_pos"]
    columns += carried_names(len(carried)) if carried is not None else []
    flags = ranked.selectExpr(*shown, *columns).toArrow()
    customers = listed_customers(flags, criteria, source, "spark", carried)
    size = flags.num_rows
    flags = flags.append_column("_pos", pa.array(np.arange(size, dtype=np.int64)))
    return assemble(customers, criteria, as_of, method, flags, totals, size), customers


# --- results too large for the driver ---------------------------------------------------------


def write_partitioned(
    source: str,
    criteria: Criteria,
    as_of: dt.date,
    folder: str,
    spark: SparkSession,
    customers: CustomerList | None = None,
) -> Summary:
    """Spark writes the customers (the columns of `classify -f csv`, lists `|`-joined) as
    Parquet files in `folder/customers/`, each in priority order, and `folder/summary.json`
    beside them (a folder of Parquet files holds nothing else, so any reader takes it whole);
    only the summary reaches the driver. `customers`: the list, when our readers read it.
    `folder` is a path or any URI Spark writes (hdfs://, s3a://, file://...); summary.json
    goes to the same storage (see `_summary_writer`). Returns the summary."""
    import json

    from portfolio_cli.engine import checked_input

    summary_writer = _summary_writer(spark, folder)  # a storage we cannot reach: said now
    if customers is not None:
        data, kinds = checked_input(customers, criteria)
        frame = spark.createDataFrame(_spark_ready(_arrow_table(data)))
        label = customers.info.source
    else:
        frame, kinds = _native(spark, source, criteria)
        label = source
    method, ranked, totals = _rank(frame, criteria, as_of, kinds)
    check_nps_range(totals, label, criteria)
    view = f"portfolio_{uuid.uuid4().hex}"
    ranked.createOrReplaceTempView(view)
    try:
        rows = spark.sql(_customers_projection(method, view))
        rows.sortWithinPartitions("priority").write.parquet(f"{folder.rstrip('/')}/customers")
    except Exception as exc:
        text = message("spark.cannot_write", path=folder, detail=_first_line(exc))
        raise UsageError(Issue("spark-write", text)) from None
    finally:
        spark.catalog.dropTempView(view)
    summary = summary_of_totals(criteria, as_of, method, totals)
    text = json.dumps(summary.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    summary_writer.write(text.encode("utf-8"))
    return summary


# --- summary.json beside Spark's files, on the storage Spark wrote to --------------------------

SUMMARY_NAME = "summary.json"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class _SummaryWriter:
    """Writes `folder/summary.json` whole or not at all: to a temporary name beside it, then
    renamed. Subclasses reach the folder's storage; `write` removes Spark's folder when the
    summary cannot be written, so a failed run leaves no output."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.rstrip("/") or folder
        self.target = f"{self.folder}/{SUMMARY_NAME}"
        self.temporary = f"{self.folder}/_{SUMMARY_NAME}.{uuid.uuid4().hex}.tmp"

    def write(self, data: bytes) -> None:
        try:
            self._write(data)
        except Exception as exc:
            with contextlib.suppress(Exception):
                self._remove_folder()
            text = message("spark.cannot_write", path=self.target, detail=_first_line(exc))
            raise UsageError(Issue("spark-write", text)) from None

    def _write(self, data: bytes) -> None:
        raise NotImplementedError

    def _remove_folder(self) -> None:
        raise NotImplementedError


class _LocalSummary(_SummaryWriter):
    """A folder on this machine, named by a path: Python's own files (the bytes as ever)."""

    def _write(self, data: bytes) -> None:
        handle, temporary = tempfile.mkstemp(
            prefix=f"_{SUMMARY_NAME}.", suffix=".tmp", dir=self.folder
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)  # noqa: PTH101 - as a file open() creates
            os.replace(temporary, self.target)  # noqa: PTH105
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)  # noqa: PTH108
            raise

    def _remove_folder(self) -> None:
        shutil.rmtree(self.folder)


class _HadoopSummary(_SummaryWriter):
    """A classic session: Hadoop's FileSystem API through the session's JVM, the storage layer
    Spark itself wrote with (hdfs://, s3a://, abfs://, gs://, file://, with the cluster's
    credentials and settings)."""

    def __init__(self, spark: SparkSession, folder: str) -> None:
        super().__init__(folder)
        jvm: Any = spark._jvm
        self.paths = jvm.org.apache.hadoop.fs
        conf = spark._jsc.hadoopConfiguration()
        self.filesystem = self.paths.Path(self.target).getFileSystem(conf)
        self.local = str(self.filesystem.getUri().getScheme()) == "file"
        if self.local:  # the raw local files: no .summary.json.crc checksum beside it
            self.filesystem = self.paths.FileSystem.getLocal(conf).getRawFileSystem()

    def _write(self, data: bytes) -> None:
        temporary, target = self.paths.Path(self.temporary), self.paths.Path(self.target)
        try:
            stream = self.filesystem.create(temporary, False)
            try:
                stream.write(bytearray(data))
            finally:
                stream.close()
            if not self.filesystem.rename(temporary, target):
                raise OSError(f"cannot rename {self.temporary} to {self.target}")
        except BaseException:
            with contextlib.suppress(Exception):
                self.filesystem.delete(temporary, False)
            raise

    def _remove_folder(self) -> None:
        self.filesystem.delete(self.paths.Path(self.folder), True)


class _ArrowSummary(_SummaryWriter):
    """A Spark Connect session has no JVM on this side: the summary is written by pyarrow's
    filesystems (file://, s3:// and s3a://, gs://, hdfs:// through libhdfs, abfs://), so this
    machine needs access to the storage too, with its own credentials (AWS_*, ...)."""

    def __init__(self, folder: str) -> None:
        from pyarrow import fs

        super().__init__(folder)
        uri = re.sub(r"^s3[an]://", "s3://", self.folder, flags=re.IGNORECASE)
        # Hadoop takes the path as written (`%20` is three characters, a space is a space);
        # pyarrow decodes a URI: quoted here, both name the same folder
        uri = quote(uri, safe=":/@?=&+$,;~!*'()[]")
        self.filesystem, self.path = fs.FileSystem.from_uri(uri)

    def _write(self, data: bytes) -> None:
        temporary = f"{self.path}/_{SUMMARY_NAME}.{uuid.uuid4().hex}.tmp"
        try:
            with self.filesystem.open_output_stream(temporary) as stream:
                stream.write(data)
            self.filesystem.move(temporary, f"{self.path}/{SUMMARY_NAME}")
        except BaseException:
            with contextlib.suppress(Exception):
                self.filesystem.delete_file(temporary)
            raise

    def _remove_folder(self) -> None:
        self.filesystem.delete_dir(self.path)


def _summary_writer(spark: SparkSession, folder: str) -> _SummaryWriter:
    """How summary.json reaches `folder`: a local path is written as any of our files; a URI
    through the storage layer Spark uses (classic) or pyarrow's (Spark Connect)."""
    plain_path = not _SCHEME.match(folder)
    try:
        if type(spark).__module__.startswith("pyspark.sql.connect"):
            return _LocalSummary(folder) if plain_path else _ArrowSummary(folder)
        found = _HadoopSummary(spark, folder)
        if found.local and plain_path:
            return _LocalSummary(folder)  # a plain path on this machine: today's bytes
        return found
    except Exception as exc:
        text = message("spark.cannot_write", path=folder, detail=_first_line(exc))
        raise UsageError(Issue("spark-write", text)) from None


# --- the steps every path shares --------------------------------------------------------------


def _rank(
    frame: DataFrame,
    criteria: Criteria,
    as_of: dt.date,
    kinds: Mapping[str, Kind],
    position: str | None = None,
    carried: Sequence[str] | None = None,
) -> tuple[Method, DataFrame, dict[str, Any]]:
    """The compiled rules over `frame`: the method, the customers ranked in parallel (held by
    Spark, materialised once), and the summary's figures (one aggregate). `carried`: input
    columns kept beside the flags (`rows.carry_columns`)."""
    from portfolio_cli.engines.rows import carry_columns

    spark = frame.sparkSession
    view = f"portfolio_{uuid.uuid4().hex}"
    frame.createOrReplaceTempView(view)
    try:
        method = compile_method(criteria, as_of, view, "spark", kinds, position=position)
        if carried is not None:
            method = carry_columns(method, carried)
        unranked, order = _unranked(method)
        rows = spark.sql(render(unranked, "spark", pretty=False))
        totals = _totals(rows, method)
        ranked = parallel_rank(rows, [_ordering(o) for o in order])
    finally:
        spark.catalog.dropTempView(view)
    return method, ranked, totals


def _unranked(method: Method) -> tuple[exp.Select, list[exp.Ordered]]:
    """The method's chain with its last step's global rank taken out, and that rank's order."""
    from sqlglot import exp

    *head, (name, last) = method.ctes
    last = last.copy()
    kept, order = [], []
    for projection in last.expressions:
        window = projection.find(exp.Window)
        if projection.alias_or_name == "_priority" and window is not None:
            order = list(window.args["order"].expressions)
        else:
            kept.append(projection)
    last.set("expressions", kept)
    select = exp.select("*").from_(name)
    for cte_name, body in [*head, (name, last)]:
        select = select.with_(cte_name, as_=body, copy=False)
    return select, order


def _ordering(ordered: exp.Ordered) -> Column:
    """One key of the priority order as a Spark ordering (missing values last)."""
    from pyspark.sql import functions as F

    column = F.expr(ordered.this.sql(dialect="spark"))
    return column.desc_nulls_last() if ordered.args.get("desc") else column.asc_nulls_last()


def _totals(rows: DataFrame, method: Method) -> dict[str, Any]:
    """The summary's figures: one aggregate over the customers, one row to the driver."""
    sums = [e.sql(dialect="spark") for e in method.totals().expressions]
    found: dict[str, Any] = rows.selectExpr(*sums).collect()[0].asDict()
    return found


def _native(
    spark: SparkSession, source: str, criteria: Criteria
) -> tuple[DataFrame, dict[str, Kind]]:
    """The input as Spark reads it and its kinds; every name and type the criteria use and the
    ids are checked before a row is classified."""
    from portfolio_cli.engine import checked_input

    try:
        frame = read_source(spark, source)
        kinds = kinds_of(frame)  # resolves the path or the table now
    except Exception as exc:
        text = message("spark.cannot_read", source=source, detail=_first_line(exc))
        raise UsageError(Issue("spark-read", text)) from None
    checked_input(
        empty_list(source, "spark", kinds, frame.columns, criteria.customers.id), criteria
    )
    _check_ids(frame, criteria.customers.id, source)
    return frame, kinds


def _check_ids(frame: DataFrame, column: str, source: str) -> None:
    """Blank and repeated ids, found by aggregates (one id comes back, never the list)."""
    from pyspark.sql import functions as F

    from portfolio_cli.errors import InputError

    ids = frame.select(F.col(f"`{column.replace('`', '``')}`").cast("string").alias("_id"))
    if ids.where(F.col("_id").isNull() | (F.trim(F.col("_id")) == "")).limit(1).count():
        text = message("spark.blank_id", source=source, column=column)
        raise InputError(Issue("blank-id", text))
    repeated = ids.groupBy("_id").count().where("count > 1").orderBy("_id").limit(1).collect()
    if repeated:
        value, count = repeated[0]["_id"], repeated[0]["count"]
        text = message("spark.duplicate_id", source=source, column=column, value=value, count=count)
        raise InputError(Issue("duplicate-id", text))


def _arrow_table(data: CustomerList) -> pa.Table:
    import pyarrow as pa

    table = data.data
    if not isinstance(table, pa.Table):  # a DataFrame built by hand (library use)
        table = pa.Table.from_pandas(table, preserve_index=False)
    return table


def _spark_ready(table: pa.Table) -> pa.Table:
    """Arrow types Spark takes: dictionaries decoded, large strings as strings."""
    import pyarrow as pa

    columns = []
    for column in table.columns:
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        if pa.types.is_large_string(column.type):
            column = column.cast(pa.string())
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def _customers_projection(method: Method, ranked: str) -> str:
    """The columns of `classify -f csv`, read from the ranked customers."""
    from sqlglot import exp

    columns = method.customers().expressions
    return render(exp.select(*columns).from_(exp.to_table(ranked)), "spark", pretty=False)
