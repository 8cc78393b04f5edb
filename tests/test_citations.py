"""The law the questionnaires cite: official sources, a checked date, and AI Act dates that are the law's."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.aiact import load_catalogue
from readiness.questionnaire import Registry
from tests.conftest import ROOT

REGISTRY = Registry.default()
LATEST = sorted(p.parent.name for p in (ROOT / "questionnaires").glob("*/2.0.0.yaml"))
AI_ACT = ("/eli/reg/2024/1689/", "/eli/reg/2026/1744/")


@pytest.mark.parametrize("qid", LATEST)
def test_every_law_is_an_official_eu_text_checked_on_a_day(qid: str) -> None:
    for law in REGISTRY.load(f"{qid}@2.0.0").laws:
        assert law.source.startswith("https://eur-lex.europa.eu/eli/"), law.source
        assert dt.date.fromisoformat(law.checked) <= dt.date.today()
        assert law.title.get("nl"), f"{law.id} has no Dutch title"


@pytest.mark.parametrize("qid", LATEST)
def test_ai_act_dates_in_recommendations_are_dates_of_the_law(qid: str) -> None:
    """A questionnaire that cites the AI Act with a date uses one the catalogue's timeline holds as law."""
    law_dates = {entry.date.isoformat() for entry in load_catalogue().timeline if entry.status == "law"}
    questionnaire = REGISTRY.load(f"{qid}@2.0.0")
    for rec in questionnaire.recommendations:
        for citation in rec.cites:
            law = questionnaire.law(citation.law)
            assert law is not None
            if any(part in law.source for part in AI_ACT) and citation.applies_from:
                assert citation.applies_from in law_dates, f"{rec.id}: {citation.applies_from}"


def test_the_sector_questionnaires_carry_their_sector_law() -> None:
    expected = {
        "finance": {"dora", "ccd", "gdpr"},
        "energy": {"nis2", "cer"},
        "health": {"nis2", "cer", "mdr", "ehds"},
        "transport": {"nis2", "cer", "efti"},
        "manufacturing": {"data_act", "cra", "machinery"},
        "agri-food": {"data_act"},
        "retail": {"eaa", "crd"},
    }
    for qid, laws in expected.items():
        questionnaire = REGISTRY.load(f"{qid}@2.0.0")
        declared = {law.id for law in questionnaire.laws}
        cited = {c.law for r in questionnaire.recommendations for c in r.cites}
        assert laws <= declared and laws <= cited, (qid, laws - declared, laws - cited)
