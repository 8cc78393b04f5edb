"""Matching a company to support: the right entries, a reason for each, fallbacks said, stable order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.company import Company
from readiness.directory import Directory, load_directory, load_vocabulary, match_support
from readiness.directory.fit import Request
from readiness.directory.matching import place_rank
from readiness.errors import ReadinessError

from .conftest import directory_of, hub

VOCAB = load_vocabulary()
EEA = ("IS", "LI", "NO")


def company(country: str, nace: str = "", region: str = "", size: str = "small") -> Company:
    return Company(name="Test BV", country=country, size=size, nace=nace, region=region)


def test_dutch_manufacturer(directory: Directory) -> None:
    matches = match_support(directory, company("NL", "C"))
    ids = [m.id for m in matches]
    assert len(matches) == 12
    assert any(m.kind == "edih" for m in matches)
    assert "ai-act-service-desk" in ids
    for m in matches:
        assert m.why["en"] and m.why["nl"], m.id
        assert m.confirmed and m.client_sources, m.id
    edih = next(m for m in matches if m.kind == "edih")
    assert "knows your sector (manufacturing)" in edih.why["en"]
    assert "kent uw sector (industrie)" in edih.why["nl"]


def test_machine_builder_in_noord_brabant_gets_its_regional_hub_first(directory: Directory) -> None:
    """The issue's example: the hub serving NL41 leads, above better-scoring hubs elsewhere in NL."""
    matches = match_support(directory, company("NL", "C28", "NL41"), kinds=["edih"])
    first = matches[0]
    assert first.place == "region" and first.at_location
    assert any(code in ("NL", "NL4", "NL41") or code.startswith("NL41") for code in first.nuts)
    assert first.why["en"].startswith("EDIH in your region")
    for other in matches[1:]:
        assert other.place in ("country", "nationwide"), other.id
        assert "your region" not in other.why["en"]
        if other.place == "country":
            assert not other.at_location
            assert other.why["en"].startswith("EDIH in another region of the Netherlands")
        else:
            assert other.why["en"].startswith("EDIH for all of the Netherlands")


REGIONAL = hub("weak-but-local", "NL", ["NL41"], status="national_candidate_eu_status_unverified")
STRONG = hub(
    "strong-elsewhere", "NL", ["NL33"], sectors=["C"], technologies=["AI"], services=["skills_training"]
)


def test_region_outranks_points_within_a_kind() -> None:
    matches = match_support(directory_of(STRONG, REGIONAL), company("NL", "C28", "NL41"), ["skills"])
    edihs = [m for m in matches if m.kind == "edih"]
    assert [m.id for m in edihs] == ["weak-but-local", "strong-elsewhere"]
    assert edihs[0].score < edihs[1].score
    assert edihs[0].note["en"].startswith("Put forward by its government as a candidate EDIH")
    assert matches.index(edihs[0]) < matches.index(edihs[1])


def test_a_hub_for_the_whole_country_but_another_sector_comes_after_those_for_the_companys() -> None:
    public_sector = hub("public-sector-hub", "NL", ["NL"], sectors=["O"])
    elsewhere = hub("industry-hub", "NL", ["NL33"], sectors=["C"])
    matches = match_support(
        directory_of(public_sector, elsewhere), company("NL", "C28", "NL41"), kinds=["edih"]
    )
    assert [m.id for m in matches if m.kind == "edih"] == ["industry-hub", "public-sector-hub"]
    public = match_support(
        directory_of(public_sector, elsewhere), company("NL", "O84", "NL41"), kinds=["edih"]
    )
    assert [m.id for m in public if m.kind == "edih"] == ["public-sector-hub", "industry-hub"]


@pytest.mark.parametrize(
    ("entry_nuts", "region", "local"),
    [
        (["NL4"], "NL41", True),  # the entry serves the whole NUTS 1 region
        (["NL41"], "NL41", True),
        (["NL412"], "NL41", True),  # a NUTS 3 region inside the company's NUTS 2 region
        (["NL41"], "NL412", True),  # the company gave a NUTS 3 region inside the entry's
        (["NL"], "NL412", True),  # nationwide
        (["NL42"], "NL41", False),
        (["NL4"], "NL33", False),
    ],
)
def test_nuts_levels_match(entry_nuts: list[str], region: str, local: bool) -> None:
    matches = match_support(directory_of(hub("the-hub", "NL", entry_nuts)), company("NL", region=region))
    match = next(m for m in matches if m.id == "the-hub")
    assert match.at_location is local
    assert ("your region" in match.why["en"] or "all of the Netherlands" in match.why["en"]) is local


