"""The repeated group as a page and a form per entry: the AI system register, one system at a time.

An entry's form shows the fields whose conditions hold for what is filled in; when an answer makes
more fields apply (an Annex III area ticked, say), the entry is saved and the form comes back with the
new fields marked. The entry is checked as the answers file will be: by the register's schema (its
required fields) and the AI Act engine's own checks.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from readiness.answers import Answers, LoadedAnswers, register_data
from readiness.errors import ProblemsError
from readiness.flow import condition_values, is_answered, visible_fields, visible_questions
from readiness.questionnaire.model import Question, tr
from readiness.web import urls
from readiness.web.forms import read_form, text, texts
from readiness.web.pages import gettext_for, render
from readiness.web.questions import Field, Reading, field_for, read_answer
from readiness.web.routes.common import answers_path, load, redirect, save, services

FIELD_PREFIX = "f."


@cache
def _needed_to_save() -> frozenset[str]:
    """The fields an AI system cannot be saved without: those the register's schema requires."""
    from readiness.schemas import load_schema

    return frozenset(load_schema("aiact-register")["$defs"]["system"].get("required", ()))


def group_page(
    request: Request,
    ref: str,
    loaded: LoadedAnswers,
    group: Question,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> Response:
    """The list of entries, with a way to add, change or remove each, and to go on."""
    lang = request.state.lang
    items = loaded.answers.value(group) or []
    values = condition_values(loaded.questionnaire, loaded.answers)
    rows = []
    for index, item in enumerate(items):
        fields = visible_fields(loaded.questionnaire, group, item, values)
        open_fields = sum(1 for f in fields if f.required and not is_answered(f, item.get(f.id)))
        rows.append(
            {
                "name": str(item.get("name") or f"{tr(group.item_label, lang)} {index + 1}"),
                "open": open_fields,
                "change": urls.entry(ref, group.id, index),
                "remove": urls.remove_entry(ref, group.id, index),
            }
        )
    return render(
        request,
        "group.html.j2",
        status=status,
        group=group,
        label=tr(group.text, lang),
        help=tr(group.help, lang),
        item_label=tr(group.item_label, lang),
        rows=rows,
        full=group.max_items is not None and len(items) >= group.max_items,
        add=urls.entry(ref, group.id, "new"),
        **context,
    )


def _group(loaded: LoadedAnswers, qid: str) -> Question:
    question = loaded.questionnaire.question(qid)
    if (
        question is None
        or question.type != "group"
        or question not in visible_questions(loaded.questionnaire, loaded.answers)
    ):
        raise HTTPException(404)
    return question


def _index(request: Request, items: list[dict[str, Any]], *, allow_new: bool) -> int | None:
    raw = str(request.path_params["index"])
    if raw == "new" and allow_new:
        return None
    if not raw.isdigit() or int(raw) >= len(items):
        raise HTTPException(404)
    return int(raw)


def _entry_of(
    request: Request, *, allow_new: bool
) -> tuple[str, LoadedAnswers, Question, list[Any], int | None]:
    """The answers file, group, entries and entry index named in the address."""
    ref, path = answers_path(request)
    loaded = load(request, path)
    group = _group(loaded, str(request.path_params["qid"]))
    items = list(loaded.answers.value(group) or [])
    return ref, loaded, group, items, _index(request, items, allow_new=allow_new)


async def show_entry(request: Request) -> Response:
    """The form of one entry (empty for a new one)."""
    ref, loaded, group, items, index = await run_in_threadpool(lambda: _entry_of(request, allow_new=True))
    item = items[index] if index is not None else {}
    return _entry_page(request, ref, loaded, group, index, item, {}, {}, [])


async def save_entry(request: Request) -> Response:
    """Save one entry; back to the list, or to the form when fields were added or need an answer."""
    ref, path = answers_path(request)
    form = await read_form(request)
    return await run_in_threadpool(_save_entry, request, ref, path, form)


def _save_entry(request: Request, ref: str, path: Path, form: FormData) -> Response:
    lang = request.state.lang
    _ = gettext_for(lang)
    with services(request).locks.hold(path):
        loaded = load(request, path)
        q, answers = loaded.questionnaire, loaded.answers
        group = _group(loaded, str(request.path_params["qid"]))
        items = [dict(i) for i in loaded.answers.value(group) or []]
        index = _index(request, items, allow_new=True)
        shown = set(texts(form, "shown"))
        item: dict[str, Any] = {}
        errors: dict[str, str] = {}
        refused: dict[str, Reading] = {}
        for sub in group.fields:
            if sub.id not in shown:
                continue
            reading = read_answer(sub, form, lang, name=FIELD_PREFIX + sub.id)
            if reading.refused:
                errors[sub.id] = reading.error
                refused[sub.id] = reading
            elif reading.value is not None:
                item[sub.id] = reading.value
        values = condition_values(q, answers)
        visible = visible_fields(q, group, item, values)
        item = {k: v for k, v in item.items() if k in {f.id for f in visible}}
        added = [f.id for f in visible if f.id not in shown]
        needed = _needed_to_save() if group.store == "ai_systems" else frozenset()
        for sub in visible:
            if sub.id in needed and item.get(sub.id) in (None, []) and sub.id not in errors:
                errors[sub.id] = _("Answer this question to save the entry.")
        if index is None and group.max_items is not None and len(items) >= group.max_items:
            errors["name"] = _("The list is full: it takes at most %(count)d entries.") % {
                "count": group.max_items
            }
        others = [i.get("name") for n, i in enumerate(items) if n != index]
        if item.get("name") and item["name"] in others:
            errors["name"] = _("Another entry already has this name; give each its own.")
        problems: list[str] = []
        if not errors:
            candidate = items.copy()
            if index is None:
                candidate.append(item)
            else:
                candidate[index] = item
            problems = _register_problems(answers, group, candidate)
        if errors or problems:
            return _entry_page(
                request,
                ref,
                loaded,
                group,
                index,
                item,
                errors,
                refused,
                added,
                problems=problems,
                status=400,
            )
        answers.set_value(group, candidate)
        save(path, answers)
        saved_index = len(candidate) - 1 if index is None else index
    still_open = [f.id for f in visible if f.required and not is_answered(f, item.get(f.id))]
    if added:
        return redirect(urls.entry(ref, group.id, saved_index) + "?added=" + ",".join(added))
    if text(form, "action") == "stay" or still_open:
        return redirect(
            urls.entry(ref, group.id, saved_index) + ("?saved=1" if not still_open else "?open=1")
        )
    return redirect(urls.question(ref, group.id))


def _register_problems(answers: Answers, group: Question, items: list[dict[str, Any]]) -> list[str]:
    """What the AI Act engine finds wrong with the register as it would be saved (nothing, usually)."""
    if group.store != "ai_systems":
        return []
    from readiness.aiact import register_from_data

    trial = replace(answers, ai_systems=items)
    try:
        register_from_data(register_data(trial), "form")
    except ProblemsError as exc:
        return [p.message for p in exc.problems]
    return []


def _entry_page(
    request: Request,
    ref: str,
    loaded: LoadedAnswers,
    group: Question,
    index: int | None,
    item: dict[str, Any],
    errors: dict[str, str],
    refused: dict[str, Reading],
    added: list[str],
    *,
    problems: list[str] | None = None,
    status: int = 200,
) -> Response:
    lang = request.state.lang
    marked = added or [a for a in request.query_params.get("added", "").split(",") if a]
    values = condition_values(loaded.questionnaire, loaded.answers)
    fields: list[Field] = [
        field_for(
            sub,
            item.get(sub.id),
            lang,
            name=FIELD_PREFIX + sub.id,
            error=errors.get(sub.id, ""),
            typed=refused[sub.id].typed if sub.id in refused else None,
            rows=refused[sub.id].rows if sub.id in refused else None,
        )
        for sub in visible_fields(loaded.questionnaire, group, item, values)
    ]
    opened = request.query_params.get("open") == "1"
    still_open = [
        f.question.id
        for f in fields
        if f.question.required and not is_answered(f.question, item.get(f.question.id))
    ]
    return render(
        request,
        "entry.html.j2",
        status=status,
        ref=ref,
        group=group,
        company=str(loaded.answers.company.get("name", "")),
        title=tr(loaded.questionnaire.title, lang),
        item_label=tr(group.item_label, lang),
        name=str(item.get("name", "")),
        new=index is None,
        action=urls.entry(ref, group.id, "new" if index is None else index),
        back=urls.question(ref, group.id),
        fields=fields,
        added=set(marked),
        error_items=[item for f in fields for item in f.errors] + [("", p) for p in problems or []],
        still_open=set(still_open) if opened else set(),
        saved=request.query_params.get("saved") == "1",
    )


async def confirm_remove(request: Request) -> Response:
    """Ask before removing an entry: what is removed cannot be brought back from here."""
    ref, loaded, group, items, index = await run_in_threadpool(lambda: _entry_of(request, allow_new=False))
    assert index is not None
    return render(
        request,
        "remove.html.j2",
        ref=ref,
        company=str(loaded.answers.company.get("name", "")),
        title=tr(loaded.questionnaire.title, request.state.lang),
        name=str(items[index].get("name") or index + 1),
        action=urls.remove_entry(ref, group.id, index),
        back=urls.question(ref, group.id),
    )


async def remove(request: Request) -> Response:
    """Remove one entry and save."""
    ref, path = answers_path(request)
    form = await read_form(request)

    def drop() -> str:
        with services(request).locks.hold(path):
            loaded = load(request, path)
            group = _group(loaded, str(request.path_params["qid"]))
            items = list(loaded.answers.value(group) or [])
            index = _index(request, items, allow_new=False)
            assert index is not None
            if str(items[index].get("name", "")) == str(form.get("name", items[index].get("name", ""))):
                items.pop(index)
                loaded.answers.set_value(group, items)
                save(path, loaded.answers)
            return group.id

    qid = await run_in_threadpool(drop)
    return redirect(urls.question(ref, qid))
