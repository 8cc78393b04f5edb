"""No recommendation asks for what the answers already show done.

Each recommendation may declare `done_when:`, what the answers look like once its advice is followed.
For every example and for random answer sets (hypothesis) of every shipped questionnaire, no
recommendation that is made may have its `done_when` hold. A recommendation whose `when:` reads a score,
or a practice missing from a multiple choice or a matrix (the two ways a trigger drifted from its advice),
must declare one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_engine import ast

from readiness.advice import recommendation_values as values_for
from readiness.answers import Answers, load_answers
from readiness.assessment import ai_symbols, run_assessment
from readiness.conditions import Condition, _walk
from readiness.flow import visible_questions
from readiness.questionnaire import Registry
from readiness.questionnaire.model import Question, Questionnaire
from readiness.schemas import load_schema
from readiness.scoring import score_readiness
from tests.conftest import ROOT
from tests.test_monotone import value_strategy as matrix_value
from tests.test_scoring import value_strategy

REGISTRY = Registry.default()
SHIPPED = sorted(
    qid
    for qid in REGISTRY.ids()
    if REGISTRY.load(qid).kind == "questionnaire"
    and qid in {p.parent.name for p in (ROOT / "questionnaires").glob("*/2.0.0.yaml")}
)
EXAMPLES = sorted((ROOT / "examples").glob("*.answers.yaml"))
REGISTER = load_schema("aiact-register")["$defs"]["system"]["properties"]
COMPANY = {"name": "Test BV", "country": "NL", "size": "small", "nace": "C28", "language": "en"}


def recommendation_values(questionnaire: Questionnaire, answers: Answers) -> dict[str, Any]:
    readiness = score_readiness(questionnaire, answers, ai_symbols(answers.ai_systems))
    return values_for(questionnaire, answers, readiness)


def contradictions(questionnaire: Questionnaire, answers: Answers) -> list[str]:
    """Recommendations that are made although the answers show their advice followed."""
    values = recommendation_values(questionnaire, answers)
    found = []
    for rec in questionnaire.recommendations:
        when = questionnaire.condition("recommendation", rec.id)
        done = questionnaire.condition("done", rec.id)
        if done is not None and (when is None or when.holds(values)) and done.holds(values):
            found.append(
                f"{questionnaire.ref}: {rec.id} is made, but its done_when holds ({rec.done_when_text})"
            )
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_no_example_gets_advice_its_answers_show_done(path: Path) -> None:
    loaded = load_answers(path, REGISTRY)
    assert contradictions(loaded.questionnaire, loaded.answers) == []
    assessment = run_assessment(loaded.questionnaire, loaded.answers, dt.date(2026, 12, 1))
    assert assessment.readiness.recommendations, (
        f"{path.name} gets no recommendation: examples should show some"
    )


def negated(condition: Condition) -> set[str]:
    """The names a `not` applies to: `not ("mfa" in dm_security)` negates dm_security."""
    found: set[str] = set()
    for node in _walk(condition.rule.statement.expression):
        if isinstance(node, ast.UnaryExpression) and node.type == "not":
            found |= {n.name for n in _walk(node.right) if isinstance(n, ast.SymbolExpression)}
    return found


@pytest.mark.parametrize("qid", SHIPPED)
def test_every_trigger_on_practices_or_scores_says_what_done_looks_like(qid: str) -> None:
    questionnaire = REGISTRY.load(qid)
    kinds = {q.id: q.type for q in questionnaire.questions()}
    missing = []
    for rec in questionnaire.recommendations:
        condition = questionnaire.condition("recommendation", rec.id)
        if condition is None:
            continue
        missing_practice = any(kinds.get(s) in ("multi", "matrix") for s in negated(condition))
        drifts = "scores" in condition.symbols or missing_practice
        if drifts and rec.done_when_text is None:
            missing.append(rec.id)
    assert missing == [], f"{qid}: declare done_when for {missing}"


@pytest.mark.parametrize("qid", SHIPPED)
def test_every_scored_question_says_what_to_do_about_a_gap(qid: str) -> None:
    questionnaire = REGISTRY.load(qid)
    missing = [q.id for q in questionnaire.questions() if q.scored and not q.gap]
    assert missing == [], f"{qid}: give these questions a gap: text {missing}"


def _value(question: Question) -> st.SearchStrategy[Any]:
    """Any valid answer; a multiple choice may also be its "none of these" option alone."""
    if question.type == "matrix":
        return matrix_value(question)
    exclusive = [[o.id] for o in question.options if o.exclusive]
    if question.type == "multi" and exclusive:
        return st.one_of(value_strategy(question), st.sampled_from(exclusive))
    return value_strategy(question)


def _enum(field: str) -> list[str]:
    spec = REGISTER[field]
    items = spec.get("items", spec)
    if "enum" in items:
        return list(items["enum"])
    return list(load_schema("aiact-register")["$defs"]["annex_iii_point"]["enum"])


SYSTEMS = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.sampled_from(["A", "B", "C"]),
            "role": st.sampled_from(_enum("role")),
            "transparency": st.lists(st.sampled_from(_enum("transparency")), unique=True, max_size=2),
            "annex_i": st.lists(st.sampled_from(_enum("annex_i")), unique=True, max_size=1),
            "annex_iii": st.lists(st.sampled_from(_enum("annex_iii")), unique=True, max_size=1),
            "practices": st.lists(st.sampled_from(_enum("practices")), unique=True, max_size=1),
        }
    ),
    max_size=2,
    unique_by=lambda s: s["name"],
)


def _answers(questionnaire: Questionnaire, drawn: dict[str, Any], systems: list[dict[str, Any]]) -> Answers:
    """Random answers, then only those a company would have given: hidden questions are dropped until
    what is visible no longer changes (a condition only reads earlier questions)."""
    answers = Answers(questionnaire.ref, dict(COMPANY), {k: v for k, v in drawn.items() if v is not None})
    answers.ai_systems = systems
    while True:
        visible = {q.id for q in visible_questions(questionnaire, answers)}
        hidden = [k for k in answers.answers if k not in visible]
        if not hidden:
            return answers
        for key in hidden:
            del answers.answers[key]


@pytest.mark.parametrize("qid", SHIPPED)
def test_random_answers_never_get_advice_they_show_done(qid: str) -> None:
    questionnaire = REGISTRY.load(qid)
    own = [q for q in questionnaire.questions() if not q.store and q.type != "text"]
    drawn = st.fixed_dictionaries({q.id: st.one_of(st.none(), _value(q)) for q in own})

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(drawn, SYSTEMS)
    def check(values: dict[str, Any], systems: list[dict[str, Any]]) -> None:
        assert contradictions(questionnaire, _answers(questionnaire, values, systems)) == []

    check()


def test_the_check_finds_advice_the_answers_show_done(monkeypatch: pytest.MonkeyPatch) -> None:
    questionnaire = REGISTRY.load("quickscan")
    done = questionnaire.condition("done", "literacy")
    assert done is not None
    # A trigger as loose as its own done_when: staff already trained still get "organise AI literacy".
    monkeypatch.setitem(questionnaire.conditions, ("recommendation", "literacy"), done)
    answers = Answers(questionnaire.ref, dict(COMPANY), {"ai_literacy": "training"})
    assert [c for c in contradictions(questionnaire, answers) if "literacy" in c]
