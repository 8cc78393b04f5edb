"""The bad-input corpus: every case in tests/cases/invalid/ gives its expected located problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness.cli import cli

CASES = sorted((Path(__file__).parent / "cases" / "invalid").iterdir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_questionnaire_is_reported_with_its_place(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    result = CliRunner().invoke(cli, ["validate", "demo/1.0.0.yaml"], catch_exceptions=False)
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert result.exit_code == 1
    assert result.stdout == expected
    assert "Traceback" not in result.output
    assert all(
        line.startswith("demo/1.0.0.yaml") or line.startswith("mod-") for line in expected.splitlines()
    )


def test_json_format_lists_problems_with_line_and_column(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(Path(__file__).parent / "cases" / "invalid" / "unknown-key")
    result = CliRunner().invoke(
        cli, ["validate", "--format", "json", "demo/1.0.0.yaml"], catch_exceptions=False
    )
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert report["ok"] is False
    assert report["problems"][0]["line"] == 19
    assert report["problems"][0]["column"] == 9
    assert report["problems"][0]["fix"] == "did you mean 'weight'?"
