"""The same work as `portfolio classify` with `criteria.example.yaml`, as one DuckDB query.

Read the CSV, three criteria, two problems (one compensable with 2 criteria), segment, rank
(more criteria, fewer active then compensated problems, total_spent desc with missing last,
id), write a CSV with the columns `portfolio` writes (the advice per segment included).
Usage: python bench/duckdb_query.py IN.csv OUT.csv
"""

from __future__ import annotations

import sys

import duckdb

QUERY = """
COPY (
  WITH c AS (
    SELECT customer_id, name, total_spent,
      coalesce(orders_12m >= 3, false) AS repeat_buyer,
      coalesce(recommend_score >= 9, false) AS promoter,
      coalesce(late_payments = 0, false) AS pays_on_time,
      coalesce(region IN ('Corse', 'Guyane'), false) AS outside_area,
      coalesce(complaints_12m > 3, false) AS chronic_complainer
    FROM read_csv(?, header = true, types = {
      'customer_id': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'postal_code': 'VARCHAR',
      'orders_12m': 'DOUBLE', 'total_spent': 'DOUBLE', 'recommend_score': 'DOUBLE',
      'complaints_12m': 'DOUBLE', 'late_payments': 'DOUBLE'})
  ), m AS (
    SELECT *, repeat_buyer::INT + promoter::INT + pays_on_time::INT AS criteria_met FROM c
  ), p AS (
    SELECT *,
      outside_area::INT + (chronic_complainer AND criteria_met < 2)::INT AS active,
      (chronic_complainer AND criteria_met >= 2)::INT AS compensated
    FROM m
  )
  SELECT customer_id, name,
    CASE WHEN active > 0 THEN 'unrecoverable'
         WHEN criteria_met = 3 AND compensated = 0 THEN 'satisfied'
         WHEN criteria_met > 0 THEN 'easy_to_satisfy'
         ELSE 'unrecoverable' END AS segment,
    row_number() OVER (ORDER BY criteria_met DESC, active, compensated,
                       total_spent DESC NULLS LAST, customer_id) AS priority,
    criteria_met,
    concat_ws('|', CASE WHEN repeat_buyer THEN 'repeat_buyer' END,
              CASE WHEN promoter THEN 'promoter' END,
              CASE WHEN pays_on_time THEN 'pays_on_time' END) AS criteria,
    concat_ws('|', CASE WHEN outside_area THEN 'outside_area' END,
              CASE WHEN chronic_complainer AND criteria_met < 2 THEN 'chronic_complainer' END)
      AS problems,
    CASE WHEN compensated > 0 THEN 'chronic_complainer' ELSE '' END AS compensated,
    CASE WHEN active > 0 THEN 'Do not spend your time here.'
         WHEN criteria_met = 3 AND compensated = 0
           THEN 'Thank them, reward loyalty, ask for referrals.'
         WHEN criteria_met > 0
           THEN 'Explain your offer again so that what they expect matches what you give.'
         ELSE 'Do not spend your time here.' END AS action
  FROM p ORDER BY priority
) TO '{out}' (HEADER, DELIMITER ',')
"""


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    duckdb.execute(QUERY.replace("{out}", out.replace("'", "''")), [source])


if __name__ == "__main__":
    main()
