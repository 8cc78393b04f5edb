"""The report's own words in the reader's language, and dates and numbers written the local way.

Catalogues are gettext `.po` files in `locale/<lang>/LC_MESSAGES/`, kept in the repository and compiled
in memory when first used: there is no build step, so an editable install and a wheel behave alike.
Extraction: `pybabel extract -F babel.cfg -o readiness/report/locale/messages.pot templates readiness/report`,
then `pybabel update -i readiness/report/locale/messages.pot -d readiness/report/locale`.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

from readiness.l10n.languages import one_decimal_percent, territory_name

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"
# English dates and numbers the European way ("2 December 2026"), as the EU's own English texts write them.
FORMAT_LOCALES = {"en": "en_IE"}


def report_languages() -> list[str]:
    """The languages the report's own text is translated into."""
    return sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / "messages.po").is_file())


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang`; English text (the message ids) for a language without one."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


class Formatter:
    """Dates, numbers and country names for one locale (English for a language Babel does not know)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        try:
            self.locale = Locale.parse(FORMAT_LOCALES.get(lang, lang))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse(FORMAT_LOCALES[DEFAULT_LANGUAGE])

    def date(self, value: dt.date | str, style: str = "long") -> str:
        """`2 August 2026` / `2 augustus 2026` (style "long"), `2 Aug 2026` ("medium")."""
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        return format_date(day, format=style, locale=self.locale)

    def number(self, value: float | None, decimals: int = 0) -> str:
        """A number with the locale's separators and at most `decimals` decimals; a dash for none."""
        if value is None:
            return "–"
        pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def share(self, value: float | None) -> str:
        """A published percentage with one decimal, the locale's way (`20.0%`, `20,0%`); a dash for none."""
        if value is None:
            return "–"
        return one_decimal_percent(value, self.locale)

    def percent(self, share: float) -> str:
        """A share 0-1 as a whole percentage, the locale's way (`92%`, `92%` or `92 %`)."""
        return format_percent(share, locale=self.locale)

    def country(self, code: str) -> str:
        """The country's name in the language (`NL` gives `Netherlands`, `Nederland`, `Niderlandy`); EU for
        the Union."""
        code = code.upper()
        return territory_name(code, self.lang) or str(self.locale.territories.get(code, code))
