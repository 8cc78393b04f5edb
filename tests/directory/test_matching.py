"""Matching a company to support: the right entries, a reason for each, fallbacks said, stable order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.company import Company
from readiness.directory import Directory, load_directory, load_vocabulary, match_support
from readiness.errors import ReadinessError

VOCAB = load_vocabulary()


def company(country: str, nace: str = "", region: str = "", size: str = "small") -> Company:
    return Company(name="Test BV", country=country, size=size, nace=nace, region=region)


def test_dutch_manufacturer(directory: Directory) -> None:
    matches = match_support(directory, company("NL", "C"))
    ids = [m.id for m in matches]
    assert len(matches) == 12
    assert any(m.kind == "edih" for m in matches)
    assert "aif-nl-nlaif" in ids
    assert "ai-act-service-desk" in ids
    for m in matches:
        assert m.why["en"] and m.why["nl"], m.id
        assert m.sources
    factory = next(m for m in matches if m.id == "aif-nl-nlaif")
    assert factory.why["en"].startswith("AI factory of your country: compute and Data Labs")
    assert factory.why["nl"].startswith("AI-fabriek van uw land")
    edih = next(m for m in matches if m.kind == "edih")
    assert "knows your sector (manufacturing)" in edih.why["en"]
    assert "kent uw sector (industrie)" in edih.why["nl"]


def test_order_is_by_score_then_name(directory: Directory) -> None:
    matches = match_support(directory, company("DE", "C28"), ["testing"])
    keys = [(-m.score, m.name.casefold(), m.id) for m in matches]
    assert keys == sorted(keys)


@pytest.mark.parametrize("country", VOCAB.eu_members)
def test_every_eu_country_gets_a_hub_or_says_where_it_falls_back(directory: Directory, country: str) -> None:
    matches = match_support(directory, company(country))
    edihs = [m for m in matches if m.kind == "edih"]
    assert edihs, country
    for match in edihs:
        if match.country != country:
            other = VOCAB.country_name(match.country, "en")
            assert match.fallback == match.country
            assert f"falls back to the nearest country with one: {other}" in match.why["en"]


@pytest.mark.parametrize(("country", "other"), [("CY", "GR"), ("DK", "SE"), ("HU", "SK")])
def test_countries_without_an_edih(directory: Directory, country: str, other: str) -> None:
    matches = match_support(directory, company(country), kinds=["edih"])
    assert {m.country for m in matches if m.kind == "edih"} == {other}
    catalogue = next(m for m in matches if m.id == "edih-catalogue")
    assert "no EDIH is recorded for" in catalogue.why["en"]


def test_region_comes_first_and_says_so(directory: Directory) -> None:
    matches = match_support(directory, company("BE", region="BE2"), kinds=["edih"])
    assert matches[0].id == "edih-be-201"
    assert matches[0].why["en"].startswith("EDIH in your region (Flanders)")
    assert matches[0].why["nl"].startswith("EDIH in uw regio")


def test_antenna_links_bring_their_factories(directory: Directory) -> None:
    matches = match_support(directory, company("BE"), ["compute"], kinds=["ai_factory", "ai_factory_antenna"])
    ids = [m.id for m in matches]
    assert {"aifa-be", "aif-de-jaif", "aif-fi-lumi", "eurohpc-ai-factories"} <= set(ids)
    jaif = next(m for m in matches if m.id == "aif-de-jaif")
    assert "linked to Belgian AI Factory Antenna (BE-AIFA) in Belgium" in jaif.why["en"]


def test_partner_country_and_neighbour_factories(directory: Directory) -> None:
    denmark = match_support(directory, company("DK"), kinds=["ai_factory"])
    assert "with Denmark as a partner country" in next(m for m in denmark if m.id == "aif-fi-lumi").why["en"]
    croatia = match_support(directory, company("HR"), kinds=["ai_factory"])
    assert [m.id for m in croatia if m.kind == "ai_factory"] == ["aif-si-slaif"]


def test_high_risk_brings_the_ai_act_contacts(directory: Directory) -> None:
    matches = match_support(directory, company("ES", "Q86"), high_risk=True)
    top = {m.id for m in matches[:4]}
    assert {"ai-act-service-desk", "authority-es-aesia"} <= top
    aesia = next(m for m in matches if m.id == "authority-es-aesia")
    assert "your AI system is high-risk: this is the authority for it in Spain" in aesia.why["en"]


def test_no_authority_falls_back_to_the_service_desk(directory: Directory) -> None:
    matches = match_support(directory, company("PL"), kinds=["authority"])
    assert [m.id for m in matches] == ["ai-act-service-desk"]
    assert "no national AI Act authority is recorded for Poland" in matches[0].why["en"]


def test_weak_status_is_said(directory: Directory) -> None:
    matches = match_support(directory, company("NL"), kinds=["authority"])
    assert "status: advice only; designation not verified" in matches[0].why["en"]


def test_tefs_only_for_their_sector(directory: Directory) -> None:
    health = match_support(directory, company("DE", "Q"), kinds=["tef"])
    assert "tef-health" in [m.id for m in health]
    assert "tef-ai-matters" not in [m.id for m in health]
    assert "before certification" in next(m for m in health if m.id == "tef-health").why["en"]


def test_kinds_filter_lifts_the_caps(directory: Directory) -> None:
    matches = match_support(directory, company("PT"), kinds=["edih"], limit=50)
    assert len([m for m in matches if m.kind == "edih"]) == 17


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
        "id", "kind", "name", "country", "region", "city", "url", "info_url", "sources",
        "status", "services", "sectors", "why", "fallback", "checked", "score",
    ]  # fmt: skip
    assert isinstance(item["why"], str)


COUNTRIES = st.sampled_from(VOCAB.company_countries)
SECTIONS = st.sampled_from(["", *VOCAB.sectors])
NEEDS = st.lists(st.sampled_from(list(VOCAB.needs)), max_size=3, unique=True)


@settings(max_examples=60, deadline=None)
@given(country=COUNTRIES, section=SECTIONS, needs=NEEDS, high_risk=st.booleans(), limit=st.integers(1, 20))
def test_matching_is_pure_sorted_and_capped(
    country: str, section: str, needs: list[str], high_risk: bool, limit: int
) -> None:
    directory = load_directory()
    first = match_support(directory, company(country, section), needs, high_risk=high_risk, limit=limit)
    again = match_support(directory, company(country, section), needs, high_risk=high_risk, limit=limit)
    assert first == again
    assert len(first) <= limit
    assert len({m.id for m in first}) == len(first)
    keys = [(-m.score, m.name.casefold(), m.id) for m in first]
    assert keys == sorted(keys)
    for kind, info in VOCAB.kinds.items():
        assert sum(m.kind == kind for m in first) <= info["max"]
    for match in first:
        assert match.country in (country, "EU") or match.fallback or "in " in match.why["en"]
