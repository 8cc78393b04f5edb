"""AI readiness means AI: the company of issue 13 with mature digital basics and no AI, the limit, and the
one rule for the AI use-case and stage questions that `validate` enforces."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.answers import load_answers
from readiness.questionnaire import Registry
from readiness.scoring import score_readiness
from tests.conftest import FIXTURES, Run

REGISTRY = Registry.default()
NO_AI = FIXTURES / "no-ai-manufacturer.answers.yaml"
CONSIDERING = FIXTURES / "considering-manufacturer.answers.yaml"
CONSIDERING_TICKED = FIXTURES / "considering-ticked-manufacturer.answers.yaml"


def result(path: Path):  # type: ignore[no-untyped-def]
    loaded = load_answers(path, REGISTRY)
    return score_readiness(loaded.questionnaire, loaded.answers)


def sector(path: Path) -> float | None:
    return next(d.score for d in result(path).dimensions if d.dimension.id == "sector_practice")


def test_the_no_ai_company_with_mature_basics_lands_below_advanced() -> None:
    scored = result(NO_AI)
    assert scored.level is not None and scored.level.id == "moderately_advanced"
    assert scored.score == 75.0
    (applied,) = scored.limits
    assert applied.limit.id == "no_ai_in_use" and applied.uncapped >= 76
    assert scored.ai_stage == 0


def test_considering_ai_scores_above_no_ai_on_sector_practice() -> None:
    no_ai = sector(NO_AI)
    assert no_ai is not None
    assert (sector(CONSIDERING) or 0) > no_ai
    assert (sector(CONSIDERING_TICKED) or 0) > no_ai


def test_a_prototype_lifts_the_limit() -> None:
    loaded = load_answers(NO_AI, REGISTRY)
    loaded.answers.answers["mfg_stage"] = 2
    scored = score_readiness(loaded.questionnaire, loaded.answers)
    assert scored.limits == () and scored.score is not None and scored.score > 75
    assert scored.level is not None and scored.level.id == "advanced"


def test_the_stage_question_is_asked_of_everyone_and_none_is_its_lowest_answer() -> None:
    for qid in (
        "manufacturing",
        "health",
        "finance",
        "agri-food",
        "energy",
        "retail",
        "transport",
        "general",
    ):
        questionnaire = REGISTRY.load(f"{qid}@2.0.0")
        stage = [q for q in questionnaire.questions() if q.measures == "ai_stage"]
        uses = [q for q in questionnaire.questions() if q.measures == "ai_use_cases"]
        assert len(stage) == len(uses) == 1, qid
        assert stage[0].when_text is None and stage[0].scale_min == 0
        assert stage[0].weight == 2 * uses[0].weight and uses[0].max_score is None


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("mfg_stage", "weight: 2", "weight: 1"), "weighs 2 times the use-case question"),
        (
            (
                "mfg_stage",
                "        measures: ai_stage\n",
                "        measures: ai_stage\n        when: mfg_use_cases != null\n",
            ),
            "must be asked of everyone",
        ),
        (
            (
                "mfg_use_cases",
                "        measures: ai_use_cases\n",
                "        measures: ai_use_cases\n        max_score: 3\n",
            ),
            "caps at 3",
        ),
    ],
    ids=["weights", "hidden-stage", "capped-use-cases"],
)
def test_validate_enforces_the_rule(
    run: Run, tmp_path: Path, edit: tuple[str, str, str], message: str
) -> None:
    """A copy of the manufacturing questionnaire that breaks the rule is refused with the reason."""
    source = Path("questionnaires/manufacturing/2.0.0.yaml")
    root = Path(__file__).resolve().parent.parent
    text = (root / source).read_text(encoding="utf-8")
    question, old, new = edit
    start = text.index(f"      - id: {question}\n")
    end = text.index("      - id: ", start + 10)
    block = text[start:end]
    assert old in block
    text = text[:start] + block.replace(old, new, 1) + text[end:]
    folder = tmp_path / "mine" / "manufacturing"
    folder.mkdir(parents=True)
    (folder / "2.0.0.yaml").write_text(text, encoding="utf-8")
    outcome = run(["validate", folder / "2.0.0.yaml", "--questionnaires", tmp_path / "mine"])
    assert outcome.exit_code == 1, outcome.output
    assert message in outcome.output
