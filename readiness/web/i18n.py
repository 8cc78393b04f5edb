"""The browser app's own words in the user's language: a catalogue of its own, beside the report's.

`readiness/web/locale/<lang>/LC_MESSAGES/web.po`, compiled in memory when first used (no build step),
English (the message ids) where a language has no catalogue yet. Extraction (the flags keep the files'
layout, so a change shows as only the words changed):
`pybabel extract --no-location --omit-header -F readiness/web/babel.cfg -o readiness/web/locale/web.pot
readiness/web`, then `pybabel update -w 110 -D web -i readiness/web/locale/web.pot -d readiness/web/locale`.
The languages offered are those the program speaks completely (readiness.l10n.status), so a language
appears here once every text of it, this catalogue's included, is translated.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "web"
DEFAULT = "en"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang`, or the English ids when there is none."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def language_name(lang: str) -> str:
    """The language's name in itself (`Nederlands`), for the language switch."""
    try:
        name = Locale.parse(lang).get_display_name(lang) or lang
    except (UnknownLocaleError, ValueError):
        return lang
    return name[:1].upper() + name[1:]


def pick_language(wanted: list[str], offered: list[str]) -> str:
    """The first of `wanted` (a cookie, then the browser's Accept-Language) that is offered; else English."""
    for code in wanted:
        base = code.strip().split("-")[0].split("_")[0].lower()
        if base in offered:
            return base
    return DEFAULT if DEFAULT in offered or not offered else offered[0]


def accept_language(header: str) -> list[str]:
    """The languages of an Accept-Language header, most wanted first."""
    ranked = []
    for index, part in enumerate(header.split(",")[:20]):
        code, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if code and weight > 0:
            ranked.append((-weight, index, code))
    return [code for _w, _i, code in sorted(ranked)]
