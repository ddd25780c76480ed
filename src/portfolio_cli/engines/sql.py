"""The whole method as SQL: our condition tree → sqlglot's expression tree → any dialect.

One chain of common table expressions carries a customer list through step 5:

1. `judged`: each criterion and problem as a nullable boolean (SQL's NULL is our *unknown*:
   three-valued logic is native), beside the id, name, `order_by` columns and NPS score;
2. `counted`: criteria met (a NULL counts as not met);
3. `flagged`: each problem active or compensated, and their counts;
4. `ranked`: the segment and the priority rank (criteria desc, active asc, compensated asc,
   `order_by` with NULLs last, then the id compared as text).

Two queries end the chain: the customers (the columns of `classify -f csv`, lists joined with
`|`) and the summary (one scan, then one row per figure). The executor (`engines/duckdb.py`)
asks for its own projection of the same chain instead.

sqlglot quotes every identifier and literal: a column named `x"; DROP TABLE t; --` is a name,
never SQL text. Nothing here reads data: `kinds` (the input's column kinds, when known) only
makes the arithmetic and text handling exactly the Arrow engine's; without them (`portfolio
sql`) the query follows the table's own column types.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlglot import exp

from portfolio_cli.conditions.check import ORDERINGS
from portfolio_cli.conditions.kinds import Kind, constant_kind
from portfolio_cli.conditions.tree import (
    Arithmetic,
    Call,
    Column,
    Compare,
    Constant,
    Expr,
    IsIn,
    Logical,
    Negative,
    Not,
)
from portfolio_cli.criteria import SEGMENTS, Criteria
from portfolio_cli.result import NO_CRITERION

DIALECTS = ("duckdb", "postgres", "spark", "bigquery", "snowflake")
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# a dotted name whose parts are plain words or SQL's double-quoted identifiers ("a ""b""")
_QUOTED_PART = r'"(?:[^"]|"")+"'
_PART = rf"(?:[A-Za-z_][A-Za-z0-9_]*|{_QUOTED_PART})"
_DOTTED_NAME = re.compile(rf"{_PART}(?:\.{_PART}){{0,2}}")
# Words PostgreSQL and Snowflake reserve (their manuals' lists), which sqlglot writes unquoted
# in those dialects: `FROM select` would not parse there. DuckDB's and BigQuery's own lists
# come from sqlglot (`_reserved`).
_RESERVED = frozenset(
    [
        "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
        "authorization", "between", "binary", "both", "by", "case", "cast", "check", "collate",
        "collation", "column", "concurrently", "connect", "constraint", "create", "cross",
        "current", "current_catalog", "current_date", "current_role", "current_schema",
        "current_time", "current_timestamp", "current_user", "database", "default", "deferrable",
        "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists", "false",
        "fetch", "following", "for", "foreign", "freeze", "from", "full", "grant", "group",
        "having", "ilike", "in", "increment", "initially", "inner", "insert", "intersect", "into",
        "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
        "localtimestamp", "minus", "natural", "not", "notnull", "null", "of", "offset", "on",
        "only", "or", "order", "outer", "overlaps", "placing", "primary", "qualify", "references",
        "regexp", "returning", "revoke", "right", "rlike", "row", "rows", "sample", "schema",
        "select", "session_user", "set", "similar", "some", "start", "symmetric", "system_user",
        "table", "tablesample", "then", "to", "trailing", "trigger", "true", "try_cast", "union",
        "unique", "update", "user", "using", "values", "variadic", "verbose", "view", "when",
        "whenever", "where", "window", "with"
    ]
)  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """One figure of the summary: `measure` (`segments`, `criteria`...), `key`, its column."""

    measure: str
    key: str | None
    alias: str


