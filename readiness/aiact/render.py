"""The AI Act result as text for the terminal and as Markdown; JSON is `AIActAssessment.as_dict`.

Both start with the date, the law and the not-legal-advice notice, then the company-wide obligations,
then each system: its role and risk class, why, what it must do and from when, and what to check.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from readiness.aiact.result import AIActAssessment, ObligationResult, SystemResult
from readiness.l10n.citations import capfirst, cite, localise_result

WIDTH = 100
Label = Callable[[str], str]


def render_text(assessment: AIActAssessment, lang: str = "en") -> str:
    """A plain-text report for the terminal."""
    label = _labeller(assessment, lang)
    lines = [
        f"{label('title')}, {label('as_of')} {assessment.as_of.isoformat()}",
        _law_line(assessment, lang),
        "",
        *_wrap(assessment.as_dict(lang)["notice"], "", ""),
        "",
        f"{label('company')}:",
    ]
    lines += _text_obligations(assessment.company_obligations, lang, label) or [f"  ({label('none')})"]
    for number, system in enumerate(assessment.systems, start=1):
        lines += ["", *_text_system(assessment, number, system, lang)]
    return "\n".join(lines) + "\n"


def render_markdown(assessment: AIActAssessment, lang: str = "en") -> str:
    """A Markdown report, for a README, a ticket or a wiki page."""
    label = _labeller(assessment, lang)
    lines = [
        f"# {label('title')}, {label('as_of')} {assessment.as_of.isoformat()}",
        "",
        _law_line(assessment, lang),
        "",
        f"> {assessment.as_dict(lang)['notice']}",
        *_unverified_links(assessment, lang),
        "",
        f"## {label('company')}",
        "",
    ]
    lines += _md_table(assessment.company_obligations, lang, label) or [f"_{label('none')}_"]
    for number, system in enumerate(assessment.systems, start=1):
        lines += ["", *_md_system(assessment, number, system, lang)]
    return "\n".join(lines) + "\n"


def _unverified_links(assessment: AIActAssessment, lang: str) -> list[str]:
    """A line saying the article links are still to be confirmed, while they are (Markdown only has links)."""
    return [] if assessment.text.verified else ["", f"_{assessment.label('links_unverified', lang)}_"]


def _cited(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """`data` with its articles written the reader's way, each opening its line with a capital."""
    from readiness.aiact.catalogue import load_catalogue

    cited = localise_result({"ai_act": data}, lang, load_catalogue().numbered_points)["ai_act"]
    return _capitalised(cited)


def _capitalised(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: capfirst(v) if k == "article" and isinstance(v, str) else _capitalised(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_capitalised(item) for item in value]
    return value


def _labeller(assessment: AIActAssessment, lang: str) -> Label:
    return lambda key: assessment.label(key, lang)


def _law_line(assessment: AIActAssessment, lang: str) -> str:
    label = _labeller(assessment, lang)
    return (
        f"{label('law')}: {cite(assessment.regulation, lang)}, {label('amended_by')} "
        f"{cite(assessment.amended_by, lang)} "
        f"({label('checked')} {assessment.checked})"
    )


def _headline(assessment: AIActAssessment, system: SystemResult, lang: str) -> str:
    label = _labeller(assessment, lang)
    roles = f" {label('and')} ".join(label(role) for role in system.roles)
    parts = [
        f"{label('roles' if len(system.roles) > 1 else 'role')}: {roles}",
        f"{label('risk')}: {assessment.risk_label(system.risk, lang)}",
    ]
    if system.gpai:
        parts.append(label(system.gpai))
    return " · ".join(parts)


def _text_system(assessment: AIActAssessment, number: int, system: SystemResult, lang: str) -> list[str]:
    label = _labeller(assessment, lang)
    data = _cited(system.as_dict(lang), lang)
    lines = [
        f"{number}. {system.name}",
        f"   {_headline(assessment, system, lang)}",
        f"   {label('reasons')}:",
    ]
    for reason in data["reasons"]:
        where = ", ".join(part for part in (reason["article"], reason["annex"]) if part)
        lines += _bullet(f"{where}: {reason['because']}")
    lines.append(f"   {label('obligations')}:")
    lines += _text_obligations(system.obligations, lang, label, indent="     ") or [f"     ({label('none')})"]
    if data.get("unsure"):
        lines.append(f"   {label('unsure')}:")
        for note in data["unsure"]:
            lines += _bullet(f"{note['article']} ({note['field']}): {note['note']}")
            for question in note.get("questions", []):
                lines += _bullet(question, indent="         ", mark="? ")
    return lines


def _text_obligations(
    obligations: tuple[ObligationResult, ...], lang: str, label: Label, indent: str = "  "
) -> list[str]:
    rows = [_cited(obligation.as_dict(lang), lang) for obligation in obligations]
    # The article column is as wide as its longest citation: some languages write them longer.
    width = max([14, *(len(data["article"]) + 1 for data in rows)])
    lines = []
    for data in rows:
        status = label("voluntary") if data["kind"] == "voluntary" else label(data["status"])
        head = f"{status:<11} {data['applies_from']}  {data['article']:<{width}} "
        lines += _wrap(data["title"], indent + head, indent + " " * len(head))
    return lines


def _bullet(text: str, indent: str = "     ", mark: str = "- ") -> list[str]:
    return _wrap(text, indent + mark, indent + " " * len(mark))


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrapped at spaces only, so article numbers and hyphenated words stay whole."""
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _md_system(assessment: AIActAssessment, number: int, system: SystemResult, lang: str) -> list[str]:
    label = _labeller(assessment, lang)
    data = _cited(system.as_dict(lang), lang)
    lines = [
        f"## {number}. {_md(system.name)}",
        "",
        _headline(assessment, system, lang),
        "",
        f"### {label('reasons')}",
        "",
    ]
    for reason in data["reasons"]:
        where = ", ".join(part for part in (reason["article"], reason["annex"]) if part)
        where = f"[{where}]({reason['link']})" if reason["link"] else where
        lines.append(f"- **{where}**: {_md(reason['because'])}")
    lines += ["", f"### {label('obligations')}", ""]
    lines += _md_table(system.obligations, lang, label) or [f"_{label('none')}_"]
    if data.get("unsure"):
        lines += ["", f"### {label('unsure')}", ""]
        for note in data["unsure"]:
            article = f"[{note['article']}]({note['link']})" if note["link"] else note["article"]
            lines.append(f"- **{article}** ({note['field']}): {_md(note['note'])}")
            lines += [f"  - {_md(question)}" for question in note.get("questions", [])]
    return lines


def _md_table(obligations: tuple[ObligationResult, ...], lang: str, label: Label) -> list[str]:
    if not obligations:
        return []
    lines = [
        f"| {label('status')} | {label('from')} | {label('article')} | {label('obligation')} |",
        "|---|---|---|---|",
    ]
    for obligation in obligations:
        data = _cited(obligation.as_dict(lang), lang)
        article = f"[{data['article']}]({data['link']})" if data["link"] else data["article"]
        title = _md(data["title"])
        status = label("voluntary") if data["kind"] == "voluntary" else label(data["status"])
        lines.append(f"| {status} | {data['applies_from']} | {article} | {title} |")
    return lines


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return text.replace("|", "\\|").replace("\n", " ")
