"""The checks `readiness validate` runs on content other than questionnaires, keyed by what marks a file."""

from __future__ import annotations

from readiness.validation import ExtraCheck


def extra_checks() -> dict[str, ExtraCheck]:
    """Checkers by marker: a top-level key of the file, or the name of the folder it sits in."""
    return {}
