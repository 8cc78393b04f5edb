"""Where a catalogue entry was written: from a JSON path into the merged catalogue to its file and line.

Its own module so that both the loader (`catalogue.py`) and the cross-checks (`checks.py`) can use it
without importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping

from readiness.errors import Problem
from readiness.yamlio import JsonPath, YamlDocument


class Located:
    """Finds, for a JSON path into the merged catalogue, the file and line it was written on."""

    def __init__(self, owners: Mapping[str, YamlDocument]) -> None:
        self._owners = owners

    def problem(self, json_path: JsonPath, message: str, fix: str = "") -> Problem:
        """A problem at `json_path` (its first step names the top-level key, hence the file)."""
        document = self._owners[str(json_path[0])]
        return document.problem(json_path, message, fix=fix)
