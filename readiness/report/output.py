"""One report to one file, in the chosen format: the single entry point for `readiness assess` and
`readiness report`.

The JSON format is the assessment itself (the documented result), not the report model: the model is
an internal shape, the JSON result is a contract.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.answers import portable
from readiness.atomic import is_stdout, write_atomic
from readiness.report.html import render_html
from readiness.report.markdown import render_markdown
from readiness.report.model import Report, build_report
from readiness.report.text import render_text
from readiness.slug import slugify

if TYPE_CHECKING:
    from readiness.assessment import Assessment
    from readiness.report.brand import Brand

FORMATS = ("pdf", "html", "md", "json", "text")
SUFFIXES = {"pdf": ".pdf", "html": ".html", "md": ".md", "json": ".json", "text": ".txt"}
DEFAULT_FOLDER = Path("reports")


def render_json(report: Report) -> str:
    """The assessment behind the report, as the documented JSON result."""
    return json.dumps(report.assessment, indent=2, ensure_ascii=False) + "\n"


def write_report(
    report: Report, path: Path, output_format: str, *, templates: Sequence[Path] = (), pdfa: bool = False
) -> None:
    """Render `report` as `output_format` (pdf, html, md, json or text) and write it atomically to `path`."""
    write_atomic(
        path,
        render_report(replace(report, file_name=path.name), output_format, templates=templates, pdfa=pdfa),
    )


def render_report(
    report: Report, output_format: str, *, templates: Sequence[Path] = (), pdfa: bool = False
) -> bytes:
    """The bytes of `report` as `output_format` (what `write_report` writes; a Dask worker sends them)."""
    if output_format == "pdf":
        from readiness.report.pdf import render_pdf

        html = render_html(report, templates=templates)
        return render_pdf(html, report=report, pdfa=pdfa, templates=templates)
    if output_format == "html":
        return render_html(report, templates=templates).encode("utf-8")
    if output_format == "md":
        return render_markdown(report, templates=templates).encode("utf-8")
    if output_format == "json":
        return render_json(report).encode("utf-8")
    if output_format == "text":
        return render_text(report, templates=templates).encode("utf-8")
    raise ValueError(f"unknown report format {output_format!r}; expected one of {', '.join(FORMATS)}")


def write_assessment(
    assessment: Assessment,
    answers_bytes: bytes,
    target: Path,
    output_format: str,
    *,
    lang: str,
    brand: Brand,
    templates: Sequence[Path] = (),
    pdfa: bool = False,
) -> Report:
    """Build the report of one assessment and write it to `target`: what assess, report and batch share."""
    model = assessment_report(assessment, answers_bytes, lang, brand)
    write_report(model, target, output_format, templates=templates, pdfa=pdfa)
    return model


def assessment_report(assessment: Assessment, answers_bytes: bytes, lang: str, brand: Brand) -> Report:
    """The report model of one assessment in `lang`, with the answers file it came from attached."""
    return build_report(
        assessment.as_dict(lang),
        assessment.questionnaire,
        assessment.answers.as_data(),
        portable(answers_bytes),
        lang,
        brand,
    )


def report_path(
    out: Path | None, company: str, output_format: str, *, taken: set[Path] | None = None
) -> Path:
    """Where a report goes: `out` itself when it names a file (one that exists, a device like /dev/stdout,
    or a name with a suffix) or is `-` (standard output), else
    `<out or reports>/<company>.<ext>`.

    `taken` holds the paths already written in this run; a second company with the same name gets a
    numbered file instead of overwriting the first.
    """
    suffix = SUFFIXES[output_format]
    if out is not None and (is_stdout(out) or ((out.exists() or out.suffix) and not out.is_dir())):
        return out
    folder = out if out is not None else DEFAULT_FOLDER
    stem = slugify(company)
    path = folder / f"{stem}{suffix}"
    number = 2
    while taken is not None and path in taken:
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path
