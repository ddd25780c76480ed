"""Criteria learned from a known outcome: three criteria and up to three problems, chosen on one
part of the list and judged on another.

The method asks the business to pick its three most important satisfaction criteria; with a
known outcome (did the customer leave?) the list itself can propose them. Every rule is one
condition of our language on one column — a number threshold (`tenure >= 18`), a set of text
values (`Contract in ["One year", "Two year"]`), a date recency (`days_since(last_order) < 90`) —
so the owner can read it, argue with it and act on it.

How the rules are chosen (all on the training part, never on the held-out one):
- each usable column becomes ordered codes: a number's place among thresholds taken from its
  quantiles (rounded to readable values), a text value's place when the values are sorted by
  their event rate; every candidate rule is "code below j" or "code at or above j", so one
  `bincount` per column gives the counts of every candidate at once (no loop over rows);
- criteria are picked greedily: the candidate that most raises the AUC of "criteria met" as a
  score (customers who meet more should have the bad event less often), by MIN_GAIN at least
  (less is noise), one per column, each
  covering at least `min_share` of customers and leaving at least `min_share` meeting all of
  them and none of them;
- problems are candidates whose event rate is at least PROBLEM_LIFT times the whole list's,
  picked by the excess of events they move into "unrecoverable".

Honesty: the outcome and any column equal to it on more than COPY_AGREEMENT of rows are never
read; ids, free text and near-unique columns are skipped; fewer than MIN_EVENTS events in the
training part suggest nothing. The figures that matter are computed on the held-out part, by
classifying it with the criteria file as written (the very file the user gets).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.evaluate import Frame, compile_condition
from portfolio_cli.conditions.kinds import Kind, unknown_column_message
from portfolio_cli.criteria import SEGMENTS, Criteria, parse_criteria
from portfolio_cli.display import visible
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import LANGUAGES as LANGS
from portfolio_cli.messages import decimal, message, plural
from portfolio_cli.naming import guess_id_column
from portfolio_cli.readers import (
    CsvOptions,
    CustomerList,
    read_list_text,
    type_text,
    typed_table,
)

Array = np.ndarray[Any, Any]

HOLDOUT = 0.3  # share of customers held out to judge the rules
FOLDS = 5  # k-fold cross-validation on small lists
SMALL_LIST = 2000  # fewer customers than this: k-fold instead of one held-out part
MIN_EVENTS = 30  # fewer events than this in a training part: nothing is suggested
COPY_AGREEMENT = 0.99  # a column that says the outcome on more rows than this is a copy of it
MAX_LEVELS = 20  # a text column with more values than this is an id, a name or free text
NEAR_UNIQUE = 0.99  # a number column of whole numbers this distinct is an id
PROBLEM_LIFT = 1.5  # a problem's event rate, at least this many times the whole list's
MIN_GAIN = 0.005  # a criterion that adds less AUC than this on the training part is noise
MAX_CRITERIA = 3
MAX_PROBLEMS = 3
QUANTILES = np.linspace(0.02, 0.98, 49)
YES = ("yes", "y", "true", "1", "oui", "o", "vrai")
# Number columns that are codes or coordinates, not something to have more or less of.
_NOT_A_MEASURE = re.compile(
    r"postal|zip|(^|_)code$|^lat(itude)?$|^lon(g|gitude)?$|(^|_)id$|^id$", re.I
)


@dataclass(frozen=True)
class Skipped:
    """A column no rule may read, and why (`id`, `outcome`, `copy`, `too-many-values`...)."""

    column: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Evidence:
    """What a rule did on the part it was chosen on: event rate with and without, coverage."""

    customers: int  # customers in that part
    covered: int  # customers who meet the condition
    rate_with: float | None
    rate_without: float | None


@dataclass(frozen=True)
class Suggested:
    """One suggested criterion or problem: its key, condition, column, and evidence."""

    key: str
    when: str
    column: str
    evidence: Evidence


@dataclass(frozen=True)
class Figures:
    """How a set of criteria does on held-out customers: per segment and as a score."""

    customers: int
    events: int
    segments: dict[str, dict[str, Any]]  # customers, share, events, rate
    auc: float | None  # criteria met as a score: do more criteria mean fewer events?
    ratio: float | None  # event rate in unrecoverable over the rate in satisfied

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "customers": self.customers,
            "events": self.events,
            "segments": self.segments,
            "auc": self.auc,
            "ratio": self.ratio,
        }


@dataclass(frozen=True)
class Suggestion:
    """Everything `portfolio suggest` found: the rules, how they were judged, what was skipped."""

    outcome: str
    event: str
    customers: int  # customers with a known outcome
    events: int
    unknown: int  # customers whose outcome is blank: left out
    method: str  # "holdout" or "kfold"
    seed: int
    folds: int
    trained_on: int
    judged_on: int
    min_share: float
    criteria: tuple[Suggested, ...] = ()
    problems: tuple[Suggested, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    suggested: Figures | None = None
    current: Figures | None = None
    refused: str | None = None  # why nothing is suggested (too few events)
    text: str = ""  # the criteria file as written

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON (`portfolio suggest --format json`): exact figures."""

        def rule(found: Suggested) -> dict[str, Any]:
            evidence = found.evidence
            return {
                "key": found.key,
                "when": found.when,
                "column": found.column,
                "evidence": {
                    "customers": evidence.customers,
                    "covered": evidence.covered,
                    "rate_with": evidence.rate_with,
                    "rate_without": evidence.rate_without,
                },
            }

        return {
            "outcome": self.outcome,
            "event": self.event,
            "customers": self.customers,
            "events": self.events,
            "unknown": self.unknown,
            "method": self.method,
            "seed": self.seed,
            "folds": self.folds,
            "trained_on": self.trained_on,
            "judged_on": self.judged_on,
            "min_share": self.min_share,
            "criteria": [rule(found) for found in self.criteria],
            "problems": [rule(found) for found in self.problems],
            "skipped": [{"column": s.column, "reason": s.reason} for s in self.skipped],
            "suggested": None if self.suggested is None else self.suggested.as_dict(),
            "current": None if self.current is None else self.current.as_dict(),
            "refused": self.refused,
        }