@dataclass(frozen=True)
class Method:
    """The compiled chain and what its columns mean.

    `rules` are the kept criteria then the problems: rule `i` is column `_r{i}`; problem `j`
    (counted among the problems) is active in `_a{j}` and compensated in `_c{j}`.
    """

    criteria: Criteria
    dialect: str
    ctes: list[tuple[str, exp.Select]]
    figures: list[Figure]
    order: list[exp.Expr]  # the priority's sort keys, most significant first
    segment: exp.Expr  # the segment's name, from the columns of `counts`

    def with_chain(self, select: exp.Select) -> exp.Select:
        """`select` (reading the last step, `ranked`) preceded by the whole chain."""
        for name, body in self.ctes:
            select = select.with_(name, as_=body, copy=False)
        return select

    def columns(
        self,
        priority: exp.Expr | None = None,
        texts: Callable[[exp.Expr], exp.Expr] | None = None,
        actions: Mapping[str, str] | None = None,
        lookup: bool = False,
    ) -> list[exp.Expr]:
        """The columns of `classify -f csv`, read from `ranked` (or from any step that has its
        `_id`, `_name`, `_segment`, `_met` and flag columns): `priority` defaults to `_priority`;
        `texts` rewrites the id and the name (the executor neutralises formulas with it) and
        `actions` replaces the criteria file's advice by another text per segment. `lookup`:
        each list of keys picked from its texts by one CASE (see `_joined`)."""
        criteria = self.criteria

        def listed(flags: list[tuple[str, str]]) -> exp.Expr:
            return _joined(flags, lookup)

        shown = texts or (lambda value: value)
        columns: list[exp.Expr] = [_alias(shown(exp.column("_id")), criteria.customers.id)]
        if criteria.customers.name:
            columns.append(_alias(shown(exp.column("_name")), criteria.customers.name))
        problems = range(len(criteria.problems))
        advice = actions or {s: criteria.actions[s] for s in SEGMENTS}
        columns += [
            _alias(exp.column("_segment"), "segment"),
            _alias(priority or exp.column("_priority"), "priority"),
            _alias(exp.column("_met"), "criteria_met"),
            _alias(
                listed([(f"_r{i}", r.key) for i, r in enumerate(criteria.criteria)]), "criteria"
            ),
            _alias(listed([(f"_a{j}", criteria.problems[j].key) for j in problems]), "problems"),
            _alias(listed([(f"_c{j}", criteria.problems[j].key) for j in problems]), "compensated"),
            _alias(_by_segment(advice), "action"),
        ]
        return columns

    def customers(self, numbered: bool = True) -> exp.Select:
        """The customers in priority order: the columns of `classify -f csv`.

        `numbered=False` leaves the `priority` column out and sorts by its keys: a reader of
        the rows in order numbers them itself, and the database sorts once instead of twice.
        """
        columns = self.columns()
        if numbered:
            select = exp.select(*columns).from_("ranked").order_by(exp.column("_priority"))
        else:
            columns = [c for c in columns if c.alias != "priority"]
            select = exp.select(*columns).from_("ranked")
            select = select.order_by(*(key.copy() for key in self.order))
        return self.with_chain(select)

    def totals(self, extra: Sequence[exp.Expr] = ()) -> exp.Select:
        """The summary's figures as one row, one column per figure (`figures` names them);
        `extra`: more aggregates over the same scan (an executor's checks of the input)."""
        figures = _totals(self.criteria, self.figures)
        return self.with_chain(exp.select(*figures, *extra).from_("ranked"))

    def summary(self) -> exp.Select:
        """The summary as rows of (measure, key, value), from one scan of the customers."""
        parts: list[exp.Select] = []
        for figure in self.figures:
            value = exp.cast(exp.column(figure.alias), exp.DataType.build("DOUBLE"))
            key = exp.Null() if figure.key is None else exp.Literal.string(figure.key)
            parts.append(
                exp.select(
                    _alias(exp.Literal.string(figure.measure), "measure"),
                    _alias(exp.cast(key, exp.DataType.build("TEXT")), "key"),
                    _alias(value, "value"),
                ).from_("totals")
            )
        union: exp.Query = parts[0]
        for part in parts[1:]:
            union = exp.union(union, part, distinct=False)
        totals = exp.select(*_totals(self.criteria, self.figures)).from_("ranked")
        select = self.with_chain(exp.select("*").from_(union.subquery("figures")))
        return select.with_("totals", as_=totals, append=True, copy=False)


