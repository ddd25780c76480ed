"""What `portfolio suggest` prints for people: the outcome, the rules with their evidence, the
held-out figures beside the current criteria's, and the columns no rule reads.

Text from the customer's file (column names, values, conditions on them) is made visible
(`display.visible`): shown, never obeyed by the terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from portfolio_cli.display import visible
from portfolio_cli.messages import decimal, message, plural

if TYPE_CHECKING:
    from portfolio_cli.suggest import Figures, Suggested, Suggestion


def copy_warnings(result: Suggestion) -> list[str]:
    """A warning for each column left out because it copies the outcome."""
    return [
        message(
            "suggest.copy",
            column=_shown(s.column),
            outcome=_shown(result.outcome),
            agreement=s.detail,
        )
        for s in result.skipped
        if s.reason == "copy"
    ]


def _shown(text: object) -> str:
    """Text from a file as it may be shown on a terminal: control characters made visible
    (`display.visible`, as everywhere else)."""
    return visible(text)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{decimal(value * 100, 1)} %"


def report_lines(result: Suggestion, criteria_file: Path | None) -> list[str]:
    """What `portfolio suggest` prints: the outcome, the rules with their evidence, the held-out
    figures beside the current criteria's, and the columns no rule reads."""
    lines = [
        message(
            "suggest.head",
            column=_shown(result.outcome),
            event=_shown(result.event),
            events=result.events,
            total=result.customers,
            rate=_percent(result.events / result.customers if result.customers else None),
        )
    ]
    if result.unknown:
        lines.append(plural("suggest.unknown", result.unknown, column=_shown(result.outcome)))
    if result.refused is not None:
        lines += [result.refused, message("suggest.nothing_written")]
        return lines
    lines.append(_method_line(result))
    lines += _rules_lines(result)
    if result.suggested is not None:
        title = (
            "suggest.figures_title_kfold" if result.method == "kfold" else "suggest.figures_title"
        )
        lines += ["", message(title, event=_shown(result.event))]
        lines += figure_rows(result.suggested, result.current, criteria_file)
        lines.append(message("suggest.auc_note", event=_shown(result.event)))
    left_out = [
        f"{_shown(s.column)} ({message(f'suggest.reason.{s.reason}')})" for s in result.skipped
    ]
    if left_out:
        lines += ["", message("suggest.left_out", columns=", ".join(left_out))]
    return lines


def _method_line(result: Suggestion) -> str:
    """How the rules were chosen and judged: k-fold cross-validation or one held-out part."""
    from portfolio_cli.suggest import HOLDOUT

    if result.method == "kfold":
        return message(
            "suggest.kfold", folds=result.folds, seed=result.seed, total=result.customers
        )
    return message(
        "suggest.holdout",
        train=result.trained_on,
        test=result.judged_on,
        share=f"{decimal(HOLDOUT * 100, 0)} %",
        seed=result.seed,
    )


def _rules_lines(result: Suggestion) -> list[str]:
    """The suggested criteria, then problems (or why there is none), each with its evidence."""
    from portfolio_cli.suggest import MAX_PROBLEMS, PROBLEM_LIFT, evidence_text

    def evidence(rule: Suggested) -> str:
        return "     " + _shown(evidence_text(rule.evidence, result.outcome, result.event))

    lines = ["", message("suggest.criteria_title")]
    for number, rule in enumerate(result.criteria, start=1):
        lines += [f"  {number}. {_shown(rule.when)}", evidence(rule)]
    lines.append("")
    if not result.problems:
        lines.append(
            message(
                "suggest.no_problem",
                event=_shown(result.event),
                lift=decimal(PROBLEM_LIFT, 1),
                share=_percent(result.min_share),
            )
        )
        return lines
    lines.append(message("suggest.problems_title"))
    for number, rule in enumerate(result.problems[:MAX_PROBLEMS], start=1):
        lines += [f"  {number}. {_shown(rule.when)}", evidence(rule)]
    return lines


def figure_rows(mine: Figures, theirs: Figures | None, criteria_file: Path | None) -> list[str]:
    """The held-out figures as aligned rows: one column for the suggested criteria, one for the
    current criteria file when given."""
    from portfolio_cli.criteria import SEGMENTS

    heads = [message("suggest.col_suggested")]
    sets = [mine]
    if theirs is not None:
        name = criteria_file.name if criteria_file is not None else ""
        heads.append(message("suggest.col_current", name=_shown(name)))
        sets.append(theirs)
    rows: list[tuple[str, list[str]]] = []
    for segment in SEGMENTS:
        cells = []
        for figures in sets:
            seg: dict[str, Any] = figures.segments[segment]
            cells.append(
                message(
                    "suggest.cell",
                    rate=_percent(seg["rate"]),
                    count=seg["customers"],
                    share=_percent(seg["share"]),
                )
            )
        rows.append((message(f"segment.{segment}"), cells))
    rows.append(
        (
            message("suggest.row_ratio"),
            [
                "-" if f.ratio is None else message("suggest.times", value=decimal(f.ratio, 1))
                for f in sets
            ],
        )
    )
    rows.append(
        (
            message("suggest.row_auc"),
            ["-" if f.auc is None else decimal(f.auc, 3) for f in sets],
        )
    )
    first = max(len(label) for label, _ in rows) + 2
    widths = [
        max(len(heads[i]), *(len(cells[i]) for _, cells in rows)) + 3 for i in range(len(heads))
    ]
    out = ["  " + " " * first + "".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))]
    for label, cells in rows:
        out.append(
            "  "
            + label.ljust(first)
            + "".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        )
    return [line.rstrip() for line in out]
