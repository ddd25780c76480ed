"""The Spark engine on a real local Spark (pyspark on a JVM), never a mock.

pyspark comes with the `spark` extra; where it is absent these tests are skipped, except under
PORTFOLIO_REQUIRE_SPARK=1 (set by .ci/run), where a missing Spark is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


def _pyspark() -> Any:
    try:
        import pyspark
    except ImportError:
        if os.environ.get("PORTFOLIO_REQUIRE_SPARK"):
            pytest.fail("pyspark is not installed: pip install -e '.[spark]'")
        pytest.skip("pyspark is not installed (the spark extra)")
    return pyspark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    _pyspark()
    from portfolio_cli.engines.spark import session

    found = session(master="local[2]")
    yield found


def _plan(frame: Any) -> str:
    return str(frame._jdf.queryExecution().executedPlan().toString())


def test_parallel_rank_equals_a_global_row_number_without_a_single_partition(spark: Any) -> None:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from portfolio_cli.engines.spark import parallel_rank

    frame = spark.sql(
        "SELECT CAST(id AS STRING) AS cid, CAST(id % 4 AS INT) AS met, CAST(id % 3 AS INT) AS bad,"
        " CASE WHEN id % 7 = 0 THEN NULL ELSE CAST(id * 7919 % 1000 AS DOUBLE) END AS spent"
        " FROM range(20000)"
    ).repartition(5)
    order = [
        F.col("met").desc_nulls_last(),
        F.col("bad").asc_nulls_last(),
        F.col("spent").desc_nulls_last(),
        F.col("cid").asc_nulls_last(),
    ]
    ranked = parallel_rank(frame, order, partitions=4)
    assert "SinglePartition" not in _plan(ranked)
    reference = frame.withColumn("expected", F.row_number().over(Window.orderBy(*order)))
    joined = ranked.join(reference, "cid")
    assert joined.count() == 20000
    assert joined.where("_priority != expected").count() == 0
    assert sorted(r["_priority"] for r in ranked.select("_priority").collect()) == list(
        range(1, 20001)
    )
