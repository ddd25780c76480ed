"""`portfolio profile` for people (Rich tables) and for machines (CSV, JSON).

Column names and values from the file are put in `Text`, never read as Rich markup, and made
visible (`display.visible`: an ESC in a column name is shown as ␛, never obeyed).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from portfolio_cli.criteria import SEGMENTS
from portfolio_cli.display import json_text, markdown_escape, visible
from portfolio_cli.messages import message, plural
from portfolio_cli.writers.formats import to_csv
from portfolio_cli.writers.report import Section

STYLES = {"satisfied": "green", "easy_to_satisfy": "yellow", "unrecoverable": "red"}
CSV_COLUMNS = (
    "segment",
    "rank",
    "kind",
    "column",
    "value",
    "in_segment",
    "in_portfolio",
    "lift",
    "score",
)


def share(value: float | None, lang: str = "en") -> str:
    """0.665 → '66.5%' ('66,5 %' in French); None → '—'."""
    if value is None:
        return "—"
    text = f"{100 * value:.1f}"
    return f"{text.replace('.', ',')} %" if lang == "fr" else f"{text}%"


def number(value: float | None, lang: str = "en") -> str:
    """A median as people write it: 5031.2 → '5,031' ('5 031' in French), 0.45 → '0.45'."""
    if value is None:
        return "—"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def ratio(value: float | None, lang: str = "en") -> str:
    """A lift: 2.95 → '×2.95'."""
    if value is None:
        return "—"
    text = f"×{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def profile_view(data: dict[str, Any], lang: str = "en") -> RenderableType:
    """One table per segment (what sets it apart), then the outcome per segment if any."""
    parts: list[RenderableType] = []
    for name in SEGMENTS:
        segment = data["segments"][name]
        if parts:
            parts.append(Text(""))
        title = Text(
            plural(
                "profile.segment_title",
                segment["customers"],
                lang,
                segment=plural(f"segments.{name}", segment["customers"], lang),
                share=share(segment["share"], lang),
            ),
            style=f"bold {STYLES[name]}",
        )
        parts.append(title)
        if segment.get("small"):
            parts.append(Text("  " + _small(segment, lang), style="yellow"))
        if not segment["customers"]:
            parts.append(Text("  " + message("profile.empty_segment", lang)))
        elif not segment["characteristics"]:
            parts.append(Text("  " + message("profile.nothing", lang)))
        else:
            parts.append(_characteristics(segment["characteristics"], lang))
    parts.append(Text(message("profile.score_note", lang), style="dim"))
    if data["skipped"]:
        reasons = ", ".join(
            f"{visible(item['column'])} ({message('profile.reason.' + item['reason'], lang)})"
            for item in data["skipped"]
        )
        parts.append(Text(message("profile.left_out", lang, columns=reasons), style="dim"))
    if data["outcome"] is not None:
        parts.append(Text(""))
        parts.append(outcome_view(data["outcome"], lang))
    return Group(*parts)


def _small(segment: dict[str, Any], lang: str) -> str:
    """The caution beside a segment too small to trust: `only 9 customers: ...`."""
    from portfolio_cli.traits import MIN_CUSTOMERS

    return plural("profile.small_segment", segment["customers"], lang, minimum=MIN_CUSTOMERS)


def _cells(item: dict[str, Any], lang: str) -> list[str]:
    """A characteristic as the texts of its row: label, in segment, portfolio, lift, score."""
    if item["kind"] == "number":
        label = message("profile.median", lang, column=visible(item["column"]))
        values = [number(item["segment"], lang), number(item["portfolio"], lang)]
    else:
        label = f"{visible(item['column'])} = {visible(item['value'])}"
        values = [share(item["segment"], lang), share(item["portfolio"], lang)]
    score = f"{item['score']:.2f}"
    return [
        label,
        *values,
        ratio(item["lift"], lang),
        score.replace(".", ",") if lang == "fr" else score,
    ]


def profile_section(data: dict[str, Any], lang: str = "en") -> Section:
    """The profile as a section of the monthly report (HTML and Markdown), every column name
    and value from the file escaped."""
    heads = [
        message(key, lang)
        for key in (
            "profile.characteristic",
            "profile.in_segment",
            "profile.in_portfolio",
            "profile.lift",
            "profile.score",
        )
    ]
    # Markup(...).format escapes every value that is not Markup itself.
    html: list[Markup] = []
    markdown: list[str] = []
    for name in SEGMENTS:
        segment_html, segment_markdown = _segment_parts(name, data["segments"][name], heads, lang)
        html += segment_html
        markdown += segment_markdown
    for note in _profile_notes(data, lang):
        html.append(Markup('<p class="note">{}</p>').format(note))
        markdown.append(markdown_escape(note) + "\n")
    if data["outcome"] is not None:
        outcome_html, outcome_markdown = _outcome_section(data["outcome"], lang)
        html.append(outcome_html)
        markdown.append(outcome_markdown)
    return Section(
        key="profile",
        title=message("profile.report_title", lang),
        html=Markup("\n").join(html),
        markdown="\n".join(markdown).rstrip("\n"),
    )


def _segment_parts(
    name: str, segment: dict[str, Any], heads: list[str], lang: str
) -> tuple[list[Markup], list[str]]:
    """One segment's part of the profile, in HTML and in Markdown: its title, a warning when it
    is small, and its characteristics (or why there are none)."""
    html: list[Markup] = []
    markdown: list[str] = []
    title = plural(
        "profile.segment_title",
        segment["customers"],
        lang,
        segment=plural(f"segments.{name}", segment["customers"], lang),
        share=share(segment["share"], lang),
    )
    html.append(Markup('<div class="profile seg-{}">\n<h3>{}</h3>').format(name, title))
    markdown.append(f"### {markdown_escape(title)}\n")
    if segment.get("small"):
        html.append(Markup('<p class="warn">{}</p>').format(_small(segment, lang)))
        markdown.append(markdown_escape(_small(segment, lang)) + "\n")
    if not segment["customers"] or not segment["characteristics"]:
        key = "profile.empty_segment" if not segment["customers"] else "profile.nothing"
        html.append(Markup('<p class="note">{}</p>\n</div>').format(message(key, lang)))
        markdown.append(markdown_escape(message(key, lang)) + "\n")
        return html, markdown
    html.append(
        Markup('<div class="scroll"><table>\n<thead><tr>{}</tr></thead>\n<tbody>').format(
            _html_row("th", heads)
        )
    )
    markdown.append("| " + " | ".join(markdown_escape(h) for h in heads) + " |")
    markdown.append("|---|---:|---:|---:|---:|")
    for item in segment["characteristics"]:
        texts = _cells(item, lang)
        html.append(Markup("<tr>{}</tr>").format(_html_row("td", texts)))
        # The label holds names and values from the file; the figures are ours.
        markdown.append("| " + " | ".join([markdown_escape(texts[0]), *texts[1:]]) + " |")
    html.append(Markup("</tbody></table></div>\n</div>"))
    markdown.append("")
    return html, markdown


def _profile_notes(data: dict[str, Any], lang: str) -> list[str]:
    """The notes under the segments: how the score reads, and the columns left out and why."""
    notes = [message("profile.score_note", lang)]
    if data["skipped"]:
        reasons = ", ".join(
            f"{visible(item['column'])} ({message('profile.reason.' + item['reason'], lang)})"
            for item in data["skipped"]
        )
        notes.append(message("profile.left_out", lang, columns=reasons))
    return notes


def _outcome_section(outcome: dict[str, Any], lang: str) -> tuple[Markup, str]:
    """The outcome's rate per segment (a table) and per tenth of the call list (a bar chart),
    in HTML and in Markdown, for the report."""
    column = visible(outcome["column"])
    heads, rows = _outcome_rates(outcome, lang)
    title = message("profile.outcome_title", lang, column=column)
    html = [
        Markup('<div class="profile outcome">\n<h3>{}</h3>').format(title),
        Markup('<div class="scroll"><table>\n<thead><tr>{}</tr></thead>\n<tbody>').format(
            _html_row("th", heads)
        ),
        *(Markup("<tr>{}</tr>").format(_html_row("td", row)) for row in rows),
        Markup("</tbody></table></div>"),
    ]
    markdown = [
        f"### {markdown_escape(title)}\n",
        "| " + " | ".join(markdown_escape(h) for h in heads) + " |",
        "|---|---:|---:|---:|---:|",
        *("| " + " | ".join(markdown_escape(cell) for cell in row) + " |" for row in rows),
        "",
    ]
    deciles = outcome.get("deciles") or []
    if deciles:
        deciles_html, deciles_markdown = _deciles_parts(deciles, column, lang)
        html += deciles_html
        markdown += deciles_markdown
    html.append(Markup("</div>"))
    return Markup("\n").join(html), "\n".join(markdown)


def _outcome_rates(outcome: dict[str, Any], lang: str) -> tuple[list[str], list[list[str]]]:
    """The head and the rows of the outcome's table: one row per segment, then the portfolio."""
    heads = [
        message(key, lang)
        for key in (
            "profile.segment",
            "profile.customers",
            "profile.happened",
            "profile.rate",
            "profile.lift",
        )
    ]
    rows = [
        [
            message(f"segment.{name}", lang),
            str(outcome["segments"][name]["known"]),
            str(outcome["segments"][name]["count"]),
            share(outcome["segments"][name]["rate"], lang),
            ratio(outcome["segments"][name]["lift"], lang),
        ]
        for name in SEGMENTS
    ]
    whole = outcome["portfolio"]
    rows.append(
        [
            message("profile.whole_portfolio", lang),
            str(whole["known"]),
            str(whole["count"]),
            share(whole["rate"], lang),
            ratio(1.0 if whole["rate"] else None, lang),
        ]
    )
    return heads, rows


