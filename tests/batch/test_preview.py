"""`readiness preview`: the questionnaire on paper, its conditions in words (or, failing that, as written)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.conditions import parse_condition
from readiness.preview import Words, build_preview
from readiness.questionnaire.registry import Registry
from tests.batch.conftest import pdf_text
from tests.conftest import Run


def words(expression: str, lang: str = "en") -> str:
    questionnaire = Registry.default().load("quickscan@1.0.0")
    kinds = {q.id: q.symbol_kind for q in questionnaire.questions()} | {
        "scores": "scores",
        "overall": "number",
    }
    from readiness.hubdocs.i18n import translations

    return Words(questionnaire, lang, translations(lang).gettext).condition(
        parse_condition(expression, kinds)
    )


STAGE = "‘How far has your most advanced AI application come?’"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("ai_stage >= 3", f"only if the answer to {STAGE} is 3 or more"),
        ("not (ai_stage >= 3)", f"only if the answer to {STAGE} is less than 3"),
        ('ai_plan in ["none", "ideas"]', "is one of ‘"),
        ('"vision" in ai_tools', "includes ‘"),
        ('not ("vision" in ai_tools and "speech" in ai_tools)', "does not include ‘"),
        ("personal_data", "is yes"),
        ('scores["data"] < 50', "only if the score for ‘Data’ is less than 50"),
        ("ai_plan != null", "is answered"),
    ],
)
def test_conditions_in_words(expression: str, expected: str) -> None:
    assert expected in words(expression)


def test_de_morgan_keeps_the_meaning_and_the_brackets() -> None:
    text = words('ai_stage < 3 and not ("vision" in ai_tools and "speech" in ai_tools)')
    assert text.count("(") == 1 and " or " in text.split("(", 1)[1]


def test_a_condition_without_plain_words_is_shown_as_written() -> None:
    assert words("ai_stage + 1 >= 3") == "only if: ai_stage + 1 >= 3"


def test_conditions_in_dutch() -> None:
    assert words("ai_stage >= 3", "nl").startswith("alleen als het antwoord op ‘")
    assert words("ai_stage >= 3", "nl").endswith("3 of meer is")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.default()


@pytest.mark.parametrize("qid", Registry.default().ids())
def test_every_questionnaire_previews_with_its_conditions_in_words(qid: str, registry: Registry) -> None:
    """All but those that loop over the AI systems (`[s for s in ai_systems if ...]`): shown as written."""
    questionnaire = registry.load(qid)
    preview = build_preview(questionnaire, "en", lambda text: text)
    assert preview.questions == sum(1 for _ in questionnaire.questions())
    conditions = [q.condition for s in preview.sections for q in s.questions]
    conditions += [f.condition for s in preview.sections for q in s.questions for f in q.fields]
    conditions += [c for _, c in preview.recommendations]
    assert not [c for c in conditions if c.startswith("only if:") and " for " not in c]


def test_one_sector_in_dutch(run: Run) -> None:
    result = run(["preview", "agri-food", "--lang", "nl", "--out", "vragenlijst.html"])
    assert result.exit_code == 0, result.output
    html = Path("vragenlijst.html").read_text(encoding="utf-8")
    assert "AI-gereedheid voor land- en tuinbouw" in html
    assert "Kies er één." in html and "alleen als het antwoord op" in html


def test_the_quick_scan_in_dutch_as_a_pdf(run: Run) -> None:
    result = run(["preview", "quickscan", "--lang", "nl", "--out", "vragenlijst.pdf"])
    assert result.exit_code == 0, result.output
    text = pdf_text(Path("vragenlijst.pdf"))
    assert "AI-quickscan" in text and "Omcirkel één getal van 0 tot 5." in text
    assert "Hoe de antwoorden worden gebruikt" in text


def test_a_language_the_questionnaire_is_not_written_in(run: Run) -> None:
    result = run(["preview", "quickscan", "--lang", "sv", "--out", "q.html"])
    assert result.exit_code == 2
    assert "does not speak 'sv'" in result.output and "--allow-incomplete-language" in result.output
