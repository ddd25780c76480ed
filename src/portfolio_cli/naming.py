"""How columns, texts and keys are written in a criteria file (the small pieces `init` and
`suggest` share), and the names `--keep-columns` gives the input's columns in an output.
Nothing here imports pandas or numpy."""

from __future__ import annotations

import json
import keyword
import re
import unicodedata
from collections.abc import Sequence

_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RESERVED = {"true", "false", "and", "or", "not", "in", "none", "null", "nan"}
_ID_HINT = re.compile(r"(^|_)(id|code|ref|num)$|^id|customerid|client_id", re.I)


def column_ref(name: str) -> str:
    """A column as written in a condition: bare when it can be, else in backticks (a backtick
    in the name written twice)."""
    if _BARE.fullmatch(name) and not keyword.iskeyword(name) and name.lower() not in _RESERVED:
        return name
    return "`" + name.replace("`", "``") + "`"


def quote(text: str) -> str:
    """A text constant of the condition language (a JSON string is one), also a YAML string:
    characters YAML would not accept raw, or would read as a line break, are escaped."""
    return _NOT_YAML.sub(
        lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False)
    )


# outside YAML's printable set, or a line break to YAML (NEL, LS, PS): escaped as \uXXXX
_NOT_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def plain_words(text: str) -> str:
    """A name without accents, in lower case, words split by single spaces:
    `Réclamations (12 mois)` → `reclamations 12 mois`. For matching names against vocabulary."""
    bare = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in bare if not unicodedata.combining(c)).lower()
    return " ".join(re.split(r"[^a-z0-9]+", bare)).strip()


def make_key(text: str, taken: set[str]) -> str:
    """A rule key from a column name, ASCII snake_case without accents (`Chiffre d'affaires` →
    `chiffre_d_affaires`, `Réclamations` → `reclamations`), unique among `taken`."""
    key = plain_words(text).replace(" ", "_") or "rule"
    if not key[0].isalpha():
        key = f"c_{key}"
    unique, number = key, 2
    while unique in taken:
        unique, number = f"{key}_{number}", number + 1
    return unique


def guess_id_column(header: Sequence[str]) -> str:
    """The column that most looks like a customer id: named like one, else the first."""
    for name in header:
        if _ID_HINT.search(name):
            return name
    return header[0]


def kept_names(
    header: Sequence[str], shown: Sequence[str], output: Sequence[str]
) -> dict[str, str]:
    """Each input column `--keep-columns` appends → its name in the output, in input order.

    `shown`: the id and name columns, in the output already and not appended again; `output`:
    every name the output's own columns bear. A column keeps its own name unless the output
    has a column of that name; then it becomes `input_<name>`, or `input_<name>_2`, `_3`... —
    the first name that neither the output nor any input column bears, so that no column ever
    hides another.
    """
    fixed = set(output)
    used = fixed | set(header)
    names: dict[str, str] = {}
    for name in header:
        if name in shown:
            continue
        written = name
        if name in fixed:
            written, number = f"input_{name}", 2
            while written in used:
                written, number = f"input_{name}_{number}", number + 1
            used.add(written)
        names[name] = written
    return names


def renamed_columns(
    header: Sequence[str], shown: Sequence[str], output: Sequence[str]
) -> list[tuple[str, str]]:
    """The kept input columns written under another name than their own (for a warning)."""
    return [(a, b) for a, b in kept_names(header, shown, output).items() if a != b]
