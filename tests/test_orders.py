"""--orders and --surveys: columns computed from other files, joined to the customer list."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import Result

from conftest import Run, Write
from portfolio_cli.readers.orders import order_columns, quintile_scores


def _csv(result: Result) -> list[dict[str, str]]:
    assert result.exit_code == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    return list(frame.to_dict("records"))


def test_orders_and_surveys_add_columns_usable_in_conditions(
    run: Run, order_files: dict[str, str]
) -> None:
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"],
        "--orders", order_files["orders"],
        "--surveys", order_files["surveys"], "--as-of", "2026-11-23", "-f", "csv", "--keep-columns",
    )  # fmt: skip
    rows = {row["id"]: row for row in _csv(result)}
    added = [
        "order_count", "total_amount", "avg_amount", "first_order", "last_order",
        "days_since_last_order", "order_count_12m", "total_amount_12m", "r_score", "f_score",
        "m_score", "score", "survey_date", "survey_comment",
    ]  # fmt: skip
    assert {name: rows["A"][name] for name in added} == dict(
        zip(
            added,
            [
                "3",
                "32",
                "10.666666666666666",
                "2025-12-01",
                "2026-11-15",
                "8",
                "3",
                "32",
                "4",
                "4",
                "2",
                "10",
                "2026-06-01",
                "super",
            ],
            strict=True,
        )
    )
    assert [rows["B"][n] for n in added[:11]] == [
        "1", "1000", "1000", "2020-01-02", "2020-01-02", "2517", "0", "0", "2", "2", "4",
    ]  # fmt: skip
    # no orders: 0 counts and amounts, missing dates and scores
    assert [rows["C"][n] for n in added] == ["0", "0", "", "", "", "", "0", "0"] + [""] * 6
    assert (rows["A"]["segment"], rows["B"]["segment"]) == ("satisfied", "unrecoverable")
    assert result.stderr.splitlines()[:2] == [
        f"warning: {order_files['orders']}: orders of customers not in the customer list are not "
        "counted: 1 (of 1 id, such as 'Z')",
        f"warning: {order_files['surveys']}: answers of people not in the customer list are not "
        "used: 1 (of 1 id, such as 'Q')",
    ]


def test_verbose_describes_every_file(run: Run, order_files: dict[str, str]) -> None:
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"],
        "--orders", order_files["orders"],
        "--surveys", order_files["surveys"], "-f", "json", "-q", "-v",
    )  # fmt: skip
    assert result.stderr.splitlines() == [
        f"{order_files['customers']}: csv, utf-8, delimiter ',', 3 rows",
        f"{order_files['orders']}: 5 orders of 3 customers",
        f"{order_files['surveys']}: 4 answers, latest of 2 customers used",
    ]


@pytest.mark.parametrize(
    ("orders", "message"),
    [
        (
            "client;jour;montant\nA;01/12/2025;10\nB;hier;3\n",
            "{path}: column 'jour' (orders.date) must hold dates, but 'hier' on row 3 is not "
            "one: write YYYY-MM-DD or DD/MM/YYYY, or pass --dayfirst/--monthfirst",
        ),
        (
            "client;jour;montant\nA;01/12/2025;10\nB;02/12/2025;dix\n",
            "{path}: column 'montant' (orders.amount) must hold numbers, but 'dix' on row 3 is "
            "not one: pass --decimal if the file uses another decimal mark",
        ),
        (
            "client;jour;montant\nA;01/12/2025;10\n;02/12/2025;3\n",
            "{path}: client (orders.customer) is blank on row 3: every order needs a customer "
            "and a date",
        ),
        (
            "customer;jour;montant\nA;01/12/2025;10\n",
            "{path} has no column 'client' (orders.customer in the criteria file); its columns "
            "are: customer, jour, montant",
        ),
        (
            "client;jour;montant\nA;01/12/2025;3 250,00 €\nB;02/12/2025;n/a\n",
            "{path}: column 'montant' (orders.amount) must hold numbers, but 'n/a' on row 3 is "
            "not one: pass --decimal if the file uses another decimal mark",
        ),
        (
            "client;jour;montant\nA;2025-12-01 10:30;10\nB;02/12/2025;3\n",
            "{path}: column 'jour' (orders.date) writes dates in two ways, '2025-12-01 10:30' on "
            "row 2 and '02/12/2025' on row 3: write every date of the column the same way "
            "(YYYY-MM-DD or DD/MM/YYYY)",
        ),
        (
            "client;jour;montant\nA;01/12/2025;3 250,00 €\nB;02/12/2025;$5\n",
            "{path}: column 'montant' (orders.amount) must hold numbers, but it mixes currencies "
            "('3 250,00 €', '$5'); amounts in two currencies are never compared as one number: "
            "put each currency in its own column",
        ),
        (
            "client;jour;montant\nA;01/12/2025;12,5 %\nB;02/12/2025;5 €\n",
            "{path}: column 'montant' (orders.amount) must hold numbers, but it mixes units, "
            "'12,5 %' (percent) and '5 €' (euro); values in different units are never compared "
            "as one number: put each unit in its own column",
        ),
        (
            "client;jour;montant\nA;01/12/2025;3 250,00 €\nB;02/12/2025;€1,234.50\n",
            "{path}: column 'montant' (orders.amount) must hold numbers, but it writes numbers in "
            "two ways, '3 250,00 €' on row 2 (decimal comma) and '€1,234.50' on row 3 (decimal "
            "point): one number cannot be read both ways; write every number of the column the "
            "same way",
        ),
    ],
    ids=[
        "bad-date",
        "bad-amount",
        "blank-customer",
        "missing-column",
        "bad-cell-beside-an-amount",
        "two-date-ways",
        "two-currencies",
        "percent-and-euro",
        "two-decimal-marks",
    ],
)
def test_bad_orders_files_are_one_line_and_exit_2(
    run: Run, write: Write, order_files: dict[str, str], orders: str, message: str
) -> None:
    path = write("bad-orders.csv", orders)
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"], "--orders", str(path)
    )
    assert (result.exit_code, result.stderr) == (2, f"error: {message.format(path=path)}\n")


def test_orders_need_an_orders_block(run: Run, write: Write, order_files: dict[str, str]) -> None:
    rules = write(
        "plain.yaml", "version: 1\ncustomers: {id: id}\ncriteria:\n  - {key: k, when: x}\n"
    )
    result = run(
        "classify", order_files["customers"], "-c", str(rules), "--orders", order_files["orders"]
    )
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: --orders needs an orders: block in {rules} naming the customer, date and amount "
        "columns of the orders file\n",
    )


@pytest.mark.parametrize(
    ("surveys", "problem"),
    [
        (
            "id,date,score\nA,2026-01-01,11\nB,2026-01-01,7\nC,2026-01-02,-1\n",
            "rows 2, 4 hold 11, -1",
        ),
        ("id,date,score\nA,2026-01-01,9\nB,2026-01-02,dix\n", "row 3 holds dix"),
    ],
    ids=["outside-0-10", "not-a-number"],
)
def test_bad_survey_scores_name_their_rows(
    run: Run, write: Write, order_files: dict[str, str], surveys: str, problem: str
) -> None:
    path = write("s.csv", surveys)
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"], "--surveys", str(path),
        "--orders", order_files["orders"],
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}: score must be a score from 0 to 10, but {problem}\n",
    )


def test_quintile_scores_are_stable_on_small_and_tied_data() -> None:
    assert quintile_scores(pd.Series([10.0, 20, 30, 40, 50])).tolist() == [1, 2, 3, 4, 5]
    assert quintile_scores(pd.Series([5.0])).tolist() == [3]
    assert quintile_scores(pd.Series([7.0, 7, 7, 7])).tolist() == [3, 3, 3, 3]
    assert quintile_scores(pd.Series([1.0, 1, 9, np.nan])).tolist()[:3] == [2, 2, 5]
    assert np.isnan(quintile_scores(pd.Series([1.0, 1, 9, np.nan])).iloc[3])
    assert quintile_scores(pd.Series([10.0, 20, 30, 40, 50]), higher_is_better=False).tolist() == [
        5, 4, 3, 2, 1,
    ]  # fmt: skip
    ten = quintile_scores(pd.Series(np.arange(10.0))).tolist()
    assert ten == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_twelve_months_count_up_to_the_as_of_date() -> None:
    orders = pd.DataFrame(
        {
            "customer": ["A", "A", "A", "A"],
            "date": pd.to_datetime(["2025-11-23", "2025-11-24", "2026-11-23", "2026-11-24"]),
            "amount": [1.0, 2.0, 4.0, 8.0],
        }
    )
    columns, unknown = order_columns(pd.Series(["A"]), orders, pd.Timestamp("2026-11-23").date())
    # 2025-11-23 is twelve months back (excluded); 2026-11-24 is after the as-of date
    assert columns.loc[0, "order_count_12m"] == 2
    assert columns.loc[0, "total_amount_12m"] == 6.0
    assert columns.loc[0, "order_count"] == 4
    assert len(unknown) == 0


@pytest.mark.parametrize(
    ("as_of", "recent"), [("0001-01-01", "1"), ("0001-06-30", "1"), ("9999-12-31", "1")]
)
def test_twelve_months_at_the_ends_of_the_calendar(
    run: Run, write: Write, as_of: str, recent: str
) -> None:
    """--as-of 0001-01-01 has no twelve months before it, 9999-12-31 no day after it."""
    customers = write("c.csv", "id\nA\n")
    orders = write("o.csv", "client,day,amount\nA,0001-01-01,1\nA,9999-12-30,2\n")
    rules = write(
        "r.yaml",
        "version: 1\ncustomers:\n  id: id\norders:\n  customer: client\n  date: day\n"
        "  amount: amount\ncriteria:\n  - key: any\n    when: order_count_12m >= 1\n",
    )
    result = run(
        "classify",
        str(customers),
        "-c",
        str(rules),
        "--orders",
        str(orders),
        "--as-of",
        as_of,
        "-f",
        "json",
        "-q",
        "--keep-columns",
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["customers"][0]["order_count_12m"] == recent


# --- CDNOW: a real transaction log --------------------------------------------------------------


@pytest.fixture(scope="session")
def cdnow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """CDNOW_master.txt from the `lifetimes` wheel on PyPI, cached in ~/.cache (never committed)."""
    cache = Path.home() / ".cache" / "portfolio-tests" / "lifetimes-0.11.3"
    target = cache / "CDNOW_master.txt"
    if not target.exists():
        download = tmp_path_factory.mktemp("lifetimes")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "lifetimes==0.11.3",
                "-d",
                str(download),
            ],
            check=True,
            capture_output=True,
        )
        wheel = next(download.glob("*.whl"))
        cache.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read("lifetimes/datasets/CDNOW_master.txt")
        temporary = cache / "CDNOW_master.txt.part"
        temporary.write_bytes(data)
        temporary.replace(target)
    return target


def test_cdnow_orders_give_the_counts_and_totals_of_a_plain_groupby(
    run: Run, write: Write, cdnow: Path
) -> None:
    raw = pd.read_csv(
        cdnow, sep=r"\s+", skiprows=1, header=None, dtype=str,
        names=["customer_id", "date", "cds", "amount"],
    )  # fmt: skip
    orders = pd.DataFrame(
        {
            "customer_id": raw["customer_id"],
            "date": pd.to_datetime(raw["date"], format="%Y%m%d").dt.strftime("%Y-%m-%d"),
            "amount": raw["amount"],
        }
    )
    orders_path = write("orders.csv", orders.to_csv(index=False))
    ids = sorted(raw["customer_id"].unique())
    # the list lacks the first customer (its orders are reported) and has two without orders
    listed = [*ids[1:], "99998", "99999"]
    customers_path = write("customers.csv", "customer_id\n" + "\n".join(listed) + "\n")
    rules = write(
        "cdnow.yaml",
        "version: 1\ncustomers: {id: customer_id}\n"
        "orders: {customer: customer_id, date: date, amount: amount}\n"
        "criteria:\n  - {key: repeat, when: order_count >= 2}\n"
        "  - {key: big, when: m_score >= 4}\n",
    )
    result = run(
        "classify", str(customers_path), "-c", str(rules), "--orders", str(orders_path),
        "--as-of", "1998-07-01", "-f", "csv", "--keep-columns",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    out = pd.read_csv(io.StringIO(result.stdout), dtype={"customer_id": str})
    out = out.set_index("customer_id").sort_index()
    expected = raw.assign(amount=raw["amount"].astype(float)).groupby("customer_id")["amount"]
    counts = expected.size().reindex(out.index, fill_value=0)
    totals = expected.sum().reindex(out.index, fill_value=0.0)
    assert len(raw) == 69_659
    assert len(ids) == 23_570
    assert len(out) == 23_571
    assert (out["order_count"] == counts).all()
    np.testing.assert_allclose(out["total_amount"], totals, rtol=1e-12)
    assert out.loc[["99998", "99999"], "order_count"].tolist() == [0, 0]
    first = ids[0]
    assert result.stderr.splitlines()[0] == (
        f"warning: {orders_path}: orders of customers not in the customer list are not counted: "
        f"{(raw['customer_id'] == first).sum()} (of 1 id, such as '{first}')"
    )


def test_survey_dates_must_be_dates(run: Run, write: Write, order_files: dict[str, str]) -> None:
    path = write("s.csv", "id,date,score\nA,2026-01-01,9\nB,last week,7\n")
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"], "--surveys", str(path),
        "--orders", order_files["orders"],
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {path}: column 'date' must hold the date of each answer, but 'last week' on row "
        "3 is not one: write YYYY-MM-DD or DD/MM/YYYY, or pass --dayfirst/--monthfirst\n",
    )


def test_survey_dates_written_two_ways_name_a_cell_of_each(
    run: Run, write: Write, order_files: dict[str, str]
) -> None:
    path = write("s.csv", "id,date,score\nA,01/06/2026,9\nB,2026-01-01 08:00,7\n")
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"], "--surveys", str(path),
        "--orders", order_files["orders"], "--lang", "fr",
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (
        2,
        f"erreur : {path} : la colonne 'date' écrit les dates des réponses de deux façons, "
        "'01/06/2026' à la ligne 2 et '2026-01-01 08:00' à la ligne 3 : écrivez toutes les "
        "dates de la colonne de la même façon (AAAA-MM-JJ ou JJ/MM/AAAA)\n",
    )


@pytest.mark.parametrize(
    ("option", "expected"),
    [("--dayfirst", ("2", "2026-06-05")), ("--monthfirst", ("10", "2026-07-03"))],
)
def test_the_latest_survey_answer_wins_whatever_the_file_order(
    run: Run, write: Write, order_files: dict[str, str], option: str, expected: tuple[str, str]
) -> None:
    path = write("s.csv", "id,date,score\nA,05/06/2026,2\nA,07/03/2026,10\nA,01/01/2026,9\n")
    result = run(
        "classify", order_files["customers"], "-c", order_files["rules"], "--surveys", str(path),
        "--orders", order_files["orders"], option, "-f", "csv", "--keep-columns", "-q",
    )  # fmt: skip
    rows = {row["id"]: row for row in _csv(result)}
    assert (rows["A"]["score"], rows["A"]["survey_date"]) == expected


def test_order_columns_without_orders_say_which_option_adds_them(
    run: Run, order_files: dict[str, str]
) -> None:
    result = run("classify", order_files["customers"], "-c", order_files["rules"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {order_files['rules']} uses order_count_12m, r_score, which --orders FILE adds: "
        "pass the orders file\n",
    )
