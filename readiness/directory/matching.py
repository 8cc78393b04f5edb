"""Matching a company to the support that fits it: a pure, deterministic ranking of directory entries.

For each kind of support the company's own country comes first; entries elsewhere are considered only
when something ties them to it (an antenna's link, a partner country) or when the country has none of
that kind (then the nearest neighbour that has one, and an EU-level contact). Every candidate is scored
with the weights in the vocabulary, ties are broken by name, and each kind is capped so one answer
covers hubs, compute, testing, the AI Act and funding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

from readiness.company import Company
from readiness.directory.fit import (
    Candidate,
    Request,
    has_ai_focus,
    local_place,
    sector_fit,
    serves_need,
)
from readiness.directory.inputs import check_country, check_kinds, check_nace, check_needs, check_region
from readiness.directory.model import Directory, DirectoryEntry, SupportMatch
from readiness.directory.reasons import explain
from readiness.directory.vocabulary import Vocabulary


def match_support(
    directory: Directory,
    company: Company,
    needs: Sequence[str] = (),
    *,
    high_risk: bool = False,
    limit: int = 12,
    kinds: Sequence[str] = (),
) -> list[SupportMatch]:
    """The support that fits `company`, best first, each with the reason it was chosen.

    `needs` come from the need vocabulary (data, compute, skills, funding, compliance, testing);
    `high_risk` (from the AI Act result) brings the AI Act contacts forward; `kinds` restricts the
    answer to some kinds and lifts the per-kind caps. Raises ReadinessError for an unknown country,
    region, NACE code, need or kind.
    """
    vocab = directory.vocabulary
    country = check_country(company.country, vocab)
    request = Request(
        country=country,
        region=check_region(company.region, country, vocab) if company.region else "",
        section=vocab.section_of(check_nace(company.nace, vocab)) if company.nace else "",
        needs=check_needs(needs, vocab),
        high_risk=high_risk,
    )
    wanted = check_kinds(kinds, vocab) or tuple(vocab.kinds)
    scored: list[SupportMatch] = []
    for candidate in _candidates(directory, request, wanted):
        score = _score(candidate, request, vocab)
        if score is not None:
            scored.append(_as_match(candidate, score, explain(candidate, request, vocab)))
    scored.sort(key=lambda m: (-m.score, m.name.casefold(), m.id))
    caps = {} if kinds else {kind: int(info["max"]) for kind, info in vocab.kinds.items()}
    return _take(scored, caps, limit)


def _candidates(directory: Directory, request: Request, wanted: Sequence[str]) -> list[Candidate]:
    vocab = directory.vocabulary
    found: dict[str, Candidate] = {}
    local_all = [e for e in directory.entries if e.country == request.country]
    for kind in wanted:
        local = [e for e in local_all if e.kind == kind]
        for entry in local:
            found[entry.id] = Candidate(entry, local_place(entry, request, vocab))
        for entry in directory.of_kind(kind, "EU"):
            found.setdefault(entry.id, Candidate(entry, "eu"))
        related = _related(directory, request, kind, local_all)
        for candidate in related:
            found.setdefault(candidate.entry.id, candidate)
        if local:
            continue
        if not related and vocab.kinds[kind]["fallback"] == "neighbour":
            for candidate in _neighbour_fallback(directory, request, kind):
                found.setdefault(candidate.entry.id, candidate)
        contact_id = vocab.kinds[kind].get("fallback_contact")
        contact = directory.get(contact_id) if contact_id else None
        if contact is not None:
            previous = found.get(contact.id, Candidate(contact, "eu"))
            found[contact.id] = replace(previous, fallback_for=(*previous.fallback_for, kind))
    return list(found.values())


def _related(
    directory: Directory, request: Request, kind: str, local_all: Sequence[DirectoryEntry]
) -> list[Candidate]:
    """Entries of `kind` abroad that a local entry links to, or that name the country as a partner."""
    related: list[Candidate] = []
    for entry in directory.of_kind(kind):
        if entry.country in (request.country, "EU"):
            continue
        linker = next((e for e in local_all if entry.id in e.linked), None)
        if linker is not None:
            related.append(Candidate(entry, "linked", other=entry.country, linker=linker.name))
        elif request.country in entry.partner_countries:
            related.append(Candidate(entry, "partner", other=entry.country))
    return related


def _neighbour_fallback(directory: Directory, request: Request, kind: str) -> list[Candidate]:
    """Entries of `kind` in the first neighbouring country that has any."""
    for neighbour in directory.vocabulary.neighbours(request.country):
        entries = directory.of_kind(kind, neighbour)
        if entries:
            return [Candidate(e, "neighbour", other=neighbour) for e in entries]
    return []


def _score(candidate: Candidate, request: Request, vocab: Vocabulary) -> int | None:
    """The candidate's points, or None when it does not fit at all (a sector facility of another sector)."""
    entry = candidate.entry
    kind_info = vocab.kinds[entry.kind]
    ranking = vocab.ranking
    fit = sector_fit(entry, request.section)
    if fit == "mismatch" and kind_info.get("sector_required"):
        return None
    points = int(kind_info["base"]) + int(ranking["place"][candidate.place])
    points += int(vocab.statuses[entry.status]["weight"])
    if fit:
        points += int(ranking["sector_match"] if fit == "match" else ranking["sector_mismatch"])
    if candidate.place == "eu" and request.country in entry.nodes:
        points += int(ranking["node_in_country"])
    if candidate.fallback_for:
        points += int(ranking["fallback_contact"])
    if has_ai_focus(entry, vocab):
        points += int(ranking["ai_focus"])
    for need in request.needs:
        if serves_need(entry, need, vocab):
            points += int(ranking["need_service"])
            if entry.kind in vocab.needs[need]["kinds"]:
                points += int(ranking["need_kind"])
    if request.high_risk and serves_need(entry, ranking["high_risk_need"], vocab):
        points += int(ranking["high_risk"])
    return points


