"""Every questionnaire and module version on the search path, and loading one by `id@version`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from readiness.content import search_path
from readiness.errors import ReadinessError
from readiness.questionnaire.loader import load_questionnaire
from readiness.questionnaire.model import Questionnaire

SEMVER_STEM = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
ENV_VAR = "READINESS_QUESTIONNAIRES"


def version_key(version: str) -> tuple[int, ...]:
    """A semantic version as a sortable tuple."""
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Entry:
    id: str
    version: str
    path: Path


class Registry:
    """The questionnaire files found on the search path: built-in first, then user folders, which win."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self.entries: dict[tuple[str, str], Entry] = {}
        for folder in folders:
            if not folder.is_dir():
                raise ReadinessError(f"questionnaire folder not found: {folder}")
            for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
                for file in sorted(sub.glob("*.yaml")):
                    if SEMVER_STEM.match(file.stem):
                        self.entries[(sub.name, file.stem)] = Entry(sub.name, file.stem, file)
        self._loaded: dict[tuple[str, str], Questionnaire] = {}

    @classmethod
    def default(cls, extra: tuple[Path, ...] = ()) -> Registry:
        """The registry for the built-in folder, `READINESS_QUESTIONNAIRES` and `--questionnaires` folders."""
        return cls(search_path("questionnaires", extra, env_var=ENV_VAR))

    def ids(self) -> list[str]:
        return sorted({qid for qid, _ in self.entries})

    def versions(self, qid: str) -> list[str]:
        """Versions of `qid`, oldest first."""
        return sorted((v for i, v in self.entries if i == qid), key=version_key)

    def path(self, qid: str, version: str | None = None) -> Path:
        """The file of `qid` at `version` (default: the newest); an error listing what exists otherwise."""
        versions = self.versions(qid)
        if not versions:
            known = ", ".join(self.ids()) or "none"
            raise ReadinessError(f"no questionnaire called '{qid}'; available: {known}")
        chosen = version or versions[-1]
        if (qid, chosen) not in self.entries:
            raise ReadinessError(
                f"questionnaire '{qid}' has no version {chosen}; available: {', '.join(versions)}"
            )
        return self.entries[(qid, chosen)].path

    def load(self, ref: str) -> Questionnaire:
        """The questionnaire for `id` or `id@version`, loaded once and kept."""
        qid, _, version = ref.partition("@")
        path = self.path(qid, version or None)
        key = (qid, path.stem)
        if key not in self._loaded:
            self._loaded[key] = load_questionnaire(path, self)
        return self._loaded[key]