def table_name(name: str) -> exp.Table:
    """A table named on the command line: `t`, `schema.t` or `catalog.schema.t`.

    A part that is a plain word stays unquoted (the warehouse folds its case as it folds the
    user's own SQL), unless a warehouse reserves it (`select`, `order`, `user`); a part written
    in double quotes as SQL writes it (`"crm"."My clients"`) is that quoted name; any other
    part is quoted, so it is only ever a name.
    """
    if _DOTTED_NAME.fullmatch(name) and '"' in name:
        parts = [part.group(0) for part in re.finditer(rf"{_PART}", name)]
        identifiers = [
            exp.to_identifier(part[1:-1].replace('""', '"'), quoted=True)
            if part.startswith('"')
            else _identifier(part)
            for part in parts
        ]
    else:
        parts = name.split(".") if all(name.split(".")) and name.count(".") <= 2 else [name]
        identifiers = [_identifier(part) for part in parts]
    while len(identifiers) < 3:
        identifiers.insert(0, None)  # type: ignore[arg-type]
    catalog, db, this = identifiers
    return exp.Table(this=this, db=db, catalog=catalog)


def _identifier(part: str) -> exp.Identifier:
    """One part of a table's name, quoted unless it is a plain word no warehouse reserves."""
    plain = _PLAIN_NAME.fullmatch(part) is not None and part.lower() not in _reserved()
    return exp.to_identifier(part, quoted=not plain)


@functools.cache
def _reserved() -> frozenset[str]:
    """The words some dialect reserves: ours (`_RESERVED`), DuckDB's and BigQuery's."""
    from sqlglot.dialects.dialect import Dialect

    words = set(_RESERVED)
    for dialect in ("duckdb", "bigquery"):
        generator = Dialect.get_or_raise(dialect).generator_class
        words |= {word.lower() for word in getattr(generator, "RESERVED_KEYWORDS", ())}
    return frozenset(words)


def compile_method(
    criteria: Criteria,
    as_of: dt.date,
    source: exp.Table | str,
    dialect: str = "duckdb",
    kinds: Mapping[str, Kind] | None = None,
    position: str | None = None,
    carry: Mapping[str, str] | None = None,
) -> Method:
    """The method over `source` (a table) as a chain of CTEs for `dialect`.

    `kinds`: the input's column kinds when known (the executor); `position`: a column holding
    each row's place in the input, carried as `_pos`; `carry`: more columns of the source
    carried through the chain, under other names (source column → name).
    """
    table = table_name(source) if isinstance(source, str) else source
    carried = [(position, "_pos")] if position is not None else []
    carried += (carry or {}).items()
    judged = _judged(criteria, _Conditions(as_of, dialect, kinds), carried).from_(table)
    kept = len(criteria.criteria)
    segment = _segment(kept)
    order = _priority_order(criteria, dialect, kinds)
    ctes = [
        ("judged", judged),
        ("counted", _counted(kept)),
        ("flagged", _flagged(criteria)),
        ("counts", _counts(len(criteria.problems))),
        ("ranked", _ranked(segment, order)),
    ]
    return Method(criteria, dialect, ctes, _figures(criteria), order, segment.copy())


def _judged(
    criteria: Criteria, conditions: _Conditions, carried: Sequence[tuple[str, str]]
) -> exp.Select:
    """Step 1: the id, the name, the carried columns, the `order_by` keys (`_o{i}`), the NPS
    score and each rule as a nullable boolean (`_r{i}`)."""
    dialect, kinds = conditions.dialect, conditions.kinds
    judged: list[exp.Expr] = [_alias(_text_id(criteria.customers.id, dialect), "_id")]
    if criteria.customers.name:
        judged.append(_alias(_column(criteria.customers.name), "_name"))
    for column, name in carried:
        judged.append(_alias(_column(column), name))
    for index, key in enumerate(criteria.policy.order_by):
        if kinds is None or kinds.get(key.column) is not Kind.EMPTY:
            sort_key: exp.Expr = _column(key.column)
            if kinds is not None and kinds.get(key.column) is Kind.NUMBER:
                sort_key = _not_nan(sort_key, dialect)  # a NaN sorts last, as a missing value
            judged.append(_alias(sort_key, f"_o{index}"))
    if criteria.listening.nps:
        score = _not_nan(_double(_column(criteria.listening.nps)), dialect)
        judged.append(_alias(score, "_nps"))
    for index, rule in enumerate(criteria.rules()):
        judged.append(_alias(conditions.sql(rule.condition.tree), f"_r{index}"))
    return exp.select(*judged)


