"""Reading answers back from a PDF: the PDFs it refuses, and why."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from readiness.errors import ReadinessError
from readiness.report.extract import answers_from_pdf, is_pdf


def blank_pdf(path: Path, attachments: dict[str, bytes]) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    for name, data in attachments.items():
        writer.add_attachment(name, data)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_reads_the_one_answers_attachment(tmp_path: Path) -> None:
    path = blank_pdf(
        tmp_path / "r.pdf", {"notes.txt": b"x", "acme.answers.yaml": b"questionnaire: q@1.0.0\n"}
    )
    assert answers_from_pdf(path) == b"questionnaire: q@1.0.0\n"


@pytest.mark.parametrize(
    ("attachments", "message"),
    [
        ({}, "carries no answers file"),
        ({"a.answers.yaml": b"1", "b.answers.yaml": b"2"}, "several answers files"),
    ],
)
def test_a_pdf_without_exactly_one_answers_file_is_refused(
    tmp_path: Path, attachments: dict[str, bytes], message: str
) -> None:
    with pytest.raises(ReadinessError, match=message):
        answers_from_pdf(blank_pdf(tmp_path / "r.pdf", attachments))


def test_files_that_are_not_pdfs_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_text("questionnaire: q@1.0.0\n")
    assert not is_pdf(fake)
    with pytest.raises(ReadinessError, match="not a PDF"):
        answers_from_pdf(fake)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(ReadinessError, match=r"could not be read|carries no answers"):
        answers_from_pdf(broken)
    with pytest.raises(ReadinessError, match="no such file"):
        answers_from_pdf(tmp_path / "missing.pdf")
