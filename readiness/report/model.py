"""The report as a plain tree of values, built once from an assessment and rendered many ways.

`build_report` only chooses and orders: which three strengths, which dates come next, which actions
fall in which horizon, which texts of the questionnaire in which language. It reads no files and
formats nothing, so HTML, PDF and Markdown can never disagree about what the report says. Every AI Act
statement in it comes from the assessment, which cites its articles; the report adds none of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.questionnaire.model import Questionnaire
from readiness.report.aiact import AIAct, build_ai_act
from readiness.report.answers import AnswerSection, RegisterEntry, answer_sections, register_entries
from readiness.report.benchmark import Benchmark, ScoreExplanation, benchmark, score_explanation
from readiness.report.brand import Brand
from readiness.report.plan import Action, Plan, Recommendation, action_plan, recommendation
from readiness.slug import slugify

_URL = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str
    description: str
    score: float | None
    level: Level | None
    answered: int
    questions: int
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True)
class Gap:
    """A question with points to gain, stated as what to do (`action`) and what is still missing."""

    question: str
    text: str
    dimension_label: str
    score: float
    gain: float
    because: str
    action: str = ""
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Support:
    kind: str
    name: str
    country: str
    region: str
    city: str
    url: str
    services: tuple[str, ...]
    why: str
    note: str = ""
    caution: str = ""
    place: str = ""
    email: str = ""
    phone: str = ""
    contact_person: str = ""
    checked: str = ""

    @property
    def issuer(self) -> bool:
        """The hub that made the report (its card comes first, with its contact person)."""
        return self.place == "issuer"

    @property
    def at_location(self) -> bool:
        """It serves the company's own region or all of its country."""
        return self.place in ("region", "nationwide")


@dataclass(frozen=True)
class Context:
    value: float
    unit: str
    year: int
    geo: str
    breakdown: str
    source: str


@dataclass(frozen=True)
class Source:
    """A cited source: a web address, or (for sources that are not on the web) only its description."""

    label: str
    url: str


@dataclass(frozen=True)
class Company:
    name: str
    country: str
    region: str
    size: str
    nace: str


@dataclass(frozen=True)
class Attachment:
    """The answers file, carried inside the PDF so that the report can be re-read later."""

    filename: str
    data: bytes
    media_type: str = "application/yaml"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Report:
    lang: str
    as_of: dt.date
    brand: Brand
    company: Company
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_title: str
    content_hash: str
    tool_version: str
    score: float | None
    dma_score: float | None
    confidence: float
    level: Level | None
    dimensions: tuple[Dimension, ...]
    strengths: tuple[Dimension, ...]
    gaps: tuple[Gap, ...]
    ai_act: AIAct
    support: tuple[Support, ...]
    support_checked: tuple[str, str]
    plan: Plan
    context: tuple[Context, ...]
    benchmark: Benchmark | None
    explanation: ScoreExplanation
    answers: tuple[AnswerSection, ...]
    register: tuple[RegisterEntry, ...]
    sources: tuple[Source, ...]
    notice: str
    attachment: Attachment
    assessment: Mapping[str, Any]
    # The name of the file the report is written to (set when it is written), which the report quotes.
    file_name: str = ""

    @property
    def questionnaire_ref(self) -> str:
        return f"{self.questionnaire_id}@{self.questionnaire_version}"

    @property
    def actions(self) -> tuple[tuple[str, tuple[Action, ...]], ...]:
        """The plan's actions by horizon."""
        return self.plan.horizons

    @property
    def levels_used(self) -> tuple[Level, ...]:
        """Each level a dimension reached, once, from the lowest: what Part 1 explains a single time."""
        scored = sorted((d for d in self.dimensions if d.level), key=lambda d: d.score or 0.0)
        found = {d.level.id: d.level for d in scored if d.level and d.level.description}
        return tuple(found.values())


def build_report(
    assessment: Mapping[str, Any],
    questionnaire: Questionnaire,
    answers_data: Mapping[str, Any],
    answers_bytes: bytes,
    lang: str,
    brand: Brand,
) -> Report:
    """The report for one assessment (the documented JSON result), in `lang`, dressed in `brand`."""
    shown = _cited(assessment, lang)
    as_of = dt.date.fromisoformat(assessment["as_of"])
    readiness = shown["readiness"]
    recommendations = tuple(recommendation(r) for r in readiness.get("recommendations", []))
    dimensions = tuple(_dimension(d, recommendations) for d in readiness.get("dimensions", []))
    ai_act = build_ai_act(shown.get("ai_act") or {}, as_of)
    q = assessment["questionnaire"]
    company = assessment["company"]
    return Report(
        lang=lang,
        as_of=as_of,
        brand=brand,
        company=Company(
            name=company["name"],
            country=company.get("country", ""),
            region=company.get("region", ""),
            size=company.get("size", ""),
            nace=company.get("nace", ""),
        ),
        questionnaire_id=q["id"],
        questionnaire_version=q["version"],
        questionnaire_title=q.get("title", ""),
        content_hash=q.get("content_hash", ""),
        tool_version=assessment.get("tool", {}).get("version", ""),
        score=readiness.get("score"),
        dma_score=readiness.get("dma_score"),
        confidence=float(readiness.get("confidence") or 0),
        level=_level(readiness.get("level")),
        dimensions=dimensions,
        strengths=_strengths(dimensions),
        gaps=tuple(_gap(g) for g in readiness.get("gaps", [])[:3]),
        ai_act=ai_act,
        support=tuple(_support(s) for s in assessment.get("support", [])),
        support_checked=_checked_range(assessment.get("support", [])),
        plan=action_plan(
            recommendations, ai_act, as_of, {d.id for d in dimensions}, readiness.get("done") or ()
        ),
        context=tuple(_context(c) for c in assessment.get("context", [])),
        benchmark=benchmark(assessment.get("benchmark")),
        explanation=score_explanation(readiness),
        answers=answer_sections(questionnaire, answers_data, lang),
        register=register_entries(questionnaire, answers_data),
        sources=_sources(shown),
        notice=assessment.get("notice", ""),
        attachment=Attachment(_attachment_name(company["name"]), answers_bytes),
        assessment=assessment,
    )


