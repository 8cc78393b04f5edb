"""What the route modules share: the services, reading an answers file named in the address, saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse

from readiness.answers import Answers, LoadedAnswers, load_answers, save_answers
from readiness.web.services import Services


def services(request: Request) -> Services:
    """The server's shared state."""
    result: Services = request.app.state.services
    return result


def now() -> str:
    """The moment of a save, as the answers file records it (UTC, to the second), as the terminal does."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def today() -> dt.date:
    """The date an assessment shown now is made for."""
    return dt.date.today()


def answers_path(request: Request) -> tuple[str, Path]:
    """The workspace name and file of the answers file in the address (`/a/<ref>/...`)."""
    ref = str(request.path_params["ref"])
    return ref, services(request).workspace.resolve(ref)


def load(request: Request, path: Path) -> LoadedAnswers:
    """The answers file, checked against its questionnaire (a ProblemsError names what is wrong where)."""
    return load_answers(path, services(request).registry)


def save(path: Path, answers: Answers) -> None:
    """Save the answers atomically, stamped, exactly as the terminal interview saves them."""
    save_answers(path, answers, now=now())


def redirect(url: str) -> RedirectResponse:
    """See other: after a form, the browser fetches the next page with GET (reloading it posts nothing)."""
    return RedirectResponse(url, status_code=303)
