"""A questionnaire's `pattern` never hangs a run and an invalid one never crashes it."""

from __future__ import annotations

from pathlib import Path

import pytest

import readiness.patterns as patterns
from readiness.patterns import pattern_problem
from tests.conftest import ROOT, Run

DEMO = ROOT / "tests" / "cases" / "invalid" / "pattern-invalid" / "demo" / "1.0.0.yaml"


def _questionnaire(tmp_path: Path, pattern: str) -> Path:
    folder = tmp_path / "mine"
    (folder / "demo").mkdir(parents=True)
    text = DEMO.read_text(encoding="utf-8").replace('"[A-Z"', f"'{pattern}'")
    (folder / "demo" / "1.0.0.yaml").write_text(text, encoding="utf-8")
    return folder


def _answers(tmp_path: Path, code: str) -> Path:
    path = tmp_path / "demo.answers.yaml"
    path.write_text(
        "questionnaire: demo@1.0.0\ncompany: {name: Demo BV, country: NL, size: small}\n"
        f"answers: {{q1: true, code: '{code}'}}\n",
        encoding="utf-8",
    )
    return path


def test_a_backtracking_pattern_checks_a_long_answer_at_once(run: Run, tmp_path: Path) -> None:
    # (a+)+b against 4,000 a's: Python's re would backtrack for longer than the universe is old.
    folder = _questionnaire(tmp_path, "(a+)+b")
    result = run(
        [
            "assess",
            "--answers",
            _answers(tmp_path, "a" * 4000),
            "--questionnaires",
            folder,
            "--format",
            "json",
        ]
    )
    assert result.exit_code == 2
    assert "does not have the expected form" in result.stderr


def test_an_invalid_pattern_is_a_located_problem_for_assess_not_a_crash(run: Run, tmp_path: Path) -> None:
    folder = _questionnaire(tmp_path, "[A-Z")
    result = run(
        ["assess", "--answers", _answers(tmp_path, "AB"), "--questionnaires", folder, "--format", "json"]
    )
    assert result.exit_code == 2
    assert "1.0.0.yaml:24:18: not a regular expression RE2 can run: missing ]" in result.stderr
    assert "Traceback" not in result.output
    report = run(["report", tmp_path / "demo.answers.yaml", "--questionnaires", folder, "--format", "md"])
    assert report.exit_code == 2
    assert "missing ]" in report.stderr


@pytest.mark.parametrize(
    ("pattern", "refused"),
    [
        ("(a+)+b", "a repeat inside a repeat"),
        ("(a|ab)*c", "alternatives inside a repeat"),
        ("a*b*c*d*e", "more than 3 unbounded repeats"),
        ("(a)\\1", "backreferences and lookaround"),
        ("(?=a)a", "backreferences and lookaround"),
        ("[", "not a valid regular expression"),
        ("[A-U]([0-9]{2}(\\.[0-9]{1,2})?)?", None),
        ("[0-9]{4}-[0-9]{2}-[0-9]{2}", None),
    ],
)
def test_without_re2_only_patterns_that_cannot_backtrack_badly_run(
    monkeypatch: pytest.MonkeyPatch, pattern: str, refused: str | None
) -> None:
    monkeypatch.setattr(patterns, "_re2", lambda: None)
    patterns.compile_pattern.cache_clear()
    try:
        problem = pattern_problem(pattern)
    finally:
        patterns.compile_pattern.cache_clear()
    assert problem is None if refused is None else refused in (problem or "")


def test_re2_refuses_what_it_cannot_run_in_linear_time() -> None:
    assert "backreferences" in (pattern_problem("(a)\\1") or "")
    assert pattern_problem("(a+)+b") is None
    assert "longer than 500" in (pattern_problem("a" * 501) or "")


def test_the_shipped_questionnaires_use_patterns_both_engines_accept(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = {
        line.split("pattern:", 1)[1].strip().strip('"').replace("\\\\", "\\")
        for path in (ROOT / "questionnaires").rglob("*.yaml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("pattern:")
    }
    assert shipped
    assert all(pattern_problem(p) is None for p in shipped)
    monkeypatch.setattr(patterns, "_re2", lambda: None)
    patterns.compile_pattern.cache_clear()
    try:
        assert all(pattern_problem(p) is None for p in shipped)
    finally:
        patterns.compile_pattern.cache_clear()
