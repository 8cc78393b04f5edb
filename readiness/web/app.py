"""The app: its routes, the middleware every request passes, and the pages shown for errors."""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from readiness.errors import ProblemsError, ReadinessError
from readiness.questionnaire.registry import Registry
from readiness.web.forms import StaleForm
from readiness.web.middleware import Guard
from readiness.web.pages import gettext_for, render
from readiness.web.routes import (
    auth,
    brand,
    clients,
    documents,
    home,
    hub,
    imports,
    interview,
    register,
    result,
)
from readiness.web.services import Services
from readiness.web.settings import Settings
from readiness.web.static import STATIC_DIR
from readiness.web.workspace import OutsideWorkspace

log = logging.getLogger("readiness.web")

A = "/a/{ref:path}"


def routes() -> list[BaseRoute]:
    """Every page. The order matters for `/a/<file>/...`: the file's own page comes last."""
    return [
        Route("/", home.home),
        Route("/language/{code}", home.language),
        Route("/new", home.new_page),
        Route("/new", home.start, methods=["POST"]),
        Route("/login", auth.login_page),
        Route("/login", auth.login, methods=["POST"]),
        Route("/logout", auth.logout, methods=["POST"]),
        Route("/clients", clients.listing),
        Route("/clients/rows", clients.rows),
        Route("/hub", hub.overview),
        Route("/hub/import", imports.import_page),
        Route("/hub/import", imports.upload, methods=["POST"]),
        Route("/hub/import/rows", imports.create_rows, methods=["POST"]),
        Route("/hub/template/{qid}.{fmt}", imports.template),
        Route("/hub/batch", hub.batch_start, methods=["POST"]),
        Route("/hub/batch/{job}", hub.batch_status),
        Route("/hub/files/{folder}/fonts/{name}", result.font),
        Route("/hub/files/{folder}/{name}", hub.output_file),
        Route("/hub/cohort", documents.cohort, methods=["POST"]),
        Route("/hub/cohort/{stem}", documents.cohort_page),
        Route("/hub/cohort/{stem}/pdf", documents.cohort_pdf),
        Route("/hub/compare", documents.compare),
        Route("/hub/compare/pdf", documents.compare_pdf),
        Route("/hub/brand", brand.brand_page),
        Route("/hub/brand", brand.brand_save, methods=["POST"]),
        Route(f"{A}/next", interview.resume),
        Route(f"{A}/finish", interview.finish),
        Route(f"{A}/finish", interview.complete, methods=["POST"]),
        Route(f"{A}/q/{{qid}}/entry/{{index}}/remove", register.confirm_remove),
        Route(f"{A}/q/{{qid}}/entry/{{index}}/remove", register.remove, methods=["POST"]),
        Route(f"{A}/q/{{qid}}/entry/{{index}}", register.show_entry),
        Route(f"{A}/q/{{qid}}/entry/{{index}}", register.save_entry, methods=["POST"]),
        Route(f"{A}/q/{{qid}}", interview.show),
        Route(f"{A}/q/{{qid}}", interview.answer, methods=["POST"]),
        Route(f"{A}/result", result.page),
        Route(f"{A}/report/view.html", result.view),
        Route(f"{A}/report/fonts/{{name}}", result.font),
        Route(f"{A}/download/{{fmt}}", result.download),
        Route(f"{A}/drafts", result.make_drafts, methods=["POST"]),
        Route(f"{A}/drafts/{{name:path}}", result.draft),
        Route(f"{A}/follow-up", clients.follow_up, methods=["POST"]),
        Route(A, clients.client),
        Mount("/static", StaticFiles(directory=STATIC_DIR, follow_symlink=False), name="static"),
    ]


def _page(
    request: Request, status: int, heading: str, explanation: str, problems: list[str] | None = None
) -> Response:
    if not hasattr(request.state, "session"):
        return Response(f"{heading}\n{explanation}\n", status_code=status, media_type="text/plain")
    return render(
        request,
        "error.html.j2",
        status=status,
        heading=heading,
        explanation=explanation,
        problems=problems or [],
    )


async def _outside(request: Request, exc: Exception) -> Response:
    _ = gettext_for(request.state.lang)
    return _page(request, 404, _("Not found"), _("There is no such file in this workspace."))


async def _problems(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemsError)
    _ = gettext_for(request.state.lang)
    explanation = _(
        "This file cannot be used as it is. Each problem below names the line and what is wrong; "
        "correct the file (or ask whoever made it) and try again."
    )
    workspace = request.app.state.services.workspace
    problems = [workspace.shown(str(p)) for p in exc.problems]
    return _page(request, 422, _("The file has problems"), explanation, problems)


async def _user_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ReadinessError)
    _ = gettext_for(request.state.lang)
    workspace = request.app.state.services.workspace
    return _page(request, 400, _("That did not work"), _("The tool said:"), [workspace.shown(exc.message)])


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    _ = gettext_for(request.state.lang)
    if isinstance(exc, StaleForm):
        return _page(
            request,
            403,
            _("This page has expired"),
            _(
                "The form was older than your session, or came from another site. Nothing was changed. "
                "Go back, reload the page and try again; every answer saved before is still there."
            ),
        )
    if exc.status_code == 409:
        return _page(
            request,
            409,
            _("Not finished yet"),
            _(
                "This assessment still has required questions open; "
                "the report is made once they are answered."
            ),
        )
    if exc.status_code == 405:
        return _page(request, 405, _("Not found"), _("This address does not take that kind of request."))
    return _page(request, exc.status_code, _("Not found"), _("There is no such page."))


async def _crash(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s", request.url.path, exc_info=exc)
    lang = getattr(request.state, "lang", "en")
    _ = gettext_for(lang)
    return _page(
        request,
        500,
        _("Something went wrong"),
        _(
            "This is a fault in readiness, not in what you did. Your saved answers are safe. "
            "The details are in the terminal that runs the server; please report them."
        ),
    )


def create_app(settings: Settings, registry: Registry | None = None) -> Starlette:
    """The app for one workspace. The questionnaires are loaded now, so a broken one stops the start."""
    services = Services(settings, registry or Registry.default(settings.questionnaire_dirs))
    languages = services.languages
    app = Starlette(
        routes=routes(),
        middleware=[Middleware(Guard, settings=settings, languages=languages)],
        exception_handlers={
            OutsideWorkspace: _outside,
            ProblemsError: _problems,
            ReadinessError: _user_error,
            HTTPException: _http,
            Exception: _crash,
        },
    )
    app.state.services = services
    return app
