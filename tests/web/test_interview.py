"""The interview in the browser: the same answers file as the terminal's, saved on every answer."""

from __future__ import annotations

import threading
from pathlib import Path

import yaml

from readiness.answers import load_answers
from readiness.questionnaire.registry import Registry
from tests.conftest import Run
from tests.web.conftest import QUICKSCAN, Browser, answer_quickscan


def saved(browser: Browser, ref: str) -> dict:
    return yaml.safe_load((browser.workspace / ref).read_text(encoding="utf-8"))


def test_a_new_interview_is_an_answers_file_in_reports_and_starts_at_the_first_open_question(
    browser: Browser,
) -> None:
    ref = browser.start("Müller & Söhne GmbH")
    assert ref == "reports/muller-sohne-gmbh.answers.yaml"
    data = saved(browser, ref)
    assert data["questionnaire"] == "quickscan@2.0.0"
    assert data["company"] == {"name": "Müller & Söhne GmbH"}
    assert data["meta"]["complete"] is False
    response = browser.get(f"/a/{ref}/next")
    assert response.headers["location"] == f"/a/{ref}/q/company_country"


def test_the_same_name_twice_gets_a_second_file_never_the_first_overwritten(browser: Browser) -> None:
    first = browser.start("Acme")
    second = browser.start("Acme")
    assert (first, second) == ("reports/acme.answers.yaml", "reports/acme-2.answers.yaml")


def test_the_nace_code_chooses_the_questionnaire_and_is_kept(browser: Browser) -> None:
    response = browser.post(
        "/new", {"name": "Staalbouw", "questionnaire": "by-nace", "nace": "c28", "lang": "nl"}
    )
    assert response.status_code == 303
    data = saved(browser, "reports/staalbouw.answers.yaml")
    assert data["questionnaire"].startswith("manufacturing@")
    assert data["company"]["nace"] == "C28"
    assert "readiness_lang=nl" in response.headers["set-cookie"]


def test_a_start_without_a_name_or_a_questionnaire_says_what_is_missing(browser: Browser) -> None:
    response = browser.post("/new", {"name": "", "questionnaire": "", "nace": "XX9", "lang": "en"})
    assert response.status_code == 400
    assert "Write the name of the organisation." in response.text
    assert "Write a NACE code such as C28" in response.text
    assert not (browser.workspace / "reports").exists() or not list((browser.workspace / "reports").iterdir())


def test_a_whole_interview_gives_a_complete_file_the_terminal_reads(
    browser: Browser, registry: Registry
) -> None:
    ref = browser.start()
    answer_quickscan(browser, ref)
    data = saved(browser, ref)
    assert data["meta"]["complete"] is True
    assert data["company"] == {
        "name": "Bakkerij De Korenaar",
        "country": "NL",
        "size": "micro",
        "nace": "C10",
        "language": "en",
    }
    assert data["answers"]["ai_budget"] == "dont_know"
    assert data["answers"]["data_practices"] == ["digital", "owner"]
    assert data["answers"]["ai_staff"] == 2
    assert data["answers"]["ai_stage"] == 3
    assert "ai_notes" not in data["answers"]
    loaded = load_answers(browser.workspace / ref, registry)
    assert loaded.answers.meta["complete"] is True
    assert browser.get(f"/a/{ref}/finish").headers["location"] == f"/a/{ref}/result"


