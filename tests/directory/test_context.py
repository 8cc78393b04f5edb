"""Where a company stands against Eurostat's figures: like with like, and plainly nothing where the survey
does not reach (a micro firm, a municipality, a bank, a farm)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from readiness.directory import ai_use_context
from readiness.directory.benchmark_checks import check_benchmark
from readiness.directory.context import ai_use_benchmark, ai_use_status
from readiness.errors import ReadinessError
from readiness.yamlio import parse_yaml


def series(benchmark: dict[str, Any]) -> list[tuple[str, str, Any, int, float]]:
    return [(f["series"], f["geo"], f["code"], f["year"], f["value"]) for f in benchmark["figures"]]


def test_a_medium_dutch_manufacturer_using_ai_is_placed_against_its_size_class() -> None:
    b = ai_use_benchmark("NL", "medium", "C28", "in_use")
    assert b["coverage"]["sector"] == b["coverage"]["size"] == "inside"
    assert series(b) == [("all", "EU27", None, 2025, 20.0), ("size", "EU27", "medium", 2025, 30.4)]
    assert b["position"]["status"] == "in_use"
    assert b["position"]["text"]["en"] == (
        "You already use AI in your daily work. In 2025, 20.0% of EU enterprises with 10 or more persons "
        "employed did. Among medium-sized EU enterprises (50-249 persons employed): 30.4%."
    )
    assert "20,0%" in b["position"]["text"]["nl"]
    (all_trend, size_trend) = b["trend"]
    assert [(p["year"], p["value"]) for p in all_trend["points"]] == [(2023, 8.1), (2024, 13.5), (2025, 20.0)]
    assert [(p["year"], p["value"]) for p in size_trend["points"]] == [
        (2023, 13.0),
        (2024, 21.0),
        (2025, 30.4),
    ]
    assert b["notes"] and "wider definition" in b["notes"][0]["en"]
    # No Dutch figure could be confirmed in a Eurostat release: said, not invented.
    assert any("no figure for the Netherlands" in s["en"] for s in b["statements"])


def test_every_figure_cites_the_dataset_and_its_release() -> None:
    b = ai_use_benchmark("DK", "small", "J62", "not_yet")
    assert {f["series"] for f in b["figures"]} == {"all", "size", "country", "activity"}
    for figure in b["figures"]:
        assert figure["dataset"] == "isoc_eb_ai"
        release = figure["release"]
        assert release["url"].startswith("https://") and "Eurostat" in release["title"]["en"]
    for trend in b["trend"]:
        assert all(p["release"]["title"]["en"] for p in trend["points"])
    country = next(f for f in b["figures"] if f["series"] == "country")
    assert (country["year"], country["value"]) == (2025, 42.0)
    assert b["position"]["text"]["en"].startswith("You do not use AI yet. In 2025, 20.0% of EU enterprises")


def test_a_micro_firm_is_told_the_survey_starts_at_ten_and_sees_small_firms_for_orientation_only() -> None:
    b = ai_use_benchmark("IE", "micro", "M74", "in_use")
    assert b["coverage"]["size"] == "outside"
    assert any("10 or more persons employed" in s["en"] for s in b["statements"])
    size = next(f for f in b["figures"] if f["series"] == "size")
    assert size["code"] == "small" and size["orientation_only"]
    assert "not as a comparison" in size["note"]["en"]
    # The placing sentence compares with all enterprises, never with the small-firm figure.
    assert "Among" not in b["position"]["text"]["en"]


@pytest.mark.parametrize(
    ("nace", "size", "sector"),
    [
        ("O84", "large", "public administration"),
        ("K64", "medium", "finance"),
        ("A01", "medium", "agriculture"),
    ],
    ids=["municipality", "bank", "farm"],
)
def test_outside_the_survey_an_honest_statement_and_no_figure(nace: str, size: str, sector: str) -> None:
    b = ai_use_benchmark("NL", size, nace, "in_use")
    assert b["coverage"]["sector"] == "outside"
    assert b["figures"] == [] and b["trend"] == []
    (statement,) = b["statements"]
    assert f"It does not cover {sector}, so there is no Eurostat figure" in statement["en"]
    assert statement["nl"]
    assert b["position"]["text"]["en"] == "You already use AI in your daily work."
    assert ai_use_context("NL", size, nace) == []


def test_food_processing_is_inside_while_farming_is_outside() -> None:
    assert ai_use_benchmark("NL", "small", "C10")["coverage"]["sector"] == "inside"
    assert ai_use_benchmark("NL", "small", "A01")["coverage"]["sector"] == "outside"
    assert ai_use_benchmark("NL", "small", "S95.11")["coverage"]["sector"] == "inside"
    assert ai_use_benchmark("NL", "small", "S96")["coverage"]["sector"] == "outside"
    unknown = ai_use_benchmark("NL", "small", "")
    assert unknown["coverage"]["sector"] == "unknown" and unknown["figures"]


def test_where_a_company_stands_follows_its_ai_stage_and_register() -> None:
    assert ai_use_status(5) == ai_use_status(4) == "in_use"
    assert ai_use_status(3) == ai_use_status(2) == "trying"
    assert ai_use_status(1) == ai_use_status(0) == "not_yet"
    assert ai_use_status(None) == "unknown"
    assert ai_use_status(0, [{"status": "in_use"}]) == "in_use"
    assert ai_use_status(None, [{"status": "in_development"}]) == "trying"
    assert ai_use_benchmark("NL", "small", "C28")["position"] == {"status": "unknown", "text": None}


def test_the_context_list_keeps_its_documented_fields() -> None:
    figures = ai_use_context("BG", "medium")
    assert [(f["geo"], f["dimension"], f["code"], f["value"]) for f in figures] == [
        ("EU27", "all", None, 20.0),
        ("EU27", "size", "medium", 30.4),
        ("BG", "all", None, 8.5),
    ]
    for figure in figures:
        assert set(figure) >= {
            "value",
            "unit",
            "year",
            "geo",
            "breakdown",
            "dimension",
            "code",
            "label",
            "source",
        }
        assert "isoc_eb_ai" in figure["source"]


def test_bad_inputs() -> None:
    with pytest.raises(ReadinessError, match="unknown size class"):
        ai_use_benchmark("NL", "huge")
    with pytest.raises(ReadinessError, match="unknown country code"):
        ai_use_benchmark("XX", "small")


def test_the_file_checks_name_unknown_releases_and_missing_translations() -> None:
    doc = parse_yaml(
        "releases: {a: {date: '2025', title: {en: A, nl: A}}}\n"
        "statements: {x: {en: only English}}\n"
        "rows: [{release: a}, {release: b}]\n",
        Path("stats.yaml"),
    )
    problems = [p.message for p in check_benchmark(doc, ["en", "nl"])]
    assert "unknown release 'b'" in problems
    assert "no text in nl" in problems