# --- the outcome -------------------------------------------------------------------------------


def outcome_events(
    customers: CustomerList, outcome: str, event: str | None
) -> tuple[Array, Array, str]:
    """The outcome as (event happened, outcome known) masks, and the event's value as written.

    The event is `event` when given; else "yes"/"true"/"1" when the column holds such a value;
    else the rarer of two values. A column of more than two values needs `event`.
    """
    if outcome not in customers.kinds:
        raise UsageError(
            Issue(
                "unknown-column",
                message(
                    "suggest.error.outcome",
                    detail=unknown_column_message(outcome, customers.header),
                ),
            )
        )
    values, codes = _text_codes(customers, outcome)
    known = codes >= 0
    counts = np.bincount(codes[known], minlength=len(values))
    if event is not None:
        wanted = [i for i, v in enumerate(values) if v == event]
        if not wanted:
            folded = [i for i, v in enumerate(values) if v.strip().lower() == event.strip().lower()]
            wanted = folded[:1]
        if not wanted:
            shown = ", ".join(sorted(values)[:10])
            raise UsageError(
                Issue(
                    "bad-event",
                    message("suggest.error.event", column=outcome, value=event, values=shown),
                )
            )
        chosen = wanted[0]
    else:
        yes = [i for i, v in enumerate(values) if v.strip().lower() in YES]
        if len(values) < 2:
            raise UsageError(
                Issue("one-outcome", message("suggest.error.one_value", column=outcome))
            )
        if yes and len(values) == 2:
            chosen = yes[0]
        elif len(values) == 2:
            chosen = int(np.argmin(counts))
        else:
            shown = ", ".join(sorted(values)[:10]) + (", ..." if len(values) > 10 else "")
            raise UsageError(
                Issue("which-event", message("suggest.error.which", column=outcome, values=shown))
            )
    return (codes == chosen), known, values[chosen]


def read_list(source: str, options: CsvOptions, id_column: str | None) -> tuple[CustomerList, str]:
    """A list read without a criteria file: every column, typed (Arrow, no pandas), and its id
    column: `id_column` (--id), else the one named like an id, which must then hold no id
    twice."""
    text = read_list_text(source, options)
    typed, info = type_text(text, options)
    kinds = {name: column.kind for name, column in typed.items()}
    first = text.header[0] if text.header else ""
    customers = CustomerList(
        typed_table(typed, text.table.num_rows), kinds, text.header, text.table, info, first
    )
    if id_column is not None:
        if id_column not in kinds:
            detail = unknown_column_message(id_column, customers.header)
            raise UsageError(
                Issue(
                    "unknown-column", message("suggest.error.id", column=id_column, detail=detail)
                )
            )
        return customers, id_column
    guessed = guess_id_column(customers.header) if customers.header else ""
    if guessed in kinds:
        counts = pc.value_counts(pc.drop_null(customers.column(guessed)))
        repeated = pc.filter(counts, pc.greater(counts.field("counts"), 1))
        if len(repeated):
            value = repeated[0]["values"].as_py()
            raise UsageError(
                Issue(
                    "duplicate-id",
                    message("suggest.error.no_id", column=visible(guessed), value=visible(value)),
                )
            )
    return customers, guessed


def _text_codes(customers: CustomerList, column: str) -> tuple[list[str], Array]:
    """A column's values as written (numbers as `1`, booleans as `true`) and a code per row
    (-1 where blank)."""
    data = customers.column(column)
    kind = customers.kinds[column]
    if kind is Kind.NUMBER:
        numbers = pc.cast(data, pa.float64())
        whole = pc.equal(numbers, pc.floor(numbers))
        if pc.all(pc.fill_null(whole, True)).as_py():
            data = pc.cast(pc.cast(numbers, pa.int64()), pa.string())
        else:
            data = pc.cast(numbers, pa.string())
    elif kind is Kind.BOOL:
        data = pc.if_else(data, "true", "false")
    elif kind is Kind.DATE:
        data = pc.cast(pc.cast(data, pa.date32()), pa.string())
    elif kind is Kind.EMPTY:
        return [], np.full(len(customers), -1, dtype=np.int64)
    else:
        data = pc.cast(data, pa.string())
    encoded = pc.dictionary_encode(data).combine_chunks()
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    codes = np.where(np.isnan(codes.astype("float64")), -1, codes).astype(np.int64)
    return [str(v) for v in encoded.dictionary.to_pylist()], codes


# --- columns as ordered codes ------------------------------------------------------------------


@dataclass
class _Column:
    """One usable column, read once: numbers (float64, NaN blank) or coded text values."""

    name: str
    kind: Kind
    numbers: Array | None = None  # numbers, and dates as days since the as-of date
    values: list[Any] = field(default_factory=list)  # text: the distinct values
    codes: Array | None = None  # text: index into values, -1 blank
    pair: tuple[float, float] | None = None  # a number column of two values (a 0/1 flag)


