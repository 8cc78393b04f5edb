"""Readiness scores: pure functions of a questionnaire and its answers, in the manner of the EU DMA.

Each scored question is normalised to 0..1 (readiness.question_scores); a dimension is the weighted mean
of its answered, applicable questions on 0-100; the overall score is the weighted mean of the dimensions,
held under the questionnaire's limits, and the DMA score the plain mean of the six dimensions marked
`dma`, which only the DMA module's own questions score. "Not applicable" leaves the denominator; "don't
know" scores 0 and lowers the stated confidence, as does a question left unanswered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness.answers import Answers
from readiness.flow import condition_values, is_answered, visible_questions
from readiness.question_scores import normalise, question_weight
from readiness.questionnaire.model import (
    Dimension,
    Level,
    Limit,
    Question,
    Questionnaire,
    Recommendation,
)

GAP_COUNT = 5


@dataclass(frozen=True)
class QuestionScore:
    """One scored question: its 0..1 value (None when it does not count), why, and its weight."""

    question: Question
    value: float | None
    status: str  # answered | dont_know | not_applicable | missing
    weight: float = 1.0


@dataclass(frozen=True)
class AppliedLimit:
    """A limit whose condition held: the overall score it would have had, and the ceiling it got."""

    limit: Limit
    uncapped: float


@dataclass(frozen=True)
class DimensionScore:
    dimension: Dimension
    score: float | None
    level: Level | None
    answered: int
    questions: int
    confidence: float


@dataclass(frozen=True)
class Gap:
    question: Question
    dimension: Dimension
    score: float
    gain: float


@dataclass(frozen=True)
class ChosenRecommendation:
    recommendation: Recommendation
    reason: str  # score | answer | ai | always
    reason_subject: str  # the dimension id or question id the reason names


@dataclass(frozen=True)
class Readiness:
    """The readiness result: scores, level, gaps, recommendations and the support needs they point to."""

    score: float | None
    dma_score: float | None
    confidence: float
    level: Level | None
    dimensions: tuple[DimensionScore, ...]
    gaps: tuple[Gap, ...]
    recommendations: tuple[ChosenRecommendation, ...]
    needs: tuple[str, ...]
    questions: tuple[QuestionScore, ...] = ()
    limits: tuple[AppliedLimit, ...] = ()
    ai_stage: int | None = None
    dual_scoring: str | None = None


def score_question(question: Question, value: Any, dual: str | None = None) -> QuestionScore:
    """The score of one visible question given its stored value (None when unanswered)."""
    weight = question_weight(question, dual)
    if not is_answered(question, value):
        return QuestionScore(question, None, "missing", weight)
    if value == "not_applicable":
        return QuestionScore(question, None, "not_applicable", weight)
    if value == "dont_know":
        return QuestionScore(question, 0.0, "dont_know", weight)
    return QuestionScore(question, normalise(question, value, dual), "answered", weight)


def level_for(levels: tuple[Level, ...], score: float | None) -> Level | None:
    """The level whose band holds `score` (bands run from each level's `from` to the next one's)."""
    if score is None or not levels:
        return None
    chosen = levels[0]
    for level in levels:
        if score >= level.start:
            chosen = level
    return chosen


def _weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(weight for _, weight in pairs)
    return sum(value * weight for value, weight in pairs) / total if total else None


def score_readiness(
    questionnaire: Questionnaire,
    answers: Answers,
    ai_symbols: dict[str, Any] | None = None,
    *,
    dual_scoring: str | None = None,
) -> Readiness:
    """Score `answers` against `questionnaire`; `ai_symbols` are the AI register facts conditions may use.

    `dual_scoring` overrides how every matrix of tick boxes is scored (per_column, per_row, per_cell);
    by default each uses its own `scoring:` setting.
    """
    visible = visible_questions(questionnaire, answers)
    scores = [score_question(q, answers.value(q), dual_scoring) for q in visible if q.scored]
    dimensions = tuple(_dimension_score(questionnaire, d, scores) for d in questionnaire.dimensions)
    scored_dims = [d for d in dimensions if d.score is not None]
    overall = _weighted_mean([(d.score, d.dimension.weight) for d in scored_dims if d.score is not None])
    # The DMA weighs its dimensions equally, whatever weights the rest of the questionnaire uses.
    dma = _weighted_mean([(d.score, 1.0) for d in scored_dims if d.score is not None and d.dimension.dma])
    overall = round(overall, 1) if overall is not None else None
    counted = [s for s in scores if s.status != "not_applicable"]
    known = sum(s.weight for s in counted if s.status == "answered")
    every = sum(s.weight for s in counted)
    confidence = round(known / every, 3) if every else 0.0
    gaps = _gaps(scores, dimensions)
    stage = ai_stage(questionnaire, answers, visible)
    values = condition_values(questionnaire, answers)
    values.update(ai_symbols or {})
    values["scores"] = {d.dimension.id: d.score for d in dimensions if d.score is not None}
    values["overall"] = overall
    # A question of the questionnaire's own that is called ai_stage (the quick scan's) keeps its answer.
    values.setdefault("ai_stage", stage)
    limits = _limits(questionnaire, values, overall)
    if limits:
        overall = min(overall or 0.0, *(applied.limit.max_score for applied in limits))
    chosen = _recommendations(questionnaire, values, dimensions)
    return Readiness(
        score=overall,
        dma_score=round(dma, 1) if dma is not None else None,
        confidence=confidence,
        level=level_for(questionnaire.levels, overall),
        dimensions=dimensions,
        gaps=gaps,
        recommendations=chosen,
        needs=_needs(chosen, dimensions),
        questions=tuple(scores),
        limits=limits,
        ai_stage=stage,
        dual_scoring=dual_scoring or _dma_dual_scoring(questionnaire),
    )


def ai_stage(questionnaire: Questionnaire, answers: Answers, visible: list[Question]) -> int | None:
    """How far the company's most advanced AI application has come: the question measuring ai_stage.

    None when no such question was answered (or it was answered "don't know").
    """
    shown = {q.id for q in visible}
    for question in questionnaire.questions():
        if question.measures == "ai_stage" and question.id in shown:
            value = answers.value(question)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
    return None


def _limits(
    questionnaire: Questionnaire, values: dict[str, Any], overall: float | None
) -> tuple[AppliedLimit, ...]:
    if overall is None:
        return ()
    applied = []
    for limit in questionnaire.limits:
        condition = questionnaire.condition("limit", limit.id)
        if condition is not None and condition.holds(values) and overall > limit.max_score:
            applied.append(AppliedLimit(limit, overall))
    return tuple(applied)


def _dma_dual_scoring(questionnaire: Questionnaire) -> str | None:
    """The scoring setting of the DMA's matrices of tick boxes, for the record."""
    dma = {d.id for d in questionnaire.dimensions if d.dma}
    return next(
        (q.scoring for q in questionnaire.questions() if q.matrix_kind == "columns" and q.dimension in dma),
        None,
    )


