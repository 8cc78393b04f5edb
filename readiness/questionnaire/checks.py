"""The author's checks beyond the schema: ids, references, scores, levels, migrations, translations."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from readiness.errors import Problem
from readiness.questionnaire.citations import check_citations
from readiness.questionnaire.migration_checks import check_migration
from readiness.questionnaire.model import SPECIAL_ANSWERS, Origin, Question, Questionnaire
from readiness.questionnaire.registry import Registry
from readiness.questionnaire.rules import check_matrix, check_scoring_rules


def check_questionnaire(q: Questionnaire, registry: Registry) -> list[Problem]:
    """Every semantic problem in a compiled questionnaire, located in the file that holds it."""
    problems: list[Problem] = []
    problems += _unique_ids(q)
    problems += _references(q)
    for question in q.questions():
        problems += _question(question)
        for sub in question.fields:
            problems += _question(sub, in_group=True)
    problems += _levels(q)
    problems += _structure(q)
    problems += check_migration(q, registry)
    problems += check_scoring_rules(q)
    problems += check_citations(q)
    return problems


def _problem(origin: Origin, message: str, *steps: str | int, fix: str = "", key: bool = False) -> Problem:
    return origin.document.problem((*origin.path, *steps), message, fix=fix, key=key)


def _duplicates(items: Iterable[tuple[str, Origin]], what: str) -> Iterator[Problem]:
    seen: dict[str, Origin] = {}
    for item_id, origin in items:
        if item_id in seen:
            first = seen[item_id]
            line, _ = first.document.position((*first.path, "id"))
            yield _problem(
                origin,
                f"duplicate {what} id '{item_id}' (first used at {first.document.name}:{line})",
                "id",
                fix="give each one its own id",
            )
        else:
            seen[item_id] = origin


def _unique_ids(q: Questionnaire) -> list[Problem]:
    problems = list(_duplicates(((x.id, x.origin) for x in q.questions()), "question"))
    problems += _duplicates(((s.id, s.origin) for s in q.sections), "section")
    problems += _duplicates(((d.id, d.origin) for d in q.dimensions), "dimension")
    problems += _duplicates(((lv.id, lv.origin) for lv in q.levels), "level")
    problems += _duplicates(((r.id, r.origin) for r in q.recommendations), "recommendation")
    for question in q.questions():
        problems += _duplicates(((f.id, f.origin) for f in question.fields), "field")
        for sub in (question, *question.fields):
            problems += _duplicates(
                ((o.id, sub.origin.at("options", i)) for i, o in enumerate(sub.options)), "option"
            )
    return problems


def _references(q: Questionnaire) -> list[Problem]:
    dimensions = {d.id for d in q.dimensions}
    known = ", ".join(sorted(dimensions)) or "none defined"
    problems = []
    for question in q.questions():
        for sub in (question, *question.fields):
            if sub.dimension and sub.dimension not in dimensions:
                problems.append(
                    _problem(
                        sub.origin,
                        f"unknown dimension '{sub.dimension}'",
                        "dimension",
                        fix=f"use one of: {known}",
                    )
                )
    for rec in q.recommendations:
        if rec.dimension and rec.dimension not in dimensions:
            problems.append(
                _problem(
                    rec.origin,
                    f"unknown dimension '{rec.dimension}'",
                    "dimension",
                    fix=f"use one of: {known}",
                )
            )
    return problems


def _question(question: Question, *, in_group: bool = False) -> list[Problem]:
    o = question.origin
    problems = []
    for i, option in enumerate(question.options):
        if option.id in SPECIAL_ANSWERS:
            problems.append(
                _problem(
                    o,
                    f"'{option.id}' is reserved",
                    "options",
                    i,
                    "id",
                    fix=f"use `{option.id}: true` on the question instead of an option",
                )
            )
    if question.type == "group":
        if in_group:
            problems.append(_problem(o, "a group cannot hold another group", "type"))
        if question.store not in (None, "ai_systems"):
            problems.append(_problem(o, "a group can only be stored as ai_systems", "store"))
    elif question.store == "ai_systems":
        problems.append(_problem(o, "only a group can be stored as ai_systems", "store"))
    if in_group and question.store:
        problems.append(
            _problem(o, "fields of a group are stored in their entry; remove `store`", "store", key=True)
        )
    problems += check_matrix(question)
    if question.dimension is None:
        return problems
    problems += _scores(question)
    return problems


def _scores(question: Question) -> list[Problem]:
    o = question.origin
    if question.type in ("single", "multi"):
        scores = [opt.score for opt in question.options]
        if all(s is None for s in scores):
            return [
                _problem(
                    o,
                    "a scored question needs `score` on its options",
                    "options",
                    fix="add score: to each option",
                )
            ]
        if any(s is None for s in scores):
            i = scores.index(None)
            return [
                _problem(o, f"option '{question.options[i].id}' has no score while others do", "options", i)
            ]
        numbers = [s for s in scores if s is not None]
        if max(numbers) <= 0:
            return [_problem(o, "no option scores above 0, so the question can never score", "options")]
        if question.type == "single" and min(numbers) > 0:
            return [
                _problem(
                    o,
                    f"the lowest option scores {min(numbers):g}, so the question can never score 0",
                    "options",
                    fix="give the weakest option score: 0",
                )
            ]
    elif question.type == "matrix":
        return _matrix_scores(question)
    elif question.type == "scale":
        if question.scale_max <= question.scale_min:
            return [_problem(o, "the scale's max must be above its min", "scale")]
        outside = [k for k in question.scale_labels if not question.scale_min <= k <= question.scale_max]
        if outside:
            return [
                _problem(
                    o,
                    f"scale label {outside[0]} is outside {question.scale_min}..{question.scale_max}",
                    "scale",
                    "labels",
                )
            ]
    elif question.type == "number":
        return _bands(question)
    elif question.type == "yes_no" and max(question.yes_score, question.no_score) <= 0:
        return [_problem(o, "neither yes nor no scores above 0", "scores")]
    elif question.type in ("text", "group"):
        return [
            _problem(
                o, f"a {question.type} question cannot be scored; remove `dimension`", "dimension", key=True
            )
        ]
    return []


def _matrix_scores(question: Question) -> list[Problem]:
    """A scored matrix of options needs option scores; scales and tick boxes score as they are."""
    if question.matrix_kind != "options":
        return []
    scores = [opt.score for opt in question.options]
    if any(s is None for s in scores):
        return [_problem(question.origin, "a scored matrix needs `score` on every option", "options")]
    if max(s for s in scores if s is not None) <= 0:
        return [_problem(question.origin, "no option scores above 0", "options")]
    return []


def _bands(question: Question) -> list[Problem]:
    o = question.origin
    if not question.bands:
        return [
            _problem(
                o,
                "a scored number question needs `number.bands`",
                "number",
                fix="add bands: [{from: 0, score: 0}, ...]",
            )
        ]
    starts = [b.start for b in question.bands]
    if starts != sorted(set(starts)):
        return [_problem(o, "band `from` values must rise from one band to the next", "number", "bands")]
    low = question.number_min if question.number_min is not None else 0
    if starts[0] > low:
        return [
            _problem(
                o,
                f"the bands start at {starts[0]:g}, leaving {low:g}..{starts[0]:g} unscored",
                "number",
                "bands",
                0,
                fix=f"start the first band at from: {low:g}",
            )
        ]
    if max(b.score for b in question.bands) <= 0:
        return [_problem(o, "no band scores above 0", "number", "bands")]
    return []


def _levels(q: Questionnaire) -> list[Problem]:
    if not q.levels:
        return []
    problems = []
    first = q.levels[0]
    if first.start != 0:
        problems.append(
            _problem(
                first.origin,
                f"the first level starts at {first.start:g}; scores from 0 have no level",
                "from",
                fix="start the first level at from: 0",
            )
        )
    for before, after in zip(q.levels, q.levels[1:], strict=False):
        if after.start <= before.start:
            problems.append(
                _problem(
                    after.origin,
                    f"level '{after.id}' must start above '{before.id}' ({before.start:g})",
                    "from",
                )
            )
    return problems


def _structure(q: Questionnaire) -> list[Problem]:
    if q.kind != "questionnaire":
        return []
    o = q.origin
    problems = []
    if not q.sector:
        problems.append(
            _problem(
                o,
                "a questionnaire needs `sector`: the NACE codes it is for",
                "id",
                fix='add sector: [C] (or ["*"])',
            )
        )
    if not q.dimensions:
        problems.append(
            _problem(o, "a questionnaire needs at least one dimension (its own or from a module)", "id")
        )
    if not q.levels:
        problems.append(_problem(o, "a questionnaire needs `levels` (its own or from a module)", "id"))
    if not any(True for _ in q.questions()):
        problems.append(_problem(o, "a questionnaire needs at least one question", "id"))
    scored = {x.dimension for x in q.questions() if x.scored}
    for d in q.dimensions:
        if d.id not in scored:
            problems.append(
                _problem(
                    d.origin,
                    f"dimension '{d.id}' has no scored question",
                    "id",
                    fix="add a question with this dimension or remove the dimension",
                )
            )
    return problems
