"""The app's own CSS, script and images, served from the package with a content hash in the URL.

The hash lets browsers keep a file for a year and still fetch a changed one at once. No file comes from
anywhere else: no CDN, no web font service.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"


@cache
def static_url(name: str) -> str:
    """`/static/<name>?v=<hash>` for a file of the app's static folder."""
    digest = hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:12]
    return f"/static/{name}?v={digest}"
