"""Answers files as interviews: finding the one to resume, and carrying one to a newer questionnaire.

`readiness assess` saves a new interview as `reports/<company>.answers.yaml`; `--resume` without a file
picks the most recently saved one there that is not complete. `--upgrade` writes the migrated answers
back to the same file, keeping the old version beside it as `<file>.bak`, both written atomically.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from readiness.answers import Answers, save_answers
from readiness.atomic import write_atomic
from readiness.errors import ProblemsError, ReadinessError, display_path
from readiness.yamlio import read_yaml

DEFAULT_FOLDER = Path("reports")
ANSWERS_GLOBS = ("*.answers.yaml", "*.answers.yml")


def in_progress(folder: Path = DEFAULT_FOLDER) -> list[Path]:
    """The answers files in `folder` whose interview is not complete, most recently saved first."""
    found: list[tuple[str, float, Path]] = []
    if not folder.is_dir():
        return []
    for pattern in ANSWERS_GLOBS:
        for path in folder.glob(pattern):
            try:
                data = read_yaml(path).data
            except ProblemsError:
                continue
            meta = data.get("meta") if isinstance(data, dict) else None
            if isinstance(meta, dict) and meta.get("complete") is False:
                found.append((str(meta.get("updated", "")), path.stat().st_mtime, path))
    return [path for *_, path in sorted(found, reverse=True)]


def latest_in_progress(folder: Path = DEFAULT_FOLDER) -> Path:
    """The interview to resume when no file is named; ReadinessError saying how to name one otherwise."""
    found = in_progress(folder)
    if not found:
        raise ReadinessError(
            f"no interview in progress in {display_path(folder)}/: name its answers file with "
            "--answers FILE, or start a new interview with `readiness assess`"
        )
    return found[0]


def missing_file_message(path: Path) -> str:
    """Why `path` cannot be read as an answers file that does not exist, with what was probably meant."""
    name = display_path(path)
    if path.is_symlink():
        return f"{name} is a symbolic link to a file that does not exist (or to itself); check the link"
    folder = path.parent if path.parent.is_dir() else None
    others = [p.name for p in folder.iterdir() if p.is_file()] if folder else []
    close = difflib.get_close_matches(path.name, others, n=1)
    hint = f"did you mean {display_path(path.parent / close[0])}? " if close else ""
    return (
        f"{name}: no such file; {hint}check the path, or start a new interview at a terminal with "
        f"`readiness assess --answers {name}`"
    )


def write_upgraded(path: Path, answers: Answers, *, now: str) -> Path:
    """Save the migrated `answers` over `path`, after copying the old file to `<path>.bak`."""
    backup = path.with_name(path.name + ".bak")
    write_atomic(backup, path.read_bytes())
    save_answers(path, answers, now=now)
    return backup
