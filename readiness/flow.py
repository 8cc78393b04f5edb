"""Which questions a company is asked: `when:` conditions evaluated over the answers given so far."""

from __future__ import annotations

from typing import Any

from readiness.answers import Answers
from readiness.questionnaire.model import Question, Questionnaire


def condition_values(questionnaire: Questionnaire, answers: Answers) -> dict[str, Any]:
    """Every top-level answer by question id, wherever the answers file keeps it."""
    return {q.id: answers.value(q) for q in questionnaire.questions()}


def visible_questions(questionnaire: Questionnaire, answers: Answers) -> list[Question]:
    """The questions whose section and own conditions hold, in the order they are asked."""
    values = condition_values(questionnaire, answers)
    visible = []
    for section in questionnaire.sections:
        section_condition = questionnaire.condition("section", section.id)
        if section_condition is not None and not section_condition.holds(values):
            continue
        for question in section.questions:
            condition = questionnaire.condition("question", question.id)
            if condition is None or condition.holds(values):
                visible.append(question)
    return visible


def visible_fields(
    questionnaire: Questionnaire, group: Question, item: dict[str, Any], values: dict[str, Any]
) -> list[Question]:
    """The fields of one group entry whose conditions hold, given the entry so far and the other answers."""
    shown = []
    for sub in group.fields:
        condition = questionnaire.condition("field", f"{group.id}.{sub.id}")
        if condition is None or condition.holds({**values, **item}):
            shown.append(sub)
    return shown


def is_answered(question: Question, value: Any) -> bool:
    """Whether a stored value counts as an answer (an empty multi choice is an answer: "none of these")."""
    if value is None:
        return False
    return not (question.type == "text" and value == "" and question.required)


def missing_required(questionnaire: Questionnaire, answers: Answers) -> list[Question]:
    """Required, visible questions without an answer: what stops an assessment from being complete."""
    return [
        q
        for q in visible_questions(questionnaire, answers)
        if q.required and q.type != "group" and not is_answered(q, answers.value(q))
    ]
