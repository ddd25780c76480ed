"""Rules × customers → segments, priority and the portfolio summary, on whole columns.

Step 5 of the method: for each customer, which criteria are met and which problems apply;
problems marked compensable are compensated when enough criteria are met; then the segment, a
total and stable priority rank, and the portfolio's quality and NPS.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from portfolio_cli.conditions.check import check_condition, text_orderings
from portfolio_cli.conditions.evaluate import Frame, Tri, compile_condition
from portfolio_cli.conditions.kinds import Kind, unknown_column_message
from portfolio_cli.conditions.tree import ExpressionError, caret
from portfolio_cli.criteria import SEGMENTS, Criteria, Rule
from portfolio_cli.errors import CriteriaError, InputError, Issue
from portfolio_cli.messages import message, plural
from portfolio_cli.readers import CustomerList, ReadInfo, row_numbers
from portfolio_cli.result import NO_CRITERION, Answers, Summary, nps_of_counts

if TYPE_CHECKING:
    import pandas as pd

Array = np.ndarray[Any, Any]
_NO_INFO = ReadInfo("", "")
SATISFIED, EASY, UNRECOVERABLE = 0, 1, 2


@dataclass(frozen=True)
class RuleResult:
    """One criterion or problem over the whole list: where it holds, where it is unknown."""

    rule: Rule
    is_problem: bool
    met: Array
    unknown: Array


@dataclass(frozen=True)
class Coded:
    """A column of a few distinct texts: each row's code into `labels`."""

    codes: Array
    labels: list[str]

    @classmethod
    def small(cls, codes: Array, labels: list[str]) -> Coded:
        """Codes in the narrowest integer that holds them (as pandas keeps a categorical's):
        the streaming path holds a whole file's codes."""
        width = np.int8 if len(labels) <= 127 else np.int16 if len(labels) <= 32767 else np.int32
        return cls(codes.astype(width, copy=False), labels)

    def take(self, order: Array) -> Coded:
        return Coded(self.codes[order], self.labels)

    def arrow(self) -> pa.DictionaryArray:
        return pa.DictionaryArray.from_arrays(
            pa.array(self.codes), pa.array(self.labels, type=pa.string())
        )

    def categorical(self) -> pd.Categorical[Any]:
        import pandas as pd

        return pd.Categorical.from_codes(self.codes, categories=pd.Index(self.labels, dtype=object))


@dataclass(frozen=True)
class Output:
    """The output columns in priority order: id and name as read, then `OUTPUT_COLUMNS`."""

    shown: dict[str, pa.ChunkedArray]
    segment: Coded
    priority: Array
    criteria_met: Array
    keys: dict[str, Coded]  # criteria, problems, compensated
    action: Coded

    def table(self) -> pa.Table:
        """As an Arrow table; segments, keys and actions dictionary-encoded."""
        columns: dict[str, Any] = {}
        for name, array in self.shown.items():
            large = pa.types.is_large_string(array.type)
            columns[name] = array.cast(pa.string()) if large else array
        columns["segment"] = self.segment.arrow()
        columns["priority"] = pa.array(self.priority)
        columns["criteria_met"] = pa.array(self.criteria_met)
        for name, coded in self.keys.items():
            columns[name] = coded.arrow()
        columns["action"] = self.action.arrow()
        return pa.table(columns)

    def frame(self) -> pd.DataFrame:
        """As a DataFrame; segments, keys and actions as categoricals."""
        import pandas as pd

        columns: dict[str, Any] = {name: array.to_pandas() for name, array in self.shown.items()}
        columns["segment"] = self.segment.categorical()
        columns["priority"] = self.priority
        columns["criteria_met"] = self.criteria_met
        for name, coded in self.keys.items():
            columns[name] = coded.categorical()
        columns["action"] = self.action.categorical()
        # the columns were made here for this frame: no copy of them (pandas copies a dict's)
        return pd.DataFrame(columns, index=pd.RangeIndex(len(self.priority)), copy=False)


@dataclass(frozen=True)
class Figures:
    """Each customer's figures, in input order, and `order` (the rows in priority order)."""

    order: Array
    segment: Array
    priority: Array
    criteria_met: Array
    active: Array
    compensated: Array


