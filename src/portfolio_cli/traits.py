"""What each segment's customers have in common, against the whole portfolio; and, with a known
outcome (did the customer leave?), how often it happened in each segment.

Everything is computed on whole columns (groupby, crosstab); the result is plain data (dicts,
lists, numbers) so that the terminal table, JSON, CSV and the HTML report all read the same thing.

How much a characteristic distinguishes a segment (its `score`), on one scale for both kinds:
- a number column: |segment median - portfolio median| / portfolio standard deviation
  (a difference of medians counted in standard deviations, like Cohen's d);
- a text value: Cohen's h between its share in the segment and in the portfolio,
  2·asin(√p_segment) - 2·asin(√p_portfolio), kept only when the value is over-represented.
A score of 0.2 is a small difference, 0.5 a medium one, 0.8 and more a large one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from portfolio_cli.conditions.kinds import Kind, unknown_column_message
from portfolio_cli.criteria import SEGMENTS, Criteria
from portfolio_cli.engine import Classification
from portfolio_cli.errors import CriteriaError, InputError, Issue, UsageError
from portfolio_cli.messages import message
from portfolio_cli.naming import plain_words
from portfolio_cli.readers import CustomerList

# A text column with more distinct values than this (a city, an e-mail) says little per value.
MAX_LEVELS = 20
# Number columns with this many distinct values or fewer (0/1 flags) are read as categories.
FLAG_LEVELS = 2
# Below this many customers a segment's differences are too noisy to act on: said beside them.
MIN_CUSTOMERS = 30
# Number columns that are codes or coordinates, not quantities: a median ZIP code means nothing.
# Matched on the name without accents (`naming.plain_words`).
_CODE_NAME = re.compile(
    r"zip|postal|(^| )code( |$)|codepostal|(^| )cp$|(^| )id$|(^| )ids?( |$)|^num(ero)?( |$)"
    r"|(^| )lat(itude)?$|(^| )lon(g|gitude)?$|latitude|longitude|phone|telephone|(^| )tel$"
    r"|siret|siren|iban|insee|fips"
)
# A code by its values: whole numbers all written with the same number of digits, at least this
# many (5-digit ZIP codes, 9-digit SIREN, 10-digit phones), taking many values.
CODE_DIGITS = 5
YES = ("yes", "y", "true", "1", "oui", "o", "vrai")
NO = ("no", "n", "false", "0", "non", "faux")


@dataclass(frozen=True)
class Skipped:
    """A column left out of the profile, and why (`id`, `name`, `criteria`, `outcome`, ...)."""

    column: str
    reason: str


def check_outcome(criteria: Criteria, outcome: str) -> None:
    """Refuse an outcome column that the criteria read: judging rules by what they read is
    circular. Raises `CriteriaError` naming every rule that reads it."""
    issues = [
        Issue(
            "circular-outcome",
            message("profile.error.circular", column=outcome),
            rule.where or criteria.source,
        )
        for rule in criteria.rules()
        if outcome in rule.condition.columns()
    ]
    if issues:
        raise CriteriaError(issues)


def profile_segments(
    customers: CustomerList,
    result: Classification,
    criteria: Criteria,
    *,
    outcome: str | None = None,
    top: int = 5,
    all_columns: bool = False,
) -> dict[str, Any]:
    """Per segment, the `top` characteristics that most set it apart from the whole portfolio,
    and the outcome's rate per segment when `outcome` names a yes/no column.

    Columns left out: the id and name columns, the outcome, dates, empty columns, text with more
    than MAX_LEVELS values, and (unless `all_columns`) the columns the criteria read, since a
    segment obviously differs on what defined it.
    """
    if top < 1:
        raise UsageError(Issue("bad-top", message("profile.error.top", value=top)))
    frame, kinds = customers.frame, customers.kinds
    if outcome is not None:
        check_outcome(criteria, outcome)
        if outcome not in kinds:
            raise UsageError(
                Issue(
                    "unknown-column",
                    message("profile.error.outcome", detail=unknown_column_message(outcome, kinds)),
                )
            )
    segment = pd.Series(np.asarray(result.segment), index=frame.index)
    total = len(frame)
    sizes = np.bincount(segment.to_numpy(), minlength=len(SEGMENTS)) if total else np.zeros(3)
    numbers, categories, skipped = _columns(customers, criteria, outcome, all_columns)
    found: dict[int, list[dict[str, Any]]] = {code: [] for code in range(len(SEGMENTS))}
    _numbers(frame, numbers, segment, found)
    _categories(frame, kinds, categories, segment, sizes, found)
    segments: dict[str, Any] = {}
    for code, name in enumerate(SEGMENTS):
        ranked = sorted(found[code], key=lambda item: (-item["score"], item["column"]))
        segments[name] = {
            "customers": int(sizes[code]),
            "share": int(sizes[code]) / total if total else None,
            "small": 0 < int(sizes[code]) < MIN_CUSTOMERS,  # too few to trust its differences
            "characteristics": ranked[:top],
        }
    return {
        "total": total,
        "segments": segments,
        "columns": numbers + categories,
        "skipped": [{"column": s.column, "reason": s.reason} for s in skipped],
        "outcome": _outcome(
            frame, kinds, outcome, segment, customers.info.source, np.asarray(result.priority)
        )
        if outcome is not None
        else None,
    }


def _columns(
    customers: CustomerList, criteria: Criteria, outcome: str | None, all_columns: bool
) -> tuple[list[str], list[str], list[Skipped]]:
    """Which columns to profile as numbers and as categories, and which to leave out."""
    frame, kinds = customers.frame, customers.kinds
    read_by_criteria = {c for rule in criteria.rules() for c in rule.condition.columns()}
    reasons = {customers.id_column: "id"}
    if criteria.customers.name:
        reasons[criteria.customers.name] = "name"
    if outcome is not None:
        reasons[outcome] = "outcome"
    numbers: list[str] = []
    categories: list[str] = []
    skipped: list[Skipped] = []
    for column in customers.header:
        if column not in kinds:
            continue
        kind = kinds[column]
        reason = reasons.get(column)
        if reason is None and column in read_by_criteria and not all_columns:
            reason = "criteria"
        if reason is None and kind in (Kind.DATE, Kind.EMPTY):
            reason = kind.name.lower()
        levels = int(frame[column].nunique(dropna=True)) if reason is None else 0
        if reason is None and levels < 2:
            reason = "constant"
        if reason is None and kind is Kind.NUMBER and _is_code(column, frame[column], levels):
            reason = "code"
        if reason is None and kind is Kind.NUMBER and levels > FLAG_LEVELS:
            numbers.append(column)
        elif reason is None and levels > MAX_LEVELS:
            reason = "too-many-values"
        elif reason is None:
            categories.append(column)
        if reason is not None:
            skipped.append(Skipped(column, reason))
    return numbers, categories, skipped


def _is_code(column: str, values: pd.Series[Any], levels: int) -> bool:
    """A number column that names or places rather than measures: by its name (ZipCode,
    Latitude, customer_id, Téléphone), or by its values (whole numbers of one fixed width of
    CODE_DIGITS digits or more, many of them)."""
    if _CODE_NAME.search(plain_words(column)):
        return True
    if levels <= MAX_LEVELS:
        return False
    numbers = values.dropna().astype("float64").to_numpy()
    if not len(numbers) or not np.isfinite(numbers).all() or np.any(numbers <= 0):
        return False
    if not np.all(np.mod(numbers, 1) == 0):
        return False
    digits = np.floor(np.log10(numbers)).astype(np.int64) + 1
    return bool(digits.min() == digits.max() >= CODE_DIGITS)


def _numbers(
    frame: pd.DataFrame,
    columns: Sequence[str],
    segment: pd.Series[Any],
    found: dict[int, list[dict[str, Any]]],
) -> None:
    """Median per segment against the portfolio median, for every number column at once."""
    if not columns or frame.empty:
        return
    values = frame[list(columns)].astype("float64")
    overall = values.median()
    spread = values.std()
    medians = values.groupby(segment).median()
    for code in medians.index:  # one row per segment (three at most), not per customer
        row = medians.loc[code]
        for column in columns:
            median, portfolio = row[column], overall[column]
            if pd.isna(median) or pd.isna(portfolio):
                continue
            deviation = spread[column]
            score = abs(median - portfolio) / deviation if deviation and deviation > 0 else 0.0
            found[int(str(code))].append(
                {
                    "column": column,
                    "kind": "number",
                    "value": None,
                    "segment": float(median),
                    "portfolio": float(portfolio),
                    "lift": float(median / portfolio) if portfolio else None,
                    "score": float(score),
                }
            )


def _categories(
    frame: pd.DataFrame,
    kinds: dict[str, Kind],
    columns: Sequence[str],
    segment: pd.Series[Any],
    sizes: np.ndarray[Any, Any],
    found: dict[int, list[dict[str, Any]]],
) -> None:
    """Values over-represented in a segment: share in segment, share in portfolio, lift."""
    total = int(sizes.sum())
    for column in columns:
        values = _as_text(frame[column], kinds[column])
        counts = pd.crosstab(segment, values)  # segments × values, missing values left out
        portfolio = counts.sum(axis=0) / total
        for code in counts.index:
            row = counts.loc[code]
            size = int(sizes[int(str(code))])
            if not size:
                continue
            share = row / size
            lift = share / portfolio
            h = 2 * np.arcsin(np.sqrt(share)) - 2 * np.arcsin(np.sqrt(portfolio))
            for value in share.index[(lift > 1) & (h > 0)]:
                found[int(str(code))].append(
                    {
                        "column": column,
                        "kind": "text",
                        "value": str(value),
                        "segment": float(share[value]),
                        "portfolio": float(portfolio[value]),
                        "lift": float(lift[value]),
                        "score": float(h[value]),
                    }
                )


def _as_text(column: pd.Series[Any], kind: Kind) -> pd.Series[Any]:
    """A category column as text values: 0/1 flags as `0`/`1`, true/false as `true`/`false`."""
    if kind is Kind.NUMBER:
        numbers = column.astype("float64")
        whole = numbers.dropna()
        # whole numbers as integers, if they are exact as such (not `inf`, not 2**64)
        if (whole == whole.round()).all() and not (whole.abs() >= 2**53).any():
            return numbers.astype("Int64").astype("string")
        return numbers.astype("string")
    if kind is Kind.BOOL:
        return column.astype("boolean").map({True: "true", False: "false"}).astype("string")
    return column.astype("string")


def outcome_flags(column: pd.Series[Any], kind: Kind, name: str, source: str) -> pd.Series[Any]:
    """A yes/no, 0/1 or true/false column as a nullable boolean; anything else is refused."""
    if kind is Kind.BOOL:
        return column.astype("boolean")
    text = column.astype("string").str.strip().str.lower()
    if kind is Kind.NUMBER:
        text = text.str.replace(r"\.0$", "", regex=True)
    known = text.isin(YES) | text.isin(NO) | text.isna()
    if not bool(known.all()):
        position = int(np.flatnonzero(~known.to_numpy(dtype=bool))[0])
        raise InputError(
            Issue(
                "not-yes-no",
                message(
                    "profile.error.not_yes_no",
                    source=source,
                    column=name,
                    row=position + 2,
                    value=column.iloc[position],
                ),
            )
        )
    flags: pd.Series[Any] = text.isin(YES).astype("boolean").mask(text.isna())
    return flags


def _outcome(
    frame: pd.DataFrame,
    kinds: dict[str, Kind],
    name: str,
    segment: pd.Series[Any],
    source: str,
    priority: np.ndarray[Any, Any] | None = None,
) -> dict[str, Any]:
    """How often the outcome happened, per segment and in the portfolio, and the lift; and per
    priority decile (does the ranking pay?) when `priority` is given."""
    flags = outcome_flags(frame[name], kinds[name], name, source)
    known = flags.notna()
    happened = flags.fillna(False).astype("int64")
    overall_known = int(known.sum())
    overall_count = int(happened.sum())
    rate = overall_count / overall_known if overall_known else None
    counts = happened.groupby(segment).sum()
    answered = known.astype("int64").groupby(segment).sum()
    segments: dict[str, Any] = {}
    for code, label in enumerate(SEGMENTS):
        n = int(answered.get(code, 0))
        k = int(counts.get(code, 0))
        seg_rate = k / n if n else None
        segments[label] = {
            "known": n,
            "count": k,
            "rate": seg_rate,
            "lift": seg_rate / rate if seg_rate is not None and rate else None,
        }
    return {
        "column": name,
        "portfolio": {
            "known": overall_known,
            "count": overall_count,
            "rate": rate,
        },
        "segments": segments,
        "unknown": int((~known).sum()),
        "deciles": priority_deciles(
            priority, happened.to_numpy(dtype=bool), known.to_numpy(dtype=bool)
        )
        if priority is not None
        else [],
    }


DECILES = 10


def priority_deciles(
    priority: np.ndarray[Any, Any], happened: np.ndarray[Any, Any], known: np.ndarray[Any, Any]
) -> list[dict[str, Any]]:
    """The outcome's rate per tenth of the call list: decile 1 holds priority ranks 1..N/10 (the
    customers to call first), decile 10 the last ones, about N/10 customers each; with fewer than
    ten customers, empty deciles are left out."""
    total = len(priority)
    if not total:
        return []
    decile = (np.asarray(priority, dtype=np.int64) - 1) * DECILES // total
    customers = np.bincount(decile, minlength=DECILES)
    answered = np.bincount(decile[known], minlength=DECILES)
    counts = np.bincount(decile[known & happened], minlength=DECILES)
    rows = []
    for index in range(DECILES):
        if not customers[index]:
            continue
        n, k = int(answered[index]), int(counts[index])
        # ranks are contiguous: the first rank r with (r - 1) * 10 // N == index, and the last
        rows.append(
            {
                "decile": index + 1,
                "from_rank": -(-index * total // DECILES) + 1,
                "to_rank": -(-(index + 1) * total // DECILES),
                "customers": int(customers[index]),
                "known": n,
                "count": k,
                "rate": k / n if n else None,
            }
        )
    return rows
