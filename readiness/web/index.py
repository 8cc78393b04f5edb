"""The client list's index: one row per answers file in the workspace, kept in `.readiness/index.sqlite`.

The answers files are the source of truth. Each listing compares every file's size and modification
time with its row and reads again only what changed; a row whose file is gone is dropped. The index is
rebuilt from the files when it is missing, unreadable, made by another version of the tool, or of
another shape, so deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.errors import ReadinessError, display_path
from readiness.questionnaire.registry import Registry
from readiness.web.workspace import Workspace

FILENAME = "index.sqlite"
SHAPE = "3"
COLUMNS = (
    "ref",
    "mtime_ns",
    "bytes",
    "name",
    "country",
    "size",
    "nace",
    "section",
    "questionnaire",
    "complete",
    "created",
    "updated",
    "score",
    "level",
    "answered",
    "total",
    "problem",
)
INSERT = f"INSERT OR REPLACE INTO files ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    ref TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, bytes INTEGER NOT NULL, name TEXT NOT NULL,
    country TEXT NOT NULL, size TEXT NOT NULL, nace TEXT NOT NULL, section TEXT NOT NULL,
    questionnaire TEXT NOT NULL, complete INTEGER NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
    score REAL, level TEXT NOT NULL, answered INTEGER NOT NULL, total INTEGER NOT NULL, problem TEXT NOT NULL
);
-- shape {SHAPE}
"""


@dataclass(frozen=True)
class Entry:
    """One answers file as the client list shows it. `problem` is set when the file cannot be read."""

    ref: str
    mtime_ns: int
    bytes: int
    name: str
    country: str
    size: str
    nace: str
    section: str
    questionnaire: str
    complete: bool
    created: str
    updated: str
    score: float | None
    level: str
    answered: int
    total: int
    problem: str

    @property
    def in_progress(self) -> bool:
        return not self.complete and not self.problem


@dataclass(frozen=True)
class Filters:
    """What the client list is narrowed to; empty strings mean "any"."""

    search: str = ""
    section: str = ""
    country: str = ""
    level: str = ""
    status: str = ""  # "", "complete", "open", "problem"
    since: str = ""  # YYYY-MM-DD, on the date last saved
    until: str = ""


class ClientIndex:
    """The index of one workspace's answers files."""

    def __init__(self, workspace: Workspace, registry: Registry) -> None:
        self.workspace = workspace
        self.registry = registry
        self._lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self.workspace.state / FILENAME

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = self._open()
        except sqlite3.DatabaseError:
            # Not a database, or a damaged one: it is only an index, so start again from the files.
            self.path.unlink(missing_ok=True)
            connection = self._open()
        try:
            yield connection
        finally:
            connection.close()

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 10000")
        facts = _facts(connection)
        if facts.get("shape") != SHAPE or facts.get("tool") != __version__:
            connection.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS facts;")
        connection.executescript(SCHEMA)
        connection.executemany(
            "INSERT OR REPLACE INTO facts (key, value) VALUES (?, ?)",
            [("shape", SHAPE), ("tool", __version__)],
        )
        return connection

    def refresh(self) -> None:
        """Bring the index up to date with the files: read new and changed ones, drop vanished ones."""
        with self._lock, self._connect() as db:
            known = {row[0]: (row[1], row[2]) for row in db.execute("SELECT ref, mtime_ns, bytes FROM files")}
            seen = set()
            for path in self.workspace.answers_files():
                ref = self.workspace.ref(path)
                try:
                    stat = path.stat()
                except OSError:
                    continue
                seen.add(ref)
                if known.get(ref) == (stat.st_mtime_ns, stat.st_size):
                    continue
                entry = describe(path, ref, stat.st_mtime_ns, stat.st_size, self.registry)
                db.execute(INSERT, [getattr(entry, c) for c in COLUMNS])
            gone = [(ref,) for ref in known if ref not in seen]
            db.executemany("DELETE FROM files WHERE ref = ?", gone)

    def entries(self, filters: Filters = Filters()) -> list[Entry]:
        """The indexed files that pass `filters`, most recently saved first."""
        clauses, values = _where(filters)
        sql = f"SELECT {', '.join(COLUMNS)} FROM files"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY updated DESC, name"
        with self._connect() as db:
            return [_entry(row) for row in db.execute(sql, values)]

    def choices(self) -> dict[str, list[str]]:
        """The sections, countries and levels present, for the filter menus."""
        with self._connect() as db:
            return {
                column: [
                    str(v)
                    for (v,) in db.execute(
                        f"SELECT DISTINCT {column} FROM files WHERE {column} != '' ORDER BY {column}"
                    )
                ]
                for column in ("section", "country", "level")
            }


