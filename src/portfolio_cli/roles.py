"""Which file is which: a criteria file given as the customer list, or the other way round.

`classify criteres.yaml -c clients.csv` is a common first mistake; without these checks the
reader complains about field counts and the criteria loader about encodings, and neither says
that the two files are simply in each other's place. Both checks read only the file's start.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from portfolio_cli.messages import message

CRITERIA_SUFFIXES = (".yaml", ".yml")
CUSTOMER_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".parquet", ".pq")
_MAGIC = (b"PK\x03\x04", b"PAR1")  # a workbook (zip) or a Parquet file
_TOP_KEYS = re.compile(r"^(version|customers|criteria|problems|policy)\s*:", re.MULTILINE)


def looks_like_criteria(name: str, text: str) -> bool:
    """A YAML criteria file: its suffix, or two of its top-level keys at the start of lines."""
    if Path(name).suffix.lower() in CRITERIA_SUFFIXES:
        return True
    return len(set(_TOP_KEYS.findall(text))) >= 2


def looks_like_customers(name: str, head: bytes) -> bool:
    """A customer list: its suffix, a workbook or Parquet signature, or a first line that is a
    header of several fields and no `key:` at all (a criteria file's lines all hold one)."""
    if Path(name).suffix.lower() in CUSTOMER_SUFFIXES or head.startswith(_MAGIC):
        return True
    lines = [
        line
        for line in head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf").splitlines()[:5]
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if len(lines) < 2 or ":" in lines[0]:
        return False
    return any(
        lines[0].count(separator) >= 1 and lines[1].count(separator) == lines[0].count(separator)
        for separator in ";,\t|"
    )


def nearby_file(path: str | Path, limit: int = 5000) -> Path | None:
    """The file in the same folder whose name is closest to `path`'s (`client.csv` →
    `clients.csv`), for a "not found" message; None when nothing is close."""
    path = Path(path)
    folder = path.parent
    try:
        names = []
        for count, entry in enumerate(os.scandir(folder)):
            if count >= limit:  # a huge folder is not worth a long wait on an error path
                break
            if entry.is_file():
                names.append(entry.name)
    except OSError:
        return None
    by_lower = {name.lower(): name for name in names}
    if path.name.lower() in by_lower:  # Clients.CSV for clients.csv
        return folder / by_lower[path.name.lower()]
    close = difflib.get_close_matches(path.name.lower(), list(by_lower), n=1, cutoff=0.75)
    return folder / by_lower[close[0]] if close else None


def not_found(key: str, path: str | Path, lang: str | None = None) -> str:
    """`file not found: client.csv (did you mean clients.csv?)`, or without the question."""
    close = nearby_file(path)
    if close is None:
        return message(key, lang, path=path)
    return message(f"{key}_close", lang, path=path, close=close)
