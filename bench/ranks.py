"""Check `portfolio classify`'s priorities against DuckDB's own ranking, on a sample of ids.

The reference ranks every customer of IN.csv as `bench/duckdb_query.py` does (criteria met,
desc; active then compensated problems; total_spent desc, missing last; id), keeps a 10 %
sample of ids (`hash(customer_id) % 10 = 0`), and counts how many of them OUT.csv (the output of
`portfolio classify IN.csv -c criteria.example.yaml -o OUT.csv`) has, and with the same priority.
Usage: python bench/ranks.py IN.csv OUT.csv (its sort spills to a folder beside OUT.csv).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import duckdb

RANKED = """
CREATE TABLE ref AS
WITH c AS (
  SELECT customer_id, total_spent,
    coalesce(orders_12m >= 3, false)::INT + coalesce(recommend_score >= 9, false)::INT
      + coalesce(late_payments = 0, false)::INT AS met,
    coalesce(region IN ('Corse', 'Guyane'), false) AS outside_area,
    coalesce(complaints_12m > 3, false) AS chronic
  FROM read_csv($source, header = true, types = {
      'customer_id': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'postal_code': 'VARCHAR',
      'orders_12m': 'DOUBLE', 'total_spent': 'DOUBLE', 'recommend_score': 'DOUBLE',
      'complaints_12m': 'DOUBLE', 'late_payments': 'DOUBLE'})
), p AS (
  SELECT *, outside_area::INT + (chronic AND met < 2)::INT AS active,
         (chronic AND met >= 2)::INT AS compensated FROM c
)
SELECT customer_id, row_number() OVER (ORDER BY met DESC, active, compensated,
       total_spent DESC NULLS LAST, customer_id) AS priority
FROM p QUALIFY hash(customer_id) % 10 = 0
"""

COMPARED = """
SELECT count(*), count(*) FILTER (WHERE o.priority = r.priority)
FROM read_csv($output, header = true, all_varchar = true) o JOIN ref r USING (customer_id)
"""


def main() -> None:
    source, output = sys.argv[1], sys.argv[2]
    spill = tempfile.mkdtemp(prefix="ranks-", dir=Path(output).resolve().parent)
    con = duckdb.connect(config={"memory_limit": "3GB", "temp_directory": spill})
    start = time.perf_counter()
    con.execute(RANKED, {"source": source})
    (sampled,) = con.execute("SELECT count(*) FROM ref").fetchone() or (0,)
    print(f"reference ranks: {sampled:,} sampled ids in {time.perf_counter() - start:.0f} s")
    found, same = con.execute(COMPARED, {"output": output}).fetchone() or (0, 0)
    print(f"found in {output}: {found:,}, with the same priority: {same:,}")


if __name__ == "__main__":
    main()