@dataclass(frozen=True)
class Classification(Figures):
    """The result of `classify`: each customer's figures, and what is made of them.

    `output` holds the output columns in priority order (rank 1 first); lists are joined with
    `|`; `customers` is the same as a DataFrame. `results`, like the figures, are in input
    order, for `explain` and reports.
    """

    output: Output
    summary: Summary
    results: tuple[RuleResult, ...]

    @cached_property
    def customers(self) -> pd.DataFrame:
        """The output columns as a DataFrame, made on first use."""
        return self.output.frame()


def bind(
    criteria: Criteria,
    kinds: Mapping[str, Kind],
    header: Sequence[str] | None = None,
    why_text: Callable[[str, bool], str | None] | None = None,
    why_not_dates: Callable[[str], str | None] | None = None,
) -> None:
    """Check every name and type the criteria file uses against the input's columns.

    `kinds` holds the columns read; `header` every column of the input (for suggestions);
    `why_text(column, decimal_hint)` says why a column of numbers was read as text (its first
    cells that are not numbers, or the currencies it mixes), or None for a real text column;
    `why_not_dates(column)` the same for a column of dates read as text (`days_since()`).
    Raises `CriteriaError` listing every problem: unknown columns with suggestions, text compared
    with numbers (naming the rule and the column), a non-numeric NPS column.
    """
    names = list(header) if header is not None else list(kinds)
    issues: list[Issue] = []
    named = {
        "customers.name": criteria.customers.name,
        "listening.nps": criteria.listening.nps,
    }
    for path, column in named.items():
        if column and column not in kinds:
            issues.append(
                Issue("unknown-column", unknown_column_message(column, names), criteria.place(path))
            )
    nps = criteria.listening.nps
    if nps and kinds.get(nps) not in (None, Kind.NUMBER, Kind.EMPTY):
        issues.append(
            Issue(
                "type-mismatch",
                message("engine.nps_kind", column=nps, kind=kinds[nps].label),
                criteria.place("listening.nps"),
            )
        )
    for index, key in enumerate(criteria.policy.order_by):
        if key.column not in kinds:
            issues.append(
                Issue(
                    "unknown-column",
                    unknown_column_message(key.column, names),
                    criteria.place(f"policy.order_by[{index}]"),
                )
            )
    # A criterion set aside (the fourth and later) is checked like a kept one: it is what the
    # user will move up next, and a typo in it must not wait until then.
    for rule in criteria.rules() + criteria.set_aside:
        try:
            check_condition(rule.condition, kinds, names)
        except ExpressionError as exc:
            text = exc.message
            if exc.parts.get("needs") == "dates":  # days_since(), or a date, of a text column
                parts = {k: v for k, v in exc.parts.items() if k != "needs"}
                reason = why_not_dates(exc.column) if why_not_dates and exc.column else None
                if reason is not None:
                    because = (
                        "engine.not_dates_because" if "function" in parts else "engine.text_because"
                    )
                    text = message(because, reason=reason, **parts)
            elif why_text is not None and exc.column:
                reason = why_text(exc.column, True)
                if reason is not None:
                    text = message("engine.text_because", reason=reason, **exc.parts)
            issues.append(Issue(exc.code, text, rule.where, caret(rule.when, exc.span)))
            continue
        for node, ordered, parts in text_orderings(rule.condition, kinds):
            # `amount > "1000"` orders text: an error when the column is one of numbers
            reason = why_text(ordered.name, False) if why_text is not None else None
            if reason is not None:
                text = message("engine.text_ordering", reason=reason, **parts)
                issues.append(Issue("type-mismatch", text, rule.where, caret(rule.when, node.span)))
    if issues:
        raise CriteriaError(issues)


def _why_text(customers: CustomerList, column: str, decimal_hint: bool) -> str | None:
    from portfolio_cli.readers import why_text

    if column not in customers.columns:
        return None
    values = customers.column(column).cast(pa.string())
    # compared with a number (decimal_hint): the cells that are not numbers are named even
    # when they are half the column; a quoted value only when most cells are numbers
    return why_text(values, decimal_hint=decimal_hint, first=customers.info, most=not decimal_hint)


def _why_not_dates(customers: CustomerList, column: str) -> str | None:
    from portfolio_cli.readers import why_not_dates

    if column not in customers.columns:
        return None
    values = customers.column(column).cast(pa.string())
    return why_not_dates(values, first=customers.info)