@dataclass
class _Feature:
    """A column as ordered codes for one training part: a rule is `code < j` or `code >= j`."""

    column: _Column
    codes: Array  # 0..levels-1, -1 where blank (never meets a rule)
    levels: int
    cuts: list[str]  # numbers: threshold j-1 as written; text: the values in code order

    def condition(self, upper: bool, j: int) -> str:
        """The rule "code >= j" (upper) or "code < j", in the condition language."""
        from portfolio_cli.naming import column_ref, quote

        ref = column_ref(self.column.name)
        kind = self.column.kind
        if kind in (Kind.NUMBER, Kind.DATE):
            threshold = self.cuts[j - 1]
            pair = self.column.pair
            if pair is not None and pair[0] < float(threshold) <= pair[1]:
                # a flag: "SeniorCitizen == 0" says what "SeniorCitizen < 1" means
                return f"{ref} == {_plain(pair[1] if upper else pair[0])}"
            if kind is Kind.DATE:
                ref = f"days_since({ref})"
            return f"{ref} {'>=' if upper else '<'} {threshold}"
        chosen = sorted(self.cuts[j:] if upper else self.cuts[:j])
        if kind is Kind.BOOL:  # two values at most: one on each side of the split
            return f"{ref} == {chosen[0]}"
        if len(chosen) == 1:
            return f"{ref} == {quote(chosen[0])}"
        return f"{ref} in [{', '.join(quote(value) for value in chosen)}]"


def usable_columns(
    customers: CustomerList,
    outcome: str,
    id_column: str,
    as_of: dt.date,
    leave_out: Sequence[str] = (),
) -> tuple[list[_Column], list[Skipped]]:
    """The columns a rule may read, and those it may not (with why)."""
    frame = Frame(customers.data, customers.kinds, as_of)
    columns: list[_Column] = []
    skipped: list[Skipped] = []
    reasons = {id_column: "id", outcome: "outcome"}
    reasons.update({name: "name" for name in leave_out if name not in reasons})
    for name in customers.header:
        if name not in customers.kinds:
            continue
        kind = customers.kinds[name]
        found: _Column | Skipped
        if name in reasons:
            found = Skipped(name, reasons[name])
        elif "`" in name:  # a name with a backtick cannot be written in a condition
            found = Skipped(name, "unwritable")
        elif kind is Kind.EMPTY:
            found = Skipped(name, "empty")
        elif kind in (Kind.NUMBER, Kind.DATE):
            found = _number_column(frame, name, kind, len(customers))
        else:
            found = _text_column(customers, name, kind)
        if isinstance(found, Skipped):
            skipped.append(found)
        else:
            columns.append(found)
    return columns, skipped


def _number_column(frame: Frame, name: str, kind: Kind, size: int) -> _Column | Skipped:
    """A number or date column (dates as days before the as-of date), unless it holds one
    value, is a code (postal, id, coordinates) or an id (whole numbers nearly all distinct)."""
    values = frame.column(name)
    if kind is Kind.DATE:
        numbers = (frame.as_of - values.data.astype("datetime64[D]")) / np.timedelta64(1, "D")
        numbers = np.where(values.null, np.nan, numbers).astype(np.float64)
    else:
        numbers = np.asarray(values.data, dtype=np.float64)
    present = numbers[~np.isnan(numbers)]
    distinct = len(np.unique(present))
    if distinct < 2:
        return Skipped(name, "constant")
    if kind is Kind.NUMBER and _NOT_A_MEASURE.search(name):
        return Skipped(name, "code")
    if (
        kind is Kind.NUMBER
        and size >= 50
        and distinct >= NEAR_UNIQUE * len(present)
        and bool(np.all(present == np.floor(present)))
    ):
        return Skipped(name, "near-unique")
    two = np.unique(present) if distinct == 2 and kind is Kind.NUMBER else None
    pair = None if two is None else (float(two[0]), float(two[1]))
    return _Column(name, kind, numbers=numbers, pair=pair)


def _text_column(customers: CustomerList, name: str, kind: Kind) -> _Column | Skipped:
    """A text or true/false column as coded values, unless it holds one value, too many
    (an id, a name, free text) or nearly one per customer."""
    written, codes = _text_codes(customers, name)
    if len(written) < 2:
        return Skipped(name, "constant")
    if len(written) > MAX_LEVELS:
        return Skipped(name, "too-many-values")
    if len(written) > 2 and len(written) > 0.5 * int((codes >= 0).sum()):
        # on a short list, names and comments have few values but each its own
        return Skipped(name, "near-unique")
    kept: list[Any] = [v == "true" for v in written] if kind is Kind.BOOL else written
    return _Column(name, kind, values=kept, codes=codes)


