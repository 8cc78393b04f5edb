"""The interview, driven by a script: progress, back, skip, don't know, stop and resume, groups."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import yaml

from readiness.answers import Answers
from readiness.interview import Interview
from readiness.prompts import Nav, ScriptedPrompter
from readiness.questionnaire import Registry
from tests.conftest import Run

PROFILE = ["Bakkerij De Korenaar", "NL", "", "micro", "C10", "en"]
REST = [
    "ideas",
    "dont_know",
    ["digital", "owner"],
    True,
    True,
    "training",
    "2",
    3,
    ["vision"],
    "",
    ["uses"],
    ["none"],
]


def write_script(path: Path, items: list[Any]) -> Path:
    path.write_text(yaml.safe_dump([i.value if isinstance(i, Nav) else i for i in items]), encoding="utf-8")
    return path


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_scripted_interview_ends_in_a_complete_file_and_a_result(run: Run, tmp_path: Path) -> None:
    script = write_script(tmp_path / "s.yaml", PROFILE + REST)
    out = tmp_path / "bakery.answers.yaml"
    result = run(
        ["assess", "--questionnaire", "quickscan", "--answers", out, "--script", script, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    saved = load(out)
    assert saved["company"] == {
        "name": "Bakkerij De Korenaar",
        "country": "NL",
        "size": "micro",
        "nace": "C10",
        "language": "en",
    }
    assert saved["answers"]["ai_budget"] == "dont_know"
    assert saved["answers"]["ai_staff"] == 2
    assert saved["meta"]["complete"] is True
    assert json.loads(result.stdout)["company"]["name"] == "Bakkerij De Korenaar"


def test_back_changes_an_earlier_answer(run: Run, tmp_path: Path) -> None:
    script = write_script(
        tmp_path / "s.yaml", [*PROFILE, "none", True, ":back", ":back", "plan", False, *REST[2:]]
    )
    out = tmp_path / "a.answers.yaml"
    result = run(["assess", "--questionnaire", "quickscan", "--answers", out, "--script", script])
    assert result.exit_code == 0, result.output
    assert load(out)["answers"]["ai_plan"] == "plan"
    assert load(out)["answers"]["ai_budget"] is False


def test_stopping_keeps_every_answer_and_resume_continues_at_the_next_open_question(
    run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "a.answers.yaml"
    first = run(
        [
            "assess",
            "--questionnaire",
            "quickscan",
            "--answers",
            out,
            "--script",
            write_script(tmp_path / "1.yaml", [*PROFILE, "ideas", ":back", "plan", True]),
        ]
    )
    assert first.exit_code == 130
    assert "--resume" in first.stderr
    saved = load(out)
    assert saved["answers"] == {"ai_plan": "plan", "ai_budget": True}
    assert saved["meta"]["complete"] is False
    second = run(
        ["assess", "--answers", out, "--resume", "--script", write_script(tmp_path / "2.yaml", REST[2:])]
    )
    assert second.exit_code == 0, second.output
    assert load(out)["answers"]["data_practices"] == ["digital", "owner"]
    assert load(out)["meta"]["complete"] is True


def test_conditional_questions_appear_only_when_their_condition_holds(tmp_path: Path) -> None:
    questionnaire = Registry.default().load("quickscan")
    prompter = ScriptedPrompter([*PROFILE, "ideas", True, [], False, "training", "0", 0, "", ["none"]])
    answers = Answers(questionnaire.ref)
    assert Interview(questionnaire, answers, tmp_path / "a.yaml", prompter, "en", lambda: "now").run()
    assert "gdpr_basis" not in answers.answers
    assert "ai_tools" not in answers.answers
    assert "ai_act_situations" not in answers.answers  # asked only of a company that uses or builds AI
    assert not any("legal basis" in asked for asked in prompter.asked)
    assert any("question 1 of" in said for said in prompter.said)


def test_skipping_a_required_question_comes_back_to_it_at_the_end(tmp_path: Path) -> None:
    questionnaire = Registry.default().load("quickscan")
    script = [*PROFILE, ":skip", True, *REST[2:], "plan"]
    answers = Answers(questionnaire.ref)
    assert Interview(
        questionnaire, answers, tmp_path / "a.yaml", ScriptedPrompter(script), "en", lambda: "t"
    ).run()
    assert answers.answers["ai_plan"] == "plan"


def test_help_and_dutch_prompts(tmp_path: Path) -> None:
    questionnaire = Registry.default().load("quickscan")
    prompter = ScriptedPrompter([*PROFILE[:2]])
    with contextlib.suppress(KeyboardInterrupt):
        Interview(
            questionnaire, Answers(questionnaire.ref), tmp_path / "a.yaml", prompter, "nl", lambda: "t"
        ).run()
    assert prompter.asked[0] == "Wat is de naam van uw organisatie?\n  (typ :back, :skip, :help of :stop)"
    assert "Deel 1 van" in prompter.said[0]


def test_ai_systems_can_be_added_reviewed_and_removed(tmp_path: Path) -> None:
    questionnaire = Registry.default().load("quickscan")
    group = questionnaire.question("company_name")
    assert group is not None
    from readiness.questionnaire.build import build_question
    from readiness.questionnaire.model import Origin
    from readiness.yamlio import parse_yaml

    doc = parse_yaml(
        "id: ai_systems\ntype: group\nstore: ai_systems\ntext: {en: Systems}\nitem_label: {en: AI system}\n"
        "fields:\n  - {id: name, type: text, text: {en: Name}}\n"
        "  - {id: role, type: single, text: {en: Role}, options: [{id: provider, label: {en: P}}, "
        "{id: deployer, label: {en: D}}]}\n",
        tmp_path / "g.yaml",
    )
    question = build_question(doc.data, Origin(doc, ()), "profile")
    answers = Answers(questionnaire.ref)
    script = [
        ("add", -1),
        "Chatbot",
        "deployer",
        ("add", -1),
        "Scorer",
        "provider",
        ("remove", 0),
        ("done", -1),
    ]
    interview = Interview(
        questionnaire, answers, tmp_path / "a.yaml", ScriptedPrompter(script), "en", lambda: "t"
    )
    interview._ask_group(question)
    assert answers.ai_systems == [{"name": "Scorer", "role": "provider"}]
    assert load(tmp_path / "a.yaml")["ai_systems"] == [{"name": "Scorer", "role": "provider"}]
