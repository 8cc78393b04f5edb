"""A cache on disk of work that only depends on content: parsed YAML, schema checks, compiled templates.

Reading the built-in content (questionnaires, the AI Act catalogue, the directory) is the same work in
every run; cached, a report starts several tenths of a second sooner. What is cached is keyed by a hash
of everything it depends on (the file's text, the schema's text, the code that parses and checks, the
library versions), so an entry is never stale: a changed file simply has another key. The cache is
optional and safe to delete at any time; entries are written atomically, and an entry that cannot be
read (truncated, corrupted, from another Python) is ignored and written again. Answers files, registers
and brands, which hold a company's data, are never cached: only content is.

Where: `$READINESS_CACHE_DIR`, else the user's cache folder (`$XDG_CACHE_HOME/readiness`,
`~/.cache/readiness`, `~/Library/Caches/readiness` on macOS, `%LOCALAPPDATA%\\readiness\\cache` on
Windows). `READINESS_NO_CACHE=1` turns it off. Entries are `marshal` data, the format of Python's own
`__pycache__`, so the folder deserves the same trust as the user's other files.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

ENV_DIR = "READINESS_CACHE_DIR"
ENV_OFF = "READINESS_NO_CACHE"
_MAGIC = b"readiness-cache-1\n"
_CHECK_BYTES = 16


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "readiness" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "readiness"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "readiness"


def key(*parts: str | bytes) -> str:
    """A cache key: the SHA-256 of the parts, each length-prefixed so that no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@cache
def source_stamp(*files: str) -> str:
    """A hash of the given source files' bytes, so that changing the code that makes an entry (even
    without a new version number, as in a development checkout) gives new keys."""
    return key(*(Path(f).read_bytes() for f in files))


def load(kind: str, entry_key: str) -> Any | None:
    """The value stored under `kind`/`entry_key`, or None when there is none or it cannot be read."""
    folder = cache_dir()
    if folder is None:
        return None
    path = _path(folder, kind, entry_key)
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    header = len(_MAGIC) + _CHECK_BYTES
    payload = blob[header:]
    if blob[: len(_MAGIC)] != _MAGIC or blob[len(_MAGIC) : header] != _check(payload):
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def store(kind: str, entry_key: str, value: Any) -> None:
    """Store `value` (plain data: what `marshal` takes) atomically; any failure just skips the cache."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    path = _path(folder, kind, entry_key)
    # Not readiness.atomic: no fsync, since losing a cache entry in a power cut costs nothing.
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + _check(payload) + payload)
            Path(tmp).replace(path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise


def _path(folder: Path, kind: str, entry_key: str) -> Path:
    return folder / kind / entry_key[:2] / entry_key


def _check(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_CHECK_BYTES).digest()


def template_cache(options: dict[str, Any]) -> Any:
    """A Jinja2 bytecode cache in the cache folder for environments configured with `options`, or None.

    Jinja2 keys compiled templates by name and source, not by the environment's settings, so each
    configuration (autoescaped HTML, Markdown) gets a folder of its own.
    """
    folder = cache_dir()
    if folder is None:
        return None
    import jinja2
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    class QuietCache(FileSystemBytecodeCache):
        """Jinja2's file cache, except that a cache that cannot be written is skipped, not an error."""

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    settings = sorted((name, getattr(value, "__qualname__", repr(value))) for name, value in options.items())
    target = folder / "templates" / key(repr(settings), jinja2.__version__)[:16]
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(target))
