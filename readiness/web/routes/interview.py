"""The interview in the browser: one question a page, saved on every answer, with the terminal's rules.

Which question comes next, what "skip" means and when the answers are complete is decided by
`readiness.flow`, exactly as in `readiness assess`; the answers file is the same file, so an interview
started here continues in the terminal and the other way round. Every change re-reads the file under
a lock and sets only the answer posted, so two tabs never undo each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from readiness.answers import LoadedAnswers
from readiness.flow import (
    conclude,
    first_open,
    is_answered,
    missing_required,
    next_after,
    previous_before,
    progress,
    record_turn,
    visible_questions,
)
from readiness.questionnaire.model import SPECIAL_ANSWERS, Question, tr
from readiness.web import urls
from readiness.web.forms import read_form, text
from readiness.web.pace import minutes_left
from readiness.web.pages import gettext_for, render
from readiness.web.questions import Reading, field_for, read_answer
from readiness.web.routes import register
from readiness.web.routes.common import answers_path, load, redirect, save, services


async def resume(request: Request) -> Response:
    """Continue at the first question that has had no turn yet, or go to the end."""
    _ref, path = answers_path(request)
    loaded = await run_in_threadpool(load, request, path)
    ref = str(request.path_params["ref"])
    question = first_open(loaded.questionnaire, loaded.answers)
    return redirect(urls.question(ref, question.id) if question else urls.finish(ref))


async def show(request: Request) -> Response:
    """The page of one question (the register's page for a repeated group)."""
    ref, path = answers_path(request)
    loaded = await run_in_threadpool(load, request, path)
    question = _visible(loaded, str(request.path_params["qid"]))
    if question is None:
        return redirect(urls.resume(ref))
    return question_page(request, ref, loaded, question)


async def answer(request: Request) -> Response:
    """Store the answer (or the skip, or "don't know") and go to the next question."""
    ref, path = answers_path(request)
    form = await read_form(request)
    return await run_in_threadpool(_answer, request, ref, path, str(request.path_params["qid"]), form)


def _answer(request: Request, ref: str, path: Path, qid: str, form: FormData) -> Response:
    _ = gettext_for(request.state.lang)
    action = text(form, "action", "save")
    back_to_end = text(form, "then") == "finish"
    with services(request).locks.hold(path):
        loaded = load(request, path)
        q, answers = loaded.questionnaire, loaded.answers
        question = _visible(loaded, qid)
        if question is None:
            return redirect(urls.resume(ref))
        skipped = action == "skip"
        if question.type == "group":
            if not skipped:
                answers.set_value(question, answers.value(question) or [])
        elif action in SPECIAL_ANSWERS:
            if not getattr(question, action):
                return question_page(
                    request,
                    ref,
                    loaded,
                    question,
                    error=_("This question does not offer that answer."),
                    status=400,
                )
            answers.set_value(question, action)
        elif not skipped:
            reading = read_answer(question, form, request.state.lang)
            error = reading.error
            if reading.value is None and not reading.refused and question.required:
                error = _("This question needs an answer. Choose “Skip for now” to come back to it later.")
            if error or reading.rows:
                return question_page(request, ref, loaded, question, error=error, reading=reading, status=400)
            answers.set_value(question, reading.value)
            skipped = reading.value is None
        following = next_after(q, answers, question)
        record_turn(answers, question, skipped=skipped, following=following)
        if following is None or back_to_end:
            conclude(q, answers)
        save(path, answers)
    if following is None or back_to_end:
        return redirect(urls.finish(ref))
    return redirect(urls.question(ref, following.id))


def _visible(loaded: LoadedAnswers, qid: str) -> Question | None:
    question = loaded.questionnaire.question(qid)
    visible = visible_questions(loaded.questionnaire, loaded.answers)
    return question if question is not None and question in visible else None


def question_page(
    request: Request,
    ref: str,
    loaded: LoadedAnswers,
    question: Question,
    *,
    error: str = "",
    reading: Reading | None = None,
    status: int = 200,
) -> Response:
    """A question's page: the form, the help, the way back, and how far along the interview is.

    After a refused post, `reading` holds what was posted (shown again) and a matrix's refused rows.
    """
    context = _interview_context(request, ref, loaded, question)
    if question.type == "group":
        return register.group_page(request, ref, loaded, question, context, status=status)
    field = field_for(
        question,
        loaded.answers.value(question),
        request.state.lang,
        error=error,
        typed=reading.typed if reading else None,
        rows=reading.rows if reading else None,
    )
    return render(request, "question.html.j2", status=status, field=field, **context)


def _interview_context(
    request: Request, ref: str, loaded: LoadedAnswers, question: Question
) -> dict[str, Any]:
    q, answers = loaded.questionnaire, loaded.answers
    lang = request.state.lang
    visible = visible_questions(q, answers)
    position = visible.index(question)
    still_open = [x for x in visible[position:] if x is question or not is_answered(x, answers.value(x))]
    previous = previous_before(q, answers, question)
    new_section = previous is None or previous.section != question.section
    return {
        "ref": ref,
        "question": question,
        "company": str(answers.company.get("name", "")),
        "title": tr(q.title, lang),
        "where": progress(q, question),
        "section_intro": tr(_section(loaded, question).intro, lang) if new_section else "",
        "minutes": minutes_left(still_open),
        "previous": urls.question(ref, previous.id) if previous else "",
        "then": request.query_params.get("then", ""),
    }


def _section(loaded: LoadedAnswers, question: Question) -> Any:
    return next(s for s in loaded.questionnaire.sections if s.id == question.section)


async def finish(request: Request) -> Response:
    """The end: the required questions still open, or the way to the result."""
    ref, path = answers_path(request)
    loaded = await run_in_threadpool(load, request, path)
    missing = missing_required(loaded.questionnaire, loaded.answers)
    if not missing and loaded.answers.meta.get("complete") is True:
        return redirect(urls.result(ref))
    lang = request.state.lang
    return render(
        request,
        "finish.html.j2",
        ref=ref,
        company=str(loaded.answers.company.get("name", "")),
        title=tr(loaded.questionnaire.title, lang),
        missing=[(tr(x.text, lang), urls.question(ref, x.id, then="finish")) for x in missing],
    )


async def complete(request: Request) -> Response:
    """Mark answers complete once nothing required is open (answers finished elsewhere, e.g. a tab)."""
    ref, path = answers_path(request)
    await read_form(request)

    def close() -> None:
        with services(request).locks.hold(path):
            loaded = load(request, path)
            if conclude(loaded.questionnaire, loaded.answers):
                save(path, loaded.answers)

    await run_in_threadpool(close)
    return redirect(urls.finish(ref))
