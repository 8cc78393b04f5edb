"""Fixtures for the directory tests: the built-in directory, and no user folders from the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from readiness.directory import Directory, load_directory
from readiness.directory.loader import entry_from

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"


@pytest.fixture(autouse=True)
def _no_user_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READINESS_DIRECTORY", raising=False)


@pytest.fixture
def directory() -> Directory:
    """The built-in directory (read once per process)."""
    return load_directory()


def hub(entry_id: str, country: str, nuts: list[str], **fields: Any) -> dict[str, Any]:
    """A confirmed EDIH entry as a directory file would hold it (fields override the defaults)."""
    return {
        "id": entry_id,
        "kind": "edih",
        "name": fields.pop("name", entry_id.replace("-", " ").title()),
        "country": country,
        "nuts": nuts,
        "status": "eu_cofunded_edih",
        "confirmed": True,
        "url": f"https://{entry_id}.example",
        "sources": [f"https://{entry_id}.example/about"],
        "checked": "2026-11-27",
        **fields,
    }


def directory_of(*items: dict[str, Any]) -> Directory:
    """A directory of these entries plus the built-in EU-level ones (the fallback contacts among them)."""
    builtin = load_directory()
    vocab = builtin.vocabulary
    own = tuple(entry_from(item, vocab, "test.yaml") for item in items)
    eu_level = tuple(e for e in builtin.entries if e.country == "EU")
    return Directory(own + eu_level, vocab)