def _counted(kept: int) -> exp.Select:
    """Step 2: criteria met (`_met`; a NULL counts as not met)."""
    met = _sum([_is_true(exp.column(f"_r{i}")) for i in range(kept)])
    return exp.select("*", _alias(met, "_met")).from_("judged")


def _flagged(criteria: Criteria) -> exp.Select:
    """Step 3: each problem active (`_a{j}`) or compensated (`_c{j}`)."""
    kept = len(criteria.criteria)
    enough = exp.GTE(
        this=exp.column("_met"), expression=exp.Literal.number(criteria.compensate_with)
    )
    flags: list[exp.Expr] = []
    for j, problem in enumerate(criteria.problems):
        present = exp.column(f"_r{kept + j}").is_(exp.true())
        if problem.compensable:
            active: exp.Expr = exp.and_(present, exp.not_(enough.copy()))
            compensated: exp.Expr = exp.and_(present.copy(), enough.copy())
        else:
            active, compensated = present, exp.false()
        flags += [_alias(active, f"_a{j}"), _alias(compensated, f"_c{j}")]
    return exp.select("*", *flags).from_("counted")


def _counts(problems: int) -> exp.Select:
    """Step 3's counts: problems active (`_active`) and compensated (`_compensated`)."""
    active = _sum([_is_true(exp.column(f"_a{j}")) for j in range(problems)])
    compensated = _sum([_is_true(exp.column(f"_c{j}")) for j in range(problems)])
    return exp.select("*", _alias(active, "_active"), _alias(compensated, "_compensated")).from_(
        "flagged"
    )


def _segment(kept: int) -> exp.Case:
    """The segment's name, from the counts: any active problem is unrecoverable; every
    criterion met with nothing compensated is satisfied; some criterion met is easy to satisfy."""
    return (
        exp.Case()
        .when(exp.column("_active") > 0, exp.Literal.string("unrecoverable"))
        .when(
            exp.and_(exp.column("_met").eq(kept), exp.column("_compensated").eq(0)),
            exp.Literal.string("satisfied"),
        )
        .when(exp.column("_met") > 0, exp.Literal.string("easy_to_satisfy"))
        .else_(exp.Literal.string("unrecoverable"))
    )


def _priority_order(
    criteria: Criteria, dialect: str, kinds: Mapping[str, Kind] | None
) -> list[exp.Expr]:
    """The priority's sort keys, most significant first: criteria met (desc), active, then
    compensated problems (asc), the `order_by` columns (NULLs last), then the id as text."""
    order: list[exp.Expr] = [
        exp.Ordered(this=exp.column("_met"), desc=True, nulls_first=False),
        exp.Ordered(this=exp.column("_active"), desc=False, nulls_first=False),
        exp.Ordered(this=exp.column("_compensated"), desc=False, nulls_first=False),
    ]
    for index, key in enumerate(criteria.policy.order_by):
        if kinds is None or kinds.get(key.column) is not Kind.EMPTY:
            value: exp.Expr = exp.column(f"_o{index}")
            if kinds is not None and kinds.get(key.column) is Kind.TEXT:
                value = _binary(value, dialect)  # text sorted by code point, as everywhere
            order.append(exp.Ordered(this=value, desc=key.descending, nulls_first=False))
    order.append(
        exp.Ordered(this=_binary(exp.column("_id"), dialect), desc=False, nulls_first=False)
    )
    return order


def _ranked(segment: exp.Expr, order: list[exp.Expr]) -> exp.Select:
    """Step 4: the segment (`_segment`) and the priority rank (`_priority`)."""
    rank = exp.Window(this=exp.RowNumber(), order=exp.Order(expressions=order))
    return exp.select("*", _alias(segment, "_segment"), _alias(rank, "_priority")).from_("counts")


