"""Translations: catalogues complete and in step with the templates; dates and numbers per locale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from babel.messages.catalog import Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from readiness.directory.loader import load_vocabulary
from readiness.report.i18n import LOCALE_DIR, Formatter, report_languages, translations

ROOT = Path(__file__).resolve().parents[2]


def catalog(path: Path, locale: str | None = None) -> dict[Any, Message]:
    with path.open("rb") as handle:
        return {m.id: m for m in read_po(handle, locale=locale) if m.id}


def test_report_text_exists_in_every_language_the_program_speaks() -> None:
    assert report_languages() == ["de", "en", "es", "fr", "it", "nl", "pl", "pt"]


def test_the_template_catalogue_is_in_step_with_the_templates(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-o",
            str(fresh),
            str(ROOT / "templates"),
            str(ROOT / "readiness" / "report"),
        ]
    )
    assert set(catalog(fresh)) == set(catalog(LOCALE_DIR / "messages.pot")), (
        "run pybabel extract and pybabel update (see readiness/report/i18n.py)"
    )


def test_every_message_is_translated_and_listed_in_english() -> None:
    template = set(catalog(LOCALE_DIR / "messages.pot"))
    for lang in report_languages():
        messages = catalog(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", lang)
        assert set(messages) == template, lang
        if lang == "en":
            continue
        untranslated = [
            m.id
            for m in messages.values()
            if not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string))
        ]
        assert untranslated == [], lang


def test_catalogues_compile_in_memory() -> None:
    assert translations("nl").gettext("Executive summary") == "Samenvatting"
    assert (
        translations("nl").ngettext("%(count)d obligation", "%(count)d obligations", 3)
        == "%(count)d verplichtingen"
    )
    assert translations("de").gettext("Executive summary") == "Zusammenfassung"
    assert translations("fr").gettext("Executive summary") == "Synthèse"
    assert translations("sv").gettext("Executive summary") == "Executive summary"
    # European Portuguese counts 0 as plural (Babel's rule for plain "pt" is Brazil's), French as singular.
    obligations = ("%(count)d obligation", "%(count)d obligations")
    assert translations("pt").ngettext(*obligations, 0) == "%(count)d obrigações"
    assert translations("pt").ngettext(*obligations, 1) == "%(count)d obrigação"
    assert translations("fr").ngettext(*obligations, 0) == translations("fr").ngettext(*obligations, 1)


def test_dates_numbers_and_countries_follow_the_locale() -> None:
    day = dt.date(2026, 12, 2)
    assert Formatter("en").date(day) == "2 December 2026"
    assert Formatter("nl").date(day) == "2 december 2026"
    assert Formatter("nl").date(day, "medium") == "2 dec 2026"
    assert Formatter("nl").number(13.48, 1) == "13,5"
    assert Formatter("en").number(1234.5) == "1,234"
    assert Formatter("en").number(None) == "–"
    assert Formatter("nl").percent(0.917) == "92%"
    assert Formatter("nl").country("NL") == "Nederland"
    assert Formatter("xx").country("DE") == "Germany"
    # The EU's Polish name, not the CLDR's "Holandia", in the report and in the help directory alike.
    assert Formatter("pl").country("NL") == "Niderlandy"
    assert load_vocabulary().country_name("NL", "pl") == "Niderlandy"
