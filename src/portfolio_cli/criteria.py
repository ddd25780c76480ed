"""The criteria file (YAML, `version: 1`) → frozen dataclasses, with every problem collected.

The YAML is composed into nodes (which keep their line numbers) with no implicit type
resolution, then walked against the schema below. Types are decided here, by what each key
expects, never by YAML 1.1's guesses: `01000` stays a code, `NO` stays text, `12:30` is not 750,
duplicate keys are an error, and any explicit tag (`!!python/...`) is refused before anything is
built. All problems are reported at once, each with file, line, path and a fix.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml

from portfolio_cli import roles, yaml_hints
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.conditions.tree import Condition, ExpressionError, caret
from portfolio_cli.errors import CriteriaError, Issue
from portfolio_cli.messages import message, plural, reason

SEGMENTS = ("satisfied", "easy_to_satisfy", "unrecoverable")
DEFINED_BY = ("you", "customer", "implicit", "together")
MAX_CRITERIA = 3
# a criteria file is a few kilobytes; more is the wrong file (or a device that never ends)
MAX_BYTES = 1 << 20
# The columns every output adds after the id and the name, and the two `--history` adds: an id
# or name column of the same name would be hidden by them (engine.OUTPUT_COLUMNS is the first).
OUTPUT_COLUMNS = (
    "segment",
    "priority",
    "criteria_met",
    "criteria",
    "problems",
    "compensated",
    "action",
)
HISTORY_COLUMNS = ("previous_segment", "segment_since")


def default_actions() -> dict[str, str]:
    """The advice per segment when a criteria file has no `actions:`, in the current language."""
    return {segment: message(f"action.{segment}") for segment in SEGMENTS}


# The English defaults, for code that wants them whatever the language.
DEFAULT_ACTIONS = {segment: message(f"action.{segment}", "en") for segment in SEGMENTS}
KEY_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ALIAS = "tag:portfolio,2026:alias"  # stands in for each `*name`, so it is never expanded
_NULLS = ("", "~", "null", "Null", "NULL")
_SECTIONS = (  # the top-level keys of a criteria file, in the order the method takes them
    "version",
    "customers",
    "satisfaction",
    "listening",
    "criteria",
    "problems",
    "policy",
    "actions",
    "orders",
)

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """A criterion or a problem: its key, label, condition, and where it was written."""

    key: str
    label: str
    condition: Condition
    compensable: bool = False
    defined_by: str | None = None
    where: str = ""

    @property
    def when(self) -> str:
        """The condition as the user wrote it (without a folded block's trailing newline)."""
        return self.condition.text.strip()


@dataclass(frozen=True)
class CustomerColumns:
    """Which input columns hold the customer id and (optionally) the name."""

    id: str
    name: str | None = None


@dataclass(frozen=True)
class Satisfaction:
    """Step 1: what satisfaction means, and who defined it."""

    definition: str | None = None
    defined_by: str | None = None


@dataclass(frozen=True)
class Listening:
    """Step 2: when the business last listened, how often it should, and the NPS column."""

    last_done: dt.date | None = None
    every_months: int = 12
    nps: str | None = None

    def next_due(self) -> dt.date | None:
        """The date the next listening is due, or None if it was never done."""
        if self.last_done is None:
            return None
        months = self.last_done.month - 1 + self.every_months
        year, month = self.last_done.year + months // 12, months % 12 + 1
        if year > dt.MAXYEAR:  # due after the calendar ends (last_done: 9999-12-31): not yet
            return dt.date.max
        day = min(self.last_done.day, _days_in_month(year, month))
        return dt.date(year, month, day)


@dataclass(frozen=True)
class SortKey:
    """One `policy.order_by` entry: a column and a direction."""

    column: str
    descending: bool = False

    def __str__(self) -> str:
        return f"{self.column} {'desc' if self.descending else 'asc'}"


@dataclass(frozen=True)
class Policy:
    """Step 5: how many criteria compensate a compensable problem, and the tie-break order."""

    compensate_with: int | None = None
    order_by: tuple[SortKey, ...] = ()


@dataclass(frozen=True)
class OrderColumns:
    """The `orders:` block: which columns of an orders file hold customer, date and amount."""

    customer: str
    date: str
    amount: str


@dataclass(frozen=True)
class Criteria:
    """A whole criteria file, checked. Only the first three criteria are kept."""

    source: str
    customers: CustomerColumns
    criteria: tuple[Rule, ...]
    satisfaction: Satisfaction = Satisfaction()
    listening: Listening = Listening()
    set_aside: tuple[Rule, ...] = ()
    problems: tuple[Rule, ...] = ()
    policy: Policy = Policy()
    actions: dict[str, str] = field(default_factory=default_actions)
    orders: OrderColumns | None = None
    warnings: tuple[Issue, ...] = ()
    sha256: str = ""
    version: int = 1
    # each column the file names (`customers.name`, `policy.order_by[0]`...) → its file and line,
    # so that a column the input lacks is reported where it was written
    places: Mapping[str, str] = field(default_factory=dict)

    def place(self, path: str) -> str:
        """Where `path` was written: `criteria.yaml:7 customers.name` (no line if unknown)."""
        return self.places.get(path, f"{self.source} {path}")

    @property
    def compensate_with(self) -> int:
        """Criteria a customer must meet for a compensable problem to be compensated."""
        return self.policy.compensate_with or len(self.criteria)

    def rules(self) -> tuple[Rule, ...]:
        """The kept criteria, then the problems."""
        return self.criteria + self.problems


def required_columns(criteria: Criteria) -> list[str]:
    """Every input column the criteria file reads: id, name, NPS, order_by and conditions."""
    names = [criteria.customers.id]
    if criteria.customers.name:
        names.append(criteria.customers.name)
    if criteria.listening.nps:
        names.append(criteria.listening.nps)
    names += [key.column for key in criteria.policy.order_by]
    for rule in criteria.rules() + criteria.set_aside:  # set-aside criteria are checked too
        names += rule.condition.columns()
    return list(dict.fromkeys(names))


def load_criteria(path: str | Path) -> Criteria:
    """Read and check a criteria file; raise `CriteriaError` listing every problem found."""
    path = Path(path)
    try:
        with path.open("rb") as handle:  # at most MAX_BYTES: `-c /dev/zero` does not end
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CriteriaError(
            Issue("missing-file", roles.not_found("criteria.not_found", path))
        ) from None
    except OSError as exc:
        raise CriteriaError(message("criteria.unreadable", path=path, reason=reason(exc))) from None
    if len(raw) > MAX_BYTES:
        raise CriteriaError(Issue("too-large", message("streams.too_large", source=path)))
    if roles.looks_like_customers(str(path), raw[:4096]):
        raise CriteriaError(
            Issue("swapped-files", message("criteria.looks_like_customers", name=path))
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CriteriaError(
            Issue("bad-encoding", message("criteria.not_utf8"), str(path))
        ) from None
    return parse_criteria(text, source=str(path))


def parse_criteria(text: str, source: str = "criteria.yaml") -> Criteria:
    """Check criteria YAML given as text; `source` names it in messages."""
    reader = _Reader(source)
    criteria = reader.read(text)
    if reader.issues or criteria is None:
        # in the order of the file, as a reader goes through it
        raise CriteriaError(sorted(reader.issues, key=_line_of))
    return criteria


# --- YAML nodes, without YAML 1.1 guessing ------------------------------------------------------


class _PlainLoader(yaml.SafeLoader):
    """A safe loader that resolves no implicit types: every plain scalar stays text."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # An alias becomes a placeholder at its own line (refused when read), rather than the
        # anchored node: nothing is shared, so a billion-laughs file cannot expand.
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            return yaml.ScalarNode(_ALIAS, str(event.anchor), event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


_PlainLoader.yaml_implicit_resolvers = {}


class _Reader:
    """Walks composed YAML nodes against the schema, collecting issues with line numbers."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.issues: list[Issue] = []
        self.warnings: list[Issue] = []
        self._keys: dict[str, str] = {}  # each criterion or problem key → where it was first
        self.places: dict[str, str] = {}  # each column named → where (see Criteria.places)

    # where and what

    def where(self, node: yaml.Node | None, path: str) -> str:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        return f"{self.source}{line} {path}".rstrip()

    def error(self, node: yaml.Node | None, path: str, message: str, code: str) -> None:
        self.issues.append(Issue(code, message, self.where(node, path)))

    # shapes

    def mapping(
        self, node: yaml.Node, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node] | None:
        if not self._fresh(node, path):
            return None
        if not isinstance(node, yaml.MappingNode):
            keys = ", ".join(allowed)
            self.error(node, path, message("criteria.expected_mapping", keys=keys), "wrong-type")
            return None
        found: dict[str, yaml.Node] = {}
        suggested: set[str] = set()  # a required key misspelt is said once, as the misspelling
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, path, message("criteria.key_not_word"), "wrong-type")
                continue
            key = str(key_node.value)
            at = f"{path}.{key}" if path else key
            self._fresh(key_node, at)  # a tagged key is reported, then read as the word it is
            if key in found:
                first = found[key].start_mark.line + 1
                self.error(
                    key_node,
                    at,
                    message("criteria.duplicate_key", key=key, line=first),
                    "duplicate-key",
                )
                continue
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                suggested.update(close)
                hint = (
                    message("criteria.did_you_mean", close=close[0])
                    if close
                    else message("criteria.valid_keys", keys=", ".join(allowed))
                )
                if key == "compensable" and path.startswith("criteria["):
                    hint = message("criteria.only_problems_compensable")
                self.error(
                    key_node, at, message("criteria.unknown_key", key=key, hint=hint), "unknown-key"
                )
                continue
            found[key] = value_node
        for key in required:
            if key not in found and key in suggested:
                continue
            if key not in found or self.is_null(found[key]):
                at = f"{path}.{key}" if path else key
                self.error(found.get(key, node), at, message("criteria.required"), "missing-key")
        return found

    def sequence(self, node: yaml.Node, path: str, what: str) -> list[yaml.Node] | None:
        if not self._fresh(node, path):
            return None
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.error(node, path, message("criteria.expected_list", what=what), "wrong-type")
        return None

    def _fresh(self, node: yaml.Node, path: str) -> bool:
        if node.tag == _ALIAS:
            self.error(node, path, message("criteria.alias"), "alias")
            return False
        if node.tag not in (_STR, _SEQ, _MAP):
            self.error(
                node,
                path,
                message("criteria.tag", tag=node.tag.replace("tag:yaml.org,2002:", "!!")),
                "yaml-tag",
            )
            return False
        return True

    def is_null(self, node: yaml.Node) -> bool:
        return (
            isinstance(node, yaml.ScalarNode)
            and node.tag == _STR  # `!!python/name:x` is a tag to refuse, not an empty value
            and node.style is None
            and node.value in _NULLS
        )

    def scalar(self, node: yaml.Node, path: str, what: str) -> str | None:
        if not self._fresh(node, path):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, message("criteria.expected_scalar", what=what), "wrong-type")
            return None
        if self.is_null(node):
            return None
        return str(node.value)

    # typed values

    def text(self, node: yaml.Node, path: str) -> str | None:
        value = self.scalar(node, path, message("criteria.what_text"))
        return value.strip() if value is not None else None

    def column(self, node: yaml.Node, path: str) -> str | None:
        value = self.text(node, path)
        if value == "":
            self.error(node, path, message("criteria.empty_column"), "missing-key")
            return None
        self.places[path] = self.where(node, path)
        return value

    def integer(self, node: yaml.Node, path: str, low: int, high: int) -> int | None:
        value = self.scalar(node, path, message("criteria.what_number"))
        if value is None:
            return None
        # at most 18 digits: Python refuses to read 4,300 and more, and the bounds are small
        digits = re.fullmatch(r"[+-]?\d{1,18}", value.strip())
        if not digits or not low <= int(value) <= high:
            shown = value if len(value) <= 40 else f"{value[:20]}… ({len(value)} characters)"
            self.error(
                node,
                path,
                message("criteria.bad_integer", low=low, high=high, value=shown),
                "bad-value",
            )
            return None
        return int(value)

    def boolean(self, node: yaml.Node, path: str) -> bool | None:
        value = self.scalar(node, path, message("criteria.what_boolean"))
        if value is None:
            return None
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        self.error(node, path, message("criteria.bad_boolean", value=value), "bad-value")
        return None

    def choice(self, node: yaml.Node, path: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(node, path)
        if value is None or value in choices:
            return value
        close = difflib.get_close_matches(value, choices, n=1)
        listed = ", ".join(choices)
        text = (
            message("criteria.bad_choice_close", choices=listed, value=value, close=close[0])
            if close
            else message("criteria.bad_choice", choices=listed, value=value)
        )
        self.error(node, path, text, "bad-value")
        return None

    def date(self, node: yaml.Node, path: str) -> dt.date | None:
        value = self.text(node, path)
        if value is None:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)  # fromisoformat would also take 20260615 or 2026-W24
            day = dt.date.fromisoformat(value)
            self.places[path] = self.where(node, path)
            return day
        except ValueError:
            self.error(
                node,
                path,
                message("criteria.bad_date", value=value),
                "bad-value",
            )
            return None

    def optional(
        self,
        found: dict[str, yaml.Node] | None,
        key: str,
        path: str,
        read: Callable[[yaml.Node, str], T | None],
    ) -> T | None:
        if not found or key not in found:
            return None
        return read(found[key], f"{path}.{key}" if path else key)

    # the file

    def read(self, text: str) -> Criteria | None:
        """The file as `Criteria`, section by section; None when a problem was noted."""
        root = self._compose(text)
        if root is None:
            return None
        top = self.mapping(root, "", _SECTIONS, required=("version", "customers", "criteria"))
        if top is None:
            return None
        self._version(top)
        customers = self._customers(top.get("customers"))
        satisfaction = self._satisfaction(top.get("satisfaction"))
        listening = self._listening(top.get("listening"))
        all_criteria = self._rules(top.get("criteria"), "criteria", problems=False)
        problems = self._rules(top.get("problems"), "problems", problems=True)
        kept, set_aside = self._kept(all_criteria, top.get("criteria"))
        # compensate_with is bounded by the criteria the file lists, read or not: a criterion
        # with an error, or an empty list, is reported once, not again under policy:
        listed = top.get("criteria")
        written = len(listed.value) if isinstance(listed, yaml.SequenceNode) else 0
        policy = self._policy(top.get("policy"), min(written, MAX_CRITERIA) or MAX_CRITERIA)
        actions = self._actions(top.get("actions"))
        orders = self._orders(top.get("orders"))
        if self.issues or customers is None or not kept:
            return None
        return Criteria(
            source=self.source,
            customers=customers,
            criteria=kept,
            satisfaction=satisfaction,
            listening=listening,
            set_aside=set_aside,
            problems=problems,
            policy=policy,
            actions=actions,
            orders=orders,
            warnings=tuple(self.warnings),
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            places=dict(self.places),
        )

    def _compose(self, text: str) -> yaml.Node | None:
        """The file's YAML as nodes (with their lines); None, and the problem noted, when it
        is no YAML, too deep or empty."""
        try:
            root: yaml.Node | None = yaml.compose(text, Loader=_PlainLoader)
        except RecursionError:  # `[[[[...` ten thousand deep: PyYAML composes recursively
            self.issues.append(Issue("too-deep", message("streams.too_deep", source=self.source)))
            return None
        except yaml.YAMLError as exc:
            found = yaml_hints.explain(exc, text)
            line = f":{found.line}" if found.line is not None else ""
            self.issues.append(Issue("bad-yaml", found.text, f"{self.source}{line}"))
            return None
        if root is None:
            self.issues.append(
                Issue(
                    "empty-file",
                    message("criteria.empty_file"),
                    self.source,
                )
            )
        return root

    def _kept(
        self, criteria: tuple[Rule, ...], node: yaml.Node | None
    ) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """(the first MAX_CRITERIA criteria, the others): the others are set aside, with a
        warning naming them."""
        kept, set_aside = criteria[:MAX_CRITERIA], criteria[MAX_CRITERIA:]
        if set_aside:
            names = ", ".join(f"'{r.key}'" for r in set_aside)
            self.warnings.append(
                Issue(
                    "criteria-set-aside",
                    plural("criteria.set_aside", len(set_aside), total=len(criteria), names=names),
                    self.where(node, "criteria"),
                )
            )
        return kept, set_aside

    def _version(self, top: dict[str, yaml.Node]) -> None:
        node = top.get("version")
        if node is None or self.is_null(node):
            return  # reported as required
        value = self.scalar(node, "version", "1")
        if value is not None and value.strip() != "1":
            self.error(
                node,
                "version",
                message("criteria.bad_version", value=value),
                "unsupported-version",
            )

    def _customers(self, node: yaml.Node | None) -> CustomerColumns | None:
        if node is None or self.is_null(node):
            return None
        found = self.mapping(node, "customers", ("id", "name"), required=("id",))
        column_id = self.optional(found, "id", "customers", self._shown_column)
        name = self.optional(found, "name", "customers", self._shown_column)
        return CustomerColumns(column_id, name) if column_id else None

    def _shown_column(self, node: yaml.Node, path: str) -> str | None:
        """The id or name column: shown in every output beside the output's own columns, so it
        cannot bear one of their names (one of the two would be lost)."""
        value = self.column(node, path)
        if value in (*OUTPUT_COLUMNS, *HISTORY_COLUMNS):
            names = ", ".join((*OUTPUT_COLUMNS, *HISTORY_COLUMNS))
            text = message("criteria.output_name", column=value, names=names)
            self.error(node, path, text, "reserved-column")
            return None
        return value

    def _satisfaction(self, node: yaml.Node | None) -> Satisfaction:
        if node is None or self.is_null(node):
            return Satisfaction()
        found = self.mapping(node, "satisfaction", ("definition", "defined_by"))
        return Satisfaction(
            definition=self.optional(found, "definition", "satisfaction", self.text),
            defined_by=self.optional(
                found, "defined_by", "satisfaction", lambda n, p: self.choice(n, p, DEFINED_BY)
            ),
        )

    def _listening(self, node: yaml.Node | None) -> Listening:
        if node is None or self.is_null(node):
            return Listening()
        found = self.mapping(node, "listening", ("last_done", "every_months", "nps"))
        every = self.optional(
            found, "every_months", "listening", lambda n, p: self.integer(n, p, 1, 120)
        )
        return Listening(
            last_done=self.optional(found, "last_done", "listening", self.date),
            every_months=every if every is not None else 12,
            nps=self.optional(found, "nps", "listening", self.column),
        )

    def _rules(self, node: yaml.Node | None, block: str, *, problems: bool) -> tuple[Rule, ...]:
        if node is None or self.is_null(node):
            return ()
        what = message("criteria.list_of_problems" if problems else "criteria.list_of_criteria")
        items = self.sequence(node, block, what)
        if items is None:
            return ()
        if not items and not problems:
            self.error(node, block, message("criteria.empty_list"), "empty-criteria")
        allowed = ("key", "label", "when", "defined_by") + (("compensable",) if problems else ())
        rules: list[Rule] = []
        for index, item in enumerate(items):
            path = f"{block}[{index}]"
            found = self.mapping(item, path, allowed, required=("key", "when"))
            if found is None:
                continue
            key = self.optional(found, "key", path, self.text)
            if key is not None and not KEY_PATTERN.fullmatch(key):
                self.error(
                    found["key"],
                    f"{path}.key",
                    message("criteria.bad_key", key=key),
                    "bad-key",
                )
                key = None
            if key is not None:
                self._unique_key(key, found["key"], f"{path} ({key}).key")
            label = self.optional(found, "label", path, self.text)
            compensable = self.optional(found, "compensable", path, self.boolean)
            defined_by = self.optional(
                found, "defined_by", path, lambda n, p: self.choice(n, p, DEFINED_BY)
            )
            named = f"{path} ({key})" if key else path
            condition = self._condition(found.get("when"), f"{named}.when")
            if key is None or condition is None:
                continue
            rules.append(
                Rule(
                    key=key,
                    label=label or key.replace("_", " ").capitalize(),
                    condition=condition,
                    compensable=bool(compensable),
                    defined_by=defined_by,
                    where=self.where(found.get("when"), f"{named}.when"),
                )
            )
        return tuple(rules)

    def _condition(self, node: yaml.Node | None, path: str) -> Condition | None:
        if node is None:
            return None
        text = self.scalar(node, path, message("criteria.what_condition"))
        if text is None:
            return None  # a tag, a list, or nothing at all: already reported
        try:
            return parse_condition(text)
        except ExpressionError as exc:
            self.issues.append(
                Issue(exc.code, exc.message, self.where(node, path), caret(text, exc.span))
            )
            return None

    def _unique_key(self, key: str, node: yaml.Node, path: str) -> None:
        where = self.where(node, path)
        if key in self._keys:
            self.issues.append(
                Issue(
                    "duplicate-key",
                    message("criteria.key_used", key=key, where=self._keys[key].split(" ")[0]),
                    where,
                )
            )
        self._keys.setdefault(key, where)

    def _policy(self, node: yaml.Node | None, kept: int) -> Policy:
        if node is None or self.is_null(node):
            return Policy()
        found = self.mapping(node, "policy", ("compensate_with", "order_by"))
        compensate = self.optional(
            found, "compensate_with", "policy", lambda n, p: self.integer(n, p, 1, max(kept, 1))
        )
        order_by: tuple[SortKey, ...] = ()
        if found and "order_by" in found:
            order_by = self._order_by(found["order_by"])
        return Policy(compensate_with=compensate, order_by=order_by)

    def _order_by(self, node: yaml.Node) -> tuple[SortKey, ...]:
        entries: list[tuple[yaml.Node, str]]
        if isinstance(node, yaml.ScalarNode):
            entries = [(node, "policy.order_by")]
        else:
            what = message("criteria.list_of_sort_keys")
            items = self.sequence(node, "policy.order_by", what)
            entries = [(n, f"policy.order_by[{i}]") for i, n in enumerate(items or [])]
        keys: list[SortKey] = []
        for entry, path in entries:
            value = self.text(entry, path)
            if not value:
                continue
            key = parse_sort_key(value)
            if key is None:
                self.error(
                    entry,
                    path,
                    message("criteria.bad_order_by", value=value),
                    "bad-order-by",
                )
                continue
            self.places[f"policy.order_by[{len(keys)}]"] = self.where(entry, path)
            keys.append(key)
        return tuple(keys)

    def _actions(self, node: yaml.Node | None) -> dict[str, str]:
        actions = default_actions()
        if node is None or self.is_null(node):
            return actions
        found = self.mapping(node, "actions", SEGMENTS)
        for segment in SEGMENTS:
            value = self.optional(found, segment, "actions", self.text)
            if value:
                actions[segment] = value
        return actions

    def _orders(self, node: yaml.Node | None) -> OrderColumns | None:
        if node is None or self.is_null(node):
            return None
        fields = ("customer", "date", "amount")
        found = self.mapping(node, "orders", fields, required=fields)
        values = [self.optional(found, f, "orders", self.column) for f in fields]
        if not all(values):
            return None
        return OrderColumns(*values)  # type: ignore[arg-type]


def _line_of(issue: Issue) -> int:
    match = re.match(r".*?:(\d+)(?: |$)", issue.where)
    return int(match.group(1)) if match else 0


def parse_sort_key(text: str) -> SortKey | None:
    """`total_spent desc`, `` `Chiffre d'affaires` asc `` or `name` → a `SortKey`."""
    match = re.fullmatch(r"\s*(`(?:[^`]|``)+`|.+?)(?:\s+(\w+))?\s*", text)
    if not match:
        return None
    column, direction = match.group(1), (match.group(2) or "asc")
    if direction.lower() not in ("asc", "desc"):
        # "Chiffre affaires" (two words, no direction): the last word is not a direction
        return None
    if len(column) > 1 and column[0] == column[-1] == "`":  # a backtick inside is written twice
        column = column[1:-1].replace("``", "`")
    column = column.strip()
    return SortKey(column, direction.lower() == "desc") if column else None


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def iter_rules(criteria: Criteria) -> Iterator[tuple[str, Rule]]:
    """Each kept criterion and problem with its kind ('criterion' or 'problem')."""
    for rule in criteria.criteria:
        yield "criterion", rule
    for rule in criteria.problems:
        yield "problem", rule