def _deciles_parts(
    deciles: list[dict[str, Any]], column: str, lang: str
) -> tuple[list[Markup], list[str]]:
    """The outcome's rate per tenth of the call list: a bar chart and its note in HTML, a table
    with text bars in Markdown."""
    title = message("profile.deciles_title", lang, column=column)
    note = message("profile.deciles_note", lang, column=column)
    html = [Markup("<h3>{}</h3>").format(title), _deciles_svg(deciles, title, lang)]
    html.append(Markup('<p class="note">{}</p>').format(note))
    heads = [
        message(key, lang)
        for key in ("profile.decile", "profile.ranks", "profile.customers", "profile.rate")
    ]
    top = max((row["rate"] or 0.0 for row in deciles), default=0.0)
    markdown = [
        f"### {markdown_escape(title)}\n",
        "| " + " | ".join(markdown_escape(h) for h in heads) + " | |",
        "|---:|---:|---:|---:|---|",
        *(
            f"| {row['decile']} | {row['from_rank']}–{row['to_rank']} | {row['known']} "
            f"| {share(row['rate'], lang)} | {_bar(row['rate'], top)} |"
            for row in deciles
        ),
        "",
        markdown_escape(note) + "\n",
    ]
    return html, markdown


def _deciles_svg(deciles: list[dict[str, Any]], title: str, lang: str) -> Markup:
    """Ten vertical bars, the outcome's rate per tenth of the call list (the first on the left)."""
    top = max((row["rate"] or 0.0 for row in deciles), default=0.0) or 1.0
    width, height, base = 600, 170, 140
    parts = [
        Markup(
            '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" '
            'height="{}" xmlns="http://www.w3.org/2000/svg">'
        ).format(title, width, height, width, height)
    ]
    for index, row in enumerate(deciles):
        rate = row["rate"] or 0.0
        bar = round(110 * rate / top, 2)
        x = 20 + 56 * index
        parts.append(
            Markup('<rect x="{}" y="{}" width="40" height="{}" fill="#1565c0"/>').format(
                x, round(base - bar, 2), bar
            )
        )
        parts.append(
            Markup('<text x="{}" y="{}">{}</text>').format(
                x, round(base - bar - 4, 2), share(row["rate"], lang)
            )
        )
        parts.append(Markup('<text x="{}" y="{}">{}</text>').format(x + 14, 158, row["decile"]))
    parts.append(Markup("</svg>"))
    return Markup("\n").join(parts)


