"""The PDF: pages, text, metadata, bookmarks and the embedded answers; no warnings, no fetching outside."""

from __future__ import annotations

import gc
import io
import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from readiness.report.extract import answers_from_pdf
from readiness.report.model import Report
from tests.report.conftest import EXAMPLES, Rendered
from tests.report.test_html import IMAGE, SCRIPT, STYLE, hostile_report

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = ((ROOT / "templates").as_uri() + "/", "data:image/svg+xml;base64,")


def pdftotext(data: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def outline(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.mark.parametrize("name", EXAMPLES)
def test_pdf_renders_without_a_single_weasyprint_warning(name: str, rendered: dict[str, Rendered]) -> None:
    assert rendered[name].warnings == []
    assert all(url.startswith(ALLOWED) for url in rendered[name].requested)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("name", EXAMPLES)
def test_pdf_text_matches_its_golden_file(
    name: str, rendered: dict[str, Rendered], golden: Callable[[str, str], None]
) -> None:
    golden(f"{name}.txt", pdftotext(rendered[name].pdf))


def test_pdf_metadata_pages_and_bookmarks(rendered: dict[str, Rendered]) -> None:
    reader = PdfReader(io.BytesIO(rendered["quickscan-nl"].pdf))
    info = reader.metadata
    assert info is not None
    assert info.title == "Rapport AI-gereedheid: Noordhoek Precisietechniek B.V."
    assert info.author == "readiness"
    assert (
        info.subject
        == "AI-gereedheid van Noordhoek Precisietechniek B.V. en toets aan de Europese AI-verordening"
    )
    assert "AI-verordening" in str(info.get("/Keywords"))
    assert info.get("/CreationDate") == info.get("/ModDate") == "D:20261127000000Z"
    assert reader.root_object["/Lang"] == "nl"
    assert "/StructTreeRoot" in reader.root_object  # tagged for screen readers
    assert 9 <= len(reader.pages) <= 15
    titles = outline(reader)
    assert titles[:3] == ["Samenvatting", "Sterkste punten", "Grootste verbeterpunten"]
    assert {
        "Gereedheid per dimensie",
        "De Europese AI-verordening",
        "Waar u hulp vindt",
        "Actieplan",
        "Uw antwoorden en hoe dit rapport tot stand kwam",
    } <= set(titles)
    assert "Noordhoek Precisietechniek B.V." not in titles  # the cover is not a chapter


def test_the_summary_fits_on_one_page_and_pages_are_numbered(rendered: dict[str, Rendered]) -> None:
    reader = PdfReader(io.BytesIO(rendered["quickscan-en"].pdf))
    summary = reader.pages[1].extract_text()
    assert "Executive summary" in summary and "It is not legal advice" in summary
    assert f"Page 2 of {len(reader.pages)}" in summary
    assert "Readiness by dimension" in reader.pages[2].extract_text()


def test_the_answers_ride_along_and_can_be_read_back(
    rendered: dict[str, Rendered], answers_bytes: bytes, pdf_file: Callable[[bytes], Path]
) -> None:
    path = pdf_file(rendered["quickscan-en"].pdf)
    assert answers_from_pdf(path) == answers_bytes
    assert list(PdfReader(path).attachments) == ["noordhoek-precisietechniek-b-v.answers.yaml"]


def test_same_input_gives_the_same_pdf(
    make_report: Callable[..., Report],
    render_pdf_checked: Callable[..., Rendered],
    rendered: dict[str, Rendered],
) -> None:
    assert render_pdf_checked(make_report("quickscan-en")).pdf == rendered["quickscan-en"].pdf


# WeasyPrint 70 opens its sRGB profile for PDF/A and never closes it; the leak is theirs, not ours.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore:unclosed file:ResourceWarning")
def test_pdfa_3b_is_available_for_archiving(
    make_report: Callable[..., Report], render_pdf_checked: Callable[..., Rendered]
) -> None:
    result = render_pdf_checked(make_report("quickscan-en"), pdfa=True)
    gc.collect()
    assert result.warnings == []
    reader = PdfReader(io.BytesIO(result.pdf))
    metadata = reader.xmp_metadata
    assert metadata is not None
    assert b'pdfaid:part="3"' in metadata.stream.get_data() or b"<pdfaid:part>3" in metadata.stream.get_data()
    assert reader.root_object["/AF"]  # the answers, declared as the document's source


def test_hostile_input_prints_as_text_and_fetches_nothing(
    make_report: Callable[..., Report],
    render_pdf_checked: Callable[..., Rendered],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the report tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    result = render_pdf_checked(hostile_report(make_report))
    assert result.warnings == []
    assert all(url.startswith(ALLOWED) for url in result.requested), result.requested
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(result.pdf)).pages)
    assert SCRIPT in text and IMAGE in text
    assert "background:url(http://evil.example/x)" in text.replace(STYLE[:8], "")


def test_a_template_that_reaches_outside_is_refused_and_logged(
    tmp_path: Path,
    make_report: Callable[..., Report],
    render_pdf_checked: Callable[..., Rendered],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readiness.report.html import render_html

    monkeypatch.setattr(socket, "socket", lambda *a, **k: (_ for _ in ()).throw(AssertionError("socket")))
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "support.html.j2").write_text(
        '<img src="file:///etc/passwd"><img src="http://evil.example/x.png"><img src="../../../etc/hostname">'
    )
    report = make_report()
    result = render_pdf_checked(report, html=render_html(report, templates=[tmp_path]), templates=[tmp_path])
    assert len(result.warnings) == 3
    assert all("may not load" in w or "not one of its own assets" in w for w in result.warnings)
    assert b"root:x:0:0" not in result.pdf