def test_a_hub_across_the_border_serving_the_region_is_offered() -> None:
    euregio = hub("euregio-hub", "DE", ["DEA2", "NL42"])
    matches = match_support(directory_of(euregio), company("NL", region="NL42"), kinds=["edih"])
    match = next(m for m in matches if m.id == "euregio-hub")
    assert match.place == "cross_border"
    assert match.why["en"].startswith("EDIH in Germany that also serves the Netherlands")
    local = hub("rotterdam-hub", "NL", ["NL33"])
    elsewhere = match_support(directory_of(euregio, local), company("NL", region="NL33"), kinds=["edih"])
    assert [m.id for m in elsewhere if m.kind == "edih"] == ["rotterdam-hub"]


def test_no_hub_for_the_country_falls_back_to_the_nearest_and_says_so() -> None:
    greek = hub("athens-hub", "GR", ["EL30"])
    matches = match_support(directory_of(greek), company("CY"), kinds=["edih"])
    fallback = next(m for m in matches if m.id == "athens-hub")
    assert fallback.place == "neighbour" and fallback.fallback == "GR"
    assert fallback.why["en"].startswith("No EDIH for Cyprus is confirmed in this directory yet")
    assert "one of the nearest, in Greece" in fallback.why["en"]
    assert "ask whether it takes clients from Cyprus" in fallback.why["en"]
    assert fallback.why["nl"].startswith("Voor Cyprus is in deze lijst nog geen EDIH bevestigd")
    catalogue = next(m for m in matches if m.id == "edih-catalogue")
    assert "the catalogue lists every hub" in catalogue.why["en"]


def test_the_nearest_country_with_a_hub_is_taken_in_neighbour_order() -> None:
    norwegian, danish = hub("oslo-hub", "NO", ["NO08"]), hub("aarhus-hub", "DK", ["DK04"])
    matches = match_support(directory_of(danish, norwegian), company("IS"), kinds=["edih"])
    assert [m.id for m in matches if m.kind == "edih"] == ["oslo-hub"]
    only_danish = match_support(directory_of(danish), company("IS"), kinds=["edih"])
    assert [m.id for m in only_danish if m.kind == "edih"] == ["aarhus-hub"]


@pytest.mark.parametrize("country", [*VOCAB.eu_members, *EEA])
def test_every_country_gets_a_reasoned_answer(directory: Directory, country: str) -> None:
    """A hub of its own, a hub across the border or nearby, or the catalogue with the reason why."""
    kinds = ["edih", "contact_point", "authority"]
    matches = match_support(directory, company(country), kinds=kinds, limit=100)
    edihs = [m for m in matches if m.kind == "edih"]
    name = VOCAB.country_name(country, "en")
    if not edihs:
        catalogue = next(m for m in matches if m.id == "edih-catalogue")
        assert f"no EDIH for {name} is confirmed in this directory yet" in catalogue.why["en"]
    for match in edihs:
        assert match.country == country or name in match.why["en"], match.id
    authorities = [m for m in matches if m.kind == "authority"]
    if not authorities:
        desk = next(m for m in matches if m.id == "ai-act-service-desk")
        assert f"no confirmed national AI Act authority is listed for {name}" in desk.why["en"]


def test_unconfirmed_entries_only_when_asked(directory: Directory) -> None:
    unconfirmed = hub("rumoured-hub", "NL", ["NL41"], confirmed=False)
    test_directory = directory_of(unconfirmed)
    default = match_support(test_directory, company("NL", region="NL41"), kinds=["edih"])
    assert "rumoured-hub" not in [m.id for m in default]
    asked = match_support(
        test_directory, company("NL", region="NL41"), kinds=["edih"], include_unconfirmed=True
    )
    match = next(m for m in asked if m.id == "rumoured-hub")
    assert {lang: match.caution[lang] for lang in ("en", "nl")} == {
        "en": "Not yet confirmed on an official page.",
        "nl": "Nog niet bevestigd op een officiële pagina.",
    }
    hidden = [e.id for e in directory.entries if not e.confirmed]
    shown = {m.id for m in match_support(directory, company("NL"), limit=50, kinds=list(VOCAB.kinds))}
    assert hidden and not shown & set(hidden)