def _plain(value: float) -> str:
    """3.0 → '3', 2.5 → '2.5': a number as a person types it, read back as the same float."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _readable(value: float, step: float) -> str:
    """A threshold rounded to `step` and written as a person would (no float noise)."""
    rounded = round(value / step) * step
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    text = f"{rounded:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _feature(column: _Column, y: Array, train: Array) -> _Feature | None:
    """Codes for one training part: thresholds from its quantiles, values by its event rates."""
    if column.numbers is not None:
        numbers = column.numbers
        present = numbers[train]
        present = present[~np.isnan(present)]
        if not len(present):
            return None
        quantiles = np.quantile(present, QUANTILES)
        spread = float(quantiles[-1] - quantiles[0]) or float(np.ptp(present)) or 1.0
        step = 10.0 ** (math.floor(math.log10(spread)) - 2)
        if np.all(present == np.floor(present)):
            step = max(step, 1.0)
        written = sorted(
            {_readable(float(q), step) for q in quantiles}, key=lambda text: float(text)
        )
        thresholds = np.array([float(text) for text in written])
        codes = np.searchsorted(thresholds, numbers, side="right").astype(np.int64)
        codes[np.isnan(numbers)] = -1
        return _Feature(column, codes, len(thresholds) + 1, written)
    assert column.codes is not None
    base = column.codes
    count = len(column.values)
    seen = base[train]
    y_seen = y[train]
    known = seen >= 0
    totals = np.bincount(seen[known], minlength=count)
    events = np.bincount(seen[known], weights=y_seen[known], minlength=count)
    present = np.flatnonzero(totals)
    if len(present) < 2:
        return None
    rates = events[present] / totals[present]
    order = present[np.lexsort((-totals[present], rates))]
    rank = np.full(count + 1, -1, dtype=np.int64)  # values unseen in training: never met
    rank[order] = np.arange(len(order))
    codes = rank[np.where(base >= 0, base, count)]
    cuts = [column.values[i] for i in order]
    if column.kind is Kind.BOOL:
        cuts = ["true" if value else "false" for value in cuts]
    return _Feature(column, codes, len(order), cuts)


def _met_counts(feature: _Feature, group: Array, groups: int, rows: Array) -> tuple[Array, Array]:
    """For every split j (1..levels-1), how many customers of each group meet `code < j` and
    `code >= j`: two (groups, levels-1) arrays, from one bincount."""
    levels = feature.levels
    codes = feature.codes[rows]
    flat = group * (levels + 1) + codes + 1  # column 0: blank
    counts = np.bincount(flat, minlength=groups * (levels + 1)).reshape(groups, levels + 1)
    known = counts[:, 1:]
    lower = np.cumsum(known, axis=1)[:, :-1]
    upper = known.sum(axis=1, keepdims=True) - lower
    return lower, upper


def auc_of_levels(good: Array, bad: Array) -> Array:
    """AUC of an integer score from its histograms (last axis: score level, higher is better):
    the chance that a customer without the event scores higher than one with it (ties: half)."""
    good = np.asarray(good, dtype=np.float64)
    bad = np.asarray(bad, dtype=np.float64)
    below = np.cumsum(bad, axis=-1) - bad
    pairs = good.sum(axis=-1) * bad.sum(axis=-1)
    won = (good * (below + 0.5 * bad)).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        result: Array = np.where(pairs > 0, won / np.where(pairs > 0, pairs, 1), np.nan)
    return result


def auc_of_score(score: Array, bad: Array) -> float | None:
    """AUC of an integer score (higher is better) for a bad event; None without both kinds."""
    score = np.asarray(score, dtype=np.int64)
    if not len(score):
        return None
    top = int(score.max()) + 1
    low = int(score.min())
    shifted = score - low
    good_hist = np.bincount(shifted[~bad], minlength=top - low)
    bad_hist = np.bincount(shifted[bad], minlength=top - low)
    value = float(auc_of_levels(good_hist, bad_hist))
    return None if math.isnan(value) else value


# --- choosing ----------------------------------------------------------------------------------


@dataclass
class _Choice:
    feature: _Feature
    upper: bool
    j: int

    @property
    def when(self) -> str:
        return self.feature.condition(self.upper, self.j)


def _criteria(features: list[_Feature], y: Array, rows: Array, min_share: float) -> list[_Choice]:
    """Greedy: the candidate that most raises the AUC of criteria met, one per column."""
    size = len(rows)
    yt = y[rows].astype(np.int64)
    least = max(1, math.ceil(min_share * size))
    score = np.zeros(size, dtype=np.int64)
    chosen: list[_Choice] = []
    best_auc = 0.5
    used: set[str] = set()
    for step in range(MAX_CRITERIA):
        levels = step + 1
        group = score * 2 + yt
        totals = np.bincount(group, minlength=levels * 2).reshape(levels, 2)
        best: tuple[float, _Choice] | None = None
        for feature in features:
            if feature.column.name in used or feature.levels < 2:
                continue
            lower, upper = _met_counts(feature, group, levels * 2, rows)
            for is_upper, met in ((False, lower), (True, upper)):
                met = met.reshape(levels, 2, -1)
                new = np.zeros((levels + 1, 2, met.shape[2]))
                new[:-1] += totals[:, :, None] - met
                new[1:] += met
                covered = met.sum(axis=(0, 1))
                rate_with = met[:, 1].sum(axis=0) / np.maximum(covered, 1)
                rate_without = (totals[:, 1].sum() - met[:, 1].sum(axis=0)) / np.maximum(
                    size - covered, 1
                )
                auc = auc_of_levels(new[:, 0].T, new[:, 1].T)
                fine = (
                    (covered >= least)
                    & (size - covered >= least)
                    & (rate_with < rate_without)
                    & (new[-1].sum(axis=0) >= least)
                    & (new[0].sum(axis=0) >= least)
                    & ~np.isnan(auc)
                )
                if not fine.any():
                    continue
                at = int(np.argmax(np.where(fine, auc, -1.0)))
                if best is None or auc[at] > best[0] + 1e-12:
                    best = (float(auc[at]), _Choice(feature, is_upper, at + 1))
        if best is None or best[0] < best_auc + MIN_GAIN:
            break
        best_auc = best[0]
        choice = best[1]
        chosen.append(choice)
        used.add(choice.feature.column.name)
        score += _meets(choice, rows)
    return chosen


def _meets(choice: _Choice, rows: Array) -> Array:
    codes = choice.feature.codes[rows]
    if choice.upper:
        return (codes >= choice.j).astype(np.int64)
    return ((codes >= 0) & (codes < choice.j)).astype(np.int64)


def _problems(
    features: list[_Feature],
    y: Array,
    rows: Array,
    criteria: list[_Choice],
    min_share: float,
) -> list[_Choice]:
    """Greedy: conditions under which the event is much more frequent, picked by the excess of
    events they move into "unrecoverable", one per column, none on a criterion's column."""
    size = len(rows)
    yt = y[rows].astype(np.int64)
    least = max(1, math.ceil(min_share * size))
    overall = yt.sum() / size
    met = np.zeros(size, dtype=np.int64)
    for choice in criteria:
        met += _meets(choice, rows)
    # state: 0 unrecoverable, 1 easy to satisfy, 2 satisfied (problems not compensable)
    state = np.where(met == 0, 0, np.where(met == len(criteria), 2, 1))
    used = {choice.feature.column.name for choice in criteria}
    chosen: list[_Choice] = []
    for _ in range(MAX_PROBLEMS):
        group = state * 2 + yt
        totals = np.bincount(group, minlength=6).reshape(3, 2)
        best: tuple[float, _Choice] | None = None
        for feature in features:
            if feature.column.name in used or feature.levels < 2:
                continue
            lower, upper = _met_counts(feature, group, 6, rows)
            for is_upper, counts in ((False, lower), (True, upper)):
                counts = counts.reshape(3, 2, -1)
                covered = counts.sum(axis=(0, 1))
                rate_with = counts[:, 1].sum(axis=0) / np.maximum(covered, 1)
                moved = counts[1:].sum(axis=(0, 1))
                moved_events = counts[1:, 1].sum(axis=0)
                excess = moved_events - overall * moved
                satisfied_after = totals[2].sum() - counts[2].sum(axis=0)
                easy_after = totals[1].sum() - counts[1].sum(axis=0)
                fine = (
                    (covered >= least)
                    & (rate_with >= PROBLEM_LIFT * overall)
                    & (moved_events >= PROBLEM_LIFT * overall * np.maximum(moved, 1))
                    & (satisfied_after >= least)
                    & (easy_after >= least)
                    & (excess > 0)
                )
                if not fine.any():
                    continue
                at = int(np.argmax(np.where(fine, excess, -np.inf)))
                if best is None or excess[at] > best[0]:
                    best = (float(excess[at]), _Choice(feature, is_upper, at + 1))
        if best is None:
            break
        choice = best[1]
        chosen.append(choice)
        used.add(choice.feature.column.name)
        state = np.where(_meets(choice, rows) > 0, 0, state)
    return chosen


