"""Classification: a pure function of a register and a date, evaluating the catalogue's rules in order.

For each system: compute the catalogue's definitions, collect the rules that hold (each a reason, some
giving a risk class), take the highest class, work out the roles the company holds after role changes, and
list every obligation whose roles, risk classes and condition match, with the date it applies from and
whether it applies on `as_of`. Then the company-wide obligations, once. Nothing here names an article,
a date or a threshold: they all come from the catalogue.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from readiness.aiact.catalogue import load_catalogue
from readiness.aiact.context import COMPANY_WIDE, company_values, system_values
from readiness.aiact.model import Catalogue, Obligation, Rule, pick
from readiness.aiact.register import AISystem, Register
from readiness.aiact.result import (
    AIActAssessment,
    ConsolidatedText,
    ObligationResult,
    Reason,
    SystemResult,
    UnsureNote,
)
from readiness.l10n.citations import cite
from readiness.l10n.languages import long_date


class CatalogueGap(RuntimeError):
    """The catalogue gave a system no risk class: a bug in the data, not in the user's register."""


@dataclass(frozen=True)
class _Classified:
    result: SystemResult
    roles: tuple[str, ...]
    risks: tuple[str, ...]
    company_wide: bool


def classify_systems(
    register: Register, as_of: datetime.date, *, catalogue: Catalogue | None = None
) -> AIActAssessment:
    """Classify every system in `register` and list its obligations as they stand on `as_of`."""
    catalogue = catalogue or load_catalogue()
    classified = [_classify(catalogue, register, system, as_of) for system in register.systems]
    return AIActAssessment(
        as_of=as_of,
        regulation=catalogue.regulation,
        amended_by=catalogue.amended_by,
        checked=catalogue.checked,
        text=ConsolidatedText(
            catalogue.links.title, catalogue.links.eli, not catalogue.links.verify, catalogue.links.note
        ),
        notice=catalogue.notice,
        company_obligations=_company_obligations(catalogue, register, classified, as_of),
        systems=tuple(c.result for c in classified),
        labels=catalogue.labels,
        risk_labels=MappingProxyType({c.id: c.label for c in catalogue.risk_classes}),
    )


def _classify(
    catalogue: Catalogue, register: Register, system: AISystem, as_of: datetime.date
) -> _Classified:
    values = system_values(system, register, catalogue.annex_i)
    for definition in catalogue.definitions:
        values[definition.id] = definition.when.holds(values)
    matched = [rule for rule in catalogue.rules if rule.when.holds(values)]
    risks = _earned_risks(catalogue, matched)
    if not risks:
        raise CatalogueGap(f"no rule gave the system '{system.name}' a risk class")
    roles = _in_order(
        [r.role for r in catalogue.roles], {r.role for r in catalogue.roles if r.when.holds(values)}
    ) or tuple(system.roles)
    placeholders = {lang: _placeholders(catalogue, system, lang) for lang in catalogue.languages}
    reasons = tuple(
        Reason(rule.article, rule.annex, _fill(rule.because, placeholders), _links(catalogue, rule.article))
        for rule in matched
        if rule.risk is None or rule.risk in risks
    )
    unsure = tuple(
        UnsureNote(
            note.field,
            note.article,
            _fill(note.text, placeholders),
            _links(catalogue, note.article),
            catalogue.ai_system_questions if note.questions else (),
        )
        for note in catalogue.notes
        if note.when.holds(values)
    )
    obligations = tuple(
        result
        for obligation in catalogue.system_obligations
        if _binds(obligation, roles, risks) and (obligation.when is None or obligation.when.holds(values))
        for result in _dated(catalogue, obligation, values, as_of)
    )
    gpai = system.values["gpai"]
    result = SystemResult(
        name=system.name,
        roles=roles,
        risk=risks[0],
        gpai=None if gpai == "none" else gpai,
        reasons=reasons,
        obligations=obligations,
        unsure=unsure,
    )
    return _Classified(result, roles, risks, bool(values[COMPANY_WIDE]))


def _earned_risks(catalogue: Catalogue, matched: Sequence[Rule]) -> tuple[str, ...]:
    """The classes the matched rules give, highest first; an exclusive class (out of scope) stands alone."""
    given = {rule.risk for rule in matched if rule.risk}
    for risk_class in catalogue.risk_classes:
        if risk_class.exclusive and risk_class.id in given:
            return (risk_class.id,)
    return tuple(c.id for c in catalogue.risk_classes if c.id in given)


