"""Which questions a company is asked: `when:` conditions evaluated over the answers given so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness.answers import Answers
from readiness.questionnaire.model import Option, Question, Questionnaire, Section


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


def first_open(questionnaire: Questionnaire, answers: Answers) -> Question | None:
    """Where an interview starts or resumes: the first visible question not yet answered or skipped.

    A repeated group (the AI system register) counts as answered once it was closed, even empty.
    """
    skipped = set(answers.meta.get("skipped", []))
    for question in visible_questions(questionnaire, answers):
        if question.id in skipped:
            continue
        if not is_answered(question, answers.value(question)):
            if question.type == "group" and question.store in answers.meta.get("answered", []):
                continue
            return question
    return None


def next_after(questionnaire: Questionnaire, answers: Answers, question: Question) -> Question | None:
    """The visible question that follows `question` in questionnaire order, given the answers now."""
    order = [x.id for x in questionnaire.questions()]
    position = order.index(question.id)
    return next((q for q in visible_questions(questionnaire, answers) if order.index(q.id) > position), None)


def previous_before(questionnaire: Questionnaire, answers: Answers, question: Question) -> Question | None:
    """The visible question just before `question`: where "back" goes when no history is kept."""
    order = [x.id for x in questionnaire.questions()]
    position = order.index(question.id)
    earlier = [q for q in visible_questions(questionnaire, answers) if order.index(q.id) < position]
    return earlier[-1] if earlier else None


def record_turn(answers: Answers, question: Question, *, skipped: bool, following: Question | None) -> None:
    """Note in `meta` that `question` had its turn (answered or skipped) and where the interview goes next."""
    marked = set(answers.meta.get("skipped", []))
    if skipped:
        marked.add(question.id)
    else:
        marked.discard(question.id)
    answers.meta["skipped"] = sorted(marked)
    answers.meta["position"] = following.id if following else ""


def conclude(questionnaire: Questionnaire, answers: Answers) -> bool:
    """Mark the answers complete or not at the end of an interview; True when nothing required is open."""
    complete = not missing_required(questionnaire, answers)
    answers.meta["complete"] = complete
    answers.meta.pop("position", None)
    if complete:
        answers.meta.pop("skipped", None)
    return complete


@dataclass(frozen=True)
class Progress:
    """Where a question stands in the interview: its section among the visible ones, and its number."""

    section: Section
    section_number: int
    sections: int
    number: int
    total: int


def progress(questionnaire: Questionnaire, question: Question) -> Progress:
    """The section and question numbers of `question`, counted as `questionnaires list` counts: every
    question that can be asked, conditional ones included, so a question keeps its number whatever was
    answered."""
    section = next(s for s in questionnaire.sections if s.id == question.section)
    order = [x.id for x in questionnaire.questions()]
    section_number = next(i for i, s in enumerate(questionnaire.sections, 1) if s.id == section.id)
    return Progress(
        section,
        section_number,
        len(questionnaire.sections),
        order.index(question.id) + 1,
        questionnaire.question_count,
    )


def offered_options(question: Question, current: Any = None) -> tuple[Option, ...]:
    """The options an interview offers: all of them, except that the question of the report's language
    (stored in company.language) offers only the languages the program speaks completely, and the answer
    already given."""
    if question.store != "company.language":
        return question.options
    from readiness.l10n.status import complete_languages

    offered = {*complete_languages(), current}
    return tuple(option for option in question.options if option.id in offered)
