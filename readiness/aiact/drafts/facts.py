"""The facts a draft fills in, in the reader's language: from the register and the AI Act result.

Each fact is a text or a list of texts; an empty one means the register does not hold it, and the draft
lists the line as something the company must still add.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from readiness.aiact.drafts.model import FactValue, Templates
from readiness.aiact.model import Catalogue, pick
from readiness.aiact.register import AISystem, Register
from readiness.l10n.citations import capfirst, cite
from readiness.l10n.languages import long_date


def company_facts(
    register: Register, ai_act: Mapping[str, Any], catalogue: Catalogue, templates: Templates, lang: str
) -> dict[str, FactValue]:
    """Facts about the company and all its systems."""
    size = templates.values.get("company_size", {}).get(register.company_size)
    overview = tuple(
        f"{s['name']}: {_roles(s.get('roles', ()), catalogue, templates, lang)}, "
        f"{catalogue.risk_label(s['risk'], lang)}"
        for s in ai_act.get("systems", ())
    )
    return {
        "company_name": register.company_name,
        "company_country": register.company_country,
        "company_size": pick(size, lang) if size else register.company_size,
        "as_of": long_date(str(ai_act.get("as_of", "")), lang),
        "systems_overview": overview,
    }


def system_facts(
    system: AISystem,
    result: Mapping[str, Any],
    role: str,
    catalogue: Catalogue,
    templates: Templates,
    lang: str,
) -> dict[str, FactValue]:
    """Facts about one system, for the draft written for `role`."""
    values = system.values
    titles = {entry.id: entry for entry in catalogue.annex_iii}
    acts = {
        entry.id: f"{pick(entry.title, lang)} ({cite(entry.legislation, lang)})"
        for entry in catalogue.annex_i
    }
    return {
        "system_name": system.name,
        "system_description": str(values.get("description") or ""),
        "roles": _roles(result.get("roles", ()), catalogue, templates, lang),
        "role": catalogue.label(role, lang),
        "risk": catalogue.risk_label(result["risk"], lang),
        "annex_iii": tuple(
            f"{capfirst(cite(f'Annex III point {titles[p].point}', lang))}: {pick(titles[p].title, lang)}"
            for p in values["annex_iii"]
            if p in titles
        ),
        "annex_i": tuple(acts[a] for a in values["annex_i"] if a in acts),
        "derogation": _named(templates, "derogation", values["derogation"], lang),
        "transparency": _named(templates, "transparency", values["transparency"], lang),
        "status": _named(templates, "status", (values["status"],), lang)[0],
        "placed_on_market": _date(values.get("placed_on_market")),
        "profiling": _word(templates, "yes" if values["profiling"] else "no", lang),
        "public_authority": _word(templates, "yes" if values["public_authority"] else "no", lang),
        "reasons": tuple(
            f"{capfirst(cite(r['article'], lang, catalogue.numbered_points))}: {r['because']}"
            for r in result.get("reasons", ())
        ),
    }


def _roles(roles: Any, catalogue: Catalogue, templates: Templates, lang: str) -> str:
    return f" {_word(templates, 'and', lang)} ".join(catalogue.label(role, lang) for role in roles)


def _named(templates: Templates, field: str, values: Any, lang: str) -> tuple[str, ...]:
    names = templates.values.get(field, {})
    return tuple(pick(names[v], lang) if v in names else str(v) for v in values)


def _word(templates: Templates, key: str, lang: str) -> str:
    return pick(templates.words[key], lang)


def _date(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else ""
