"""A hub's clients: every answers file in the workspace, searchable and filtered, and each one's page.

The list comes from the index (`readiness.web.index`), refreshed from the files on every visit. With
scripts on, typing in the search box narrows the list as you type (htmx fetches the rows); without,
the same form works with its button.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from readiness.answers import migrate_answers
from readiness.errors import ReadinessError
from readiness.flow import visible_questions
from readiness.questionnaire.model import tr
from readiness.web import urls
from readiness.web.forms import read_form
from readiness.web.index import Entry, Filters, describe
from readiness.web.pages import render
from readiness.web.routes.common import answers_path, load, redirect, save, services, today

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Za-z0-9_]{1,40}$")


def filters_from(query: dict[str, str]) -> Filters:
    """The list's filters from the address (unknown or malformed values are ignored, never an error)."""

    def code(name: str) -> str:
        value = query.get(name, "")
        return value if _CODE.match(value) else ""

    def date(name: str) -> str:
        value = query.get(name, "")
        return value if _DATE.match(value) else ""

    status = query.get("status", "")
    return Filters(
        search=query.get("q", "").strip()[:100],
        section=code("section"),
        country=code("country"),
        level=code("level"),
        status=status if status in ("complete", "open", "problem") else "",
        since=date("since"),
        until=date("until"),
    )


async def _listing_context(request: Request) -> dict[str, Any]:
    index = services(request).index
    await run_in_threadpool(index.refresh)
    filters = filters_from(dict(request.query_params))
    entries = await run_in_threadpool(index.entries, filters)
    choices = await run_in_threadpool(index.choices)
    return {
        "entries": entries,
        "filters": filters,
        "choices": choices,
        "levels": _level_labels(request, choices["level"]),
        "sections": _section_labels(request, choices["section"]),
        "query": str(request.url.query),
        "made": int(made) if (made := request.query_params.get("made", "")).isdigit() else None,
    }


async def listing(request: Request) -> Response:
    """The client list with its search and filters, and what can be done with the clients shown."""
    return render(request, "clients.html.j2", **await _listing_context(request))


async def rows(request: Request) -> Response:
    """Only the list's rows, for the search box as you type."""
    return render(request, "partials/client-rows.html.j2", **await _listing_context(request))


def _level_labels(request: Request, levels: list[str]) -> dict[str, str]:
    """Level ids as the questionnaires name them in the page's language."""
    lang = request.state.lang
    labels: dict[str, str] = {}
    for questionnaire in services(request).questionnaires:
        for level in questionnaire.levels:
            labels.setdefault(level.id, tr(level.label, lang))
    return {level: labels.get(level, level) for level in levels}


def _section_labels(request: Request, sections: list[str]) -> dict[str, str]:
    """NACE sections by their name in the page's language (`C` is manufacturing)."""
    from readiness.directory import load_vocabulary

    lang = request.state.lang
    vocabulary = load_vocabulary()
    names = {}
    for section in sections:
        info = vocabulary.sectors.get(section)
        names[section] = f"{section} – {info['label'].get(lang) or info['label']['en']}" if info else section
    return names


async def client(request: Request) -> Response:
    """One answers file: its company, where the interview stands, and the company's other assessments."""
    ref, path = answers_path(request)
    index = services(request).index
    await run_in_threadpool(index.refresh)
    entries = await run_in_threadpool(index.entries)
    entry = next((e for e in entries if e.ref == ref), None)
    if entry is None:
        entry = await run_in_threadpool(_fresh_entry, request, ref, path)
    others = _same_company(entry, entries)
    review = ""
    if entry.complete and not entry.problem:
        loaded = await run_in_threadpool(load, request, path)
        review = urls.question(ref, visible_questions(loaded.questionnaire, loaded.answers)[0].id)
    return render(request, "client.html.j2", ref=ref, entry=entry, others=others, review=review)


def _fresh_entry(request: Request, ref: str, path: Path) -> Entry:
    stat = path.stat()
    return describe(path, ref, stat.st_mtime_ns, stat.st_size, services(request).registry)


def _same_company(entry: Entry, entries: list[Entry]) -> list[tuple[Entry, str]]:
    """The other assessments of the same company, oldest first, each with its comparison to this one."""
    if not entry.name or entry.problem:
        return []
    same = [
        e for e in entries if e.ref != entry.ref and e.name.casefold() == entry.name.casefold() and e.complete
    ]
    same.sort(key=lambda e: e.updated)
    found = []
    for other in same:
        before, after = (other, entry) if other.updated <= entry.updated else (entry, other)
        found.append((other, urls.compare(before.ref, after.ref) if entry.complete else ""))
    return found


async def follow_up(request: Request) -> Response:
    """A later assessment (T1) of the same company: a new file, the earlier answers filled in, to review."""
    _ref, path = answers_path(request)
    await read_form(request)

    def create() -> str:
        registry = services(request).registry
        loaded = load(request, path)
        newest = registry.load(loaded.questionnaire.id)
        answers, _notes = migrate_answers(loaded.answers, newest, registry)
        answers.meta = {"complete": False}
        if "ai_systems" in loaded.answers.meta.get("answered", []):
            answers.meta["answered"] = ["ai_systems"]
        name = str(answers.company.get("name") or path.name)
        workspace = services(request).workspace
        target = workspace.create(
            f"{name} {today().isoformat()}", ".answers.yaml", answers.to_yaml().encode("utf-8")
        )
        save(target, answers)
        visible = visible_questions(newest, answers)
        if not visible:
            raise ReadinessError(f"{newest.ref} has no questions")
        return urls.question(workspace.ref(target), visible[0].id)

    return redirect(await run_in_threadpool(create))
