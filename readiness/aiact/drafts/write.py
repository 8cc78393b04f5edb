"""Writing the drafts to a folder: one file per draft and format, and an index, each written atomically.

Layout: `company/` for the company-wide drafts, `NN-<system>/` per AI system (NN is its place in the
register), a file per draft named after the document and, when a system holds several roles, the role;
`index.md` lists them all. PDFs go through WeasyPrint with the same safe asset fetcher as the reports.

A draft is meant to be completed, so a Markdown or DOCX file that already exists with other content is the
company's work: it is kept, and reported, unless the caller forces a rewrite.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readiness.aiact.drafts.markdown import draft_markdown, index_markdown
from readiness.aiact.drafts.model import Draft
from readiness.atomic import write_atomic
from readiness.errors import ReadinessError
from readiness.l10n.languages import long_date
from readiness.slug import slugify

FORMATS = ("md", "docx", "pdf")
# The formats a company completes by hand; a PDF is only ever a print of a draft, so it is always rewritten.
EDITABLE = ("md", "docx")
INDEX = "index.md"


@dataclass
class Written:
    """What `write_drafts` did: the index, the files it wrote, and the edited files it left alone."""

    index: Path
    files: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def draft_path(draft: Draft, fmt: str, several_roles: bool) -> str:
    """The draft's file, relative to the output folder."""
    folder = "company" if not draft.system else f"{draft.number:02d}-{slugify(draft.system)}"
    name = draft.id.replace("_", "-")
    if several_roles and draft.role:
        name += f"-{draft.role.replace('_', '-')}"
    return f"{folder}/{name}.{fmt}"


def write_drafts(
    drafts: Sequence[Draft],
    out: Path,
    formats: Sequence[str],
    *,
    brand_path: Path | None = None,
    templates: Sequence[Path] = (),
    force: bool = False,
    lang: str = "en",
    as_of: datetime.date | None = None,
) -> Written:
    """Write every draft in every format, and the index; a file that exists with other content is kept
    (it may hold the company's own work) unless `force`."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ReadinessError(f"unknown draft format {unknown[0]}; use one of {', '.join(FORMATS)}")
    if out.exists() and not out.is_dir():
        raise ReadinessError(f"{out} is a file, not a folder: give --out a folder for the drafts")
    roles: dict[tuple[int, str], set[str]] = {}
    for draft in drafts:
        roles.setdefault((draft.number, draft.id), set()).add(draft.role)
    result = Written(out / INDEX)
    files: list[str] = []
    for draft in drafts:
        several = len(roles[(draft.number, draft.id)]) > 1
        for fmt in formats:
            target = out / draft_path(draft, fmt, several)
            content = _render(draft, fmt, brand_path, templates)
            data = content.encode("utf-8") if isinstance(content, str) else content
            edited = fmt in EDITABLE and target.exists() and target.read_bytes() != data
            if edited and not force:
                result.kept.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
            result.files.append(target)
        files.append(draft_path(draft, formats[0], several))
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(result.index, _index(drafts, files, lang, as_of))
    return result


def _render(draft: Draft, fmt: str, brand_path: Path | None, templates: Sequence[Path]) -> str | bytes:
    if fmt == "md":
        return draft_markdown(draft)
    if fmt == "docx":
        from readiness.aiact.drafts.docx import draft_docx

        return draft_docx(draft)
    from readiness.aiact.drafts.pdf import draft_pdf

    return draft_pdf(draft, brand_path=brand_path, templates=templates)


def _index(drafts: Sequence[Draft], files: Sequence[str], lang: str, as_of: datetime.date | None) -> str:
    from readiness.aiact.drafts.templates import load_templates
    from readiness.aiact.model import pick

    words = load_templates().words
    lang = drafts[0].lang if drafts else lang
    day = drafts[0].prepared if drafts else as_of
    return index_markdown(
        drafts,
        files,
        pick(words["index_title"], lang),
        pick(words["index_intro"], lang).format(as_of=long_date(day, lang) if day else ""),
        pick(words["index_none"], lang),
    )
