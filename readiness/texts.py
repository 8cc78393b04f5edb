"""The pipeline's own sentences per language, with English as the fallback.

English is `readiness/locale/en/messages.yaml` (key: sentence); every other language translates it in
`readiness/locale/<lang>/messages.po`, each entry named by its key (msgctxt). A translation counts only
while its English (msgid) is the current English sentence, so a sentence changed in English is shown in
English until it is translated again, never as the translation of what it used to say.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from readiness.l10n.languages import language_dir
from readiness.l10n.po import read_po
from readiness.l10n.texts import SOURCE_LANGUAGE
from readiness.yamlio import load_trusted

ENGLISH_FILE = "messages.yaml"
CATALOGUE_FILE = "messages.po"


def english_path() -> Path:
    """The English sentences, the source of every other language's."""
    return language_dir(SOURCE_LANGUAGE) / ENGLISH_FILE


def catalogue_path(lang: str) -> Path:
    """Where `lang`'s sentences are translated."""
    return language_dir(lang) / CATALOGUE_FILE


@cache
def english() -> dict[str, str]:
    """Key -> English sentence."""
    return load_trusted(english_path().read_text(encoding="utf-8"))


@cache
def translations(lang: str) -> dict[str, str]:
    """Key -> sentence in `lang`, for the keys translated from the current English."""
    path = catalogue_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return {}
    source = english()
    return {
        entry.context: entry.strings[0]
        for entry in read_po(path)
        if entry.context and entry.translated and source.get(entry.context) == entry.msgid
    }


def message(key: str, lang: str, **values: object) -> str:
    """The sentence `key` in `lang` (English when missing), filled with `values`."""
    template = translations(lang).get(key) or english()[key]
    return template.format(**values)