def render(select: exp.Expr, dialect: str, pretty: bool = True) -> str:
    """SQL text for the dialect."""
    return select.sql(dialect=dialect, pretty=pretty)


# --- the summary --------------------------------------------------------------------------------


def _figures(criteria: Criteria) -> list[Figure]:
    figures = [Figure("total", None, "_total")]
    figures += [Figure("segments", s, f"_s{i}") for i, s in enumerate(SEGMENTS)]
    figures.append(Figure("quality", None, "_quality"))
    figures += [Figure("criteria", r.key, f"_m{i}") for i, r in enumerate(criteria.criteria)]
    kept = len(criteria.criteria)
    figures += [Figure("problems", r.key, f"_m{kept + j}") for j, r in enumerate(criteria.problems)]
    figures += [Figure("unjudged", r.key, f"_u{i}") for i, r in enumerate(criteria.rules())]
    figures.append(Figure("unrecoverable_reasons", NO_CRITERION, "_none"))
    figures += [
        Figure("unrecoverable_reasons", r.key, f"_ra{j}") for j, r in enumerate(criteria.problems)
    ]
    if criteria.listening.nps:
        figures.append(Figure("nps", None, "_nps_all"))
        figures += [Figure("nps", s, f"_nps{i}") for i, s in enumerate(SEGMENTS)]
        figures.append(Figure("nps_answers", None, "_answers"))
        figures += [Figure(f"nps_{part}", None, f"_{part}") for part in ("promoters", "detractors")]
        for i, s in enumerate(SEGMENTS):
            figures += [
                Figure(f"nps_{part}", s, f"_{part}{i}")
                for part in ("promoters", "detractors", "answers")
            ]
        figures.append(Figure("nps_outside_0_10", None, "_nps_bad"))
    return figures


def _totals(criteria: Criteria, figures: list[Figure]) -> list[exp.Expr]:
    segment = exp.column("_segment")
    values: dict[str, exp.Expr] = {"_total": exp.Count(this=exp.Star())}
    for i, name in enumerate(SEGMENTS):
        values[f"_s{i}"] = _count_if(segment.eq(exp.Literal.string(name)))
    good = exp.Add(this=values["_s0"].copy(), expression=values["_s1"].copy())
    share = exp.Div(
        this=_double(exp.Paren(this=good)),
        expression=exp.Nullif(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(0)),
    )
    values["_quality"] = share
    for i in range(len(criteria.rules())):
        values[f"_m{i}"] = _count_if(exp.column(f"_r{i}").is_(exp.true()))
        values[f"_u{i}"] = _count_if(exp.column(f"_r{i}").is_(exp.null()))
    values["_none"] = _count_if(
        exp.and_(
            segment.eq(exp.Literal.string("unrecoverable")),
            exp.column("_met").eq(0),
            exp.column("_active").eq(0),
        )
    )
    for j in range(len(criteria.problems)):
        values[f"_ra{j}"] = _count_if(exp.column(f"_a{j}").is_(exp.true()))
    if criteria.listening.nps:
        score = exp.column("_nps")
        promoter = score >= 9
        detractor = score <= 6
        answered = exp.Not(this=score.is_(exp.null()))
        values["_answers"] = exp.Count(this=score.copy())
        values["_promoters"] = _count_if(promoter)
        values["_detractors"] = _count_if(detractor)
        values["_nps_all"] = _nps(promoter, detractor, answered)
        for i, name in enumerate(SEGMENTS):
            here = segment.eq(exp.Literal.string(name))
            values[f"_nps{i}"] = _nps(
                exp.and_(here, promoter), exp.and_(here, detractor), exp.and_(here, answered)
            )
            values[f"_promoters{i}"] = _count_if(exp.and_(here, promoter))
            values[f"_detractors{i}"] = _count_if(exp.and_(here, detractor))
            values[f"_answers{i}"] = _count_if(exp.and_(here, answered))
        values["_nps_bad"] = _count_if(exp.or_(score < 0, score > 10))
    return [_alias(values[f.alias], f.alias) for f in figures]


