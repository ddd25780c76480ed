"""What people read in a terminal: the summary, the customer table, the checklist, one customer.

Every value that comes from a file is put in a `Text`, never parsed as Rich markup, so a name
like `[bold]x[/]` is shown as written; and it goes through `display.visible` first, so an ESC
or a right-to-left override in a name is shown (␛, \u202e), never obeyed by the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from portfolio_cli.criteria import SEGMENTS
from portfolio_cli.display import visible
from portfolio_cli.five_steps import Step
from portfolio_cli.messages import decimal, message, plural
from portfolio_cli.result import NO_CRITERION

if TYPE_CHECKING:
    from portfolio_cli.result import Summary

SEGMENT_STYLES = {"satisfied": "green", "easy_to_satisfy": "yellow", "unrecoverable": "red"}


def segment_label(segment: str) -> str:
    """`satisfied` → `Satisfied` (`Satisfait` in French): the name people read."""
    return message(f"segment.{segment}")


class _SegmentLabels(Mapping[str, str]):
    """`SEGMENT_LABELS["satisfied"]`: each segment's name, looked up in the current language
    at the moment it is read (a plain dict would freeze the language of import time)."""

    def __getitem__(self, segment: str) -> str:
        if segment not in SEGMENTS:
            raise KeyError(segment)
        return segment_label(segment)

    def __iter__(self) -> Iterator[str]:
        return iter(SEGMENTS)

    def __len__(self) -> int:
        return len(SEGMENTS)


SEGMENT_LABELS: Mapping[str, str] = _SegmentLabels()


def percent(value: float | None) -> str:
    """0.7512 → '75.1 %' ('75,1 %' in French); None → '—'."""
    return "—" if value is None else f"{decimal(100 * value)} %"


def signed(value: float | None) -> str:
    """An NPS: +23.5, -4, or '—' when nobody answered (decimal comma in French)."""
    if value is None:
        return "—"
    return decimal(value, 0 if value == int(value) else 1, sign=True)


def summary_lines(summary: Summary, source: str) -> RenderableType:
    """The portfolio in a few lines: quality, segments, NPS, why unrecoverable, unjudged."""
    total = summary.total
    segments = summary.segments
    head = Text(plural("summary.head", total, source=visible(source), date=summary.as_of))
    quality = Text(message("summary.quality") + " ", style="bold")
    quality.append(percent(summary.quality), style="bold")
    parts = [head, quality]
    counts = Text()
    for index, name in enumerate(SEGMENTS):
        if index:
            counts.append(" · ")
        share = (
            message("summary.share", percent=decimal(100 * segments[name] / total, 0))
            if total
            else ""
        )
        named = plural(f"segments.{name}", segments[name])
        label = message("summary.segment", label=named, count=segments[name])
        counts.append(label + share, style=SEGMENT_STYLES[name])
    parts.append(counts)
    if summary.nps_answers:
        nps = Text(plural("summary.nps", summary.nps_answers, nps=signed(summary.nps)))
        by_segment = " · ".join(
            f"{plural(f'segments.{s}', 2).lower()} {signed(v)}"
            for s, v in summary.nps_by_segment.items()
        )
        nps.append(f" — {by_segment}")
        parts.append(nps)
    reasons = {
        message("summary.no_criterion_met") if k == NO_CRITERION else visible(k): v
        for k, v in summary.unrecoverable_reasons.items()
        if v
    }
    if reasons:
        parts.append(
            Text(
                message("summary.because")
                + message("colon")
                + " · ".join(f"{k} {v}" for k, v in reasons.items())
            )
        )
    unjudged = {k: v for k, v in summary.unjudged.items() if v}
    if unjudged:
        parts.append(
            Text(
                message("summary.unjudged")
                + message("colon")
                + " · ".join(f"{visible(k)} {v}" for k, v in unjudged.items())
            )
        )
    return Group(*parts)


def customer_table(
    rows: list[dict[str, Any]],
    id_column: str,
    name_column: str | None,
    criteria: list[str],
    width: int = 120,
    previous: Mapping[str, str | None] | None = None,
) -> Table:
    """The customers in priority order: one column per criterion (✓ met), then problems.

    With `previous` (customer id → segment in the snapshot before, None when new: history is
    on), a `was` column after the segment: ↑ or ↓ and the segment the customer came from,
    `new`, or blank when the segment did not change.

    One line per customer in `width` columns: the name takes what the other columns leave
    (up to 36 characters) and is cut with an ellipsis rather than folded; in a terminal too
    narrow to give it 8 characters, the name is left out (the id identifies the customer).
    """
    was = 0 if previous is None else _was_width()
    if name_column and _name_width(rows, width - was, criteria) < 8:
        name_column = None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(Text(visible(id_column)), no_wrap=True, min_width=min(len(id_column), 8))
    if name_column:
        # one line per customer: a long name is cut with an ellipsis rather than folded
        name_width = _name_width(rows, width - was, criteria)
        table.add_column(
            Text(visible(name_column)), no_wrap=True, overflow="ellipsis", width=name_width
        )
    table.add_column(message("table.segment"), no_wrap=True, min_width=_longest_segment_label())
    if previous is not None:
        table.add_column(message("table.was"), no_wrap=True)
    for key in criteria:
        # the key's words may wrap in the header; the cell is one mark
        table.add_column(
            Text(visible(key.replace("_", " "))), justify="center", width=_header_width(key)
        )
    problems = message("table.problems")
    table.add_column(problems, overflow="fold", min_width=max(8, len(problems)))
    if any(row["compensated"] for row in rows):
        table.add_column(message("table.compensated"))
    for row in rows:
        segment = row["segment"]
        cells = [Text(str(row["priority"])), Text(visible(row[id_column]))]
        if name_column:
            cells.append(Text(visible(row[name_column] or "")))
        cells.append(Text(segment_label(segment), style=SEGMENT_STYLES[segment]))
        if previous is not None:
            cells.append(_was(previous.get(str(row[id_column]), None), segment))
        met = set(row["criteria"].split("|"))
        cells += [Text("✓", style="green") if key in met else Text("·") for key in criteria]
        cells.append(Text(visible(row["problems"].replace("|", ", ")), style="red"))
        if len(table.columns) > len(cells):
            cells.append(Text(visible(row["compensated"].replace("|", ", "))))
        table.add_row(*cells)
    return table


def _was(before: str | None, segment: str) -> Text:
    """The `was` cell: `↓ Satisfied` (moved down from), `↑ Unrecoverable` (up from), `new`."""
    if before is None:
        return Text(message("table.was_new"), style="cyan")
    if before == segment:
        return Text("")
    up = SEGMENTS.index(segment) < SEGMENTS.index(before)
    return Text(f"{'↑' if up else '↓'} {segment_label(before)}", style="green" if up else "red")


def _was_width() -> int:
    """Width of the `was` column with its padding: an arrow and the longest segment name."""
    return 2 + max(2 + _longest_segment_label(), len(message("table.was_new"))) + 2


def _longest_segment_label() -> int:
    """Width of the segment column: its longest name in the current language."""
    return max(len(segment_label(segment)) for segment in SEGMENTS)


def _header_width(key: str) -> int:
    """A criterion column is as wide as the longest word of its key (the words wrap)."""
    return max(4, *(len(word) for word in key.split("_")))


def _name_width(rows: list[dict[str, Any]], width: int, criteria: list[str]) -> int:
    """What is left for the name once the other columns have their natural width."""
    ids = max((len(str(row.get("priority", ""))) for row in rows), default=1)
    problems = message("table.problems")
    others = [
        ids,
        max([len(str(next(iter(row.values()), ""))) for row in rows] + [8]),
        _longest_segment_label(),
        *(_header_width(key) for key in criteria),
        min(20, max([len(str(row.get("problems", ""))) for row in rows] + [8, len(problems)])),
    ]
    if any(row.get("compensated") for row in rows):
        others.append(min(20, max([len(str(row["compensated"])) for row in rows] + [11])))
    left = width - sum(others) - 2 * (len(others) + 1) - 1
    return min(36, left)


def actions_lines(actions: dict[str, str], summary: Summary) -> RenderableType:
    """The advice for each segment present in the portfolio."""
    lines = [Text(message("summary.what_to_do"), style="bold")]
    for name in SEGMENTS:
        if summary.segments[name]:
            line = Text("  ")
            # advice to a group: "Satisfaits : remerciez-les" agrees with the customers it names
            line.append(plural(f"segments.{name}", 2), style=SEGMENT_STYLES[name])
            line.append(message("colon") + visible(actions[name]))
            lines.append(line)
    return Group(*lines)


def checklist(steps: list[Step], source: str) -> RenderableType:
    """The five steps with a mark each: ✓ done, ! needs attention."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2, justify="right")
    grid.add_column()
    for step in steps:
        mark, style = ("✓", "green") if step.status == "ok" else ("!", "yellow")
        title = f"{step.number}. {step.title}" if step.number else step.title
        grid.add_row(Text(mark, style=style), Text(visible(title), style="bold"))
        for line in step.lines:
            grid.add_row("", Padding(Text(visible(line)), (0, 0, 0, 2), expand=False))
        for warning in step.warnings:
            text = Text(message("cli.warning", text=visible(warning)), style="yellow")
            grid.add_row("", Padding(text, (0, 0, 0, 2), expand=False))
    return Group(Text(message("checklist.title", source=visible(source)), style="bold"), grid)


