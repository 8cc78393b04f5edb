"""Fixtures for the directory tests: the built-in directory, and no user folders from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.directory import Directory, load_directory

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"


@pytest.fixture(autouse=True)
def _no_user_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READINESS_DIRECTORY", raising=False)


@pytest.fixture
def directory() -> Directory:
    """The built-in directory (read once per process)."""
    return load_directory()