def checked_input(
    customers: CustomerList | pd.DataFrame, criteria: Criteria
) -> tuple[CustomerList, Mapping[str, Kind]]:
    """The list to classify (a DataFrame built by hand is wrapped) and its column kinds,
    checked against every name and type the criteria file uses (see `bind`). Every engine
    starts here."""
    header: Sequence[str]
    if isinstance(customers, CustomerList):
        data, kinds, header = customers, customers.kinds, customers.header
    else:
        kinds = kinds_of(customers)
        data = CustomerList(customers, kinds, (), pa.table({}), _NO_INFO, "")
        header = [str(c) for c in customers.columns]
    if criteria.customers.id not in data.columns:
        raise InputError(
            Issue("unknown-column", unknown_column_message(criteria.customers.id, header))
        )
    bind(
        criteria,
        kinds,
        header,
        lambda column, hint: _why_text(data, column, hint),
        lambda column: _why_not_dates(data, column),
    )
    return data, kinds


def classify(
    customers: CustomerList | pd.DataFrame,
    criteria: Criteria,
    as_of: dt.date | None = None,
) -> Classification:
    """Classify every customer; `as_of` (default today) is the date `days_since` counts to."""
    as_of = as_of or dt.date.today()
    data, kinds = checked_input(customers, criteria)
    size = len(data)
    columns = Frame(data.data, kinds, as_of)
    results = tuple(
        _evaluate(rule, is_problem, columns)
        for is_problem, rules in ((False, criteria.criteria), (True, criteria.problems))
        for rule in rules
    )
    criteria_results = [r for r in results if not r.is_problem]
    problem_results = [r for r in results if r.is_problem]
    criteria_met = np.zeros(size, dtype=np.int8)
    for result in criteria_results:
        criteria_met += result.met
    enough = criteria_met >= criteria.compensate_with
    active_masks = [r.met & ~(enough if r.rule.compensable else False) for r in problem_results]
    compensated_masks = [
        r.met & enough if r.rule.compensable else _none(size) for r in problem_results
    ]
    active = _count(active_masks, size)
    compensated = _count(compensated_masks, size)
    segment = np.select(
        [
            active > 0,
            (criteria_met == len(criteria_results)) & (compensated == 0),
            criteria_met > 0,
        ],
        [UNRECOVERABLE, SATISFIED, EASY],
        default=UNRECOVERABLE,
    ).astype(np.int8)
    id_rank = None
    if data.id_column == criteria.customers.id:
        id_rank = data.id_rank  # the reader's rank of these very ids
    order = _priority_order(data, kinds, criteria, criteria_met, active, compensated, id_rank)
    priority = np.empty(size, dtype=np.int64)
    priority[order] = np.arange(1, size + 1)
    nps = nps_scores(data, criteria)
    summary = _summary(
        criteria, as_of, results, segment, active_masks, problem_results, criteria_met, nps
    )
    figures = Figures(order, segment, priority, criteria_met, active, compensated)
    return assemble(data, criteria, results, figures, active_masks, compensated_masks, summary)


def assemble(
    data: CustomerList,
    criteria: Criteria,
    results: Sequence[RuleResult],
    figures: Figures,
    active_masks: Sequence[Array],
    compensated_masks: Sequence[Array],
    summary: Summary,
) -> Classification:
    """The result every engine returns (`Classification`), from its rule results, per-customer
    figures and summary: the output columns in priority order, the one source of every writer.
    `active_masks`/`compensated_masks`: per problem, where it is active or compensated."""
    size = len(figures.segment)
    criteria_results = [r for r in results if not r.is_problem]
    problem_results = [r for r in results if r.is_problem]
    output = _output(
        data,
        criteria,
        figures.order,
        figures.segment,
        figures.priority,
        figures.criteria_met,
        [
            _keys(criteria_results, [r.met for r in criteria_results], size),
            _keys(problem_results, active_masks, size),
            _keys(problem_results, compensated_masks, size),
        ],
    )
    return Classification(
        output=output,
        summary=summary,
        results=tuple(results),
        **vars(figures),
    )


