"""Fixtures for the hub workflows: a folder of example answers, one malformed file, and a check that
no PDF rendered in a test made WeasyPrint warn."""

from __future__ import annotations

import logging
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "HarfBuzz-Subset will be required", DeprecationWarning)
    import weasyprint  # noqa: F401

AS_OF = "2026-12-01"
# About the machine (no HarfBuzz subsetter installed), not about a document.
MACHINE_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)
MALFORMED = "questionnaire: general@1.0.0\ncompany: [not closed\n"


def example_files() -> list[Path]:
    """The example answers files (one company per sector)."""
    return sorted(EXAMPLES.glob("*.answers.yaml"))


def answers_in(folder: Path, examples: list[Path]) -> Path:
    """`folder` with copies of `examples` and one malformed answers file."""
    folder.mkdir()
    for path in examples:
        shutil.copy(path, folder / path.name)
    (folder / "broken.answers.yaml").write_text(MALFORMED, encoding="utf-8")
    return folder


@pytest.fixture
def answers_folder(tmp_path: Path) -> Path:
    """Every example answers file (one per sector) and one malformed answers file."""
    return answers_in(tmp_path / "answers", example_files())


@pytest.fixture
def small_folder(tmp_path: Path) -> Path:
    """Two examples (the quick scan and the general questionnaire, quick to load) and a malformed file."""
    return answers_in(
        tmp_path / "small", [EXAMPLES / "quickscan.answers.yaml", EXAMPLES / "general.answers.yaml"]
    )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(MACHINE_NOTICES):
            self.messages.append(message)


@pytest.fixture(autouse=True)
def no_weasyprint_warnings() -> Iterator[None]:
    """Fail a test in which WeasyPrint warned (a missing asset, an unknown CSS property)."""
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert handler.messages == []


def pdf_text(path: Path) -> str:
    """The text of a PDF, as pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")
