"""HTML and PDF for the hub documents, through the report's own machinery.

The templates live beside the report's (same folder, same `--templates` override, same fonts and
report.css), so the URL fetcher that serves the report's assets serves ours too, and nothing else.
The Jinja2 environment is the report's setup (autoescape, StrictUndefined, the same filters) with our
catalogue installed over the report's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from readiness.atomic import write_atomic
from readiness.errors import ReadinessError
from readiness.hubdocs.i18n import translations
from readiness.questionnaire.model import tr
from readiness.report import charts
from readiness.report.brand import Brand
from readiness.report.fonts import with_font_note
from readiness.report.html import html_environment, template_dirs
from readiness.report.i18n import Formatter
from readiness.report.pdf import INSTALL_HINT, asset_fetcher, font_config


@dataclass(frozen=True)
class Attachment:
    """A file carried inside a PDF (the answers a progress report compares)."""

    filename: str
    data: bytes
    description: str


@cache
def environment(folders: tuple[Path, ...], lang: str) -> Environment:
    """One environment per template path and language: the report's setup with our catalogue."""
    return html_environment(folders, translations(lang))


def palette(brand: Brand) -> charts.Palette:
    """The brand's colours for a chart."""
    colors = brand.colors
    return charts.Palette(colors["primary"], colors["accent"], colors["text"], colors["muted"])


def render_html(
    template: str, *, lang: str, brand: Brand, templates: Sequence[Path] = (), **context: Any
) -> str:
    """A hub document as one HTML page, with the report's helpers (`fmt`, `text`) in its context."""
    env = environment(template_dirs(templates), lang)
    return env.get_template(template).render(
        brand=brand,
        lang=lang,
        fmt=Formatter(lang),
        text=lambda value: tr(value, lang),
        **context,
    )


def render_pdf(
    html: str,
    *,
    brand: Brand,
    as_of: dt.date,
    attachments: Sequence[Attachment] = (),
    templates: Sequence[Path] = (),
) -> bytes:
    """The PDF of `html`: assets only from the template folders and the brand's, dated `as_of`."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ReadinessError(f"{INSTALL_HINT} ({exc.__class__.__name__}: {exc})") from None
    folders = template_dirs(templates)
    fetcher = asset_fetcher(weasyprint, folders, brand.files)
    moment = dt.datetime.combine(as_of, dt.time(0, 0))
    files = [
        weasyprint.Attachment(
            string=a.data,
            name=a.filename,
            description=a.description,
            created=moment,
            modified=moment,
            relationship="Source",
            url_fetcher=fetcher,
        )
        for a in attachments
    ]
    document = weasyprint.HTML(
        string=with_font_note(html), base_url=folders[-1].as_uri() + "/", url_fetcher=fetcher
    )
    data = document.write_pdf(attachments=files, pdf_tags=True, font_config=font_config(weasyprint))
    assert isinstance(data, bytes)
    return data


def write_document(
    path: Path,
    html: str,
    *,
    brand: Brand,
    as_of: dt.date,
    attachments: Sequence[Attachment] = (),
    templates: Sequence[Path] = (),
) -> None:
    """Write `html` to `path` as PDF, or as the HTML itself when the file name ends in .html."""
    if path.suffix.lower() in (".html", ".htm"):
        write_atomic(path, html)
    else:
        write_atomic(
            path, render_pdf(html, brand=brand, as_of=as_of, attachments=attachments, templates=templates)
        )


def svg(markup: str) -> Markup:
    """A chart made by readiness.report.charts (which escapes its own text), ready for a template."""
    return Markup(markup)