def _html_row(tag: str, texts: list[str]) -> Markup:
    """Table cells, escaped; every column but the first holds a figure, right-aligned."""
    first = Markup("<{0}>{1}</{0}>")
    other = Markup('<{0} class="n">{1}</{0}>')
    return Markup("").join((other if i else first).format(tag, t) for i, t in enumerate(texts))


def _table(title: str | None = None) -> Table:
    """A table of the profile: a rule under the head, no outer edge; its title bold, on the left."""
    return Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title=title,
        title_justify="left",
        title_style="bold",
    )


def _characteristics(items: list[dict[str, Any]], lang: str) -> Table:
    table = _table()
    table.add_column(message("profile.characteristic", lang))
    for key in ("profile.in_segment", "profile.in_portfolio", "profile.lift", "profile.score"):
        table.add_column(message(key, lang), justify="right")
    for item in items:
        table.add_row(*(Text(text) for text in _cells(item, lang)))
    return table


def outcome_view(outcome: dict[str, Any], lang: str = "en") -> RenderableType:
    """The outcome's rate per segment and its lift over the portfolio."""
    table = _table(message("profile.outcome_title", lang, column=visible(outcome["column"])))
    table.add_column(message("profile.segment", lang))
    for key in ("profile.customers", "profile.happened", "profile.rate", "profile.lift"):
        table.add_column(message(key, lang), justify="right")
    rows = [(name, outcome["segments"][name]) for name in SEGMENTS]
    for name, row in rows:
        table.add_row(
            Text(message(f"segment.{name}", lang), style=STYLES[name]),
            Text(str(row["known"])),
            Text(str(row["count"])),
            Text(share(row["rate"], lang)),
            Text(ratio(row["lift"], lang)),
        )
    whole = outcome["portfolio"]
    table.add_row(
        Text(message("profile.whole_portfolio", lang), style="bold"),
        Text(str(whole["known"])),
        Text(str(whole["count"])),
        Text(share(whole["rate"], lang), style="bold"),
        Text(ratio(1.0 if whole["rate"] else None, lang)),
    )
    parts: list[RenderableType] = [table]
    if outcome.get("deciles"):
        note = message("profile.deciles_note", lang, column=visible(outcome["column"]))
        parts += [Text(""), deciles_view(outcome, lang), Text(note, style="dim")]
    if outcome["unknown"]:
        parts.append(
            Text(
                plural(
                    "profile.outcome_unknown",
                    outcome["unknown"],
                    lang,
                    column=visible(outcome["column"]),
                ),
                style="dim",
            )
        )
    return Group(*parts)


