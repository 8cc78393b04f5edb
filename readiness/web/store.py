"""The server's private SQLite file (`.readiness/accounts.sqlite`): accounts and sessions.

Unlike the client index, this file is not rebuilt from anything: it holds the only copy of the
accounts. One short-lived connection per call, so every thread of the server works on its own.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

FILENAME = "accounts.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user TEXT,
    csrf TEXT NOT NULL,
    created REAL NOT NULL,
    seen REAL NOT NULL
);
"""


@contextlib.contextmanager
def connect(state_dir: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the store in `state_dir`, its tables made on first use; committed on success."""
    path = state_dir / FILENAME
    fresh = not path.exists()
    connection = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        if fresh:
            path.chmod(0o600)
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.executescript(SCHEMA)
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
