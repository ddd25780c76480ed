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
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

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
    else:
        builder = builder.master(master or f"local[{os.cpu_count() or 1}]")
    if not remote or remote.startswith("local"):
        _java_or_fail()
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


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def parallel_rank(frame: DataFrame, order: Sequence[Column], partitions: int | None = None) -> DataFrame:
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
    return ordered.select(*[c for c in frame.columns], priority)
