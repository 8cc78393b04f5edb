"""Matrix questions in the interview: a tick-box matrix one column at a time, others one row at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from readiness.answers import Answers
from readiness.interview import Interview
from readiness.prompts import Nav, ScriptedPrompter
from readiness.questionnaire import Registry

SME = Registry.default().load("dma-sme@2.0.0")


def interview(tmp_path: Path, open_question: str, script: list[Any]) -> tuple[Answers, ScriptedPrompter]:
    """Every DMA question answered but `open_question`; the interview starts there and runs the script."""
    answers: dict[str, Any] = {}
    for q in SME.questions():
        if q.id == open_question:
            continue
        if q.matrix_kind == "columns":
            answers[q.id] = {}
        elif q.matrix_kind == "scale":
            answers[q.id] = dict.fromkeys(q.row_ids, 0)
        elif q.matrix_kind == "options":
            answers[q.id] = dict.fromkeys(q.row_ids, "no")
        else:
            answers[q.id] = []
    state = Answers(SME.ref, {"name": "Test BV"}, answers)
    prompter = ScriptedPrompter(script)
    run = Interview(
        SME, state, tmp_path / "a.answers.yaml", prompter, "en", lambda: "2026-12-03T00:00:00+00:00"
    )
    with pytest.raises(KeyboardInterrupt):
        run.run()
    return state, prompter


def test_tick_boxes_are_asked_per_column_and_back_returns_to_the_first(tmp_path: Path) -> None:
    answers, prompter = interview(
        tmp_path, "ds_investments", [["operations"], Nav.BACK, ["operations", "delivery"], ["operations"]]
    )
    assert answers.answers["ds_investments"] == {
        "operations": ["planned", "invested"],
        "delivery": ["planned"],
    }
    assert prompter.asked[0].endswith("— We plan to invest (further)")
    assert prompter.asked[1].endswith("— We have already invested")


def test_stages_are_asked_per_row_with_help(tmp_path: Path) -> None:
    rows = SME.question("dr_advanced").row_ids  # type: ignore[union-attr]
    answers, prompter = interview(tmp_path, "dr_advanced", [":help", 3, *([1] * (len(rows) - 1))])
    assert answers.answers["dr_advanced"] == {rows[0]: 3, **dict.fromkeys(rows[1:], 1)}
    assert prompter.asked[0] == prompter.asked[1]  # help, then the same row again


def test_skip_leaves_the_whole_matrix_open(tmp_path: Path) -> None:
    answers, _ = interview(tmp_path, "gr_environment", ["partially", Nav.SKIP])
    assert "gr_environment" not in answers.answers
