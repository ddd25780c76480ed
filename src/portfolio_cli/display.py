"""A customer's text, made harmless wherever it is shown or written for a person.

Names, ids, column names, labels, file names and command-line arguments are text a customer
(or whoever wrote their file) chose. Shown as they are, some characters would act instead of
being read: ESC starts a terminal sequence that clears the screen or plants a hidden link, a CR
rewrites the line, a right-to-left override reverses what follows, `=` starts a spreadsheet
formula, `<script>` is HTML inside Markdown. This module is the one place that decides what such
text becomes, so that every writer says the same thing:

- `visible`: for a terminal, a message, an XLSX cell or a report. Control characters are shown
  as Unicode's pictures of them (ESC as ␛, CR as ␍), other invisible or reordering characters
  (C1 controls such as CSI U+009B, bidirectional overrides and isolates, zero-width spaces) as
  `\\x9b` or `\\u202e`. Nothing is dropped: the reader sees that something was there.
- `neutralise`: a cell or header a spreadsheet would run as a formula gets a leading `'`.
- `markdown_escape`: a value in Markdown shows as written, no HTML, link or emphasis.
- `json_text`: JSON with the invisible characters that JSON allows raw written as `\\u` escapes.

Machine formats keep their data: a CSV value keeps its control characters (only formulas are
neutralised), JSON keeps them as escapes. No Rich, no pandas here: anything may import this.
"""

from __future__ import annotations

import json
import re

# C0 controls and DEL have printable pictures (U+2400..U+2421), one character each, so a caret
# drawn under a condition still points at the right place once they are shown.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# Then C1 controls (0x80-0x9F: U+009B is CSI to many terminals), and characters that are
# invisible or reorder the text around them: Arabic letter mark, Mongolian vowel separator,
# zero-width space, left-to-right and right-to-left marks, line and paragraph separators, the
# embeddings and overrides (U+202A-202E), word joiner and invisible operators, the isolates
# (U+2066-2069) and the deprecated format characters, and the zero-width no-break space (a BOM
# inside text). Zero-width (non-)joiners are left alone: scripts and emoji need them.
_RANGES = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x061C, 0x061C),
    (0x180E, 0x180E),
    (0x200B, 0x200B),
    (0x200E, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
)
HIDDEN = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _RANGES) + "]")
# The same characters for Arrow's regular expressions (RE2), to find them in a whole column.
HIDDEN_ARROW = "[" + "".join(f"\\x{{{low:x}}}-\\x{{{high:x}}}" for low, high in _RANGES) + "]"
_ESCAPES = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for low, high in _RANGES
    for code in range(low, high + 1)
    if code not in _PICTURES
}
_ONE_LINE = _PICTURES | _ESCAPES
# (lines, tabs) → the translation table: newlines and tabs kept or shown
_TABLES = {
    (lines, tabs): {
        code: shown
        for code, shown in _ONE_LINE.items()
        if not (lines and code == 0x0A) and not (tabs and code == 0x09)
    }
    for lines in (False, True)
    for tabs in (False, True)
}


def visible(value: object, *, lines: bool = False, tabs: bool = False) -> str:
    """`value` as text whose every character is seen, none acted on by a terminal.

    ESC becomes ␛, a newline ␊ (one line stays one line), CR ␍, a tab ␉, U+009B `\\x9b`, a
    right-to-left override `\\u202e`. With `lines`, newlines are kept (and a CR before one is
    dropped): for text of several lines, such as an error with a caret under a condition. With
    `tabs`, tabs are kept (a tab-separated document on a terminal).
    """
    text = str(value)
    if HIDDEN.search(text) is None:  # nearly always: one scan, no copy
        return text
    if lines:
        text = text.replace("\r\n", "\n")
    return text.translate(_TABLES[lines, tabs])


# --- spreadsheets ---------------------------------------------------------------------------------

# A cell a spreadsheet would run as a formula starts with one of these (numbers excepted).
FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")
# A number as people write it (signed, thousands grouped by space, comma, dot or narrow spaces,
# decimals, exponent), maybe an amount or a percentage as the readers take them (`-1 234,50 €`,
# `-€5.00`, `-12,5 %`): a number, not a formula. One pattern for Python's `re` (with re.ASCII)
# and Arrow's RE2: `\d` is ASCII in both, the spaces are written as characters.
_GAP = "[ \u00a0\u202f]*"
_UNIT = "(€|\\$|£|CHF|EUR|USD|GBP)"
NUMBER = (
    f"^[+-]?({_GAP}{_UNIT}{_GAP})?(\\d+|\\d{{1,3}}([ ,.\u00a0\u202f]\\d{{3}})+)([.,]\\d+)?"
    f"([eE][+-]?\\d+)?({_GAP}({_UNIT}|%))?$"
)
_NUMBER = re.compile(NUMBER.removesuffix("$") + r"\Z", re.ASCII)


def neutralise(cell: str) -> str:
    """A text cell or header a spreadsheet would run as a formula, with a leading `'`.

    `=HYPERLINK(...)`, `+1+1`, `@SUM(...)`, a leading tab or CR: prefixed. Numbers such as
    `-12` or `+1 234,50` are left as they are.
    """
    if cell.startswith(FORMULA_FIRST) and _NUMBER.match(cell) is None:
        return "'" + cell
    return cell


# --- Markdown -------------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*{}\[\]#!|~])")
_UNDERSCORES = re.compile("_+")
# A script scheme stays text even where a renderer would link a bare URL: `javascript\:`
# reads the same once rendered.
_SCRIPT_SCHEME = re.compile(r"(?i)\b(javascript|vbscript)(:)")
# A list item, numbered item or heading underline at the start of a value (`- x`, `12. x`,
# `---`); `-5` or `3.5` are not one and keep their text.
_MARKDOWN_LEADING = re.compile(r"^(\d*)([-+=.)])(?=\s|[-=\s]*$)")


def markdown_escape(value: object) -> str:
    """A value shown as written in Markdown, the one escaping every Markdown writer uses.

    Emphasis, link, code and table characters are backslashed (so `[c](javascript:...)` is no
    link; `javascript:` itself is written `javascript\\:`, which reads the same), `<` `>` `&`
    become entities (so no HTML passes through: no `<script>`, no `<img onerror=...>`), a
    leading list or heading mark is backslashed, line breaks are folded, and the remaining
    invisible characters are made visible.
    """
    text = visible(" ".join(str(value).split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _UNDERSCORES.sub(_underscores, text)
    text = _SCRIPT_SCHEME.sub(r"\1\\\2", text)
    return _MARKDOWN_LEADING.sub(r"\1\\\2", text)


def _underscores(run: re.Match[str]) -> str:
    """Underscores inside a word (`customer_id`) cannot start emphasis: left as written."""
    text, start, end = run.string, run.start(), run.end()
    inside = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return run.group() if inside else "\\_" * (end - start)


# --- JSON -----------------------------------------------------------------------------------------

# json.dumps escapes C0 itself, not these
_JSON_RAW = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _RANGES[1:]) + "]")


def json_text(document: object, *, sort_keys: bool = False) -> str:
    """`document` as indented JSON, UTF-8 text kept, invisible characters as `\\u` escapes.

    The values are exactly the same once parsed; a terminal showing the document shows
    `\\u001b` or `\\u202e` rather than acting on them.
    """
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    return _JSON_RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
