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
    region: str = ""
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
    origin: str = ""

    @property
    def link(self) -> str:
        """The best address to send a reader to: the website, else an official page, else the first source."""
        return self.url or self.info_url or next((s for s in self.sources if s.startswith("http")), "")


@dataclass(frozen=True)
class Directory:
    """Every entry from the built-in and the user's folders, with the vocabulary that describes them."""

    entries: tuple[DirectoryEntry, ...]
    vocabulary: Vocabulary

    def get(self, entry_id: str) -> DirectoryEntry | None:
        """The entry with this id, or None."""
        return next((e for e in self.entries if e.id == entry_id), None)

    def of_kind(self, kind: str, country: str | None = None) -> list[DirectoryEntry]:
        """Entries of `kind`, in file order, optionally only those of one country."""
        return [e for e in self.entries if e.kind == kind and (country is None or e.country == country)]


@dataclass(frozen=True, kw_only=True)
class SupportMatch(DirectoryEntry):
    """An entry chosen for a company, with why it was chosen (in every language) and its rank score.

    `fallback` names the country whose entry stands in when the company's own country has none.
    """

    why: dict[str, str] = field(default_factory=dict, hash=False)
    score: int = 0
    fallback: str = ""

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The match as documented for `readiness hubs --format json` and the report (stable key order)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "country": self.country,
            "region": self.region or None,
            "city": self.city or None,
            "url": self.url or None,
            "info_url": self.info_url or None,
            "sources": list(self.sources),
            "status": self.status,
            "services": list(self.services),
            "sectors": list(self.sectors),
            "why": self.why.get(lang) or self.why.get("en", ""),
            "fallback": self.fallback or None,
            "checked": self.checked,
            "score": self.score,
        }
