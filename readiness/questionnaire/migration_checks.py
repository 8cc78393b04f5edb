"""Checks of a version's `migrations:` block: what it renames, removes, remaps and gathers into matrices."""

from __future__ import annotations

from readiness.errors import Problem
from readiness.questionnaire.model import Origin, Questionnaire
from readiness.questionnaire.registry import Registry


def _problem(origin: Origin, message: str, *steps: str | int, fix: str = "", key: bool = False) -> Problem:
    return origin.document.problem((*origin.path, *steps), message, fix=fix, key=key)


def check_migration(q: Questionnaire, registry: Registry) -> list[Problem]:
    """Every `migrations:` entry names versions, questions, options and matrix parts that exist."""
    m = q.migration
    if m is None:
        return []
    problems = []
    current = {x.id: x for x in q.questions()}
    earlier = set(registry.versions(q.id))
    for i, version in enumerate(m.from_versions):
        if version not in earlier:
            problems.append(
                _problem(
                    m.origin,
                    f"no version {version} of '{q.id}' to migrate from",
                    "from",
                    i,
                    fix=f"versions found: {', '.join(sorted(earlier)) or 'none'}",
                )
            )
    for old, new in m.renamed.items():
        if new not in current:
            problems.append(
                _problem(
                    m.origin, f"renamed '{old}' to '{new}', but there is no question '{new}'", "renamed", old
                )
            )
        if old in current:
            problems.append(
                _problem(
                    m.origin,
                    f"'{old}' is renamed but still a question in this version",
                    "renamed",
                    old,
                    key=True,
                )
            )
    for old in m.removed:
        if old in current:
            problems.append(
                _problem(m.origin, f"'{old}' is listed as removed but is still a question", "removed")
            )
    for qid, mapping in m.values.items():
        question = current.get(qid)
        if question is None:
            problems.append(
                _problem(m.origin, f"value mapping for unknown question '{qid}'", "values", qid, key=True)
            )
            continue
        # Into a matrix of tick boxes, old options become rows; elsewhere they stay options.
        targets = question.row_ids if question.matrix_kind == "columns" else question.option_ids
        what = "a row" if question.matrix_kind == "columns" else "an option"
        for old_value, new_value in mapping.items():
            if new_value is not None and targets and new_value not in targets:
                problems.append(
                    _problem(
                        m.origin,
                        f"'{old_value}' maps to '{new_value}', which is not {what} of '{qid}'",
                        "values",
                        qid,
                        old_value,
                        fix=f"choose from: {', '.join(targets)}",
                    )
                )
    problems += _into_matrix(q)
    return problems


def _into_matrix(q: Questionnaire) -> list[Problem]:
    """Each gathered matrix exists, is gathered by its rows (stages, options) or columns (tick boxes)."""
    m = q.migration
    assert m is not None
    problems = []
    for qid, (kind, sources) in m.into_matrix.items():
        question = q.question(qid)
        if question is None or question.type != "matrix":
            problems.append(_problem(m.origin, f"'{qid}' is not a matrix", "into_matrix", qid, key=True))
            continue
        wanted = "columns" if question.matrix_kind == "columns" else "rows"
        if kind != wanted:
            problems.append(
                _problem(
                    m.origin,
                    f"'{qid}' is answered by {question.matrix_kind}; gather old answers into its {wanted}",
                    "into_matrix",
                    qid,
                    kind,
                    key=True,
                )
            )
            continue
        known = question.column_ids if kind == "columns" else question.row_ids
        for part in sources:
            if part not in known:
                problems.append(
                    _problem(
                        m.origin,
                        f"'{qid}' has no {kind[:-1]} '{part}'",
                        "into_matrix",
                        qid,
                        kind,
                        part,
                        key=True,
                        fix=f"{kind}: {', '.join(known)}",
                    )
                )
    return problems
