"""Invariants of the classification, over systems hypothesis makes up from the register's schema."""

from __future__ import annotations

import datetime
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.aiact import classify_systems, register_from_data
from readiness.aiact.register import system_fields
from readiness.schemas import load_schema

FIELDS = system_fields()
ANNEX_III = load_schema("aiact-register")["$defs"]["annex_iii_point"]["enum"]
ROLES = load_schema("aiact-register")["$defs"]["role"]["enum"]
SEVERITY = {"out_of_scope": 0, "minimal": 1, "limited": 2, "high": 3, "prohibited": 4}
TRANSPARENCY = FIELDS["transparency"]["items"]["enum"]


def _choices(field: str) -> list[str]:
    spec = FIELDS[field]
    if field == "annex_iii":
        return list(ANNEX_III)
    return list(spec["items"]["enum"] if spec.get("type") == "array" else spec["enum"])


def _list(field: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(_choices(field)), unique=True, max_size=3)


systems = st.fixed_dictionaries(
    {
        "name": st.just("S"),
        "role": st.sampled_from(ROLES)
        | st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True),
    },
    optional={
        "in_eu": st.booleans(),
        "is_ai_system": st.sampled_from(_choices("is_ai_system")),
        "infers": st.booleans(),
        "autonomy": st.booleans(),
        "influences": st.booleans(),
        "outside_definition": st.sampled_from(_choices("outside_definition")),
        "status": st.sampled_from(_choices("status")),
        "placed_on_market": st.dates(datetime.date(2023, 1, 1), datetime.date(2029, 12, 31)).map(str),
        "exclusion": st.sampled_from(_choices("exclusion")),
        "open_source": st.booleans(),
        "gpai": st.sampled_from(_choices("gpai")),
        "practices": _list("practices"),
        "annex_i": _list("annex_i"),
        "safety_component": st.booleans(),
        "third_party_conformity_assessment": st.booleans(),
        "annex_iii": _list("annex_iii"),
        "derogation": _list("derogation"),
        "profiling": st.booleans(),
        "transparency": _list("transparency"),
        "public_service": st.booleans(),
        "public_authority": st.booleans(),
        "annex_x": st.booleans(),
        "own_name_or_trademark": st.booleans(),
        "substantial_modification": st.booleans(),
        "changed_intended_purpose": st.booleans(),
    },
)
companies = st.fixed_dictionaries(
    {},
    optional={
        "size": st.sampled_from(
            load_schema("aiact-register")["$defs"]["company"]["properties"]["size"]["enum"]
        ),
        "country": st.sampled_from(["NL", "DE", "NO", "US", "CH", "JP"]),
    },
)
dates = st.dates(datetime.date(2024, 8, 1), datetime.date(2031, 12, 31))


def _classify(system: dict[str, Any], company: dict[str, Any], as_of: datetime.date) -> dict[str, Any]:
    register = register_from_data({"company": company, "systems": [system]}, "generated.yaml")
    return classify_systems(register, as_of).as_dict()


@settings(max_examples=150, deadline=None)
@given(systems, companies, dates)
def test_every_system_gets_one_class_and_consistent_statuses(
    system: dict[str, Any], company: dict[str, Any], as_of: datetime.date
) -> None:
    data = _classify(system, company, as_of)
    result = data["systems"][0]
    assert result["risk"] in SEVERITY
    assert result["reasons"]
    for obligation in result["obligations"] + data["company_obligations"]:
        applies = datetime.date.fromisoformat(obligation["applies_from"]) <= as_of
        assert obligation["status"] == ("applies" if applies else "upcoming")
    if result["risk"] == "out_of_scope":
        assert all(o["id"].startswith("gpai_") for o in result["obligations"])
        assert not any(o["id"] == "ai_literacy" for o in data["company_obligations"])


@settings(max_examples=60, deadline=None)
@given(systems, companies, dates)
def test_the_output_is_deterministic(
    system: dict[str, Any], company: dict[str, Any], as_of: datetime.date
) -> None:
    first = json.dumps(_classify(system, company, as_of), ensure_ascii=False)
    assert first == json.dumps(_classify(dict(system), dict(company), as_of), ensure_ascii=False)


@settings(max_examples=150, deadline=None)
@given(systems, st.sampled_from(TRANSPARENCY))
def test_adding_a_transparency_flag_never_lowers_the_risk(system: dict[str, Any], flag: str) -> None:
    before = _classify(system, {}, datetime.date(2027, 1, 1))["systems"][0]["risk"]
    more = {**system, "transparency": sorted({*system.get("transparency", []), flag})}
    after = _classify(more, {}, datetime.date(2027, 1, 1))["systems"][0]["risk"]
    assert SEVERITY[after] >= SEVERITY[before]


@settings(max_examples=150, deadline=None)
@given(systems, st.sampled_from(ANNEX_III))
def test_adding_an_annex_iii_point_never_lowers_the_risk(system: dict[str, Any], point: str) -> None:
    before = _classify(system, {}, datetime.date(2027, 1, 1))["systems"][0]["risk"]
    more = {**system, "annex_iii": sorted({*system.get("annex_iii", []), point})}
    after = _classify(more, {}, datetime.date(2027, 1, 1))["systems"][0]["risk"]
    assert SEVERITY[after] >= SEVERITY[before]


@settings(max_examples=40, deadline=None)
@given(systems, companies, st.sampled_from(["en", "nl"]))
def test_every_draft_for_any_system_serves_an_obligation_that_binds(
    system: dict[str, Any], company: dict[str, Any], lang: str
) -> None:
    from readiness.aiact.drafts import build_drafts

    register = register_from_data({"company": company, "systems": [system]}, "generated.yaml")
    assessment = classify_systems(register, datetime.date(2028, 1, 1))
    data = assessment.as_dict(lang)
    bound = {o["id"] for o in data["company_obligations"] + data["systems"][0]["obligations"]}
    for draft in build_drafts(register, assessment, lang):
        assert draft.link and draft.sections
        assert draft.role in data["systems"][0]["roles"] or not draft.system
        assert bound, "a draft is only made when an obligation binds"
