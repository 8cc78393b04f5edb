"""One assessment, start to finish: score, classify, match, and the result as the documented JSON.

This is the pipeline's spine after the interview: every output (terminal, JSON, Markdown, PDF) is made
from the `Assessment` built here, so they can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from readiness import __version__
from readiness.advice import gap_action, recommendation_details, recommendations_done, unlisted_ai_roles
from readiness.aiact.result import AIActAssessment
from readiness.answers import Answers
from readiness.company import Company
from readiness.directory.model import Issuer, SupportMatch
from readiness.questionnaire.model import Level, Questionnaire, tr
from readiness.scoring import Readiness, score_readiness
from readiness.texts import message


def ai_symbols(ai_systems: list[dict[str, Any]]) -> dict[str, Any]:
    """Facts from the AI system register that recommendation conditions may use."""

    def union(key: str) -> list[str]:
        seen: dict[str, None] = {}
        for system in ai_systems:
            value = system.get(key)
            seen.update(
                dict.fromkeys(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
            )
        return list(seen)

    lists = ("practices", "annex_i", "annex_iii", "derogation", "transparency")
    systems = [{**{key: [] for key in lists}, "role": "", "gpai": "none", **system} for system in ai_systems]
    return {
        "ai_systems": systems,
        "ai_system_count": len(ai_systems),
        "ai_roles": union("role"),
        "ai_annex_i": union("annex_i"),
        "ai_annex_iii": union("annex_iii"),
        "ai_practices": union("practices"),
        "ai_transparency": union("transparency"),
    }


@dataclass
class Assessment:
    """The result of assessing one answers file on one date."""

    questionnaire: Questionnaire
    answers: Answers
    company: Company
    as_of: dt.date
    readiness: Readiness
    ai_act: AIActAssessment | None = None
    support: list[SupportMatch] = field(default_factory=list)
    context: list[dict[str, Any]] = field(default_factory=list)
    benchmark: dict[str, Any] = field(default_factory=dict)
    # AI Act roles the answers declare for AI the company did not list (a quick scan's screening).
    unlisted_roles: tuple[str, ...] = ()

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The documented JSON result (docs/results.md); additive changes only."""
        q = self.questionnaire
        return {
            "questionnaire": {
                "id": q.id,
                "version": q.version,
                "title": tr(q.title, lang),
                "content_hash": q.content_hash,
            },
            "company": self.company.as_dict(),
            "as_of": self.as_of.isoformat(),
            "tool": {"name": "readiness", "version": __version__},
            "readiness": _readiness_dict(self.readiness, q, self.answers, lang),
            "ai_act": self._ai_act_dict(lang),
            "support": [match.as_dict(lang) for match in self.support],
            "context": [localise(figure, lang) for figure in self.context],
            "benchmark": localise(self.benchmark, lang),
            "notice": message("notice", lang),
        }

    def _ai_act_dict(self, lang: str) -> dict[str, Any]:
        if self.ai_act is None:
            return {}
        result = self.ai_act.as_dict(lang)
        if self.unlisted_roles:
            result["unlisted_roles"] = list(self.unlisted_roles)
        return result


def localise(value: Any, lang: str) -> Any:
    """`value` with every language map ({en: ..., nl: ...}) replaced by its text in `lang`."""
    if isinstance(value, dict):
        if "en" in value and all(isinstance(k, str) and len(k) == 2 for k in value):
            return value.get(lang) or value["en"]
        return {k: localise(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, lang) for v in value]
    return value


def _level_dict(level: Level | None, lang: str) -> dict[str, str] | None:
    if level is None:
        return None
    return {"id": level.id, "label": tr(level.label, lang), "description": tr(level.description, lang)}


