"""A hub's workspace in the browser: the client list and its index, new clients from files, a batch,
the cohort overview, a follow-up (T1) and its comparison, and the brand."""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml

from readiness.web.index import ClientIndex, Filters
from readiness.web.workspace import Workspace
from tests.conftest import FIXTURES
from tests.web.conftest import Browser, copy_example

SECTORS = ["manufacturing", "agri-food", "health", "retail", "finance"]


def hub_with_clients(browser: Browser) -> list[str]:
    return [copy_example(browser.workspace, name) for name in SECTORS]


def test_the_client_list_shows_every_answers_file_with_its_sector_country_score_and_level(
    browser: Browser,
) -> None:
    refs = hub_with_clients(browser)
    (browser.workspace / "notes").mkdir()
    (browser.workspace / "notes" / "readme.txt").write_text("not a client")
    page = browser.get("/clients")
    assert page.status_code == 200
    assert "5 answers files" in page.text
    for ref in refs:
        assert f"/a/{ref}" in page.text
    assert "Brinkhorst Palletiseertechniek B.V." in page.text
    assert "C – " in page.text  # the NACE section by its name


def test_search_and_filters_narrow_the_list(browser: Browser) -> None:
    hub_with_clients(browser)
    index = ClientIndex(Workspace(browser.workspace), browser.client.app.state.services.registry)  # type: ignore[attr-defined]
    index.refresh()
    everyone = index.entries()
    section = next(e.section for e in everyone if e.ref.endswith("health.answers.yaml"))
    page = browser.get(f"/clients?section={section}")
    assert "health.answers.yaml" in page.text and "retail.answers.yaml" not in page.text
    page = browser.get("/clients/rows?q=brinkhorst")
    assert "manufacturing.answers.yaml" in page.text and "health.answers.yaml" not in page.text
    assert "<html" not in page.text  # only the rows, for the search box
    level = everyone[0].level
    assert {e.ref for e in index.entries(Filters(level=level))} == {
        e.ref for e in everyone if e.level == level
    }
    assert index.entries(Filters(since="2999-01-01")) == []
    assert browser.get("/clients?since=not-a-date&level=%27%3B%20DROP").status_code == 200


def test_the_index_follows_the_files_and_is_rebuilt_when_deleted_or_damaged(browser: Browser) -> None:
    refs = hub_with_clients(browser)
    assert "5 answers files" in browser.get("/clients").text
    (browser.workspace / refs[0]).unlink()
    assert "4 answers files" in browser.get("/clients").text
    index_file = browser.workspace / ".readiness" / "index.sqlite"
    index_file.unlink()
    assert "4 answers files" in browser.get("/clients").text
    index_file.write_bytes(b"this is not a database" * 100)
    assert "4 answers files" in browser.get("/clients").text
    path = browser.workspace / refs[1]
    data = yaml.safe_load(path.read_text())
    data["company"]["name"] = "Renamed In The Terminal"
    time.sleep(0.01)
    path.write_text(yaml.safe_dump(data))
    assert "Renamed In The Terminal" in browser.get("/clients").text


def test_a_broken_file_is_listed_with_its_problem(browser: Browser) -> None:
    folder = browser.workspace / "reports"
    folder.mkdir()
    (folder / "broken.answers.yaml").write_text(
        "questionnaire: nothing@9.9.9\ncompany: {name: X, country: NL, size: micro}\nanswers: {}\n"
    )
    page = browser.get("/clients?status=problem")
    assert "broken.answers.yaml" in page.text and "cannot be read" in page.text
    detail = browser.get("/a/reports/broken.answers.yaml")
    assert "unknown questionnaire" in detail.text and "reports/broken.answers.yaml:1:16" in detail.text
    assert str(browser.workspace) not in detail.text


