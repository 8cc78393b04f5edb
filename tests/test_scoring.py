"""Scoring properties (hypothesis) over the shipped quick scan, and the DMA arithmetic on small cases."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.answers import Answers
from readiness.questionnaire import Registry
from readiness.questionnaire.model import Question
from readiness.scoring import normalise, score_readiness

QUICKSCAN = Registry.default().load("quickscan@1.0.0")
SCORED = [q for q in QUICKSCAN.questions() if q.scored]
COMPANY = {"name": "Test BV", "country": "NL", "size": "small"}


def value_strategy(question: Question) -> st.SearchStrategy[Any]:
    specials = [
        s for s, on in (("dont_know", question.dont_know), ("not_applicable", question.not_applicable)) if on
    ]
    if question.type == "single":
        base: st.SearchStrategy[Any] = st.sampled_from(question.option_ids)
    elif question.type == "multi":
        ordinary = [o.id for o in question.options if not o.exclusive]
        base = st.lists(st.sampled_from(ordinary), unique=True) if ordinary else st.just([])
    elif question.type == "scale":
        base = st.integers(question.scale_min, question.scale_max)
    elif question.type == "yes_no":
        base = st.booleans()
    else:
        base = st.integers(0, 50)
    return st.one_of(base, st.sampled_from(specials)) if specials else base


answer_sets = st.fixed_dictionaries({q.id: st.one_of(st.none(), value_strategy(q)) for q in SCORED})


def answers_of(values: dict[str, Any]) -> Answers:
    return Answers("quickscan@1.0.0", dict(COMPANY), {k: v for k, v in values.items() if v is not None})


@settings(max_examples=150, deadline=None)
@given(answer_sets)
def test_scores_stay_within_bounds(values: dict[str, Any]) -> None:
    result = score_readiness(QUICKSCAN, answers_of(values))
    assert result.score is None or 0 <= result.score <= 100
    assert 0 <= result.confidence <= 1
    for d in result.dimensions:
        assert d.score is None or 0 <= d.score <= 100
    assert all(g.gain > 0 for g in result.gaps)


@settings(max_examples=150, deadline=None)
@given(answer_sets, st.sampled_from(SCORED), st.data())
def test_a_better_answer_never_lowers_a_score(
    values: dict[str, Any], question: Question, data: st.DataObject
) -> None:
    current = values.get(question.id)
    if current in (None, "not_applicable", "dont_know"):
        return
    better = data.draw(value_strategy(question))
    if better in ("dont_know", "not_applicable") or normalise(question, better) < normalise(
        question, current
    ):
        return
    before = score_readiness(QUICKSCAN, answers_of(values))
    after = score_readiness(QUICKSCAN, answers_of({**values, question.id: better}))
    assert (after.score or 0) >= (before.score or 0) - 1e-9
    dim_before = {d.dimension.id: d.score for d in before.dimensions}
    dim_after = {d.dimension.id: d.score for d in after.dimensions}
    assert (dim_after[question.dimension] or 0) >= (dim_before[question.dimension] or 0) - 1e-9


@settings(max_examples=150, deadline=None)
@given(answer_sets)
def test_not_applicable_answers_leave_other_dimensions_alone(values: dict[str, Any]) -> None:
    before = score_readiness(QUICKSCAN, answers_of(values))
    for question in [q for q in SCORED if q.not_applicable]:
        changed = {**values, question.id: "not_applicable"}
        after = score_readiness(QUICKSCAN, answers_of(changed))
        for b, a in zip(before.dimensions, after.dimensions, strict=True):
            if b.dimension.id != question.dimension:
                assert a.score == b.score


@settings(max_examples=50, deadline=None)
@given(answer_sets)
def test_same_input_same_output(values: dict[str, Any]) -> None:
    answers = answers_of(values)
    assert score_readiness(QUICKSCAN, answers) == score_readiness(QUICKSCAN, copy.deepcopy(answers))


def test_dont_know_scores_zero_and_lowers_confidence() -> None:
    full = {"ai_plan": "reviewed", "ai_budget": True}
    known = score_readiness(QUICKSCAN, answers_of(full))
    unsure = score_readiness(QUICKSCAN, answers_of({**full, "ai_budget": "dont_know"}))
    strategy = {d.dimension.id: d for d in unsure.dimensions}["strategy"]
    assert strategy.score == pytest.approx(100 * 2 / 3, abs=0.1)
    assert unsure.confidence < known.confidence


def test_multi_choice_and_number_bands_normalise_as_documented() -> None:
    data = QUICKSCAN.question("data_practices")
    staff = QUICKSCAN.question("ai_staff")
    tools = QUICKSCAN.question("ai_tools")
    assert data is not None and staff is not None and tools is not None
    assert normalise(data, ["digital", "owner"]) == pytest.approx(2 / 5)
    assert normalise(data, ["none"]) == 0
    assert normalise(tools, ["vision", "speech", "robotics", "forecasting"]) == 1  # capped by max_score 3
    assert [normalise(staff, n) for n in (0, 1, 2, 3, 40)] == [0, 0.5, 0.5, 1, 1]


def test_hidden_questions_do_not_count() -> None:
    result = score_readiness(
        QUICKSCAN, answers_of({"personal_data": False, "gdpr_basis": False, "data_practices": []})
    )
    data = {d.dimension.id: d for d in result.dimensions}["data"]
    assert data.answered == 1
