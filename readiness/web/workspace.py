"""The workspace: one folder holding a company's or a hub's answers files, reports and the server's state.

Every path the browser names is a path relative to the workspace, and `Workspace.resolve` is the only way
from such a name to a file: it refuses absolute paths, `..`, hidden parts, control characters and
backslashes, and a name that a symbolic link carries outside the folder. The answers files are the
source of truth; everything the server keeps for itself lives in `.readiness/` and can be deleted.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from readiness.batch.inputs import ANSWERS_SUFFIXES
from readiness.errors import ReadinessError
from readiness.slug import slugify

STATE_DIR = ".readiness"
# New interviews are saved where `readiness assess` saves them, so the terminal finds them too.
ANSWERS_DIR = "reports"
BRAND_DIR = "brand"
MAX_REF_CHARS = 1000
MAX_FILES = 10_000
MAX_DEPTH = 8


class OutsideWorkspace(ReadinessError):
    """A name that does not lead to a file inside the workspace."""


class Workspace:
    """The folder `root` and the rules for reading and writing inside it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    @property
    def state(self) -> Path:
        """`.readiness/`, private to the user running the server (accounts, sessions, the index)."""
        folder = self.root / STATE_DIR
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder

    def folder(self, name: str) -> Path:
        """A top-level folder of the workspace for the server's outputs (reports, batch, cohort...)."""
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def resolve(self, ref: str, suffixes: tuple[str, ...] = ANSWERS_SUFFIXES) -> Path:
        """The existing file `ref` names inside the workspace, ending in one of `suffixes`."""
        parts = _parts(ref)
        if not ref.lower().endswith(suffixes):
            raise OutsideWorkspace(f"'{_shown(ref)}' is not a file this server opens")
        path = self.root.joinpath(*parts)
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise OutsideWorkspace(f"'{_shown(ref)}' was not found in the workspace") from None
        if not real.is_relative_to(self.root) or not real.is_file():
            raise OutsideWorkspace(f"'{_shown(ref)}' was not found in the workspace")
        return path

    def ref(self, path: Path) -> str:
        """How the browser names `path`: relative to the workspace, with forward slashes."""
        return path.relative_to(self.root).as_posix()

    def answers_files(self) -> list[Path]:
        """Every answers file in the workspace, sorted; hidden folders and links out of it left alone.

        At most MAX_FILES files and MAX_DEPTH folders deep, so a workspace started in a home folder by
        mistake costs a bounded walk.
        """
        found: list[Path] = []
        for folder, dirs, files in os.walk(self.root):
            here = Path(folder)
            depth = len(here.relative_to(self.root).parts)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and depth < MAX_DEPTH)
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(ANSWERS_SUFFIXES):
                    continue
                path = here / name
                if path.is_symlink() and not path.resolve().is_relative_to(self.root):
                    continue
                found.append(path)
                if len(found) >= MAX_FILES:
                    return found
        return found

    def create(self, stem: str, suffix: str, data: bytes, folder: str = ANSWERS_DIR) -> Path:
        """A new file `folder/<stem><suffix>` (or `<stem>-2`...), never one replaced, written whole or not."""
        target_dir = self.folder(folder)
        base = slugify(stem)
        fd, tmp_name = tempfile.mkstemp(prefix=".new.", suffix=".tmp", dir=target_dir)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp_name).chmod(0o666 & ~_umask())
            number = 1
            while True:
                name = f"{base}{suffix}" if number == 1 else f"{base}-{number}{suffix}"
                try:
                    # A hard link fails when the name exists: two browsers starting the same company
                    # at once get two files, never one overwritten.
                    os.link(tmp_name, target_dir / name)
                    return target_dir / name
                except FileExistsError:
                    number += 1
        finally:
            with contextlib.suppress(FileNotFoundError):
                Path(tmp_name).unlink()

    def shown(self, message: str) -> str:
        """A message with the workspace's own folder taken out of its paths (names relative to it)."""
        return message.replace(f"{self.root}/", "")

    def brand_file(self) -> Path | None:
        """The hub's brand for every document made in this workspace, once it has been set."""
        path = self.root / BRAND_DIR / "brand.yaml"
        return path if path.is_file() else None


def _parts(ref: str) -> list[str]:
    if not ref or len(ref) > MAX_REF_CHARS:
        raise OutsideWorkspace("no file named")
    if any(ord(c) < 32 or ord(c) == 127 for c in ref) or "\\" in ref:
        raise OutsideWorkspace(f"'{_shown(ref)}' holds characters a file name here cannot have")
    if ref.startswith(("/", "~")) or (len(ref) > 1 and ref[1] == ":"):
        raise OutsideWorkspace(f"'{_shown(ref)}' is not a name inside the workspace")
    parts = ref.split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        raise OutsideWorkspace(f"'{_shown(ref)}' is not a name inside the workspace")
    return parts


def _shown(ref: str) -> str:
    """The name as safe, short text for a message."""
    printable = "".join(c if c.isprintable() else "?" for c in ref)
    return printable[:120] + ("..." if len(printable) > 120 else "")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