def test_a_file_started_in_the_browser_continues_in_the_terminal(browser: Browser, run: Run) -> None:
    ref = browser.start("Acme")
    for qid, value in QUICKSCAN[1:4]:
        browser.answer(ref, qid, value, action="save" if value else "skip")
    path = browser.workspace / ref
    script = path.parent / "rest.yaml"
    script.write_text(
        yaml.safe_dump(
            [
                *["C10", "en", "ideas", True, ["digital"], False, "training", "2", 3, ["vision"], ""],
                *[["uses"], ["none"]],
            ]
        )
    )
    result = run(["assess", "--answers", path, "--resume", "--script", script, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert saved(browser, ref)["meta"]["complete"] is True


def test_a_file_started_in_the_terminal_continues_in_the_browser(browser: Browser, run: Run) -> None:
    path = browser.workspace / "reports" / "acme.answers.yaml"
    path.parent.mkdir(parents=True)
    script = path.parent / "start.yaml"
    script.write_text(yaml.safe_dump(["Acme", "NL", "", "micro"]))
    assert (
        run(["assess", "--questionnaire", "quickscan", "--answers", path, "--script", script]).exit_code
        == 130
    )
    ref = "reports/acme.answers.yaml"
    assert browser.get(f"/a/{ref}/next").headers["location"] == f"/a/{ref}/q/company_nace"
    page = browser.get("/")
    assert "Acme" in page.text and f"/a/{ref}/next" in page.text


def test_each_answer_is_saved_at_once_and_the_page_says_where_the_interview_stands(browser: Browser) -> None:
    ref = browser.start()
    response = browser.answer(ref, "company_country", "NL")
    assert response.headers["location"] == f"/a/{ref}/q/company_region"
    assert saved(browser, ref)["company"]["country"] == "NL"
    assert saved(browser, ref)["meta"]["position"] == "company_region"
    page = browser.get(f"/a/{ref}/q/company_size")
    assert "question 4 of 18" in page.text
    assert "minutes left" in page.text
    assert f'href="/a/{ref}/q/company_region"' in page.text  # back


def test_going_back_shows_the_answer_given_and_changing_it_is_saved(browser: Browser) -> None:
    ref = browser.start()
    browser.answer(ref, "company_country", "NL")
    page = browser.get(f"/a/{ref}/q/company_country")
    assert 'value="NL" checked' in page.text
    browser.answer(ref, "company_country", "BE")
    assert saved(browser, ref)["company"]["country"] == "BE"


def test_a_wrong_answer_is_refused_with_its_reason_and_nothing_is_saved(browser: Browser) -> None:
    ref = browser.start()
    response = browser.answer(ref, "company_nace", "NL")
    assert response.status_code == 400
    assert "Write a section letter A-U" in response.text
    assert 'aria-invalid="true"' in response.text and 'value="NL"' in response.text
    assert "nace" not in saved(browser, ref)["company"]
    response = browser.answer(ref, "ai_staff", "-3")
    assert response.status_code == 400 and "at least 0" in response.text
    response = browser.answer(ref, "ai_staff", "two")
    assert response.status_code == 400 and "Write a number" in response.text
    response = browser.answer(ref, "company_country", "XX")
    assert response.status_code == 400


def test_a_required_question_needs_an_answer_or_a_skip(browser: Browser) -> None:
    ref = browser.start()
    response = browser.answer(ref, "company_country")
    assert response.status_code == 400
    assert "needs an answer" in response.text
    response = browser.answer(ref, "company_country", action="skip")
    assert response.status_code == 303
    assert saved(browser, ref)["meta"]["skipped"] == ["company_country"]
    assert browser.get(f"/a/{ref}/next").headers["location"] == f"/a/{ref}/q/company_region"


def test_dont_know_only_where_the_question_offers_it(browser: Browser) -> None:
    ref = browser.start()
    assert browser.answer(ref, "ai_budget", action="dont_know").status_code == 303
    assert saved(browser, ref)["answers"]["ai_budget"] == "dont_know"
    assert browser.answer(ref, "company_size", action="dont_know").status_code == 400
    assert 'value="dont_know"' in browser.get(f"/a/{ref}/q/ai_budget").text
    assert 'value="dont_know"' not in browser.get(f"/a/{ref}/q/company_size").text


def test_an_exclusive_option_cannot_be_ticked_with_others(browser: Browser) -> None:
    ref = browser.start()
    response = browser.client.post(
        f"/a/{ref}/q/data_practices",
        data={"csrf": browser.csrf, "action": "save", "value": ["digital", "none"]},
    )
    assert response.status_code == 400
    assert "cannot be combined" in response.text


def test_a_question_whose_condition_does_not_hold_is_not_shown(browser: Browser) -> None:
    ref = browser.start()
    browser.answer(ref, "personal_data", "false")
    assert browser.get(f"/a/{ref}/q/gdpr_basis").headers["location"] == f"/a/{ref}/next"
    response = browser.answer(ref, "gdpr_basis", "true")
    assert response.status_code == 303
    assert "gdpr_basis" not in saved(browser, ref)["answers"]


def test_open_required_questions_are_listed_at_the_end_with_links(browser: Browser) -> None:
    ref = browser.start()
    response = browser.answer(ref, "ai_act_use", action="skip")
    assert response.headers["location"] == f"/a/{ref}/finish"
    page = browser.get(f"/a/{ref}/finish")
    assert "required questions still need an answer" in page.text
    assert f"/a/{ref}/q/company_country?then=finish" in page.text
    assert saved(browser, ref)["meta"]["complete"] is False
    assert browser.get(f"/a/{ref}/result").headers["location"] == f"/a/{ref}/finish"


def test_two_tabs_answering_at_once_lose_no_answer(browser: Browser) -> None:
    ref = browser.start()
    answers = [(qid, value) for qid, value in QUICKSCAN if isinstance(value, str) and value != "dont_know"]
    errors: list[object] = []

    def post(qid: str, value: str) -> None:
        try:
            assert browser.answer(ref, qid, value).status_code == 303
        except Exception as exc:  # collected: an assertion in a thread is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=post, args=pair) for pair in answers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    data = saved(browser, ref)
    assert data["company"]["size"] == "micro" and data["company"]["nace"] == "C10"
    assert data["answers"]["ai_plan"] == "ideas" and data["answers"]["ai_literacy"] == "training"


def test_a_broken_answers_file_shows_its_problems_with_their_places(browser: Browser) -> None:
    folder = browser.workspace / "reports"
    folder.mkdir()
    (folder / "broken.answers.yaml").write_text("questionnaire: quickscan@2.0.0\ncompany: [1, 2\n")
    response = browser.get("/a/reports/broken.answers.yaml/next")
    assert response.status_code == 422
    assert "broken.answers.yaml:3:1" in response.text or "broken.answers.yaml:2" in response.text


def test_the_pages_are_in_dutch_for_a_dutch_reader(browser: Browser) -> None:
    ref = browser.start()
    browser.client.cookies.set("readiness_lang", "nl")
    page = browser.get(f"/a/{ref}/q/company_size")
    assert '<html lang="nl">' in page.text
    assert "Hoe groot is uw organisatie?" in page.text
    assert "Opslaan en verder" in page.text
    page = browser.get(f"/a/{ref}/q/company_size", headers={"accept-language": "nl-NL,nl;q=0.9"})
    assert "Opslaan en verder" in page.text


def test_the_language_switch_remembers_the_choice_and_returns(browser: Browser) -> None:
    response = browser.get("/language/nl?next=/clients")
    assert response.headers["location"] == "/clients"
    assert "readiness_lang=nl" in response.headers["set-cookie"]
    assert browser.get("/language/nl?next=https://example.org/").headers["location"] == "/"
    assert browser.get("/language/nl?next=//example.org/").headers["location"] == "/"


def test_unanswered_files_are_listed_to_resume(browser: Browser, tmp_path: Path) -> None:
    ref = browser.start("Acme")
    done = browser.start("Bakkerij De Korenaar")
    answer_quickscan(browser, done)
    page = browser.get("/")
    assert f"/a/{ref}/next" in page.text
    assert f"/a/{done}/result" in page.text
