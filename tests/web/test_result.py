"""The result in the browser: the summary, the report in its frame, the downloads, where to get help."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.directory import load_directory
from tests.web.conftest import Browser, copy_example


def test_the_result_page_shows_the_score_the_ai_systems_and_the_downloads(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "general")
    page = browser.get(f"/a/{ref}/result")
    assert page.status_code == 200
    assert "Result: Oakmere &amp; Doyle Advisory Ltd" in page.text
    assert "Scores by dimension" in page.text and "of 100" in page.text
    assert "CV screening in our recruitment software" in page.text and "High risk" in page.text
    for fmt in ("pdf", "md", "json", "html", "yaml"):
        assert f'href="/a/{ref}/download/{fmt}"' in page.text
    assert f'src="/a/{ref}/report/view.html"' in page.text
    assert "not legal advice" in page.text


def addresses(value: Any) -> set[str]:
    """Every web address in a directory entry, whichever field holds it."""
    if isinstance(value, str):
        return {value} if value.startswith("https://") else set()
    if dataclasses.is_dataclass(value):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return set().union(*(addresses(v) for v in value)) if value else set()
    return set()


def test_where_to_get_help_links_only_to_the_organisations_own_addresses(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "manufacturing")
    page = browser.get(f"/a/{ref}/result")
    help_part = page.text.split('id="help-title"')[1].split("</section>")[0]
    links = re.findall(r'href="([^"]+)"', help_part)
    assert links, "no support matched the example"
    known = {url for entry in load_directory().entries for url in addresses(entry)}
    for link in links:
        assert link.startswith("https://") and link in known, link
    assert 'rel="noopener noreferrer" target="_blank"' in help_part


def test_downloads_are_written_beside_the_answers_through_the_report_writer(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "quickscan")
    response = browser.get(f"/a/{ref}/download/json")
    assert response.status_code == 200
    assert json.loads(response.text)["company"]["name"]
    assert 'filename="quickscan.json"' in response.headers["content-disposition"]
    assert (browser.workspace / "reports" / "quickscan.json").is_file()
    markdown = browser.get(f"/a/{ref}/download/md")
    assert markdown.status_code == 200 and markdown.text.startswith("#")
    again = browser.get(f"/a/{ref}/download/json")
    assert again.text == response.text
    raw = browser.get(f"/a/{ref}/download/yaml")
    assert raw.content == (browser.workspace / ref).read_bytes()
    assert browser.get(f"/a/{ref}/download/exe").status_code == 404


def test_the_report_is_in_the_language_the_answers_ask_for(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "manufacturing")
    assert yaml.safe_load((browser.workspace / ref).read_text())["company"]["language"] == "nl"
    view = browser.get(f"/a/{ref}/report/view.html")
    assert '<html lang="nl"' in view.text
    font = browser.get(f"/a/{ref}/report/fonts/DejaVuSans.ttf")
    assert font.status_code == 200 and font.headers["content-type"] == "font/ttf"


def test_no_result_before_the_required_questions_are_answered(browser: Browser) -> None:
    ref = browser.start("Acme")
    assert browser.get(f"/a/{ref}/result").headers["location"] == f"/a/{ref}/finish"
    assert browser.get(f"/a/{ref}/download/pdf").status_code == 409
    assert browser.get(f"/a/{ref}/report/view.html").status_code == 409


def test_the_ai_act_drafts_are_offered_made_and_downloaded_where_installed(
    browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The result page's slot for `readiness aiact docs`, with a stand-in for the drafts package."""
    made: list[tuple[str, str]] = []

    def build_drafts(register: Any, assessment: Any, lang: str) -> list[str]:
        return [system.name for system in register.systems]

    def write_drafts(drafts: list[str], out: Path, formats: tuple[str, ...], **options: Any) -> Any:
        written = []
        for number, name in enumerate(drafts, 1):
            target = out / f"{number:02d}-system" / "deployer-checklist.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"# {name}\n", encoding="utf-8")
            made.append((name, ",".join(formats)))
            written.append(target)
        (out / "index.md").write_text("# Drafts\n", encoding="utf-8")
        return types.SimpleNamespace(index=out / "index.md", files=written, kept=[])

    stand_in = types.ModuleType("readiness.aiact.drafts")
    stand_in.build_drafts = build_drafts  # type: ignore[attr-defined]
    stand_in.write_drafts = write_drafts  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "readiness.aiact.drafts", stand_in)
    monkeypatch.setattr("readiness.web.drafts.drafts_available", lambda: True)
    ref = copy_example(browser.workspace, "general")
    page = browser.get(f"/a/{ref}/result")
    assert f'action="/a/{ref}/drafts"' in page.text and "Make the drafts" in page.text
    response = browser.post(f"/a/{ref}/drafts")
    assert response.headers["location"] == f"/a/{ref}/result#drafts"
    assert len(made) == 3
    page = browser.get(f"/a/{ref}/result")
    assert f'href="/a/{ref}/drafts/index.md"' in page.text
    assert f'href="/a/{ref}/drafts/01-system/deployer-checklist.md"' in page.text
    draft = browser.get(f"/a/{ref}/drafts/01-system/deployer-checklist.md")
    assert draft.text == "# Chat assistant on our website\n"
    assert browser.get(f"/a/{ref}/drafts/../general.answers.yaml").status_code == 404
    assert browser.get(f"/a/{ref}/drafts/..%2Fgeneral.answers.yaml").status_code == 404
