"""Answers to the 1.0.0 DMA modules carried into 2.0.0: what carries over, and a note for what cannot."""

from __future__ import annotations

from readiness.answers import load_answers, migrate_answers, value_problem
from readiness.flow import missing_required
from readiness.questionnaire import Registry
from tests.conftest import FIXTURES

REGISTRY = Registry.default()


def migrated(name: str, target: str):  # type: ignore[no-untyped-def]
    loaded = load_answers(FIXTURES / name, REGISTRY)
    questionnaire = REGISTRY.load(target)
    answers, notes = migrate_answers(loaded.answers, questionnaire, REGISTRY)
    for question in questionnaire.questions():
        value = answers.value(question)
        if value is not None:
            assert value_problem(question, value) is None, (question.id, value)
    return loaded.answers, answers, notes, questionnaire


def test_sme_investments_and_ai_rows_are_gathered_into_their_matrices() -> None:
    old, new, notes, questionnaire = migrated("manufacturing-1.0.0.answers.yaml", "manufacturing@2.0.0")
    before = old.answers
    matrix = new.answers["ds_investments"]
    invested = {row for row, columns in matrix.items() if "invested" in columns}
    planned = {row for row, columns in matrix.items() if "planned" in columns}
    rename = {"security_privacy": "security_compliance"}
    assert invested == {rename.get(a, a) for a in before["ds_invested_areas"]} - {"logistics", "none"}
    assert planned == {rename.get(a, a) for a in before["ds_planned_areas"]} - {"logistics", "none"}
    assert all(columns == sorted(columns, key=["planned", "invested"].index) for columns in matrix.values())
    assert new.answers["aa_technologies"] == {
        "language": before["aa_language"],
        "vision": before["aa_vision"],
        "speech": before["aa_speech"],
        "robotics": before["aa_robotics"],
        "analytics": before["aa_analytics"],
    }
    assert "ds_investments: gathered from ds_invested_areas, ds_planned_areas" in notes
    for gone in ("dr_advanced_stage", "aa_generative", "gr_green_choices"):
        assert f"{gone} was removed in 2.0.0; its answer was dropped" in notes
    # What could not carry is asked again: the advanced-technology matrix and the environmental items.
    assert {q.id for q in missing_required(questionnaire, new)} >= {"dr_advanced", "gr_environment"}


def test_public_sector_answers_carry_over_where_the_items_match() -> None:
    _old, new, notes, questionnaire = migrated("public-sector-1.0.0.answers.yaml", "public-sector@2.0.0")
    assert "pso_ds_governance is now pso_ds_preparedness" in notes
    assert set(new.answers["pso_ds_preparedness"]) == {"needs_aligned", "risks"}
    assert new.answers["pso_ds_investments"] == {
        "internal_operations": ["invested"],
        "public_services": ["invested"],
    }
    assert new.answers["pso_io_practices"] == {
        "open_specifications": ["implemented"],
        "visibility_interfaces": ["implemented"],
        "reuse_share": ["implemented"],
    }
    assert any(n.startswith("pso_dm_security: dropped security_officer, mfa") for n in notes)
    assert {q.id for q in missing_required(questionnaire, new)} >= {"pso_dr_tech", "pso_dr_advanced"}


def test_a_step_that_keeps_the_module_version_does_not_run_its_migration_again() -> None:
    """manufacturing 1.0.0 -> 1.1.0 keeps dma-sme 1.0.0: its 2.0.0 migration waits for the 2.0.0 step."""
    loaded = load_answers(FIXTURES / "manufacturing-1.0.0.answers.yaml", REGISTRY)
    answers, notes = migrate_answers(loaded.answers, REGISTRY.load("manufacturing@1.1.0"), REGISTRY)
    assert "ds_invested_areas" in answers.answers and "ds_investments" not in answers.answers
    assert not any("gathered" in note for note in notes)
