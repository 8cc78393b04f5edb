"""The report as a PDF, through WeasyPrint, fetching nothing but the package's own assets.

WeasyPrint is a browser engine: left to itself it would load any URL a document names, `file://` paths
and the network included. The fetcher here serves only files inside the template folders, the files the
brand names (its logo, not the rest of its folder), and images as data: URLs; it refuses everything
else, so a report can neither leak a local file into the PDF nor call out. The PDF's dates come from the
assessment's as-of date, and the answers file rides along as an attachment, so the same input gives the
same document, which can be re-read later (`readiness report old-report.pdf`).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import mimetypes
import os
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from readiness.errors import ReadinessError
from readiness.report.fonts import with_font_note
from readiness.report.html import template_dirs
from readiness.report.model import Report

INSTALL_HINT = (
    "writing a PDF needs WeasyPrint and the Pango library: `pip install weasyprint`, then see "
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html for Pango; or use --format html"
)
DATA_IMAGE_TYPES = ("image/png", "image/svg+xml")
MEDIA_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}


class FetchRefused(ValueError):
    """A resource outside the allowed folders was asked for; WeasyPrint logs it and renders without it."""


@cache
def font_config(weasyprint: Any) -> Any:
    """One font configuration for the process: a new one per document leaves about 0.3 MiB of
    fontconfig and Pango memory behind each time (measured over 500 reports), which adds up in a batch."""
    return weasyprint.text.fonts.FontConfiguration()


def warm_up() -> None:
    """Import WeasyPrint and make the process's font configuration now (a batch worker's start-up)."""
    font_config(_import_weasyprint())


def render_pdf(html: str, *, report: Report, pdfa: bool = False, templates: Sequence[Path] = ()) -> bytes:
    """The PDF's bytes: metadata from the HTML head, the answers attached, PDF/A-3b on request."""
    weasyprint = _import_weasyprint()
    folders = template_dirs(templates)
    fetcher = asset_fetcher(weasyprint, folders, report.brand.files)
    moment = dt.datetime.combine(report.as_of, dt.time(0, 0))
    attachment = weasyprint.Attachment(
        string=report.attachment.data,
        name=report.attachment.filename,
        description="readiness answers file",
        created=moment,
        modified=moment,
        relationship="Source",
        url_fetcher=fetcher,
    )
    document = weasyprint.HTML(
        string=with_font_note(html), base_url=folders[-1].as_uri() + "/", url_fetcher=fetcher
    )
    options: dict[str, Any] = {"attachments": [attachment], "pdf_tags": True}
    if pdfa:
        options["pdf_variant"] = "pdf/a-3b"
    with _source_date(moment):
        data = document.write_pdf(font_config=font_config(weasyprint), **options)
    assert isinstance(data, bytes)
    return data


@contextlib.contextmanager
def _source_date(moment: dt.datetime) -> Iterator[None]:
    """Pin the clock that font subsetting reads (SOURCE_DATE_EPOCH) to the as-of date while rendering.

    Without the HarfBuzz subsetter, WeasyPrint subsets fonts with fontTools, which stamps each font with
    the current time unless SOURCE_DATE_EPOCH is set; pinning it keeps the PDF the same for the same
    input. A value the user set already is left alone.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.replace(tzinfo=dt.UTC).timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def _import_weasyprint() -> Any:
    """WeasyPrint, imported only when a PDF is written; a missing Pango becomes a one-line hint."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ReadinessError(f"{INSTALL_HINT} ({exc.__class__.__name__}: {exc})") from None
    return weasyprint


def asset_fetcher(weasyprint: Any, folders: Sequence[Path], brand_files: Sequence[Path] = ()) -> Any:
    """A WeasyPrint URL fetcher that serves only `folders` (templates, first wins) and `brand_files`.

    A file asked for inside the built-in templates folder (the document's base) is looked up in the
    user's template folders first, so an override folder can replace a font or an image too.
    """

    class AssetFetcher(weasyprint.urls.URLFetcher):
        """Serves allowed files and image data: URLs; refuses every other URL."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.folders = [f.resolve() for f in folders]
            self.files = {f.resolve() for f in brand_files}
            self.requested: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            self.requested.append(url)
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                media_type, data = _data_url(url)
                return weasyprint.urls.URLFetcherResponse(url, data, {"Content-Type": media_type})
            if scheme != "file":
                raise FetchRefused(f"the report may not load {url}: only its own assets are allowed")
            path = self.resolve(Path(url2pathname(unquote(urlsplit(url).path))))
            kind = MEDIA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
            return weasyprint.urls.URLFetcherResponse(
                path.as_uri(), path.read_bytes(), {"Content-Type": kind or "application/octet-stream"}
            )

        def resolve(self, path: Path) -> Path:
            """The allowed file behind `path`, searching the template folders; FetchRefused otherwise."""
            target = path.resolve()
            base = self.folders[-1]
            if target.is_relative_to(base):
                for folder in self.folders:
                    candidate = (folder / target.relative_to(base)).resolve()
                    if candidate.is_relative_to(folder) and candidate.is_file():
                        return candidate
            if (target in self.files or any(target.is_relative_to(f) for f in self.folders)) and (
                target.is_file()
            ):
                return target
            raise FetchRefused(f"the report may not load {path}: it is not one of its own assets")

    return AssetFetcher()


def _data_url(url: str) -> tuple[str, bytes]:
    """The media type and bytes of a base64 image data: URL; other data: URLs are refused."""
    header, _, payload = url.partition(",")
    parts = header[len("data:") :].split(";")
    media_type = parts[0].lower()
    if media_type not in DATA_IMAGE_TYPES or "base64" not in parts[1:]:
        raise FetchRefused(f"the report only embeds PNG or SVG images, not {media_type or 'data'}")
    try:
        return media_type, base64.b64decode(payload, validate=True)
    except binascii.Error:
        raise FetchRefused("an embedded image is not valid base64") from None
