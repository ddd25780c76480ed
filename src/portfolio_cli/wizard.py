"""The pieces of `portfolio init` that are not questions: what the customer list holds, how many
customers meet a condition, a sensible starting file, and the commented criteria file itself.

The questions live in `cli/init.py`; everything here returns plain values, so it is tested
without a terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from portfolio_cli.conditions.check import check_condition
from portfolio_cli.conditions.evaluate import Frame, compile_condition
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.criteria import Criteria, parse_criteria
from portfolio_cli.messages import message
from portfolio_cli.naming import column_ref, guess_id_column, make_key, plain_words, quote
from portfolio_cli.readers import CsvOptions, CustomerList, read_list_text
from portfolio_cli.readers.columns import type_table

if TYPE_CHECKING:
    from portfolio_cli.result import Summary

DEFINED_BY = ("you", "customer", "implicit", "together")
# Comparisons offered for each kind of column: (operator, how it is written in a condition).
NUMBER_COMPARISONS = (">=", ">", "<=", "<", "==", "!=")
TEXT_COMPARISONS = ("in", "not in", "contains")
DATE_COMPARISONS = ("within", "before")  # days_since(col) <= N, days_since(col) > N
BOOL_COMPARISONS = ("true", "false")
# What a column's name says it holds, in English and French, matched on the name without
# accents in lower case (`naming.plain_words`): `Réclamations` → `reclamations`.
# Something a business does not want (a problem, for --yes):
_BAD_HINT = re.compile(
    r"complain|late|unpaid|overdue|return|refund|churn|dispute|incident|cancel"
    r"|reclamation|plainte|litige|retard|impaye|remboursement|retour|resili|annul",
)
# Number columns that are codes or coordinates, not something to be more or less of.
_NOT_A_MEASURE = re.compile(
    r"postal|zip|(^| )code$|^code |^lat(itude)?$|^lon(g|gitude)?$|(^| )year$|(^| )annee$"
    r"|(^| )id$|^cp$|siret|siren|phone|telephone|^tel( |$)|departement|^dept?$",
)
# What a customer spends, the natural tie-break (policy.order_by, largest first).
_SPENT_HINT = re.compile(
    r"spent|amount|revenue|turnover|sales|total|montant|chiffre d affaires|^ca( |$)| ca$|ventes"
)
# A date of the latest purchase: a recent one is a criterion.
_LAST_ORDER_HINT = re.compile(
    r"(last|latest|recent).*(order|purchase|visit|buy)|(derniere?|dernier).*(commande|achat|visite)"
    r"|(date )?(commande|achat).*(derniere?|dernier|recent)"
)
_SCORE_HINT = re.compile(r"nps|recommend|score|note|satisf")
_NAME_HINT = re.compile(r"^(name|nom|company|raison_sociale|customer_name|client)$", re.I)


@dataclass(frozen=True)
class ColumnInfo:
    """One input column as the wizard shows it: kind, a sample value, and what to propose."""

    name: str
    kind: Kind
    sample: str
    distinct: int
    quartiles: tuple[float, float, float] | None = None  # numbers; dates: in days since
    bounds: tuple[float, float] | None = None
    common: tuple[tuple[str, int], ...] = ()  # text: most common values with their counts


@dataclass
class RuleAnswer:
    """A criterion or a problem as answered: key, label, condition, compensable."""

    key: str
    label: str
    when: str
    compensable: bool = False


@dataclass
class Answers:
    """Everything the five steps asked, ready to be written as a criteria file."""

    id: str = "customer_id"
    name: str | None = None
    definition: str = ""
    defined_by: str = "you"
    last_done: dt.date | None = None
    every_months: int = 12
    nps: str | None = None
    criteria: list[RuleAnswer] = field(default_factory=list)
    problems: list[RuleAnswer] = field(default_factory=list)
    compensate_with: int | None = None
    order_by: list[str] = field(default_factory=list)


def read_any_list(source: str, options: CsvOptions | None = None) -> CustomerList:
    """Every column of a customer list, typed, before its id column is known (no id checks)."""
    text = read_list_text(source, options or CsvOptions())
    typed = type_table(text.table)
    import pyarrow as pa

    table = pa.table({name: column.array for name, column in typed.items()})
    frame: pd.DataFrame = table.to_pandas(types_mapper={pa.bool_(): pd.BooleanDtype()}.get)
    kinds = {name: column.kind for name, column in typed.items()}
    first = text.header[0] if text.header else ""
    return CustomerList(frame, kinds, text.header, text.table, text.info, first)


def describe_columns(customers: CustomerList, as_of: dt.date) -> list[ColumnInfo]:
    """Every column of the list, in file order, with what the wizard shows and proposes."""
    frame = customers.frame
    infos = []
    for name in customers.header:
        if name not in customers.kinds:
            continue
        kind = customers.kinds[name]
        column = frame[name]
        present = column.dropna()
        sample = str(present.iloc[0]) if len(present) else ""
        quartiles: tuple[float, float, float] | None = None
        bounds: tuple[float, float] | None = None
        common: tuple[tuple[str, int], ...] = ()
        finite = present.astype("float64") if kind is Kind.NUMBER else present
        if kind is Kind.NUMBER:  # thresholds are proposed from finite values (no `x >= inf`)
            finite = finite[np.isfinite(finite)]
        if kind is Kind.NUMBER and len(finite):
            values = finite
            sample = plain_number(float(values.iloc[0]))
            quartiles = _quartiles(values)
            bounds = (float(values.min()), float(values.max()))
        elif kind is Kind.DATE and len(present):
            days = (np.datetime64(as_of, "D") - present.to_numpy().astype("datetime64[D]")).astype(
                "int64"
            )
            series = pd.Series(days, dtype="float64")
            quartiles = _quartiles(series)
            bounds = (float(series.min()), float(series.max()))
            sample = str(present.iloc[0])[:10]
        elif kind in (Kind.TEXT, Kind.BOOL):
            counts = present.astype("string").value_counts().head(6)
            common = tuple((str(value), int(count)) for value, count in counts.items())
        infos.append(
            ColumnInfo(name, kind, sample, int(present.nunique()), quartiles, bounds, common)
        )
    return infos


def _quartiles(values: pd.Series[Any]) -> tuple[float, float, float]:
    q1, q2, q3 = (float(v) for v in values.quantile([0.25, 0.5, 0.75]).to_numpy())
    return q1, q2, q3


def plain_number(value: float) -> str:
    """3.0 → '3', 2.5 → '2.5': a number as a person types it."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def build_condition(info: ColumnInfo, comparison: str, value: str) -> str:
    """The `when:` text for a column, a comparison and a value typed by the user."""
    ref = column_ref(info.name)
    if info.kind is Kind.DATE:
        operator = "<=" if comparison == "within" else ">"
        return f"days_since({ref}) {operator} {value.strip()}"
    if info.kind is Kind.BOOL:
        return f"{ref} == {comparison}"
    if info.kind is Kind.NUMBER:
        return f"{ref} {comparison} {value.strip()}"
    if comparison == "contains":
        return f"contains({ref}, {quote(value.strip())})"
    items = [item.strip() for item in value.split(",") if item.strip()]
    if comparison == "in" and len(items) == 1:
        return f"{ref} == {quote(items[0])}"
    if comparison == "not in" and len(items) == 1:
        return f"{ref} != {quote(items[0])}"
    return f"{ref} {comparison} [{', '.join(quote(item) for item in items)}]"


