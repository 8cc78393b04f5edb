"""The AI Act part of the report: each system's roles, class and reasons, the obligations and their dates.

Plain values copied from the assessment, which cites an article for every statement and links it to the
consolidated text; this module groups the obligations by date so that the summary, the timeline and the
action plan agree, and lists the documents the company must write (drafted by `--with-drafts`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.aiact.model import LangText

RISK_ORDER = ("prohibited", "high", "limited", "minimal", "out_of_scope")


@dataclass(frozen=True)
class Obligation:
    id: str
    article: str
    title: str
    text: str
    applies_from: dt.date
    status: str
    source: str
    link: str = ""
    kind: str = "duty"


@dataclass(frozen=True)
class Reason:
    article: str
    annex: str
    because: str
    link: str = ""


@dataclass(frozen=True)
class AISystem:
    name: str
    roles: tuple[str, ...]
    risk: str
    gpai: str | None
    reasons: tuple[Reason, ...]
    obligations: tuple[Obligation, ...]
    unsure: tuple[Reason, ...]

    @property
    def role(self) -> str:
        """The first role (a system can have several: a company that builds and uses it holds both)."""
        return self.roles[0] if self.roles else ""


@dataclass(frozen=True)
class Document:
    """A document the AI Act asks the company to write or keep, for a system and role or for the company."""

    title: LangText
    article: LangText
    link: LangText
    system: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    """A date on which obligations start to apply, with their titles; `upcoming` after the as-of date."""

    date: dt.date
    titles: tuple[str, ...]
    upcoming: bool


@dataclass(frozen=True)
class AIAct:
    regulation: str
    amended_by: str
    checked: str
    notice: str
    company_obligations: tuple[Obligation, ...]
    systems: tuple[AISystem, ...]
    risk_counts: tuple[tuple[str, int], ...]
    gpai_count: int
    milestones: tuple[Milestone, ...]
    links_verified: bool = True
    documents: tuple[Document, ...] = ()
    # Roles the company declared for AI it did not list (a quick scan): its duties are company-wide only.
    unlisted_roles: tuple[str, ...] = ()

    @property
    def next_dates(self) -> tuple[Milestone, ...]:
        """The next three dates on which something starts to apply."""
        return tuple(m for m in self.milestones if m.upcoming)[:3]

    @property
    def company_duties(self) -> tuple[Obligation, ...]:
        return tuple(o for o in self.company_obligations if o.kind == "duty")

    @property
    def information(self) -> tuple[Obligation, ...]:
        """What the law grants rather than asks (fine caps, SME relief), once each."""
        everything = [*self.company_obligations, *(o for s in self.systems for o in s.obligations)]
        found = {o.id: o for o in everything if o.kind != "duty"}
        return tuple(found.values())


def _obligation(data: Mapping[str, Any]) -> Obligation:
    return Obligation(
        id=data["id"],
        article=data.get("article", ""),
        title=data["title"],
        text=data.get("text", ""),
        applies_from=dt.date.fromisoformat(data["applies_from"]),
        status=data.get("status", ""),
        source=data.get("source") or "",
        link=data.get("link") or "",
        kind=data.get("kind") or "duty",
    )


def _system(data: Mapping[str, Any]) -> AISystem:
    return AISystem(
        name=data["name"],
        roles=tuple(data.get("roles") or ([data["role"]] if data.get("role") else [])),
        risk=data.get("risk", "minimal"),
        gpai=data.get("gpai"),
        reasons=tuple(
            Reason(r.get("article") or "", r.get("annex") or "", r.get("because", ""), r.get("link") or "")
            for r in data.get("reasons", [])
        ),
        obligations=tuple(_obligation(o) for o in data.get("obligations", [])),
        unsure=tuple(_doubt(item) for item in data.get("unsure") or ()),
    )


def _doubt(item: str | Mapping[str, Any]) -> Reason:
    """Something to check about a system: a plain sentence, or a note with the article it turns on."""
    if isinstance(item, str):
        return Reason("", "", item)
    return Reason(
        item.get("article") or "", "", item.get("note") or item.get("text") or "", item.get("link") or ""
    )


def build_ai_act(data: Mapping[str, Any], as_of: dt.date) -> AIAct:
    law = data.get("law") or {}
    systems = tuple(_system(s) for s in data.get("systems", []))
    company_obligations = tuple(_obligation(o) for o in data.get("company_obligations", []))
    counts = {risk: sum(1 for s in systems if s.risk == risk) for risk in RISK_ORDER}
    everything = [*company_obligations, *(o for s in systems for o in s.obligations)]
    return AIAct(
        regulation=law.get("regulation", ""),
        amended_by=law.get("amended_by") or "",
        checked=law.get("checked", ""),
        notice=data.get("notice", ""),
        company_obligations=company_obligations,
        systems=systems,
        risk_counts=tuple((risk, n) for risk, n in counts.items() if n),
        gpai_count=sum(1 for s in systems if s.gpai),
        milestones=milestones(everything, as_of),
        links_verified=bool((law.get("text") or {}).get("verified", True)),
        documents=documents(data),
        unlisted_roles=tuple(data.get("unlisted_roles") or ()),
    )


def documents(data: Mapping[str, Any]) -> tuple[Document, ...]:
    """The documents the result calls for (`readiness aiact docs` drafts them), company-wide first."""
    if not data.get("systems") and not data.get("company_obligations"):
        return ()
    from readiness.aiact.catalogue import load_catalogue
    from readiness.aiact.drafts import load_templates, plan_drafts
    from readiness.l10n.citations import cite

    catalogue = load_catalogue()
    grouped: dict[tuple[str, str], Document] = {}
    for planned in plan_drafts(data, load_templates(), catalogue):
        key = (planned.system, planned.template.id)
        known = grouped.get(key)
        roles = (*known.roles, planned.role) if known else tuple(planned.role.split())
        template = planned.template
        link = catalogue.links.links(template.article, catalogue.languages)
        article = {
            lang: cite(template.article, lang, catalogue.numbered_points) for lang in catalogue.languages
        }
        grouped[key] = Document(template.title, article, link, planned.system, roles)
    return tuple(grouped.values())


def milestones(obligations: Sequence[Obligation], as_of: dt.date) -> tuple[Milestone, ...]:
    """The duties grouped by the date they apply from, oldest first, each title once (information, such
    as a fine cap, is not a date anyone has to meet)."""
    by_date: dict[dt.date, dict[str, None]] = {}
    for obligation in obligations:
        if obligation.kind != "duty":
            continue
        by_date.setdefault(obligation.applies_from, {})[obligation.title] = None
    return tuple(Milestone(day, tuple(titles), day > as_of) for day, titles in sorted(by_date.items()))
