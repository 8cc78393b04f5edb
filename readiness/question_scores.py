"""One answer as a number from 0 to 1, and how much its question weighs: the first step of every score.

Kept apart from readiness.scoring (which averages these into dimensions, applies limits and picks
recommendations) so that the DMA export can show each question's 0-10 value exactly as it is scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from readiness.questionnaire.model import Question


def normalise(question: Question, value: Any, dual: str | None = None) -> float:
    """A valid, ordinary answer (not dont_know/not_applicable) as 0..1.

    `dual` overrides the scoring method of matrices of tick boxes (see `column_parts`).
    """
    if question.type == "single":
        best = max(o.score or 0 for o in question.options)
        chosen = question.option(value)
        return (chosen.score or 0) / best if chosen and best else 0.0
    if question.type == "multi":
        total = question.max_score or sum(o.score or 0 for o in question.options)
        got = sum((o.score or 0) for v in value if (o := question.option(v)) is not None)
        return min(1.0, got / total) if total else 0.0
    if question.type == "scale":
        return _stage(question, value)
    if question.type == "yes_no":
        best = max(question.yes_score, question.no_score)
        return (question.yes_score if value else question.no_score) / best if best else 0.0
    if question.type == "number":
        best = max(b.score for b in question.bands)
        reached = [b.score for b in question.bands if value >= b.start]
        return reached[-1] / best if reached and best else 0.0
    if question.type == "matrix":
        return _matrix(question, value, dual or question.scoring)
    raise ValueError(f"question type {question.type} is not scored")


def question_weight(question: Question, dual: str | None = None) -> float:
    """The question's weight in its dimension: a tick-box matrix scored per column counts once per column."""
    if question.matrix_kind == "columns" and (dual or question.scoring) == "per_column":
        return question.weight * len(question.columns)
    return question.weight


def column_parts(question: Question, value: Mapping[str, Any]) -> dict[str, float]:
    """For a matrix of tick boxes, each column's share of rows ticked (0..1), in column order."""
    rows = len(question.rows) or 1
    return {
        column: sum(1 for row in question.row_ids if column in (value.get(row) or ())) / rows
        for column in question.column_ids
    }


def _stage(question: Question, value: Any) -> float:
    return (value - question.scale_min) / (question.scale_max - question.scale_min)


def _matrix(question: Question, value: Mapping[str, Any], method: str) -> float:
    rows = question.row_ids
    if not rows:
        return 0.0
    kind = question.matrix_kind
    if kind == "scale":
        return sum(_stage(question, value[r]) if r in value else 0.0 for r in rows) / len(rows)
    if kind == "options":
        best = max(o.score or 0 for o in question.options)
        chosen = [question.option(value[r]) if r in value else None for r in rows]
        return sum((o.score or 0) / best if o and best else 0.0 for o in chosen) / len(rows)
    if method == "per_row":
        best = max(c.score or 0 for c in question.columns)
        scores = {c.id: c.score or 0 for c in question.columns}
        per_row = [max((scores.get(c, 0) for c in value.get(r) or ()), default=0) for r in rows]
        return sum(per_row) / (best * len(rows)) if best else 0.0
    parts = column_parts(question, value)
    return sum(parts.values()) / len(parts) if parts else 0.0
