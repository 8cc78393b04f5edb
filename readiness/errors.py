"""The two kinds of error the program knows: the user's (a clean message) and everything else (a bug).

Every user-facing failure is a `ReadinessError`; the CLI catches it once, prints it and exits with its
code. Problems found while checking a file are collected as `Problem` values, so that one run reports
all of them, each with its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

EXIT_PROBLEMS = 1
EXIT_USAGE = 2
# A file with thousands of problems is probably the wrong file: the message shows the first ones.
MAX_PROBLEMS_SHOWN = 50


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one place. `line` and `column` are 1-based; 0 means unknown.

    A "warning" is worth fixing but does not make the file invalid (an entry not checked for a year).
    """

    path: str
    line: int
    column: int
    message: str
    json_path: str = ""
    fix: str = ""
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        """Whether the problem makes the file invalid (warnings do not)."""
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        prefix = "" if self.is_error else f"{self.severity}: "
        text = f"{where}: {prefix}{self.message}"
        if self.fix:
            text += f" (fix: {self.fix})"
        return text

    def as_dict(self) -> dict[str, object]:
        """The problem as a plain mapping, for `--format json`."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "json_path": self.json_path,
            "message": self.message,
            "fix": self.fix,
            "severity": self.severity,
        }


class ReadinessError(Exception):
    """A problem the user can fix: printed without a traceback, exits with `exit_code`."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class ProblemsError(ReadinessError):
    """A file (or several) failed its checks; carries every problem found, each with its place."""

    def __init__(self, problems: list[Problem], *, exit_code: int = EXIT_USAGE) -> None:
        shown = [str(p) for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            more = len(problems) - MAX_PROBLEMS_SHOWN
            shown.append(
                f"... and {more:,} more problem(s); fix these first, or see them all with readiness validate"
            )
        super().__init__("\n".join(shown), exit_code=exit_code)
        self.problems = problems


def display_path(path: Path | str) -> str:
    """A path as the user would like to read it: relative to the working folder when inside it."""
    try:
        folder = str(Path.cwd())
    except OSError:  # the working folder was removed
        return str(path)
    return _relative(str(path), folder)


# Validating names a file for each of its thousands of texts; resolving it each time took seconds.
@lru_cache(maxsize=4096)
def _relative(path: str, folder: str) -> str:
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path(folder).resolve()))
    except (ValueError, RuntimeError, OSError):  # outside the folder, a symlink loop
        return path
