"""Messages about what the system refuses: a full disk, a closed or broken stream, a pipe read
as a file, and the limits that keep a hostile criteria file from exhausting memory or the stack
(its size, its nesting).

`system.reason.<ERRNO>` words the operating system's reasons, which Python gives in English
only; an unlisted reason is shown as the system wrote it.
"""

EN: dict[str, str] = {
    "streams.stdout_failed": "cannot write to standard output: {reason}",
    "streams.stdout_closed": "cannot write to standard output: it is closed; send it to a file "
    "(> FILE) or use -o FILE",
    "streams.stdin_closed": "cannot read standard input: it is closed",
    "streams.write_failed": "cannot write {path}: {reason}",
    "streams.os_error": "{path}: {reason}",
    "streams.os_error_bare": "system error: {reason}",
    "streams.out_of_memory": "not enough memory to finish; free some memory or split the input",
    "streams.symlink_loop": "cannot use {path}: its symbolic links form a loop",
    "streams.too_large": "{source} is larger than 1 MiB: a criteria file is a few kilobytes; "
    "check that -c names the right file",
    "streams.number_too_large": "a number in the input, the criteria file or an option is too "
    "large to be read (4,300 digits or more, or beyond 1.8e308): check the values",
    "streams.too_deep": "{source}: nested too deeply to be read; a criteria file needs a few "
    "levels of indentation, not thousands",
    "system.reason.ENOSPC": "no space left on device",
    "system.reason.EDQUOT": "disk quota exceeded",
    "system.reason.EFBIG": "file too large",
    "system.reason.EIO": "input/output error",
    "system.reason.EACCES": "permission denied",
    "system.reason.EPERM": "operation not permitted",
    "system.reason.EROFS": "read-only file system",
    "system.reason.ENOENT": "no such file or folder",
    "system.reason.ENOTDIR": "a part of the path is not a folder",
    "system.reason.EISDIR": "it is a folder",
    "system.reason.ENAMETOOLONG": "file name too long",
    "system.reason.ELOOP": "too many levels of symbolic links",
    "system.reason.ENXIO": "no such device or address",
    "system.reason.EBADF": "it is closed",
    "system.reason.EAGAIN": "resource temporarily unavailable",
    "system.reason.ENOMEM": "not enough memory",
}
