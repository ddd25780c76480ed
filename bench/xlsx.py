"""XLSX benchmarks: `python bench/xlsx.py [ROWS]` (default 100,000). Run by hand.

Writes a customer sheet of ROWS rows (text, numbers, dates) to bench/data/ (gitignored), then
times reading it with fastexcel, python-calamine and openpyxl (read-only mode), and writing the
classification output with xlsxwriter (what portfolio uses) and openpyxl (write-only mode).
Libraries that are not installed are skipped. Medians of 3 runs in one process (openpyxl: 1).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
from collections.abc import Callable
from typing import Any

from timing import DATA, median_time


def rows_of(count: int) -> list[list[Any]]:
    rng = random.Random(5)
    start = dt.datetime(2024, 1, 1)
    return [
        [
            f"C{i:07d}",
            f"Client {i} Lefèvre",
            f"{rng.randint(1000, 95999):05d}",
            rng.randint(0, 30),
            round(rng.uniform(0, 99_999), 2),
            start + dt.timedelta(days=rng.randint(0, 900)),
            rng.choice(["satisfied", "easy_to_satisfy", "unrecoverable"]),
        ]
        for i in range(count)
    ]


HEADER = ["id", "name", "postal_code", "orders", "total_spent", "last_order", "segment"]


def write_xlsxwriter(rows: list[list[Any]], target: Any) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(target, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet("customers")
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows, start=1):
        sheet.write_string(r, 0, row[0])
        sheet.write_string(r, 1, row[1])
        sheet.write_string(r, 2, row[2])
        sheet.write_number(r, 3, row[3])
        sheet.write_number(r, 4, row[4])
        sheet.write_datetime(r, 5, row[5], day)
        sheet.write_string(r, 6, row[6])
    workbook.close()


def write_openpyxl(rows: list[list[Any]], target: Any) -> None:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("customers")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(target)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    DATA.mkdir(exist_ok=True)
    path = DATA / f"customers-{count}.xlsx"
    rows = rows_of(count)
    if not path.exists():
        write_xlsxwriter(rows, str(path))
    print(f"xlsx, {count:,} rows x {len(HEADER)} columns ({path.stat().st_size / 1e6:.1f} MB)")
    readers: dict[str, Callable[[], object]] = {}
    try:
        import fastexcel

        readers["fastexcel (to Arrow, all text)"] = lambda: (
            fastexcel.read_excel(path).load_sheet(0, dtypes="string").to_arrow()
        )
    except ImportError:
        pass
    try:
        from python_calamine import CalamineWorkbook

        readers["python-calamine (to Python lists)"] = lambda: (
            CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        )
    except ImportError:
        pass
    try:
        import openpyxl

        def read_openpyxl() -> object:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            return list(book.worksheets[0].iter_rows(values_only=True))

        readers["openpyxl (read-only)"] = read_openpyxl
    except ImportError:
        pass
    for name, reader in readers.items():
        repeat = 1 if name.startswith("openpyxl") else 3
        print(f"  read  {name:36} {median_time(reader, repeat):6.2f} s")
    writers = {"xlsxwriter": write_xlsxwriter, "openpyxl (write-only)": write_openpyxl}
    for name, writer in writers.items():
        try:
            elapsed = median_time(
                lambda w=writer: w(rows, io.BytesIO()), 1 if "openpyxl" in name else 3
            )
        except ImportError:
            continue
        print(f"  write {name:36} {elapsed:6.2f} s")


if __name__ == "__main__":
    main()
