"""The checks `readiness validate` runs on content other than questionnaires, keyed by what marks a file."""

from __future__ import annotations

from readiness.validation import ExtraCheck


def extra_checks() -> dict[str, ExtraCheck]:
    """Checkers by marker: a top-level key of the file, or the name of the folder it sits in."""
    from readiness.directory import check_directory_files

    return {"directory": check_directory_files, "entries": check_directory_files}