def _dimension_score(
    questionnaire: Questionnaire, dimension: Dimension, scores: list[QuestionScore]
) -> DimensionScore:
    mine = [s for s in scores if s.question.dimension == dimension.id]
    counted = [s for s in mine if s.status in ("answered", "dont_know")]
    mean = _weighted_mean([(s.value or 0.0, s.weight) for s in counted])
    score = round(100 * mean, 1) if mean is not None else None
    applicable = [s for s in mine if s.status != "not_applicable"]
    known = sum(s.weight for s in applicable if s.status == "answered")
    every = sum(s.weight for s in applicable)
    return DimensionScore(
        dimension=dimension,
        score=score,
        level=level_for(questionnaire.levels, score),
        answered=len(counted),
        questions=len(mine),
        confidence=round(known / every, 3) if every else 0.0,
    )


def _gaps(scores: list[QuestionScore], dimensions: tuple[DimensionScore, ...]) -> tuple[Gap, ...]:
    """The questions where the best answer would raise the overall score most, largest first."""
    active = {d.dimension.id: d for d in dimensions if d.score is not None}
    total_weight = sum(d.dimension.weight for d in active.values())
    candidates = []
    for order, s in enumerate(scores):
        dim = active.get(s.question.dimension or "")
        if dim is None or s.value is None or s.value >= 1:
            continue
        in_dim = sum(
            x.weight for x in scores if x.question.dimension == dim.dimension.id and x.value is not None
        )
        gain = 100 * (dim.dimension.weight / total_weight) * (s.weight / in_dim) * (1 - s.value)
        candidates.append(
            (-round(gain, 6), order, Gap(s.question, dim.dimension, round(100 * s.value, 1), round(gain, 1)))
        )
    candidates.sort(key=lambda c: (c[0], c[1]))
    return tuple(gap for _, _, gap in candidates[:GAP_COUNT])


def _recommendations(
    questionnaire: Questionnaire, values: dict[str, Any], dimensions: tuple[DimensionScore, ...]
) -> tuple[ChosenRecommendation, ...]:
    """Recommendations whose conditions hold: most urgent first, then weakest dimension, then file order."""
    dim_scores = {d.dimension.id: d.score for d in dimensions}
    chosen = []
    for order, rec in enumerate(questionnaire.recommendations):
        condition = questionnaire.condition("recommendation", rec.id)
        if condition is not None and not condition.holds(values):
            continue
        reason, subject = _reason(rec, condition.symbols if condition else frozenset(), questionnaire)
        weakness = dim_scores.get(rec.dimension or "")
        rank = (rec.priority, weakness if weakness is not None else 101.0, order)
        chosen.append((rank, ChosenRecommendation(rec, reason, subject)))
    chosen.sort(key=lambda c: c[0])
    return tuple(c for _, c in chosen)


def _reason(rec: Recommendation, symbols: frozenset[str], questionnaire: Questionnaire) -> tuple[str, str]:
    if "scores" in symbols and rec.dimension:
        return "score", rec.dimension
    asked = [q.id for q in questionnaire.questions() if q.id in symbols]
    if asked:
        return "answer", asked[0]
    if any(s.startswith("ai_") for s in symbols):
        return "ai", ""
    return "always", ""


def _needs(
    chosen: tuple[ChosenRecommendation, ...], dimensions: tuple[DimensionScore, ...]
) -> tuple[str, ...]:
    needs: dict[str, None] = {}
    for c in chosen:
        needs.update(dict.fromkeys(c.recommendation.needs))
    for d in sorted(dimensions, key=lambda x: x.score if x.score is not None else 101.0):
        if d.score is not None and d.score < 50:
            needs.update(dict.fromkeys(d.dimension.needs))
    return tuple(needs)