def _readiness_dict(r: Readiness, q: Questionnaire, answers: Answers, lang: str) -> dict[str, Any]:
    labels = {d.id: tr(d.label, lang) for d in q.dimensions}
    return {
        "score": r.score,
        "dma_score": r.dma_score,
        "confidence": r.confidence,
        "level": _level_dict(r.level, lang),
        "dimensions": [
            {
                "id": d.dimension.id,
                "label": tr(d.dimension.label, lang),
                "description": tr(d.dimension.description, lang),
                "score": d.score,
                "level": _level_dict(d.level, lang),
                "dma": d.dimension.dma,
                "weight": d.dimension.weight,
                "answered": d.answered,
                "questions": d.questions,
                "confidence": d.confidence,
            }
            for d in r.dimensions
        ],
        "gaps": [
            {
                "question": g.question.id,
                "text": tr(g.question.text, lang),
                "dimension": g.dimension.id,
                "dimension_label": labels[g.dimension.id],
                "score": g.score,
                "gain": g.gain,
                "because": message(
                    "gap_because", lang, gain=_number(g.gain, lang), score=_number(g.score, lang)
                ),
                **gap_action(g.question, answers.value(g.question), lang),
            }
            for g in r.gaps
        ],
        "recommendations": [
            {
                "id": c.recommendation.id,
                "title": tr(c.recommendation.title, lang),
                "text": tr(c.recommendation.text, lang),
                "dimension": c.recommendation.dimension,
                "priority": c.recommendation.priority,
                "horizon": c.recommendation.horizon,
                "needs": list(c.recommendation.needs),
                "because": _because(c.reason, c.reason_subject, r, q, lang),
                **recommendation_details(c.recommendation, q, lang),
            }
            for c in r.recommendations
        ],
        "needs": list(r.needs),
        "ai_stage": r.ai_stage,
        "limits": [
            {
                "id": applied.limit.id,
                "max_score": applied.limit.max_score,
                "uncapped_score": applied.uncapped,
                "text": tr(applied.limit.text, lang),
            }
            for applied in r.limits
        ],
        "dma": dma_details(r, q),
        "done": recommendations_done(q, answers, r, lang),
    }


def dma_details(r: Readiness, q: Questionnaire) -> dict[str, Any] | None:
    """How the DMA score was made: the module, the tick-box setting, and each DMA question on 0-10."""
    dma = {d.id for d in q.dimensions if d.dma}
    if not dma:
        return None
    module = next(
        (f"{mid}@{version}" for mid, version in q.module_versions.items() if mid.startswith("dma-")), None
    )
    return {
        "module": module,
        "dual_scoring": r.dual_scoring,
        "questions": {
            s.question.id: round(10 * s.value, 2) if s.value is not None else None
            for s in r.questions
            if s.question.dimension in dma
        },
    }


def _number(value: float, lang: str) -> str:
    """A score as the language writes it (3.5 in English, 3,5 in Dutch)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0.#", locale=lang))


def _because(reason: str, subject: str, r: Readiness, q: Questionnaire, lang: str) -> str:
    if reason == "score":
        score = next((d.score for d in r.dimensions if d.dimension.id == subject), None)
        label = next((tr(d.label, lang) for d in q.dimensions if d.id == subject), subject)
        return message(
            "rec_because_score",
            lang,
            dimension=label,
            score=_number(score, lang) if score is not None else "-",
        )
    if reason == "answer":
        question = q.question(subject)
        return message("rec_because_answer", lang, question=tr(question.text, lang) if question else subject)
    return message(f"rec_because_{reason}", lang)


def run_assessment(
    questionnaire: Questionnaire,
    answers: Answers,
    as_of: dt.date,
    *,
    include_unconfirmed: bool = False,
    issuer: Issuer | None = None,
) -> Assessment:
    """Score, classify and match one company's answers on `as_of` (no clock; reads only packaged data).

    Support not confirmed on an official page is left out unless `include_unconfirmed`; the `issuer`
    (the hub whose brand the report wears) leads the support.
    """
    from readiness.aiact import Register, classify_systems, register_from_data
    from readiness.answers import register_data
    from readiness.directory import load_directory, match_support
    from readiness.directory.context import ai_use_benchmark, ai_use_status, legacy_context

    company = Company.from_dict(answers.company)
    readiness = score_readiness(questionnaire, answers, ai_symbols(answers.ai_systems))
    unlisted = unlisted_ai_roles(questionnaire, answers)
    register = replace(
        register_from_data(register_data(answers), "answers")
        if answers.ai_systems
        else Register("answers", (), company.name, company.size, company.country, company.language),
        unlisted_roles=unlisted,
    )
    ai_act = classify_systems(register, as_of)
    high_risk = any(system.risk in ("high", "prohibited") for system in ai_act.systems)
    support = match_support(
        load_directory(),
        company,
        readiness.needs,
        high_risk=high_risk,
        include_unconfirmed=include_unconfirmed,
        issuer=issuer,
    )
    status = ai_use_status(readiness.ai_stage, answers.ai_systems)
    benchmark = ai_use_benchmark(company.country, company.size, company.nace, status)
    return Assessment(
        questionnaire,
        answers,
        company,
        as_of,
        readiness,
        ai_act=ai_act,
        support=support,
        context=legacy_context(benchmark),
        benchmark=benchmark,
        unlisted_roles=unlisted,
    )
