"""Write a file so that it is either complete or untouched: a temporary name, then a rename.

Only regular files are replaced that way. A path that names something else — `/dev/null`,
`/dev/stdout`, a named pipe — is opened and written in place: renaming over it would put a
regular file where the device was. A symbolic link is followed, so the link stays a link and
the file it points to is replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from portfolio_cli.errors import Issue, UsageError
from portfolio_cli.messages import message


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "wb") -> Iterator[IO[bytes]]:
    """Yield a temporary file beside `path`; rename it over `path` only if the block succeeds.

    On any error the temporary file is removed and `path` is left as it was.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_dir() and not stat.S_ISREG(target.stat().st_mode):
        with target.open(mode) as stream:
            yield stream
        return
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise UsageError(
            Issue("missing-folder", message("files.missing_folder", path=target, folder=folder))
        )
    if target.is_dir():
        raise UsageError(Issue("not-a-file", message("files.is_folder", path=target)))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(
            Issue("unwritable", message("files.unwritable", folder=folder, reason=exc.strerror))
        ) from None
    try:
        with os.fdopen(handle, mode) as stream:
            yield stream
        if target.exists():
            # keep the permissions of the file being replaced
            Path(temporary).chmod(target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def same_file(output: str | Path, other: str | Path) -> bool:
    """Whether writing `output` would replace or destroy `other`, however the two are spelled:
    through symbolic links, `..`, `./`, a hard link (the same inode) or, on a file system that
    ignores case, another case. Files that are not regular (a terminal, `/dev/null`, a pipe)
    are never the same file: writing one does not replace the other."""
    return bool(_identity(output) & _identity(other))


def _identity(path: str | Path) -> set[tuple[object, ...]]:
    """What makes a file itself: its inode when it exists (hard links, symbolic links and case
    included), and the place its name resolves to (for a file this run would create)."""
    if str(path) == "-":  # standard input: `classify - -o c.csv < c.csv` reads c.csv
        try:
            found = os.fstat(0)
        except OSError:
            return set()
        return {("inode", found.st_dev, found.st_ino)} if stat.S_ISREG(found.st_mode) else set()
    try:
        found = Path(path).stat()
    except OSError:  # not there yet (a history file about to be created), or unreadable
        return {("path", os.path.realpath(path))}
    if not stat.S_ISREG(found.st_mode):
        return set()
    return {("inode", found.st_dev, found.st_ino), ("path", os.path.realpath(path))}


def refuse_overwrite(
    outputs: str | Path | Iterable[tuple[str | Path, str]],
    reads: Iterable[tuple[str, str | Path | None]],
) -> None:
    """Raise `UsageError` when an output is one of the files the run reads.

    `outputs` is one path (named `-o PATH` in the message) or pairs of a path and how the
    message names it. `reads` pairs a role (`input`, `criteria`, `orders`, `surveys`,
    `history`) with a path (`-`: standard input, when it is a file); None is skipped. Called
    before any work, so that nothing is written.
    """
    if isinstance(outputs, str | Path):
        outputs = [(outputs, f"-o {outputs}")]
    known: dict[tuple[object, ...], tuple[str, str | Path]] = {}
    for role, path in reads:
        if path is not None and str(path):
            for key in _identity(path):
                known.setdefault(key, (role, path))
    for output, shown in outputs:
        for key in _identity(output):
            if key in known:
                role, path = known[key]
                path = message("files.stdin") if str(path) == "-" else path
                text = message(
                    "files.overwrite", output=shown, role=message(f"files.role.{role}"), path=path
                )
                raise UsageError(Issue("overwrite-input", text))
