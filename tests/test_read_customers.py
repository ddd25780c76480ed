"""Reading a customer list: every column typed by what all its cells agree on."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import math
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import Run, Write
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.errors import InputError
from portfolio_cli.readers import read_customers
from portfolio_cli.readers.csv import HEAD_BYTES, read_csv_text


def test_columns_are_typed_only_when_every_cell_agrees(write: Write) -> None:
    path = write(
        "c.csv",
        "id,postal,amount,mixed,day,stamp,flag,blank,bad_day\n"
        "007,01000,12.5,3,2026-01-31,2026-01-31 14:05,TRUE,,2026-02-30\n"
        "008,75001, 7 ,x,2026-02-01,2026-02-01T08:00:00,false, ,2026-02-01\n"
        "009,13000,,4,,,, ,\n",
    )
    customers = read_customers(path, "id")
    assert customers.kinds == {
        "id": Kind.TEXT,
        "postal": Kind.TEXT,  # leading zeros: a code, not a number
        "amount": Kind.NUMBER,
        "mixed": Kind.TEXT,  # one cell is not a number
        "day": Kind.DATE,
        "stamp": Kind.DATE,
        "flag": Kind.BOOL,
        "blank": Kind.EMPTY,
        "bad_day": Kind.TEXT,  # 30 February is not a date
    }
    frame = customers.frame
    assert list(frame["id"]) == ["007", "008", "009"]
    assert list(frame["postal"]) == ["01000", "75001", "13000"]
    np.testing.assert_array_equal(frame["amount"].to_numpy(), [12.5, 7.0, np.nan])
    assert frame["day"].isna().tolist() == [False, False, True]
    assert str(frame["day"].iloc[0].date()) == "2026-01-31"
    assert frame["flag"].tolist()[:2] == [True, False]
    assert frame["flag"].isna().tolist() == [False, False, True]


def test_the_text_as_written_is_kept_for_the_output(write: Write) -> None:
    path = write("c.csv", "id,postal,amount\n007,01000, 12.50 \n")
    customers = read_customers(path, "id")
    assert customers.text.to_pylist() == [{"id": "007", "postal": "01000", "amount": " 12.50 "}]


def test_only_the_columns_asked_for_are_read(write: Write) -> None:
    path = write("c.csv", "id,a,b,c\n1,2,3,4\n")
    customers = read_customers(path, "id", columns=["b", "nope"])
    assert list(customers.frame.columns) == ["id", "b"]
    assert customers.header == ("id", "a", "b", "c")


def test_text_columns_are_never_converted(write: Write) -> None:
    path = write("c.csv", "id,name\n1,2026-01-31\n2,42\n")
    customers = read_customers(path, "id", text_columns=["name"])
    assert customers.kinds["name"] is Kind.TEXT
    assert customers.kinds["id"] is Kind.TEXT  # ids are codes, even when they look like numbers


def test_blank_header_cells_are_named_by_position(write: Write) -> None:
    path = write("c.csv", "id,,amount,\n1,x,2,\n")
    assert read_customers(path, "id").header == ("id", "column_2", "amount", "column_4")


def test_duplicate_header_names_are_an_error(write: Write) -> None:
    path = write("c.csv", "id,amount,amount\n1,2,3\n")
    with pytest.raises(InputError) as caught:
        read_customers(path, "id")
    assert str(caught.value) == (
        f"{path}: columns 2 and 3 are both named 'amount': rename one of them"
    )


def test_crlf_and_quoted_newlines(write: Write) -> None:
    path = write("c.csv", b'id,note\r\n1,"two\r\nlines"\r\n2,plain\r\n')
    customers = read_customers(path, "id")
    assert customers.frame["note"].tolist() == ["two\r\nlines", "plain"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_customers(tmp_path, "id")
    assert str(caught.value) == f"{tmp_path} is a folder, not a file"


@pytest.mark.parametrize(
    ("cells", "values"),
    [
        # the French Excel currency format, with spaces, non-breaking and narrow ones
        (["3 250,00 €", "520,20 €", "5\u202f812,40\u00a0€", "0 €"], [3250.0, 520.2, 5812.4, 0.0]),
        (["-1 234,50 €", "(1 234,50 €)", "− 5 €", "12€"], [-1234.5, -1234.5, -5.0, 12.0]),
        (["1 234,50 EUR", "EUR 12", "7"], [1234.5, 12.0, 7.0]),
        (["€1,234.50", "€ 99", "-€5", "€-6"], [1234.5, 99.0, -5.0, -6.0]),
        (["$1,234.50", "$99", "USD 3", "-$2.5"], [1234.5, 99.0, 3.0, -2.5]),
        (["£1,234", "GBP 2"], [1234.0, 2.0]),
        (["CHF 1'234.50", "12 CHF"], [1234.5, 12.0]),
        # percentages are numbers as written
        (["12,5 %", "3%", "100 %", "-0,5 %"], [12.5, 3.0, 100.0, -0.5]),
    ],
)
def test_amounts_with_a_currency_or_percent_sign_are_numbers(
    write: Write, cells: list[str], values: list[float]
) -> None:
    rows = "".join(f'C{i};"{cell}"\n' for i, cell in enumerate(cells))
    customers = read_customers(write("a.csv", "id;amount\n" + rows), "id")
    assert customers.kinds["amount"] is Kind.NUMBER
    assert customers.frame["amount"].tolist() == values


def test_amounts_in_two_currencies_stay_text_with_a_warning(write: Write) -> None:
    path = write("m.csv", "id;amount\nA;12,00 €\nB;$5.00\nC;3 €\n")
    customers = read_customers(path, "id")
    assert customers.kinds["amount"] is Kind.TEXT
    assert customers.info.notes == (
        f"{path}: column 'amount' mixes currencies ('12,00 €', '$5.00'): it is read as text, "
        "since amounts in two currencies are never compared as one number; put each currency in "
        "its own column",
    )


def test_percentages_beside_amounts_in_two_currencies_name_each_unit(write: Write) -> None:
    path = write("m.csv", "id;amount\nA;12,5 %\nB;1 234,50 EUR\nC;$5.00\nD;3 %\n")
    customers = read_customers(path, "id")
    assert customers.kinds["amount"] is Kind.TEXT
    assert customers.frame["amount"].tolist() == ["12,5 %", "1 234,50 EUR", "$5.00", "3 %"]
    assert customers.info.notes == (
        f"{path}: column 'amount' mixes units, '12,5 %' (percent), '1 234,50 EUR' (euro) and "
        "'$5.00' (dollar): it is read as text, since values in different units are never "
        "compared as one number; put each unit in its own column",
    )


def test_amounts_written_with_both_decimal_marks_stay_text_with_a_warning(write: Write) -> None:
    path = write("m.csv", "Export\nid;amount\nA;€99.00\nB;1 234 €\nC;€1,234.50\nD;3 250,00 €\n")
    customers = read_customers(path, "id")
    assert customers.kinds["amount"] is Kind.TEXT
    assert customers.info.notes == (  # the first cell of each way, on its row in the file
        f"{path}: column 'amount' writes numbers in two ways, '€99.00' on row 3 (decimal point) "
        "and '3 250,00 €' on row 6 (decimal comma): it is read as text, since one number cannot "
        "be read both ways; write every number of the column the same way",
    )


@pytest.mark.parametrize("engine", ["arrow", "duckdb"])
@pytest.mark.parametrize(
    ("cells", "named"),
    [
        (
            ["€1,234.50", "3 250,00 €", "€99.00"],
            "'€1,234.50' on row 2 (decimal point) and '3 250,00 €' on row 3 (decimal comma)",
        ),
        (  # plain numbers too: the comma-decimal one first
            ["3 250,00", "12", "1,234.50"],
            "'3 250,00' on row 2 (decimal comma) and '1,234.50' on row 4 (decimal point)",
        ),
    ],
    ids=["amounts", "plain"],
)
def test_comparing_a_column_written_both_ways_names_both_ways(
    run: Run, write: Write, engine: str, cells: list[str], named: str
) -> None:
    rows = "".join(f'C{i},"{cell}"\n' for i, cell in enumerate(cells))
    data = write("m.csv", "id,amount\n" + rows)
    rules = write(
        "r.yaml",
        "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: big, when: amount > 1000}\n",
    )
    out = data.parent / "out.csv"
    result = run("classify", str(data), "-c", str(rules), "--engine", engine, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"error: {rules}:4 criteria[0] (big).when: `>` compares column 'amount' (text) with 1000 "
        f"(number): the column is read as text because it writes numbers in two ways, {named}: "
        "one number cannot be read both ways; write every number of the column the same way\n"
        "    amount > 1000\n    ^^^^^^^^^^^^^\n"
    )
    assert not out.exists()


def test_a_column_written_both_ways_in_french(run: Run, write: Write) -> None:
    data = write("m.csv", "id;amount\nA;€1,234.50\nB;3 250,00 €\n")
    rules = write(
        "r.yaml",
        "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: big, when: amount > 1000}\n",
    )
    result = run("classify", str(data), "-c", str(rules), "--lang", "fr")
    assert result.exit_code == 2
    assert (
        "la colonne est lue comme du texte car elle écrit les nombres de deux façons, "
        "'€1,234.50' à la ligne 2 (point décimal) et '3 250,00 €' à la ligne 3 (virgule "
        "décimale) : un même nombre ne se lit pas des deux façons ; écrivez tous les nombres de "
        "la colonne de la même façon\n" in result.stderr
    )


@pytest.mark.parametrize("cell", ["01 €", "€5 €", "(5 €", "n/a", "5 € 3"])
def test_what_is_not_one_amount_keeps_the_column_text(write: Write, cell: str) -> None:
    path = write("t.csv", f"id;amount\nA;12 €\nB;{cell}\n")
    assert read_customers(path, "id").kinds["amount"] is Kind.TEXT


# --- dates with a time of day, infinities and NaN (what every format holds) -------------------


def _parquet(path: Path, column: pa.Array) -> Path:
    ids = pa.array([str(i) for i in range(len(column))])
    pq.write_table(pa.table({"id": ids, "v": column}), path)
    return path


@pytest.mark.parametrize(
    ("unit", "tz"),
    [(u, tz) for u in ("s", "ms", "us", "ns") for tz in (None, "UTC", "Europe/Paris")],
)
def test_parquet_timestamps_of_every_unit_and_zone_are_dates(
    tmp_path: Path, unit: str, tz: str | None
) -> None:
    # 23:30:00.5 UTC on 31 January is 00:30 on 1 February in Paris: the day read is the
    # wall-clock day in the timestamp's own zone
    instant = dt.datetime(2026, 1, 31, 23, 30, 0, 500_000 if unit != "s" else 0)
    column = pa.array([instant, None], pa.timestamp(unit, tz=tz))
    customers = read_customers(_parquet(tmp_path / "c.parquet", column), "id")
    assert customers.kinds["v"] is Kind.DATE
    paris = tz == "Europe/Paris"
    day, hour = (dt.datetime(2026, 2, 1), 0) if paris else (dt.datetime(2026, 1, 31), 23)
    assert customers.column("v").to_pylist() == [day.replace(hour=hour, minute=30), None]
    fraction = ".5" if unit != "s" else ""
    zone = {None: "", "UTC": "+00:00", "Europe/Paris": "+01:00"}[tz]
    stamp = f"{day:%Y-%m-%d} {hour:02d}:30:00{fraction}{zone}"
    assert customers.text.column("v").to_pylist() == [stamp, ""]  # what --keep-columns shows


@pytest.mark.parametrize("type_", [pa.date32(), pa.date64(), pa.timestamp("ns")])
def test_parquet_dates_alone_are_written_as_dates(tmp_path: Path, type_: pa.DataType) -> None:
    column = pa.array([dt.datetime(2026, 1, 31), None], pa.timestamp("ns")).cast(type_)
    customers = read_customers(_parquet(tmp_path / "c.parquet", column), "id")
    assert customers.kinds["v"] is Kind.DATE
    assert customers.text.column("v").to_pylist() == ["2026-01-31", ""]


def test_csv_dates_with_a_time_zone_or_a_fraction_are_dates(write: Write) -> None:
    path = write(
        "c.csv",
        "id,iso,local,mixed\n"
        "1,2026-01-31 14:05:00.123,31/01/2026 14:05,2026-01-31\n"
        "2,2026-01-31T14:05:00Z,01/02/2026 9:05:07.25,2026-01-31 14:05\n"
        "3,2026-02-01T00:30:00+01:00,,2026-02-01 08:00:00 UTC\n"
        "4,2026-02-01 00:30+0100,1/2/2026,2026-02-01T08:00:00.5-05:00\n",
    )
    customers = read_customers(path, "id")
    assert set(customers.kinds.values()) == {Kind.TEXT, Kind.DATE}
    assert [n for n, kind in customers.kinds.items() if kind is Kind.DATE] == [
        "iso",
        "local",
        "mixed",
    ]
    assert customers.column("iso").to_pylist() == [
        dt.datetime(2026, 1, 31, 14, 5),
        dt.datetime(2026, 1, 31, 14, 5),
        dt.datetime(2026, 2, 1, 0, 30),  # the day written, in the writer's zone
        dt.datetime(2026, 2, 1, 0, 30),
    ]
    assert customers.column("local").to_pylist()[:2] == [
        dt.datetime(2026, 1, 31, 14, 5),
        dt.datetime(2026, 2, 1, 9, 5, 7),
    ]


@pytest.mark.parametrize(
    "cell", ["2026-02-30 10:00", "2026-01-31 25:00", "2026-01-31 14:05:0", "2026-01-31T14:05Z+1"]
)
def test_a_time_that_is_not_a_time_keeps_the_column_text(write: Write, cell: str) -> None:
    path = write("c.csv", f"id,v\n1,{cell}\n2,2026-01-31 10:00\n")
    assert read_customers(path, "id").kinds["v"] is Kind.TEXT


def test_infinities_are_numbers_and_nan_is_missing_in_csv(write: Write) -> None:
    path = write(
        "c.csv",
        "id,v,only_nan,spelled\n1,1.5,nan,nan(1)\n2,inf,NaN,2\n3,-Infinity,,3\n4,NaN,nan,4\n",
    )
    customers = read_customers(path, "id")
    assert customers.kinds["v"] is Kind.NUMBER
    assert customers.column("v").to_pylist() == [1.5, math.inf, -math.inf, None]
    assert customers.kinds["only_nan"] is Kind.TEXT  # NaN alone is not a column of numbers
    assert customers.kinds["spelled"] is Kind.TEXT


def test_parquet_infinities_are_numbers_and_nan_is_missing(tmp_path: Path) -> None:
    column = pa.array([1.5, math.inf, -math.inf, math.nan, None])
    customers = read_customers(_parquet(tmp_path / "c.parquet", column), "id")
    assert customers.kinds["v"] is Kind.NUMBER
    assert customers.column("v").to_pylist() == [1.5, math.inf, -math.inf, None, None]
    only_nan = _parquet(tmp_path / "n.parquet", pa.array([math.nan, None]))
    assert read_customers(only_nan, "id").kinds["v"] is Kind.EMPTY


@pytest.mark.parametrize(
    ("column", "kind", "values"),
    [
        (pa.array([decimal.Decimal("12.50"), None], pa.decimal128(10, 2)), Kind.NUMBER, [12.5]),
        (pa.array([7, None], pa.int64()), Kind.NUMBER, [7.0]),
        (pa.array([True, None]), Kind.BOOL, [True]),
        (pa.array(["a", None]).dictionary_encode(), Kind.TEXT, ["a"]),
        (pa.array(["a", None], pa.large_string()), Kind.TEXT, ["a"]),
        (pa.array([1e308, -0.0]), Kind.NUMBER, [1e308, -0.0]),
        (pa.array([1.5, math.inf], pa.float32()), Kind.NUMBER, [1.5, math.inf]),
    ],
)
def test_parquet_types_keep_their_kind(
    tmp_path: Path, column: pa.Array, kind: Kind, values: list[object]
) -> None:
    customers = read_customers(_parquet(tmp_path / "c.parquet", column), "id")
    assert customers.kinds["v"] is kind
    assert customers.column("v").to_pylist()[: len(values)] == values


def test_workbook_date_and_time_cells_are_dates(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "c.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    stamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    day = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["id", "stamp", "day", "flag", "opens"])
    clock = workbook.add_format({"num_format": "hh:mm"})
    for row, (moment, flag) in enumerate(
        [(dt.datetime(2026, 1, 31, 14, 5, 0, 123_000), True), (dt.datetime(2026, 2, 1), False)]
    ):
        sheet.write_string(row + 1, 0, str(row))
        sheet.write_datetime(row + 1, 1, moment, stamp)
        sheet.write_datetime(row + 1, 2, moment.replace(hour=0, minute=0, microsecond=0), day)
        sheet.write_boolean(row + 1, 3, flag)
        sheet.write_datetime(row + 1, 4, dt.time(8 + row, 30), clock)
    workbook.close()
    customers = read_customers(path, "id")
    assert customers.kinds == {
        "id": Kind.TEXT,
        "stamp": Kind.DATE,
        "day": Kind.DATE,
        "flag": Kind.BOOL,
        "opens": Kind.TEXT,  # times of day alone, not dates on Excel's day zero
    }
    assert customers.text.column("opens").to_pylist() == ["08:30:00", "09:30:00"]
    assert customers.text.column("stamp").to_pylist() == [
        "2026-01-31 14:05:00.123",
        "2026-02-01 00:00:00",
    ]
    assert customers.text.column("day").to_pylist() == ["2026-01-31", "2026-02-01"]


# --- headers and rows longer than the windows the reader uses --------------------------------


def test_a_header_longer_than_the_sniffing_window_is_read_whole(write: Write) -> None:
    names = ["id", *(f"column_number_{i:05d}" for i in range(5000))]  # 100 KB of header
    assert len(",".join(names)) > HEAD_BYTES
    content = ",".join(names) + "\n" + ",".join(["1", *("x" * 5000)]) + "\n"
    customers = read_customers(write("c.csv", content), "id", columns=["column_number_04999"])
    assert customers.header == tuple(names)
    assert customers.frame["column_number_04999"].tolist() == ["x"]
    piped = read_csv_text(io.BytesIO(content.encode()), name="<stdin>")
    assert piped.header == tuple(names)


def test_a_quoted_name_with_a_line_break_past_the_window(write: Write) -> None:
    names = ["id", *(f"c{i:06d}" for i in range(12000)), '"two\nlines"']
    content = ",".join(names) + "\n" + ",".join(["1"] * len(names)) + "\n"
    customers = read_customers(write("c.csv", content), "id", columns=["two\nlines"])
    assert customers.header[-1] == "two\nlines"
    assert customers.frame["two\nlines"].tolist() == [1.0]


def test_a_row_longer_than_arrow_block_is_read(write: Write) -> None:
    long_note = "word " * 1_100_000 + "end"  # 5.5 MB in one quoted cell, with a line break
    content = f'id,note,orders\n1,a,3\n2,"{long_note}\n{long_note}",4\n3,b,5\n'
    customers = read_customers(write("c.csv", content), "id")
    assert customers.frame["orders"].tolist() == [3.0, 4.0, 5.0]
    assert customers.frame["note"].str.len().tolist() == [1, 2 * len(long_note) + 1, 1]


# --- Parquet columns of types a CSV cannot hold: kept as text, never a crash ----------------


@pytest.mark.parametrize(
    ("column", "text"),
    [
        (pa.array([["a", "é"], [], None], pa.list_(pa.string())), ['["a", "é"]', "[]", ""]),
        (
            pa.array(
                [{"city": "Lyon", "zip": 69002}, {"city": None, "zip": None}, None],
                pa.struct([("city", pa.string()), ("zip", pa.int64())]),
            ),
            ['{"city": "Lyon", "zip": 69002}', '{"city": null, "zip": null}', ""],
        ),
        (
            pa.array([[("k", "v")], [], None], pa.map_(pa.string(), pa.string())),
            ['[["k", "v"]]', "[]", ""],
        ),
        (
            pa.array([[{"a": 1}], None, []], pa.list_(pa.struct([("a", pa.int64())]))),
            ['[{"a": 1}]', "", "[]"],
        ),
        (pa.array([b"\x00\xff", b"abc", None], pa.binary()), ["00ff", "616263", ""]),
        (pa.array([b"ab", b"cd", None], pa.binary(2)), ["ab", "cd", ""]),
        (
            pa.array(
                [decimal.Decimal("12.50"), decimal.Decimal("-3.10"), None], pa.decimal128(10, 2)
            ),
            ["12.50", "-3.10", ""],
        ),
        (pa.array([1, 2, 1]).dictionary_encode(), ["1", "2", "1"]),
        (pa.nulls(3), ["", "", ""]),
        (pa.array([1000, None, 5], pa.duration("s")), ["1000", "", "5"]),
        (pa.array([2**64 - 1, 0, None], pa.uint64()), ["18446744073709551615", "0", ""]),
    ],
)
def test_parquet_nested_and_binary_columns_are_kept_as_text(
    tmp_path: Path, column: pa.Array, text: list[str]
) -> None:
    customers = read_customers(_parquet(tmp_path / "c.parquet", column), "id")
    assert customers.text.column("v").to_pylist() == text


# --- header names in workbooks and Parquet files, read as a CSV header is ---------------------


def test_parquet_duplicate_column_names_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    columns = [pa.array(["1"]), pa.array([1]), pa.array([2]), pa.array([3])]
    pq.write_table(pa.Table.from_arrays(columns, names=["id", "amount", "x", "amount"]), path)
    with pytest.raises(InputError) as caught:
        read_customers(path, "id", columns=["x"])
    assert (
        str(caught.value) == f"{path}: columns 2 and 4 are both named 'amount': rename one of them"
    )


def test_parquet_blank_names_are_named_by_position(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    columns = [pa.array(["1"]), pa.array([7]), pa.array(["a"])]
    pq.write_table(pa.Table.from_arrays(columns, names=["id", "", " note "]), path)
    customers = read_customers(path, "id", columns=["column_2", "note"])
    assert customers.header == ("id", "column_2", "note")
    assert customers.frame[["column_2", "note"]].values.tolist() == [[7.0, "a"]]


def _workbook(path: Path, header: list[str]) -> Path:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, header)
    sheet.write_row(1, 0, ["1", 2, 3, 4])
    workbook.close()
    return path


def test_workbook_duplicate_column_names_are_an_error(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "c.xlsx", ["id", "amount", "amount_1", "amount"])
    with pytest.raises(InputError) as caught:
        read_customers(path, "id")
    assert (
        str(caught.value) == f"{path}: columns 2 and 4 are both named 'amount': rename one of them"
    )


def test_workbook_names_are_read_as_written(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "c.xlsx", ["id", "amount", "amount_1", "", " note "])
    customers = read_customers(path, "id")
    assert customers.header == ("id", "amount", "amount_1", "column_4", "note")


def test_a_byte_order_mark_alone_is_an_empty_file(write: Write) -> None:
    path = write("bom.csv", b"\xef\xbb\xbf")
    with pytest.raises(InputError) as caught:
        read_customers(path, "id")
    assert str(caught.value) == f"{path} is empty: expected a header row naming the columns"


def test_a_glob_names_the_file_and_row_of_a_blank_id_and_of_a_cell_that_is_not_a_number(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.csv").write_text("id,orders\nC1,3\nC2,1\nC3,2\n", encoding="utf-8")
    # a title line above the header: the file's rows start one lower
    (folder / "b.csv").write_text("Export du 04/12/2026\nid,orders\nC4,n/a\n,2\n")
    criteria = tmp_path / "c.yaml"
    criteria.write_text(
        "version: 1\ncustomers: {id: id}\ncriteria:\n  - key: a\n    when: orders >= 3\n",
        encoding="utf-8",
    )
    pattern = str(folder / "*.csv")
    blank = run("classify", pattern, "-c", str(criteria), "-f", "csv")
    assert blank.exit_code == 2
    assert blank.stderr == (
        f"error: {pattern}: id is blank on row 4 ({folder / 'b.csv'}): every customer needs an id\n"
    )
    (folder / "b.csv").write_text("Export du 04/12/2026\nid,orders\nC4,n/a\nC5,2\n")
    text = run("classify", pattern, "-c", str(criteria), "-f", "csv")
    assert text.exit_code == 2
    assert f"because row 3 ({folder / 'b.csv'}) holds 'n/a', which is not a number" in text.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("classify",),
        ("classify", "--engine", "duckdb"),
        ("report", "-o", "out.html"),
        ("check",),
        ("explain", "{data}", "A"),
        ("profile",),
        ("suggest", "--outcome", "left"),
    ],
    ids=["classify", "duckdb", "report", "check", "explain", "profile", "suggest"],
)
def test_sheet_with_a_list_that_is_not_a_workbook_is_refused(
    run: Run,
    write: Write,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    monkeypatch.chdir(tmp_path)
    data = write("c.csv", "id,x,left\nA,2,0\nB,1,1\n")
    rules = write(
        "r.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: k, when: x > 1}\n"
    )
    name, *rest = command
    args = [part.format(data=data) for part in rest]
    if name != "explain":
        args.insert(0, str(data))
    result = run(name, *args, "-c", str(rules), "--sheet", "Clients")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"error: --sheet 'Clients' picks a sheet of an .xlsx workbook, but {data} is not one: "
        "leave out --sheet, or name the workbook\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "r.yaml"]


def test_sheet_is_refused_for_standard_input_once_its_format_is_known(
    run: Run, write: Write
) -> None:
    rules = write(
        "r.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: k, when: x > 1}\n"
    )
    result = run("classify", "-", "-c", str(rules), "--sheet", "2", input=b"id,x\nA,2\n")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --sheet '2' picks a sheet of an .xlsx workbook, but <stdin> is not one: leave "
        "out --sheet, or name the workbook\n",
    )


def test_sheet_applies_to_the_workbook_not_to_an_orders_csv(
    run: Run, tmp_path: Path, order_files: dict[str, str]
) -> None:
    import xlsxwriter

    book = tmp_path / "customers.xlsx"
    workbook = xlsxwriter.Workbook(str(book))
    workbook.add_worksheet("Notes").write_row(0, 0, ["nothing here"])
    sheet = workbook.add_worksheet("Clients")
    lines = Path(order_files["customers"]).read_text(encoding="utf-8").splitlines()
    for row, line in enumerate(lines):
        sheet.write_row(row, 0, line.split(","))
    workbook.close()
    common = ["-c", order_files["rules"], "--orders", order_files["orders"]]
    common += ["--surveys", order_files["surveys"], "-f", "csv", "-q", "--as-of", "2026-12-01"]
    from_book = run("classify", str(book), "--sheet", "Clients", *common)
    from_csv = run("classify", order_files["customers"], *common)
    assert from_book.exit_code == from_csv.exit_code == 0, from_book.stderr
    assert from_book.stdout == from_csv.stdout


@pytest.mark.parametrize(("written", "given", "said"), [(",", ";", ","), (";", ",", ";"),
                                                         ("\t", ";", "tab")])  # fmt: skip
def test_a_wrong_delimiter_says_which_one_the_header_uses(
    run: Run, write: Write, written: str, given: str, said: str
) -> None:
    data = write("c.csv", written.join(["id", "name", "orders"]) + "\n" + written.join(
        ["A1", "x", "3"]) + "\n")  # fmt: skip
    rules = write("r.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n"
                  "  - key: buyer\n    when: orders >= 3\n")  # fmt: skip
    result = run("classify", str(data), "-c", str(rules), "--delimiter", given)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: {data} has no column 'id' (customers.id in the criteria file): its header reads "
        f"as one column, whose names are separated by '{said}': pass --delimiter '{said}', or "
        "leave --delimiter out to detect it\n"
    )
    assert run("classify", str(data), "-c", str(rules), "-q").exit_code == 0