def _as_match(candidate: Candidate, score: int, why: dict[str, str]) -> SupportMatch:
    entry = candidate.entry
    values = {f.name: getattr(entry, f.name) for f in fields(DirectoryEntry)}
    fallback = candidate.other if candidate.place == "neighbour" else ""
    return SupportMatch(**values, why=why, score=score, fallback=fallback)


def _take(ordered: Sequence[SupportMatch], caps: dict[str, int], limit: int) -> list[SupportMatch]:
    """The first `limit` matches, at most `caps[kind]` of each kind."""
    taken: list[SupportMatch] = []
    counts: dict[str, int] = {}
    for match in ordered:
        if len(taken) >= limit:
            break
        if caps and counts.get(match.kind, 0) >= caps[match.kind]:
            continue
        counts[match.kind] = counts.get(match.kind, 0) + 1
        taken.append(match)
    return taken


def browse_entries(
    directory: Directory, kinds: Sequence[str] = (), sector: str = "", limit: int | None = None
) -> list[SupportMatch]:
    """Entries of some kinds (and a sector), by kind, country and name: the directory without a company."""
    vocab = directory.vocabulary
    wanted = check_kinds(kinds, vocab) or tuple(vocab.kinds)
    section = vocab.section_of(check_nace(sector, vocab)) if sector else ""
    order = {kind: i for i, kind in enumerate(vocab.kinds)}
    chosen = [
        e
        for e in directory.entries
        if e.kind in wanted and (not section or sector_fit(e, section) != "mismatch")
    ]
    chosen.sort(key=lambda e: (order[e.kind], e.country, e.name.casefold(), e.id))
    matches = []
    for entry in chosen[:limit]:
        candidate = (
            Candidate(entry, "eu")
            if entry.country == "EU"
            else Candidate(entry, "listed", other=entry.country)
        )
        matches.append(
            _as_match(candidate, 0, explain(candidate, Request(country="", section=section), vocab))
        )
    return matches
