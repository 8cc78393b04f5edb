"""The screenshots in docs/serve/: every page type of `readiness serve`, in English and in Dutch.

Taken with headless Chromium (Debian's chromium and chromium-driver) at 1280x800 from a workspace made
here: the example companies as clients, one interview under way, one follow-up. pngquant, when
installed, makes the files small. Run from the repository: `python docs/serve/screenshots.py`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from readiness.web.accounts import add_user  # noqa: E402
from readiness.web.server import background, free_port  # noqa: E402
from readiness.web.settings import Settings  # noqa: E402
from readiness.web.workspace import Workspace  # noqa: E402

OUT = Path(__file__).resolve().parent
EXAMPLES = [
    "manufacturing",
    "agri-food",
    "health",
    "retail",
    "finance",
    "transport",
    "energy",
    "public-sector",
]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,800", "--hide-scrollbars",
]  # fmt: skip


def browser(downloads: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='shots-')}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    metrics = {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    return driver


def click(driver: Any, css: str) -> None:
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element("tag name", "html")
    driver.find_element("css selector", css).click()
    WebDriverWait(driver, 120).until(expected_conditions.staleness_of(page))


def shoot(driver: Any, name: str, lang: str, scroll_to: str | None = None) -> None:
    if scroll_to:
        driver.execute_script("document.querySelector(arguments[0]).scrollIntoView()", scroll_to)
    time.sleep(0.3)
    target = OUT / f"{name}-{lang}.png"
    driver.save_screenshot(str(target))
    if shutil.which("pngquant"):
        subprocess.run(
            ["pngquant", "--force", "--skip-if-larger", "--output", str(target), "--", str(target)],
            check=False,
        )
    print(f"wrote {target.relative_to(ROOT)}")


def prepare(workspace: Path) -> None:
    reports = workspace / "reports"
    reports.mkdir(parents=True)
    for name in EXAMPLES:
        shutil.copyfile(ROOT / "examples" / f"{name}.answers.yaml", reports / f"{name}.answers.yaml")
    shutil.copyfile(ROOT / "examples" / "quickscan.answers.yaml", reports / "quickscan.answers.yaml")


def session(driver: Any, base: str, lang: str, workspace: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    driver.get(f"{base}/language/{lang}?next=/")
    shoot(driver, "home", lang)
    driver.get(f"{base}/new")
    shoot(driver, "new", lang)
    driver.find_element("id", "name").send_keys(
        "Bakkerij De Korenaar" if lang == "nl" else "Harbour Bakery Ltd"
    )
    driver.find_element("css selector", "input[value='general']").click()
    click(driver, "button.primary")
    driver.find_element("css selector", "input[value='NL']").click()
    click(driver, "button[value='save']")
    click(driver, "button[value='skip']")
    shoot(driver, "question", lang)
    click(driver, "button[value='save']")
    shoot(driver, "question-error", lang)
    ref = driver.current_url.split("/a/", 1)[1].split("/q/", 1)[0]
    driver.get(f"{base}/a/{ref}/q/dr_advanced")
    for row, column in (("simulation", 4), ("vr_ar", 1), ("cad_cam", 6), ("mes", 5)):
        driver.find_element("id", f"q-value-{row}-{column}").click()
    ActionChains(driver).move_to_element(driver.find_element("tag name", "h1")).perform()  # no row hovered
    shoot(driver, "question-matrix", lang)
    driver.get(f"{base}/a/{ref}/q/ai_systems")
    shoot(driver, "register", lang)
    driver.get(f"{base}/a/reports/manufacturing.answers.yaml/q/ai_systems")
    shoot(driver, "register-list", lang)
    driver.get(f"{base}/a/reports/manufacturing.answers.yaml/q/ai_systems/entry/0")
    shoot(driver, "register-entry", lang)
    driver.get(f"{base}/a/{ref}/finish")
    shoot(driver, "finish", lang)
    driver.get(f"{base}/a/reports/manufacturing.answers.yaml/result")
    shoot(driver, "result", lang)
    shoot(driver, "result-report", lang, scroll_to="#downloads-title")
    shoot(driver, "result-help", lang, scroll_to="#help-title")
    driver.get(f"{base}/clients")
    shoot(driver, "clients", lang)
    driver.get(f"{base}/a/reports/quickscan.answers.yaml")
    shoot(driver, "client", lang)
    click(driver, "form[action$='follow-up'] button")
    later = driver.current_url.split("/a/", 1)[1].split("/q/", 1)[0]
    driver.get(f"{base}/a/{later}/q/ai_plan?then=finish")
    driver.find_element("css selector", "input[value='reviewed']").click()
    click(driver, "button[value='save']")
    driver.get(f"{base}/a/reports/quickscan.answers.yaml")
    click(driver, "a[href^='/hub/compare']")
    shoot(driver, "compare", lang)
    driver.get(f"{base}/hub")
    shoot(driver, "hub", lang)
    table = workspace.parent / f"companies-{lang}.csv"
    table.write_text(
        "questionnaire,company.name,company.country,company.size\n"
        "quickscan@2.0.0,Bakkerij De Korenaar,NL,micro\nquickscan@2.0.0,Müller & Söhne GmbH,XX,tiny\n",
        encoding="utf-8",
    )
    driver.get(f"{base}/hub/import")
    driver.find_element("id", "file").send_keys(str(table))
    click(driver, "button.primary")
    shoot(driver, "import", lang)
    driver.get(f"{base}/clients?status=complete")
    driver.find_element("id", "bulk-format").send_keys("JSON")
    click(driver, "button[formaction='/hub/batch']")
    for _ in range(600):
        if "/hub/files/batch/batch-summary.json" in driver.page_source:
            break
        time.sleep(0.5)
    driver.refresh()
    shoot(driver, "batch", lang)
    driver.get(f"{base}/clients?status=complete")
    click(driver, "button[formaction='/hub/cohort']")
    shoot(driver, "cohort", lang)
    driver.get(f"{base}/hub/brand")
    shoot(driver, "brand", lang)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="serve-shots-") as folder:
        root = Path(folder)
        for lang in ("en", "nl"):
            workspace = root / lang / "workspace"
            prepare(workspace)
            with background(Settings(workspace=workspace, port=free_port())) as url:
                driver = browser(root)
                try:
                    session(driver, url.rstrip("/"), lang, workspace)
                finally:
                    driver.quit()
            guarded = root / lang / "guarded"
            guarded.mkdir()
            add_user(Workspace(guarded).state, "consultant", "a long enough secret")
            with background(Settings(workspace=guarded, port=free_port(), login=True)) as url:
                driver = browser(root)
                try:
                    driver.get(f"{url.rstrip('/')}/language/{lang}?next=/login")
                    shoot(driver, "login", lang)
                finally:
                    driver.quit()


if __name__ == "__main__":
    main()
