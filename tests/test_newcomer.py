"""The interview and `assess` as a new user meets them: what they type is read the way they write it,
mistakes are explained with labels and examples, and nothing they did is lost."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.answers import Answers
from readiness.interview import Interview
from readiness.prompts import Choice, Nav, ScriptedPrompter
from readiness.questionnaire import Registry
from tests.conftest import EXAMPLES, FIXTURES, Run
from tests.test_interview import PROFILE, REST, load, write_script

REGISTRY = Registry.default()


class Recording(ScriptedPrompter):
    """A scripted prompter that also keeps every checkbox's choices."""

    def __init__(self, script: list[Any]) -> None:
        super().__init__(script)
        self.boxes: list[list[Choice]] = []

    def checkbox(self, message: str, choices: list[Choice], *args: Any, **kwargs: Any) -> Any:
        self.boxes.append(list(choices))
        # questionary returns a choice's title when its value is None: no choice may have that value.
        assert all(c.value is not None for c in [*choices, *kwargs.get("extras", ())])
        return super().checkbox(message, choices, *args, **kwargs)


def interview(script: list[Any], answers: Answers | None = None, lang: str = "en") -> tuple[Interview, Any]:
    questionnaire = REGISTRY.load("quickscan")
    prompter = Recording(script)
    session = Interview(
        questionnaire, answers or Answers(questionnaire.ref), Path("/dev/null"), prompter, lang, lambda: "t"
    )
    session.save = lambda: None  # type: ignore[method-assign]
    return session, prompter


def test_navigation_is_never_a_checkbox_and_help_keeps_the_answer() -> None:
    session, prompter = interview([*PROFILE, "ideas", True, ":help", ["digital", "owner"]])
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert prompter.boxes
    assert all(not isinstance(c.value, Nav) for box in prompter.boxes for c in box)
    assert session.answers.answers["data_practices"] == ["digital", "owner"]


def test_an_empty_required_multiple_choice_is_refused_with_the_label_to_tick() -> None:
    session, prompter = interview([*PROFILE, "ideas", True, [], ["none", "digital"], ["none"]])
    with pytest.raises(KeyboardInterrupt):
        session.run()
    said = "\n".join(prompter.said)
    assert "tick at least one option; if none applies, tick “None of these”" in said
    assert "'None of these' cannot be combined with other options" in said
    assert "'none'" not in said
    assert session.answers.answers["data_practices"] == ["none"]


def test_dutch_errors_speak_dutch_with_labels() -> None:
    session, prompter = interview([*PROFILE[:5], "nl", "ideas", True, []], lang="nl")
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert any("vink dan “Geen van deze” aan" in said for said in prompter.said)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("nl31", "NL31"), (" NL 35 ", "NL35"), ("NL3", "NL3")],
)
def test_a_region_code_is_read_in_any_case(typed: str, stored: str) -> None:
    session, _ = interview([PROFILE[0], "NL", typed])
    with pytest.raises(KeyboardInterrupt):
        session.run()
    assert session.answers.company["region"] == stored


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("Utrecht", "'Utrecht' does not have the expected form: two capital letters and up to three"),
        ("DE21", "DE21 is not a region of the Netherlands: its NUTS codes start with NL"),
    ],
)
def test_a_region_that_cannot_be_the_companys_is_explained(typed: str, problem: str) -> None:
    session, prompter = interview([PROFILE[0], "NL", typed])
    with pytest.raises(Exception, match="does not fit") as raised:
        session.run()
    assert problem in str(raised.value)
    assert "region" not in session.answers.company
    assert prompter.asked


def ask_date(typed: str, status: str = "in_use") -> Any:
    """Ask the AI system's first-use date of the manufacturing questionnaire, as the interview does."""
    questionnaire = REGISTRY.load("manufacturing")
    group = next(q for q in questionnaire.questions() if q.store == "ai_systems")
    date = next(f for f in group.fields if f.id == "placed_on_market")
    answers = Answers(questionnaire.ref, {"name": "X", "country": "NL", "size": "small"})
    session = Interview(questionnaire, answers, Path("/dev/null"), ScriptedPrompter([typed]), "en", str)
    return session._ask(date, None, {"status": status})


@pytest.mark.parametrize(
    ("typed", "stored"), [("15-03-2025", "2025-03-15"), ("2025-3-1", "2025-03-01"), ("1.2.2025", None)]
)
def test_dates_are_read_the_way_people_write_them(typed: str, stored: str | None) -> None:
    if stored is None:  # 1 February or 2 January: asked again rather than guessed
        with pytest.raises(Exception, match="could be 2025-02-01 or 2025-01-02"):
            ask_date(typed)
    else:
        assert ask_date(typed) == stored


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("03-04-2025", "“03-04-2025” could be 2025-04-03 or 2025-03-04; type the date as YYYY-MM-DD"),
        ("31-02-2025", "'31-02-2025' is not a date in the calendar"),
        ("2100-01-01", "2100-01-01 lies after today"),
        ("next year", "does not have the expected form: a date written as YYYY-MM-DD, e.g. 2025-03-01"),
    ],
)
def test_a_date_that_cannot_be_meant_is_refused(typed: str, problem: str) -> None:
    with pytest.raises(Exception, match="does not fit") as raised:
        ask_date(typed)
    assert problem in str(raised.value)


