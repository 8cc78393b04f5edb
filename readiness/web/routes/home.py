"""The first pages: the assessments in the workspace, starting a new one, and the language switch."""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from readiness.answers import Answers, value_problem
from readiness.errors import ReadinessError
from readiness.questionnaire.model import Questionnaire, tr
from readiness.sectors import questionnaire_for_nace
from readiness.web import urls
from readiness.web.forms import read_form, text
from readiness.web.middleware import LANG_COOKIE
from readiness.web.pages import gettext_for, render
from readiness.web.routes.common import redirect, save, services

BY_NACE = "by-nace"
MAX_NAME = 200
_LOCAL_PATH = re.compile(r"^/(?![/\\])[^\s]*$")


async def home(request: Request) -> Response:
    """The interviews in progress (to resume), the finished ones, and a way to start a new one."""
    index = services(request).index
    await run_in_threadpool(index.refresh)
    entries = await run_in_threadpool(index.entries)
    return render(
        request,
        "home.html.j2",
        open=[e for e in entries if e.in_progress],
        done=[e for e in entries if e.complete and not e.problem][:10],
        broken=[e for e in entries if e.problem],
        total=len(entries),
    )


async def language(request: Request) -> Response:
    """Switch the pages' language and go back to where the user was."""
    code = str(request.path_params["code"])
    target = request.query_params.get("next", "/")
    response = redirect(target if _LOCAL_PATH.match(target) else "/")
    if code in services(request).languages:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 24 * 3600, httponly=True, samesite="lax")
    return response


def _choices(request: Request) -> list[Questionnaire]:
    """The questionnaires to choose from: those for every sector first, then by their title."""
    lang = request.state.lang
    return sorted(services(request).questionnaires, key=lambda q: ("*" not in q.sector, tr(q.title, lang)))


async def new_page(request: Request) -> Response:
    """Choose the questionnaire (or give the NACE code), the language, and the organisation's name."""
    return render(
        request, "new.html.j2", questionnaires=_choices(request), values={}, errors={}, error_items=[]
    )


async def start(request: Request) -> Response:
    """Create the answers file and go to its first question."""
    form = await read_form(request)
    return await run_in_threadpool(_start, request, form)


def _start(request: Request, form: FormData) -> Response:
    _ = gettext_for(request.state.lang)
    name = text(form, "name").strip()
    choice = text(form, "questionnaire")
    nace = text(form, "nace").strip().upper()
    lang = text(form, "lang") or request.state.lang
    registry = services(request).registry
    known = {q.id for q in _choices(request)}
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Write the name of the organisation.")
    elif len(name) > MAX_NAME:
        errors["name"] = _("Write at most %(count)d characters.") % {"count": MAX_NAME}
    qid = choice if choice in known else ""
    if choice not in known and choice not in ("", BY_NACE):
        errors["questionnaire"] = _("Choose one of the questionnaires.")
    elif not qid and not nace:
        errors["questionnaire"] = _("Choose a questionnaire, or give your NACE code to have it chosen.")
    if nace:
        questionnaire = registry.load(qid) if qid else None
        problem = _nace_problem(questionnaire or _choices(request)[0], nace)
        if problem:
            errors["nace"] = _("Write a NACE code such as C28 or Q86, or a section letter such as C.")
        elif not qid:
            try:
                qid = questionnaire_for_nace(registry, nace)
            except ReadinessError:
                errors["nace"] = _("No questionnaire covers this code; choose one from the list.")
    if lang not in services(request).languages:
        lang = request.state.lang
    if errors:
        values = {"name": name, "questionnaire": choice, "nace": nace, "lang": lang}
        targets = {"name": "name", "questionnaire": "questionnaire-1", "nace": "nace"}
        items = [(targets[key], message) for key, message in errors.items()]
        return render(
            request,
            "new.html.j2",
            status=400,
            questionnaires=_choices(request),
            values=values,
            errors=errors,
            error_items=items,
        )
    questionnaire = registry.load(qid)
    company = {"name": name, **({"nace": nace} if nace else {})}
    answers = Answers(questionnaire=questionnaire.ref, company=company, meta={"complete": False})
    workspace = services(request).workspace
    path = workspace.create(name, ".answers.yaml", answers.to_yaml().encode("utf-8"))
    save(path, answers)
    response = redirect(urls.resume(workspace.ref(path)))
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, httponly=True, samesite="lax")
    return response


def _nace_problem(questionnaire: Questionnaire, nace: str) -> str | None:
    """Whether the code fits the company profile's NACE question (its pattern), as the interview checks it."""
    question = next((q for q in questionnaire.questions() if q.store == "company.nace"), None)
    return value_problem(question, nace) if question is not None else None
