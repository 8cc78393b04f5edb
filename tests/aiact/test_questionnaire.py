"""The AI Act questions (questionnaires/ai-act): they never lead toward a risk class, and ask what matters.

No yes/no or single-choice question starts with an answer chosen for the user, so pressing Enter never says
"yes" to a safety component, profiling, a public body or a changed purpose; a question that depends on an
earlier answer carries a `when:` on it; and every field is a register field, so the answers are a register.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from readiness.aiact.register import system_fields
from readiness.answers import Answers
from readiness.interview import Interview
from readiness.prompts import Choice, Nav, ScriptedPrompter
from readiness.questionnaire import Registry
from readiness.questionnaire.model import Question, Questionnaire

# field -> the earlier field its `when:` must read, because the question only matters after that answer.
DEPENDS_ON = {
    "infers": "is_ai_system",
    "autonomy": "is_ai_system",
    "influences": "is_ai_system",
    "outside_definition": "is_ai_system",
    "placed_on_market": "status",
    "safety_component": "annex_i",
    "third_party_conformity_assessment": "safety_component",
    "derogation": "annex_iii",
    "profiling": "annex_iii",
    "public_service": "annex_iii",
    "public_authority": "annex_iii",
    "annex_x": "public_authority",
    "own_name_or_trademark": "role",
    "substantial_modification": "status",
    "changed_intended_purpose": "status",
}


class RecordingPrompter(ScriptedPrompter):
    """A scripted prompter that also records where the cursor starts on every choice question."""

    def __init__(self, script: list[Any]) -> None:
        super().__init__(script)
        self.starts: list[tuple[str, Any, list[Any]]] = []

    def select(
        self,
        message: str,
        choices: list[Choice],
        default: Any = None,
        extras: Iterable[Choice] = (),
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        self.starts.append((message, default, [c.value for c in choices if not isinstance(c.value, Nav)]))
        return super().select(message, choices, default, extras, hints)


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return Registry.default().load("general@2.0.0")


@pytest.fixture(scope="module")
def group(questionnaire: Questionnaire) -> Question:
    return next(q for q in questionnaire.questions() if q.store == "ai_systems")


def _entry(
    questionnaire: Questionnaire, group: Question, script: list[Any], tmp_path: Path
) -> RecordingPrompter:
    prompter = RecordingPrompter(script)
    interview = Interview(
        questionnaire, Answers(questionnaire.ref), tmp_path / "a.yaml", prompter, "en", lambda: "t"
    )
    assert interview._ask_entry(group, {}) is not None
    return prompter


def _texts(group: Question, ids: Iterable[str]) -> dict[str, str]:
    return {field.id: field.text["en"] for field in group.fields if field.id in ids}


SCREENING = [
    "Screening",
    ["deployer"],
    True,  # in_eu
    "unsure",
    True,  # infers
    True,  # autonomy
    True,  # influences
    "none",  # outside_definition
    "in_use",
    ":skip",  # placed_on_market
    "none",  # exclusion
    False,  # open_source
    "none",  # gpai
    [],  # practices
    [],  # annex_i
    ["4a"],  # annex_iii
    [],  # derogation
    True,  # profiling
    [],  # transparency
    False,  # public_service
    False,  # public_authority
    False,  # own_name_or_trademark
    False,  # substantial_modification
    False,  # changed_intended_purpose
]


def test_no_choice_question_starts_on_an_answer(
    questionnaire: Questionnaire, group: Question, tmp_path: Path
) -> None:
    prompter = _entry(questionnaire, group, list(SCREENING), tmp_path)
    assert not prompter.script, "the whole entry was asked"
    yes_no = [start for start in prompter.starts if start[2] == [True, False]]
    assert len(yes_no) >= 8
    for message, default, answers in prompter.starts:
        # None would leave the cursor on the first choice, which is an answer ("yes" for a yes/no question).
        assert default is not None, f"'{message}' starts on its first answer"
        assert default not in answers, f"'{message}' starts on the answer {default!r}"


def test_the_safety_component_question_is_asked_only_for_a_regulated_product(
    questionnaire: Questionnaire, group: Question, tmp_path: Path
) -> None:
    texts = _texts(group, ["safety_component", "third_party_conformity_assessment", "annex_x"])
    plain = _entry(questionnaire, group, list(SCREENING), tmp_path)
    for text in texts.values():
        assert not any(asked.startswith(text) for asked in plain.asked), text

    with_product = list(SCREENING)
    at = with_product.index([])  # practices
    with_product[at + 1 : at + 2] = [["machinery"], True, True]  # annex_i, safety_component, third party
    asked = _entry(questionnaire, group, with_product, tmp_path).asked
    assert any(a.startswith(texts["safety_component"]) for a in asked)
    assert any(a.startswith(texts["third_party_conformity_assessment"]) for a in asked)


def test_every_question_that_depends_on_an_earlier_one_says_so(group: Question) -> None:
    fields = {field.id: field for field in group.fields}
    for field_id, earlier in DEPENDS_ON.items():
        when = fields[field_id].when_text or ""
        assert earlier in when, f"{field_id} must be asked only after {earlier} (when: {when!r})"


def test_every_field_is_a_register_field(group: Question) -> None:
    register = set(system_fields())
    assert {field.id for field in group.fields} <= register


def test_yes_no_fields_default_to_no_in_the_register(group: Question) -> None:
    """A yes/no question left unanswered, or hidden, reads as "no" (or "not known"), never as "yes"."""
    fields = system_fields()
    for field in group.fields:
        if field.type == "yes_no" and field.id != "in_eu":
            assert fields[field.id].get("default", False) is False, field.id


def test_a_role_saved_as_one_value_is_read_as_one_choice(group: Question) -> None:
    """Answers files of 1.0.0 hold the role as one value; the report and the interview read it as one role."""
    from readiness.report.answers import answer_row

    role = next(field for field in group.fields if field.id == "role")
    row = answer_row(role, "provider", "en")
    assert row is not None and len(row.labels) == 1
    assert row.labels[0].endswith("(provider)")
