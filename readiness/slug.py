"""File names from company names: `Müller & Söhne GmbH` becomes `muller-sohne-gmbh`."""

from __future__ import annotations

import re
import unicodedata


def slugify(name: str) -> str:
    """A lower-case ASCII file name part; `company` when nothing usable is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60].rstrip("-") or "company"
