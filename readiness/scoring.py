"""Readiness scores: pure functions of a questionnaire and its answers, in the manner of the EU DMA.

Each scored question is normalised to 0..1; a dimension is the weighted mean of its answered, applicable
questions on 0-100; the overall score is the weighted mean of the dimensions, and the DMA-comparable
score the mean of the dimensions marked `dma`. "Not applicable" leaves the denominator; "don't know"
scores 0 and lowers the stated confidence, as does a question left unanswered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness.answers import Answers
from readiness.flow import condition_values, is_answered, visible_questions
from readiness.questionnaire.model import Dimension, Level, Question, Questionnaire, Recommendation

GAP_COUNT = 5


@dataclass(frozen=True)
class QuestionScore:
    """One scored question: its 0..1 value (None when it does not count) and why."""

    question: Question
    value: float | None
    status: str  # answered | dont_know | not_applicable | missing


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


def normalise(question: Question, value: Any) -> float:
    """A valid, ordinary answer (not dont_know/not_applicable) as 0..1."""
    if question.type == "single":
        best = max(o.score or 0 for o in question.options)
        chosen = question.option(value)
        return (chosen.score or 0) / best if chosen and best else 0.0
    if question.type == "multi":
        total = question.max_score or sum(o.score or 0 for o in question.options)
        got = sum((o.score or 0) for v in value if (o := question.option(v)) is not None)
        return min(1.0, got / total) if total else 0.0
    if question.type == "scale":
        return (value - question.scale_min) / (question.scale_max - question.scale_min)
    if question.type == "yes_no":
        best = max(question.yes_score, question.no_score)
        return (question.yes_score if value else question.no_score) / best if best else 0.0
    if question.type == "number":
        best = max(b.score for b in question.bands)
        reached = [b.score for b in question.bands if value >= b.start]
        return reached[-1] / best if reached and best else 0.0
    raise ValueError(f"question type {question.type} is not scored")


def score_question(question: Question, value: Any) -> QuestionScore:
    """The score of one visible question given its stored value (None when unanswered)."""
    if not is_answered(question, value):
        return QuestionScore(question, None, "missing")
    if value == "not_applicable":
        return QuestionScore(question, None, "not_applicable")
    if value == "dont_know":
        return QuestionScore(question, 0.0, "dont_know")
    return QuestionScore(question, normalise(question, value), "answered")


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
    questionnaire: Questionnaire, answers: Answers, ai_symbols: dict[str, Any] | None = None
) -> Readiness:
    """Score `answers` against `questionnaire`; `ai_symbols` are the AI register facts conditions may use."""
    scores = [
        score_question(q, answers.value(q)) for q in visible_questions(questionnaire, answers) if q.scored
    ]
    dimensions = tuple(_dimension_score(questionnaire, d, scores) for d in questionnaire.dimensions)
    scored_dims = [d for d in dimensions if d.score is not None]
    overall = _weighted_mean([(d.score, d.dimension.weight) for d in scored_dims if d.score is not None])
    dma = _weighted_mean(
        [(d.score, d.dimension.weight) for d in scored_dims if d.score is not None and _is_dma(d)]
    )
    overall = round(overall, 1) if overall is not None else None
    counted = [s for s in scores if s.status != "not_applicable"]
    known = sum(s.question.weight for s in counted if s.status == "answered")
    every = sum(s.question.weight for s in counted)
    confidence = round(known / every, 3) if every else 0.0
    gaps = _gaps(scores, dimensions)
    values = condition_values(questionnaire, answers)
    values.update(ai_symbols or {})
    values["scores"] = {d.dimension.id: d.score for d in dimensions if d.score is not None}
    values["overall"] = overall
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
    )


def _is_dma(score: DimensionScore) -> bool:
    return score.dimension.dma


def _dimension_score(
    questionnaire: Questionnaire, dimension: Dimension, scores: list[QuestionScore]
) -> DimensionScore:
    mine = [s for s in scores if s.question.dimension == dimension.id]
    counted = [s for s in mine if s.status in ("answered", "dont_know")]
    mean = _weighted_mean([(s.value or 0.0, s.question.weight) for s in counted])
    score = round(100 * mean, 1) if mean is not None else None
    applicable = [s for s in mine if s.status != "not_applicable"]
    known = sum(s.question.weight for s in applicable if s.status == "answered")
    every = sum(s.question.weight for s in applicable)
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
            x.question.weight
            for x in scores
            if x.question.dimension == dim.dimension.id and x.value is not None
        )
        gain = 100 * (dim.dimension.weight / total_weight) * (s.question.weight / in_dim) * (1 - s.value)
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
