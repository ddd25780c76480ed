"""`--orders FILE` and `--surveys FILE`: columns computed from other files, joined to customers.

An orders file has one row per order (customer, date, amount: the criteria file's `orders:`
block names them). Each customer gains `order_count`, `total_amount`, `avg_amount`,
`first_order`, `last_order`, `days_since_last_order`, `order_count_12m`, `total_amount_12m`
(the twelve months up to the as-of date) and RFM scores `r_score`, `f_score`, `m_score`.
A surveys file holds the id column, `date` and the NPS score column: each customer's latest
answer becomes the NPS column. Everything is a vectorised groupby; nothing loops over rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.kinds import Kind, suggest
from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message, plural
from portfolio_cli.readers import (
    CustomerList,
    row_numbers,
    rows_text,
    to_pandas,
    type_text,
    why_text,
)
from portfolio_cli.readers import read_text as _read_text
from portfolio_cli.readers.columns import (
    AMOUNT,
    COMMA_DECIMAL,
    DOT_DECIMAL,
    ISO_DATE,
    ISO_DATETIME,
    LOCAL_DATE,
    NUMBER,
    clean_text,
    date_ways,
    first_of_each_way,
)
from portfolio_cli.readers.columns import why_text as text_reason
from portfolio_cli.readers.csv import CsvOptions
from portfolio_cli.readers.workbook import as_text

if TYPE_CHECKING:
    import pandas as pd

ORDER_COLUMNS = (
    "order_count",
    "total_amount",
    "avg_amount",
    "first_order",
    "last_order",
    "days_since_last_order",
    "order_count_12m",
    "total_amount_12m",
    "r_score",
    "f_score",
    "m_score",
)
SURVEY_DATE = "date"
SURVEY_COMMENT = "comment"


@dataclass(frozen=True)
class Orders:
    """The orders of a file: `customer` (text), `date` (datetime64) and `amount` (float)."""

    frame: pd.DataFrame
    source: str


def _columns_of(
    source: str | Path,
    options: CsvOptions,
    wanted: dict[str, str],
    optional: dict[str, str] | None = None,
    missing: str = "orders.missing_column",
) -> tuple[dict[str, pd.Series], str, dict[str, Kind], pa.Table]:
    """Read the named columns of a side file; `wanted` maps role → column name, and
    `optional` (read as text) the columns used when present. `missing` is the message key said
    when a wanted column is absent (it receives the role as `field`)."""
    lang = options.lang
    optional = optional or {}
    text = _read_text(source, options, list(dict.fromkeys([*wanted.values(), *optional.values()])))
    label = text.info.source
    wanted = {**wanted, **{r: c for r, c in optional.items() if c in text.header}}
    for role, column in wanted.items():
        if column not in text.header:
            close = suggest(column, text.header)
            hint = (
                message("inputs.did_you_mean", lang, names=" or ".join(map(repr, close)))
                if close
                else message("inputs.its_columns", lang, names=", ".join(text.header[:8]))
            )
            raise InputError(
                Issue(
                    "unknown-column",
                    message(
                        missing,
                        lang,
                        source=label,
                        column=column,
                        field=role,
                        hint=hint,
                    ),
                )
            )
    text_roles = ["customer", *optional]
    typed, _ = type_text(text, options, [wanted[r] for r in text_roles if r in wanted])
    frame = to_pandas(typed, text.table.num_rows)
    kinds = {name: column.kind for name, column in typed.items()}
    return {role: frame[column] for role, column in wanted.items()}, label, kinds, text.table


def _first_bad(cells: pa.ChunkedArray, patterns: Sequence[str]) -> int:
    """Position of the first non-blank cell that matches none of `patterns`."""
    text = clean_text(cells)
    good = pc.is_null(text)
    for pattern in patterns:
        good = pc.or_(good, pc.fill_null(pc.match_substring_regex(text, pattern), False))
    bad = pc.indices_nonzero(pc.invert(good)).to_pylist()
    return int(bad[0]) if bad else int(pc.indices_nonzero(pc.invert(pc.is_null(text)))[0].as_py())


def _date_ways(cells: pa.ChunkedArray) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """The first cell written year first and the first written day first, by position, when
    every non-blank cell is a date one way or the other and both ways are used; else None.
    Such a column is not read as dates (the reader takes one way a column), and saying which
    cell "is not a date" would be wrong."""
    text, iso, local = date_ways(cells)
    if not pc.all(pc.or_(pc.or_(iso, local), pc.is_null(text))).as_py():
        return None
    firsts = first_of_each_way(iso, local)
    if firsts is None:
        return None
    one, other = firsts
    return (one, str(text[one].as_py())), (other, str(text[other].as_py()))


def _not_dates(cells: pa.ChunkedArray, key: str, lang: str | None, **fields: str) -> str:
    """Why a column that must hold dates does not: the two ways its dates are written, or its
    first cell that is not a date (`key`'s message, with `fields`)."""
    ways = _date_ways(cells)
    if ways is not None:
        (first, one), (second, other) = ways
        return message(
            f"{key.split('.')[0]}.two_date_ways",
            lang,
            first=one,
            first_row=first + 2,
            second=other,
            second_row=second + 2,
            **fields,
        )
    row = _first_bad(cells, [ISO_DATE, ISO_DATETIME, LOCAL_DATE])
    return message(key, lang, sample=cells[row].as_py(), row=row + 2, **fields)


def read_orders(
    source: str | Path, customer: str, date: str, amount: str, options: CsvOptions = CsvOptions()
) -> Orders:
    """Read an orders file: one row per order; blank customers or dates are an error."""
    import pandas as pd

    lang = options.lang
    wanted = {"customer": customer, "date": date, "amount": amount}
    columns, label, kinds, table = _columns_of(source, options, wanted)
    expected = (  # column, its kind, what its cells look like, the message when they do not
        (date, Kind.DATE, [ISO_DATE, ISO_DATETIME, LOCAL_DATE], "orders.not_dates"),
        (amount, Kind.NUMBER, [NUMBER, COMMA_DECIMAL, DOT_DECIMAL, AMOUNT], "orders.not_numbers"),
    )
    for column, kind, patterns, key in expected:
        if kinds[column] not in (kind, Kind.EMPTY):
            cells = table.column(column)
            if kind is Kind.DATE:
                text = _not_dates(cells, key, lang, source=label, column=column)
                raise InputError(Issue("bad-orders", text))
            # amounts in two currencies, in two units or with two decimal marks: say so, not
            # that a good-looking amount "is not a number"
            found = text_reason(cells, most=False)
            if found is not None and (found.mixed or found.formats):
                reason = why_text(cells, lang, first=2, most=False)
                text = message(
                    "orders.amounts_text", lang, source=label, column=column, reason=reason
                )
                raise InputError(Issue("bad-orders", text))
            row = _first_bad(cells, patterns)
            sample = table.column(column)[row].as_py()
            text = message(key, lang, source=label, column=column, sample=sample, row=row + 2)
            raise InputError(Issue("bad-orders", text))
    for role in ("customer", "date"):
        blank = columns[role].isna().to_numpy()
        if blank.any():
            raise InputError(
                Issue(
                    "bad-orders",
                    message(
                        "orders.blank",
                        lang,
                        source=label,
                        column=wanted[role],
                        field=role,
                        rows=rows_text(np.flatnonzero(blank).tolist(), lang),
                    ),
                )
            )
    frame = pd.DataFrame(
        {
            "customer": columns["customer"].astype(str),
            "date": pd.to_datetime(columns["date"]),
            "amount": columns["amount"].astype("float64"),
        }
    )
    return Orders(frame, label)


def quintile_scores(values: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """Scores 1-5 by quintiles of rank, 5 best; missing values stay missing.

    The score of a value is the quintile of its mid-rank, so ties share one score, a single
    customer or a column of equal values scores 3, and five distinct values score 1 to 5.
    """
    import pandas as pd

    ranks = (values if higher_is_better else -values).rank(method="average")
    count = int(values.notna().sum())
    if count == 0:
        return pd.Series(np.nan, index=values.index)
    scores = np.ceil((5 * (ranks - 0.5) / count).to_numpy(dtype="float64")).clip(1, 5)
    return pd.Series(scores, index=values.index)


def order_columns(
    ids: pd.Series, orders: pd.DataFrame, as_of: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The order columns of each customer (rows in the order of `ids`), and the orders of
    customers not in `ids` (for the report)."""
    import pandas as pd

    known = orders["customer"].isin(ids)
    unknown = orders[~known]
    mine = orders[known]
    day = pd.Timestamp(as_of)
    groups = mine.groupby("customer", sort=False)
    # the twelve months up to as_of; at the ends of the calendar (--as-of 0001-01-01 or
    # 9999-12-31) the side past the end is left open rather than computed
    recent_rows = pd.Series(True, index=mine.index)
    if as_of.year > dt.MINYEAR:
        recent_rows &= mine["date"] > day - pd.DateOffset(months=12)
    if as_of < dt.date.max:
        recent_rows &= mine["date"] < day + pd.Timedelta(days=1)
    recent = mine[recent_rows]
    recent_groups = recent.groupby("customer", sort=False)
    index = pd.Index(ids.astype(str))
    count = groups.size().reindex(index, fill_value=0).astype("float64")
    total = groups["amount"].sum().reindex(index, fill_value=0.0)
    last = groups["date"].max().reindex(index)
    days = (day - last).dt.days.astype("float64")
    has_orders = count > 0
    out = pd.DataFrame(
        {
            "order_count": count,
            "total_amount": total,
            "avg_amount": (total / count).where(has_orders),
            "first_order": groups["date"].min().reindex(index),
            "last_order": last,
            "days_since_last_order": days,
            "order_count_12m": recent_groups.size().reindex(index, fill_value=0).astype("float64"),
            "total_amount_12m": recent_groups["amount"].sum().reindex(index, fill_value=0.0),
            "r_score": quintile_scores(days.where(has_orders), higher_is_better=False),
            "f_score": quintile_scores(count.where(has_orders)),
            "m_score": quintile_scores(total.where(has_orders)),
        },
        index=index,
    ).reset_index(drop=True)
    return out, unknown


def add_columns(
    customers: CustomerList,
    added: pd.DataFrame,
    source: str,
    lang: str | None,
    replace_ok: Sequence[str] = (),
) -> CustomerList:
    """The customer list with `added` (same row order) as new columns, typed and as text."""
    import pandas as pd

    for name in added.columns:
        if name in customers.header and name not in replace_ok:
            raise InputError(
                Issue(
                    "column-clash",
                    message("orders.clash", lang, source=customers.info.source, column=name),
                )
            )
    frame = customers.frame.copy()
    kinds = dict(customers.kinds)
    for name in added.columns:
        series = added[name]
        frame[name] = series.to_numpy()
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            kinds[str(name)] = Kind.DATE if series.notna().any() else Kind.EMPTY
        elif pd.api.types.is_numeric_dtype(series.dtype):
            kinds[str(name)] = Kind.NUMBER if series.notna().any() else Kind.EMPTY
        else:
            kinds[str(name)] = Kind.TEXT if series.notna().any() else Kind.EMPTY
    text = customers.text
    new_text = as_text(
        pa.Table.from_pandas(added.reset_index(drop=True), preserve_index=False),
        None,
        timestamp_format="%Y-%m-%d",
    )
    header = list(customers.header)
    for name in new_text.column_names:
        if name in text.column_names:
            text = text.set_column(text.column_names.index(name), name, new_text.column(name))
        else:
            text = text.append_column(name, new_text.column(name))
        if name not in header:
            header.append(name)
    return replace(customers, data=frame, kinds=kinds, header=tuple(header), text=text)


def join_orders(
    customers: CustomerList,
    source: str | Path,
    columns: tuple[str, str, str],
    as_of: dt.date,
    options: CsvOptions = CsvOptions(),
) -> tuple[CustomerList, list[str], str]:
    """The customer list with the order columns; also warnings and a one-line description."""
    lang = options.lang
    orders = read_orders(source, *columns, options=options)
    ids = customers.frame[customers.id_column]
    added, unknown = order_columns(ids, orders.frame, as_of)
    warnings = []
    if len(unknown):
        warnings.append(
            message(
                "orders.unknown",
                lang,
                source=orders.source,
                orders=len(unknown),
                ids=plural("count.ids", unknown["customer"].nunique(), lang),
                sample=unknown["customer"].iloc[0],
            )
        )
    described = message(
        "orders.joined",
        lang,
        source=orders.source,
        orders=plural("count.orders", len(orders.frame), lang),
        customers=plural("count.customers", orders.frame["customer"].nunique(), lang),
    )
    return add_columns(customers, added, orders.source, lang), warnings, described


def join_surveys(
    customers: CustomerList,
    source: str | Path,
    nps: str,
    options: CsvOptions = CsvOptions(),
) -> tuple[CustomerList, list[str], str]:
    """The customer list whose NPS column holds each customer's latest survey answer.

    A customer without an answer in the file keeps the value of the list's own NPS column (if
    it has one). A score outside 0-10 is an error naming the rows.
    """
    lang = options.lang
    answers, label = _read_surveys(source, customers.id_column, nps, options)
    added, unknown, answered = _survey_columns(customers, answers, nps)
    warnings = []
    if len(unknown):
        warnings.append(
            message(
                "surveys.unknown",
                lang,
                source=label,
                answers=len(unknown),
                ids=plural("count.ids", unknown["customer"].nunique(), lang),
                sample=unknown["customer"].iloc[0],
            )
        )
    described = message(
        "surveys.joined",
        lang,
        source=label,
        answers=plural("count.answers", len(answers), lang),
        customers=plural("count.customers", answered, lang),
    )
    return add_columns(customers, added, label, lang, replace_ok=[nps]), warnings, described


def _read_surveys(
    source: str | Path, id_column: str, nps: str, options: CsvOptions
) -> tuple[pd.DataFrame, str]:
    """The answers of a surveys file that hold a score: `customer` (text), `date` (datetime64,
    NaT when the file's dates are blank), `score` (float) and `comment` when the file has one;
    and the file as named in messages. A score outside 0-10, a date that is no date or a blank
    id is an error."""
    import pandas as pd

    lang = options.lang
    wanted = {"customer": id_column, "date": SURVEY_DATE, "nps": nps}
    columns, label, kinds, table = _columns_of(
        source, options, wanted, {"comment": SURVEY_COMMENT}, missing="surveys.missing_column"
    )
    score = columns["nps"]
    _check_scores(score, kinds[nps], table, nps, label, lang)
    _check_dates(kinds[SURVEY_DATE], table, label, lang)
    _check_ids(columns["customer"], id_column, label, lang)
    answers = pd.DataFrame(
        {
            "customer": columns["customer"].astype(str),
            "date": pd.to_datetime(columns["date"])
            if kinds[SURVEY_DATE] is Kind.DATE
            else pd.Series(pd.NaT, index=score.index),
            "score": score.astype("float64"),
        }
    )
    if "comment" in columns:
        answers["comment"] = columns["comment"]
    return answers[answers["score"].notna()], label


def _check_scores(
    score: pd.Series, kind: Kind, table: pa.Table, nps: str, label: str, lang: str | None
) -> None:
    """Every score a number from 0 to 10: else an error naming the rows (the first text cell
    when the column is not numbers)."""
    if kind not in (Kind.NUMBER, Kind.EMPTY):
        # a text cell ("dix", "9/10"): name the first one
        row = _first_bad(table.column(nps), [NUMBER, COMMA_DECIMAL, DOT_DECIMAL])
        bad_mask = np.arange(len(score)) == row
        values = [table.column(nps)[row].as_py()]
    else:
        numbers = score.astype("float64")
        bad_mask = ((numbers < 0) | (numbers > 10)).to_numpy(dtype=bool, na_value=False)
        values = numbers[bad_mask].tolist()
    if bad_mask.any():
        positions = np.flatnonzero(bad_mask).tolist()
        shown = ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values[:5])
        raise InputError(
            Issue(
                "bad-score",
                plural(
                    "surveys.out_of_range",
                    len(positions),
                    lang,
                    source=label,
                    column=nps,
                    rows=row_numbers(positions),
                    values=shown,
                ),
            )
        )


def _check_dates(kind: Kind, table: pa.Table, label: str, lang: str | None) -> None:
    """The `date` column holds dates (or nothing): else an error naming the first other cell."""
    if kind not in (Kind.DATE, Kind.EMPTY):
        text = _not_dates(table.column(SURVEY_DATE), "surveys.not_dates", lang, source=label)
        raise InputError(Issue("bad-surveys", text))


def _check_ids(ids: pd.Series, id_column: str, label: str, lang: str | None) -> None:
    """Every answer names its customer: else an error naming the rows with a blank id."""
    blank = ids.isna().to_numpy()
    if blank.any():
        raise InputError(
            Issue(
                "bad-surveys",
                message(
                    "surveys.blank_id",
                    lang,
                    source=label,
                    column=id_column,
                    rows=rows_text(np.flatnonzero(blank).tolist(), lang),
                ),
            )
        )


def _survey_columns(
    customers: CustomerList, answers: pd.DataFrame, nps: str
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The columns added to the list (row for row): the NPS column holding each customer's
    latest answer, else the list's own score; `survey_date` and `survey_comment`. Also the
    answers whose customer is not in the list, and how many customers have an answer."""
    import pandas as pd

    # Latest answer wins: a stable sort by date (undated answers first) keeps file order on ties.
    latest = answers.sort_values("date", kind="stable", na_position="first").drop_duplicates(
        "customer", keep="last"
    )
    ids = customers.frame[customers.id_column].astype(str)
    known = latest["customer"].isin(ids)
    unknown = answers[~answers["customer"].isin(ids)]
    latest = latest[known].set_index("customer").reindex(pd.Index(ids))
    added = pd.DataFrame({nps: latest["score"].to_numpy()})
    if nps in customers.frame.columns and customers.kinds.get(nps) is Kind.NUMBER:
        own = customers.frame[nps].to_numpy(dtype="float64", na_value=np.nan)
        added[nps] = np.where(np.isnan(added[nps].to_numpy()), own, added[nps].to_numpy())
    added["survey_date"] = latest["date"].to_numpy()
    if "comment" in latest.columns:
        added["survey_comment"] = latest["comment"].to_numpy()
    return added, unknown, int(known.sum())
