"""The browser app under Starlette's TestClient: a fresh workspace per test, the questionnaires shared."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from readiness.questionnaire.model import SPECIAL_ANSWERS, Question
from readiness.questionnaire.registry import Registry
from readiness.web.app import create_app
from readiness.web.settings import Settings
from tests.conftest import EXAMPLES

BASE = "http://127.0.0.1:8000"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(scope="session")
def registry() -> Registry:
    """Loaded once: every app of the session reads the same built-in questionnaires."""
    return Registry.default()


class Browser:
    """A TestClient that fills in the session's CSRF token, as the pages' forms do."""

    def __init__(self, client: TestClient, workspace: Path) -> None:
        self.client = client
        self.workspace = workspace
        self._csrf = ""

    @property
    def csrf(self) -> str:
        if not self._csrf:
            self._csrf = CSRF.search(self.client.get("/new").text).group(1)  # type: ignore[union-attr]
        return self._csrf

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        return self.client.post(url, data={"csrf": self.csrf, **(data or {})}, **kwargs)

    def start(
        self, name: str = "Bakkerij De Korenaar", questionnaire: str = "quickscan", **extra: str
    ) -> str:
        """Start an interview; the answers file's name in the workspace."""
        response = self.post("/new", {"name": name, "questionnaire": questionnaire, "lang": "en", **extra})
        assert response.status_code == 303, response.text
        location = response.headers["location"]
        return location.removeprefix("/a/").removesuffix("/next")

    def answer(self, ref: str, qid: str, value: Any = None, action: str = "save", **extra: str) -> Any:
        data: dict[str, Any] = {"action": action, **extra}
        if value is not None:
            data["value"] = value
        return self.post(f"/a/{ref}/q/{qid}", data)


@pytest.fixture
def make_browser(registry: Registry, tmp_path: Path) -> Iterator[Callable[..., Browser]]:
    """`make_browser(**settings)`: an app on a fresh workspace, and a client for it."""
    clients: list[TestClient] = []

    def make(workspace: Path | None = None, **settings: Any) -> Browser:
        folder = workspace or tmp_path / "workspace"
        folder.mkdir(exist_ok=True)
        app = create_app(Settings(workspace=folder, port=8000, **settings), registry)
        client = TestClient(app, base_url=BASE, follow_redirects=False)
        clients.append(client)
        return Browser(client, folder)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def browser(make_browser: Callable[..., Browser]) -> Browser:
    return make_browser()


def copy_example(workspace: Path, name: str, target: str | None = None) -> str:
    """An example answers file copied into the workspace's reports/; its name there."""
    folder = workspace / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    destination = folder / (target or f"{name}.answers.yaml")
    shutil.copyfile(EXAMPLES / f"{name}.answers.yaml", destination)
    return f"reports/{destination.name}"


QUICKSCAN = [
    ("company_name", "Bakkerij De Korenaar"),
    ("company_country", "NL"),
    ("company_region", None),
    ("company_size", "micro"),
    ("company_nace", "C10"),
    ("company_language", "en"),
    ("ai_plan", "ideas"),
    ("ai_budget", "dont_know"),
    ("data_practices", ["digital", "owner"]),
    ("personal_data", "true"),
    ("gdpr_basis", "true"),
    ("ai_literacy", "training"),
    ("ai_staff", "2"),
    ("ai_stage", "3"),
    ("ai_tools", ["vision"]),
    ("ai_notes", None),
    ("ai_act_use", ["uses"]),
    ("ai_act_situations", ["talks_or_generates"]),
]


def answer_quickscan(browser: Browser, ref: str) -> None:
    """Every question of the quick scan, in order, as a person would in the browser."""
    for qid, value in QUICKSCAN:
        if value == "dont_know":
            response = browser.answer(ref, qid, action="dont_know")
        elif value is None:
            response = browser.answer(ref, qid, action="skip")
        elif isinstance(value, list):
            response = browser.client.post(
                f"/a/{ref}/q/{qid}", data={"csrf": browser.csrf, "action": "save", "value": value}
            )
        else:
            response = browser.answer(ref, qid, value)
        assert response.status_code == 303, (qid, response.text[:2000])


def posted(question: Question, value: Any) -> dict[str, Any]:
    """The form a person posts to give `question` the answer `value` (as the answers file keeps it).

    No value is a skip; a repeated group is closed as it stands; a matrix posts each row under
    `value.<row>`, as its table does.
    """
    if question.type == "group":
        return {"action": "save"}
    if value is None:
        return {"action": "skip"}
    if isinstance(value, str) and value in SPECIAL_ANSWERS:
        return {"action": value}
    if question.type == "matrix":
        return {"action": "save", **{f"value.{row}": as_form(cell) for row, cell in value.items()}}
    return {"action": "save", "value": as_form(value)}


def as_form(value: Any) -> Any:
    """A stored value as form controls send it: `true`/`false`, text, or a list of ticked values."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, list) else str(value)


def answer_as(browser: Browser, ref: str, example: dict[str, Any]) -> list[str]:
    """Every question the interview asks, from its first open one, answered as `example` (an answers
    file's data) answers it, page by page as the browser goes; the ids asked, in order."""
    questionnaire = browser.client.app.state.services.registry.load(example["questionnaire"])  # type: ignore[attr-defined]
    url = browser.get(f"/a/{ref}/next").headers["location"]
    asked: list[str] = []
    while "/q/" in url:
        qid = url.rsplit("/q/", 1)[1]
        question = questionnaire.question(qid)
        store = question.store or ""
        if store.startswith("company."):
            value = example["company"].get(store.removeprefix("company."))
        else:
            value = example.get("answers", {}).get(qid)
        response = browser.post(url, posted(question, value))
        assert response.status_code == 303, (qid, response.text[:2000])
        assert qid not in asked, f"{qid} asked twice"
        asked.append(qid)
        url = response.headers["location"]
    return asked
