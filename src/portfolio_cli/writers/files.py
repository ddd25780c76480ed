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
from collections.abc import Iterator
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
