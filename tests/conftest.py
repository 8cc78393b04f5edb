"""Shared fixtures: run the CLI as a user would, in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from readiness.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"

Run = Callable[..., Result]


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden`: rewrite golden files (reports, generated docs) instead of comparing them."""
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files")


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`run(["validate", path])`: the command line through CliRunner, in a fresh working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("READINESS_QUESTIONNAIRES", raising=False)

    def invoke(args: list[str], input: str | None = None) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
