"""Inputs that can be read only once: standard input, pipes, process substitution, devices.

`portfolio classify <(cut ...)`, `cat x.csv | portfolio classify /dev/stdin`, a named pipe: the
readers look at the start of a file before reading it whole (its encoding, separator, header)
and read it again with another encoding when the first guess fails. A pipe cannot seek, and a
named pipe opened twice waits forever for a second writer. So anything that is not a regular
file is read once, whole, into memory, and every later read of the same source in this run
gets those bytes (`portfolio init --from <(...)` reads its list twice).

A device that never ends (`/dev/zero`, `/dev/urandom`) is recognised from its first block as
not text and refused before it fills the memory.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import BinaryIO

from portfolio_cli.errors import InputError, Issue
from portfolio_cli.messages import message, reason

STDIN = "-"
BLOCK = 1 << 16
ZIP_MAGIC = b"PK\x03\x04"
PARQUET_MAGIC = b"PAR1"

# sources already read in this run: their bytes, with what identifies them (the stream object
# for standard input, the device and inode of a pipe) so that another stream is read anew
_READ: dict[str, tuple[object, bytes]] = {}


def is_stream(source: str | Path) -> bool:
    """`-`, or a path that names something other than a regular file or a folder (a pipe,
    `/dev/stdin`, `/dev/fd/63`, a character device). A missing path is not a stream: the
    usual reader says it is missing."""
    if str(source) == STDIN:
        return True
    try:
        mode = Path(source).stat().st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def named_in_utf8(source: str | Path) -> bool:
    """Whether a path can be given to Arrow and fastexcel, which take UTF-8 names only: a name
    made on another system (`\\xff.csv`, Latin-1 bytes) reaches Python as lone surrogates and
    is then read through Python instead."""
    try:
        str(source).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_once(source: str | Path, lang: str | None = None) -> bytes:
    """The whole content of a stream source, read once per run (see the module's docstring)."""
    label = "<stdin>" if str(source) == STDIN else str(source)
    if str(source) == STDIN:
        stream: BinaryIO = sys.stdin.buffer
        identity: object = stream
    else:
        try:
            found = Path(source).stat()
        except OSError as exc:
            raise _unreadable(label, exc, lang) from None
        identity = (found.st_dev, found.st_ino)
    kept = _READ.get(label)
    if kept is not None and kept[0] == identity:
        return kept[1]
    if str(source) == STDIN:
        data = _read_all(stream, label, lang)
    else:
        try:
            with Path(source).open("rb") as handle:
                data = _read_all(handle, label, lang)
        except OSError as exc:
            raise _unreadable(label, exc, lang) from None
    _READ[label] = (identity, data)
    return data


def _read_all(stream: BinaryIO, label: str, lang: str | None) -> bytes:
    """Read to the end; a first block that is neither text nor a workbook nor Parquet (NUL
    bytes: /dev/zero, /dev/urandom) stops the reading at once."""
    from portfolio_cli.readers.sniff import is_binary

    first = stream.read(BLOCK)
    if first and not first.startswith((ZIP_MAGIC, PARQUET_MAGIC)) and is_binary(first):
        raise InputError(Issue("binary-file", message("inputs.binary", lang, source=label)))
    parts = [first]
    while first:
        first = stream.read(1 << 20)
        parts.append(first)
    return b"".join(parts)


def _unreadable(label: str, exc: OSError, lang: str | None) -> InputError:
    return InputError(
        Issue("unreadable", message("input.unreadable", lang, path=label, reason=reason(exc)))
    )


def format_of(data: bytes, suffix: str) -> str:
    """`xlsx`, `parquet` or `csv`: from the name's suffix when it has one that says, else
    from the first bytes (`cat x.xlsx | portfolio classify -`)."""
    from portfolio_cli.readers.workbook import PARQUET_SUFFIXES, WORKBOOK_SUFFIXES

    if suffix in WORKBOOK_SUFFIXES:
        return "xlsx"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(PARQUET_MAGIC) and data.endswith(PARQUET_MAGIC):
        return "parquet"
    return "csv"
