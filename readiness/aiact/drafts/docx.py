"""A draft as a Word document (DOCX, through python-docx), for a company to complete in a word processor.

Headings use Word's own heading styles, so the outline and table of contents work; what the company must
still add is highlighted, and each article is a link to its text. The file is made byte-for-byte the same
for the same draft: the zip entries and the document properties carry the draft's date, not the clock.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from readiness.aiact.drafts.model import Draft, FactValue

_HIGHLIGHT = "YELLOW"


def draft_docx(draft: Draft) -> bytes:
    """The DOCX file's bytes."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    document = docx.Document()
    w = draft.words
    moment = datetime.datetime.combine(draft.prepared, datetime.time(0, 0))
    props = document.core_properties
    props.title, props.author, props.language = draft.title, "readiness", draft.lang
    props.created = props.modified = moment
    props.last_modified_by, props.revision = "readiness", 1

    document.add_heading(draft.title, level=0)
    line = document.add_paragraph()
    line.add_run(f"{w['draft']} · {w['serves']}: ").bold = True
    _link(line, draft.article, draft.link)
    facts = [(w["company"], draft.company), (w["system"], draft.system), (w["role"], draft.role_label)]
    facts.append((w["prepared"], draft.prepared.isoformat()))
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in facts:
        if value:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    for text in (draft.notice, draft.unverified):
        if text:
            document.add_paragraph().add_run(text).italic = True
    document.add_paragraph(draft.purpose)

    for heading, missing, none in (
        (w["filled"], False, w["filled_none"]),
        (w["to_add"], True, w["to_add_none"]),
    ):
        document.add_heading(heading, level=1)
        lines = [(f.label, s.heading) for s in draft.sections for f in s.fields if f.missing == missing]
        for label, where in lines:
            document.add_paragraph(f"{label} ({where})", style="List Bullet")
        if not lines:
            document.add_paragraph(none)

    for section in draft.sections:
        heading = document.add_heading(section.heading, level=1)
        if section.article:
            heading.add_run(" (")
            _link(heading, section.article, section.link)
            heading.add_run(")")
        if section.guidance:
            document.add_paragraph(section.guidance)
        if section.fields:
            grid = document.add_table(rows=0, cols=2)
            grid.style = "Table Grid"
            for field in section.fields:
                cells = grid.add_row().cells
                cells[0].paragraphs[0].add_run(field.label).bold = True
                if field.missing:
                    run = cells[1].paragraphs[0].add_run(f"{w['add_here']}: {field.todo}")
                    run.font.highlight_color = getattr(WD_COLOR_INDEX, _HIGHLIGHT)
                else:
                    cells[1].text = _plain(field.value)
        for item in section.checklist:
            document.add_paragraph(f"☐ {item}")
        if section.sample:
            quote = document.add_paragraph(style="Intense Quote")
            quote.add_run(f"{w['sample']}: ").bold = True
            quote.add_run(section.sample)
    buffer = io.BytesIO()
    document.save(buffer)
    return _pinned(buffer.getvalue(), moment)


def _plain(value: FactValue) -> str:
    return "; ".join(value) if isinstance(value, tuple) else value


def _link(paragraph: Any, text: str, url: str) -> None:
    """A clickable link in `paragraph` (python-docx has no API for one: this is the XML Word writes)."""
    if not url:
        paragraph.add_run(text)
        return
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.shared import OxmlElement, qn

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    props.extend([style, colour, underline])
    run.append(props)
    content = OxmlElement("w:t")
    content.text = text
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def _pinned(data: bytes, moment: datetime.datetime) -> bytes:
    """The same zip with every entry dated `moment`, so the same draft gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = (moment.year, moment.month, moment.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
