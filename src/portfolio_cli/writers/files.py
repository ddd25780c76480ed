"""Write a file so that it is either complete or untouched: a temporary name, then a rename.

Only regular files are replaced that way. A path that names something else — `/dev/null`,
`/dev/stdout`, a named pipe — is opened and written in place: renaming over it would put a
regular file where the device was. A symbolic link is followed, so the link stays a link and
the file it points to is replaced.

A write that fails (a full disk, a quota, an I/O error) is one error naming the file and the
reason, and the temporary file is removed: `path` is never left half-written.

Every temporary file this process has open is listed in `_PENDING` until it is renamed or
removed, so that a process that must end at once (`portfolio_cli.signals`) removes them itself.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from portfolio_cli.errors import Issue, OutputError, UsageError
from portfolio_cli.messages import message, reason

# the temporary files of this process not yet renamed or removed (see `remove_temporary_files`)
_PENDING: set[Path] = set()


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "wb") -> Iterator[IO[bytes]]:
    """Yield a temporary file beside `path`; rename it over `path` only if the block succeeds.

    On any error the temporary file is removed and `path` is left as it was.
    """
    target = Path(path)
    if _is_device(target):  # before following links: /dev/stdout leads to `pipe:[1234]`
        try:
            device = target.open(mode)
        except OSError as exc:
            raise write_failed(target, exc) from None
        yield from _written(device, target)
        return
    if target.is_symlink():
        target = resolved(target)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise UsageError(
            Issue("missing-folder", message("files.missing_folder", path=target, folder=folder))
        )
    if target.is_dir():
        raise UsageError(Issue("not-a-file", message("files.is_folder", path=target)))
    handle, temporary = _temporary(folder, target.name)
    try:
        yield from _written(os.fdopen(handle, mode), target, temporary)
        if target.exists():
            # keep the permissions of the file being replaced
            Path(temporary).chmod(target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)
        try:
            Path(temporary).replace(target)
        except OSError as exc:
            raise write_failed(target, exc) from None
        _PENDING.discard(temporary)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        _PENDING.discard(temporary)
        raise


def remove_temporary_files() -> None:
    """Remove every temporary file this process still has (a process ending on a signal whose
    exception never reached `atomic_write`); the outputs they were for are left as they were."""
    for temporary in list(_PENDING):
        with contextlib.suppress(OSError):
            temporary.unlink()
        _PENDING.discard(temporary)


def temporary_pattern(path: Path) -> str:
    """The glob that matches the temporary files written for `path` (see `_temporary`), for a
    process that removes those of a worker it had to kill."""
    return f".{_temporary_stem(path.name)}.*.tmp"


def _is_device(path: Path) -> bool:
    """Whether `path` (its links followed by the system) is something other than a regular
    file or a folder: a device, a pipe, `/dev/stdout`. Written in place, never replaced."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new temporary file `.NAME.XXXXXXXX.tmp` in `folder`, open for writing.

    Not `tempfile.mkstemp`: a signal (SIGTERM from `timeout`, Ctrl-C) may be handled the
    moment the file is made, before mkstemp returns its name; here the name is chosen first, so
    the file is removed whenever it was made.
    """
    stem = _temporary_stem(name)
    for _ in range(100):
        temporary = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        _PENDING.add(temporary)  # listed before it exists: a process ending now removes it
        try:
            return _open_new(temporary), temporary
        except FileExistsError:
            _PENDING.discard(temporary)  # another run's temporary file: never ours to remove
            continue  # however unlikely: another name
        except OSError as exc:
            _PENDING.discard(temporary)
            text = message("files.unwritable", folder=folder, reason=reason(exc))
            raise UsageError(Issue("unwritable", text)) from None
        except BaseException:  # a signal as the file was made: it is ours, remove it
            with contextlib.suppress(OSError):
                temporary.unlink()
            _PENDING.discard(temporary)
            raise
    raise UsageError(  # pragma: no cover - a hundred names taken in a row
        Issue("unwritable", message("files.unwritable", folder=folder, reason="EEXIST"))
    )


def _temporary_stem(name: str) -> str:
    # the longest name a file system takes is 255 bytes: a long NAME (fine on its own) would
    # make the temporary name too long, so it is cut (a few characters say whose it is)
    return name if len(os.fsencode(name)) <= 200 else name[:40]


def _open_new(path: Path) -> int:
    """Create `path`, which must not exist, for writing by its owner only (until renamed)."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """`atomic_write` for a program that writes a file by its name (DuckDB's COPY): yields the
    name to write, a temporary file beside `path` that is renamed over it only if the block
    succeeds (a device such as `/dev/null` is its own name: written in place)."""
    with atomic_write(path) as stream:
        yield stream.written if isinstance(stream, _Named) else Path(path)


def _written(stream: IO[bytes], path: Path, written: Path | None = None) -> Iterator[IO[bytes]]:
    """Yield `stream` for the caller's block, then close it: a full disk may show only when
    the last bytes are flushed, and is then an error naming `path` like any failed write.
    `written`: the file `stream` writes, when it is a temporary one and not `path` itself."""
    try:
        yield _Named(stream, path, written or path)  # type: ignore[misc]
    except BaseException:
        with contextlib.suppress(OSError):
            stream.close()
        raise
    try:
        stream.close()
    except BrokenPipeError:  # a pipe whose reader went away: the caller decides
        raise
    except OSError as exc:
        raise write_failed(path, exc) from None


def resolved(path: Path) -> Path:
    """`path` with its symbolic links followed; a loop of links is an error naming it."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop, 3.13 OSError
        raise UsageError(
            Issue("symlink-loop", message("streams.symlink_loop", path=path))
        ) from None


def write_failed(path: Path, exc: OSError) -> OutputError:
    """The error for a write to `path` that the system refused with `exc`."""
    return OutputError(
        Issue("write-failed", message("streams.write_failed", path=path, reason=reason(exc)))
    )


class _Named:
    """A file being written whose failures name it (`cannot write x.csv: no space left`)."""

    def __init__(self, stream: IO[bytes], path: Path, written: Path) -> None:
        self._stream = stream
        self._path = path
        self.written = written  # the file the bytes go to (a temporary name until renamed)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def write(self, data: Any) -> int:
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise write_failed(self._path, exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise write_failed(self._path, exc) from None


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
