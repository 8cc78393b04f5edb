"""Carrying answers to a newer questionnaire version through each version's `migrations:` block.

Nothing that still has a home is lost: renamed answers move, remapped options are translated, answers
gathered into a matrix become its rows or columns, and whatever is dropped is named in a note.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from readiness.answers import Answers, value_problem
from readiness.errors import ReadinessError
from readiness.questionnaire.model import SPECIAL_ANSWERS, Migration, Questionnaire
from readiness.questionnaire.registry import Registry, version_key


def migrate_answers(answers: Answers, target: Questionnaire, registry: Registry) -> tuple[Answers, list[str]]:
    """Carry answers to `target`'s version through each version's `migrations:`, step by step.

    Returns the migrated answers and notes on what was renamed, remapped or dropped (nothing that still
    has a home is lost).
    """
    qid, _, version = answers.questionnaire.partition("@")
    if qid != target.id:
        raise ReadinessError(f"these answers are for '{qid}', not '{target.id}'")
    if version_key(version) > version_key(target.version):
        raise ReadinessError(f"cannot migrate from {version} back to the older {target.version}")
    result = copy.deepcopy(answers)
    notes: list[str] = []
    previous = registry.load(answers.questionnaire)
    for step in registry.versions(qid):
        if version_key(version) < version_key(step) <= version_key(target.version):
            questionnaire = registry.load(f"{qid}@{step}")
            for module, _version, migration in questionnaire.module_migrations:
                # A module's migration runs when this step moves the module up from a version it names.
                if previous.module_versions.get(module) in migration.from_versions:
                    notes += _apply_migration(result, questionnaire, migration)
            notes += _apply_migration(result, questionnaire, questionnaire.migration)
            notes += _drop_unknown(result, questionnaire)
            previous = questionnaire
    result.questionnaire = target.ref
    return result, notes


def _apply_migration(
    answers: Answers, questionnaire: Questionnaire, migration: Migration | None
) -> list[str]:
    """Renames, removals, gathered matrices and remapped options of one migration block."""
    notes: list[str] = []
    if migration is not None:
        for old, new in migration.renamed.items():
            if old in answers.answers:
                answers.answers[new] = answers.answers.pop(old)
                notes.append(f"{old} is now {new}")
        for old in migration.removed:
            if old in answers.answers:
                del answers.answers[old]
                notes.append(f"{old} was removed in {questionnaire.version}; its answer was dropped")
        notes += _gather_matrices(answers, questionnaire, migration)
        for qid, mapping in migration.values.items():
            if qid in answers.answers and qid not in migration.into_matrix:
                mapped = _map_value(answers.answers[qid], mapping)
                old = answers.answers[qid]
                if mapped is None:
                    del answers.answers[qid]
                    notes.append(
                        f"{qid}: the old answer has no equivalent in {questionnaire.version}; dropped"
                    )
                    continue
                answers.answers[qid] = mapped
                lost = [v for v in old if mapping.get(v, v) is None] if isinstance(old, list) else []
                if lost:
                    notes.append(
                        f"{qid}: dropped {', '.join(lost)} (no equivalent in {questionnaire.version})"
                    )
                elif old != mapped:
                    notes.append(f"{qid}: old values mapped to the options of {questionnaire.version}")
    return notes


def _drop_unknown(answers: Answers, questionnaire: Questionnaire) -> list[str]:
    notes = []
    known = {q.id for q in questionnaire.questions()}
    for qid in [k for k in answers.answers if k not in known]:
        del answers.answers[qid]
        notes.append(f"{qid} has no place in {questionnaire.version}; its answer was dropped")
    answers.questionnaire = questionnaire.ref
    return notes


def _gather_matrices(answers: Answers, questionnaire: Questionnaire, migration: Migration) -> list[str]:
    """Old answers that become one matrix answer (`into_matrix`), or a note saying why they could not.

    Rows: each old answer becomes a row's value, and every row must have one (a matrix of stages or
    options is answered in full, or asked again). Columns: each old multiple choice, its options mapped
    to rows through `values`, becomes the rows ticked in that column.
    """
    notes = []
    for qid, (kind, sources) in migration.into_matrix.items():
        question = questionnaire.question(qid)
        old = {
            part: answers.answers.pop(source) for part, source in sources.items() if source in answers.answers
        }
        if question is None or not old:
            continue
        mapping = migration.values.get(qid, {})
        if kind == "rows":
            cells = {row: _map_value(value, mapping) for row, value in old.items()}
            if any(isinstance(v, str) and v in SPECIAL_ANSWERS for v in cells.values()) or set(cells) != set(
                question.row_ids
            ):
                earlier = ", ".join(sources[p] for p in old)
                notes.append(f"{qid}: the earlier answers ({earlier}) leave rows empty; asked again")
                continue
            gathered: dict[str, Any] = {row: cells[row] for row in question.row_ids}
        else:
            gathered = {}
            for column, value in old.items():
                ticked = _map_value(value, mapping) if isinstance(value, list) else []
                for row in ticked:
                    if row in question.row_ids:
                        gathered.setdefault(row, []).append(column)
            order = question.column_ids
            gathered = {
                row: sorted(gathered[row], key=order.index) for row in question.row_ids if row in gathered
            }
        problem = value_problem(question, gathered)
        if problem:
            notes.append(
                f"{qid}: the earlier answers do not fit the new matrix ({problem}); it is asked again"
            )
            continue
        answers.answers[qid] = gathered
        notes.append(f"{qid}: gathered from {', '.join(sources[p] for p in old)}")
    return notes


def _map_value(value: Any, mapping: Mapping[str, str | None]) -> Any:
    if isinstance(value, list):
        mapped = [mapping.get(v, v) if v in mapping else v for v in value]
        return [v for v in dict.fromkeys(mapped) if v is not None]
    if isinstance(value, str) and value in mapping:
        return mapping[value]
    return value