def _cited(assessment: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The result with its citations written the reader's way (artikel 6, lid 1), for showing it."""
    from readiness.aiact import load_catalogue
    from readiness.l10n.citations import localise_result

    return localise_result(assessment, lang, load_catalogue().numbered_points)


def _level(data: Mapping[str, Any] | None) -> Level | None:
    if not data:
        return None
    return Level(data["id"], data.get("label", data["id"]), data.get("description", ""))


def _dimension(data: Mapping[str, Any], recommendations: Sequence[Recommendation]) -> Dimension:
    return Dimension(
        id=data["id"],
        label=data["label"],
        description=data.get("description") or "",
        score=data.get("score"),
        level=_level(data.get("level")),
        answered=int(data.get("answered", 0)),
        questions=int(data.get("questions", 0)),
        recommendations=tuple(r for r in recommendations if r.dimension == data["id"]),
    )


def _strengths(dimensions: Sequence[Dimension]) -> tuple[Dimension, ...]:
    """The three best-scoring dimensions, in questionnaire order on ties."""
    scored = [d for d in dimensions if d.score is not None]
    return tuple(sorted(scored, key=lambda d: -(d.score or 0.0))[:3])


def _gap(data: Mapping[str, Any]) -> Gap:
    return Gap(
        question=data["question"],
        text=data["text"],
        dimension_label=data.get("dimension_label", ""),
        score=float(data.get("score", 0)),
        gain=float(data.get("gain", 0)),
        because=data.get("because", ""),
        action=data.get("action") or data["text"],
        missing=tuple(data.get("missing") or ()),
    )


def _support(data: Mapping[str, Any]) -> Support:
    sources = data.get("sources") or []
    return Support(
        kind=data.get("kind", ""),
        name=data["name"],
        country=data.get("country", ""),
        region=data.get("region") or "",
        city=data.get("city") or "",
        url=data.get("url") or data.get("info_url") or next(iter(web_addresses(" ".join(sources))), ""),
        services=tuple(data.get("services") or ()),
        why=data.get("why", ""),
        note=data.get("note") or "",
        caution=data.get("caution") or "",
        place=data.get("place") or "",
        email=data.get("email") or "",
        phone=data.get("phone") or "",
        contact_person=data.get("contact_person") or "",
        checked=data.get("checked") or "",
    )


def _checked_range(support: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """The oldest and newest date on which the support shown was checked ("", "" if none says)."""
    dates = sorted(str(s["checked"]) for s in support if s.get("checked"))
    return (dates[0], dates[-1]) if dates else ("", "")


def _context(data: Mapping[str, Any]) -> Context:
    return Context(
        value=float(data["value"]),
        unit=data.get("unit", ""),
        year=int(data.get("year", 0)),
        geo=data.get("geo", ""),
        breakdown=data.get("label") or data.get("breakdown", ""),
        source=data.get("source", ""),
    )


def _sources(assessment: Mapping[str, Any]) -> tuple[Source, ...]:
    """Every source the assessment cites, once, with what it supports, in the order the report uses them."""
    found: dict[str, dict[str, None]] = {}

    def cite(source: str, label: str) -> None:
        for url in web_addresses(source) or [""]:
            key = url or source
            found.setdefault(key, {})[label if url else f"{label}: {source}" if label else source] = None

    ai_act = assessment.get("ai_act") or {}
    obligations = [
        *ai_act.get("company_obligations", []),
        *(o for s in ai_act.get("systems", []) for o in s.get("obligations", [])),
    ]
    for obligation in obligations:
        if obligation.get("source"):
            cite(obligation["source"], obligation.get("article", ""))
    for rec in (assessment.get("readiness") or {}).get("recommendations", []):
        for law in rec.get("cites") or ():
            if law.get("source"):
                cite(law["source"], law.get("title", ""))
    for entry in assessment.get("support", []):
        for source in entry.get("sources") or []:
            cite(source, entry["name"])
    for figure in assessment.get("context", []):
        if figure.get("source"):
            cite(figure["source"], f"{figure.get('geo', '')} {figure.get('year', '')}".strip())
    return tuple(
        Source("; ".join(label for label in labels if label), key if _URL.match(key) else "")
        for key, labels in found.items()
    )


def web_addresses(text: str) -> list[str]:
    """The http(s) addresses in a source text, which may also describe sources that are not on the web."""
    return [url.rstrip(".,;)") for url in _URL.findall(text)]


def _attachment_name(company: str) -> str:
    return f"{slugify(company)}.answers.yaml"
