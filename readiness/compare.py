"""Progress of one company between two assessments (T0 and T1): what a hub reports as its impact.

A pure function of two assessments of the same questionnaire version (the caller migrates older answers
first, so that a question means the same thing on both sides): the change overall and per dimension,
the questions whose answers improved or slipped, the AI Act obligations that started or stopped
applying, and the recommendations that are new, dropped or still open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from readiness.advice import recommendation_values, values_read
from readiness.assessment import Assessment
from readiness.flow import visible_questions
from readiness.l10n.languages import decimal
from readiness.questionnaire.model import Question, matrix_cells, tr
from readiness.scoring import score_question

Gettext = Callable[[str], str]


def compare_assessments(
    before: Assessment, after: Assessment, lang: str, _: Gettext, *, notes: Sequence[str] = ()
) -> dict[str, Any]:
    """The progress from `before` to `after`, texts in `lang` (`_` translates the tool's own words)."""
    if before.questionnaire.ref != after.questionnaire.ref:
        raise ValueError("compare assessments of one questionnaire version; migrate the older answers first")
    old, new = before.as_dict(lang), after.as_dict(lang)
    improved, slipped = _questions(before, after, lang, _)
    return {
        "questionnaire": new["questionnaire"],
        "company": new["company"],
        "before": _moment(old),
        "after": _moment(new),
        "overall": _delta(old["readiness"]["score"], new["readiness"]["score"]),
        "dma": _delta(old["readiness"]["dma_score"], new["readiness"]["dma_score"]),
        "dimensions": _dimensions(old, new),
        "improved": improved,
        "slipped": slipped,
        "ai_act": _ai_act(old.get("ai_act") or {}, new.get("ai_act") or {}),
        "recommendations": _recommendations(old, new, before, after),
        "migration": list(notes),
    }


def _delta(before: float | None, after: float | None) -> dict[str, float | None]:
    change = round(after - before, 1) if before is not None and after is not None else None
    return {"before": before, "after": after, "delta": change}


def _moment(result: Mapping[str, Any]) -> dict[str, Any]:
    level = result["readiness"].get("level") or {}
    return {
        "as_of": result["as_of"],
        "score": result["readiness"]["score"],
        "level": level.get("label", ""),
        "level_id": level.get("id", ""),
        "confidence": result["readiness"]["confidence"],
    }


def _dimensions(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[dict[str, Any]]:
    earlier = {d["id"]: d["score"] for d in old["readiness"]["dimensions"]}
    return [
        {"id": d["id"], "label": d["label"], **_delta(earlier.get(d["id"]), d["score"])}
        for d in new["readiness"]["dimensions"]
    ]


def _question_scores(assessment: Assessment) -> dict[str, tuple[Question, float | None, Any]]:
    """Each visible scored question: its 0-100 score (None when not counted) and the stored answer."""
    found = {}
    for question in visible_questions(assessment.questionnaire, assessment.answers):
        if question.scored:
            value = assessment.answers.value(question)
            score = score_question(question, value).value
            found[question.id] = (question, None if score is None else round(100 * score, 1), value)
    return found


def _questions(
    before: Assessment, after: Assessment, lang: str, _: Gettext
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Questions whose score rose, and those whose score fell, biggest change first."""
    old, new = _question_scores(before), _question_scores(after)
    labels = {d.id: tr(d.label, lang) for d in after.questionnaire.dimensions}
    changes: list[tuple[float, int, dict[str, Any]]] = []
    for order, (qid, (question, score, value)) in enumerate(new.items()):
        _q, earlier, earlier_value = old.get(qid, (question, None, None))
        if score == earlier:
            continue
        delta = round((score or 0.0) - (earlier or 0.0), 1)
        changes.append(
            (
                delta,
                order,
                {
                    "question": qid,
                    "text": tr(question.text, lang),
                    "dimension": labels.get(question.dimension or "", ""),
                    "before": earlier,
                    "after": score,
                    "delta": delta,
                    "answer_before": answer_text(question, earlier_value, lang, _),
                    "answer_after": answer_text(question, value, lang, _),
                },
            )
        )
    improved = [row for delta, _o, row in sorted(changes, key=lambda c: (-c[0], c[1])) if delta > 0]
    slipped = [row for delta, _o, row in sorted(changes, key=lambda c: (c[0], c[1])) if delta < 0]
    return improved, slipped


def answer_text(question: Question, value: Any, lang: str, _: Gettext) -> str:
    """A stored answer as a reader would say it: option labels, yes or no, a number with its unit."""
    if value is None:
        return _("not answered")
    if value == "dont_know":
        return _("Don't know")
    if value == "not_applicable":
        return _("Not applicable")
    if question.type in ("single", "multi"):
        chosen = value if isinstance(value, list) else [value]
        words = [tr(o.label, lang) if (o := question.option(v)) else str(v) for v in chosen]
        return "; ".join(words) if words else _("none of these")
    if question.type == "matrix" and isinstance(value, dict):
        return "; ".join(matrix_cells(question, value, lang)) or _("none of these")
    if question.type == "yes_no":
        return _("Yes") if value else _("No")
    if question.type == "scale":
        label = question.scale_labels.get(int(value))
        return f"{value} ({tr(label, lang)})" if label else str(value)
    if question.type == "number" and question.unit:
        return f"{decimal(value, lang)} {tr(question.unit, lang)}"
    return str(value)


def _obligations(ai_act: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Every obligation by (system or "", obligation id), with whom it is for."""
    found = {("", o["id"]): {**o, "system": ""} for o in ai_act.get("company_obligations", [])}
    for system in ai_act.get("systems", []):
        for o in system.get("obligations", []):
            found[(system["name"], o["id"])] = {**o, "system": system["name"]}
    return found


def _ai_act(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Obligations that apply now but did not then, that applied then but no longer do, and system changes."""
    then, now = _obligations(old), _obligations(new)

    def applies(found: Mapping[tuple[str, str], Mapping[str, Any]], key: tuple[str, str]) -> bool:
        return key in found and found[key].get("status") == "applies"

    def brief(o: Mapping[str, Any]) -> dict[str, Any]:
        keys = ("id", "article", "title", "applies_from", "status", "system")
        return {k: o.get(k, "") for k in keys}

    old_systems = {s["name"]: s for s in old.get("systems", [])}
    new_systems = {s["name"]: s for s in new.get("systems", [])}
    return {
        "newly_applying": [
            brief(o) for key, o in now.items() if applies(now, key) and not applies(then, key)
        ],
        "no_longer_applying": [
            brief(o) for key, o in then.items() if applies(then, key) and not applies(now, key)
        ],
        "upcoming": sorted(
            (brief(o) for o in now.values() if o.get("status") == "upcoming"),
            key=lambda o: (o["applies_from"], o["system"], o["id"]),
        ),
        "systems_added": [
            {"name": n, "risk": s.get("risk", "")} for n, s in new_systems.items() if n not in old_systems
        ],
        "systems_removed": [
            {"name": n, "risk": s.get("risk", "")} for n, s in old_systems.items() if n not in new_systems
        ],
        "risk_changed": [
            {"name": n, "before": old_systems[n].get("risk", ""), "after": s.get("risk", "")}
            for n, s in new_systems.items()
            if n in old_systems and old_systems[n].get("risk") != s.get("risk")
        ],
    }


def _recommendations(
    old: Mapping[str, Any], new: Mapping[str, Any], before: Assessment, after: Assessment
) -> dict[str, list[dict[str, Any]]]:
    """Recommendations that are new at T1, no longer made, and still open.

    A recommendation no longer made counts as `resolved` only when the answers behind it (those its
    `when:` reads) changed and, where it says what done looks like (`done_when:`), the answers now show
    that; otherwise it went for another reason, such as other answers lifting a dimension's score, and
    the advice may still stand.
    """
    then = {r["id"]: r for r in old["readiness"].get("recommendations", [])}
    now = {r["id"]: r for r in new["readiness"].get("recommendations", [])}

    def brief(r: Mapping[str, Any]) -> dict[str, Any]:
        return {k: r.get(k) for k in ("id", "title", "text", "priority", "horizon", "because")}

    def dropped(r: Mapping[str, Any]) -> dict[str, Any]:
        changed = _changed_inputs(r["id"], before, after)
        return {**brief(r), "resolved": bool(changed), "changed": changed}

    return {
        "new": [brief(r) for key, r in now.items() if key not in then],
        "dropped": [dropped(r) for key, r in then.items() if key not in now],
        "open": [brief(r) for key, r in now.items() if key in then],
    }


def _changed_inputs(rec_id: str, before: Assessment, after: Assessment) -> list[str]:
    """The questions behind a recommendation whose answers differ between T0 and T1, in asking order."""
    questionnaire = after.questionnaire
    rec = next((r for r in questionnaire.recommendations if r.id == rec_id), None)
    if rec is None:
        return []
    done = questionnaire.condition("done", rec.id)
    values = recommendation_values(questionnaire, after.answers, after.readiness)
    if done is not None and not done.holds(values):
        return []  # the answers do not show the advice followed, whatever else changed
    behind = values_read(rec, questionnaire)
    changed = [
        q.id
        for q in questionnaire.questions()
        if q.id in behind and before.answers.value(q) != after.answers.value(q)
    ]
    if "ai_systems" in behind and before.answers.ai_systems != after.answers.ai_systems:
        changed.append("ai_systems")
    return changed
