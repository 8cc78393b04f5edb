"""The scenario table (scenarios.yaml): one AI system per row, its expected class, articles and dates."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from readiness.aiact import classify_systems, register_from_data
from readiness.aiact.result import AIActAssessment
from readiness.yamlio import read_yaml

TABLE = Path(__file__).with_name("scenarios.yaml")
ROWS: list[dict[str, Any]] = read_yaml(TABLE).data
DEFAULT_AS_OF = datetime.date(2026, 11, 27)
ROW_KEYS = {"id", "system", "company", "risk", "role", "roles", "gpai", "has", "lacks", "binds", "annex"}
ROW_KEYS |= {"no_reason", "unsure", "settled", "company_has", "company_lacks", "on"}


def _classify(row: dict[str, Any], as_of: datetime.date) -> AIActAssessment:
    system = {"name": row["id"], **row["system"]}
    register = register_from_data({"company": row.get("company", {}), "systems": [system]}, TABLE.name)
    return classify_systems(register, as_of)


def test_the_table_is_big_enough_and_well_formed() -> None:
    assert len(ROWS) >= 60
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert set(row) <= ROW_KEYS, row["id"]


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_scenario(row: dict[str, Any]) -> None:
    assessment = _classify(row, DEFAULT_AS_OF)
    result = assessment.as_dict()["systems"][0]
    company_articles = [o["article"] for o in assessment.as_dict()["company_obligations"]]
    reason_articles = {r["article"] for r in result["reasons"]}
    obligation_articles = {o["article"] for o in result["obligations"]}

    declared = row["system"]["role"]
    first_declared = declared if isinstance(declared, str) else declared[0]
    assert result["risk"] == row["risk"]
    assert result["role"] == row.get("role", row.get("roles", [first_declared])[0])
    if "roles" in row:
        assert result["roles"] == row["roles"]
    declared_gpai = row["system"].get("gpai", "none")
    assert result["gpai"] == row.get("gpai", None if declared_gpai == "none" else declared_gpai)
    for article in row.get("has", []):
        assert article in reason_articles | obligation_articles, f"{article} missing"
    for article in row.get("lacks", []):
        assert article not in obligation_articles, f"{article} should not bind"
    for article in row.get("binds", []):
        assert article in obligation_articles, f"{article} should bind"
    for article in row.get("no_reason", []):
        assert article not in reason_articles, f"{article} should give no reason"
    for annex in row.get("annex", []):
        assert annex in {r["annex"] for r in result["reasons"]}, f"{annex} missing"
    unsure = {note["field"] for note in result.get("unsure", [])}
    assert unsure >= set(row.get("unsure", []))
    assert not unsure & set(row.get("settled", [])), unsure
    for article in row.get("company_has", []):
        assert article in company_articles, f"company {article} missing"
    for article in row.get("company_lacks", []):
        assert article not in company_articles, f"company {article} should not bind"

    for date, statuses in row.get("on", {}).items():
        on_date = _classify(row, datetime.date.fromisoformat(date)).as_dict()
        obligations = on_date["systems"][0]["obligations"] + on_date["company_obligations"]
        for article, status in statuses.items():
            found = [o["status"] for o in obligations if o["article"] == article]
            if status == "absent":
                assert not found, f"{article} should not bind on {date}"
            else:
                assert found and set(found) == {status}, f"{article} on {date}: {found}, expected {status}"


def test_every_reason_and_obligation_cites_an_article() -> None:
    for row in ROWS:
        result = _classify(row, DEFAULT_AS_OF).as_dict()["systems"][0]
        assert result["reasons"], row["id"]
        for item in result["reasons"] + result["obligations"]:
            assert item["article"].startswith("Art. "), (row["id"], item)