def explanation(data: dict[str, Any], id_column: str, compensate_with: int) -> RenderableType:
    """One customer: segment, rank, and each rule's verdict with the values it read."""
    segment = data["segment"]
    head = Text(f"{visible(id_column)} {visible(data['id'])}", style="bold")
    if data["name"]:
        head.append(f" — {visible(data['name'])}", style="bold")
    line = Text()
    line.append(segment_label(segment), style=SEGMENT_STYLES[segment])
    kept = sum(1 for r in data["rules"] if r["kind"] == "criterion")
    line.append(
        plural(
            "explain.rank",
            data["criteria_met"],
            priority=data["priority"],
            total=data["total"],
            kept=kept,
        )
    )
    parts: list[RenderableType] = [head, line]
    for kind, title in (
        ("criterion", message("explain.criteria")),
        ("problem", message("explain.problems")),
    ):
        rules = [r for r in data["rules"] if r["kind"] == kind]
        if not rules:
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=2, justify="right")
        grid.add_column()
        for rule in rules:
            mark, style, word = _verdict(rule, kind, compensate_with)
            heading = Text(visible(rule["key"]), style="bold")
            heading.append(message("colon") + word, style=style)
            grid.add_row(Text(mark, style=style), heading)
            values = ", ".join(
                f"{visible(column)} = "
                + (visible(value) if value is not None else message("explain.blank"))
                for column, value in rule["values"].items()
            )
            detail = Text(message("explain.when", when=visible(rule["when"])))
            if values:
                detail.append(message("explain.read", values=values), style="dim")
            grid.add_row("", Padding(detail, (0, 0, 0, 2), expand=False))
        parts += [Text(title, style="bold"), grid]
    parts.append(Text(message("explain.what_to_do", action=visible(data["action"]))))
    return Group(*parts)


def _verdict(rule: dict[str, Any], kind: str, compensate_with: int) -> tuple[str, str, str]:
    result = rule["result"]
    if kind == "criterion":
        return {
            "true": ("✓", "green", message("explain.met")),
            "false": ("✗", "red", message("explain.not_met")),
            "unknown": ("?", "yellow", message("explain.unknown_criterion")),
        }[result]
    if rule["compensated"]:
        return "~", "yellow", message("explain.compensated", count=compensate_with)
    return {
        "true": ("!", "red", message("explain.present")),
        "false": ("·", "green", message("explain.absent")),
        "unknown": ("?", "yellow", message("explain.unknown_problem")),
    }[result]
