"""What every request passes through: the host check, body limits, the session, the login and the
security headers.

One plain ASGI middleware, so that nothing here reads or replays a request's body. Forms check their
CSRF token where they are read (`readiness.web.forms.read_form`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import quote

from anyio import to_thread

from readiness.web.i18n import accept_language, pick_language
from readiness.web.sessions import COOKIE, MAX_SECONDS, Session, find_session, new_session
from readiness.web.settings import Settings
from readiness.web.workspace import Workspace

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LANG_COOKIE = "readiness_lang"
PUBLIC_PREFIXES = ("/static/", "/login")
# Pages are built from the package's own files: scripts and styles only from this server, no inline
# script or style, no plugins, no framing by other sites, forms posting only here.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
]


class BodyTooLarge(Exception):
    """A request body grew past its limit while it was read."""


class Guard:
    """The middleware; `settings` says whether a login is needed and what the hosts and limits are."""

    def __init__(self, app: ASGIApp, settings: Settings, languages: list[str]) -> None:
        self.app = app
        self.settings = settings
        self.languages = languages
        self.cookie = cookie_name(settings)
        self.state_dir = Workspace(settings.workspace).state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        state = scope.setdefault("state", {})
        state["lang"] = self._language(scope, headers)
        path = scope["path"]
        if not path.startswith("/static/"):
            session = await to_thread.run_sync(self._session, headers.get("cookie", ""))
            state["session"] = session
            state["session_new"] = session.token != _cookie(headers.get("cookie", ""), self.cookie)
            if self.settings.login and session.user is None and not path.startswith(PUBLIC_PREFIXES):
                if scope["method"] in ("GET", "HEAD"):
                    target = path + (
                        f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else ""
                    )
                    await _redirect(send, f"/login?next={quote(target, safe='')}", self._cookie_header(state))
                else:
                    await _plain(send, 403, "sign in first")
                return
        limit = self._limit(headers)
        received = 0

        async def limited_receive() -> MutableMapping[str, Any]:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
            return message

        started = False

        async def secured_send(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = self._headers(list(message.get("headers", [])), state, scope)
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except BodyTooLarge:
            if not started:
                await _plain(send, 413, f"the upload is larger than {limit // (1024 * 1024) or 1} MiB")

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if self.settings.loopback and host not in self._loopback_hosts():
            # A page on another site that renamed itself to 127.0.0.1 (DNS rebinding) gets nothing.
            return 421, f"this server answers only at http://127.0.0.1:{self.settings.port}/"
        if scope["method"] not in ("GET", "HEAD", "POST"):
            return 405, "method not allowed"
        if scope["method"] == "POST":
            origin = headers.get("origin")
            if origin and origin != "null" and origin.split("://", 1)[-1] != host:
                return 403, "a form from another site was refused"
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self._limit(headers):
                return 413, f"the upload is larger than {self._limit(headers) // (1024 * 1024) or 1} MiB"
        return None

    def _loopback_hosts(self) -> set[str]:
        port = self.settings.port
        return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"{self.settings.host}:{port}"}

    def _limit(self, headers: dict[str, str]) -> int:
        multipart = headers.get("content-type", "").startswith("multipart/form-data")
        return self.settings.max_upload_bytes if multipart else self.settings.max_form_bytes

    def _language(self, scope: Scope, headers: dict[str, str]) -> str:
        wanted = [_cookie(headers.get("cookie", ""), LANG_COOKIE)]
        return pick_language(
            [w for w in wanted if w] + accept_language(headers.get("accept-language", "")), self.languages
        )

    def _session(self, cookies: str) -> Session:
        return find_session(self.state_dir, _cookie(cookies, self.cookie)) or new_session(self.state_dir)

    def _cookie_header(self, state: dict[str, Any]) -> list[tuple[bytes, bytes]]:
        session = state.get("session")
        if session is None or not state.get("session_new"):
            return []
        attributes = f"Path=/; Max-Age={MAX_SECONDS}; HttpOnly; SameSite=Lax"
        if self.settings.https:
            attributes += "; Secure"
        return [(b"set-cookie", f"{self.cookie}={session.token}; {attributes}".encode("latin-1"))]

    def _headers(
        self, headers: list[tuple[bytes, bytes]], state: dict[str, Any], scope: Scope
    ) -> list[tuple[bytes, bytes]]:
        present = {k.lower() for k, _ in headers}
        added = [h for h in HEADERS if h[0] not in present]
        if b"content-security-policy" not in present:
            added.append((b"content-security-policy", CSP.encode("latin-1")))
        if b"x-frame-options" not in present:
            added.append((b"x-frame-options", b"DENY"))
        if b"cache-control" not in present:
            added.append((b"cache-control", b"no-store"))
        if self.settings.https:
            added.append((b"strict-transport-security", b"max-age=31536000"))
        return headers + added + self._cookie_header(state)


def cookie_name(settings: Settings) -> str:
    """The session cookie's name: per port (cookies do not tell ports apart), `__Host-` bound under HTTPS."""
    name = f"{COOKIE}_{settings.port}"
    return f"__Host-{name}" if settings.https else name


def _cookie(header: str, name: str) -> str:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
                (b"content-security-policy", CSP.encode("latin-1")),
                (b"x-frame-options", b"DENY"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _redirect(send: Send, location: str, extra: list[tuple[bytes, bytes]]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", location.encode("latin-1")),
                (b"content-length", b"0"),
                *HEADERS,
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})
