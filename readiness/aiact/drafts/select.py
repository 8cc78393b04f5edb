"""Which drafts a company gets: the documents whose obligations bind, per system and role.

A template is made for a system and one of the roles the company holds for it when an obligation it serves
binds that system and is an obligation of that role; company-wide templates when a company-wide obligation
they serve binds. Sections limited to some obligations are kept only when one of those binds as well. This
reads the result's JSON shape, so the report can list the drafts without making them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.aiact.drafts.model import DraftTemplate, Templates
from readiness.aiact.model import Catalogue


@dataclass(frozen=True)
class Planned:
    """A draft to make: its template, for which system (none: the company) and role, and what binds."""

    template: DraftTemplate
    number: int
    system: str
    role: str
    bound: frozenset[str]
    applies_from: str


def plan_drafts(ai_act: Mapping[str, Any], templates: Templates, catalogue: Catalogue) -> list[Planned]:
    """The drafts the result calls for: company-wide first, then per system in register order."""
    roles_of = {o.id: set(o.roles) for o in catalogue.obligations}
    systems: Sequence[Mapping[str, Any]] = ai_act.get("systems", ())
    company_roles = {role for system in systems for role in system.get("roles", ())}
    planned = []
    company = {o["id"]: o["applies_from"] for o in ai_act.get("company_obligations", ())}
    for template in templates.drafts:
        if template.scope != "company":
            continue
        served = [company[oid] for oid in template.serves if oid in company]
        roles = [role for role in template.roles if role in company_roles]
        if served and roles:
            planned.append(Planned(template, 0, "", " ".join(roles), frozenset(company), min(served)))
    for number, system in enumerate(systems, start=1):
        dates = {o["id"]: o["applies_from"] for o in system.get("obligations", ())}
        for template in templates.drafts:
            if template.scope != "system":
                continue
            for role in template.roles:
                if role not in system.get("roles", ()):
                    continue
                bound = frozenset(oid for oid in dates if role in roles_of.get(oid, ()))
                served = [dates[oid] for oid in template.serves if oid in bound]
                if served:
                    planned.append(Planned(template, number, system["name"], role, bound, min(served)))
    return planned


def included(section_only_for: Sequence[str], bound: frozenset[str]) -> bool:
    """Whether a section belongs in a draft: it serves no particular obligation, or one of its binds."""
    return not section_only_for or bool(set(section_only_for) & bound)
