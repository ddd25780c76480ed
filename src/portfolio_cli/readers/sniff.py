"""Find out how a text file was written: its encoding and its field separator.

Encodings are tried in a fixed order — a byte-order mark, strict UTF-8, cp1252, latin-1 — because
statistical detectors guess wrong on short French files (charset-normalizer read "Lefèvre" as
cp1250 "Lefčvre"); the order is right on every export we measured, and a result that still looks
garbled is reported. The separator is `csv.Sniffer`'s choice among `,` `;` tab and `|` on the first
lines, which matched clevercsv's accuracy at a fraction of its time (see bench/readers.py).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Sequence

from portfolio_cli.display import visible

DELIMITERS = ",;\t|"
SAMPLE_LINES = 50
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What text decoded with the wrong table looks like: UTF-8 read as cp1252 ("Ã©"), C1 control
# characters (latin-1 read of cp1252 punctuation), replacement characters.
_GARBLED = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]|[\u0080-\u009f\ufffd]"
)


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the file starts with one."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def is_binary(head: bytes) -> bool:
    """A file with NUL bytes (and no UTF-16 mark) is not text."""
    return b"\x00" in head and bom_encoding(head) != "utf-16"


def guess_encoding(head: bytes, complete: bool) -> str:
    """BOM, else strict UTF-8, else cp1252, else latin-1 (which decodes anything).

    `complete` says `head` is the whole file: otherwise a character cut at the end is allowed.
    """
    found = bom_encoding(head)
    if found:
        return found
    for name in ("utf-8", "cp1252"):
        try:
            codecs.getincrementaldecoder(name)().decode(head, final=complete)
        except UnicodeDecodeError:
            continue
        return name
    return "latin-1"


def garbled_sample(text: str) -> str | None:
    """A few characters around the first sign of a wrong encoding, or None when it reads well."""
    match = _GARBLED.search(text)
    if match is None:
        return None
    start = max(match.start() - 6, 0)
    sample = " ".join(text[start : match.end() + 6].split())
    # control characters are made visible: they must not act on the user's terminal
    return visible(sample)


def guess_delimiter(text: str) -> str:
    """The separator of a CSV sample (decoded text): `csv.Sniffer` restricted to , ; tab |.

    When the sniffer cannot decide (one column, a short file), the candidate found most often
    in the header line wins, and a comma when there is none.
    """
    lines = text.splitlines()[:SAMPLE_LINES]
    sample = "\n".join(lines)
    header = lines[0] if lines else ""
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in header:
        return found
    counts = {candidate: header.count(candidate) for candidate in DELIMITERS}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else ","


def describe_delimiter(delimiter: str) -> str:
    """How a separator is written in messages: tab spelt out."""
    return "tab" if delimiter == "\t" else repr(delimiter)


def likely_header(rows: Sequence[Sequence[str | None]]) -> int:
    """The first row that looks like a header when no column name is known yet (`init --from`):
    an export's title line fills one or two cells ("Export clients au 04/12/2026;;;"), a header
    fills nearly all of them. 0 unless the first row is clearly such a title."""
    filled = [sum(1 for cell in row if cell is not None and cell.strip()) for row in rows]
    best = max(filled, default=0)
    if best < 2 or filled[0] * 2 > best:
        return 0
    return next((index for index, count in enumerate(filled) if count * 5 >= best * 4), 0)
