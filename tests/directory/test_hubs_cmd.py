"""`readiness hubs`, as a consultant would type it."""

from __future__ import annotations

import json

import pytest

from readiness.directory.loader import load_policy

from ..conftest import Run


def test_dutch_manufacturer_as_json(run: Run) -> None:
    result = run(["hubs", "--country", "NL", "--sector", "C", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert isinstance(items, list) and items
    policy = load_policy()
    for item in items:
        assert {"kind", "name", "country", "url", "sources", "why", "note", "caution"} <= set(item)
        assert item["sources"] and item["why"] and item["url"] and item["confirmed"]
        assert all(policy.official_for(s, item["url"]) for s in item["sources"])
    names = {item["name"] for item in items}
    assert any(item["kind"] == "edih" for item in items)
    assert "AI Act Service Desk and AI Act Single Information Platform" in names


def test_the_machine_builder_gets_its_regional_hub_first(run: Run) -> None:
    args = ["hubs", "--country", "NL", "--region", "NL41", "--sector", "C28", "--kind", "edih"]
    items = json.loads(run([*args, "--format", "json"]).output)
    assert items[0]["place"] == "region" and items[0]["at_location"]
    assert items[0]["why"].startswith("EDIH in your region")
    assert not any(item["place"] == "region" for item in items[1:])
    assert all(item["at_location"] == (item["place"] == "nationwide") for item in items[1:])


def test_unconfirmed_entries_are_left_out_and_counted(run: Run) -> None:
    table = run(["hubs", "--country", "FR", "--kind", "edih"]).output
    assert "not yet confirmed on an official page were left out" in table
    plain = json.loads(run(["hubs", "--country", "FR", "--kind", "edih", "--format", "json"]).output)
    every = json.loads(
        run(["hubs", "--country", "FR", "--kind", "edih", "--include-unconfirmed", "--format", "json"]).output
    )
    assert all(item["confirmed"] for item in plain)
    added = [item for item in every if not item["confirmed"]]
    assert added and all(item["caution"] == "Not yet confirmed on an official page." for item in added)


def test_all_confirmed_ai_factories_with_their_official_sources(run: Run) -> None:
    items = json.loads(run(["hubs", "--kind", "ai_factory", "--format", "json"]).output)
    every = json.loads(
        run(["hubs", "--kind", "ai_factory", "--include-unconfirmed", "--format", "json"]).output
    )
    assert len(every) == 19 and 0 < len(items) < 19
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
    assert "EDIH in een andere regio van Nederland" not in result.output  # no region given
    assert "Aandeel ondernemingen dat AI gebruikt (Eurostat)" in result.output


def test_needs_region_and_limit(run: Run) -> None:
    result = run(
        ["hubs", "--region", "PT11", "--need", "compute,testing", "--limit", "3", "--format", "json"]
    )
    items = json.loads(result.output)
    assert len(items) == 3
    assert all(item["country"] in ("PT", "EU") or item["place"] == "partner" for item in items)
