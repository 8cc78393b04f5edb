"""Browser sessions: a random token in an HttpOnly cookie, its hash and CSRF token on the server.

Every browser gets a session, signed in or not, because every form carries the session's CSRF token
(a page on another site cannot read it, so it cannot post for the user). Sessions end after
IDLE_SECONDS without a request or MAX_SECONDS in all, when the user signs out, or when the account
is removed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from readiness.web.store import connect

COOKIE = "readiness_session"
IDLE_SECONDS = 8 * 3600
MAX_SECONDS = 7 * 24 * 3600
# Writing "last seen" on every request would make every page a database write; once a minute is enough.
TOUCH_SECONDS = 60


@dataclass(frozen=True)
class Session:
    token: str
    user: str | None
    csrf: str

    def csrf_ok(self, offered: str | None) -> bool:
        """Whether a form's token is this session's (compared in constant time)."""
        return bool(offered) and hmac.compare_digest(self.csrf, str(offered))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def new_session(state_dir: Path, user: str | None = None) -> Session:
    """A fresh session (also after a login: a new token, so a token seen before the login is worthless)."""
    token, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(32), time.time()
    with connect(state_dir) as db:
        db.execute(
            "INSERT INTO sessions (token_hash, user, csrf, created, seen) VALUES (?, ?, ?, ?, ?)",
            (_hash(token), user, csrf, now, now),
        )
        db.execute(
            "DELETE FROM sessions WHERE seen < ? OR created < ?", (now - IDLE_SECONDS, now - MAX_SECONDS)
        )
    return Session(token, user, csrf)


def find_session(state_dir: Path, token: str | None) -> Session | None:
    """The live session of a cookie's token, or None."""
    if not token or len(token) > 100:
        return None
    now = time.time()
    with connect(state_dir) as db:
        row = db.execute(
            "SELECT user, csrf, created, seen FROM sessions WHERE token_hash = ?", (_hash(token),)
        ).fetchone()
        if row is None:
            return None
        user, csrf, created, seen = row
        if seen < now - IDLE_SECONDS or created < now - MAX_SECONDS:
            db.execute("DELETE FROM sessions WHERE token_hash = ?", (_hash(token),))
            return None
        if user is not None and not db.execute("SELECT 1 FROM users WHERE name = ?", (user,)).fetchone():
            return None
        if now - seen > TOUCH_SECONDS:
            db.execute("UPDATE sessions SET seen = ? WHERE token_hash = ?", (now, _hash(token)))
    return Session(token, user, csrf)


def end_session(state_dir: Path, token: str) -> None:
    """Forget the session (sign out)."""
    with connect(state_dir) as db:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (_hash(token),))
