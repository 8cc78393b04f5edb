"""In a real browser: Debian's Chromium driven by Selenium through chromium-driver, headless.

Few and whole: an interview from start to result with back, reload and resume, keyboard only for part
of it; the PDF downloaded and its text read; a broken upload and its located error. Every page type is
checked by axe-core (WCAG 2.1 A and AA) on the way. Skipped where Chromium or its driver is missing
(`.ci/run` installs them).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readiness.answers import load_answers
from readiness.questionnaire.registry import Registry
from readiness.web.server import background, free_port
from readiness.web.settings import Settings
from tests.conftest import EXAMPLES

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
]

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()), reason="needs Debian's chromium and chromium-driver"
)


@pytest.fixture(scope="module")
def site(registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    workspace = tmp_path_factory.mktemp("workspace")
    (workspace / "reports").mkdir()
    shutil.copyfile(
        EXAMPLES / "manufacturing.answers.yaml", workspace / "reports" / "manufacturing.answers.yaml"
    )
    settings = Settings(workspace=workspace, port=free_port())
    with background(settings, registry) as url:
        yield url.rstrip("/"), workspace


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def chrome(downloads: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def by(css: str) -> tuple[str, str]:
    return ("css selector", css)


def next_page(driver: Any, page: Any) -> None:
    """Wait until `page` (the old page's html element) is gone and the next page has loaded."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def gone(_: Any) -> bool:
        try:
            page.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            # Chromium sometimes reports a node of the replaced page this way, not as a stale element.
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    wait = WebDriverWait(driver, 60)
    wait.until(gone)
    # The old page is gone before the new one has loaded (a POST answered by a redirect passes through
    # an empty document): an element found before "complete" may vanish under the next click.
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def submit(driver: Any, element: Any) -> None:
    """Click and wait for the next page (a click returns before the browser has navigated)."""
    page = driver.find_element("tag name", "html")
    element.click()
    next_page(driver, page)


def accessibility_problems(driver: Any) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page, one line each (the report's frame apart)."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run({exclude: [['iframe']]}, {
          runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
          iframes: false,
        }).then(r => done(r.violations.map(
          v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """
    )
    return list(result)


def checked(driver: Any) -> None:
    problems = accessibility_problems(driver)
    assert problems == [], f"{driver.current_url}: {problems}"


def answer_page(driver: Any, value: str | None = None, text: str | None = None, action: str = "save") -> None:
    if value is not None:
        driver.find_element(*by(f"input[value='{value}']")).click()
    if text is not None:
        field = driver.find_element(*by("input.text, input.number, textarea"))
        field.clear()
        field.send_keys(text)
    submit(driver, driver.find_element(*by(f"button[value='{action}']")))


def test_an_interview_from_start_to_report(chrome: Any, site: tuple[str, Path], downloads: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    base, workspace = site
    chrome.get(f"{base}/")
    checked(chrome)
    chrome.get(f"{base}/new")
    checked(chrome)
    submit(chrome, chrome.find_element(*by("button.primary")))
    assert "Write the name of the organisation." in chrome.find_element(*by(".error-summary")).text
    checked(chrome)
    chrome.find_element("id", "name").send_keys("Bakkerij De Korenaar")
    chrome.find_element(*by("input[value='quickscan']")).click()
    submit(chrome, chrome.find_element(*by("button.primary")))
    assert chrome.current_url.endswith("/q/company_country")
    checked(chrome)

    # Keyboard only: focus the first country, move with the arrow keys, Enter saves and goes on.
    chrome.find_element(*by("input[name='value']")).send_keys(Keys.SPACE)
    active = chrome.switch_to.active_element
    active.send_keys(Keys.ARROW_DOWN)
    chosen = chrome.switch_to.active_element.get_attribute("value")
    page = chrome.find_element("tag name", "html")
    chrome.switch_to.active_element.send_keys(Keys.ENTER)
    next_page(chrome, page)
    assert chrome.current_url.endswith("/q/company_region")
    answer_page(chrome, action="skip")
    answer_page(chrome, "micro")
    answer_page(chrome, text="XX")  # a NACE code that is not one
    assert "Write a section letter" in chrome.find_element(*by(".error-summary")).text
    checked(chrome)
    answer_page(chrome, text="C10")

    # Back, and the earlier answer is still there; reload mid-way loses nothing.
    submit(chrome, chrome.find_element(*by("a.back")))
    assert chrome.current_url.endswith("/q/company_nace")
    assert chrome.find_element(*by("input.text")).get_attribute("value") == "C10"
    chrome.refresh()
    assert chrome.find_element(*by("input.text")).get_attribute("value") == "C10"
    answer_page(chrome, text="C10")
    answer_page(chrome, "en")

    # Resume from the list of interviews in progress, as after closing the browser.
    chrome.get(f"{base}/")
    submit(chrome, chrome.find_element("link text", "Bakkerij De Korenaar"))
    assert chrome.current_url.endswith("/q/ai_plan")
    answer_page(chrome, "ideas")
    answer_page(chrome, action="dont_know")
    answer_page(chrome, "digital")
    answer_page(chrome, "true")
    answer_page(chrome, "true")
    answer_page(chrome, "training")
    answer_page(chrome, text="2")
    answer_page(chrome, "3")
    answer_page(chrome, "vision")
    answer_page(chrome, action="skip")
    answer_page(chrome, "uses")
    answer_page(chrome, "talks_or_generates")
    assert chrome.current_url.endswith("/result")
    assert "Result: Bakkerij De Korenaar" in chrome.find_element("tag name", "h1").text
    checked(chrome)
    saved = (workspace / "reports" / "bakkerij-de-korenaar.answers.yaml").read_text(encoding="utf-8")
    assert f"country: {chosen}" in saved and "complete: true" in saved

    chrome.find_element("link text", "PDF").click()
    pdf = downloads / "bakkerij-de-korenaar.pdf"
    for _ in range(1200):
        if pdf.exists() and not list(downloads.glob("*.crdownload")):
            break
        time.sleep(0.1)
    assert pdf.exists(), list(downloads.iterdir())
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Bakkerij De Korenaar" in text
        assert "not legal advice" in text.replace("\n", " ")


def test_a_broken_upload_shows_where_the_file_is_wrong(
    chrome: Any, site: tuple[str, Path], tmp_path: Path
) -> None:
    base, _workspace = site
    table = tmp_path / "companies.csv"
    table.write_text(
        "questionnaire,company.name,company.country,company.size\nquickscan@2.0.0,Bad Co,XX,tiny\n",
        encoding="utf-8",
    )
    chrome.get(f"{base}/hub/import")
    checked(chrome)
    chrome.find_element("id", "file").send_keys(str(table))
    submit(chrome, chrome.find_element(*by("button.primary")))
    rows = chrome.find_element(*by("table.rows")).text
    assert "companies.csv:2:3: row 2, column C (company.country)" in rows
    assert "row 2, column D (company.size)" in rows
    checked(chrome)
    broken = tmp_path / "client.answers.yaml"
    broken.write_text("questionnaire: quickscan@2.0.0\ncompany: [1,\n", encoding="utf-8")
    chrome.find_element("id", "file").send_keys(str(broken))
    submit(chrome, chrome.find_element(*by("button.primary")))
    assert "client.answers.yaml:3:1: YAML syntax error" in chrome.find_element(*by(".error-summary")).text
    checked(chrome)


def test_a_matrix_is_answered_with_the_keyboard(
    chrome: Any, site: tuple[str, Path], registry: Registry
) -> None:
    from selenium.webdriver.common.keys import Keys

    base, workspace = site
    chrome.get(f"{base}/new")
    chrome.find_element("id", "name").send_keys("Staal BV")
    chrome.find_element(*by("input[value='manufacturing']")).click()
    submit(chrome, chrome.find_element(*by("button.primary")))
    ref = chrome.current_url.split("/a/", 1)[1].split("/q/", 1)[0]

    def keys(*sequence: str) -> None:
        for key in sequence:
            chrome.switch_to.active_element.send_keys(key)

    def enter() -> None:
        page = chrome.find_element("tag name", "html")
        keys(Keys.ENTER)
        next_page(chrome, page)

    # One stage per row: Space chooses the row's first stage, the arrow keys move along the row, Tab goes
    # to the next row; Enter saves. A row left open is named, and what was chosen stays.
    chrome.get(f"{base}/a/{ref}/q/dr_advanced")
    checked(chrome)
    chrome.find_element("id", "q-value-simulation-1").send_keys(Keys.SPACE)
    keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    enter()
    summary = chrome.find_element(*by(".error-summary")).text
    assert "Choose an answer for “Virtual or augmented reality”." in summary
    assert chrome.find_element("id", "q-value-simulation-4").is_selected()
    checked(chrome)
    chrome.find_element("id", "q-value-vr_ar-1").send_keys(Keys.SPACE)
    for stage in (5, 4, 4, 0, 1):
        keys(Keys.TAB, Keys.SPACE, *[Keys.ARROW_RIGHT] * stage)
    enter()
    assert chrome.current_url.endswith("/q/hc_skills")

    # Tick boxes: Tab from box to box, Space ticks; a row left empty is left out.
    chrome.get(f"{base}/a/{ref}/q/ds_investments")
    checked(chrome)
    chrome.find_element("id", "q-value-product_design-2").send_keys(Keys.SPACE)
    keys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.SPACE, Keys.TAB, Keys.SPACE)
    assert chrome.find_element("id", "q-value-operations-2").is_selected()
    enter()
    assert chrome.current_url.endswith("/q/ds_preparedness")
    answers = load_answers(workspace / ref, registry).answers.answers
    assert answers["ds_investments"] == {
        "product_design": ["invested"],
        "operations": ["planned", "invested"],
    }
    assert answers["dr_advanced"] == {
        "simulation": 3, "vr_ar": 0, "cad_cam": 5, "mes": 4, "iot": 4, "blockchain": 0, "additive": 1
    }  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_hub_pages_pass_the_accessibility_checks(chrome: Any, site: tuple[str, Path], lang: str) -> None:
    base, _workspace = site
    chrome.get(f"{base}/language/{lang}?next=/")
    ref = "reports/manufacturing.answers.yaml"
    for path in (
        "/clients",
        "/hub",
        "/hub/brand",
        f"/a/{ref}",
        f"/a/{ref}/q/ai_systems",
        f"/a/{ref}/q/ai_systems/entry/0",
        f"/a/{ref}/q/ds_investments",
        f"/a/{ref}/q/gr_environment",
    ):
        chrome.get(base + path)
        assert chrome.find_element("tag name", "html").get_attribute("lang") == lang
        checked(chrome)
    chrome.get(f"{base}/language/en?next=/")


def test_the_accessibility_check_finds_what_it_should(chrome: Any) -> None:
    chrome.get("data:text/html,<title>x</title><img src='x.png'><input type='text'>")
    found = " ".join(accessibility_problems(chrome))
    assert "image-alt" in found and "html-has-lang" in found and "label" in found