def test_a_planned_system_may_have_a_date_ahead() -> None:
    ahead = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    assert ask_date(ahead, status="in_development") == ahead


def test_the_interview_counts_questions_as_the_list_does(run: Run) -> None:
    session, prompter = interview([])
    with pytest.raises(KeyboardInterrupt):
        session.run()
    listed = {
        row["id"]: row["questions"]
        for row in yaml.safe_load(run(["questionnaires", "list", "--format", "json"]).stdout)
    }
    assert f"question 1 of {listed['quickscan']}" in prompter.said[0]


def test_a_script_answer_that_does_not_fit_names_the_question_and_saves_the_rest(
    run: Run, tmp_path: Path
) -> None:
    script = write_script(tmp_path / "s.yaml", [*PROFILE[:3], "enormous"])
    out = tmp_path / "a.answers.yaml"
    result = run(["assess", "--questionnaire", "quickscan", "--answers", out, "--script", script])
    assert result.exit_code == 2
    assert (
        "s.yaml item 4: 'enormous' does not fit the question “How large is your organisation?”"
        in result.stderr
    )
    assert "expected one of: micro, small, medium, small_mid_cap, large" in result.stderr
    assert "Traceback" not in result.output
    assert load(out)["company"]["country"] == "NL"


def test_resume_without_a_file_continues_the_latest_interview(run: Run, tmp_path: Path) -> None:
    first = write_script(tmp_path / "1.yaml", PROFILE[:2])
    assert run(["assess", "--questionnaire", "quickscan", "--script", first]).exit_code == 130
    saved = tmp_path / "reports" / "bakkerij-de-korenaar.answers.yaml"
    assert load(saved)["meta"]["complete"] is False
    assert "size" not in load(saved)["company"]  # stopped before the size: still resumable
    rest = write_script(tmp_path / "2.yaml", [*PROFILE[2:], *REST])
    result = run(["assess", "--resume", "--script", rest, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Resuming reports/bakkerij-de-korenaar.answers.yaml" in result.stderr
    assert load(saved)["meta"]["complete"] is True


def test_resume_with_nothing_to_resume_says_how_to_name_it(run: Run) -> None:
    result = run(["assess", "--resume"])
    assert result.exit_code == 2
    assert "no interview in progress in reports/: name its answers file with --answers FILE" in result.stderr


def test_a_mistyped_answers_path_says_the_file_does_not_exist(run: Run, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "quickscan.answers.yaml", tmp_path / "acme.answers.yaml")
    result = run(["assess", "--answers", "acme.answer.yaml"])
    assert result.exit_code == 2
    assert "acme.answer.yaml: no such file; did you mean acme.answers.yaml?" in result.stderr
    assert "no terminal" not in result.stderr


def test_upgrade_writes_the_migrated_answers_back_and_keeps_the_old_file(run: Run, tmp_path: Path) -> None:
    old = tmp_path / "old.answers.yaml"
    shutil.copy(FIXTURES / "manufacturing-1.0.0.answers.yaml", old)
    before = old.read_bytes()
    result = run(["assess", "--answers", old, "--upgrade", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert load(old)["questionnaire"] == "manufacturing@2.0.0"
    assert (tmp_path / "old.answers.yaml.bak").read_bytes() == before
    assert "the old version is kept in old.answers.yaml.bak" in result.stderr


def test_ctrl_c_before_the_first_answer_exits_130(run: Run, tmp_path: Path) -> None:
    # An empty script stops as Ctrl-C would, at the very first question (which questionnaire).
    result = run(["assess", "--script", write_script(tmp_path / "empty.yaml", [])])
    assert result.exit_code == 130
    assert "Aborted" not in result.output


def test_an_unknown_nace_code_says_which_codes_exist(run: Run, tmp_path: Path) -> None:
    result = run(["assess", "--nace", "Z99", "--script", write_script(tmp_path / "s.yaml", ["x"])])
    assert result.exit_code == 2
    assert "unknown NACE code 'Z99'" in result.stderr
    assert "section letter A-U" in result.stderr


def test_the_report_may_not_overwrite_the_answers(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "a.answers.yaml"
    shutil.copy(EXAMPLES / "quickscan.answers.yaml", answers)
    before = answers.read_bytes()
    for out in (answers, tmp_path / "a.answers.yaml"):
        result = run(["assess", "--answers", answers, "--out", out, "--format", "md"])
        assert result.exit_code == 2
        assert "is also an input of this run" in result.stderr
    assert answers.read_bytes() == before


def test_a_control_character_typed_or_pasted_is_refused_before_it_is_saved() -> None:
    session, _ = interview(["Evil\x1b[2J BV"])
    session.answers.company.pop("name", None)
    with pytest.raises(Exception, match=r"control character \(code 0x1b\)"):
        session.run()
    assert "name" not in session.answers.company