def _evidence(mask: Array, y: Array, rows: Array) -> Evidence:
    covered_mask = mask[rows]
    yt = y[rows]
    covered = int(covered_mask.sum())
    rest = len(rows) - covered
    return Evidence(
        customers=len(rows),
        covered=covered,
        rate_with=float(yt[covered_mask].mean()) if covered else None,
        rate_without=float(yt[~covered_mask].mean()) if rest else None,
    )


# --- splitting and judging ---------------------------------------------------------------------


def stratified_holdout(y: Array, share: float, seed: int) -> tuple[Array, Array]:
    """(training rows, held-out rows): `share` of each outcome value held out, at random."""
    rng = np.random.default_rng(seed)
    held: list[Array] = []
    for value in (False, True):
        rows = np.flatnonzero(y == value)
        rows = rng.permutation(rows)
        held.append(rows[: round(share * len(rows))])
    chosen = np.zeros(len(y), dtype=bool)
    for rows in held:
        chosen[rows] = True
    return np.flatnonzero(~chosen), np.flatnonzero(chosen)


def stratified_folds(y: Array, folds: int, seed: int) -> Array:
    """A fold number (0..folds-1) per row, each outcome value spread evenly over the folds."""
    rng = np.random.default_rng(seed)
    fold = np.empty(len(y), dtype=np.int64)
    for value in (False, True):
        rows = rng.permutation(np.flatnonzero(y == value))
        fold[rows] = np.arange(len(rows)) % folds
    return fold


def figures(segment: Array, met: Array, bad: Array) -> Figures:
    """Held-out figures: per segment customers, share, events, rate; AUC; the rate ratio."""
    total = len(segment)
    segments: dict[str, dict[str, Any]] = {}
    for code, name in enumerate(SEGMENTS):
        inside = segment == code
        count = int(inside.sum())
        events = int(bad[inside].sum())
        segments[name] = {
            "customers": count,
            "share": count / total if total else None,
            "events": events,
            "rate": events / count if count else None,
        }
    low = segments["satisfied"]["rate"]
    high = segments["unrecoverable"]["rate"]
    ratio = high / low if low and high is not None else None
    return Figures(total, int(bad.sum()), segments, auc_of_score(met, bad), ratio)


def _classified(customers: CustomerList, criteria: Criteria, as_of: dt.date) -> tuple[Array, Array]:
    from portfolio_cli.engine import classify

    result = classify(customers, criteria, as_of)
    return np.asarray(result.segment, dtype=np.int64), np.asarray(result.criteria_met)


# --- the whole command -------------------------------------------------------------------------


