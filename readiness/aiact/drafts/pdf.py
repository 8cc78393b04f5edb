"""A draft as a PDF: its HTML page (templates/aiact-draft.html.j2) through the reports' WeasyPrint path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from readiness.aiact.drafts.model import Draft

TEMPLATE = "aiact-draft.html.j2"


def draft_html(draft: Draft, *, brand_path: Path | None = None, templates: Sequence[Path] = ()) -> str:
    """The draft as one HTML page, styled like the reports."""
    from readiness.hubdocs.render import render_html
    from readiness.report.brand import load_brand

    return render_html(
        TEMPLATE, lang=draft.lang, brand=load_brand(brand_path), templates=templates, draft=draft
    )


def draft_pdf(draft: Draft, *, brand_path: Path | None = None, templates: Sequence[Path] = ()) -> bytes:
    """The PDF's bytes, dated with the draft's date; assets only from the templates and the brand."""
    from readiness.hubdocs.render import render_pdf
    from readiness.report.brand import load_brand

    brand = load_brand(brand_path)
    html = draft_html(draft, brand_path=brand_path, templates=templates)
    return render_pdf(html, brand=brand, as_of=draft.prepared, templates=templates)
