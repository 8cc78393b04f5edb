"""Where the built-in content lives: questionnaires, templates and the directory.

In an installed wheel they sit in `readiness/_content/`; in a source checkout (an editable install or
running the tests) they are the top-level folders of the repository. User folders on a search path come
after them and win on conflicts.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_dir(kind: str) -> Path:
    """The built-in folder for `kind` ("questionnaires", "templates" or "directory")."""
    installed = _PACKAGE_DIR / "_content" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / kind


def search_path(kind: str, extra: tuple[Path, ...] = (), env_var: str | None = None) -> list[Path]:
    """Folders to look in, lowest precedence first: built-in, then the environment variable, then `extra`."""
    folders = [builtin_dir(kind)]
    if env_var and os.environ.get(env_var):
        folders += [Path(p) for p in os.environ[env_var].split(os.pathsep) if p]
    folders += list(extra)
    return folders