def kinds_of(frame: pd.DataFrame) -> dict[str, Kind]:
    """Column kinds of a DataFrame built by hand (library use), from its dtypes."""
    import pandas as pd

    kinds: dict[str, Kind] = {}
    for name, series in frame.items():
        if series.isna().all():
            kinds[str(name)] = Kind.EMPTY
        elif pd.api.types.is_bool_dtype(series.dtype):
            kinds[str(name)] = Kind.BOOL
        elif pd.api.types.is_numeric_dtype(series.dtype):
            kinds[str(name)] = Kind.NUMBER
        elif pd.api.types.is_datetime64_any_dtype(series.dtype):
            kinds[str(name)] = Kind.DATE
        else:
            kinds[str(name)] = Kind.TEXT
    return kinds


def _none(size: int) -> Array:
    return np.zeros(size, dtype=bool)


def _count(masks: Sequence[Array], size: int) -> Array:
    total = np.zeros(size, dtype=np.int16)
    for mask in masks:
        total += mask
    return total


def _evaluate(rule: Rule, is_problem: bool, frame: Frame) -> RuleResult:
    tri: Tri = compile_condition(rule.condition)(frame)
    return RuleResult(
        rule, is_problem, np.ascontiguousarray(tri.true), np.ascontiguousarray(tri.unknown)
    )


def _priority_order(
    frame: CustomerList,
    kinds: Mapping[str, Kind],
    criteria: Criteria,
    criteria_met: Array,
    active: Array,
    compensated: Array,
    id_rank: Array | None = None,
) -> Array:
    """Positions in priority order: more criteria, fewer active then compensated problems,
    then `policy.order_by` (missing values last either way), then the id compared as text
    (`id_rank` when the reader already ranked the ids)."""
    order_by = [
        (frame.column(key.column), key.descending)
        for key in criteria.policy.order_by
        if kinds[key.column] is not Kind.EMPTY
    ]
    ids: pa.Array | Array
    if id_rank is not None and len(id_rank) == len(frame):
        ids = id_rank
    else:
        ids = pc.cast(frame.column(criteria.customers.id), pa.string())
    return priority_order(len(criteria.criteria), criteria_met, active, compensated, order_by, ids)


def priority_order(
    criteria_count: int,
    criteria_met: Array,
    active: Array,
    compensated: Array,
    order_by: Sequence[tuple[pa.Array | pa.ChunkedArray, bool]],
    ids: pa.Array | pa.ChunkedArray | Array,
) -> Array:
    """Positions in priority order from the compact per-row rank key (also used by the
    streaming path, which keeps only these columns for a whole file).

    `order_by` holds (values, descending) pairs; missing values sort last either way. `ids`
    are the ids, or (a numpy array) their distinct ranks as text, from 1.
    """
    if not len(criteria_met):
        return np.zeros(0, dtype=np.int64)
    keys: list[Array] = [criteria_count - criteria_met.astype(np.int64), active, compensated]
    for values, descending in order_by:
        keys.append(_dense_rank(values, descending))
    if isinstance(ids, np.ndarray):
        keys.append(ids)
    else:
        keys.append(np.asarray(pc.rank(ids, tiebreaker="first"), dtype=np.int64))
    return _sort_by(keys, distinct=True)


# Up to this many rows numbers are ranked with numpy: about 0.1 s faster than Arrow per million,
# for ~30 bytes a row more at the peak; a streamed file of 5M rows keeps Arrow's leaner rank
# (measured: 750 against 900 MiB peak at 5M, same time).
_NUMPY_RANK = 2_000_000


def _dense_rank(values: pa.Array | pa.ChunkedArray, descending: bool) -> Array:
    """Each value's dense rank from 1 (equal values share one), missing values last.

    Numbers go through one numpy sort (`np.unique`), faster than Arrow's rank on a million
    floats; other kinds (text, dates, true/false) and very long columns through Arrow's rank,
    which gives the same ranks.
    """
    kind = values.type
    if not (pa.types.is_floating(kind) or pa.types.is_integer(kind)) or len(values) > _NUMPY_RANK:
        return _arrow_rank(values, descending)
    complete = values.null_count == 0
    numbers = np.asarray(values if complete else pc.fill_null(values, 0))
    valid = None if complete else np.asarray(pc.is_valid(values), dtype=bool)
    present = numbers if valid is None else numbers[valid]
    if present.dtype.kind == "f" and np.isnan(present).any():
        return _arrow_rank(values, descending)  # NaN (from Parquet): Arrow's own order
    distinct, inverse = np.unique(present, return_inverse=True)
    count = len(distinct)
    del distinct, present
    ranks = inverse.astype(np.int64, copy=False).reshape(-1)
    if descending:
        np.subtract(count, ranks, out=ranks)
    else:
        ranks += 1
    if valid is None:
        return ranks
    full = np.full(len(numbers), count + 1, dtype=np.int64)
    full[valid] = ranks
    return full


