"""The pipeline's own sentences per language (messages.yaml), with English as the fallback."""

from __future__ import annotations

from functools import cache
from importlib import resources

from readiness.yamlio import load_trusted


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    text = (resources.files(__package__) / "messages.yaml").read_text(encoding="utf-8")
    return load_trusted(text)


def message(key: str, lang: str, **values: object) -> str:
    """The sentence `key` in `lang` (English when missing), filled with `values`."""
    catalogue = _catalogue()
    template = catalogue.get(lang, {}).get(key) or catalogue["en"][key]
    return template.format(**values)
