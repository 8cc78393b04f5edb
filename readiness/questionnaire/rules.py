"""The checks that keep scores defensible: matrices, the DMA dimensions, AI use cases and stage, limits.

They sit beside the general checks (readiness.questionnaire.checks) because each states a rule of the
method documented in docs/results.md and docs/authoring.md, not just a well-formed file.
"""

from __future__ import annotations

from readiness.errors import Problem
from readiness.questionnaire.model import Origin, Question, Questionnaire

# The weighting rule for the AI questions of a sector (docs/authoring.md, "AI use cases and stage"): the
# stage says how far AI has really come, the use cases how broadly; the stage weighs twice the use cases.
STAGE_TO_USE_CASES = 2.0


def _problem(origin: Origin, message: str, *steps: str | int, fix: str = "", key: bool = False) -> Problem:
    return origin.document.problem((*origin.path, *steps), message, fix=fix, key=key)


def check_matrix(question: Question) -> list[Problem]:
    """A matrix has rows and exactly one way to answer them; tick-box scoring fits tick boxes."""
    o = question.origin
    if question.type != "matrix":
        if question.rows or question.columns:
            return [_problem(o, "only a matrix has rows and columns", "type", fix="use type: matrix")]
        return []
    ways = [name for name, given in (("columns", question.columns), ("options", question.options)) if given]
    if question.scale_max > question.scale_min or question.scale_labels:
        ways.append("scale")
    if len(ways) != 1:
        found = ", ".join(ways) or "none of them"
        return [
            _problem(
                o,
                f"a matrix needs exactly one of columns, scale or options (found {found})",
                "type",
                fix="columns: tick boxes per row; scale: a stage per row; options: one choice per row",
            )
        ]
    problems = []
    seen: set[str] = set()
    for i, row in enumerate(question.rows):
        if row.id in seen:
            problems.append(_problem(o, f"duplicate row id '{row.id}'", "rows", i, "id"))
        seen.add(row.id)
    if question.columns and len(set(question.column_ids)) != len(question.columns):
        problems.append(_problem(o, "duplicate column id", "columns"))
    if question.dimension and question.matrix_kind == "columns" and question.scoring == "per_row":
        scores = [c.score or 0 for c in question.columns]
        if max(scores) <= 0:
            problems.append(
                _problem(
                    o,
                    "per_row scoring needs `score` on the columns (e.g. invested 1, planned 0.5)",
                    "columns",
                )
            )
    return problems


def check_scoring_rules(q: Questionnaire) -> list[Problem]:
    """The DMA dimensions, the AI use-case and stage questions and the limits, as documented."""
    return _dma_dimensions(q) + _ai_questions(q) + _limits(q)


def _dma_dimensions(q: Questionnaire) -> list[Problem]:
    """DMA dimensions weigh the same and are scored only from the module that defines them."""
    problems = []
    for dimension in q.dimensions:
        if not dimension.dma:
            continue
        if dimension.weight != 1:
            problems.append(
                _problem(
                    dimension.origin,
                    "the DMA weighs its six dimensions equally; a DMA dimension cannot have its own weight",
                    "weight",
                    key=True,
                    fix="remove `weight`",
                )
            )
        home = dimension.origin.document.path
        for question in q.questions():
            if question.dimension == dimension.id and question.origin.document.path != home:
                problems.append(
                    _problem(
                        question.origin,
                        f"'{question.id}' scores in the DMA dimension '{dimension.id}', which only the DMA "
                        "module's own questions may do (the DMA score is computed from the module alone)",
                        "dimension",
                        fix="give the question a dimension of its own questionnaire",
                    )
                )
    return problems


def _ai_questions(q: Questionnaire) -> list[Problem]:
    """One use-case and one stage question, always asked, in one dimension, weighing 1 : 2."""
    marked: dict[str, list[Question]] = {"ai_use_cases": [], "ai_stage": []}
    for question in q.questions():
        if question.measures in marked:
            marked[question.measures].append(question)
    problems = []
    for kind, found in marked.items():
        for extra in found[1:]:
            problems.append(
                _problem(extra.origin, f"only one question may measure {kind}", "measures", key=True)
            )
    hidden_sections = {s.id for s in q.sections if s.when_text}
    for question in (*marked["ai_use_cases"][:1], *marked["ai_stage"][:1]):
        if question.when_text or question.section in hidden_sections:
            problems.append(
                _problem(
                    question.origin,
                    f"'{question.id}' measures {question.measures} and must be asked of everyone",
                    "when" if question.when_text else "measures",
                    fix="remove the `when:`; the lowest answer (none) is what a company without AI gives",
                )
            )
        if question.dimension is None:
            problems.append(_problem(question.origin, f"'{question.id}' must be scored", "measures"))
    stage = marked["ai_stage"][0] if marked["ai_stage"] else None
    use_cases = marked["ai_use_cases"][0] if marked["ai_use_cases"] else None
    if stage is not None and (stage.type != "scale" or stage.scale_min != 0):
        problems.append(
            _problem(
                stage.origin,
                "the AI stage question is a scale starting at 0 (none: no AI in use or in preparation)",
                "type",
            )
        )
    if use_cases is not None:
        problems += _use_case_list(use_cases)
    if (stage is None) != (use_cases is None):
        present = stage or use_cases
        assert present is not None
        missing = "ai_use_cases" if use_cases is None else "ai_stage"
        problems.append(
            _problem(
                present.origin,
                f"a questionnaire with a question measuring {present.measures} needs one measuring {missing}",
                "measures",
            )
        )
    elif stage is not None and use_cases is not None:
        if stage.dimension != use_cases.dimension:
            problems.append(
                _problem(
                    stage.origin,
                    f"the AI stage and use-case questions score in one dimension ('{use_cases.dimension}')",
                    "dimension",
                )
            )
        if stage.weight != STAGE_TO_USE_CASES * use_cases.weight:
            problems.append(
                _problem(
                    stage.origin,
                    f"the AI stage question weighs {STAGE_TO_USE_CASES:g} times the use-case question "
                    f"'{use_cases.id}' (weight {use_cases.weight:g}), not {stage.weight:g}",
                    "weight",
                    fix=f"weight: {STAGE_TO_USE_CASES * use_cases.weight:g}",
                )
            )
    return problems


def _use_case_list(question: Question) -> list[Problem]:
    o = question.origin
    if question.type != "multi":
        return [_problem(o, "the AI use-case question is a multiple choice", "type")]
    problems = []
    if not any(opt.exclusive and not opt.score for opt in question.options):
        problems.append(
            _problem(
                o,
                "the AI use-case question needs an exclusive 'none of these' option that scores 0",
                "options",
            )
        )
    total = sum(opt.score or 0 for opt in question.options)
    if question.max_score is not None and question.max_score < total:
        problems.append(
            _problem(
                o,
                f"the AI use-case question caps at {question.max_score:g} of {total:g} points, so a few "
                "applications would count as full use",
                "max_score",
                fix="remove max_score: every listed application counts",
            )
        )
    return problems


def _limits(q: Questionnaire) -> list[Problem]:
    problems = []
    has_stage = any(x.measures == "ai_stage" for x in q.questions())
    for limit in q.limits:
        condition = q.condition("limit", limit.id)
        if q.kind == "questionnaire" and condition and "ai_stage" in condition.symbols and not has_stage:
            problems.append(
                _problem(
                    q.origin,
                    f"limit '{limit.id}' reads ai_stage, but no question measures ai_stage, so the limit "
                    "could never be lifted",
                    "id",
                    fix="add a scale question with `measures: ai_stage` (see docs/authoring.md)",
                )
            )
    return problems