def _nps(promoter: exp.Expr, detractor: exp.Expr, answered: exp.Expr) -> exp.Expr:
    """% promoters − % detractors among those who answered, exact (NULL: nobody answered)."""
    difference = exp.Sub(this=_count_if(promoter), expression=_count_if(detractor))
    share = exp.Div(
        this=exp.Mul(
            this=exp.Literal.number(100.0), expression=_double(exp.Paren(this=difference))
        ),
        expression=exp.Nullif(this=_count_if(answered), expression=exp.Literal.number(0)),
    )
    return share


# --- conditions ---------------------------------------------------------------------------------


class _Conditions:
    """Our typed condition tree → a sqlglot expression with the same three-valued result."""

    def __init__(self, as_of: dt.date, dialect: str, kinds: Mapping[str, Kind] | None) -> None:
        self.as_of = as_of
        self.dialect = dialect
        self.kinds = kinds

    def kind(self, node: Expr) -> Kind | None:
        """The kind of a node, when the input's kinds are known (None: unknown)."""
        match node:
            case Column(name=name):
                return None if self.kinds is None else self.kinds.get(name)
            case Constant(value=value):
                return constant_kind(value)
            case Arithmetic() | Negative():
                return Kind.NUMBER
            case Call(function="days_since"):
                return Kind.NUMBER
            case Call(function="lower"):
                return Kind.TEXT
            case _:
                return Kind.BOOL

    def sql(self, node: Expr) -> exp.Expr:
        match node:
            case Column(name=name):
                if self.kinds is not None and self.kinds.get(name) is Kind.EMPTY:
                    return exp.Null()  # a column with no value: every reading is unknown
                return _column(name)
            case Constant(value=value):
                return self.constant(value)
            case Compare(op=op, left=left, right=right):
                a, b = self.number(left, right), self.number(right, left)
                if op in ORDERINGS and Kind.TEXT in (self.kind(left), self.kind(right)):
                    a, b = _binary(a, self.dialect), _binary(b, self.dialect)
                return _COMPARE[op](this=_paren(a), expression=_paren(b))
            case IsIn(operand=operand, items=items, negated=negated):
                tested = self.number(operand, *items)
                found = exp.In(this=_paren(tested), expressions=[self.sql(i) for i in items])
                return exp.Not(this=exp.Paren(this=found)) if negated else found
            case Logical(op=op, operands=operands):
                parts = [exp.Paren(this=self.sql(o)) for o in operands]
                return exp.and_(*parts) if op == "and" else exp.or_(*parts)
            case Not(operand=operand):
                return exp.Not(this=exp.Paren(this=self.sql(operand)))
            case Arithmetic() | Negative():
                # NaN (inf - inf, 0 * inf) is no number: unknown, as in the Arrow engine. It
                # runs through the arithmetic above it, so the outermost operation says so.
                return _not_nan(self.operand(node), self.dialect)
            case Call(function=function, args=args):
                return self.call(function, args)

    def operand(self, node: Expr) -> exp.Expr:
        """An operand of arithmetic: arithmetic below it is left as computed (NaN included)."""
        match node:
            case Arithmetic(op=op, left=left, right=right):
                return self.arithmetic(op, left, right)
            case Negative(operand=operand):
                return exp.Neg(this=exp.Paren(this=self.operand(operand)))
            case _:
                return self.sql(node)

    def number(self, node: Expr, *others: Expr) -> exp.Expr:
        """`node` compared with `others`: a column of numbers (by its kind, or, when the
        input's kinds are not known, because it is compared with a number) reads a NaN as a
        missing value, as the Arrow engine's readers do."""
        value = self.sql(node)
        if not isinstance(node, Column) or isinstance(value, exp.Null):
            return value
        kind = self.kind(node)
        if kind is Kind.NUMBER or (
            kind is None and any(self.kind(other) is Kind.NUMBER for other in others)
        ):
            return _not_nan(value, self.dialect)
        return value

    def constant(self, value: object) -> exp.Expr:
        if isinstance(value, bool):
            return exp.true() if value else exp.false()
        if isinstance(value, int | float):
            literal: exp.Expr = exp.Literal.number(
                repr(float(value)) if isinstance(value, float) else str(value)
            )
            if value < 0:  # in parentheses: `x - -1` never reads as a comment
                literal = exp.Paren(this=literal)
            # the Arrow engine computes in float64: so does the executor (0.1 * 3 is not 0.3)
            return _double(literal) if self.kinds is not None else literal
        if isinstance(value, dt.date):
            return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.build("DATE"))
        return exp.Literal.string(str(value))

    def arithmetic(self, op: str, left: Expr, right: Expr) -> exp.Expr:
        a, b = self.operand(left), self.operand(right)
        if Kind.DATE in (self.kind(left), self.kind(right)):
            # date - date: days between them, with the fraction of a day a time of day gives
            seconds = exp.Sub(this=_epoch(a), expression=_epoch(b))
            return exp.Div(
                this=exp.Paren(this=seconds), expression=_double(exp.Literal.number(86400))
            )
        if op == "/":
            # x / 0 is unknown (as in the Arrow engine), and 7 / 2 is 3.5 in every dialect
            divisor = exp.Nullif(this=_double(b), expression=_double(exp.Literal.number(0)))
            return exp.Div(this=_double(a), expression=divisor)
        node = {"+": exp.Add, "-": exp.Sub, "*": exp.Mul}[op]
        return exp.Paren(this=node(this=_paren(a), expression=_paren(b)))

    def call(self, function: str, args: tuple[Expr, ...]) -> exp.Expr:
        first = self.sql(args[0])
        if function == "missing":
            return exp.Paren(this=first.is_(exp.null()))
        if function == "days_since":
            as_of = exp.cast(exp.Literal.string(self.as_of.isoformat()), exp.DataType.build("DATE"))
            day = exp.cast(first, exp.DataType.build("DATE"))
            return exp.DateDiff(this=as_of, expression=day, unit=exp.var("DAY"))
        if function == "lower":
            return exp.Lower(this=first)
        if function in ("contains", "startswith"):
            needle = args[1]
            text = str(needle.value) if isinstance(needle, Constant) else ""
            if function == "contains":
                position = exp.StrPosition(this=first, substr=exp.Literal.string(text))
                return exp.GT(this=position, expression=exp.Literal.number(0))
            start = exp.Substring(
                this=first, start=exp.Literal.number(1), length=exp.Literal.number(len(text))
            )
            return exp.EQ(this=start, expression=exp.Literal.string(text))
        # between(x, low, high) = low <= x and x <= high, both ends included
        value, low, high = args
        return exp.Paren(
            this=exp.and_(
                self.sql(Compare(">=", value, low, value.span)),
                self.sql(Compare("<=", value, high, value.span)),
            )
        )