def suggest(
    customers: CustomerList,
    outcome: str,
    *,
    id_column: str,
    event: str | None = None,
    seed: int = 0,
    min_share: float = 0.05,
    as_of: dt.date | None = None,
    current: Criteria | None = None,
    leave_out: Sequence[str] = (),
    lang: str | None = None,
) -> Suggestion:
    """Propose criteria and problems for `outcome`, judged on held-out customers.

    `current` (the user's criteria file) is judged on the same customers, and its steps 1, 2 and
    5 are carried over into the file written. Raises `UsageError` for an unknown outcome column
    or event value.
    """
    as_of = as_of or dt.date.today()
    y, known, event_value = _checked_outcome(customers, outcome, event, min_share, current)
    columns, skipped = usable_columns(customers, outcome, id_column, as_of, leave_out)
    rows_known = np.flatnonzero(known)  # rows with a blank outcome are never used
    # columns that say the outcome itself: never read
    columns, copies = _copies(columns, y, rows_known)
    skipped += copies
    base, splits, final_train = _outline(
        len(customers), outcome, event_value, y, rows_known, seed, min_share, skipped
    )
    too_few = _too_few_events(y, splits, outcome, lang)
    if too_few is not None:
        return _replace(base, refused=too_few)
    # the rules written: chosen on the training part (holdout) or on every customer (k-fold)
    criteria, problems = _choose(columns, y, final_train, min_share)
    if not criteria:
        return _replace(base, refused=message("suggest.nothing", lang, column=outcome))
    written = _suggested(criteria, problems, y, final_train)
    file_text = partial(
        render,
        *written,
        id_column=id_column,
        base=current,
        outcome=outcome,
        event=event_value,
        lang=lang,
        skipped=skipped,
    )
    rules = parse_criteria(file_text(), "suggested.yaml")
    _check_masks(customers, rules, criteria + problems, as_of)
    held = np.sort(np.concatenate([test for _, test in splits]))
    if base.method == "kfold":
        mine = _judged_by_folds(customers, columns, y, splits, held, min_share, id_column, as_of)
    else:
        mine = _judged(customers, rules, y, held, as_of)
    theirs = None if current is None else _judged(customers, current, y, held, as_of)
    # the same file, its header now saying how it did on customers it was not chosen on
    text = file_text(judged=(base.method, len(held), mine))
    return _replace(
        base,
        criteria=written[0],
        problems=written[1],
        judged_on=len(held),
        suggested=mine,
        current=theirs,
        text=text,
    )


def _checked_outcome(
    customers: CustomerList,
    outcome: str,
    event: str | None,
    min_share: float,
    current: Criteria | None,
) -> tuple[Array, Array, str]:
    """The request checked (`min_share`, the outcome and its event, a `current` file that does
    not read the outcome), then `outcome_events`: (event happened, outcome known, event)."""
    if not 0 <= min_share < 0.5:
        raise UsageError(Issue("bad-min-share", message("suggest.error.min_share")))
    found = outcome_events(customers, outcome, event)
    if current is not None:
        from portfolio_cli.traits import check_outcome

        check_outcome(current, outcome)
    return found


def _outline(
    size: int,
    outcome: str,
    event: str,
    y: Array,
    rows_known: Array,
    seed: int,
    min_share: float,
    skipped: Sequence[Skipped],
) -> tuple[Suggestion, list[tuple[Array, Array]], Array]:
    """How the customers with a known outcome (`rows_known` of `size`) are split, and what the
    suggestion says before any rule is chosen: (the suggestion so far, the (training rows,
    held-out rows) of each split, the rows the rules written are chosen on)."""
    known = len(rows_known)
    kfold = known < SMALL_LIST
    splits, final_train, trained_on = _split(y, rows_known, kfold, seed)
    outline = Suggestion(
        outcome=outcome,
        event=event,
        customers=known,
        events=int(y[rows_known].sum()),
        unknown=int(size - known),
        method="kfold" if kfold else "holdout",
        seed=seed,
        folds=FOLDS if kfold else 1,
        trained_on=trained_on,
        judged_on=0,
        min_share=min_share,
        skipped=tuple(skipped),
    )
    return outline, splits, final_train


def _split(
    y: Array, rows_known: Array, kfold: bool, seed: int
) -> tuple[list[tuple[Array, Array]], Array, int]:
    """(training rows, held-out rows) per split, the rows the written rules are chosen on, and
    how many customers that is said to be: FOLDS folds of a small list, else one held-out part."""
    size = len(rows_known)
    yk = y[rows_known]
    if kfold:
        fold_of = stratified_folds(yk, FOLDS, seed)
        splits = [(rows_known[fold_of != f], rows_known[fold_of == f]) for f in range(FOLDS)]
        return splits, rows_known, round(size * (FOLDS - 1) / FOLDS)
    train_local, test_local = stratified_holdout(yk, HOLDOUT, seed)
    splits = [(rows_known[train_local], rows_known[test_local])]
    return splits, splits[0][0], len(splits[0][0])


def _too_few_events(
    y: Array, splits: list[tuple[Array, Array]], outcome: str, lang: str | None
) -> str | None:
    """Why nothing is suggested when a training part has fewer than MIN_EVENTS events (or
    non-events); None when every part has enough."""
    fewest = min(min(int(y[train].sum()), int((~y[train]).sum())) for train, _ in splits)
    if fewest >= MIN_EVENTS:
        return None
    return plural("suggest.too_few", fewest, lang, least=MIN_EVENTS, column=outcome)


def _judged(
    customers: CustomerList, criteria: Criteria, y: Array, held: Array, as_of: dt.date
) -> Figures:
    """A criteria file as written, judged on the held-out customers."""
    segment, met = _classified(customers, criteria, as_of)
    return figures(segment[held], met[held], y[held])


