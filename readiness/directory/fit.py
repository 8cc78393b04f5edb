"""How one entry fits one company: its place relative to the company, its sector, the needs it serves.

Scoring and the reason sentences both ask these questions; answering them in one place keeps a match's
score and its `why` from ever disagreeing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from readiness.directory.model import DirectoryEntry
from readiness.directory.vocabulary import Vocabulary


@dataclass(frozen=True)
class Request:
    """What the matching knows about the company: where it is, its sector, what it needs."""

    country: str
    region: str = ""
    section: str = ""
    nace: str = ""
    needs: tuple[str, ...] = ()
    high_risk: bool = False


@dataclass(frozen=True)
class Candidate:
    """An entry considered for a company, and how it got there.

    `place` is one of region, nationwide, country (the company's own country), linked, partner,
    neighbour (standing in for the company's country), eu, or listed (browsing without a company).
    `other` is the entry's country when it is not the company's; `linker` names the local entry that
    links to it; `fallback_for` lists the kinds the company's country has no entry of, for which this
    EU-level entry is the fallback contact.
    """

    entry: DirectoryEntry
    place: str
    other: str = ""
    linker: str = ""
    fallback_for: tuple[str, ...] = ()


LOCAL_PLACES = frozenset({"region", "nationwide", "country"})


def local_place(entry: DirectoryEntry, request: Request, vocab: Vocabulary) -> str:
    """region, nationwide or country, for an entry in the company's own country."""
    prefix = vocab.nuts_prefix(request.country)
    if prefix in entry.nuts:
        return "nationwide"
    if request.region and any(nuts_overlap(code, request.region) for code in entry.nuts):
        return "region"
    return "country"


def nuts_overlap(a: str, b: str) -> bool:
    """One NUTS code contains the other, at any level (NL4 contains NL41; NL412 lies in NL41)."""
    return len(a) > 2 and len(b) > 2 and (a.startswith(b) or b.startswith(a))


def sector_fit(entry: DirectoryEntry, section: str, nace: str = "") -> str:
    """Whether the entry knows the company's sector: "match", "mismatch" (it names only others) or "".

    An entry listing a whole section (C) fits every division in it; one listing divisions (C10, C11)
    fits a company in another division of the section (C28) only when the company gave no division.
    """
    if not section or not entry.sectors:
        return ""
    division = nace[1:3] if len(nace) >= 3 else ""
    for code in entry.sectors:
        if code[0] == section and (len(code) == 1 or not division or code[1:3] == division):
            return "match"
    return "mismatch"


@cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?![\w])", re.IGNORECASE)


def matching_technologies(entry: DirectoryEntry, words: tuple[str, ...]) -> list[str]:
    """The entry's technologies that contain one of `words` as a whole word (any case), as written."""
    pattern = _word_pattern(words)
    return [t for t in entry.technologies if pattern is not None and pattern.search(t)]


def matched_words(entry: DirectoryEntry, words: tuple[str, ...]) -> list[str]:
    """Which of `words` the entry's technologies name, each once, in the entry's order (the longest word
    where several match one technology): the vocabulary's words, which have a name in every language,
    rather than the entry's own wording, which is the source's English."""
    pattern = _word_pattern(words)
    if pattern is None:
        return []
    by_lower = {w.lower(): w for w in words}
    found = (by_lower[m.group(0).lower()] for t in entry.technologies if (m := pattern.search(t)))
    return list(dict.fromkeys(found))


def names_technology(entry: DirectoryEntry, words: tuple[str, ...]) -> bool:
    """The entry lists a technology containing one of `words` as a whole word (any case)."""
    return bool(matching_technologies(entry, words))


def has_ai_focus(entry: DirectoryEntry, vocab: Vocabulary) -> bool:
    """The entry works on AI, by the technologies it lists."""
    return names_technology(entry, vocab.ai_technologies)


def need_services(entry: DirectoryEntry, need: str, vocab: Vocabulary) -> list[str]:
    """The entry's services that serve `need`, in the entry's order."""
    wanted = vocab.needs[need]["services"]
    return [s for s in entry.services if s in wanted]


def serves_need(entry: DirectoryEntry, need: str, vocab: Vocabulary) -> bool:
    """The entry offers a service, names a technology or is of a kind that serves `need`."""
    info = vocab.needs[need]
    return (
        bool(need_services(entry, need, vocab))
        or names_technology(entry, tuple(info["technologies"]))
        or entry.kind in info["kinds"]
    )