_COMPARE: dict[str, type[exp.Binary]] = {
    "==": exp.EQ,
    "!=": exp.NEQ,
    "<": exp.LT,
    "<=": exp.LTE,
    ">": exp.GT,
    ">=": exp.GTE,
}


# --- small builders -----------------------------------------------------------------------------


def _column(name: str) -> exp.Column:
    """A column of the input, always quoted: its name is data, whatever it holds."""
    return exp.Column(this=exp.to_identifier(name, quoted=True))


def _alias(expression: exp.Expr, name: str) -> exp.Expr:
    return exp.alias_(expression, exp.to_identifier(name, quoted=True))


def _paren(expression: exp.Expr) -> exp.Expr:
    if isinstance(expression, exp.Column | exp.Literal | exp.Paren | exp.Null | exp.Boolean):
        return expression
    return exp.Paren(this=expression)


def _double(expression: exp.Expr) -> exp.Expr:
    return exp.cast(expression, exp.DataType.build("DOUBLE"))


def _text_id(name: str, dialect: str) -> exp.Expr:
    del dialect
    return exp.cast(_column(name), exp.DataType.build("TEXT"))


def _binary(expression: exp.Expr, dialect: str) -> exp.Expr:
    """Text compared by code point, as the Arrow engine compares it: PostgreSQL's databases
    usually collate by language, so its comparisons say COLLATE "C"; the others compare
    bytes already."""
    if dialect != "postgres" or isinstance(expression, exp.Null):
        return expression
    return exp.Collate(this=_paren(expression), expression=exp.to_identifier("C", quoted=True))