def _judged_by_folds(
    customers: CustomerList,
    columns: list[_Column],
    y: Array,
    splits: list[tuple[Array, Array]],
    held: Array,
    min_share: float,
    id_column: str,
    as_of: dt.date,
) -> Figures:
    """The method judged by k-fold: each fold classified by rules chosen on the other folds (a
    fold whose training part gives no criterion counts as unrecoverable, no criterion met)."""
    segment, met = np.zeros(len(customers), np.int64), np.zeros(len(customers), np.int64)
    for train, test in splits:
        fold_criteria, fold_problems = _choose(columns, y, train, min_share)
        if not fold_criteria:
            segment[test], met[test] = 2, 0
            continue
        fold_rules = parse_criteria(
            render(*_suggested(fold_criteria, fold_problems, y, train), id_column=id_column),
            "fold.yaml",
        )
        fold_segment, fold_met = _classified(customers, fold_rules, as_of)
        segment[test], met[test] = fold_segment[test], fold_met[test]
    return figures(segment[held], met[held], y[held])


def _replace(suggestion: Suggestion, **changes: Any) -> Suggestion:
    from dataclasses import replace

    return replace(suggestion, **changes)


def _choose(
    columns: list[_Column], y: Array, train: Array, min_share: float
) -> tuple[list[_Choice], list[_Choice]]:
    features = [f for f in (_feature(c, y, train) for c in columns) if f is not None]
    criteria = _criteria(features, y, train, min_share)
    problems = _problems(features, y, train, criteria, min_share) if criteria else []
    return criteria, problems


def _suggested(
    criteria: list[_Choice], problems: list[_Choice], y: Array, train: Array
) -> tuple[tuple[Suggested, ...], tuple[Suggested, ...]]:
    from portfolio_cli.naming import make_key

    taken: set[str] = set()
    out: list[list[Suggested]] = [[], []]
    for target, choices in zip(out, (criteria, problems), strict=True):
        for choice in choices:
            key = make_key(choice.feature.column.name, taken)
            taken.add(key)
            size = len(choice.feature.codes)
            mask = np.zeros(size, dtype=bool)
            mask[train] = _meets(choice, train) > 0
            target.append(
                Suggested(key, choice.when, choice.feature.column.name, _evidence(mask, y, train))
            )
    return tuple(out[0]), tuple(out[1])


def _copies(columns: list[_Column], y: Array, rows: Array) -> tuple[list[_Column], list[Skipped]]:
    """Columns equal to the outcome on more than COPY_AGREEMENT of rows (some threshold or set of
    values of theirs says the outcome), left out and named."""
    kept: list[_Column] = []
    copies: list[Skipped] = []
    size = len(rows)
    if not size:
        return columns, []
    yt = y[rows].astype(np.int64)
    events = int(yt.sum())
    for column in columns:
        feature = _feature(column, y, rows)
        if feature is None or feature.levels < 2:
            kept.append(column)
            continue
        lower, upper = _met_counts(feature, yt, 2, rows)
        # agreement of "meets ⇔ event": events met + non-events not met
        agree = np.concatenate(
            [
                lower[1] + (size - events - lower[0]),
                upper[1] + (size - events - upper[0]),
            ]
        )
        best = float(agree.max()) / size
        if best > COPY_AGREEMENT:
            copies.append(Skipped(column.name, "copy", f"{best * 100:.1f}"))
        else:
            kept.append(column)
    return kept, copies


def _check_masks(
    customers: CustomerList, rules: Criteria, chosen: list[_Choice], as_of: dt.date
) -> None:
    """Each rule as written reads back as the very customers it was chosen for (a guard against
    a threshold written differently from the one scored)."""
    frame = Frame(customers.data, customers.kinds, as_of)
    for rule, choice in zip(rules.rules(), chosen, strict=True):
        tri = compile_condition(rule.condition)(frame)
        everyone = np.arange(len(customers))
        expected = _meets(choice, everyone) > 0
        if not np.array_equal(tri.true, expected):  # pragma: no cover - a bug, not a user error
            raise AssertionError(f"rule {rule.key} reads differently once written: {rule.when}")


# --- the criteria file -------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{decimal(value * 100, 1)} %"


def evidence_text(evidence: Evidence, outcome: str, event: str, lang: str | None = None) -> str:
    """`churn=Yes 9.8 % with, 41.2 % without; 2,047 customers (41.5 %)` in the language."""
    share = evidence.covered / evidence.customers if evidence.customers else 0.0
    return message(
        "suggest.evidence",
        lang,
        outcome=outcome,
        event=event,
        rate_with=_percent(evidence.rate_with),
        rate_without=_percent(evidence.rate_without),
        covered=evidence.covered,
        share=_percent(share),
    )


def render(
    criteria: Sequence[Suggested],
    problems: Sequence[Suggested],
    *,
    id_column: str,
    base: Criteria | None = None,
    outcome: str = "",
    event: str = "",
    lang: str | None = None,
    skipped: Sequence[Skipped] = (),
    judged: tuple[str, int, Figures] | None = None,
) -> str:
    """A complete criteria file: steps 1, 2 and 5 from `base` (or comments to fill in), the
    suggested criteria and problems, each with a comment giving its evidence; `judged` (method,
    customers, figures) adds how the rules did on customers they were not chosen on."""
    from portfolio_cli.naming import quote

    lines = _file_header(outcome, event, lang, skipped, judged)
    lines += ["version: 1", "", "customers:", f"  id: {quote(id_column)}"]
    if base is not None and base.customers.name:
        lines.append(f"  name: {quote(base.customers.name)}")
    lines.append("")
    lines += _satisfaction_lines(base, lang)
    lines.append("")
    lines += _listening_lines(base, lang)
    lines += ["", f"criteria:                    # {message('init.file_step3', lang)}"]
    for rule in criteria:
        lines += _rule_lines(rule, outcome, event, lang)
    if problems:
        lines += ["", f"problems:                    # {message('init.file_step4', lang)}"]
        for rule in problems:
            lines += _rule_lines(rule, outcome, event, lang)
    else:
        lines += ["", f"problems: []                 # {message('init.file_step4', lang)}"]
    lines.append("")
    lines += _policy_lines(base, len(criteria), lang)
    if base is not None:
        lines += _carried_lines(base)
    return "\n".join(lines) + "\n"


