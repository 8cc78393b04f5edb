"""Signing in and out, for a server others can reach (`readiness users add` makes the accounts)."""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from readiness.web.accounts import verify
from readiness.web.forms import read_form, text
from readiness.web.pages import gettext_for, render
from readiness.web.routes.common import redirect, services
from readiness.web.sessions import end_session, new_session

_LOCAL = re.compile(r"^/(?![/\\])[^\s]*$")


def _next(value: str) -> str:
    """Where to go after signing in: a path on this server only, never another site."""
    return value if _LOCAL.match(value) and not value.startswith("/login") else "/"


async def login_page(request: Request) -> Response:
    """The sign-in form (only asked for when the workspace has accounts)."""
    return render(
        request, "login.html.j2", next=_next(request.query_params.get("next", "/")), error="", name=""
    )


async def login(request: Request) -> Response:
    """Check the password, at most a few failures per address and name, then start a fresh session."""
    _ = gettext_for(request.state.lang)
    form = await read_form(request)
    name = text(form, "name").strip().lower()[:64]
    password = text(form, "password")
    target = _next(text(form, "next", "/"))
    svc = services(request)
    address = request.client.host if request.client else "unknown"
    keys = (f"address:{address}", f"name:{name}")
    wait = svc.limiter.wait_seconds(*keys)
    if wait:
        minutes = max(1, (wait + 59) // 60)
        error = _("Too many failed sign-ins. Try again in %(minutes)d minutes.") % {"minutes": minutes}
        return render(request, "login.html.j2", status=429, next=target, error=error, name=name)
    state_dir = svc.workspace.state
    if not await run_in_threadpool(verify, state_dir, name, password):
        svc.limiter.failed(*keys)
        error = _("The name or the password is not right.")
        return render(request, "login.html.j2", status=401, next=target, error=error, name=name)
    old = request.state.session
    session = await run_in_threadpool(new_session, state_dir, name)
    await run_in_threadpool(end_session, state_dir, old.token)
    request.state.session = session
    request.state.session_new = True
    return redirect(target)


async def logout(request: Request) -> Response:
    """End the session."""
    await read_form(request)
    state_dir = services(request).workspace.state
    await run_in_threadpool(end_session, state_dir, request.state.session.token)
    request.state.session = await run_in_threadpool(new_session, state_dir)
    request.state.session_new = True
    return redirect("/login" if services(request).settings.login else "/")
