"""Filling the drafts: each planned template, for its company, system and role, in one language.

Facts come from the register and the AI Act result; a field whose fact is empty, or that has none, becomes
a line the company must still add. Texts name facts in braces (`{company_name}`), filled in here.
"""

from __future__ import annotations

import datetime
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from readiness.aiact.catalogue import load_catalogue
from readiness.aiact.drafts.facts import company_facts, system_facts
from readiness.aiact.drafts.model import Draft, FactValue, Field, Section, SectionTemplate, Templates
from readiness.aiact.drafts.select import Planned, included, plan_drafts
from readiness.aiact.drafts.templates import load_templates
from readiness.aiact.model import Catalogue, LangText, pick
from readiness.aiact.register import Register
from readiness.aiact.result import AIActAssessment
from readiness.l10n.citations import cite
from readiness.l10n.languages import long_date


def build_drafts(
    register: Register,
    assessment: AIActAssessment,
    lang: str,
    *,
    catalogue: Catalogue | None = None,
    templates: Templates | None = None,
) -> list[Draft]:
    """Every draft the assessment calls for, filled in `lang`, company-wide first, then per system."""
    catalogue = catalogue or load_catalogue()
    templates = templates or load_templates()
    ai_act = assessment.as_dict(lang)
    systems = {system.name: system for system in register.systems}
    results = {system["name"]: system for system in ai_act["systems"]}
    base = company_facts(register, ai_act, catalogue, templates, lang)
    drafts = []
    for planned in plan_drafts(ai_act, templates, catalogue):
        facts = dict(base)
        if planned.system:
            facts |= system_facts(
                systems[planned.system], results[planned.system], planned.role, catalogue, templates, lang
            )
        facts["applies_from"] = long_date(planned.applies_from, lang)
        drafts.append(_fill(planned, facts, catalogue, templates, lang, assessment.as_of))
    return drafts


def _fill(
    planned: Planned,
    facts: Mapping[str, FactValue],
    catalogue: Catalogue,
    templates: Templates,
    lang: str,
    as_of: datetime.date,
) -> Draft:
    template = planned.template
    words = MappingProxyType({key: pick(text, lang) for key, text in templates.words.items()})
    text = _Filler(facts, words["not_given"], lang)
    roles = [catalogue.label(role, lang) for role in planned.role.split()]
    return Draft(
        id=template.id,
        lang=lang,
        title=pick(template.title, lang),
        article=cite(template.article, lang, catalogue.numbered_points),
        link=catalogue.links.link(template.article, lang),
        purpose=text(template.purpose),
        company=str(facts.get("company_name") or ""),
        number=planned.number,
        system=planned.system,
        role=planned.role,
        role_label=f" {words['and']} ".join(roles),
        prepared=as_of,
        sections=tuple(
            _section(section, text, catalogue, lang)
            for section in template.sections
            if included(section.only_for, planned.bound)
        ),
        notice=words["not_legal_advice"],
        unverified=words["unverified"] if template.verify else "",
        words=words,
    )


def _section(section: SectionTemplate, text: _Filler, catalogue: Catalogue, lang: str) -> Section:
    return Section(
        heading=text(section.heading),
        article=cite(section.article, lang, catalogue.numbered_points) if section.article else "",
        link=catalogue.links.link(section.article, lang) if section.article else "",
        guidance=text(section.guidance) if section.guidance else "",
        fields=tuple(
            Field(
                label=text(field.label),
                value=text.fact(field.value),
                todo=text(field.todo) if field.todo else "",
            )
            for field in section.fields
        ),
        checklist=tuple(text(item) for item in section.checklist),
        sample=text(section.sample) if section.sample else "",
    )


class _Filler:
    """Texts in the draft's language with their `{fact}` placeholders filled in."""

    def __init__(self, facts: Mapping[str, FactValue], not_given: str, lang: str) -> None:
        self.facts = facts
        self.not_given = not_given
        self.lang = lang

    def fact(self, name: str) -> FactValue:
        value = self.facts.get(name, "") if name else ""
        return value if isinstance(value, tuple) else str(value)

    def __call__(self, text: LangText) -> str:
        raw = pick(text, self.lang)
        names = {name for _, name, _, _ in string.Formatter().parse(raw) if name}
        return raw.format_map({name: self._inline(name) for name in names})

    def _inline(self, name: str) -> str:
        value: Any = self.fact(name)
        shown = "; ".join(value) if isinstance(value, tuple) else value
        return shown or f"[{self.not_given}]"
