"""`readiness hubs`, as a consultant would type it."""

from __future__ import annotations

import json

import pytest

from readiness.directory import load_vocabulary

from ..conftest import Run


def test_dutch_manufacturer_as_json(run: Run) -> None:
    result = run(["hubs", "--country", "NL", "--sector", "C", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert isinstance(items, list) and items
    for item in items:
        assert {"kind", "name", "country", "url", "sources", "why"} <= set(item)
        assert item["sources"] and item["why"]
    names = {item["name"] for item in items}
    assert any(item["kind"] == "edih" for item in items)
    assert "Dutch AI Factory (NLAIF)" in names
    assert "AI Act Service Desk and AI Act Single Information Platform" in names


@pytest.mark.parametrize("country", load_vocabulary().eu_members)
def test_every_eu_country_has_a_hub_or_a_fallback(run: Run, country: str) -> None:
    items = json.loads(run(["hubs", "--country", country, "--format", "json"]).output)
    edihs = [i for i in items if i["kind"] == "edih"]
    assert edihs
    for item in edihs:
        assert item["country"] == country or "falls back to" in item["why"]


def test_all_ai_factories_with_their_sources(run: Run) -> None:
    items = json.loads(run(["hubs", "--kind", "ai_factory", "--format", "json"]).output)
    assert len(items) == 19
    assert all(item["sources"] for item in items)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "XX"], "unknown country code 'XX'"),
        (["--country", "Netherland"], "did you mean NL"),
        (
            ["--country", "NL", "--sector", "Z9"],
            "section letter A-U (e.g. C for manufacturing) or a division like C28 or 28",
        ),
        (["--country", "NL", "--sector", "C35"], "belongs to section D"),
        (["--country", "NL", "--region", "BE2"], "not in the Netherlands"),
        (["--country", "NL", "--need", "magic"], "unknown need 'magic'"),
    ],
)
def test_bad_input_exits_2_with_a_message(run: Run, args: list[str], message: str) -> None:
    result = run(["hubs", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_table_in_dutch_with_context(run: Run) -> None:
    result = run(["hubs", "--country", "NL", "--sector", "C", "--size", "small", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    assert "Waar een bedrijf in Nederland hulp kan krijgen" in result.output
    assert "Dutch AI Factory" in result.output
    assert "Aandeel ondernemingen dat AI gebruikt (Eurostat)" in result.output


def test_needs_region_and_limit(run: Run) -> None:
    result = run(["hubs", "--region", "BE2", "--need", "compute,testing", "--limit", "3", "--format", "json"])
    items = json.loads(result.output)
    assert len(items) == 3
    assert items[0]["why"].startswith("EDIH in your region (Flanders)")
    assert "aif-de-jaif" in [item["id"] for item in items]