def test_a_table_upload_shows_each_row_and_creates_the_ticked_clients(browser: Browser) -> None:
    table = (
        "questionnaire,company.name,company.country,company.size\n"
        "quickscan@2.0.0,Acme,NL,micro\nquickscan@2.0.0,Bad Co,XX,micro\n"
    )
    response = browser.client.post(
        "/hub/import",
        data={"csrf": browser.csrf},
        files={"file": ("companies.csv", table.encode(), "text/csv")},
    )
    assert response.status_code == 200
    assert "companies.csv:3:3: row 3, column C (company.country)" in response.text
    token = response.text.split('name="token" value="')[1].split('"')[0]
    created = browser.post("/hub/import/rows", {"token": token, "row": ["2", "3"]})
    assert created.headers["location"] == "/clients?made=1"
    saved = yaml.safe_load((browser.workspace / "reports" / "acme.answers.yaml").read_text())
    assert saved["company"] == {"name": "Acme", "country": "NL", "size": "micro"}
    assert "1 client created" in browser.get(created.headers["location"]).text


def test_a_broken_upload_is_refused_with_the_loaders_located_message(browser: Browser) -> None:
    response = browser.client.post(
        "/hub/import",
        data={"csrf": browser.csrf},
        files={
            "file": (
                "client.answers.yaml",
                b"questionnaire: quickscan@2.0.0\ncompany: [1,\n",
                "application/yaml",
            )
        },
    )
    assert response.status_code == 400
    assert "client.answers.yaml:3:1: YAML syntax error" in response.text
    binary = browser.client.post(
        "/hub/import", data={"csrf": browser.csrf}, files={"file": ("table.csv", b"a\x00b", "text/csv")}
    )
    assert "table.csv: this is a binary file, not CSV text" in binary.text
    workbook = browser.client.post(
        "/hub/import",
        data={"csrf": browser.csrf},
        files={"file": ("table.xlsx", b"not a zip", "application/octet-stream")},
    )
    assert "table.xlsx: not a readable XLSX workbook" in workbook.text
    wrong = browser.client.post(
        "/hub/import",
        data={"csrf": browser.csrf},
        files={"file": ("../../evil.sh", b"#!/bin/sh", "text/plain")},
    )
    assert wrong.status_code == 400 and "evil.sh: choose a CSV or XLSX table" in wrong.text
    assert not list((browser.workspace / ".readiness" / "uploads").iterdir())


