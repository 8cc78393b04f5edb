"""The values the directory stage passes around: an entry, the loaded directory, and a ranked match.

They are plain frozen dataclasses so that matching stays a pure function of its inputs and a report can
keep a match without keeping the files it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from readiness.directory.vocabulary import Vocabulary


@dataclass(frozen=True)
class DirectoryEntry:
    """One support organisation, contact point or programme, as written in a directory file.

    `services` holds the entry's own service tags plus those every entry of its kind offers (see
    `kinds.*.services` in the vocabulary); `services_stated` keeps the sources' own words.
    """

    id: str
    kind: str
    name: str
    country: str
    status: str
    sources: tuple[str, ...]
    checked: str
    # Place names as one text, or a language map where the source describes the region in words.
    region: str | Mapping[str, str] = field(default="", hash=False)
    # The name as each language writes it, when it differs from `name` (the English one, used everywhere
    # else: matching, sorting, sources).
    names: Mapping[str, str] = field(default_factory=dict, hash=False)
    nuts: tuple[str, ...] = ()
    city: str = ""
    sectors: tuple[str, ...] = ()
    sector_focus: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    services_stated: tuple[str, ...] = ()
    url: str = ""
    info_url: str = ""
    summary: Mapping[str, str] = field(default_factory=dict, hash=False)
    linked: tuple[str, ...] = ()
    partner_countries: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    notes: str = ""
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)
    email: str = ""
    confirmed: bool = False
    unconfirmed: tuple[str, ...] = ()
    client_note: Mapping[str, str] = field(default_factory=dict, hash=False)
    roles: tuple[str, ...] = ()
    legal_basis: str = ""
    client_sources: tuple[str, ...] = ()
    origin: str = ""

    def name_in(self, lang: str) -> str:
        """The name as `lang` writes it (the English name when it has no other)."""
        return self.names.get(lang) or self.name

    def region_in(self, lang: str) -> str:
        """The region in `lang` (English when it has no translation)."""
        if isinstance(self.region, Mapping):
            return self.region.get(lang) or self.region.get("en", "")
        return self.region

    @property
    def link(self) -> str:
        """The address to send a reader to: the url, else the official page, else the first official source.

        Only official pages qualify (see readiness.directory.policy), so this never returns a news link.
        """
        return self.url or self.info_url or next(iter(self.client_sources), "")


@dataclass(frozen=True)
class Issuer:
    """The hub that issues a report, from its brand: its own directory entry, its own card, or both.

    Fields of the card add to (and win over) those of the entry; `contact_person` is who the client asks.
    """

    directory_entry: str = ""
    kind: str = "edih"
    name: str = ""
    url: str = ""
    contact_person: str = ""
    email: str = ""
    phone: str = ""

    @property
    def empty(self) -> bool:
        """Whether the brand names no hub at all."""
        return not (self.directory_entry or self.name)


@dataclass(frozen=True)
class Directory:
    """Every entry from the built-in and the user's folders, with the vocabulary that describes them."""

    entries: tuple[DirectoryEntry, ...]
    vocabulary: Vocabulary
    retired: Mapping[str, str] = field(default_factory=dict)

    def confirmed_only(self) -> Directory:
        """The directory without the entries not (yet) confirmed on an official page."""
        return Directory(tuple(e for e in self.entries if e.confirmed), self.vocabulary, self.retired)

    def checked_dates(self) -> tuple[str, str]:
        """The oldest and the newest `checked` date of the entries ("", "" when there are none)."""
        dates = sorted(e.checked for e in self.entries)
        return (dates[0], dates[-1]) if dates else ("", "")

    def get(self, entry_id: str) -> DirectoryEntry | None:
        """The entry with this id (or the entry that a retired id now stands for), or None."""
        wanted = self.retired.get(entry_id, entry_id)
        return next((e for e in self.entries if e.id == wanted), None)

    def of_kind(self, kind: str, country: str | None = None) -> list[DirectoryEntry]:
        """Entries of `kind`, in file order, optionally only those of one country."""
        return [e for e in self.entries if e.kind == kind and (country is None or e.country == country)]


@dataclass(frozen=True, kw_only=True)
class SupportMatch(DirectoryEntry):
    """An entry chosen for a company, with why it was chosen (in every language) and its rank score.

    `place` says where it stands for the company (region, nationwide, country, linked, partner,
    cross_border, neighbour, eu, listed, or issuer for the hub that made the report); `fallback` names
    the country whose entry stands in when none serves the company's own country. `note` is the plain
    sentence about its standing and `caution` what could not be confirmed, both in every language.
    """

    why: dict[str, str] = field(default_factory=dict, hash=False)
    note: dict[str, str] = field(default_factory=dict, hash=False)
    caution: dict[str, str] = field(default_factory=dict, hash=False)
    score: int = 0
    place: str = ""
    fallback: str = ""
    contact_person: str = ""
    phone: str = ""

    @property
    def at_location(self) -> bool:
        """The entry serves the company's own region (or all of its country)."""
        return self.place in ("region", "nationwide")

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The match as documented for `readiness hubs --format json` and the report (stable key order).

        It holds only what a client may read: official sources, no status ids, no maintainers' notes.
        """

        def text(texts: Mapping[str, str]) -> str | None:
            return texts.get(lang) or texts.get("en") or None

        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name_in(lang),
            "country": self.country,
            "region": self.region_in(lang) or None,
            "city": self.city or None,
            "url": self.link or None,
            "info_url": self.info_url or None,
            "email": self.email or None,
            "contact_person": self.contact_person or None,
            "phone": self.phone or None,
            "sources": list(self.client_sources),
            "services": list(self.services),
            "sectors": list(self.sectors),
            "why": text(self.why) or "",
            "note": text(self.note),
            "caution": text(self.caution),
            "place": self.place,
            "at_location": self.at_location,
            "fallback": self.fallback or None,
            "confirmed": self.confirmed,
            "unconfirmed": list(self.unconfirmed),
            "checked": self.checked,
            "score": self.score,
        }
