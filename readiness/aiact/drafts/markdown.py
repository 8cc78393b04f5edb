"""A draft as Markdown, and the index of all drafts: plain text a company can edit anywhere."""

from __future__ import annotations

from collections.abc import Sequence

from readiness.aiact.drafts.model import Draft, FactValue, Field


def draft_markdown(draft: Draft) -> str:
    """The whole draft: what it is for, what the register filled in, what to add, then its sections."""
    w = draft.words
    lines = [f"# {_md(draft.title)}", "", _header(draft), "", f"> {_md(draft.notice)}", ""]
    if draft.unverified:
        lines += [f"> {_md(draft.unverified)}", ""]
    lines += [_md(draft.purpose), "", f"## {w['filled']}", ""]
    lines += [f"- {_md(label)}" for label in _labels(draft, missing=False)] or [w["filled_none"]]
    lines += ["", f"## {w['to_add']}", ""]
    lines += [f"- {_md(label)}" for label in _labels(draft, missing=True)] or [w["to_add_none"]]
    for section in draft.sections:
        heading = _md(section.heading)
        if section.article:
            heading += f" ([{section.article}]({section.link}))" if section.link else f" ({section.article})"
        lines += ["", f"## {heading}", ""]
        if section.guidance:
            lines += [_md(section.guidance), ""]
        for field in section.fields:
            if field.missing:
                lines.append(f"- **{_md(field.label)}**: _{w['add_here']}: {_md(field.todo)}_")
            else:
                lines.append(_field(field))
        if section.fields:
            lines.append("")
        lines += [f"- [ ] {_md(item)}" for item in section.checklist]
        if section.checklist:
            lines.append("")
        if section.sample:
            lines += [f"> **{w['sample']}:** {_md(section.sample)}", ""]
    return "\n".join(_tidy(lines)) + "\n"


def index_markdown(drafts: Sequence[Draft], files: Sequence[str], title: str, intro: str, none: str) -> str:
    """A table of the drafts written, with the article each serves and its file."""
    if not drafts:
        return f"# {title}\n\n{none}\n"
    w = drafts[0].words
    lines = [
        f"# {title}",
        "",
        intro,
        "",
        f"> {_md(w['index_notice'])}",
        "",
        f"| {w['document']} | {w['article']} | {w['for']} | {w['file']} |",
        "|---|---|---|---|",
    ]
    for draft, file in zip(drafts, files, strict=True):
        target = f"{_md(draft.system)} ({draft.role_label})" if draft.system else w["whole_company"]
        article = f"[{draft.article}]({draft.link})" if draft.link else draft.article
        lines.append(f"| {_md(draft.title)} | {article} | {target} | [{file}]({file}) |")
    return "\n".join(lines) + "\n"


def _labels(draft: Draft, *, missing: bool) -> list[str]:
    """The lines filled in (or still open), each with its section: the summary at the top of a draft."""
    return [
        f"{field.label} ({section.heading})"
        for section in draft.sections
        for field in section.fields
        if field.missing == missing
    ]


def _header(draft: Draft) -> str:
    w = draft.words
    parts = [f"**{w['draft']}**", f"{w['serves']}: [{draft.article}]({draft.link})"]
    if draft.company:
        parts.append(f"{w['company']}: {_md(draft.company)}")
    if draft.system:
        parts.append(f"{w['system']}: {_md(draft.system)}")
    parts += [f"{w['role']}: {draft.role_label}", f"{w['prepared']}: {draft.prepared.isoformat()}"]
    return " · ".join(parts)


def _field(field: Field) -> str:
    return f"- **{_md(field.label)}**: {_value(field.value)}"


def _value(value: FactValue) -> str:
    if isinstance(value, tuple):
        return "".join(f"\n  - {_md(item)}" for item in value)
    return _md(value)


def _md(text: str) -> str:
    """Text safe in a Markdown line or table cell: no line breaks, no table pipes."""
    return " ".join(text.split()).replace("|", "\\|")


def _tidy(lines: list[str]) -> list[str]:
    """No two empty lines in a row, none at the end."""
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out
