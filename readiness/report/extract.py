"""Reading the answers back out of an earlier report PDF, so a report can be re-made a year later.

Every PDF report carries its answers file as an embedded attachment named `<company>.answers.yaml`.
pypdf reads PDFs written by any tool (a report may have passed through a PDF editor or an archive since),
which a hand-written reader would not.
"""

from __future__ import annotations

from pathlib import Path

from readiness.errors import ReadinessError, display_path

ATTACHMENT_SUFFIX = ".answers.yaml"
MAX_PDF_BYTES = 50 * 1024 * 1024


def is_pdf(path: Path) -> bool:
    """Whether the file starts like a PDF, whatever its name says."""
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def answers_from_pdf(path: Path) -> bytes:
    """The answers file embedded in a report PDF made by this tool; a clear error if there is none."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    name = display_path(path)
    if not path.is_file():
        raise ReadinessError(f"{name}: no such file")
    if path.stat().st_size > MAX_PDF_BYTES:
        raise ReadinessError(f"{name}: the PDF is larger than {MAX_PDF_BYTES // (1024 * 1024)} MiB")
    if not is_pdf(path):
        raise ReadinessError(f"{name}: this is not a PDF file")
    try:
        attachments = PdfReader(path).attachments
        found = {key: attachments[key] for key in attachments if key.endswith(ATTACHMENT_SUFFIX)}
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ReadinessError(f"{name}: the PDF could not be read ({exc})") from None
    if not found:
        raise ReadinessError(
            f"{name}: this PDF carries no answers file; only reports made by readiness can be re-read"
        )
    if len(found) > 1:
        raise ReadinessError(f"{name}: this PDF carries several answers files: {', '.join(sorted(found))}")
    contents = next(iter(found.values()))
    return contents[0]
