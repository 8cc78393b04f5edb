"""Where outputs go: never over an input, `-` to standard output, special files written through, temporary
files cleaned up, and every write error about the file the user named."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.batch.test_batch import batch, summary
from tests.conftest import EXAMPLES, Run

QUICKSCAN = EXAMPLES / "quickscan.answers.yaml"


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "acme.answers.yaml"
    shutil.copy(QUICKSCAN, path)
    return path


def test_a_report_over_its_own_answers_file_is_refused(run: Run, answers: Path) -> None:
    before = answers.read_bytes()
    result = run(["report", answers, "--format", "md", "-o", answers])
    assert result.exit_code == 2
    assert "acme.answers.yaml is also an input of this run" in result.stderr
    assert "choose another output name" in result.stderr
    assert answers.read_bytes() == before


@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_a_link_to_an_input_is_the_input(run: Run, answers: Path, tmp_path: Path, link: str) -> None:
    alias = tmp_path / "alias.md"
    if link == "hard":
        os.link(answers, alias)
    else:
        alias.symlink_to(answers)
    before = answers.read_bytes()
    result = run(["report", answers, "--format", "md", "-o", alias])
    assert result.exit_code == 2
    assert "is also an input of this run (acme.answers.yaml)" in result.stderr
    assert answers.read_bytes() == before


def test_compare_and_cohort_refuse_to_overwrite_their_inputs(run: Run, answers: Path, tmp_path: Path) -> None:
    before = answers.read_bytes()
    older = tmp_path / "older.answers.yaml"
    shutil.copy(QUICKSCAN, older)
    compared = run(["compare", older, answers, "-o", answers])
    assert compared.exit_code == 2
    assert "is also an input of this run" in compared.stderr
    cohort = run(["cohort", older, answers, "-o", answers])
    assert cohort.exit_code == 2
    assert "is also an input of this run" in cohort.stderr
    assert answers.read_bytes() == before


def test_a_batch_output_that_is_another_input_fails_that_item_alone(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for folder in ("x", "y", "out"):
        (tmp_path / folder).mkdir()
    shutil.copy(QUICKSCAN, tmp_path / "x" / "a.answers.yaml")
    shutil.copy(QUICKSCAN, tmp_path / "y" / "a.answers.yaml")
    # An input (a hard link to an answers file) that sits where the second a.answers.yaml's report goes.
    taken = out / "a-2.json"
    os.link(tmp_path / "x" / "a.answers.yaml", taken)
    result = batch(
        run, tmp_path / "x" / "a.answers.yaml", tmp_path / "y" / "a.answers.yaml", taken, "--out-dir", out
    )
    items = summary(out)["items"]
    assert result.exit_code == 1
    assert [i["status"] for i in items] == ["done", "failed", "done"]
    assert "would overwrite an input of this batch" in items[1]["reason"]


def test_dash_writes_the_report_to_standard_output(run: Run, tmp_path: Path) -> None:
    result = run(["report", QUICKSCAN, "--format", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "wrote -" in result.stderr
    assert not (tmp_path / "-").exists()


def test_a_full_device_is_a_clean_message_and_stays_a_device(run: Run) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = run(["report", QUICKSCAN, "--format", "md", "-o", "/dev/full"])
    assert result.exit_code == 2
    assert "disk full writing /dev/full; free some space and run again" in result.stderr
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


def test_a_fifo_is_written_through_not_replaced(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(["report", QUICKSCAN, "--format", "md", "-o", fifo])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b"# ")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_stdout_pipes_in_a_real_shell(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "readiness",
        "report",
        str(QUICKSCAN),
        "--format",
        "md",
        "-o",
        "/dev/stdout",
    ]
    done = subprocess.run(command, capture_output=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"# ")
    assert list(tmp_path.iterdir()) == []


def test_a_stale_temporary_file_is_removed_by_the_next_run_and_a_live_one_kept(
    run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = out / f".old.md.readiness-tmp-{dead.stdout.strip()}"
    live = out / f".other.md.readiness-tmp-{os.getppid()}"
    foreign = out / ".notes.tmp"
    for path in (stale, live, foreign):
        path.write_text("left behind", encoding="utf-8")
    assert run(["report", QUICKSCAN, "--format", "md", "-o", out / "new.md"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([live.name, foreign.name, "new.md"])


def test_a_full_disk_in_a_batch_names_the_report_not_an_internal_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    out = tmp_path / "out"
    result = run(["batch", QUICKSCAN, "--out-dir", out, "--format", "md", "--jobs", "1"])
    assert result.exit_code == 2  # the summary itself cannot be written either
    assert "disk full writing out/batch-summary.json" in result.stderr
    assert "internal error" not in result.output


def test_write_errors_name_the_target_not_the_temporary_file(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run(["report", QUICKSCAN, "--format", "md", "-o", blocker / "report.md"])
    assert result.exit_code == 2
    assert "cannot write blocker/report.md" in result.stderr
    assert "readiness-tmp" not in result.stderr


def test_more_jobs_than_the_machine_can_use_are_capped(run: Run, tmp_path: Path) -> None:
    result = run(["batch", QUICKSCAN, "--out-dir", tmp_path / "out", "--format", "md", "--jobs", "100000"])
    assert result.exit_code == 0, result.output
    assert "--jobs 100000 is more than this machine can use; running" in result.stderr
