"""What the assessment advises, as the JSON result gives it: gaps phrased as actions, recommendations with
who does them, the AI Act duties they cover and the laws they cite, and the AI Act roles a company
declared without listing its systems.

Every text comes from the questionnaire (a question's `gap:`, a recommendation's `who:` and `cites:`) or
from messages.yaml; nothing here names a question, a law or an article.
"""

from __future__ import annotations

from typing import Any

from readiness.answers import Answers
from readiness.flow import condition_values, visible_questions
from readiness.questionnaire.model import Question, Questionnaire, Recommendation, tr
from readiness.scoring import Readiness
from readiness.texts import message


def gap_action(question: Question, value: Any, lang: str) -> dict[str, Any]:
    """What to do about a low answer: the question's `gap:` text, and what is still missing.

    For a multiple choice that is the scored options not ticked; for a single choice, the next better
    option; for a matrix, the rows not yet at their best answer. A questionnaire without a `gap:` text
    gets a sentence naming the question, so the report never prints a bare question as if it were advice.
    """
    action = tr(question.gap, lang) or message("gap_action", lang, question=tr(question.text, lang))
    return {"action": action, "missing": _missing(question, value, lang)}


def _missing(question: Question, value: Any, lang: str) -> list[str]:
    if question.type == "multi":
        chosen = set(value) if isinstance(value, list) else set()
        return [
            tr(o.label, lang)
            for o in question.options
            if not o.exclusive and (o.score or 0) > 0 and o.id not in chosen
        ]
    if question.type == "single":
        current = question.option(value) if isinstance(value, str) else None
        floor = current.score if current is not None and current.score is not None else -1.0
        better = sorted(
            (o for o in question.options if o.score is not None and o.score > floor),
            key=lambda o: o.score or 0,
        )
        return [tr(better[0].label, lang)] if better else []
    if question.type == "matrix":
        return [tr(row.label, lang) for row in question.rows if not _row_at_best(question, value, row.id)]
    return []


def _row_at_best(question: Question, value: Any, row: str) -> bool:
    """Whether a matrix row has its best answer: the best column ticked, the top stage, the best option."""
    answer = value.get(row) if isinstance(value, dict) else None
    if question.matrix_kind == "columns":
        best = max(question.columns, key=lambda c: c.score or 0)
        return isinstance(answer, list) and best.id in answer
    if question.matrix_kind == "scale":
        return answer == question.scale_max
    top = max((o.score or 0 for o in question.options), default=0)
    chosen = question.option(answer) if isinstance(answer, str) else None
    return chosen is not None and (chosen.score or 0) >= top


def recommendation_details(rec: Recommendation, questionnaire: Questionnaire, lang: str) -> dict[str, Any]:
    """Who does it, the AI Act obligations it covers, and the articles of other laws it cites."""
    cites = []
    for citation in rec.cites:
        law = questionnaire.law(citation.law)
        if law is None:
            continue
        cites.append(
            {
                "law": law.id,
                "title": tr(law.title, lang),
                "article": citation.article
                if isinstance(citation.article, str)
                else tr(citation.article, lang),
                "applies_from": citation.applies_from or law.applies_from,
                "source": law.source,
                "checked": law.checked,
                "unconfirmed": citation.unconfirmed,
            }
        )
    return {"who": tr(rec.who, lang), "covers": list(rec.covers), "cites": cites}


def unlisted_ai_roles(questionnaire: Questionnaire, answers: Answers) -> tuple[str, ...]:
    """The AI Act roles the company's answers declare (options with `ai_act_role:`), in option order."""
    roles: dict[str, None] = {}
    for question in visible_questions(questionnaire, answers):
        if not any(o.ai_act_role for o in question.options):
            continue
        value = answers.value(question)
        for option_id in value if isinstance(value, list) else [value]:
            option = question.option(option_id) if isinstance(option_id, str) else None
            if option is not None and option.ai_act_role:
                roles[option.ai_act_role] = None
    return tuple(roles)


def recommendation_values(
    questionnaire: Questionnaire, answers: Answers, readiness: Readiness
) -> dict[str, Any]:
    """What a recommendation's `when:` and `done_when:` read: the answers, the register facts, the scores."""
    from readiness.assessment import ai_symbols

    values = condition_values(questionnaire, answers)
    values.update(ai_symbols(answers.ai_systems))
    values["scores"] = {d.dimension.id: d.score for d in readiness.dimensions if d.score is not None}
    values["overall"] = readiness.score
    values.setdefault("ai_stage", readiness.ai_stage)
    return values


def recommendations_done(
    questionnaire: Questionnaire, answers: Answers, readiness: Readiness, lang: str
) -> list[dict[str, Any]]:
    """The recommendations whose `done_when` holds: advice the answers show followed already, with the
    AI Act obligations it covers, so that a report can say those duties are in place."""
    values = recommendation_values(questionnaire, answers, readiness)
    done = []
    for rec in questionnaire.recommendations:
        condition = questionnaire.condition("done", rec.id)
        if condition is not None and condition.holds(values):
            done.append({"id": rec.id, "title": tr(rec.title, lang), "covers": list(rec.covers)})
    return done


def values_read(rec: Recommendation, questionnaire: Questionnaire) -> frozenset[str]:
    """The questions behind a recommendation: those its `when:` names, else those its scores rest on.

    A condition on a dimension's score reads every question of that dimension; one on `overall`, every
    scored question; one on the AI system register, the register (`ai_systems`).
    """
    condition = questionnaire.condition("recommendation", rec.id)
    if condition is None:
        return frozenset()
    asked = {q.id for q in questionnaire.questions()}
    named = {s for s in condition.symbols if s in asked}
    if any(s.startswith("ai_") and s not in asked for s in condition.symbols):
        named.add("ai_systems")
    if named:
        return frozenset(named)
    symbols = condition.symbols
    if "scores" not in symbols and "overall" not in symbols:
        return frozenset()
    wanted = condition.keys.get("scores")  # None when the condition reads every score
    return frozenset(
        q.id
        for q in questionnaire.questions()
        if q.scored and ("overall" in symbols or wanted is None or q.dimension in wanted)
    )