def _arrow_rank(values: pa.Array | pa.ChunkedArray, descending: bool) -> Array:
    order = "descending" if descending else "ascending"
    return np.asarray(pc.rank(values, sort_keys=order, tiebreaker="dense"), dtype=np.int64)


def _sort_by(keys: Sequence[Array], distinct: bool = False) -> Array:
    """Stable order by several non-negative integer keys, most significant first.

    Neighbouring keys are packed into as few int64 words as their ranges allow (usually one),
    so one sort replaces a multi-key lexsort. `distinct` says that the last key never repeats
    (the ids' ranks): one word then holds no two equal values, so numpy's default sort (SIMD,
    several times faster) gives the stable order.
    """
    words: list[Array] = []
    word: Array | None = None
    span = 1
    for key in keys:
        size = int(key.max()) + 1
        if word is not None and span * size < 2**62:
            word *= size
            word += key
            span *= size
        else:
            if word is not None:
                words.append(word)
            word, span = key.astype(np.int64), size
    assert word is not None
    words.append(word)
    if len(words) == 1:
        return np.argsort(words[0], kind=None if distinct else "stable").astype(
            np.int64, copy=False
        )
    return np.lexsort(words[::-1]).astype(np.int64, copy=False)


def _keys(results: Sequence[RuleResult], masks: Sequence[Array], size: int) -> Coded:
    """For each customer, the keys whose mask is set, joined with '|' (coded)."""
    if not masks or not size:
        return Coded(np.zeros(size, dtype=np.int8), [""] if size else [])
    if len(masks) <= 16:
        # each customer's set of keys as a small number: the distinct ones by counting, not
        # by sorting a million words (same categories, same order as np.unique gives)
        code = np.zeros(size, dtype=np.int32)
        for bit, mask in enumerate(masks):
            code |= mask.astype(np.int32) << bit
        present = np.flatnonzero(np.bincount(code, minlength=1 << len(masks)))
        lookup = np.zeros(1 << len(masks), dtype=np.int32)
        lookup[present] = np.arange(len(present), dtype=np.int32)
        labels = [
            "|".join(r.rule.key for bit, r in enumerate(results) if value >> bit & 1)
            for value in present
        ]
        return Coded.small(lookup[code], labels)
    bits = np.packbits(np.column_stack(masks), axis=1, bitorder="little")
    width = -(-bits.shape[1] // 8) * 8
    padded = np.zeros((size, width), dtype=np.uint8)
    padded[:, : bits.shape[1]] = bits
    words = padded.view(np.uint64)
    if words.shape[1] == 1:
        unique, inverse = np.unique(words[:, 0], return_inverse=True)
        unique = unique.reshape(-1, 1)
    else:
        unique, inverse = np.unique(words, axis=0, return_inverse=True)
    flags = np.unpackbits(unique.view(np.uint8), axis=1, bitorder="little")[:, : len(results)]
    labels = [
        "|".join(r.rule.key for r, on in zip(results, row, strict=True) if on) for row in flags
    ]
    return Coded.small(inverse.reshape(-1), labels)


def _take_columns(frame: CustomerList, names: list[str], order: Array) -> list[pa.ChunkedArray]:
    """The named columns in `order`; large text columns side by side (Arrow's take, which
    releases the GIL, is most of the output's time: a gather of a million strings each)."""
    indices = pa.array(order)
    if len(order) < 50_000 or len(names) < 2:
        return [frame.column(name).take(indices) for name in names]
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        return list(pool.map(lambda name: frame.column(name).take(indices), names))


def _output(
    frame: CustomerList,
    criteria: Criteria,
    order: Array,
    segment: Array,
    priority: Array,
    criteria_met: Array,
    keys: list[Coded],
) -> Output:
    shown = [criteria.customers.id] + ([criteria.customers.name] if criteria.customers.name else [])
    # two segments may share one piece of advice: labels must be unique
    advice = list(dict.fromkeys(criteria.actions[s] for s in SEGMENTS))
    codes = np.array([advice.index(criteria.actions[s]) for s in SEGMENTS], dtype=np.int8)
    in_order = segment[order]
    return Output(
        shown=dict(zip(shown, _take_columns(frame, shown, order), strict=True)),
        segment=Coded(in_order, list(SEGMENTS)),
        priority=priority[order],
        criteria_met=criteria_met[order].astype(np.int64),
        keys={
            name: coded.take(order)
            for name, coded in zip(("criteria", "problems", "compensated"), keys, strict=True)
        },
        action=Coded(codes[in_order], advice),
    )


def scores_of(customers: CustomerList, column: str) -> Array:
    """A number column as float64, NaN where missing."""
    values = pc.cast(customers.column(column), pa.float64())
    if values.null_count:
        values = pc.fill_null(values, np.nan)
    return np.asarray(values.to_numpy(), dtype=np.float64)


def nps_scores(frame: CustomerList, criteria: Criteria) -> Array | None:
    """The NPS column's answers as floats (NaN: no answer), or None without an NPS column; an
    answer outside 0-10 is the input's error, naming the rows."""
    column = criteria.listening.nps
    if not column:
        return None
    scores = scores_of(frame, column)
    outside = ~np.isnan(scores) & ((scores < 0) | (scores > 10))
    if outside.any():
        positions = np.flatnonzero(outside)
        rows = row_numbers(positions.tolist(), first=frame.info)
        values = ", ".join(f"{v:g}" for v in scores[positions[:3]])
        text = plural("engine.nps_range", len(positions), column=column, rows=rows, values=values)
        raise InputError(Issue("bad-score", text))
    return scores


def net_promoter_score(scores: Array) -> float | None:
    """NPS = % promoters (9-10) − % detractors (0-6) among those who answered, or None."""
    answered = scores[~np.isnan(scores)]
    promoters = np.count_nonzero(answered >= 9)
    detractors = np.count_nonzero(answered <= 6)
    return nps_of_counts(int(promoters), int(detractors), len(answered))


def _summary(
    criteria: Criteria,
    as_of: dt.date,
    results: tuple[RuleResult, ...],
    segment: Array,
    active_masks: list[Array],
    problem_results: list[RuleResult],
    criteria_met: Array,
    nps: Array | None,
) -> Summary:
    total = len(segment)
    counts = np.bincount(segment, minlength=3)
    reasons = {
        NO_CRITERION: int(
            np.count_nonzero(
                (segment == UNRECOVERABLE)
                & (criteria_met == 0)
                & (_count(active_masks, total) == 0)
            )
        )
    }
    for result, mask in zip(problem_results, active_masks, strict=True):
        reasons[result.rule.key] = int(np.count_nonzero(mask))
    return Summary.from_counts(
        criteria,
        as_of,
        segments={name: int(counts[i]) for i, name in enumerate(SEGMENTS)},
        met={r.rule.key: int(r.met.sum()) for r in results if not r.is_problem},
        problems={r.rule.key: int(r.met.sum()) for r in results if r.is_problem},
        unjudged={r.rule.key: int(r.unknown.sum()) for r in results},
        unrecoverable_reasons=reasons,
        answers=None if nps is None else answers_by_segment(nps, segment),
    )


def answers_by_segment(scores: Array, segment: Array) -> dict[str, Answers]:
    """Promoters, detractors and answers among `scores` (NaN: no answer), per segment code."""
    # each customer's place in a 3 segments × (promoter, detractor, passive, no answer) table
    kind = np.where(np.isnan(scores), 3, np.where(scores >= 9, 0, np.where(scores <= 6, 1, 2)))
    table = np.bincount(segment.astype(np.intp) * 4 + kind, minlength=12).reshape(3, 4)
    return {
        name: Answers(int(row[0]), int(row[1]), int(row[0] + row[1] + row[2]))
        for name, row in zip(SEGMENTS, table, strict=True)
    }
