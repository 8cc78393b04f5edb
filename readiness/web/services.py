"""What the pages share for the life of the server: settings, workspace, questionnaires, index, locks."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from readiness.questionnaire.model import Questionnaire
from readiness.questionnaire.registry import Registry
from readiness.web.index import ClientIndex
from readiness.web.jobs import Jobs
from readiness.web.ratelimit import LoginLimiter
from readiness.web.settings import Settings
from readiness.web.workspace import Workspace


class FileLocks:
    """One lock per file, so that two requests changing the same answers file take turns.

    Each change reads the file again under the lock and sets only what was posted, so two browser tabs
    (or a tab and the terminal, between two of its saves) never undo each other's answers.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[Path, threading.Lock] = {}

    @contextlib.contextmanager
    def hold(self, path: Path) -> Iterator[None]:
        key = path.resolve()
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            yield


@dataclass
class Services:
    """The server's shared state, built once by `create_app`."""

    settings: Settings
    registry: Registry
    workspace: Workspace = field(init=False)
    index: ClientIndex = field(init=False)
    locks: FileLocks = field(default_factory=FileLocks)
    limiter: LoginLimiter = field(default_factory=LoginLimiter)
    jobs: Jobs = field(default_factory=Jobs)

    def __post_init__(self) -> None:
        self.workspace = Workspace(self.settings.workspace)
        self.index = ClientIndex(self.workspace, self.registry)

    @cached_property
    def questionnaires(self) -> list[Questionnaire]:
        """The newest version of every questionnaire a company can answer (not the shared modules)."""
        found = [self.registry.load(qid) for qid in self.registry.ids()]
        return sorted((q for q in found if q.kind == "questionnaire"), key=lambda q: q.id)

    @cached_property
    def languages(self) -> list[str]:
        """The languages the pages are offered in: those the program speaks completely (its questionnaires,
        reports, this app's words, ...; see `readiness translations status`), never one half translated."""
        from readiness.l10n.status import complete_languages

        return list(complete_languages())
