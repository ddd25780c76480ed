"""What people read in a terminal: the summary, the customer table, the checklist, one customer.

Every value that comes from a file is put in a `Text`, never parsed as Rich markup, so a name
like `[bold]x[/]` is shown as written.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from portfolio_cli.checklist import Step
from portfolio_cli.criteria import SEGMENTS

SEGMENT_LABELS = {
    "satisfied": "Satisfied",
    "easy_to_satisfy": "Easy to satisfy",
    "unrecoverable": "Unrecoverable",
}
SEGMENT_STYLES = {"satisfied": "green", "easy_to_satisfy": "yellow", "unrecoverable": "red"}


def percent(value: float | None) -> str:
    """0.7512 → '75.1 %'; None → '—'."""
    return "—" if value is None else f"{100 * value:.1f} %"


def signed(value: float | None) -> str:
    """An NPS: +23.5, -4, or '—' when nobody answered."""
    if value is None:
        return "—"
    return f"{value:+.1f}".replace(".0", "") if value == int(value) else f"{value:+.1f}"


def summary_lines(summary: dict[str, Any], source: str) -> RenderableType:
    """The portfolio in a few lines: quality, segments, NPS, why unrecoverable, unjudged."""
    total = summary["total"]
    segments = summary["segments"]
    head = Text()
    head.append(source)
    head.append(f" — {total} customer{'s' if total != 1 else ''}, as of {summary['as_of']}")
    quality = Text("Portfolio quality ", style="bold")
    quality.append(percent(summary["quality"]), style="bold")
    parts = [head, quality]
    counts = Text()
    for index, name in enumerate(SEGMENTS):
        if index:
            counts.append(" · ")
        share = f" ({100 * segments[name] / total:.0f} %)" if total else ""
        counts.append(f"{SEGMENT_LABELS[name]} {segments[name]}{share}", style=SEGMENT_STYLES[name])
    parts.append(counts)
    if summary.get("nps_answers"):
        nps = Text(f"NPS {signed(summary['nps'])} ({summary['nps_answers']} answers)")
        by_segment = " · ".join(
            f"{SEGMENT_LABELS[s].lower()} {signed(v)}" for s, v in summary["nps_by_segment"].items()
        )
        nps.append(f" — {by_segment}")
        parts.append(nps)
    reasons = {k: v for k, v in summary["unrecoverable_reasons"].items() if v}
    if reasons:
        parts.append(
            Text(
                "Unrecoverable because: "
                + " · ".join(
                    f"{k.replace('_', ' ') if k == 'no_criterion_met' else k} {v}"
                    for k, v in reasons.items()
                )
            )
        )
    unjudged = {k: v for k, v in summary["unjudged"].items() if v}
    if unjudged:
        parts.append(
            Text(
                "Unjudged (a value was missing, counted as not met): "
                + " · ".join(f"{k} {v}" for k, v in unjudged.items())
            )
        )
    return Group(*parts)


def customer_table(
    rows: list[dict[str, Any]],
    id_column: str,
    name_column: str | None,
    criteria: list[str],
    width: int = 120,
) -> Table:
    """The customers in priority order: one column per criterion (✓ met), then problems.

    One line per customer in `width` columns: the name takes what the other columns leave
    (up to 36 characters) and is cut with an ellipsis rather than folded; in a terminal too
    narrow to give it 8 characters, the name is left out (the id identifies the customer).
    """
    if name_column and _name_width(rows, width, criteria) < 8:
        name_column = None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(id_column, no_wrap=True, min_width=min(len(id_column), 8))
    if name_column:
        # one line per customer: a long name is cut with an ellipsis rather than folded
        name_width = _name_width(rows, width, criteria)
        table.add_column(name_column, no_wrap=True, overflow="ellipsis", width=name_width)
    table.add_column("segment", no_wrap=True, min_width=len(SEGMENT_LABELS["easy_to_satisfy"]))
    for key in criteria:
        # the key's words may wrap in the header; the cell is one mark
        table.add_column(key.replace("_", " "), justify="center", width=_header_width(key))
    table.add_column("problems", overflow="fold", min_width=8)
    if any(row["compensated"] for row in rows):
        table.add_column("compensated")
    for row in rows:
        segment = row["segment"]
        cells = [Text(str(row["priority"])), Text(str(row[id_column]))]
        if name_column:
            cells.append(Text(str(row[name_column] or "")))
        cells.append(Text(SEGMENT_LABELS[segment], style=SEGMENT_STYLES[segment]))
        met = set(row["criteria"].split("|"))
        cells += [Text("✓", style="green") if key in met else Text("·") for key in criteria]
        cells.append(Text(row["problems"].replace("|", ", "), style="red"))
        if len(table.columns) > len(cells):
            cells.append(Text(row["compensated"].replace("|", ", ")))
        table.add_row(*cells)
    return table


def _header_width(key: str) -> int:
    """A criterion column is as wide as the longest word of its key (the words wrap)."""
    return max(4, *(len(word) for word in key.split("_")))


def _name_width(rows: list[dict[str, Any]], width: int, criteria: list[str]) -> int:
    """What is left for the name once the other columns have their natural width."""
    ids = max((len(str(row.get("priority", ""))) for row in rows), default=1)
    others = [
        ids,
        max([len(str(next(iter(row.values()), ""))) for row in rows] + [8]),
        len(SEGMENT_LABELS["easy_to_satisfy"]),
        *(_header_width(key) for key in criteria),
        min(20, max([len(str(row.get("problems", ""))) for row in rows] + [8])),
    ]
    if any(row.get("compensated") for row in rows):
        others.append(min(20, max([len(str(row["compensated"])) for row in rows] + [11])))
    left = width - sum(others) - 2 * (len(others) + 1)
    return min(36, left)


def actions_lines(actions: dict[str, str], summary: dict[str, Any]) -> RenderableType:
    """The advice for each segment present in the portfolio."""
    lines = [Text("What to do", style="bold")]
    for name in SEGMENTS:
        if summary["segments"][name]:
            line = Text("  ")
            line.append(SEGMENT_LABELS[name], style=SEGMENT_STYLES[name])
            line.append(f": {actions[name]}")
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
        grid.add_row(Text(mark, style=style), Text(title, style="bold"))
        for line in step.lines:
            grid.add_row("", Padding(Text(line), (0, 0, 0, 2), expand=False))
        for warning in step.warnings:
            grid.add_row(
                "", Padding(Text(f"warning: {warning}", style="yellow"), (0, 0, 0, 2), expand=False)
            )
    return Group(Text(f"{source} — the five steps", style="bold"), grid)


def explanation(data: dict[str, Any], id_column: str, compensate_with: int) -> RenderableType:
    """One customer: segment, rank, and each rule's verdict with the values it read."""
    segment = data["segment"]
    head = Text(f"{id_column} {data['id']}", style="bold")
    if data["name"]:
        head.append(f" — {data['name']}", style="bold")
    line = Text()
    line.append(SEGMENT_LABELS[segment], style=SEGMENT_STYLES[segment])
    met = data["criteria_met"]
    kept = sum(1 for r in data["rules"] if r["kind"] == "criterion")
    line.append(f" · priority {data['priority']} of {data['total']} · {met} of {kept} criteria met")
    parts: list[RenderableType] = [head, line]
    for kind, title in (("criterion", "Criteria"), ("problem", "Problems")):
        rules = [r for r in data["rules"] if r["kind"] == kind]
        if not rules:
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=2, justify="right")
        grid.add_column()
        for rule in rules:
            mark, style, word = _verdict(rule, kind, compensate_with)
            heading = Text(rule["key"], style="bold")
            heading.append(f": {word}", style=style)
            grid.add_row(Text(mark, style=style), heading)
            values = ", ".join(
                f"{column} = {value if value is not None else '(blank)'}"
                for column, value in rule["values"].items()
            )
            detail = Text(f"when {rule['when']}")
            if values:
                detail.append(f"   read: {values}", style="dim")
            grid.add_row("", Padding(detail, (0, 0, 0, 2), expand=False))
        parts += [Text(title, style="bold"), grid]
    parts.append(Text(f"What to do: {data['action']}"))
    return Group(*parts)


def _verdict(rule: dict[str, Any], kind: str, compensate_with: int) -> tuple[str, str, str]:
    result = rule["result"]
    if kind == "criterion":
        return {
            "true": ("✓", "green", "met"),
            "false": ("✗", "red", "not met"),
            "unknown": ("?", "yellow", "unknown (a value is missing): counted as not met"),
        }[result]
    if rule["compensated"]:
        return "~", "yellow", f"present, compensated ({compensate_with} or more criteria met)"
    return {
        "true": ("!", "red", "present"),
        "false": ("·", "green", "absent"),
        "unknown": ("?", "yellow", "unknown (a value is missing): counted as absent"),
    }[result]
