"""Report fixtures: the example assessments, their reports, and each PDF rendered once per session.

Golden files (tests/report/golden/) are regenerated with `pytest tests/report --update-golden` and
reviewed in the diff.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.questionnaire.model import Questionnaire
from readiness.questionnaire.registry import Registry
from readiness.report.brand import load_brand
from readiness.report.html import render_html
from readiness.report.model import Report, build_report

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
# example name -> (assessment fixture, report language)
EXAMPLES = {"quickscan-en": ("assessment.json", "en"), "quickscan-nl": ("assessment.nl.json", "nl")}
# WeasyPrint says this about the machine (no HarfBuzz subsetter installed), not about the document:
# once as a DeprecationWarning on import, then as a log line per font.
MACHINE_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False))


@pytest.fixture(scope="session")
def golden(update_golden: bool) -> Callable[[str, str], None]:
    """`golden(name, text)`: compare with tests/report/golden/<name>, or rewrite it with --update-golden."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update_golden:
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"no golden file {name}; run pytest tests/report --update-golden"
        assert text == path.read_text(encoding="utf-8"), f"{name} differs; if intended, --update-golden"

    return check


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    return Registry.default().load("quickscan@1.0.0")


@pytest.fixture(scope="session")
def answers_bytes() -> bytes:
    return (FIXTURES / "answers.yaml").read_bytes()


def load_assessment(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / EXAMPLES[name][0]).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def make_report(questionnaire: Questionnaire, answers_bytes: bytes) -> Callable[..., Report]:
    """`make_report(name, **changes)`: the report of an example, with parts of its assessment replaced."""

    def make(
        name: str = "quickscan-en",
        *,
        company: dict[str, Any] | None = None,
        answers: bytes | None = None,
        brand: Path | None = None,
        **changes: Any,
    ) -> Report:
        assessment = load_assessment(name)
        assessment.update(changes)
        if company:
            assessment["company"] = {**assessment["company"], **company}
        raw = answers if answers is not None else answers_bytes
        return build_report(
            assessment, questionnaire, yaml.safe_load(raw), raw, EXAMPLES[name][1], load_brand(brand)
        )

    return make


@dataclass
class Rendered:
    """One PDF render: its bytes, what WeasyPrint warned about, and every URL it asked for."""

    pdf: bytes = b""
    warnings: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(MACHINE_NOTICES):
            self.into.append(message)


@pytest.fixture(scope="session")
def render_pdf_checked() -> Callable[..., Rendered]:
    """Render a PDF, recording WeasyPrint's warnings and the URLs its fetcher was asked for."""
    from readiness.report import pdf

    def render(report: Report, *, html: str | None = None, **options: Any) -> Rendered:
        result = Rendered()
        real = pdf.asset_fetcher

        def recording(*args: Any) -> Any:
            fetcher = real(*args)
            fetcher.requested = result.requested
            return fetcher

        handler = _Collect(result.warnings)
        logger = logging.getLogger("weasyprint")
        logger.addHandler(handler)
        pdf.asset_fetcher = recording  # type: ignore[assignment]
        try:
            result.pdf = pdf.render_pdf(
                html if html is not None else render_html(report), report=report, **options
            )
        finally:
            pdf.asset_fetcher = real
            logger.removeHandler(handler)
        return result

    return render


@pytest.fixture(scope="session")
def rendered(
    make_report: Callable[..., Report], render_pdf_checked: Callable[..., Rendered]
) -> dict[str, Rendered]:
    """Each example's PDF, rendered once for the whole session."""
    return {name: render_pdf_checked(make_report(name)) for name in EXAMPLES}


@pytest.fixture
def pdf_file(tmp_path: Path) -> Iterator[Callable[[bytes], Path]]:
    def write(data: bytes) -> Path:
        path = tmp_path / "report.pdf"
        path.write_bytes(data)
        return path

    yield write
