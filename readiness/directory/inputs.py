"""Checking what a user types for a country, region, NACE code, need or kind.

Shared by `readiness hubs`, the interview and the answers checks, so every command says the same thing
about the same mistake: what was wrong, what was probably meant, and what form is expected.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from readiness.company import SIZE_CLASSES
from readiness.directory.loader import load_vocabulary
from readiness.directory.vocabulary import NACE_FORM, Vocabulary
from readiness.errors import ReadinessError

NUTS_FORM = re.compile(r"^[A-Z]{2}[0-9A-Z]{1,3}$")


def check_country(code: str, vocabulary: Vocabulary | None = None) -> str:
    """The ISO 3166-1 alpha-2 code a company can be in, normalised (" nl" -> "NL", "EL" -> "GR").

    Raises ReadinessError naming the closest code (or the code of a country name typed in full) and
    listing the valid codes.
    """
    vocab = vocabulary or load_vocabulary()
    text = code.strip()
    upper = vocab.aliases.get(text.upper(), text.upper())
    if upper in vocab.company_countries:
        return upper
    valid = vocab.company_countries
    by_name = {vocab.country_name(c, lang).casefold(): c for c in valid for lang in vocab.languages}
    by_name.update({name.removeprefix("the ").removeprefix("het "): c for name, c in list(by_name.items())})
    guess = by_name.get(text.casefold())
    if guess is None:
        close = difflib.get_close_matches(upper, valid, n=1, cutoff=0.5)
        close = close or [by_name[n] for n in difflib.get_close_matches(text.casefold(), list(by_name), n=1)]
        guess = close[0] if close else None
    hint = f"did you mean {guess} ({vocab.country_name(guess, 'en')})? " if guess else ""
    raise ReadinessError(
        f"unknown country code '{code}': {hint}expected an ISO 3166-1 alpha-2 code; "
        f"valid codes: {', '.join(valid)}"
    )


def check_nace(code: str, vocabulary: Vocabulary | None = None) -> str:
    """A NACE Rev. 2 code as section letter plus digits ("28" -> "C28", "c28.4" -> "C28.4", "c" -> "C").

    Raises ReadinessError saying which form is expected, or which section a division belongs to.
    """
    vocab = vocabulary or load_vocabulary()
    text = code.strip().upper().replace(" ", "")
    if text in vocab.sectors:
        return text
    match = NACE_FORM.match(text)
    expected = (
        "expected a NACE Rev. 2 section letter A-U (e.g. C for manufacturing) or a division like C28 or 28"
    )
    if not match:
        raise ReadinessError(f"unknown NACE code '{code}': {expected}")
    division = match["division"]
    section = vocab.division_sections.get(division)
    if section is None:
        raise ReadinessError(f"unknown NACE code '{code}': there is no division {division}; {expected}")
    if match["section"] and match["section"] != section:
        label = vocab.sector_short(section, "en")
        raise ReadinessError(
            f"NACE code '{code}' does not fit: division {division} belongs to section {section} ({label}), "
            f"not {match['section']}; write {section}{division}"
        )
    return f"{section}{division}{match['rest'] or ''}"


def country_of_region(region: str, vocabulary: Vocabulary | None = None) -> str:
    """The country whose NUTS codes start like `region` ("EL30" -> "GR"), or ""."""
    vocab = vocabulary or load_vocabulary()
    prefix = region.strip().upper()[:2]
    return next((c for c in vocab.company_countries if vocab.nuts_prefix(c) == prefix), "")


def check_region(region: str, country: str, vocabulary: Vocabulary | None = None) -> str:
    """A NUTS code (NUTS 1 to 3) in `country`, upper-cased; raises ReadinessError when it cannot be one."""
    vocab = vocabulary or load_vocabulary()
    text = region.strip().upper()
    prefix = vocab.nuts_prefix(country)
    if not NUTS_FORM.match(text):
        raise ReadinessError(
            f"'{region}' is not a NUTS code: expected two letters and one to three more characters, "
            f"like {prefix}3 or {prefix}33"
        )
    if text[:2] != prefix:
        raise ReadinessError(
            f"region '{region}' is not in {vocab.country_name(country, 'en')}: "
            f"its NUTS codes start with {prefix}"
        )
    return text


def check_choices(values: Iterable[str], valid: Sequence[str], what: str) -> tuple[str, ...]:
    """Values split on commas, each one of `valid`; raises ReadinessError naming the closest and the rest."""
    out: list[str] = []
    for raw in values:
        for value in (v.strip().lower() for v in raw.split(",")):
            if not value:
                continue
            if value not in valid:
                close = difflib.get_close_matches(value, valid, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                raise ReadinessError(f"unknown {what} '{value}': {hint}choose from {', '.join(valid)}")
            if value not in out:
                out.append(value)
    return tuple(out)


def check_needs(needs: Iterable[str], vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Needs from the vocabulary (data, compute, skills, funding, compliance, testing)."""
    vocab = vocabulary or load_vocabulary()
    return check_choices(needs, list(vocab.needs), "need")


def check_kinds(kinds: Iterable[str], vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Kinds of entry from the vocabulary (edih, ai_factory, ...)."""
    vocab = vocabulary or load_vocabulary()
    return check_choices(kinds, list(vocab.kinds), "kind")


def check_size(size: str) -> str:
    """A company size class (micro, small, medium, small_mid_cap, large), or "" when not given."""
    return check_choices([size], SIZE_CLASSES, "size class")[0] if size.strip() else ""
