"""The answers file: bad files are refused with their place and left untouched; migrations carry answers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from readiness.answers import Answers, migrate_answers
from readiness.questionnaire import Registry
from tests.conftest import EXAMPLES, Run

GOOD = (EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("ai_staff: 1", "ai_staff: many"), "ai_staff: expected a number, found 'many'"),
        (("ai_plan: ideas", "ai_plan: idea"), "'idea' is not an option (did you mean 'ideas'?)"),
        (
            ("ai_plan: ideas", "ai_plann: ideas"),
            "unknown question 'ai_plann' in quickscan@2.0.0 (fix: did you mean 'ai_plan'?)",
        ),
        (("ai_stage: 2", "ai_stage: 9"), "expected a whole number from 0 to 5"),
        (("gdpr_basis: true", "gdpr_basis: not_applicable"), "this question does not offer not_applicable"),
        (
            ("quickscan@2.0.0", "quickscan@7.0.0"),
            "questionnaire 'quickscan' has no version 7.0.0; available: 1.0.0, 2.0.0",
        ),
        (("quickscan@2.0.0", "bakery@1.0.0"), "unknown questionnaire 'bakery'; available:"),
        (
            ("  country: NL", "  country: Netherlands"),
            "does not have the expected form (fix: an ISO 3166-1 alpha-2 code",
        ),
        (("  size: small", "  size: tiny"), "'tiny' is not one of the allowed values"),
        (("  ai_plan: ideas", "  ai_plan: [ideas"), "bad.answers.yaml:13:"),
        (("answers:\n", "answers:\n  - broken\n"), "bad indentation or a stray colon"),
    ],
)
def test_bad_answers_files_are_refused_and_left_untouched(
    run: Run, tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    path = tmp_path / "bad.answers.yaml"
    text = GOOD.replace(*change)
    assert text != GOOD
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = run(["assess", "--answers", path, "--format", "json"])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert result.stderr.startswith("bad.answers.yaml:")
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_example_scores_to_the_documented_json_identically_twice(run: Run) -> None:
    args = [
        "assess",
        "--answers",
        EXAMPLES / "quickscan.answers.yaml",
        "--format",
        "json",
        "--as-of",
        "2026-11-27",
    ]
    first, second = run(args), run(args)
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    result = json.loads(first.stdout)
    assert set(result) >= {"questionnaire", "company", "as_of", "readiness", "ai_act", "support"}
    assert result["questionnaire"] == {
        "id": "quickscan",
        "version": "2.0.0",
        "title": "AI quick scan",
        "content_hash": result["questionnaire"]["content_hash"],
    }
    readiness = result["readiness"]
    assert set(readiness) >= {"score", "confidence", "level", "dimensions", "gaps", "recommendations"}
    assert readiness["level"]["id"] == "average"
    assert [d["id"] for d in readiness["dimensions"]] == ["strategy", "data", "people", "adoption"]
    assert readiness["recommendations"][0]["because"]


def test_an_incomplete_file_without_a_terminal_lists_what_is_missing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "open.answers.yaml"
    path.write_text(GOOD.replace("  ai_plan: ideas\n", "").replace("  ai_stage: 2\n", ""), encoding="utf-8")
    result = run(["assess", "--answers", path])
    assert result.exit_code == 1
    assert "ai_plan: Which statement best describes your plans for AI?" in result.stderr
    assert "ai_stage: How far has your most advanced AI application come?" in result.stderr
    assert "--resume" in result.stderr


def test_dutch_output_uses_the_questionnaire_translations(run: Run) -> None:
    result = run(
        ["assess", "--answers", EXAMPLES / "quickscan.answers.yaml", "--format", "json", "--lang", "nl"]
    )
    data = json.loads(result.stdout)
    assert data["readiness"]["level"]["label"] == "Gemiddeld"
    assert "geen juridisch advies" in data["notice"]


def test_migration_renames_removes_and_maps_values(tmp_path: Path) -> None:
    root = tmp_path / "qs"
    shutil.copytree(Path(__file__).parent.parent / "questionnaires" / "quickscan", root / "quickscan")
    newer = (root / "quickscan" / "1.0.0.yaml").read_text(encoding="utf-8")
    newer = newer.replace("version: 1.0.0", "version: 1.1.0", 1).replace("id: ai_plan\n", "id: ai_strategy\n")
    newer = newer.replace('ai_plan in ["none", "ideas"]', 'ai_strategy in ["none", "ideas"]')
    newer = newer.replace("          - id: reviewed\n", "          - id: strategic\n")
    newer += (
        "migrations:\n  from: [1.0.0]\n  renamed: {ai_plan: ai_strategy}\n"
        "  values: {ai_strategy: {reviewed: strategic}}\n"
    )
    (root / "quickscan" / "1.1.0.yaml").write_text(newer, encoding="utf-8")
    registry = Registry.default((root,))
    old = Answers(
        "quickscan@1.0.0",
        {"name": "X", "country": "NL", "size": "micro"},
        {"ai_plan": "reviewed", "ai_stage": 2},
    )
    migrated, notes = migrate_answers(old, registry.load("quickscan@1.1.0"), registry)
    assert migrated.questionnaire == "quickscan@1.1.0"
    assert migrated.answers == {"ai_strategy": "strategic", "ai_stage": 2}
    assert "ai_plan is now ai_strategy" in notes