def test_unconfirmed_fields_are_named_in_the_clients_language() -> None:
    entry = hub("half-known", "NL", ["NL41"], email="info@half-known.example", unconfirmed=["email", "nuts"])
    match = next(m for m in match_support(directory_of(entry), company("NL")) if m.id == "half-known")
    assert (
        match.caution["en"] == "Not confirmed on an official page: the e-mail address and the region served."
    )
    assert match.caution["nl"] == "Niet bevestigd op een officiële pagina: het e-mailadres en het werkgebied."


def test_authority_roles_legal_basis_and_client_note() -> None:
    authority = {
        "id": "authority-dk-test",
        "kind": "authority",
        "name": "Digitaliseringsstyrelsen",
        "country": "DK",
        "status": "designated",
        "confirmed": True,
        "roles": ["market_surveillance", "single_point_of_contact"],
        "legal_basis": "Act no. 467 of 14 May 2025",
        "client_note": {"en": "Applies since 2 August 2025.", "nl": "Van toepassing sinds 2 augustus 2025."},
        "url": "https://digst.dk",
        "sources": ["https://digst.dk/ai"],
        "checked": "2026-12-01",
    }
    matches = match_support(directory_of(authority), company("DK"), high_risk=True, kinds=["authority"])
    match = matches[0]
    assert match.id == "authority-dk-test"
    why = match.why["en"]
    assert (
        "it is the market surveillance authority (Art. 70) and the single point of contact (Art. 70(2))"
        in why
    )
    assert "designated by Act no. 467 of 14 May 2025" in why
    assert "this is the authority for it in Denmark" in why
    assert match.note["nl"] == "Van toepassing sinds 2 augustus 2025."


@pytest.mark.parametrize("country", ["NL", "DE", "CY", "IS", "NO", "DK", "HU", "ES", "PT"])
def test_no_status_ids_or_internal_words_reach_a_client(directory: Directory, country: str) -> None:
    ids = [status for status in VOCAB.statuses if "_" in status]
    labels = [
        VOCAB.status_label(status, "en") for status, info in VOCAB.statuses.items() if info.get("caveat")
    ]
    forbidden = [*ids, *labels, "not verified", "status:"]
    matches = match_support(directory, company(country, "C"), high_risk=True, include_unconfirmed=True)
    for match in matches:
        item = match.as_dict("en")
        text = " ".join(str(item[key] or "") for key in ("why", "note", "caution"))
        assert not [word for word in forbidden if word in text], (match.id, text)
        assert "status" not in item and "notes" not in item


def test_antenna_links_bring_their_factories(directory: Directory) -> None:
    matches = match_support(directory, company("IE"), ["compute"], kinds=["ai_factory", "ai_factory_antenna"])
    ids = [m.id for m in matches]
    assert {"aifa-ie", "aif-fr-ai2f"} <= set(ids)
    ai2f = next(m for m in matches if m.id == "aif-fr-ai2f")
    assert "linked to AIF IRL-Antenna in Ireland" in ai2f.why["en"]


def test_partner_country_and_neighbour_factories(directory: Directory) -> None:
    denmark = match_support(directory, company("DK"), kinds=["ai_factory"])
    assert "with Denmark as a partner country" in next(m for m in denmark if m.id == "aif-fi-lumi").why["en"]
    croatia = match_support(directory, company("HR"), kinds=["ai_factory"])
    assert [m.id for m in croatia if m.kind == "ai_factory"] == ["aif-si-slaif"]


def test_high_risk_brings_the_ai_act_contacts(directory: Directory) -> None:
    matches = match_support(directory, company("DE", "Q86"), high_risk=True)
    top = {m.id for m in matches[:4]}
    assert {"ai-act-service-desk", "authority-de-bnetza"} <= top
    authority = next(m for m in matches if m.id == "authority-de-bnetza")
    assert "your AI system is high-risk: this is the authority for it in Germany" in authority.why["en"]
    assert "Federal Network Agency" in authority.note["en"] and "Bundesnetzagentur" in authority.note["nl"]


