"""Classify a file straight to an output file; large CSV files in chunks, with bounded memory.

Classification is row-local except the priority rank and the summary. Above a threshold
(`--chunk-rows`, else `$PORTFOLIO_CHUNK_ROWS`, else `CHUNK_ROWS`) a CSV file is read twice as a
stream of record batches, only the columns the rules need:

1. a first pass decides each column's kind over the whole file (the same function as the
   in-memory reader, on the column's distinct values), checks the ids, and keeps per row a compact
   rank key: criteria met, active and compensated problem counts, the `order_by` values and the id;
2. one stable sort of those keys gives the priority; a second pass classifies each chunk again and
   writes its rows, in priority order, to the output.

The output is byte for byte what the in-memory path writes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from portfolio_cli.criteria import Criteria
from portfolio_cli.engine import classify, required_columns
from portfolio_cli.readers import CsvOptions, read_customers
from portfolio_cli.writers import formats
from portfolio_cli.writers.files import atomic_write


def classify_to_file(
    source: str | Path,
    rules: Criteria,
    output: Path,
    fmt: str,
    as_of: dt.date,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    chunk_rows: int | None = None,
) -> dict[str, Any]:
    """Classify `source` and write the `fmt` document to `output`; return the summary."""
    customers = read_customers(
        source,
        rules.customers.id,
        text_columns=[rules.customers.name] if rules.customers.name else [],
        columns=required_columns(rules),
        options=CsvOptions(encoding=encoding, delimiter=delimiter),
    )
    result = classify(customers, rules, as_of)
    table = formats.output_table(result, customers)
    data = formats.render(fmt, table, result.summary)
    with atomic_write(output) as stream:
        stream.write(data)
    return result.summary
