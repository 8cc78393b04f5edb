"""A better answer never lowers a score: a property over every shipped 2.0.0 questionnaire.

"Better" means a higher 0..1 value for the question itself (readiness.question_scores.normalise). All other
answers stay as they were; a question that the better answer newly reveals starts unanswered, as it would in
the interview (it is asked next), so only the better answer itself is compared. The overall score, every
dimension and the DMA score must not go down; this also holds where a limit caps the overall score, since a
better answer can only lift a limit, never impose one.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.answers import Answers
from readiness.flow import visible_questions
from readiness.question_scores import normalise
from readiness.questionnaire import Registry
from readiness.questionnaire.model import Question, Questionnaire
from readiness.scoring import score_readiness

REGISTRY = Registry.default()
QUESTIONNAIRES = [
    REGISTRY.load(f"{qid}@2.0.0")
    for qid in REGISTRY.ids()
    if "2.0.0" in REGISTRY.versions(qid) and REGISTRY.load(f"{qid}@2.0.0").kind == "questionnaire"
]
COMPANY = {"name": "Test BV", "country": "NL", "size": "small", "nace": "C28"}


def value_strategy(question: Question) -> st.SearchStrategy[Any]:
    """Any valid ordinary answer to `question` (no don't know / not applicable)."""
    kind = question.type
    if kind == "single":
        return st.sampled_from(question.option_ids)
    if kind == "multi":
        ordinary = [o.id for o in question.options if not o.exclusive]
        exclusive = [[o.id] for o in question.options if o.exclusive]
        lists = st.lists(st.sampled_from(ordinary), unique=True) if ordinary else st.just([])
        return st.one_of(lists, st.sampled_from(exclusive)) if exclusive else lists
    if kind == "scale":
        return st.integers(question.scale_min, question.scale_max)
    if kind == "yes_no":
        return st.booleans()
    if kind == "number":
        low = int(question.number_min or 0)
        high = int(question.number_max) if question.number_max is not None else low + 500
        return st.integers(low, high)
    if kind == "matrix":
        if question.matrix_kind == "columns":
            cell: st.SearchStrategy[Any] = st.lists(st.sampled_from(question.column_ids), unique=True)
            rows = st.fixed_dictionaries(dict.fromkeys(question.row_ids, cell))
            return rows.map(lambda m: {r: sorted(v) for r, v in m.items() if v})
        if question.matrix_kind == "options":
            return st.fixed_dictionaries({r: st.sampled_from(question.option_ids) for r in question.row_ids})
        return st.fixed_dictionaries(
            {r: st.integers(question.scale_min, question.scale_max) for r in question.row_ids}
        )
    return st.just("")


def answerable(questionnaire: Questionnaire) -> list[Question]:
    return [q for q in questionnaire.questions() if not q.store and q.type not in ("group", "text")]


def answers_of(questionnaire: Questionnaire, values: dict[str, Any]) -> Answers:
    return Answers(questionnaire.ref, dict(COMPANY), {k: v for k, v in values.items() if v is not None})


def scores(questionnaire: Questionnaire, values: dict[str, Any]) -> dict[str, float | None]:
    result = score_readiness(questionnaire, answers_of(questionnaire, values))
    found: dict[str, float | None] = {d.dimension.id: d.score for d in result.dimensions}
    found["(overall)"] = result.score
    found["(dma)"] = result.dma_score
    return found


@pytest.mark.parametrize("questionnaire", QUESTIONNAIRES, ids=lambda q: q.id)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_better_answer_never_lowers_a_score(questionnaire: Questionnaire, data: st.DataObject) -> None:
    questions = answerable(questionnaire)
    values = {q.id: data.draw(st.one_of(st.none(), value_strategy(q)), label=q.id) for q in questions}
    scored = [q for q in questions if q.scored and values.get(q.id) is not None]
    if not scored:
        return
    question = data.draw(st.sampled_from(scored), label="improved")
    better = data.draw(value_strategy(question), label="better")
    if normalise(question, better) <= normalise(question, values[question.id]):
        return
    changed = {**values, question.id: better}
    shown_before = {q.id for q in visible_questions(questionnaire, answers_of(questionnaire, values))}
    shown_after = {q.id for q in visible_questions(questionnaire, answers_of(questionnaire, changed))}
    for revealed in shown_after - shown_before:
        changed[revealed] = None
    before, after = scores(questionnaire, values), scores(questionnaire, changed)
    for name, was in before.items():
        if was is not None:
            assert after[name] is not None and after[name] >= was - 1e-9, (name, was, after[name])