def comparisons(kind: Kind) -> tuple[str, ...]:
    """The comparisons that make sense for a kind of column."""
    if kind is Kind.NUMBER:
        return NUMBER_COMPARISONS
    if kind is Kind.DATE:
        return DATE_COMPARISONS
    if kind is Kind.BOOL:
        return BOOL_COMPARISONS
    return TEXT_COMPARISONS


def count_matching(customers: CustomerList, when: str, as_of: dt.date) -> tuple[int, int]:
    """How many customers a condition holds for, and for how many it is unknown (missing value).

    Raises `ExpressionError` when the condition does not parse or does not fit the columns.
    """
    condition = parse_condition(when)
    check_condition(condition, customers.kinds, list(customers.header))
    tri = compile_condition(condition)(Frame(customers.frame, customers.kinds, as_of))
    return int(np.count_nonzero(tri.true)), int(np.count_nonzero(tri.unknown))


def usable_id(customers: CustomerList, column: str) -> bool:
    """Whether `column` can be the customer id: no blank and no value twice."""
    ids = customers.frame[column]
    return not (ids.isna().any() or ids.duplicated().any())


def is_number(text: str) -> bool:
    """Whether an answer reads as a number (a threshold, a number of days)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def guess_id(customers: CustomerList) -> str:
    """The column that most looks like a customer id: named like one, else the first."""
    return guess_id_column(customers.header)


def guess_name(infos: list[ColumnInfo]) -> str | None:
    """A text column named like a name, or None."""
    return next((i.name for i in infos if i.kind is Kind.TEXT and _NAME_HINT.match(i.name)), None)


def guess_nps(infos: list[ColumnInfo]) -> str | None:
    """A number column within 0..10 named like a score or a recommendation, or None."""
    for info in infos:
        if (
            info.kind is Kind.NUMBER
            and info.bounds is not None
            and info.bounds[0] >= 0
            and info.bounds[1] <= 10
            and _SCORE_HINT.search(plain_words(info.name))
        ):
            return info.name
    return None


def starting_answers(customers: CustomerList, as_of: dt.date, lang: str = "en") -> Answers:
    """A sensible first file without questions (`init --from X --yes`), to be edited.

    Criteria: promoters (score >= 9) when a 0-10 column is found, then number columns that do not
    sound like trouble, each at or above its median; problems: columns that sound like trouble
    (complaints, late payments) above their third quartile, compensable.
    """
    infos = describe_columns(customers, as_of)
    answers = Answers(id=guess_id(customers))
    answers.name = guess_name(infos)
    answers.nps = guess_nps(infos)
    answers.definition = message("init.starting_definition", lang)
    answers.defined_by = "you"
    taken: set[str] = set()
    numbers = [
        i
        for i in infos
        if i.kind is Kind.NUMBER
        and i.quartiles is not None
        and i.name not in (answers.id, answers.nps)
        and i.distinct > 2
        and not _NOT_A_MEASURE.search(plain_words(i.name))
    ]
    if answers.nps:
        key = make_key("promoter", taken)
        taken.add(key)
        answers.criteria.append(
            RuleAnswer(key, message("init.promoter_label", lang), f"{column_ref(answers.nps)} >= 9")
        )
    for info in numbers:
        assert info.quartiles is not None
        good = not _BAD_HINT.search(plain_words(info.name))
        if good and len(answers.criteria) < 3:
            when = f"{column_ref(info.name)} >= {plain_number(info.quartiles[1])}"
            target = answers.criteria
        elif not good and len(answers.problems) < 3:
            when = f"{column_ref(info.name)} > {plain_number(info.quartiles[2])}"
            target = answers.problems
        else:
            continue
        key = make_key(info.name, taken)
        taken.add(key)
        target.append(RuleAnswer(key, when, when, compensable=not good))
    recent = [
        i
        for i in infos
        if i.kind is Kind.DATE
        and i.quartiles is not None
        and _LAST_ORDER_HINT.search(plain_words(i.name))
    ]
    if recent and len(answers.criteria) < 3:  # bought recently: within the median delay
        info = recent[0]
        assert info.quartiles is not None
        when = f"days_since({column_ref(info.name)}) <= {plain_number(max(info.quartiles[1], 0))}"
        key = make_key(info.name, taken)
        taken.add(key)
        answers.criteria.append(RuleAnswer(key, when, when))
    spent = [i for i in numbers if _SPENT_HINT.search(plain_words(i.name))]
    if spent:
        answers.order_by = [f"{column_ref(spent[0].name)} desc"]
    if not answers.criteria:
        texts = [i for i in infos if i.kind in (Kind.TEXT, Kind.BOOL) and i.common and i.name]
        usable = [i for i in texts if i.name not in (answers.id, answers.name) and i.distinct <= 20]
        if usable:
            info = usable[0]
            value = info.common[0][0]
            comparison = "true" if info.kind is Kind.BOOL else "in"
            when = build_condition(info, comparison, value)
            answers.criteria.append(RuleAnswer(make_key(info.name, taken), when, when))
    return answers


def render(answers: Answers, lang: str = "en", source: str | None = None) -> str:
    """The criteria file: the five steps in order, each with a comment saying what it is."""

    def say(key: str, **values: object) -> str:
        return message(key, lang, **values)

    lines = [f"# {say('init.file_header')}"]
    if source:
        lines.append(f"# {say('init.file_made_from', source=source)}")
    lines += [
        f"# {say('init.file_check')}",
        "version: 1",
        "",
        "customers:",
        f"  id: {quote(answers.id)}",
    ]
    if answers.name:
        lines.append(f"  name: {quote(answers.name)}")
    lines += ["", f"satisfaction:                # {say('init.file_step1')}"]
    if answers.definition:
        lines.append(f"  definition: {quote(answers.definition)}")
    lines.append(f"  defined_by: {answers.defined_by}       # you | customer | implicit | together")
    lines += ["", f"listening:                   # {say('init.file_step2')}"]
    if answers.last_done is not None:
        lines.append(f"  last_done: {answers.last_done.isoformat()}")
    else:
        lines.append(f"  # last_done: YYYY-MM-DD    # {say('init.file_never')}")
    lines.append(f"  every_months: {answers.every_months}")
    if answers.nps:
        lines.append(f"  nps: {quote(answers.nps)}")
    lines += ["", f"criteria:                    # {say('init.file_step3')}"]
    lines += _rules(answers.criteria)
    if answers.problems:
        lines += ["", f"problems:                    # {say('init.file_step4')}"]
        lines += _rules(answers.problems)
    else:
        lines += ["", f"problems: []                 # {say('init.file_step4')}"]
    lines += ["", f"policy:                      # {say('init.file_step5')}"]
    if answers.compensate_with is not None:
        lines.append(f"  compensate_with: {answers.compensate_with}")
    if answers.order_by:
        lines.append(f"  order_by: [{', '.join(quote(key) for key in answers.order_by)}]")
    if answers.compensate_with is None and not answers.order_by:
        lines[-1] = f"policy: {{}}                   # {say('init.file_step5')}"
    return "\n".join(lines) + "\n"


def _rules(rules: list[RuleAnswer]) -> list[str]:
    lines = []
    for rule in rules:
        lines += [
            f"  - key: {rule.key}",
            f"    label: {quote(rule.label)}",
            f"    when: {quote(rule.when)}",
        ]
        if rule.compensable:
            lines.append("    compensable: true")
    return lines


def checked_file(
    answers: Answers, lang: str, source: str | None, path: Path
) -> tuple[str, Criteria]:
    """The criteria file's text and its criteria, parsed as `portfolio check` would: a file
    that check refuses raises here, and is never written."""
    text = render(answers, lang, source)
    return text, parse_criteria(text, source=str(path))


def try_on(
    rules: Criteria,
    source: str,
    loaded: CustomerList | None,
    as_of: dt.date,
    options: CsvOptions,
) -> Summary:
    """The summary of the list classified with the criteria just written.

    The list is read again with the chosen id column, so that blank or repeated ids are
    refused; standard input, which cannot be read twice, is classified as `loaded`.
    """
    from portfolio_cli.criteria import required_columns
    from portfolio_cli.engine import classify
    from portfolio_cli.readers import read_customers

    if source == "-" and loaded is not None:
        return classify(loaded, rules, as_of).summary
    customers = read_customers(
        source,
        rules.customers.id,
        text_columns=[rules.customers.name] if rules.customers.name else [],
        columns=required_columns(rules),
        options=options,
    )
    return classify(customers, rules, as_of).summary
