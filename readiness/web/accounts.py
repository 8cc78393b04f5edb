"""Accounts for a server others can reach: names and argon2 password hashes (`readiness users`).

argon2-cffi (Argon2id with its recommended parameters) hashes the passwords; a hash made with older
parameters is replaced at the next login. A login for a name that does not exist costs the same time
as one that does, so the answer's speed does not tell which names exist.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from readiness.errors import ReadinessError
from readiness.web.store import connect

NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
MIN_PASSWORD = 12
MAX_PASSWORD = 1024


@cache
def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return str(_hasher().hash("a password no account has"))


def check_name(name: str) -> str:
    """The account name, or why it cannot be one."""
    if not NAME.match(name):
        raise ReadinessError(
            f"'{name}' cannot be an account name: use 1-64 lower-case letters, digits, '.', '_', '@' or '-'"
        )
    return name


def check_password(password: str) -> None:
    """Refuse passwords too short to resist guessing, or too long to hash quickly."""
    if len(password) < MIN_PASSWORD:
        raise ReadinessError(f"the password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise ReadinessError(f"the password may have at most {MAX_PASSWORD} characters")


def add_user(state_dir: Path, name: str, password: str) -> None:
    """Create the account `name`; an error when it exists."""
    check_name(name)
    check_password(password)
    hashed = _hasher().hash(password)
    with connect(state_dir) as db:
        if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise ReadinessError(f"the account '{name}' exists already; remove it first to reset it")
        db.execute(
            "INSERT INTO users (name, hash, created) VALUES (?, ?, ?)",
            (name, hashed, dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
        )


def remove_user(state_dir: Path, name: str) -> None:
    """Delete the account `name` and end its sessions; an error when there is no such account."""
    with connect(state_dir) as db:
        if db.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount == 0:
            raise ReadinessError(f"there is no account '{name}'")
        db.execute("DELETE FROM sessions WHERE user = ?", (name,))


def list_users(state_dir: Path) -> list[tuple[str, str]]:
    """(name, created) of every account, by name."""
    with connect(state_dir) as db:
        return [(str(n), str(c)) for n, c in db.execute("SELECT name, created FROM users ORDER BY name")]


def has_users(state_dir: Path) -> bool:
    """Whether the workspace has any account (then every page asks for a login)."""
    if not (state_dir / "accounts.sqlite").exists():
        return False
    with connect(state_dir) as db:
        return db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def verify(state_dir: Path, name: str, password: str) -> bool:
    """Whether `password` is the password of `name`."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if len(password) > MAX_PASSWORD:
        return False
    with connect(state_dir) as db:
        row = db.execute("SELECT hash FROM users WHERE name = ?", (name,)).fetchone()
    hashed = str(row[0]) if row else _dummy_hash()
    try:
        _hasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
    if row is None:
        return False
    if _hasher().check_needs_rehash(hashed):
        with connect(state_dir) as db:
            db.execute("UPDATE users SET hash = ? WHERE name = ?", (_hasher().hash(password), name))
    return True
