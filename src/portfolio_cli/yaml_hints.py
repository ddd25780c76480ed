"""PyYAML's complaints about a criteria file, said in our own words and in the user's language.

PyYAML reports what its scanner met ("found character '`' that cannot start any token"); a
business owner needs what to write instead. The common mistakes in a criteria file are few: a
condition starting with a backtick or a quote, a ': ' inside a label, a tab, a line out of line
with its neighbours, a quote never closed, a condition broken over two lines. Each is recognised
from PyYAML's problem and the line it points at, and gets a fix built from that very line; any
other problem keeps PyYAML's words, which at least name the token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from portfolio_cli.messages import message

_CANNOT_START = re.compile(r"found character '(.+)' that cannot start any token")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:#]*?:\s+)(.*?)\s*$")


@dataclass(frozen=True)
class YamlProblem:
    """What went wrong, in the user's language, and the line (1-based) to point at."""

    text: str
    line: int | None


def explain(error: yaml.YAMLError, text: str) -> YamlProblem:
    """Our own sentence for PyYAML's `error` on the file `text`."""
    if isinstance(error, yaml.reader.ReaderError):
        line = text[: error.position].count("\n") + 1
        code = f"#x{error.character:04x}" if isinstance(error.character, int) else "?"
        return YamlProblem(_bad(None, message("yaml.control", code=code)), line)
    if not isinstance(error, yaml.MarkedYAMLError):
        return YamlProblem(message("criteria.bad_yaml_plain", problem=error), None)
    problem_mark = error.problem_mark or error.context_mark
    if problem_mark is None:  # pragma: no cover - PyYAML marks every scanner and parser error
        return YamlProblem(message("criteria.bad_yaml_plain", problem=error), None)
    lines = text.splitlines()
    problem = error.problem or ""
    context = error.context or ""
    row, column = problem_mark.line, problem_mark.column
    here = lines[row] if row < len(lines) else ""
    opened = error.context_mark.line if error.context_mark is not None else row
    hint: str | None = None
    if "'\\t'" in problem or (problem.startswith("found character") and here[column:][:1] == "\t"):
        hint = message("yaml.tab")
    elif (found := _CANNOT_START.search(problem)) is not None:
        hint = _quote_hint(found.group(1), here, column)
    elif "mapping values are not allowed" in problem:
        hint = _colon_hint(here, column)
    elif "quoted scalar" in context and "end of stream" in problem:
        row, hint = opened, message("yaml.unclosed_quote")
    elif "simple key" in context:
        row, hint = opened, message("yaml.not_key_value")
    elif "flow" in context:
        row, hint = opened, message("yaml.unclosed_flow")
    elif "block scalar" in context:  # PyYAML's column points inside the operator: no column
        row, hint = opened, _after_quote_hint(lines[opened] if opened < len(lines) else "")
        problem_mark = None
    elif "unknown escape" in problem:
        hint = message("yaml.escape")
    elif "expected <block end>" in problem or "expected <block mapping" in problem:
        hint = message("yaml.indent")
    elif "single document" in context:
        hint = message("yaml.two_documents")
    if hint is None:
        # PyYAML's own words ("mapping values are not allowed here") stay as it wrote them
        fallback = problem or context or "invalid YAML"
        column_text = message("criteria.bad_yaml_column", column=column + 1)
        explained = message("criteria.bad_yaml", problem=fallback, column=column_text)
        return YamlProblem(explained, row + 1)
    same_line = problem_mark is not None and row == problem_mark.line
    return YamlProblem(_bad(column + 1 if same_line else None, hint), row + 1)


def _bad(column: int | None, hint: str) -> str:
    where = message("criteria.bad_yaml_column", column=column) if column is not None else ""
    return message("yaml.bad", column=where, hint=hint)


def _quoted(value: str) -> str:
    """`value` in double quotes, or single quotes when it holds a double quote."""
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _quote_hint(character: str, line: str, column: int) -> str:
    """A value starting with ` @ % and the like: quote it; the fix is the line, quoted."""
    before = line[:column].rstrip()
    rest = line[column:]
    if before.endswith(("[", ",")):  # inside a [...] list: the item ends at ',' or ']'
        item = re.split(r"[,\]]", rest, maxsplit=1)[0].rstrip()
    else:
        item = re.split(r"\s+#", rest, maxsplit=1)[0].rstrip()
    fix = (line[:column] + _quoted(item) + rest[len(item) :]).strip()
    if character == "`":
        return message("yaml.backtick", fix=fix)
    return message("yaml.quote_start", character=character, fix=fix)


def _colon_hint(line: str, column: int) -> str:
    """A ': ' inside a value (`label: Note: buys often`), or a line indented too far."""
    found = _KEY_VALUE.match(line)
    if found is not None and ": " in found.group(2) + " " and len(found.group(1)) <= column:
        fix = (found.group(1) + _quoted(found.group(2))).strip()
        return message("yaml.colon_in_value", fix=fix)
    return message("yaml.indent")


def _after_quote_hint(line: str) -> str:
    """`when: "Nb commandes" >= 24`: the quotes end before the condition does."""
    found = _KEY_VALUE.match(line)
    value = found.group(2) if found is not None else ""
    quoted = re.match(r"([\"'])(.*?)\1\s*(.+)$", value)
    if found is None or quoted is None:
        return message("yaml.block_scalar")
    condition = f"`{quoted.group(2)}` {quoted.group(3)}"
    return message("yaml.after_quote", fix=(found.group(1) + _quoted(condition)).strip())