def _facts(connection: sqlite3.Connection) -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in connection.execute("SELECT key, value FROM facts")}
    except sqlite3.OperationalError:
        return {}


def _where(filters: Filters) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    values: list[Any] = []
    if filters.search:
        clauses.append("(name LIKE ? ESCAPE '\\' OR ref LIKE ? ESCAPE '\\')")
        pattern = "%" + filters.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        values += [pattern, pattern]
    for column in ("section", "country", "level"):
        value = getattr(filters, column)
        if value:
            clauses.append(f"{column} = ?")
            values.append(value)
    if filters.status == "complete":
        clauses.append("complete = 1 AND problem = ''")
    elif filters.status == "open":
        clauses.append("complete = 0 AND problem = ''")
    elif filters.status == "problem":
        clauses.append("problem != ''")
    if filters.since:
        clauses.append("substr(updated, 1, 10) >= ?")
        values.append(filters.since)
    if filters.until:
        clauses.append("substr(updated, 1, 10) <= ?")
        values.append(filters.until)
    return clauses, values


def _entry(row: tuple[Any, ...]) -> Entry:
    data = dict(zip(COLUMNS, row, strict=True))
    data["complete"] = bool(data["complete"])
    return Entry(**data)


def describe(path: Path, ref: str, mtime_ns: int, size: int, registry: Registry) -> Entry:
    """The index row of one answers file: its company, questionnaire, progress and, when complete, score."""
    from readiness.answers import load_answers
    from readiness.assessment import ai_symbols
    from readiness.flow import is_answered, visible_questions
    from readiness.scoring import score_readiness

    blank = dict.fromkeys(
        ("name", "country", "size", "nace", "section", "questionnaire", "created", "updated", "level"), ""
    )
    try:
        loaded = load_answers(path, registry)
    except ReadinessError as exc:
        # Named as the workspace names it, wherever the server was started.
        problem = exc.message.replace(display_path(path), ref).replace(str(path), ref)
        return Entry(
            ref, mtime_ns, size, **blank, complete=False, score=None, answered=0, total=0, problem=problem
        )
    answers, questionnaire = loaded.answers, loaded.questionnaire
    company = answers.company
    visible = [q for q in visible_questions(questionnaire, answers) if q.type != "group"]
    answered = sum(1 for q in visible if is_answered(q, answers.value(q)))
    complete = bool(answers.meta.get("complete"))
    score, level = None, ""
    if complete:
        readiness = score_readiness(questionnaire, answers, ai_symbols(answers.ai_systems))
        score, level = readiness.score, readiness.level.id if readiness.level else ""
    nace = str(company.get("nace", ""))
    return Entry(
        ref=ref,
        mtime_ns=mtime_ns,
        bytes=size,
        name=str(company.get("name", "")),
        country=str(company.get("country", "")),
        size=str(company.get("size", "")),
        nace=nace,
        section=nace[:1].upper(),
        questionnaire=answers.questionnaire,
        complete=complete,
        created=str(answers.meta.get("created", "")),
        updated=str(answers.meta.get("updated", "")),
        score=score,
        level=level,
        answered=answered,
        total=len(visible),
        problem="",
    )
