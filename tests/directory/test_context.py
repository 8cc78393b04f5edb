"""Where a company stands against its peers: Eurostat figures with their year and source."""

from __future__ import annotations

import pytest

from readiness.directory import ai_use_context
from readiness.errors import ReadinessError


def test_a_dutch_small_firm_is_compared_with_the_eu() -> None:
    figures = ai_use_context("NL", "small")
    assert [(f["geo"], f["dimension"], f["code"], f["year"], f["value"]) for f in figures] == [
        ("EU27", "size", "small", 2025, 17.0),
        ("EU27", "all", None, 2025, 19.95),
    ]
    for figure in figures:
        assert figure["source"] and figure["unit"] == "% of enterprises"
        assert figure["label"]["en"] and figure["label"]["nl"]


def test_a_country_figure_comes_first_and_the_most_precise_release_wins() -> None:
    figures = ai_use_context("BG", "medium")
    assert [(f["geo"], f["code"], f["value"]) for f in figures] == [
        ("BG", None, 8.55),
        ("BG", "medium", 13.3),
        ("EU27", "medium", 30.36),
        ("EU27", None, 19.95),
    ]


def test_activity_where_known_and_notes_for_approximate_bands() -> None:
    figures = ai_use_context("DK", "micro", "J62")
    activity = next(f for f in figures if f["dimension"] == "activity")
    assert (activity["code"], activity["year"], activity["value"]) == ("J", 2024, 48.7)
    assert activity["label"]["en"] == "enterprises in ICT and media using AI"
    size = next(f for f in figures if f["dimension"] == "size")
    assert "10 or more persons" in size["note"]["en"]
    assert figures[0] == {**figures[0], "geo": "DK", "year": 2025, "value": 42.03}


def test_bad_inputs() -> None:
    with pytest.raises(ReadinessError, match="unknown size class"):
        ai_use_context("NL", "huge")
    with pytest.raises(ReadinessError, match="unknown country code"):
        ai_use_context("XX", "small")
