"""`readiness compare`: T0 against T1, across questionnaire versions and from earlier report PDFs."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import yaml

from readiness.answers import Answers, load_answers, migrate_answers
from readiness.assessment import run_assessment
from readiness.compare import compare_assessments
from readiness.questionnaire.registry import Registry
from tests.batch.conftest import AS_OF, pdf_text
from tests.conftest import EXAMPLES, FIXTURES, Run
from tests.report.svgcheck import problems

LATER = "2027-09-01"
MANUFACTURING = EXAMPLES / "manufacturing.answers.yaml"
MANUFACTURING_1_0_0 = FIXTURES / "manufacturing-1.0.0.answers.yaml"


def improved_copy(tmp_path: Path) -> Path:
    """The manufacturing example a year on: more advanced technology, but a use case taken back to testing."""
    data = yaml.safe_load(MANUFACTURING.read_text(encoding="utf-8"))
    answers = data["answers"]
    answers["dr_advanced"] = {**answers["dr_advanced"], "mes": 5, "iot": 5}
    answers["aa_technologies"] = {**answers["aa_technologies"], "language": 5}
    answers["mfg_stage"] = 3
    data["meta"]["updated"] = f"{LATER}T10:00:00+00:00"
    path = tmp_path / "after.answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def compared(run: Run, before: Path, after: Path, *extra: Any) -> dict[str, Any]:
    result = run(["compare", before, after, "--out", "progress.json", "--as-of", LATER, *extra])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(Path("progress.json").read_text(encoding="utf-8"))
    return data


def test_improved_and_slipped_answers_and_the_deltas(run: Run, tmp_path: Path) -> None:
    progress = compared(run, MANUFACTURING, improved_copy(tmp_path))
    overall = progress["overall"]
    assert overall["delta"] == round(overall["after"] - overall["before"], 1)
    improved = {q["question"]: q for q in progress["improved"]}
    assert set(improved) == {"dr_advanced", "aa_technologies"}
    assert improved["dr_advanced"]["delta"] > 0
    assert [q["question"] for q in progress["slipped"]] == ["mfg_stage"]
    dimensions = {d["id"]: d for d in progress["dimensions"]}
    assert dimensions["digital_readiness"]["delta"] > 0 and dimensions["sector_practice"]["delta"] < 0
    assert progress["before"]["as_of"] == "2026-11-16" and progress["after"]["as_of"] == LATER


def test_obligations_that_start_to_apply_between_t0_and_t1(run: Run, tmp_path: Path) -> None:
    progress = compared(run, MANUFACTURING, improved_copy(tmp_path), "--before-as-of", AS_OF)
    newly = progress["ai_act"]["newly_applying"]
    assert newly and all(AS_OF < o["applies_from"] <= LATER for o in newly)
    assert progress["ai_act"]["no_longer_applying"] == []


def test_answers_to_an_older_version_are_migrated_first(run: Run, tmp_path: Path) -> None:
    registry = Registry.default()
    loaded = load_answers(MANUFACTURING_1_0_0, registry)
    newer, _ = migrate_answers(loaded.answers, registry.load("manufacturing@1.1.0"), registry)
    after = tmp_path / "after.answers.yaml"
    after.write_text(newer.to_yaml(), encoding="utf-8")
    progress = compared(run, MANUFACTURING_1_0_0, after)
    assert progress["questionnaire"]["version"] == "1.1.0"
    assert any("mfg_machine_data is now mfg_production_data" in note for note in progress["migration"])
    assert progress["overall"]["delta"] == 0 and progress["improved"] == progress["slipped"] == []


def test_the_same_answers_show_no_change() -> None:
    registry = Registry.default()
    loaded = load_answers(MANUFACTURING, registry)
    day = dt.date.fromisoformat(AS_OF)
    t0 = run_assessment(loaded.questionnaire, loaded.answers, day)
    t1 = run_assessment(loaded.questionnaire, Answers.from_data(loaded.answers.as_data()), day)
    progress = compare_assessments(t0, t1, "en", lambda text: text)
    assert progress["overall"]["delta"] == 0
    assert all(d["delta"] in (0, None) for d in progress["dimensions"])
    assert progress["improved"] == progress["slipped"] == []
    assert progress["recommendations"]["new"] == progress["recommendations"]["dropped"] == []


def test_two_questionnaires_cannot_be_compared(run: Run) -> None:
    result = run(["compare", EXAMPLES / "quickscan.answers.yaml", MANUFACTURING, "--out", "p.json"])
    assert result.exit_code == 2
    assert "same questionnaire" in result.output and "Traceback" not in result.output


def test_a_report_pdf_against_an_improved_copy_gives_a_progress_pdf_with_the_deltas(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "t0"
    folder.mkdir()
    (folder / "manufacturing.answers.yaml").write_bytes(MANUFACTURING.read_bytes())
    made = run(["batch", folder, "--out-dir", tmp_path / "reports", "--as-of", AS_OF, "--jobs", "1"])
    assert made.exit_code == 0, made.output
    report = tmp_path / "reports" / "manufacturing.pdf"
    after = improved_copy(tmp_path)
    result = run(["compare", report, after, "--out", "progress.pdf", "--as-of", LATER, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output
    text = pdf_text(Path("progress.pdf"))
    assert "Progress report" in text and "Brinkhorst Palletiseertechniek B.V." in text
    assert "Change per dimension" in text and "Digital readiness" in text
    assert "+8" in text and "−20" in text and "Improved" in text and "Slipped" in text


def _quickscan(tmp_path: Path, name: str, **answers: Any) -> Path:
    data = yaml.safe_load((EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8"))
    data["answers"].update(answers)
    path = tmp_path / f"{name}.answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_recommendation_is_resolved_only_when_the_answers_behind_it_show_it_done(
    run: Run, tmp_path: Path
) -> None:
    before = _quickscan(tmp_path, "t0", data_practices=["digital"], gdpr_basis=False, ai_literacy="informal")
    # T1: staff trained (literacy done), a data owner named; the data score rises past 50 too, which
    # stops "combine the data" although nothing was combined.
    after = _quickscan(
        tmp_path,
        "t1",
        data_practices=["digital", "owner", "dashboards"],
        gdpr_basis=True,
        ai_literacy="training",
    )
    progress = compared(run, before, after)
    dropped = {r["id"]: r for r in progress["recommendations"]["dropped"]}
    assert dropped["literacy"]["resolved"] and dropped["literacy"]["changed"] == ["ai_literacy"]
    assert dropped["data_owner"]["resolved"]
    assert dropped["data_combine"]["resolved"] is False and dropped["data_combine"]["changed"] == []
    still = {r["id"] for r in progress["recommendations"]["open"]}
    assert "data_backups" in still  # off-site backups were never ticked


def test_the_progress_document_keeps_every_dimension_label_whole(run: Run, tmp_path: Path) -> None:
    result = run(
        [
            "compare",
            MANUFACTURING,
            improved_copy(tmp_path),
            "--out",
            "progress.html",
            "--as-of",
            LATER,
            "--lang",
            "en",
        ]
    )
    assert result.exit_code == 0, result.output
    html = Path("progress.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert charts and [p for chart in charts for p in problems(chart)] == []
    assert "Data management and connectedness" in html
