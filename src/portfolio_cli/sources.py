"""What an INPUT names: one file, standard input, or a glob of files read as one portfolio.

Light on purpose (no pandas, no Arrow): the CLI checks outputs against these files before any
work, and `auto` weighs them to choose an engine.
"""

from __future__ import annotations

import glob
from pathlib import Path

STDIN = "-"


def is_pattern(source: str | Path) -> bool:
    """A glob of files (`exports/*.parquet`) rather than one file that exists."""
    text = str(source)
    return text != STDIN and glob.has_magic(text) and not Path(text).exists()


def input_files(source: str | Path) -> list[Path]:
    """The files an INPUT names: the file itself, or the files a glob matches (sorted); `**`
    matches any depth of folders, as in DuckDB's and Spark's globs (`exports/**/*.parquet`)."""
    if not is_pattern(source):
        return [Path(source)]
    found = glob.glob(str(source), recursive=True)  # noqa: PTH207
    return sorted(Path(p) for p in found if Path(p).is_file())
