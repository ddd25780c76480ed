"""`portfolio init`: write a criteria file by walking the five steps of the method as questions.

Questions go to standard error and answers come from standard input, so nothing but the criteria
file is produced; Ctrl-C or the end of the input stops with nothing written. pandas is imported
only with --from (the questions without data need none of it).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from portfolio_cli.cli.boundary import boundary
from portfolio_cli.cli.console import write_stdout
from portfolio_cli.cli.options import (
    NO_FLAGS,
    AsOfOption,
    DebugOption,
    EventOption,
    LangOption,
    QuietOption,
    input_parameters,
    outcome_option,
    parse_as_of,
)
from portfolio_cli.display import visible
from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.inputs import InputFlags, input_options
from portfolio_cli.messages import current, decimal, message, plural

if TYPE_CHECKING:
    from portfolio_cli.readers import CustomerList
    from portfolio_cli.suggest import Suggestion
    from portfolio_cli.wizard import Answers, ColumnInfo, RuleAnswer


class NoAnswer(Exception):
    """Standard input ended before the questions did."""


@boundary
@input_parameters("encoding", "delimiter")
def init_command(
    path: Annotated[
        Path,
        typer.Argument(metavar="[PATH]", help="The criteria file to write."),
    ] = Path("criteria.yaml"),
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="INPUT",
            help="A customer list: propose its columns and their quartiles, and count the "
            "customers who meet each criterion as you write it.",
            show_default=False,
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", "-y", help="No questions: write a sensible starting file (needs --from)."
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace PATH if it exists, without asking.")
    ] = False,
    outcome: Annotated[
        str | None,
        outcome_option(
            "A known outcome of the list (e.g. Churn): offer the criteria and problems "
            "portfolio suggest learns from it at steps 3 and 4 (needs --from)."
        ),
    ] = None,
    event: EventOption = None,
    as_of: AsOfOption = None,
    flags: InputFlags = NO_FLAGS,
    lang: LangOption = None,
    quiet: QuietOption = False,
    debug: DebugOption = False,
) -> None:
    """Write a criteria file by answering questions on the five steps of the method.

    With --from, pick columns from a numbered list showing their type and a sample; each
    criterion is counted against the data as you enter it. An existing file is never replaced
    without asking (--force replaces it). --from INPUT --yes asks nothing (for scripts).

    Example:

        portfolio init --from customers.csv

        portfolio init criteria.yaml --from customers.csv --yes
    """
    code = current()
    day = parse_as_of(as_of)
    exists = _refuse_options(path, source, yes, outcome, force, code)
    dialogue = Dialogue(code, day, outcome, event)
    try:
        if exists and not dialogue.confirm(message("init.exists", code, path=path)):
            dialogue.say("init.kept", path=path)
            return
        customers = None
        if source is not None:
            from portfolio_cli.wizard import read_any_list

            customers = read_any_list(source, input_options(flags))
            if outcome is not None:
                from portfolio_cli.suggest import outcome_events

                outcome_events(customers, outcome, event)  # an unknown column: said now
        if yes:
            from portfolio_cli.wizard import starting_answers

            assert customers is not None
            answers = starting_answers(customers, day, code)
            if outcome is not None:
                dialogue.customers = customers
                dialogue.silent = quiet
                dialogue.take_suggestions(answers)
        else:
            answers = dialogue.walk(path, customers)
    except NoAnswer:
        raise UsageError(Issue("no-answer", message("init.no_answer", code))) from None
    except KeyboardInterrupt:
        dialogue.echo("")
        dialogue.say("init.cancelled")
        raise typer.Exit(130) from None
    _write(path, answers, source, customers, day, code, quiet, flags)


def _refuse_options(
    path: Path, source: str | None, yes: bool, outcome: str | None, force: bool, code: str
) -> bool:
    """Refuse options that cannot work together, before any question (exit 2); whether PATH
    exists and is to be asked about."""
    if yes and source is None:
        raise UsageError(Issue("yes-needs-from", message("init.yes_needs_from", code)))
    if outcome is not None and source is None:
        raise UsageError(Issue("outcome-needs-from", message("suggest.init.needs_from", code)))
    if source == "-" and not yes:
        raise UsageError(Issue("stdin-answers", message("init.stdin_from", code)))
    if str(path) == "-":  # standard output, as `-` is standard input: nothing to replace
        return False
    if path.is_dir():
        raise UsageError(Issue("not-a-file", message("files.is_folder", code, path=path)))
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():  # said now, not after every question has been answered
        raise UsageError(
            Issue(
                "missing-folder",
                message("files.missing_folder", code, path=path, folder=folder),
            )
        )
    if source is not None:  # the criteria file written must not be the list it reads
        from portfolio_cli.writers.files import refuse_overwrite

        refuse_overwrite([(path, str(path))], [("input", source)])
    exists = path.exists() and not force
    if exists and yes:
        raise UsageError(Issue("file-exists", message("init.exists_error", code, path=path)))
    return exists


def _write(
    path: Path,
    answers: Answers,
    source: str | None,
    loaded: CustomerList | None,
    day: dt.date,
    lang: str,
    quiet: bool,
    flags: InputFlags,
) -> None:
    """Check the file as `portfolio check` would, classify the list with it, then write it."""
    from portfolio_cli.wizard import checked_file, try_on
    from portfolio_cli.writers.files import atomic_write

    text, rules = checked_file(answers, lang, source, path)  # a file check refuses: not written
    summary = None
    if source is not None:
        summary = try_on(rules, source, loaded, day, input_options(flags))
    to_stdout = str(path) == "-"
    if to_stdout:
        write_stdout(text.encode("utf-8"))
    else:
        with atomic_write(path) as stream:
            stream.write(text.encode("utf-8"))
    if quiet:
        return
    out = Dialogue(lang, day)
    if not to_stdout:
        out.say("init.wrote", path=path)
    if summary is not None:
        segments = summary.segments
        quality = summary.quality
        out.say(
            "init.result",
            source=source,
            satisfied=segments["satisfied"],
            easy=segments["easy_to_satisfy"],
            unrecoverable=segments["unrecoverable"],
            quality="—" if quality is None else f"{decimal(100 * quality, 1, lang)} %",
        )
    if not to_stdout:  # `-c -` would not name the file the user saves it to
        out.say("init.next", path=path)


class Dialogue:
    """The questions, on standard error; the answers, one line each from standard input."""

    def __init__(
        self, lang: str, day: dt.date, outcome: str | None = None, event: str | None = None
    ) -> None:
        self.lang = lang
        self.day = day
        self.customers: CustomerList | None = None
        self.columns: list[ColumnInfo] = []
        self.keys: set[str] = set()
        self.outcome = outcome
        self.event = event
        self.suggestion: Suggestion | None = None
        self.silent = False  # --yes -q: no question is asked, and nothing is said

    # --- talking -------------------------------------------------------------------------------

    def echo(self, text: str) -> None:
        # column names and sample values come from the customer's file: shown, never obeyed
        if self.silent:
            return
        sys.stderr.write(visible(text, lines=True) + "\n")
        sys.stderr.flush()

    def say(self, key: str, **values: object) -> None:
        self.echo(message(key, self.lang, **values))

    def read(self, prompt: str, default: str = "") -> str:
        """One answer; Enter gives `default`. The end of the input raises `NoAnswer`."""
        colon = message("init.prompt_colon", self.lang)  # French: a space before the colon
        shown = f"{prompt} [{visible(default)}]{colon}" if default else f"{prompt}{colon}"
        sys.stderr.write(visible(shown, lines=True))
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stderr.write("\n")
            raise NoAnswer
        answer = line.rstrip("\r\n").strip()
        return answer or default

    def ask(self, key: str, default: str = "", **values: object) -> str:
        return self.read(message(key, self.lang, **values), default)

    def confirm(self, prompt: str, default: bool = False) -> bool:
        yes, no = message("init.yes", self.lang), message("init.no", self.lang)
        while True:
            answer = self.read(
                f"{prompt} ({message('init.yes_no', self.lang)})", yes if default else no
            ).lower()
            if answer in (yes, "yes", "y", "oui", "o"):
                return True
            if answer in (no, "no", "non"):
                return False
            self.say("init.answer_yes_no")

    def number(self, prompt: str, low: int, high: int, default: int | None) -> int | None:
        """A number from low to high; Enter gives `default` (None: no answer wanted)."""
        while True:
            answer = self.read(prompt, "" if default is None else str(default))
            if not answer:
                return None
            # at most 9 digits: Python refuses to read 4,300 and more ("²" is a digit too)
            if answer.isdecimal() and len(answer) <= 9 and low <= int(answer) <= high:
                return int(answer)
            self.say("init.pick_number", low=low, high=high)

    def choose(self, options: list[str], default: int = 1) -> int:
        """A numbered list; returns the 0-based position chosen."""
        for position, text in enumerate(options, start=1):
            self.echo(f"  {position}. {text}")
        picked = None
        while picked is None:
            picked = self.number(message("init.choice", self.lang), 1, len(options), default)
        return picked - 1

    def step(self, number: int) -> None:
        self.echo("")
        title = message(f"step.{number}", self.lang)
        self.echo(message("init.step", self.lang, number=number, title=title))

    # --- the five steps ------------------------------------------------------------------------

    def walk(self, path: Path, customers: CustomerList | None) -> Answers:
        """Every question, in the order of the method."""
        from portfolio_cli.wizard import Answers

        self.say("init.welcome", path=path)
        answers = Answers()
        if customers is not None:
            from portfolio_cli.wizard import describe_columns

            self.customers = customers
            self.columns = describe_columns(customers, self.day)
            self.echo(
                plural(
                    "init.read",
                    len(customers),
                    self.lang,
                    source=visible(customers.info.source),
                    columns=len(customers.header),
                )
            )
        self._customers(answers)
        self._satisfaction(answers)
        self._listening(answers)
        self._criteria(answers)
        self._problems(answers)
        self._policy(answers)
        return answers

    def _customers(self, answers: Answers) -> None:
        from portfolio_cli.wizard import guess_id, guess_name, usable_id

        self.echo("")
        self.say("init.customers_title")
        if self.customers is None:
            answers.id = self.ask("init.ask_id_text", "customer_id")
            answers.name = self.ask("init.ask_name_text") or None
            return
        self._list_columns()
        id_default = self._position(guess_id(self.customers))
        while True:
            prompt = message("init.ask_id", self.lang)
            id_at = self.number(prompt, 1, len(self.columns), id_default)
            answers.id = self.columns[(id_at or id_default) - 1].name
            if usable_id(self.customers, answers.id):
                break
            self.say("init.bad_id", column=visible(answers.id))
        name = guess_name(self.columns)
        name_at = self.number(
            message("init.ask_name", self.lang),
            0,
            len(self.columns),
            self._position(name) if name else None,
        )
        answers.name = self.columns[name_at - 1].name if name_at else None

    def _satisfaction(self, answers: Answers) -> None:
        from portfolio_cli.wizard import DEFINED_BY

        self.step(1)
        answers.definition = self.ask("init.ask_definition")
        self.say("init.ask_defined_by")
        options = [f"{message(f'init.defined_by.{who}', self.lang)}" for who in DEFINED_BY]
        answers.defined_by = DEFINED_BY[self.choose(options)]

    def _listening(self, answers: Answers) -> None:
        from portfolio_cli.wizard import guess_nps

        self.step(2)
        while True:
            answer = self.ask("init.ask_last_done")
            if not answer:
                self.say("init.never_listened")
                break
            try:
                answers.last_done = dt.date.fromisoformat(answer)
                break
            except ValueError:
                self.say("init.bad_date")
        answers.every_months = self.number(message("init.ask_every", self.lang), 1, 120, 12) or 12
        if self.customers is None:
            answers.nps = self.ask("init.ask_nps_text") or None
            return
        guess = guess_nps(self.columns)
        at = self.number(
            message("init.ask_nps", self.lang),
            0,
            len(self.columns),
            self._position(guess) if guess else None,
        )
        answers.nps = self.columns[at - 1].name if at else None

    def _criteria(self, answers: Answers) -> None:
        self.step(3)
        self.say("init.criteria_intro")
        if self.customers is not None:
            self._list_columns()
        self._offer(answers, problem=False)
        while len(answers.criteria) < 3:
            rule = self._rule(len(answers.criteria) + 1, problem=False)
            if rule is None:
                if answers.criteria:
                    break
                self.say("init.need_one_criterion")
                continue
            answers.criteria.append(rule)

    def _problems(self, answers: Answers) -> None:
        self.step(4)
        self.say("init.problems_intro")
        if self.customers is not None:
            self._list_columns()
        self._offer(answers, problem=True)
        while True:
            rule = self._rule(len(answers.problems) + 1, problem=True)
            if rule is None:
                return
            rule.compensable = self.confirm(message("init.ask_compensable", self.lang))
            answers.problems.append(rule)

    def _policy(self, answers: Answers) -> None:
        from portfolio_cli.conditions.kinds import Kind
        from portfolio_cli.criteria import parse_sort_key
        from portfolio_cli.naming import column_ref

        self.step(5)
        count = len(answers.criteria)
        if any(p.compensable for p in answers.problems):
            prompt = message("init.ask_compensate_with", self.lang, count=count)
            answers.compensate_with = self.number(prompt, 1, count, count)
        if self.customers is None:
            while True:
                answer = self.ask("init.ask_order_by_text")
                if not answer:
                    return
                key = parse_sort_key(answer)
                if key is not None:
                    direction = "desc" if key.descending else "asc"
                    answers.order_by = [f"{column_ref(key.column)} {direction}"]
                    return
                self.say("init.bad_order_by")
        at = self.number(message("init.ask_order_by", self.lang), 0, len(self.columns), None)
        if not at:
            return
        column = self.columns[at - 1]
        options = [
            message("init.direction.desc", self.lang),
            message("init.direction.asc", self.lang),
        ]
        default = 1 if column.kind in (Kind.NUMBER, Kind.DATE) else 2
        direction = ("desc", "asc")[self.choose(options, default)]
        answers.order_by = [f"{column_ref(column.name)} {direction}"]

    # --- suggestions learned from an outcome (--outcome) ---------------------------------------

    def _suggest(self, id_column: str) -> Suggestion | None:
        """What `portfolio suggest` proposes for this list, computed once; None without
        --outcome. Says why when nothing is suggested."""
        if self.outcome is None or self.customers is None:
            return None
        if self.suggestion is None:
            from portfolio_cli.suggest import suggest

            self.suggestion = suggest(
                self.customers, self.outcome, id_column=id_column, event=self.event, as_of=self.day
            )
            found = self.suggestion
            if found.refused is not None:
                self.echo(found.refused)
            elif found.suggested is not None:
                figures = found.suggested
                self.say(
                    "suggest.init.figures",
                    column=visible(found.outcome),
                    event=visible(found.event),
                    count=found.judged_on,
                    auc="—" if figures.auc is None else decimal(figures.auc, 3, self.lang),
                    ratio="—" if figures.ratio is None else decimal(figures.ratio, 1, self.lang),
                )
        return self.suggestion

    def take_suggestions(self, answers: Answers) -> None:
        """--yes: the suggested criteria and problems replace the starting file's."""
        from portfolio_cli.wizard import RuleAnswer

        found = self._suggest(answers.id)
        if found is None or found.refused is not None or not found.criteria:
            return
        answers.criteria = [RuleAnswer(r.key, r.when, r.when) for r in found.criteria]
        answers.problems = [RuleAnswer(r.key, r.when, r.when) for r in found.problems]
        answers.compensate_with = None

    def _offer(self, answers: Answers, *, problem: bool) -> None:
        """Each suggested criterion (or problem) with its evidence: keep, edit or refuse it."""
        from portfolio_cli.naming import make_key
        from portfolio_cli.suggest import evidence_text
        from portfolio_cli.wizard import RuleAnswer

        found = self._suggest(answers.id)
        if found is None or found.refused is not None:
            return
        target = answers.problems if problem else answers.criteria
        for number, rule in enumerate(found.problems if problem else found.criteria, start=1):
            if not problem and len(target) >= 3:
                return
            key = "suggest.init.problem" if problem else "suggest.init.criterion"
            self.echo("")
            self.say(key, number=number, when=rule.when)
            self.echo("    " + evidence_text(rule.evidence, found.outcome, found.event, self.lang))
            when = self._keep_edit_refuse(rule.when, problem)
            if when is None:
                continue
            name = make_key(rule.column, self.keys)
            self.keys.add(name)
            answer = RuleAnswer(name, when, when)
            if problem:
                answer.compensable = self.confirm(message("init.ask_compensable", self.lang))
            target.append(answer)

    def _keep_edit_refuse(self, when: str, problem: bool) -> str | None:
        """The condition kept (or as edited), or None when refused."""
        keep = ("k", "keep", "g", "garder")
        edit = ("e", "edit", "m", "modifier")
        refuse = ("r", "refuse", "refuser", "n", "no", "non")
        while True:
            answer = self.ask("suggest.init.ask", message("suggest.init.keep", self.lang)).lower()
            if answer in keep:
                return when
            if answer in refuse:
                return None
            if answer in edit:
                while True:
                    edited = self.ask("suggest.init.ask_edit", when)
                    if self._count(edited, problem):
                        return edited
            self.say("suggest.init.answer")

    # --- one criterion or problem --------------------------------------------------------------

    def _rule(self, number: int, *, problem: bool) -> RuleAnswer | None:
        """Ask for one condition, count it against the data, then its key and label."""
        from portfolio_cli.criteria import KEY_PATTERN
        from portfolio_cli.naming import make_key
        from portfolio_cli.wizard import RuleAnswer

        while True:
            built = self._condition(number, problem)
            if built is None:
                return None
            when, column = built
            if self._count(when, problem):
                break
        key_default = make_key(column, self.keys)
        while True:
            key = self.ask("init.ask_key", key_default)
            if KEY_PATTERN.match(key) and key not in self.keys:
                break
            self.say("init.bad_key")
        self.keys.add(key)
        label = self.ask("init.ask_label", when)
        return RuleAnswer(key, label, when)

    def _condition(self, number: int, problem: bool) -> tuple[str, str] | None:
        """(condition, column name for the key), or None when the user is done."""
        if self.customers is None:
            key = "init.ask_problem_text" if problem else "init.ask_criterion_text"
            when = self.ask(key, number=number)
            if not when:
                return None
            from portfolio_cli.conditions.parser import parse_condition
            from portfolio_cli.conditions.tree import ExpressionError

            try:
                condition = parse_condition(when)
            except ExpressionError as exc:
                self.say("init.bad_condition", error=exc.message)
                return self._condition(number, problem)
            columns = condition.columns()
            return when, (columns[0] if columns else "rule")
        key = "init.ask_problem_column" if problem else "init.ask_criterion_column"
        at = self.number(message(key, self.lang, number=number), 1, len(self.columns), None)
        if not at:
            return None
        info = self.columns[at - 1]
        return self._compare(info), info.name

    def _compare(self, info: ColumnInfo) -> str:
        """Show what the column holds, then ask a comparison and a value."""
        from portfolio_cli.conditions.kinds import Kind
        from portfolio_cli.wizard import build_condition, comparisons, is_number, plain_number

        self._describe(info)
        choices = comparisons(info.kind)
        self.say("init.ask_comparison")
        if info.kind is Kind.NUMBER:
            picked = choices[self.choose(list(choices))]
        else:
            picked = choices[
                self.choose([message(f"init.comparison.{c}", self.lang) for c in choices])
            ]
        if info.kind is Kind.BOOL:
            return build_condition(info, picked, "")
        if info.kind in (Kind.NUMBER, Kind.DATE):
            default = plain_number(info.quartiles[1]) if info.quartiles else ""
            prompt = "init.ask_days" if info.kind is Kind.DATE else "init.ask_threshold"
            while True:
                value = self.ask(prompt, default)
                if is_number(value):
                    return build_condition(info, picked, value)
                self.say("init.bad_number")
        default = info.common[0][0] if info.common else ""
        prompt = "init.ask_text" if picked == "contains" else "init.ask_values"
        return build_condition(info, picked, self.ask(prompt, default))

    def _describe(self, info: ColumnInfo) -> None:
        from portfolio_cli.conditions.kinds import Kind
        from portfolio_cli.wizard import plain_number

        if info.kind in (Kind.NUMBER, Kind.DATE) and info.quartiles and info.bounds:
            q1, q2, q3 = (plain_number(q) for q in info.quartiles)
            low, high = (plain_number(b) for b in info.bounds)
            key = "init.number_info" if info.kind is Kind.NUMBER else "init.date_info"
            column = visible(info.name)
            self.say(key, column=column, low=low, high=high, q1=q1, q2=q2, q3=q3)
        elif info.common:
            values = ", ".join(f"{visible(value)} ({count})" for value, count in info.common)
            key = "init.bool_info" if info.kind is Kind.BOOL else "init.text_info"
            self.say(key, column=visible(info.name), values=values)

    def _count(self, when: str, problem: bool) -> bool:
        """Tell how many customers meet the condition; False when it cannot be used."""
        from portfolio_cli.conditions.tree import ExpressionError

        if self.customers is None:
            return True
        from portfolio_cli.wizard import count_matching

        try:
            met, unknown = count_matching(self.customers, when, self.day)
        except ExpressionError as exc:
            self.say("init.bad_condition", error=exc.message)
            return False
        key = "init.problem_count" if problem else "init.criterion_count"
        line = plural(key, met, self.lang, when=visible(when), total=len(self.customers))
        if unknown:
            line += " " + message("init.unknown_count", self.lang, count=unknown)
        self.echo("  → " + line)
        return True

    # --- columns -------------------------------------------------------------------------------

    def _list_columns(self) -> None:
        source = self.customers.info.source if self.customers else ""
        self.say("init.columns_title", source=visible(source))
        for position, info in enumerate(self.columns, start=1):
            sample = info.sample if len(info.sample) <= 30 else info.sample[:29] + "…"
            self.say(
                "init.column_line",
                number=position,
                name=visible(info.name),
                kind=message(f"kind.{info.kind.name.lower()}", self.lang),
                sample=visible(sample),
            )

    def _position(self, name: str | None) -> int:
        names = [info.name for info in self.columns]
        return names.index(name) + 1 if name in names else 1
