"""What a client reads about a match, in every language: why it was chosen, its standing, what is unsure.

A reader must see at once why an entry is on their list (where it is, what it knows of their sector,
which of their needs it serves). How it stands (a law not yet adopted, a call not yet open) is a plain
sentence of its own, never a status id, and what could not be confirmed on an official page is said.
"""

from __future__ import annotations

from readiness.directory.fit import (
    LOCAL_PLACES,
    Candidate,
    Request,
    matched_words,
    need_services,
    sector_fit,
    serves_need,
)
from readiness.directory.model import DirectoryEntry
from readiness.directory.vocabulary import Vocabulary, in_language

# Fields a client never reads, so a report need not say they are unconfirmed.
_UNSEEN_FIELDS = frozenset({"details", "facts"})


def explain(candidate: Candidate, request: Request, vocab: Vocabulary) -> dict[str, str]:
    """The reason for each language of the vocabulary."""
    return {lang: _sentence(candidate, request, vocab, lang) for lang in vocab.languages}


def _sentence(candidate: Candidate, request: Request, vocab: Vocabulary, lang: str) -> str:
    entry = candidate.entry
    kind_info = vocab.kinds[entry.kind]
    clauses = [_lead(candidate, request, vocab, lang)]
    if candidate.place in (*LOCAL_PLACES, "listed") and entry.summary:
        clauses.append(in_language(entry.summary, lang))
    if candidate.place == "eu" and request.country in entry.nodes:
        clauses.append(vocab.reason("node", lang, country=vocab.country_name(request.country, lang)))
    for kind in candidate.fallback_for:
        country = vocab.country_name(request.country, lang)
        clauses.append(vocab.reason(f"fallback_{kind}", lang, country=country))
    if sector_fit(entry, request.section, request.nace) == "match" and not kind_info.get("sector_required"):
        clauses.append(vocab.reason("sector", lang, sector=vocab.sector_short(request.section, lang)))
    words = vocab.ai_technologies + tuple(w for n in request.needs for w in vocab.needs[n]["technologies"])
    technologies = [vocab.technology_label(word, lang) for word in matched_words(entry, words)]
    if technologies:
        clauses.append(vocab.reason("technologies", lang, technologies=vocab.join_words(technologies, lang)))
    services = _services_to_name(candidate, request, vocab)
    if services:
        labels = [vocab.service_label(s, lang) for s in services]
        clauses.append(vocab.reason("services", lang, services=vocab.join_words(labels, lang)))
    high_risk_need = vocab.ranking["high_risk_need"]
    if request.high_risk and serves_need(entry, high_risk_need, vocab):
        key = f"high_risk_{entry.kind}"
        action_key = key if key in vocab.data["reasons"] else "high_risk_other"
        action = vocab.reason(action_key, lang, country=vocab.country_name(request.country, lang))
        clauses.append(vocab.reason("high_risk", lang, action=action))
    if entry.roles:
        roles = [vocab.label("roles", role, lang) for role in entry.roles]
        clauses.append(vocab.reason("roles", lang, roles=vocab.join_words(roles, lang)))
    # "Designated by ..." only where a law did designate it and that law was confirmed; for a bill or a
    # missing act the entry's client_note tells the client where things stand.
    if entry.legal_basis and entry.status == "designated" and "legal_basis" not in entry.unconfirmed:
        clauses.append(vocab.reason("legal_basis", lang, legal_basis=entry.legal_basis))
    text = in_language(vocab.data["reasons"]["joiner"], lang).join(c for c in clauses if c)
    return text[:1].upper() + text[1:]


def _lead(candidate: Candidate, request: Request, vocab: Vocabulary, lang: str) -> str:
    """Where the entry is and why it stands here, with the kind's offer or the entry's summary after it."""
    entry = candidate.entry
    kind_info = vocab.kinds[entry.kind]
    kind = vocab.kind_label(entry.kind, lang)
    country = vocab.country_name(request.country, lang)
    other = vocab.country_name(candidate.other, lang)
    offer = in_language(kind_info["offer"], lang) if "offer" in kind_info else ""
    place = candidate.place
    if place in LOCAL_PLACES and offer:
        return vocab.reason("offer", lang, lead=vocab.reason("lead_own", lang, kind=kind), offer=offer)
    if place == "region":
        lead = vocab.reason("lead_region", lang, kind=kind, where=entry.region_in(lang) or entry.city)
    elif place == "nationwide":
        lead = vocab.reason("lead_nationwide", lang, kind=kind, country=country)
    elif place in ("country", "listed"):
        where = entry.region_in(lang) or entry.city
        where_text = vocab.reason("where", lang, where=where) if where else ""
        other_region = place == "country" and request.region and entry.nuts
        key = "lead_other_region" if other_region else "lead_country"
        lead = vocab.reason(key, lang, kind=kind, country=other or country, where=where_text)
    elif place == "neighbour":
        kinds = vocab.kind_label(entry.kind, lang, plural=True)
        lead = vocab.reason("lead_neighbour", lang, kind=kind, kinds=kinds, country=country, other=other)
    elif place == "cross_border":
        lead = vocab.reason("lead_cross_border", lang, kind=kind, country=country, other=other)
    elif place in ("linked", "partner"):
        lead = vocab.reason(
            f"lead_{place}", lang, kind=kind, country=country, other=other, linker=candidate.linker
        )
    elif kind_info.get("sector_required") and entry.sectors:
        sectors = sorted({code[0] for code in entry.sectors})
        labels = [vocab.sector_short(s, lang) for s in sectors]
        lead = vocab.reason("lead_sector_eu", lang, kind=kind, sectors=vocab.join_words(labels, lang))
    else:
        lead = vocab.reason("lead_eu", lang, kind=kind)
    if place == "neighbour":
        return lead
    detail = in_language(entry.summary, lang) if place == "eu" and entry.summary else offer
    return vocab.reason("offer", lang, lead=lead, offer=detail) if detail else lead


def _services_to_name(candidate: Candidate, request: Request, vocab: Vocabulary) -> list[str]:
    """The services worth saying: those serving the company's needs, else the kind's highlights."""
    entry = candidate.entry
    named: list[str] = []
    for need in request.needs:
        named += [s for s in need_services(entry, need, vocab) if s not in named]
    if named or request.needs:
        return named
    highlight = vocab.kinds[entry.kind].get("highlight", [])
    return [s for s in entry.services if s in highlight]


def client_note(entry: DirectoryEntry, vocab: Vocabulary) -> dict[str, str]:
    """The entry's standing as a plain sentence per language: its own client_note, else its status's note."""
    texts = entry.client_note or vocab.status_note(entry.status)
    return {lang: in_language(texts, lang) for lang in vocab.languages} if texts else {}


def caution(entry: DirectoryEntry, vocab: Vocabulary) -> dict[str, str]:
    """What could not be confirmed on an official page, per language ({} when everything was)."""
    if not entry.confirmed:
        return {lang: vocab.reason("unconfirmed_entry", lang) for lang in vocab.languages}
    shown = [name for name in entry.unconfirmed if name not in _UNSEEN_FIELDS]
    if not shown:
        return {}
    result = {}
    for lang in vocab.languages:
        labels = list(
            dict.fromkeys(
                vocab.label("roles" if name in vocab.roles else "fields", name, lang) for name in shown
            )
        )
        result[lang] = vocab.reason("unconfirmed_fields", lang, fields=vocab.join_words(labels, lang))
    return result
