"""`portfolio suggest`: three criteria and up to three problems learned from a known outcome,
judged on customers held out, written as a criteria file with their evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import make_console, read_input, warn, write_stdout
from portfolio_cli.cli.options import (
    NO_FLAGS,
    AsOfOption,
    CriteriaOption,
    DebugOption,
    InputArgument,
    LangOption,
    QuietOption,
    format_option,
    input_parameters,
    output_option,
    parse_as_of,
)
from portfolio_cli.display import visible
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags, input_options
from portfolio_cli.messages import decimal, message

if TYPE_CHECKING:
    from portfolio_cli.readers import CustomerList
    from portfolio_cli.suggest import Figures, Suggestion


@boundary
@input_parameters("encoding", "delimiter", "decimal", "dayfirst", "sheet", "verbose")
def suggest_command(
    input: InputArgument,
    outcome: Annotated[
        str,
        typer.Option(
            "--outcome",
            metavar="COLUMN",
            help="The known outcome to learn from (e.g. Churn).",
            show_default=False,
        ),
    ],
    event: Annotated[
        str | None,
        typer.Option(
            "--event",
            metavar="VALUE",
            help="The outcome's value that is the bad event.",
            show_default=False,
        ),
    ] = None,
    criteria: CriteriaOption = None,
    output: Annotated[Path | None, output_option("FILE", "Write the criteria file.")] = None,
    fmt: Annotated[str, format_option("table or json: how the figures are printed.")] = "table",
    id_column: Annotated[
        str | None,
        typer.Option("--id", metavar="COLUMN", help="The customer id column.", show_default=False),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the split.")] = 0,
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share", min=0, max=50, metavar="PCT", help="Least share a rule must cover."
        ),
    ] = 5.0,
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    lang: LangOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Propose three criteria and up to three problems that best separate a known outcome.

    Example:

        portfolio suggest telco.csv --outcome Churn -o suggested.yaml
    """
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.suggest import suggest

    day = parse_as_of(as_of)
    fmt = fmt.strip().lower()
    if fmt not in ("table", "json"):
        raise UsageError(Issue("bad-format", message("suggest.error.format", value=fmt)))
    if min_share >= 50:
        raise UsageError(Issue("bad-min-share", message("suggest.error.min_share")))
    rules = load_criteria(criteria) if criteria is not None else None
    if output is not None:
        _refuse_overwrite(output, input, criteria)
    if rules is not None:
        warn(rules.warnings, quiet)
        customers = read_input(input, rules, flags, every_column=True, as_of=day)
        id_name = rules.customers.id
        leave_out = [rules.customers.name] if rules.customers.name else []
    else:
        customers, id_name = _read_without_criteria(input, flags, id_column)
        leave_out = []
    result = suggest(
        customers,
        outcome,
        id_column=id_name,
        event=event,
        seed=seed,
        min_share=min_share / 100,
        as_of=day,
        current=rules,
        leave_out=leave_out,
    )
    warn(
        [
            message(
                "suggest.copy", column=_shown(s.column), outcome=_shown(outcome), agreement=s.detail
            )
            for s in result.skipped
            if s.reason == "copy"
        ],
        quiet,
    )
    written = result.refused is None and bool(result.text) and output is not None
    if written:
        # the file first: a reader of the figures that goes away (`| head`) must not cost it
        from portfolio_cli.writers.files import atomic_write

        assert output is not None
        with atomic_write(output) as stream:
            stream.write(result.text.encode("utf-8"))
    if fmt == "json":
        from portfolio_cli.display import json_text

        write_stdout((json_text(result.as_dict(), sort_keys=True) + "\n").encode("utf-8"))
    elif not quiet:
        console = make_console()
        for line in report_lines(result, criteria):
            console.print(line, markup=False, highlight=False, soft_wrap=True)
        if result.refused is None and result.text and output is None:
            console.print(message("suggest.hint_output"), markup=False, highlight=False)
    if written and not quiet:
        err = make_console(stderr=True)
        err.print(message("summary.wrote", path=output), markup=False)
        err.print(message("suggest.hint_check", path=output), markup=False)


def _refuse_overwrite(output: Path, input: str, criteria: Path | None) -> None:
    from portfolio_cli.writers.files import refuse_overwrite

    refuse_overwrite(output, [("input", input), ("criteria", criteria)])


def _read_without_criteria(
    source: str, flags: InputFlags, id_column: str | None
) -> tuple[CustomerList, str]:
    """Every column of the list, typed (Arrow, no pandas), and its id column: --id, else the
    one named like an id, which must then hold no id twice."""
    import pyarrow.compute as pc

    from portfolio_cli.conditions.kinds import unknown_column_message
    from portfolio_cli.naming import guess_id_column
    from portfolio_cli.readers import CustomerList, read_text, type_text, typed_table

    options = input_options(flags)
    text = read_text(source, options)
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
                    message("suggest.error.no_id", column=_shown(guessed), value=_shown(value)),
                )
            )
    return customers, guessed


def _shown(text: object) -> str:
    """Text from a file as it may be shown on a terminal: control characters made visible
    (`display.visible`, as everywhere else)."""
    return visible(text)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{decimal(value * 100, 1)} %"


def report_lines(result: Suggestion, criteria_file: Path | None) -> list[str]:
    """What `portfolio suggest` prints: the outcome, the rules with their evidence, the held-out
    figures beside the current criteria's, and the columns no rule reads."""
    from portfolio_cli.suggest import HOLDOUT, MAX_PROBLEMS, PROBLEM_LIFT, evidence_text

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
        lines.append(
            message("suggest.unknown", count=result.unknown, column=_shown(result.outcome))
        )
    if result.refused is not None:
        lines += [result.refused, message("suggest.nothing_written")]
        return lines
    if result.method == "kfold":
        lines.append(
            message("suggest.kfold", folds=result.folds, seed=result.seed, total=result.customers)
        )
    else:
        lines.append(
            message(
                "suggest.holdout",
                train=result.trained_on,
                test=result.judged_on,
                share=f"{decimal(HOLDOUT * 100, 0)} %",
                seed=result.seed,
            )
        )
    lines += ["", message("suggest.criteria_title")]
    for number, rule in enumerate(result.criteria, start=1):
        lines.append(f"  {number}. {_shown(rule.when)}")
        lines.append("     " + _shown(evidence_text(rule.evidence, result.outcome, result.event)))
    lines.append("")
    if result.problems:
        lines.append(message("suggest.problems_title"))
        for number, rule in enumerate(result.problems[:MAX_PROBLEMS], start=1):
            lines.append(f"  {number}. {_shown(rule.when)}")
            lines.append(
                "     " + _shown(evidence_text(rule.evidence, result.outcome, result.event))
            )
    else:
        lines.append(
            message(
                "suggest.no_problem",
                event=_shown(result.event),
                lift=decimal(PROBLEM_LIFT, 1),
                share=_percent(result.min_share),
            )
        )
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