def test_an_answers_file_or_a_report_pdf_becomes_a_client(browser: Browser) -> None:
    example = (Path(__file__).parents[2] / "examples" / "retail.answers.yaml").read_bytes()
    response = browser.client.post(
        "/hub/import",
        data={"csrf": browser.csrf},
        files={"file": ("retail.answers.yaml", example, "application/yaml")},
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith("/a/reports/")
    pdfs = sorted(FIXTURES.rglob("*.pdf"))
    if pdfs:
        response = browser.client.post(
            "/hub/import",
            data={"csrf": browser.csrf},
            files={"file": ("old.pdf", pdfs[0].read_bytes(), "application/pdf")},
        )
        assert response.status_code in (303, 400)


def test_an_empty_table_for_each_questionnaire(browser: Browser) -> None:
    csv = browser.get("/hub/template/quickscan.csv?lang=nl")
    assert csv.status_code == 200
    assert csv.text.lstrip("\ufeff").startswith("questionnaire,company.name")
    assert 'filename="quickscan-answers.csv"' in csv.headers["content-disposition"]
    xlsx = browser.get("/hub/template/quickscan.xlsx")
    assert xlsx.content[:2] == b"PK"
    assert browser.get("/hub/template/company.csv").status_code == 404


def test_a_batch_renders_the_ticked_clients_with_progress_and_a_summary(browser: Browser) -> None:
    refs = hub_with_clients(browser)[:2]
    response = browser.post("/hub/batch", {"ref": refs, "format": "json", "lang": "en"})
    assert response.status_code == 303
    status_url = response.headers["location"]
    for _ in range(600):
        page = browser.get(status_url)
        if "Finished" in page.text:
            break
        time.sleep(0.1)
    assert "Finished: 2 made, 0 unchanged, 0 failed" in page.text
    summary = json.loads((browser.workspace / "batch" / "batch-summary.json").read_text())
    assert summary["counts"] == {"done": 2, "skipped": 0, "failed": 0}
    report = browser.get("/hub/files/batch/manufacturing.json")
    assert report.status_code == 200 and json.loads(report.text)["company"]["name"]
    assert browser.post("/hub/batch", {"ref": refs, "format": "exe"}).status_code == 400


def test_the_cohort_overview_of_the_ticked_clients(browser: Browser) -> None:
    refs = hub_with_clients(browser)
    response = browser.post("/hub/cohort", {"ref": refs, "lang": "en", "anonymise": "1"})
    assert response.status_code == 303
    page = browser.get(response.headers["location"])
    assert page.status_code == 200 and "Cohort overview" in page.text
    stem = response.headers["location"].rsplit("/", 1)[1]
    html = browser.get(f"/hub/files/cohort/{stem}.html?view=1")
    assert "Brinkhorst" not in html.text
    assert "#1" in html.text
    assert "sandbox" in html.headers["content-security-policy"]


def test_a_follow_up_assessment_and_its_comparison_with_the_first(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "quickscan")
    response = browser.post(f"/a/{ref}/follow-up")
    assert response.status_code == 303
    later = response.headers["location"].split("/a/")[1].split("/q/")[0]
    assert later != ref and later.startswith("reports/")
    first = yaml.safe_load((browser.workspace / ref).read_text())
    second = yaml.safe_load((browser.workspace / later).read_text())
    assert second["answers"] == first["answers"] and second["meta"]["complete"] is False
    browser.answer(later, "ai_plan", "reviewed", then="finish")
    assert yaml.safe_load((browser.workspace / later).read_text())["meta"]["complete"] is True
    client = browser.get(f"/a/{ref}")
    assert later in client.text and "/hub/compare?" in client.text
    compare = browser.get("/hub/compare", params={"before": ref, "after": later})
    assert compare.status_code == 200
    assert "Progress from T0 to T1" in compare.text and "Overall score" in compare.text
    other = copy_example(browser.workspace, "retail")
    refused = browser.get("/hub/compare", params={"before": ref, "after": other})
    assert refused.status_code == 400 and "same questionnaire" in refused.text


def test_the_brand_is_set_once_for_the_workspace_and_checked_like_brand(browser: Browser) -> None:
    logo = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    response = browser.client.post(
        "/hub/brand",
        data={
            "csrf": browser.csrf,
            "name": "EDIH Noord",
            "primary": "#123456",
            "accent": "#0a5c66",
            "email": "info@edih.example",
        },
        files={"logo": ("logo.svg", logo, "image/svg+xml")},
    )
    assert response.status_code == 303, response.text
    brand = yaml.safe_load((browser.workspace / "brand" / "brand.yaml").read_text())
    assert brand["name"] == "EDIH Noord" and brand["logo"] == "logo.svg"
    assert (browser.workspace / "brand" / "logo.svg").read_bytes() == logo
    bad = browser.client.post(
        "/hub/brand",
        data={"csrf": browser.csrf, "name": "EDIH Noord", "primary": "red", "email": "not-an-address"},
    )
    assert bad.status_code == 400 and "The brand was not saved" in bad.text
    bomb = browser.client.post(
        "/hub/brand",
        data={"csrf": browser.csrf, "name": "EDIH Noord"},
        files={"logo": ("logo.svg", b'<!DOCTYPE x [<!ENTITY a "aaa">]><svg/>', "image/svg+xml")},
    )
    assert bomb.status_code == 400 and "entities" in bomb.text
    assert yaml.safe_load((browser.workspace / "brand" / "brand.yaml").read_text())["name"] == "EDIH Noord"
    ref = copy_example(browser.workspace, "general")
    assert "EDIH Noord" in browser.get(f"/a/{ref}/report/view.html").text
