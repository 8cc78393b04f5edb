"""Shared fixtures: run the CLI as a user would, in a temporary folder."""

from __future__ import annotations

import ctypes.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from readiness.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"

Run = Callable[..., Result]


def pytest_configure(config: pytest.Config) -> None:
    """Where the HarfBuzz subsetter is missing, WeasyPrint warns about this machine on import, which is
    not about our documents; where it is installed (CI installs it) no warning needs ignoring."""
    if ctypes.util.find_library("harfbuzz-subset") is None:
        config.addinivalue_line(
            "filterwarnings", "ignore:HarfBuzz-Subset will be required:DeprecationWarning"
        )


@pytest.fixture(autouse=True, scope="session")
def _content_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite never touches the user's cache folder: it gets a content cache of its own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READINESS_CACHE_DIR", str(tmp_path_factory.mktemp("content-cache")))
        patch.delenv("READINESS_NO_CACHE", raising=False)
        yield


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