def _not_nan(expression: exp.Expr, dialect: str) -> exp.Expr:
    """NULL where `expression` is NaN. NULLIF finds it where NaN equals NaN (DuckDB,
    PostgreSQL, Spark, Snowflake); BigQuery compares NaN as IEEE does, and asks IS_NAN."""
    nan = exp.cast(exp.Literal.string("NaN"), exp.DataType.build("DOUBLE"))
    if dialect == "bigquery":
        test = exp.func("IS_NAN", expression.copy())
        return exp.Case().when(test, exp.Null()).else_(_paren(expression))
    return exp.Nullif(this=_paren(expression), expression=nan)


def _epoch(expression: exp.Expr) -> exp.Expr:
    return exp.TimeToUnix(this=exp.cast(expression, exp.DataType.build("TIMESTAMP")))


def _is_true(expression: exp.Expr) -> exp.Expr:
    """1 where true, 0 where false or unknown."""
    return (
        exp.Case()
        .when(_paren(expression).is_(exp.true()), exp.Literal.number(1))
        .else_(exp.Literal.number(0))
    )


def _sum(parts: list[exp.Expr]) -> exp.Expr:
    if not parts:
        return exp.Literal.number(0)
    total = parts[0]
    for part in parts[1:]:
        total = exp.Add(this=total, expression=part)
    return exp.Paren(this=total)


def _count_if(condition: exp.Expr) -> exp.Expr:
    """The rows where `condition` is true (not false, not unknown): COUNT_IF where the dialect
    has it (DuckDB evaluates it at a third of SUM(CASE ...)'s cost), SUM(CASE ...) elsewhere;
    0 over a table without rows, where both give NULL (classify counts 0 customers)."""
    counted = exp.CountIf(this=_paren(condition))
    return exp.Coalesce(this=counted, expressions=[exp.Literal.number(0)])


# the most flags whose lists are picked from constant texts (2**4 texts) by `lookup`
_LOOKUP_FLAGS = 4


def _joined(flags: list[tuple[str, str]], lookup: bool = False) -> exp.Expr:
    """The keys whose flag is true, joined with '|' ('' for none): portable SQL, no arrays.

    `lookup` (up to `_LOOKUP_FLAGS` flags): one CASE over the flags as the bits of a number
    picks the text among constants, instead of building it on every row (DuckDB writes 5M
    rows' three lists in about 0.3 s less CPU)."""
    if not flags:
        return exp.Literal.string("")
    if lookup and len(flags) <= _LOOKUP_FLAGS:
        bits = _sum(
            [
                exp.Case()
                .when(exp.column(column).is_(exp.true()), exp.Literal.number(1 << i))
                .else_(exp.Literal.number(0))
                for i, (column, _) in enumerate(flags)
            ]
        )
        case = exp.Case(this=bits)
        for number in range(1 << len(flags)):
            keys = [key for i, (_, key) in enumerate(flags) if number >> i & 1]
            case = case.when(exp.Literal.number(number), exp.Literal.string("|".join(keys)))
        return case
    text: exp.Expr | None = None
    for column, key in flags:
        part = (
            exp.Case()
            .when(exp.column(column).is_(exp.true()), exp.Literal.string(f"|{key}"))
            .else_(exp.Literal.string(""))
        )
        text = part if text is None else exp.DPipe(this=text, expression=part, safe=True)
    return exp.Substring(this=text, start=exp.Literal.number(2))


def _by_segment(texts: Mapping[str, str]) -> exp.Expr:
    case = exp.Case()
    for segment, text in texts.items():
        case = case.when(
            exp.column("_segment").eq(exp.Literal.string(segment)), exp.Literal.string(text)
        )
    return case
