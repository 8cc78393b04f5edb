"""Matching a company to the support that fits it: a pure, deterministic ranking of directory entries.

Only entries confirmed on an official page take part, unless the caller asks for the others. For each
kind of support the company's own country comes first; entries elsewhere are considered only when
something ties them to it (an antenna's link, a partner country, a region served across the border) or
when no entry serves the country (then the nearest country that has one, and an EU-level contact).
Within a kind, entries serving the company's region always come before those elsewhere in its country;
the vocabulary's points order the rest and the kinds among each other. Each kind is capped so one answer
covers hubs, compute, testing, the AI Act and funding. The hub that issues the report leads the list.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import fields, replace

from readiness.company import Company
from readiness.directory.fit import (
    Candidate,
    Request,
    has_ai_focus,
    local_place,
    nuts_overlap,
    sector_fit,
    serves_need,
)
from readiness.directory.inputs import check_country, check_kinds, check_nace, check_needs, check_region
from readiness.directory.issuer import issuer_match
from readiness.directory.model import Directory, DirectoryEntry, Issuer, SupportMatch
from readiness.directory.reasons import caution, client_note, explain
from readiness.directory.vocabulary import Vocabulary

# Within a kind, where an entry stands for the company decides its rank before any points do.
PLACE_ORDER = {
    "region": 0,
    "nationwide": 1,
    "country": 2,
    "linked": 3,
    "partner": 3,
    "cross_border": 4,
    "neighbour": 5,
    "eu": 6,
    "listed": 6,
}
# A regional or nationwide hub naming only other sectors ranks just after the country's other hubs.
SECTOR_MISMATCH_RANK = 2.5


def match_support(
    directory: Directory,
    company: Company,
    needs: Sequence[str] = (),
    *,
    high_risk: bool = False,
    limit: int = 12,
    kinds: Sequence[str] = (),
    include_unconfirmed: bool = False,
    issuer: Issuer | None = None,
) -> list[SupportMatch]:
    """The support that fits `company`, best first, each with the reason it was chosen.

    `needs` come from the need vocabulary (data, compute, skills, funding, compliance, testing);
    `high_risk` (from the AI Act result) brings the AI Act contacts forward; `kinds` restricts the
    answer to some kinds and lifts the per-kind caps. Entries not confirmed on an official page are
    left out unless `include_unconfirmed`. An `issuer` (the hub whose brand the report wears) comes
    first, beyond the limit. Raises ReadinessError for an unknown country, region, NACE code, need or
    kind, or an issuer naming no entry.
    """
    vocab = directory.vocabulary
    country = check_country(company.country, vocab)
    nace = check_nace(company.nace, vocab) if company.nace else ""
    request = Request(
        country=country,
        region=check_region(company.region, country, vocab) if company.region else "",
        section=vocab.section_of(nace) if nace else "",
        nace=nace,
        needs=check_needs(needs, vocab),
        high_risk=high_risk,
    )
    wanted = check_kinds(kinds, vocab) or tuple(vocab.kinds)
    lead = issuer_match(directory, issuer, request) if issuer is not None and not issuer.empty else None
    pool = directory if include_unconfirmed else directory.confirmed_only()
    scored: list[SupportMatch] = []
    for candidate in _candidates(pool, request, wanted):
        score = _score(candidate, request, vocab)
        if score is not None and (lead is None or candidate.entry.id != lead.id):
            scored.append(_as_match(candidate, score, request, vocab))
    caps = {} if kinds else {kind: int(info["max"]) for kind, info in vocab.kinds.items()}
    taken = _take(_order(scored, request), caps, limit)
    return [lead, *taken] if lead is not None else taken


def place_rank(match: DirectoryEntry, place: str, request: Request) -> float:
    """How a match ranks within its kind by where it stands for the company (lower is first).

    A hub for the company's region (or its whole country) that names only other sectors than the
    company's is not really for it: it ranks after the hubs elsewhere in the country that know its sector.
    """
    rank = float(PLACE_ORDER[place])
    if place in ("region", "nationwide") and sector_fit(match, request.section, request.nace) == "mismatch":
        rank += SECTOR_MISMATCH_RANK
    return rank


def _order(matches: Sequence[SupportMatch], request: Request) -> list[SupportMatch]:
    """By score, then name and id, except that within a kind the place decides first.

    The kinds keep the slots their best scores earn; each kind fills its slots in place order, so a hub
    for the company's region always comes before a better-scoring hub elsewhere in its country.
    """
    by_score = sorted(matches, key=lambda m: (-m.score, m.name.casefold(), m.id))
    queues: dict[str, deque[SupportMatch]] = {}
    for match in sorted(by_score, key=lambda m: place_rank(m, m.place, request)):
        queues.setdefault(match.kind, deque()).append(match)
    return [queues[m.kind].popleft() for m in by_score]


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
    """Entries of `kind` abroad tied to the company: a local entry links to them, they name its country
    as a partner, or the regions they serve reach across the border into its region (or its country)."""
    prefix = directory.vocabulary.nuts_prefix(request.country)
    related: list[Candidate] = []
    for entry in directory.of_kind(kind):
        if entry.country in (request.country, "EU"):
            continue
        linker = next((e for e in local_all if entry.id in e.linked), None)
        across = [code for code in entry.nuts if code.startswith(prefix)]
        if linker is not None:
            related.append(Candidate(entry, "linked", other=entry.country, linker=linker.name))
        elif request.country in entry.partner_countries:
            related.append(Candidate(entry, "partner", other=entry.country))
        elif across and (
            not request.region or any(c == prefix or nuts_overlap(c, request.region) for c in across)
        ):
            related.append(Candidate(entry, "cross_border", other=entry.country))
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
    fit = sector_fit(entry, request.section, request.nace)
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


def _as_match(candidate: Candidate, score: int, request: Request, vocab: Vocabulary) -> SupportMatch:
    entry = candidate.entry
    values = {f.name: getattr(entry, f.name) for f in fields(DirectoryEntry)}
    fallback = candidate.other if candidate.place == "neighbour" else ""
    return SupportMatch(
        **values,
        why=explain(candidate, request, vocab),
        note=client_note(entry, vocab),
        caution=caution(entry, vocab),
        score=score,
        place=candidate.place,
        fallback=fallback,
    )


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
    directory: Directory,
    kinds: Sequence[str] = (),
    sector: str = "",
    limit: int | None = None,
    *,
    include_unconfirmed: bool = False,
) -> list[SupportMatch]:
    """Entries of some kinds (and a sector), by kind, country and name: the directory without a company.

    Entries not confirmed on an official page are left out unless `include_unconfirmed`.
    """
    directory = directory if include_unconfirmed else directory.confirmed_only()
    vocab = directory.vocabulary
    wanted = check_kinds(kinds, vocab) or tuple(vocab.kinds)
    nace = check_nace(sector, vocab) if sector else ""
    section = vocab.section_of(nace) if nace else ""
    order = {kind: i for i, kind in enumerate(vocab.kinds)}
    chosen = [
        e
        for e in directory.entries
        if e.kind in wanted and (not section or sector_fit(e, section, nace) != "mismatch")
    ]
    chosen.sort(key=lambda e: (order[e.kind], e.country, e.name.casefold(), e.id))
    matches = []
    for entry in chosen[:limit]:
        candidate = (
            Candidate(entry, "eu")
            if entry.country == "EU"
            else Candidate(entry, "listed", other=entry.country)
        )
        matches.append(_as_match(candidate, 0, Request(country="", section=section, nace=nace), vocab))
    return matches
