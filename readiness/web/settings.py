"""How one server runs: its workspace, where it listens and what it allows."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# An upload is at most one table, answers file or report PDF; the loaders apply their own limits after.
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
# Any other request body: a form of answers or settings.
MAX_FORM_BYTES = 256 * 1024


def is_loopback(host: str) -> bool:
    """Whether `host` is an address only this machine can reach (127.0.0.0/8, ::1 or localhost)."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    """What the app needs to know about its server. `login` is on when the workspace has accounts."""

    workspace: Path
    host: str = "127.0.0.1"
    port: int = 8000
    login: bool = False
    https: bool = False
    questionnaire_dirs: tuple[Path, ...] = ()
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    max_form_bytes: int = MAX_FORM_BYTES

    @property
    def loopback(self) -> bool:
        """Whether only this machine can reach the server."""
        return is_loopback(self.host)
