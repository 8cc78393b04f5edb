"""Every file the tool writes goes through `write_atomic`: whole or not at all, and never a special file.

A regular file is written through a temporary file in the same folder, fsynced, then renamed over the
target, so a reader (or a crash) sees the old complete file or the new one, never half of one. The
temporary file is called `.<name>.readiness-tmp-<pid>`: one that a killed process left behind is
recognised by its name and removed by the next write into that folder once its process is gone.

A special file is written straight through, never replaced: `-` is standard output, and a character
device or FIFO (`/dev/stdout`, `/dev/null`, a named pipe) is opened and written like a shell redirect
would. A symbolic link to a regular file is followed, so the file it points to is updated and the link
stays. Failures are `WriteError`s naming the target (not the temporary file) and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from readiness.errors import ReadinessError, display_path

STDOUT = Path("-")
TMP_MARK = ".readiness-tmp-"
# A temporary file's name is the target's name cut to this length plus the mark and the pid, so that a
# long target name (255 bytes is the usual limit) still leaves room for them.
_NAME_ROOM = 180
_cleaned: set[Path] = set()


class WriteError(ReadinessError):
    """A file could not be written: the message names the target and says what to do."""


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to `path`: standard output for `-`, through for special files, else atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path == STDOUT:
        _write_stdout(payload)
        return
    target = _target(path)
    if target is None:
        _write_through(path, payload)
        return
    _replace(target, payload)


def is_stdout(path: Path | None) -> bool:
    """Whether `path` means standard output (`-`)."""
    return path == STDOUT


def refuse_inputs(outputs: Iterable[Path], inputs: Iterable[Path | None]) -> None:
    """Raise WriteError when an output of this run is one of its inputs: the same path once links are
    resolved, or the same file under another name (a hard link). Standard output and special files,
    which are written through, are not compared."""
    sources = [p for p in inputs if p is not None and not is_stdout(p)]
    for output in outputs:
        if is_stdout(output) or _special(output):
            continue
        for source in sources:
            if same_file(output, source):
                raise WriteError(
                    f"{display_path(output)} is also an input of this run ({display_path(source)}); "
                    "writing it would overwrite that input: choose another output name"
                )


def same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name the same file: the same inode, or the same path once resolved."""
    with contextlib.suppress(OSError, ValueError):
        first, second = a.stat(), b.stat()
        return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)
    try:
        return a.resolve() == b.resolve()
    except (RuntimeError, OSError):
        return False


def _special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _target(path: Path) -> Path | None:
    """The regular file to replace for `path` (symlinks followed), or None for a special file."""
    if str(path).startswith(("/dev/", "/proc/")):
        return None
    try:
        info = path.stat()
    except FileNotFoundError:
        return _resolved(path) if path.is_symlink() else path
    except OSError as exc:
        raise write_error(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(f"{display_path(path)} is a folder; name a file to write")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{display_path(path)} is not a file the tool can write to; choose another name")
    return _resolved(path) if path.is_symlink() else path


def _resolved(path: Path) -> Path:
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError):
        raise WriteError(
            f"{display_path(path)} is a symbolic link that loops back on itself; "
            "remove it or name another file"
        ) from None


def _write_stdout(payload: bytes) -> None:
    if sys.stdout.isatty() and (payload.startswith((b"%PDF", b"PK")) or b"\x00" in payload[:1024]):
        raise WriteError("this is a binary file; send it to a file (-o report.pdf) or a pipe (| ...)")
    stream = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if stream is None:
        sys.stdout.write(payload.decode("utf-8", "replace"))
        sys.stdout.flush()
        return
    stream.write(payload)
    stream.flush()


def _write_through(path: Path, payload: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(payload)
            handle.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise write_error(path, exc) from None


def _replace(path: Path, payload: bytes) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from None
    remove_stale_temporaries(folder)
    temporary = folder / f".{path.name[:_NAME_ROOM]}{TMP_MARK}{os.getpid()}"
    try:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()  # this process's own leftover from an earlier failed write
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        # Give the file the mode a plain open() would (or the old file's).
        os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        raise
    # The rename itself is durable only once the folder entry is on disk.
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove this tool's temporary files in `folder` whose process is gone (once per folder and run)."""
    key = folder.absolute()
    if key in _cleaned:
        return []
    _cleaned.add(key)
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if not name.startswith(".") or TMP_MARK not in name:
                continue
            pid = name.rsplit(TMP_MARK, 1)[1]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()
                    removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def write_error(path: Path, exc: OSError) -> WriteError:
    """`exc` as a message about the file the user asked for, with what to do about it."""
    name = display_path(path)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return WriteError(f"disk full writing {name}; free some space and run again")
    if code in (errno.EACCES, errno.EPERM):
        return WriteError(f"no permission to write {name}; choose another place or check its permissions")
    if code == errno.EROFS:
        return WriteError(f"cannot write {name}: the disk is read-only; choose another place")
    if code == errno.ENOTDIR:
        return WriteError(f"cannot write {name}: part of its folder path is a file, not a folder")
    if code == errno.EISDIR:
        return WriteError(f"{name} is a folder; name a file to write")
    if code == errno.ENAMETOOLONG:
        return WriteError(f"cannot write {name}: the name is too long; choose a shorter one")
    if code == errno.ELOOP:
        return WriteError(f"cannot write {name}: a symbolic link on its path loops back on itself")
    return WriteError(f"cannot write {name}: {exc.strerror or exc}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