def _file_header(
    outcome: str,
    event: str,
    lang: str | None,
    skipped: Sequence[Skipped],
    judged: tuple[str, int, Figures] | None,
) -> list[str]:
    """The comments above the file: what it learned from, how it did on held-out customers
    (`judged`), how to read the evidence, and the columns left out as copies of the outcome."""
    lines = [f"# {message('suggest.file_header', lang, outcome=outcome, event=event)}"]
    if judged is not None:
        method, count, found = judged
        rates = found.segments
        lines.append(
            "# "
            + message(
                "suggest.file_kfold" if method == "kfold" else "suggest.file_judged",
                lang,
                count=count,
                auc="-" if found.auc is None else decimal(found.auc, 3, lang),
                satisfied=_percent(rates["satisfied"]["rate"]),
                easy=_percent(rates["easy_to_satisfy"]["rate"]),
                unrecoverable=_percent(rates["unrecoverable"]["rate"]),
            )
        )
    lines.append(f"# {message('suggest.file_evidence', lang)}")
    lines.append(f"# {message('suggest.file_check', lang)}")
    copies = [s.column for s in skipped if s.reason == "copy"]
    if copies:
        lines.append(f"# {message('suggest.file_copies', lang, columns=', '.join(copies))}")
    return lines


def _satisfaction_lines(base: Criteria | None, lang: str | None) -> list[str]:
    """Step 1, from `base` when it says it, else a comment to fill in."""
    from portfolio_cli.naming import quote

    step = message("init.file_step1", lang)
    satisfaction = base.satisfaction if base is not None else None
    if satisfaction is None or not (satisfaction.definition or satisfaction.defined_by):
        return [
            f"satisfaction: {{}}             # {step}",
            f'  # definition: "..."         # {message("suggest.file_fill_definition", lang)}',
            "  # defined_by: you          # you | customer | implicit | together",
        ]
    lines = [f"satisfaction:                # {step}"]
    if satisfaction.definition:
        lines.append(f"  definition: {quote(satisfaction.definition)}")
    if satisfaction.defined_by:
        lines.append(f"  defined_by: {satisfaction.defined_by}")
    return lines


def _listening_lines(base: Criteria | None, lang: str | None) -> list[str]:
    """Step 2, from `base` when it says it, else a comment to fill in."""
    from portfolio_cli.naming import quote

    step = message("init.file_step2", lang)
    listening = base.listening if base is not None else None
    if listening is None or not (listening.last_done or listening.nps):
        return [
            f"listening: {{}}                # {step}",
            f"  # last_done: YYYY-MM-DD    # {message('init.file_never', lang)}",
            "  # every_months: 12",
        ]
    lines = [f"listening:                   # {step}"]
    if listening.last_done is not None:
        lines.append(f"  last_done: {listening.last_done.isoformat()}")
    lines.append(f"  every_months: {listening.every_months}")
    if listening.nps:
        lines.append(f"  nps: {quote(listening.nps)}")
    return lines


def _policy_lines(base: Criteria | None, criteria: int, lang: str | None) -> list[str]:
    """Step 5, from `base` when it says it (`compensate_with` no more than the `criteria`
    suggested), else a comment to fill in."""
    from portfolio_cli.naming import quote

    step = message("init.file_step5", lang)
    policy = base.policy if base is not None else None
    if policy is None or not (policy.order_by or policy.compensate_with is not None):
        return [
            f"policy: {{}}                   # {step}",
            f'  # order_by: ["column desc"]  # {message("suggest.file_fill_order", lang)}',
        ]
    lines = [f"policy:                      # {step}"]
    if policy.compensate_with is not None:
        lines.append(f"  compensate_with: {min(policy.compensate_with, max(1, criteria))}")
    if policy.order_by:
        keys = ", ".join(quote(str(key)) for key in policy.order_by)
        lines.append(f"  order_by: [{keys}]")
    return lines


def _carried_lines(base: Criteria) -> list[str]:
    """What else `base` says and the file keeps: actions other than the defaults, orders."""
    from portfolio_cli.naming import quote

    lines: list[str] = []
    defaults = [{name: message(f"action.{name}", code) for name in SEGMENTS} for code in LANGS]
    if base.actions not in defaults:
        lines += ["", "actions:"]
        lines += [f"  {name}: {quote(base.actions[name])}" for name in SEGMENTS]
    if base.orders is not None:
        lines += [
            "",
            "orders:",
            f"  customer: {quote(base.orders.customer)}",
            f"  date: {quote(base.orders.date)}",
            f"  amount: {quote(base.orders.amount)}",
        ]
    return lines


def yaml_text(text: str) -> str:
    """A YAML scalar for a condition: single-quoted (its double quotes stay as they are)."""
    return "'" + text.replace("'", "''") + "'"


def _rule_lines(rule: Suggested, outcome: str, event: str, lang: str | None) -> list[str]:
    lines = []
    if outcome:
        lines.append(f"  # {evidence_text(rule.evidence, outcome, event, lang)}")
    lines += [
        f"  - key: {rule.key}",
        f"    label: {yaml_text(rule.when)}",
        f"    when: {yaml_text(rule.when)}",
    ]
    return lines


__all__ = [
    "Evidence",
    "Figures",
    "Skipped",
    "Suggested",
    "Suggestion",
    "auc_of_score",
    "outcome_events",
    "render",
    "suggest",
]