BAR_WIDTH = 20


def _bar(rate: float | None, top: float) -> str:
    """A rate as a bar of full blocks, the highest rate BAR_WIDTH long."""
    if rate is None or not top:
        return ""
    return "█" * max(1 if rate else 0, round(BAR_WIDTH * rate / top))


def deciles_view(outcome: dict[str, Any], lang: str = "en") -> RenderableType:
    """The outcome's rate per tenth of the call list, with a bar: does the ranking pay?"""
    table = _table(message("profile.deciles_title", lang, column=visible(outcome["column"])))
    table.add_column(message("profile.decile", lang), justify="right")
    table.add_column(message("profile.ranks", lang), justify="right")
    for key in ("profile.customers", "profile.happened", "profile.rate"):
        table.add_column(message(key, lang), justify="right")
    table.add_column("")
    rows = outcome["deciles"]
    top = max((row["rate"] or 0.0 for row in rows), default=0.0)
    for row in rows:
        table.add_row(
            Text(str(row["decile"])),
            Text(f"{row['from_rank']}–{row['to_rank']}"),
            Text(str(row["known"])),
            Text(str(row["count"])),
            Text(share(row["rate"], lang)),
            Text(_bar(row["rate"], top), style="cyan"),
        )
    return table


def profile_json(data: dict[str, Any]) -> bytes:
    """The profile as one JSON document, keys sorted, English keys whatever the language."""
    return (json_text(data, sort_keys=True) + "\n").encode("utf-8")


def profile_csv(data: dict[str, Any], delimiter: str = ",", bom: bool = False) -> bytes:
    """One row per characteristic (kind `number` or `text`), per outcome rate by segment
    (`outcome`) and by priority decile (`decile`, its number in `rank`, no segment),
    separated by `delimiter`, after a byte order mark if `bom`."""
    rows: list[list[Any]] = []
    for name in SEGMENTS:
        for rank, item in enumerate(data["segments"][name]["characteristics"], start=1):
            rows.append(
                [
                    name,
                    rank,
                    item["kind"],
                    item["column"],
                    item["value"],
                    item["segment"],
                    item["portfolio"],
                    item["lift"],
                    item["score"],
                ]
            )
    outcome = data["outcome"]
    if outcome is not None:
        whole = outcome["portfolio"]["rate"]
        for name in SEGMENTS:
            row = outcome["segments"][name]
            rows.append(
                [
                    name,
                    None,
                    "outcome",
                    outcome["column"],
                    "rate",
                    row["rate"],
                    whole,
                    row["lift"],
                    None,
                ]
            )
        for row in outcome.get("deciles", []):
            lift = row["rate"] / whole if row["rate"] is not None and whole else None
            figures = [row["rate"], whole, lift, None]
            rows.append([None, row["decile"], "decile", outcome["column"], "rate", *figures])
    return _csv_bytes(rows, delimiter, bom)


def _csv_bytes(rows: list[list[Any]], delimiter: str, bom: bool) -> bytes:
    import pyarrow as pa

    types = [pa.string(), pa.int64(), pa.string(), pa.string(), pa.string()] + [pa.float64()] * 4
    columns = {
        name: pa.array([row[i] for row in rows], type=types[i])
        for i, name in enumerate(CSV_COLUMNS)
    }
    return to_csv(pa.table(columns), delimiter, bom)
