"""The languages the program speaks: one folder each in `readiness/locale/`, English the source.

`readiness/locale/<code>/` holds what belongs to one language and to no text in particular: its
`language.yaml` (name, date and number locale, how it cites articles), its `glossary.yaml` (the law's
terms in that language) and the pipeline's sentences (`messages.yaml` for English, `messages.po` for the
others). Adding a folder adds the language; nothing in the code names one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.errors import ProblemsError, ReadinessError
from readiness.l10n.texts import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from babel import Locale

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGE_FILE = "language.yaml"


@dataclass(frozen=True)
class Language:
    """One language: its code, its name in itself, the Babel locale of its formats, its citation style."""

    code: str
    name: str
    formats: str
    citation: Mapping[str, object]
    # "<preposition> <place>" as a filled-in sentence has it -> as the language writes it (German articles).
    place_articles: Mapping[str, str] = field(default_factory=dict)
    # Country names where the EU's texts in this language differ from the CLDR's (Polish "Niderlandy").
    territories: Mapping[str, str] = field(default_factory=dict)

    def fix_places(self, sentence: str) -> str:
        """`sentence`, with a place name filled in after a preposition written with the article it needs."""
        for plain, proper in self.place_articles.items():
            sentence = sentence.replace(plain, proper)
        return sentence


def language_dir(code: str) -> Path:
    """The folder of language `code` (which may not exist yet)."""
    return LOCALE_DIR / code


@cache
def tool_languages() -> tuple[str, ...]:
    """Every language the program speaks, English first, then by code."""
    found = sorted(p.parent.name for p in LOCALE_DIR.glob(f"*/{LANGUAGE_FILE}"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


@cache
def language(code: str) -> Language:
    """The language `code`, read from its folder (checked against its schema); English for an unknown one
    is the caller's choice, so an unknown code is an error here."""
    from readiness.schemas import check_against_schema
    from readiness.yamlio import read_yaml

    path = language_dir(code) / LANGUAGE_FILE
    if not path.is_file():
        raise ReadinessError(f"the program does not speak '{code}'; it speaks {', '.join(tool_languages())}")
    document = read_yaml(path)
    problems = check_against_schema(document, "language")
    if problems:
        raise ProblemsError(problems)
    data = document.data
    return Language(
        code,
        data["name"],
        data["formats"],
        data["citation"],
        data.get("place_articles", {}),
        data.get("territories", {}),
    )


def known_language(code: str) -> Language:
    """The language `code` when the program speaks it, else English (whose texts are the fallback)."""
    return language(code if code in tool_languages() else SOURCE_LANGUAGE)


def territory_name(code: str, lang: str) -> str | None:
    """The name of country (or territory) `code` as `lang` writes it: the EU's name where the language
    gives one, else the CLDR's through Babel; None for a code neither knows."""
    from babel import Locale, UnknownLocaleError

    locale = lang
    if lang in tool_languages():
        chosen = language(lang)
        if code in chosen.territories:
            return str(chosen.territories[code])
        locale = chosen.formats
    try:
        name = Locale.parse(locale).territories.get(code)
    except (ValueError, UnknownLocaleError):
        return None
    return str(name) if name else None


def decimal(value: float | int, lang: str) -> str:
    """A number as `lang` writes it (2.5 in English, 2,5 in Dutch and German), without trailing zeros."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.###", locale=known_language(lang).formats)


def percent(share: float, lang: str) -> str:
    """A share (0.5 for half) as a whole percentage the way `lang` writes it: 50% in English, 50 % in
    German and Spanish."""
    from babel.numbers import format_percent

    return format_percent(share, locale=known_language(lang).formats)


def one_decimal_percent(value: float, locale: Locale | str) -> str:
    """A published percentage (20.0 for 20 %) with one decimal, in the locale's own pattern: 20.0% in
    English, 20,0% in Dutch, 20,0 % in German."""
    from babel import Locale
    from babel.numbers import format_percent

    chosen = Locale.parse(locale)
    pattern = re.sub(r"0(?=[^0]*$)", "0.0", str(chosen.percent_formats[None].pattern))
    return format_percent(value / 100, format=pattern, locale=chosen)


def long_date(value: datetime.date | str, lang: str) -> str:
    """A date as `lang` writes it in running text (2 August 2026, 2. August 2026); an ISO text is read first,
    anything else is returned as it is."""
    from babel.dates import format_date

    if isinstance(value, datetime.date):
        day = value
    else:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return format_date(day, format="long", locale=known_language(lang).formats)
