"""The words of the hub documents in the reader's language: our own small catalogue over the report's.

Kept apart from the report's catalogue so that the two can be edited at the same time without
conflicts; a word we do not translate ourselves falls back to the report's translation, then English.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from readiness.report.i18n import translations as report_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "hubdocs"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """Our catalogue for `lang`, falling back to the report's (and so to English)."""
    base = report_translations(lang)
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return base
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    own = Translations(buffer, domain=DOMAIN)
    own.add_fallback(base)
    return own


def gettext_for(lang: str) -> Callable[[str], str]:
    """`_` for Python code that builds document text (conditions in words, column hints)."""
    return translations(lang).gettext
