"""Typed access to directory/vocabulary.yaml: countries, kinds, statuses, services, needs, sectors, reasons.

The vocabulary is content, so every word a reader sees and every weight the ranking uses comes from it;
this module only looks things up, with English as the fallback language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from readiness.l10n.languages import known_language, territory_name, tool_languages

NACE_FORM = re.compile(r"^(?P<section>[A-U])?(?P<division>[0-9]{2})(?P<rest>\.[0-9]{1,2})?$")


def in_language(texts: Mapping[str, str], lang: str) -> str:
    """The text in `lang`, or the English one when it has not been translated."""
    return texts.get(lang) or texts.get("en", "")


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The parsed vocabulary file (already checked against its schema)."""

    data: Mapping[str, Any]

    @property
    def written_languages(self) -> tuple[str, ...]:
        """Languages every human text is written in inline, English first (checked by `validate`)."""
        return tuple(self.data["languages"])

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages texts are made in: those written inline and those the program speaks through its
        catalogues (a text not yet translated into one falls back to English)."""
        return tuple(dict.fromkeys((*self.written_languages, *tool_languages())))

    @property
    def countries(self) -> Mapping[str, Mapping[str, Any]]:
        """Country code -> names, NUTS prefix, EU membership and neighbours (includes EU itself)."""
        return self.data["countries"]

    @property
    def aliases(self) -> Mapping[str, str]:
        """Other spellings of country codes (EL for Greece, UK for the United Kingdom)."""
        return self.data.get("country_aliases", {})

    @cached_property
    def company_countries(self) -> tuple[str, ...]:
        """Codes a company can be in: every listed country except the EU pseudo-code."""
        return tuple(sorted(c for c in self.countries if c != "EU"))

    @cached_property
    def eu_members(self) -> tuple[str, ...]:
        """The EU-27, sorted."""
        return tuple(sorted(c for c, info in self.countries.items() if info["eu_member"]))

    def country_name(self, code: str, lang: str) -> str:
        """`NL` as "the Netherlands" / "Nederland" / "Niederlande"; an unknown code as itself.

        The vocabulary names countries in the languages it is written in (English with its article, as a
        sentence needs it); any other language takes the name the Unicode CLDR gives, through Babel.
        """
        info = self.countries.get(code)
        if not info:
            return code
        if info.get(lang):
            return str(info[lang])
        return territory_name(code, lang) or in_language(info, lang)

    def nuts_prefix(self, code: str) -> str:
        """The two letters NUTS codes of this country start with (EL for GR, UK for GB)."""
        return str(self.countries.get(code, {}).get("nuts", code))

    def neighbours(self, code: str) -> tuple[str, ...]:
        """Countries to fall back on, nearest and most useful first."""
        return tuple(self.countries.get(code, {}).get("neighbours", ()))

    @property
    def kinds(self) -> Mapping[str, Mapping[str, Any]]:
        """Kind name -> label, caps, fallback policy, standard services."""
        return self.data["kinds"]

    def kind_label(self, kind: str, lang: str, *, plural: bool = False) -> str:
        """The kind's name in a sentence: EDIH or EDIHs, AI-fabriek or AI-fabrieken."""
        return in_language(self.kinds[kind]["plural" if plural else "label"], lang)

    def standard_services(self, kind: str, status: str) -> tuple[str, ...]:
        """Services every entry of `kind` offers (restricted to some statuses when `when_status` says so)."""
        info = self.kinds.get(kind, {})
        when = info.get("when_status")
        if when is not None and status not in when:
            return ()
        return tuple(info.get("services", ()))

    @property
    def statuses(self) -> Mapping[str, Mapping[str, Any]]:
        """Status name -> label, weight, caveat."""
        return self.data["statuses"]

    def status_label(self, status: str, lang: str) -> str:
        """How a status reads in a sentence."""
        info = self.statuses.get(status)
        return in_language(info["label"], lang) if info else status

    def status_note(self, status: str) -> Mapping[str, str]:
        """What a client reads for an entry of `status` that has no client_note of its own ({} if none)."""
        return self.statuses.get(status, {}).get("note", {})

    @property
    def roles(self) -> Mapping[str, Mapping[str, str]]:
        """An authority's roles under the AI Act -> labels."""
        return self.data["roles"]

    @property
    def fields(self) -> Mapping[str, Mapping[str, str]]:
        """Entry field -> how a report names it when it could not be confirmed."""
        return self.data["fields"]

    def label(self, part: str, key: str, lang: str) -> str:
        """The label of `key` in the vocabulary's `part` (roles, fields, services), or the key in words."""
        labels = self.data[part].get(key)
        return in_language(labels, lang) if labels else key.replace("_", " ")

    @property
    def services(self) -> Mapping[str, Mapping[str, str]]:
        """Service tag -> labels."""
        return self.data["services"]

    def service_label(self, service: str, lang: str) -> str:
        """How a service reads in a sentence."""
        labels = self.services.get(service)
        return in_language(labels, lang) if labels else service.replace("_", " ")

    @property
    def needs(self) -> Mapping[str, Mapping[str, Any]]:
        """Need name -> label, the services, technologies and kinds that serve it."""
        return self.data["needs"]

    @property
    def ai_technologies(self) -> tuple[str, ...]:
        """Technology words that mark an entry as working on AI."""
        return tuple(self.data.get("ai_technologies", ()))

    @property
    def ranking(self) -> Mapping[str, Any]:
        """The points the matching adds up."""
        return self.data["ranking"]

    @property
    def sectors(self) -> Mapping[str, Mapping[str, Any]]:
        """NACE Rev. 2 section letter -> labels and divisions."""
        return self.data["sectors"]

    @cached_property
    def division_sections(self) -> Mapping[str, str]:
        """Two-digit division -> its section letter ("28" -> "C")."""
        return {div: letter for letter, info in self.sectors.items() for div in info["divisions"]}

    def section_of(self, code: str) -> str:
        """The section letter of a NACE code in any accepted form ("C", "C28", "28", "28.41"), or ""."""
        code = code.strip().upper()
        if code in self.sectors:
            return code
        match = NACE_FORM.match(code)
        if not match:
            return ""
        return self.division_sections.get(match["division"], "")

    def sector_short(self, section: str, lang: str) -> str:
        """The short name of a section for sentences ("manufacturing", "industrie")."""
        info = self.sectors.get(section)
        return in_language(info["short"], lang) if info else section

    def reason(self, key: str, lang: str, **values: str) -> str:
        """A reason sentence from the vocabulary, its {placeholders} filled in."""
        return known_language(lang).fix_places(in_language(self.data["reasons"][key], lang).format(**values))

    def technology_label(self, word: str, lang: str) -> str:
        """A technology word of the vocabulary (needs, ai_technologies) as `lang` writes it."""
        return in_language(self.data["technology_words"][word], lang)

    def join_words(self, words: list[str], lang: str) -> str:
        """Words as "a, b and c", with the language's own "and"."""
        if len(words) <= 1:
            return "".join(words)
        return ", ".join(words[:-1]) + self.reason("and", lang) + words[-1]