def test_no_authority_falls_back_to_the_service_desk(directory: Directory) -> None:
    matches = match_support(directory, company("PL"), kinds=["authority"])
    assert [m.id for m in matches] == ["ai-act-service-desk"]
    assert "no confirmed national AI Act authority is listed for Poland" in matches[0].why["en"]


def test_tefs_only_for_their_sector(directory: Directory) -> None:
    health = match_support(directory, company("DE", "Q"), kinds=["tef"])
    assert "tef-health" in [m.id for m in health]
    assert "tef-ai-matters" not in [m.id for m in health]
    assert "before certification" in next(m for m in health if m.id == "tef-health").why["en"]
    machines = [m.id for m in match_support(directory, company("DE", "C28"), kinds=["tef"])]
    assert "tef-ai-matters" in machines and "tef-agrifood" not in machines  # agrifood knows C10-C11 only


def test_kinds_filter_lifts_the_caps(directory: Directory) -> None:
    confirmed = [e for e in directory.of_kind("edih", "DE") if e.confirmed]
    matches = match_support(directory, company("DE"), kinds=["edih"], limit=50)
    assert len([m for m in matches if m.kind == "edih"]) == len(confirmed) > 3


def test_bad_input_is_a_user_error(directory: Directory) -> None:
    with pytest.raises(ReadinessError, match="unknown country code"):
        match_support(directory, company("XX"))
    with pytest.raises(ReadinessError, match="unknown NACE code"):
        match_support(directory, company("NL", "Z9"))
    with pytest.raises(ReadinessError, match="unknown need"):
        match_support(directory, company("NL"), ["magic"])


def test_as_dict_is_the_documented_shape(directory: Directory) -> None:
    item = match_support(directory, company("NL", "C"), limit=1)[0].as_dict("nl")
    assert list(item) == [
        "id", "kind", "name", "country", "region", "city", "url", "info_url", "email", "contact_person",
        "phone", "sources", "services", "sectors", "why", "note", "caution", "place", "at_location",
        "fallback", "confirmed", "unconfirmed", "checked", "score",
    ]  # fmt: skip
    assert isinstance(item["why"], str)
    assert item["url"]


COUNTRIES = st.sampled_from(VOCAB.company_countries)
SECTIONS = st.sampled_from(["", *VOCAB.sectors])
NEEDS = st.lists(st.sampled_from(list(VOCAB.needs)), max_size=3, unique=True)


@settings(max_examples=60, deadline=None)
@given(
    country=COUNTRIES,
    section=SECTIONS,
    needs=NEEDS,
    high_risk=st.booleans(),
    limit=st.integers(1, 20),
    unconfirmed=st.booleans(),
)
def test_matching_is_pure_ordered_and_capped(
    country: str, section: str, needs: list[str], high_risk: bool, limit: int, unconfirmed: bool
) -> None:
    directory = load_directory()
    options = {"high_risk": high_risk, "limit": limit, "include_unconfirmed": unconfirmed}
    first = match_support(directory, company(country, section), needs, **options)  # type: ignore[arg-type]
    again = match_support(directory, company(country, section), needs, **options)  # type: ignore[arg-type]
    assert first == again
    assert len(first) <= limit
    assert len({m.id for m in first}) == len(first)
    for kind, info in VOCAB.kinds.items():
        of_kind = [m for m in first if m.kind == kind]
        assert len(of_kind) <= info["max"]
        request = Request(country=country, section=section, nace=section)
        keys = [(place_rank(m, m.place, request), -m.score, m.name.casefold(), m.id) for m in of_kind]
        assert keys == sorted(keys)
    for match in first:
        assert unconfirmed or match.confirmed
        assert match.country in (country, "EU") or match.place in (
            "linked",
            "partner",
            "cross_border",
            "neighbour",
        )


def test_designated_by_only_where_a_confirmed_law_designated_it(directory: Directory) -> None:
    """A bill or a missing act is told by the entry's note, never as 'designated by ...'."""
    dutch = match_support(directory, company("NL"), kinds=["authority"], include_unconfirmed=True)
    assert all("designated by" not in m.why["en"] for m in dutch)
    italian = match_support(directory, company("IT"), kinds=["authority"], include_unconfirmed=True)
    assert any("designated by Legge 23 settembre 2025, n. 132" in m.why["en"] for m in italian)
