"""Failures on the way out and odd inputs: a clean message, the right exit code, nothing half-written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run


def test_a_report_write_that_fails_leaves_no_half_written_pdf(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "out" / "report.pdf"
    result = run(["report", EXAMPLES / "quickscan.answers.yaml", "--out", target])
    assert result.exit_code == 2
    assert "disk full writing out/report.pdf; free some space and run again" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_an_existing_report_survives_a_failed_rewrite(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    assert (
        run(["report", EXAMPLES / "quickscan.answers.yaml", "--format", "json", "--out", target]).exit_code
        == 0
    )
    before = target.read_bytes()

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run(["report", EXAMPLES / "quickscan.answers.yaml", "--format", "json", "--out", target])
    assert result.exit_code == 2
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_50_mb_answers_file_is_refused_without_reading_it(run: Run, tmp_path: Path) -> None:
    huge = tmp_path / "huge.answers.yaml"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = run(["assess", "--answers", huge, "--format", "json"])
    assert result.exit_code == 2
    assert "huge.answers.yaml: the file is 51200 KiB; the limit is 5120 KiB" in result.stderr


def test_answers_for_another_questionnaire_name_each_stranger(run: Run, tmp_path: Path) -> None:
    text = (EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8")
    path = tmp_path / "mixed.answers.yaml"
    path.write_text(text.replace("quickscan@2.0.0", "retail@2.0.0"), encoding="utf-8")
    result = run(["assess", "--answers", path, "--format", "json"])
    assert result.exit_code == 2
    assert "unknown question 'ai_plan' in retail@2.0.0" in result.stderr
    assert "mixed.answers.yaml:13:3:" in result.stderr
    assert result.stdout == ""


def test_an_output_folder_that_is_a_file_is_a_clean_error(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run(["report", EXAMPLES / "quickscan.answers.yaml", "--out", blocker / "x.pdf"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_one_bad_input_of_report_does_not_stop_the_others(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.answers.yaml"
    bad.write_text("questionnaire: nothing@1.0.0\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        [
            "report",
            EXAMPLES / "quickscan.answers.yaml",
            bad,
            EXAMPLES / "retail.answers.yaml",
            "-o",
            out,
            "--format",
            "md",
        ]
    )
    assert result.exit_code == 2
    assert "failed bad.answers.yaml:" in result.stderr
    assert "1 of 3 inputs could not be reported; see above" in result.stderr
    assert len(list(out.glob("*.md"))) == 2


def test_a_symbolic_link_loop_is_a_clean_error(run: Run, tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    for command in (["report", loop], ["aiact", "classify", loop], ["assess", "--answers", loop]):
        result = run(command)
        assert result.exit_code == 2, command
        assert "loop.yaml" in result.stderr
        assert "Traceback" not in result.output


@pytest.mark.parametrize("date", ["1903-12-31", "2101-01-01"])
def test_an_as_of_date_outside_the_sane_range_is_a_usage_error(run: Run, date: str) -> None:
    result = run(["report", EXAMPLES / "quickscan.answers.yaml", "--as-of", date, "--format", "md"])
    assert result.exit_code == 2
    assert "outside the dates an assessment can be made for: 2024-01-01 to 2100-12-31" in result.stderr
    classify = run(["aiact", "classify", EXAMPLES / "ai-register.yaml", "--as-of", date])
    assert classify.exit_code == 2
    assert "2024-01-01 to 2100-12-31" in classify.stderr


def test_a_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    # The reader is gone before the first byte is written, as with `... | head` on a long output.
    command = [sys.executable, "-m", "readiness", "questionnaires", "list", "--format", "json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        errors = process.stderr.read()
    assert errors == b"", errors
    assert process.returncode != 0
