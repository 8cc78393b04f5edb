"""The hub that issues a report: its card leads "where to get help", with the person a client asks.

A brand names the hub's own directory entry, carries a card of its own, or both (the card's fields win).
The hub's own entry is shown whether or not it is confirmed: the hub vouches for itself.
"""

from __future__ import annotations

from dataclasses import fields, replace

from readiness.directory.fit import Request
from readiness.directory.model import Directory, DirectoryEntry, Issuer, SupportMatch
from readiness.errors import ReadinessError

ISSUER_ID = "issuer"


def issuer_match(directory: Directory, issuer: Issuer, request: Request) -> SupportMatch:
    """The issuing hub as the first card, saying that it made the report and whom to ask."""
    vocab = directory.vocabulary
    entry = _entry(directory, issuer)
    name = issuer.name or entry.name
    if issuer.contact_person:
        why = {
            lang: vocab.reason("issuer", lang, name=name, person=issuer.contact_person)
            for lang in vocab.languages
        }
    else:
        why = {lang: vocab.reason("issuer_no_person", lang, name=name) for lang in vocab.languages}
    values = {f.name: getattr(entry, f.name) for f in fields(DirectoryEntry)}
    values.update(name=name, url=issuer.url or entry.url, email=issuer.email or entry.email)
    return SupportMatch(
        **values,
        why={lang: text[:1].upper() + text[1:] for lang, text in why.items()},
        place="issuer",
        contact_person=issuer.contact_person,
        phone=issuer.phone,
    )


def _entry(directory: Directory, issuer: Issuer) -> DirectoryEntry:
    if not issuer.directory_entry:
        return DirectoryEntry(
            id=ISSUER_ID,
            kind=issuer.kind,
            name=issuer.name,
            country="",
            status="",
            sources=(),
            checked="",
            confirmed=True,
        )
    entry = directory.get(issuer.directory_entry)
    if entry is None:
        raise ReadinessError(
            f"the brand names directory_entry '{issuer.directory_entry}', which is not in the directory; "
            "find the id with `readiness hubs --kind edih --include-unconfirmed --format json`, or give the "
            "hub's card (name, url, contact_person, email, phone) instead"
        )
    return replace(entry, confirmed=True) if not entry.confirmed else entry
