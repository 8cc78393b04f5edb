"""The shipped content: every questionnaire validates, every example scores, sectors earn their keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.answers import load_answers
from readiness.directory import load_vocabulary
from readiness.questionnaire import Registry
from readiness.sectors import questionnaire_for_nace
from tests.conftest import EXAMPLES, FIXTURES, Run

REGISTRY = Registry.default()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.answers.yaml"))
SECTOR_EXAMPLES = [p for p in EXAMPLE_FILES if p.name.split(".")[0] not in ("quickscan", "general")]


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_every_example_scores_with_the_documented_json(run: Run, example: Path) -> None:
    result = run(["assess", "--answers", example, "--format", "json", "--as-of", "2026-11-27"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["readiness"]["score"] is not None
    assert data["readiness"]["level"]["id"]
    assert data["support"], "every company is pointed to some support"


@pytest.mark.parametrize("example", SECTOR_EXAMPLES, ids=[p.name for p in SECTOR_EXAMPLES])
def test_each_sector_example_gets_a_recommendation_of_its_own_sector(example: Path) -> None:
    import datetime as dt

    from readiness.assessment import run_assessment

    loaded = load_answers(example, REGISTRY)
    assessment = run_assessment(loaded.questionnaire, loaded.answers, dt.date(2026, 11, 27))
    own_file = loaded.questionnaire.origin.document.name
    chosen = [c.recommendation for c in assessment.readiness.recommendations]
    assert any(rec.origin.document.name == own_file for rec in chosen), [r.id for r in chosen]
    assert len(loaded.answers.ai_systems) >= 2


def test_examples_come_from_several_countries() -> None:
    countries = {load_answers(p, REGISTRY).answers.company["country"] for p in EXAMPLE_FILES}
    assert len(countries) >= 6


def test_every_country_offered_in_the_profile_is_known_to_the_directory() -> None:
    profile = REGISTRY.load("company")
    country = next(q for q in profile.questions() if q.store == "company.country")
    known = set(load_vocabulary().countries)
    assert set(country.option_ids) <= known


@pytest.mark.parametrize(
    ("nace", "expected"),
    [
        ("C28", "manufacturing"),
        ("C10.5", "agri-food"),
        ("A01", "agri-food"),
        ("Q86", "health"),
        ("K64", "finance"),
        ("G47", "retail"),
        ("H49", "transport"),
        ("D35", "energy"),
        ("E36", "energy"),
        ("O84", "public-sector"),
        ("M70", "general"),
    ],
)
def test_the_questionnaire_follows_the_nace_code(nace: str, expected: str) -> None:
    assert questionnaire_for_nace(REGISTRY, nace) == expected


def test_every_questionnaire_is_in_english_and_dutch(run: Run) -> None:
    rows = json.loads(run(["questionnaires", "list", "--format", "json"]).stdout)
    assert len(rows) >= 9
    assert all({"en", "nl"} <= set(r["languages"]) for r in rows)
    result = run(["validate", "--format", "json"])
    report = json.loads(result.stdout)
    assert report["problems"] == []
    assert all(share == 100.0 for langs in report["coverage"].values() for share in langs.values())


def test_manufacturing_answers_for_1_0_0_are_scored_under_1_1_0_with_nothing_lost() -> None:
    import datetime as dt

    from readiness.answers import migrate_answers
    from readiness.assessment import run_assessment
    from readiness.flow import missing_required

    old = load_answers(FIXTURES / "manufacturing-1.0.0.answers.yaml", REGISTRY)
    newer = REGISTRY.load("manufacturing@1.1.0")
    migrated, notes = migrate_answers(old.answers, newer, REGISTRY)
    kept = {newer.migration.renamed.get(k, k) for k in old.answers.answers} - set(newer.migration.removed)
    assert newer.migration is not None
    assert set(migrated.answers) == kept
    assert migrated.answers["mfg_production_data"] == "per_machine"
    assert "mfg_labelled_defects" not in migrated.answers
    assert any(n == "mfg_machine_data is now mfg_production_data" for n in notes)
    assert missing_required(newer, migrated) == []
    assert migrated.company == old.answers.company and migrated.ai_systems == old.answers.ai_systems
    result = run_assessment(newer, migrated, dt.date(2026, 11, 27))
    assert result.readiness.score is not None
