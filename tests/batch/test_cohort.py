"""The cohort overview: the aggregate itself (a pure function), and its PDF and JSON for the hub."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from readiness.answers import load_answers
from readiness.assessment import run_assessment
from readiness.cohort import build_cohort, spread
from readiness.questionnaire.registry import Registry
from tests.batch.conftest import AS_OF, example_files, pdf_text
from tests.batch.test_batch import batch
from tests.conftest import Run
from tests.report.svgcheck import problems

DAY = dt.date.fromisoformat(AS_OF)


@pytest.fixture(scope="module")
def results() -> list[dict[str, Any]]:
    registry = Registry.default()
    found = []
    for path in example_files():
        loaded = load_answers(path, registry)
        found.append(run_assessment(loaded.questionnaire, loaded.answers, DAY).as_dict("en"))
    return found


def test_every_company_is_counted_once_per_level_sector_and_size(results: list[dict[str, Any]]) -> None:
    cohort = build_cohort(results, as_of=DAY)
    assert cohort["companies"] == len(results)
    for part in ("levels", "sectors", "sizes", "questionnaires"):
        assert sum(row["companies"] for row in cohort[part]) == len(results)
    assert cohort["overall"]["companies"] == len(results)
    assert cohort["overall"]["min"] <= cohort["overall"]["mean"] <= cohort["overall"]["max"]


def test_shared_dimensions_are_pooled_and_a_sector_s_own_kept_apart(results: list[dict[str, Any]]) -> None:
    dimensions = build_cohort(results, as_of=DAY)["dimensions"]
    by_label = {d["label"]: d for d in dimensions}
    having = [
        r
        for r in results
        if any(d["label"] == "Digital business strategy" for d in r["readiness"]["dimensions"])
    ]
    assert len({r["questionnaire"]["id"] for r in having}) > 1
    assert by_label["Digital business strategy"]["companies"] == len(having)
    assert len({(d["id"], d["label"]) for d in dimensions}) == len(dimensions)


def test_the_ai_act_mix_and_the_deadlines_ahead(results: list[dict[str, Any]]) -> None:
    ai_act = build_cohort(results, as_of=DAY)["ai_act"]
    every_system = sum(len(r["ai_act"]["systems"]) for r in results)
    assert ai_act["systems"] == every_system == sum(r["systems"] for r in ai_act["risk"])
    dates = [d["date"] for d in ai_act["deadlines"]]
    assert dates == sorted(dates) and all(d > AS_OF for d in dates)


def test_the_overview_holds_no_answers_and_anonymised_no_names(results: list[dict[str, Any]]) -> None:
    cohort = build_cohort(results, as_of=DAY, anonymise=True)
    text = json.dumps(cohort, ensure_ascii=False)
    for r in results:
        assert r["company"]["name"] not in text
        for system in r["ai_act"]["systems"]:
            assert system["name"] not in text
    assert [c["name"] for c in cohort["company_list"]][:2] == ["#01", "#02"]
    scores = [c["score"] for c in cohort["company_list"]]
    assert scores == sorted(scores, reverse=True)
    assert "answers" not in text


def test_the_same_results_give_the_same_overview(results: list[dict[str, Any]]) -> None:
    assert build_cohort(results, as_of=DAY) == build_cohort([dict(r) for r in results], as_of=DAY)


def test_spread_of_one_value_and_of_none() -> None:
    assert spread([40.0])["sd"] == 0 and spread([40.0])["median"] == 40.0
    assert spread([])["mean"] is None


def test_batch_summary_writes_the_cohort_pdf_and_json(run: Run, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = batch(run, small_folder, "--out-dir", out, "--summary", "--anonymise")
    assert result.exit_code == 1
    cohort = json.loads((out / "cohort.json").read_text(encoding="utf-8"))
    assert cohort["companies"] == 2 and cohort["anonymised"] is True
    text = pdf_text(out / "cohort.pdf")
    assert "Cohort overview" in text and "Companies per level" in text
    assert "Veldhoven" not in text


def test_the_cohort_command_names_what_it_left_out(run: Run, small_folder: Path) -> None:
    result = run(["cohort", small_folder, "--out", "overview.html", "--lang", "nl", "--as-of", AS_OF])
    assert result.exit_code == 1
    assert "left out" in result.output and "broken.answers.yaml:3:" in result.output
    html = Path("overview.html").read_text(encoding="utf-8")
    assert "Cohortoverzicht" in html and "Gemiddelde en spreiding per dimensie" in html
    assert json.loads(Path("overview.json").read_text(encoding="utf-8"))["companies"] == 2
    charts = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert charts and [p for chart in charts for p in problems(chart)] == []  # no label cut off
