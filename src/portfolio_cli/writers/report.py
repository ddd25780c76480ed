"""The monthly report: one self-contained HTML file (inline CSS and SVG), or the same in Markdown.

`report_context` gathers what the report shows from a classification (and, when a history file
is kept, the trend and the migration); `render_report` turns it into bytes with the Jinja2
templates in `portfolio_cli/templates/`. Charts are SVG drawn by those templates: no script, no
font, nothing fetched from the network (a Content-Security-Policy says so to the browser).

Every value from the input is escaped: autoescaping is switched on explicitly, because Jinja2's
usual `select_autoescape()` does not escape templates named `.html.j2` or `.svg`. The Markdown
template escapes with the `md` filter (`display.markdown_escape`, shared by every Markdown
writer). In both, every value written is made visible (`display.visible`): a right-to-left
override or an ESC in a name is shown, never left to reorder or garble the page.

Another part of the tool adds a section by passing `Section`s to `render_report(extra=...)`:
they appear after the built-in analysis sections, before the checklist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from portfolio_cli import __version__
from portfolio_cli.criteria import SEGMENTS, Criteria

# markdown_escape is also imported from here, as before it moved to display
from portfolio_cli.display import markdown_escape as markdown_escape
from portfolio_cli.display import visible
from portfolio_cli.engine import Classification
from portfolio_cli.five_steps import review
from portfolio_cli.messages import long_date, message, plural, short_date
from portfolio_cli.result import NO_CRITERION, Summary

if TYPE_CHECKING:
    from portfolio_cli.history import Migration, Snapshot


@dataclass(frozen=True)
class Section:
    """A section added to the report by another part of the tool.

    `html` is trusted markup: whoever builds it must escape every value from the input
    (`markupsafe.escape`). `markdown` is the same content in Markdown, escaped likewise.
    """

    key: str
    title: str
    html: Markup
    markdown: str


@dataclass(frozen=True)
class HistoryView:
    """What the history adds to a report: the snapshots up to this one, and the migration from
    the snapshot before (None when this is the first)."""

    snapshots: Sequence[Snapshot]
    migration: Migration | None
    criteria_changed: bool = False
    file: str = ""


@dataclass(frozen=True)
class ReportContext:
    """Everything a report template reads."""

    lang: str
    as_of: str
    source: str
    summary: Summary
    criteria: Criteria
    previous: Summary | None
    priorities: list[dict[str, Any]]
    unrecoverable: list[dict[str, Any]]
    more_priorities: int
    more_unrecoverable: int
    steps: list[Any]
    history: HistoryView | None
    extra: list[Section] = field(default_factory=list)


def report_context(
    result: Classification,
    criteria: Criteria,
    *,
    as_of: dt.date,
    source: str,
    lang: str = "en",
    history: HistoryView | None = None,
    limit: int = 25,
) -> ReportContext:
    """Gather what the report shows; `limit` caps the lists of customers (0: no cap)."""
    frame = result.customers
    id_column, name_column = criteria.customers.id, criteria.customers.name
    segment = frame["segment"]
    easy = frame[segment == "easy_to_satisfy"]
    lost = frame[segment == "unrecoverable"]
    cap = limit or None
    kept = [rule.key for rule in criteria.criteria]

    def records(part: Any) -> list[dict[str, Any]]:
        rows = part.head(cap) if cap else part
        out = []
        for row in rows.astype(object).where(rows.notna(), None).to_dict("records"):
            met = [k for k in str(row["criteria"]).split("|") if k]
            out.append(
                {
                    "priority": int(row["priority"]),
                    "id": str(row[id_column]),
                    "name": "" if not name_column or row[name_column] is None else row[name_column],
                    "met": met,
                    "missing": [k for k in kept if k not in met],
                    "problems": [k for k in str(row["problems"]).split("|") if k],
                    "compensated": [k for k in str(row["compensated"]).split("|") if k],
                }
            )
        return out

    previous = None
    if history is not None:
        earlier = [s for s in history.snapshots if s.as_of < as_of.isoformat()]
        previous = earlier[-1].summary if earlier else None
    return ReportContext(
        lang=lang,
        as_of=as_of.isoformat(),
        source=source,
        summary=result.summary,
        criteria=criteria,
        previous=previous,
        priorities=records(easy),
        unrecoverable=records(lost),
        more_priorities=max(0, len(easy) - (cap or len(easy))),
        more_unrecoverable=max(0, len(lost) - (cap or len(lost))),
        steps=review(criteria, as_of),
        history=history,
    )


def render_report(context: ReportContext, fmt: str, extra: Sequence[Section] = ()) -> bytes:
    """The report as UTF-8 bytes, `html` or `markdown`, with `extra` sections added."""
    environment = _environment(fmt)
    environment.filters["label"] = lambda key: _rule_label(context.criteria, key)
    template = environment.get_template("report.html.j2" if fmt == "html" else "report.md.j2")
    lang = context.lang

    def t(key: str, **values: object) -> str:
        return message(key, lang, **values)

    text = template.render(
        c=context,
        t=t,
        tp=lambda key, count: plural(key, count, lang),
        colon=message("report.colon", lang),
        extra=list(context.extra) + list(extra),
        segments=SEGMENTS,
        no_criterion=NO_CRITERION,
        version=__version__,
        seg=lambda name, count: plural(f"segments.{name}", count, lang),
        day=lambda value: long_date(value, lang),
        sday=lambda value: short_date(value, lang),
        pct=lambda v: _percent(v, lang),
        num=lambda v, digits=1: _number(v, lang, digits),
        signed=lambda v: _signed(v, lang),
        points=lambda v: _points(v, lang),
        label=lambda key: _rule_label(context.criteria, key),
        trend=_trend_points(context),
        matrix_max=_matrix_max(context),
    )
    return text.encode("utf-8")


def _environment(fmt: str) -> jinja2.Environment:
    if fmt == "html":
        # Explicitly on: select_autoescape() would leave `.html.j2` and `.svg` unescaped.
        environment = jinja2.Environment(
            loader=jinja2.PackageLoader("portfolio_cli", "templates"),
            autoescape=True,
            finalize=_visible,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    else:
        # Markdown is not HTML: the `md` filter escapes every value instead.
        environment = jinja2.Environment(
            loader=jinja2.PackageLoader("portfolio_cli", "templates"),
            autoescape=False,  # noqa: S701
            finalize=_visible,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    environment.filters["md"] = markdown_escape
    return environment


def _visible(value: object) -> object:
    """Every value a template writes, its control characters made visible; trusted markup
    (a section's HTML) stays markup, its text made visible likewise."""
    if isinstance(value, Markup):
        return Markup(visible(str(value), lines=True))  # noqa: S704 (already escaped)
    if isinstance(value, str):
        return visible(value, lines=True)
    return value


def _decimal(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "fr" else text


def _percent(value: float | None, lang: str) -> str:
    """0.7512 → '75.1 %' ('75,1 %' in French); None → '—'."""
    return "—" if value is None else _decimal(f"{100 * value:.1f}", lang) + "\u00a0%"


def _number(value: float | None, lang: str, digits: int = 1) -> str:
    return "—" if value is None else _decimal(f"{value:.{digits}f}", lang)


def _signed(value: float | None, lang: str) -> str:
    """An NPS or a change: +23.5, −4, or '—'."""
    if value is None:
        return "—"
    text = f"{value:+.0f}" if value == int(value) else f"{value:+.1f}"
    return _decimal(text.replace("-", "−"), lang)


def _points(value: float | None, lang: str) -> str:
    """A change in quality, in percentage points."""
    return "—" if value is None else _signed(round(100 * value, 1), lang)


def _rule_label(criteria: Criteria, key: str) -> str:
    for rule in (*criteria.criteria, *criteria.problems):
        if rule.key == key:
            return rule.label or key
    return key


def _trend_points(context: ReportContext) -> list[dict[str, Any]]:
    """Points of the trend chart: one per snapshot, x from 100 to 520 (room on both sides for
    a date centred under the first and last points), y from quality 0-100 %."""
    if context.history is None:
        return []
    kept = [s for s in context.history.snapshots if s.as_of <= context.as_of]
    count = len(kept)
    points = []
    for index, snapshot in enumerate(kept):
        quality = snapshot.summary.quality
        x = 100 + (index * 420 / (count - 1) if count > 1 else 210)
        y = 170 - 150 * (quality or 0.0)
        points.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "as_of": snapshot.as_of,
                "quality": quality,
                "nps": snapshot.summary.nps,
                "segments": snapshot.summary.segments,
                "total": snapshot.total,
            }
        )
    return points


def _matrix_max(context: ReportContext) -> int:
    if context.history is None or context.history.migration is None:
        return 1
    values = [v for row in context.history.migration.matrix.values() for v in row.values()]
    return max([1, *values])
