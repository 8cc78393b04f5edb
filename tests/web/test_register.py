"""The AI system register in the browser: a form per system, conditions that add fields, checks."""

from __future__ import annotations

from typing import Any

import yaml

from tests.web.conftest import Browser, copy_example


def systems(browser: Browser, ref: str) -> list[dict[str, Any]]:
    return list(yaml.safe_load((browser.workspace / ref).read_text())["ai_systems"] or [])


def as_stored(browser: Browser, ref: str, field: str, option: str) -> Any:
    """An option as the register stores it: alone for a single choice, in a list for a multiple one."""
    registry = browser.client.app.state.services.registry  # type: ignore[attr-defined]
    questionnaire = registry.load(yaml.safe_load((browser.workspace / ref).read_text())["questionnaire"])
    group = questionnaire.question("ai_systems")
    kind = next(f.type for f in group.fields if f.id == field)
    return [option] if kind == "multi" else option


def save_entry(browser: Browser, ref: str, index: str, fields: dict[str, Any], shown: list[str]) -> Any:
    data = {"csrf": browser.csrf, "action": "save", "shown": shown}
    data.update({f"f.{key}": value for key, value in fields.items()})
    return browser.client.post(f"/a/{ref}/q/ai_systems/entry/{index}", data=data)


BASIC = ["name", "role", "in_eu", "is_ai_system", "status", "placed_on_market", "exclusion", "open_source"]


def test_an_ai_system_is_added_with_its_own_form(browser: Browser) -> None:
    ref = browser.start("Acme", questionnaire="general")
    page = browser.get(f"/a/{ref}/q/ai_systems")
    assert "No entries yet" in page.text and f"/a/{ref}/q/ai_systems/entry/new" in page.text
    form = browser.get(f"/a/{ref}/q/ai_systems/entry/new")
    assert 'name="f.name"' in form.text and 'name="f.role"' in form.text
    response = save_entry(browser, ref, "new", {"name": "Chatbot", "role": "deployer"}, ["name", "role"])
    assert response.status_code == 303
    assert systems(browser, ref) == [{"name": "Chatbot", "role": as_stored(browser, ref, "role", "deployer")}]
    assert "ai_systems" in yaml.safe_load((browser.workspace / ref).read_text())["meta"]["answered"]


def test_an_entry_needs_the_fields_the_register_requires(browser: Browser) -> None:
    ref = browser.start("Acme", questionnaire="general")
    response = save_entry(browser, ref, "new", {"name": "Chatbot"}, ["name", "role"])
    assert response.status_code == 400
    assert "Answer this question to save the entry." in response.text
    assert 'value="Chatbot"' in response.text
    assert "ai_systems" not in yaml.safe_load((browser.workspace / ref).read_text())


def test_two_systems_cannot_share_a_name(browser: Browser) -> None:
    ref = browser.start("Acme", questionnaire="general")
    save_entry(browser, ref, "new", {"name": "Chatbot", "role": "deployer"}, ["name", "role"])
    response = save_entry(browser, ref, "new", {"name": "Chatbot", "role": "provider"}, ["name", "role"])
    assert response.status_code == 400 and "already has this name" in response.text
    assert len(systems(browser, ref)) == 1


def test_an_answer_that_makes_more_questions_apply_saves_and_shows_them_marked(browser: Browser) -> None:
    ref = browser.start("Acme", questionnaire="general")
    response = save_entry(browser, ref, "new", {"name": "CV screening", "role": "deployer"}, ["name", "role"])
    assert response.status_code == 303
    location = response.headers["location"]
    assert "/entry/0?added=" in location
    added = location.split("added=")[1].split(",")
    assert systems(browser, ref)[0]["name"] == "CV screening"
    page = browser.get(location)
    assert "more question" in page.text
    marked = page.text.count('is-new"')
    assert marked == len(added) and f'name="f.{added[0]}"' in page.text


def test_fields_that_stop_applying_are_dropped(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "general")
    before = systems(browser, ref)
    index = next(i for i, s in enumerate(before) if s.get("annex_iii"))
    fields = {key: value for key, value in before[index].items() if not isinstance(value, list | bool)}
    shown = list(before[index])
    assert "derogation" in before[index]
    response = save_entry(browser, ref, str(index), fields, shown)
    assert response.status_code == 303, response.text
    after = systems(browser, ref)[index]
    assert after["annex_iii"] == [] and "derogation" not in after


def test_removing_asks_first_and_checks_it_removes_the_one_shown(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "general")
    before = systems(browser, ref)
    page = browser.get(f"/a/{ref}/q/ai_systems/entry/0/remove")
    assert before[0]["name"] in page.text
    stale = browser.post(f"/a/{ref}/q/ai_systems/entry/0/remove", {"name": "another system"})
    assert stale.status_code == 303 and systems(browser, ref) == before
    browser.post(f"/a/{ref}/q/ai_systems/entry/0/remove", {"name": before[0]["name"]})
    assert systems(browser, ref) == before[1:]
    assert browser.get(f"/a/{ref}/q/ai_systems/entry/99").status_code == 404
    assert browser.get(f"/a/{ref}/q/ai_systems/entry/-1").status_code == 404


def test_the_list_is_closed_empty_and_the_interview_goes_on(browser: Browser) -> None:
    ref = browser.start("Acme", questionnaire="general")
    response = browser.answer(ref, "ai_systems")
    assert response.status_code == 303 and "/q/ai_systems" not in response.headers["location"]
    assert "ai_systems" in yaml.safe_load((browser.workspace / ref).read_text())["meta"]["answered"]
