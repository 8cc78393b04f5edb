"""Our engine beside two peers: the ai-act-companion golden set and paths through the Dutch government's tree.

Each case restates the peer's facts as a register entry and records what the peer concluded and what we give.
The tests fail when our engine's answer changes, and a case where we differ must say why (`differs`), so a
disagreement is always a documented reading of the law, never an accident.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from readiness.aiact import classify_systems, register_from_data
from readiness.yamlio import read_yaml

PEERS = Path(__file__).with_name("peers")
COMPANION: list[dict[str, Any]] = read_yaml(PEERS / "ai-act-companion.yaml").data
PATHS: list[dict[str, Any]] = read_yaml(PEERS / "beslishulp-paths.yaml").data
AS_OF = datetime.date(2026, 11, 27)


def _classify(name: str, system: dict[str, Any]) -> dict[str, Any]:
    register = register_from_data({"systems": [{"name": name, **system}]}, "peers")
    result: dict[str, Any] = classify_systems(register, AS_OF).as_dict()["systems"][0]
    return result


def _companion_tier(risk: str) -> str:
    """The peer has no out-of-scope tier; it files such systems as minimal."""
    return "minimal" if risk == "out_of_scope" else risk


@pytest.mark.parametrize("case", COMPANION, ids=[c["name"] for c in COMPANION])
def test_the_companion_golden_set(case: dict[str, Any]) -> None:
    result = _classify(case["name"], case["system"])
    assert result["risk"] == case["ours"]
    assert result["gpai"] == case.get("gpai")
    agrees = _companion_tier(case["ours"]) == case["theirs"]
    assert agrees or case.get("differs"), f"{case['name']}: we differ from the peer without saying why"
    assert not (agrees and case.get("differs")), f"{case['name']}: 'differs' on a case that agrees"


def test_the_companion_agreement_count() -> None:
    agree = [c for c in COMPANION if _companion_tier(c["ours"]) == c["theirs"]]
    assert (len(COMPANION), len(agree)) == (25, 24)


def _class(result: dict[str, Any]) -> str:
    """A general-purpose model: the tree gives its duties without a risk group, so it is compared as such."""
    return "model" if result["gpai"] and result["risk"] in ("out_of_scope", "minimal") else result["risk"]


@pytest.mark.parametrize("path", PATHS, ids=[p["id"] for p in PATHS])
def test_the_dutch_decision_tree_paths(path: dict[str, Any]) -> None:
    result = _classify(path["id"], path["system"])
    assert {"risk": _class(result), "roles": result["roles"]} == path["ours"]
    theirs = path["theirs"]
    same_roles = not theirs["roles"] or theirs["roles"] == path["ours"]["roles"]
    agrees = theirs["risk"] == path["ours"]["risk"] and same_roles
    assert agrees or path.get("differs"), f"{path['id']}: we differ from the tree without saying why"


def test_the_dutch_tree_agreement_count() -> None:
    same_class = [p for p in PATHS if p["theirs"]["risk"] == p["ours"]["risk"]]
    documented = [p for p in PATHS if p.get("differs")]
    assert (len(PATHS), len(same_class), len(documented)) == (24, 23, 3)