def _binds(obligation: Obligation, roles: Sequence[str], risks: Sequence[str]) -> bool:
    return bool(set(obligation.roles) & set(roles)) and bool(set(obligation.risks) & set(risks))


def _dated(
    catalogue: Catalogue, obligation: Obligation, values: Mapping[str, Any], as_of: datetime.date
) -> list[ObligationResult]:
    """The obligation with its date, or nothing when its schedule lifts it for this system."""
    start = obligation.applies_from
    date = start.date
    if start.schedule:
        case = next(c for c in catalogue.schedules[start.schedule] if c.when is None or c.when.holds(values))
        date = case.date
    if date is None:
        return []
    return [_result(catalogue, obligation, date, as_of)]


def _result(
    catalogue: Catalogue, obligation: Obligation, date: datetime.date, as_of: datetime.date
) -> ObligationResult:
    return ObligationResult(
        id=obligation.id,
        article=obligation.article,
        title=obligation.title,
        text=obligation.text,
        applies_from=date,
        status="applies" if as_of >= date else "upcoming",
        source=obligation.source,
        link=_links(catalogue, obligation.article),
        kind=obligation.kind,
    )


def _links(catalogue: Catalogue, article: str) -> Mapping[str, str]:
    return MappingProxyType(catalogue.links.links(article, catalogue.languages))


def _company_obligations(
    catalogue: Catalogue, register: Register, classified: Sequence[_Classified], as_of: datetime.date
) -> tuple[ObligationResult, ...]:
    """Company-wide obligations, once, over the systems that count for them (definition `company_wide`)."""
    in_scope = [c for c in classified if c.company_wide]
    exclusive = {c.id for c in catalogue.risk_classes if c.exclusive}
    earliest: dict[str, datetime.date] = {}
    for item in classified:
        for found in item.result.obligations:
            known = earliest.get(found.id)
            earliest[found.id] = found.applies_from if known is None else min(known, found.applies_from)
    held = {role for c in in_scope for role in c.roles} | set(register.unlisted_roles)
    gathered = {
        "roles": _in_order([r.role for r in catalogue.roles], held),
        "risks": _in_order(
            [c.id for c in catalogue.risk_classes], {risk for c in in_scope for risk in c.risks}
        ),
        "obligations": _in_order([o.id for o in catalogue.obligations], set(earliest)),
    }
    values = company_values(register, gathered)
    results = []
    every_class = {c.id for c in catalogue.risk_classes} - exclusive
    for obligation in catalogue.company_obligations:
        # AI the company uses but did not list has no class: only duties that bind whatever the class do.
        unlisted = bool(set(obligation.roles) & set(register.unlisted_roles)) and every_class <= set(
            obligation.risks
        )
        if not unlisted and not _binds(obligation, gathered["roles"], gathered["risks"]):
            continue
        if obligation.when is not None and not obligation.when.holds(values):
            continue
        start = obligation.applies_from
        date = earliest.get(start.follows) if start.follows else start.date
        if date is not None:
            results.append(_result(catalogue, obligation, date, as_of))
    return tuple(results)


def _in_order(order: Sequence[str], present: set[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for item in order:
        if item in present and item not in seen:
            seen.append(item)
    return tuple(seen)


def _placeholders(catalogue: Catalogue, system: AISystem, lang: str) -> dict[str, str]:
    """Register answers as a reason quotes them: lists joined, dates the language's way, roles and Annex I
    acts by name."""
    out: dict[str, str] = {}
    for name, value in system.values.items():
        if isinstance(value, tuple):
            out[name] = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            out[name] = "true" if value else "false"
        elif isinstance(value, datetime.date):
            out[name] = long_date(value, lang)
        else:
            out[name] = catalogue.label("not_given", lang) if value is None else str(value)
    roles = [catalogue.label(role, lang) for role in system.roles]
    out["role"] = f" {catalogue.label('and', lang)} ".join(roles)
    titles = {
        entry.id: f"{pick(entry.title, lang)} ({cite(entry.legislation, lang)})"
        for entry in catalogue.annex_i
    }
    out["annex_i"] = ", ".join(titles[item] for item in system.values["annex_i"])
    return out


def _fill(text: Mapping[str, str], placeholders: Mapping[str, Mapping[str, str]]) -> Mapping[str, str]:
    return MappingProxyType({lang: value.format_map(placeholders[lang]) for lang, value in text.items()})
