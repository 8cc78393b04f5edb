"""Writing the drafts to a folder: one file per draft and format, and an index, each written atomically.

Layout: `company/` for the company-wide drafts, `NN-<system>/` per AI system (NN is its place in the
register), a file per draft named after the document and, when a system holds several roles, the role;
`index.md` lists them all. PDFs go through WeasyPrint with the same safe asset fetcher as the reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from readiness.aiact.drafts.markdown import draft_markdown, index_markdown
from readiness.aiact.drafts.model import Draft
from readiness.atomic import write_atomic
from readiness.errors import ReadinessError
from readiness.slug import slugify

FORMATS = ("md", "docx", "pdf")
INDEX = "index.md"


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
) -> list[Path]:
    """Write every draft in every format, and the index; the paths written, index first."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ReadinessError(f"unknown draft format {unknown[0]}; use one of {', '.join(FORMATS)}")
    if out.exists() and not out.is_dir():
        raise ReadinessError(f"{out} is a file, not a folder: give --out a folder for the drafts")
    roles: dict[tuple[int, str], set[str]] = {}
    for draft in drafts:
        roles.setdefault((draft.number, draft.id), set()).add(draft.role)
    written: list[Path] = []
    files: list[str] = []
    for draft in drafts:
        several = len(roles[(draft.number, draft.id)]) > 1
        for fmt in formats:
            relative = draft_path(draft, fmt, several)
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, _render(draft, fmt, brand_path, templates))
            written.append(target)
        files.append(draft_path(draft, formats[0], several))
    out.mkdir(parents=True, exist_ok=True)
    index = out / INDEX
    write_atomic(index, _index(drafts, files))
    return [index, *written]


def _render(draft: Draft, fmt: str, brand_path: Path | None, templates: Sequence[Path]) -> str | bytes:
    if fmt == "md":
        return draft_markdown(draft)
    if fmt == "docx":
        from readiness.aiact.drafts.docx import draft_docx

        return draft_docx(draft)
    from readiness.aiact.drafts.pdf import draft_pdf

    return draft_pdf(draft, brand_path=brand_path, templates=templates)


def _index(drafts: Sequence[Draft], files: Sequence[str]) -> str:
    from readiness.aiact.drafts.templates import load_templates
    from readiness.aiact.model import pick

    words = load_templates().words
    lang = drafts[0].lang if drafts else "en"
    as_of = drafts[0].prepared.isoformat() if drafts else ""
    return index_markdown(
        drafts,
        files,
        pick(words["index_title"], lang),
        pick(words["index_intro"], lang).format(as_of=as_of),
        pick(words["index_none"], lang),
    )
