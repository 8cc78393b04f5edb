"""`readiness batch` mechanics, with JSON outputs so that they run fast: resume, force, failures, locks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from readiness.batch import work
from tests.batch.conftest import AS_OF, example_files
from tests.conftest import EXAMPLES, Run


def batch(run: Run, *args: Any, jobs: int = 1) -> Any:
    return run(["batch", *args, "--format", "json", "--as-of", AS_OF, "--jobs", str(jobs)])


def summary(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    return data


def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.json") if p.name != "batch-summary.json"}


def test_a_folder_with_a_malformed_file_resumes_and_force_renders_again(
    run: Run, answers_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = batch(run, answers_folder, "--out-dir", out)
    good = example_files()
    assert result.exit_code == 1
    assert sorted(stamps(out)) == sorted(p.name.replace(".answers.yaml", ".json") for p in good)
    data = summary(out)
    assert data["counts"] == {"done": len(good), "skipped": 0, "failed": 1}
    failed = [item for item in data["items"] if item["status"] == "failed"]
    assert failed[0]["input"].endswith("broken.answers.yaml")
    assert "broken.answers.yaml:3:" in failed[0]["reason"] and "YAML syntax error" in failed[0]["reason"]
    assert f"{len(good)} done, 0 skipped, 1 failed" in result.output
    assert "broken.answers.yaml" in result.output
    report = json.loads((out / "quickscan.json").read_text(encoding="utf-8"))
    assert report["as_of"] == AS_OF and report["readiness"]["score"] is not None

    before = stamps(out)
    again = batch(run, answers_folder, "--out-dir", out)
    assert again.exit_code == 1
    assert summary(out)["counts"] == {"done": 0, "skipped": len(good), "failed": 1}
    assert stamps(out) == before

    forced = batch(run, answers_folder, "--out-dir", out, "--force")
    assert forced.exit_code == 1
    assert summary(out)["counts"] == {"done": len(good), "skipped": 0, "failed": 1}
    assert all(stamps(out)[name] > stamp for name, stamp in before.items())


def test_a_changed_input_or_option_is_rendered_again(run: Run, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (small_folder / "broken.answers.yaml").unlink()
    assert batch(run, small_folder, "--out-dir", out).exit_code == 0
    changed = small_folder / "quickscan.answers.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert batch(run, small_folder, "--out-dir", out).exit_code == 0
    done = [item["output"] for item in summary(out)["items"] if item["status"] == "done"]
    assert done == ["quickscan.json"]
    batch(run, small_folder, "--out-dir", out, "--lang", "nl")
    assert summary(out)["counts"]["skipped"] == 0
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "extra.css").write_text("p { color: black; }\n", encoding="utf-8")
    batch(run, small_folder, "--out-dir", out, "--lang", "nl", "--templates", templates)
    assert summary(out)["counts"]["skipped"] == 0
    batch(run, small_folder, "--out-dir", out, "--lang", "nl", "--templates", templates)
    assert summary(out)["counts"]["done"] == 0
    (templates / "extra.css").write_text("p { color: navy; }\n", encoding="utf-8")
    batch(run, small_folder, "--out-dir", out, "--lang", "nl", "--templates", templates)
    assert summary(out)["counts"]["skipped"] == 0


def test_parallel_workers_write_the_same_bytes_as_one(run: Run, small_folder: Path, tmp_path: Path) -> None:
    (small_folder / "broken.answers.yaml").unlink()
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert batch(run, small_folder, "--out-dir", serial).exit_code == 0
    assert batch(run, small_folder, "--out-dir", parallel, jobs=2).exit_code == 0
    assert summary(parallel)["jobs"] == 2
    for path in serial.glob("*.json"):
        if path.name != "batch-summary.json":
            assert (parallel / path.name).read_bytes() == path.read_bytes()


def test_an_output_another_batch_is_writing_is_skipped_and_says_who(
    run: Run, small_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    lock = out / work.STATE_DIR / "quickscan.json.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname()}), encoding="utf-8")
    batch(run, small_folder, "--out-dir", out)
    item = next(i for i in summary(out)["items"] if i["output"] == "quickscan.json")
    assert item["status"] == "skipped"
    assert f"process {os.getpid()}" in item["reason"] and str(lock) in item["reason"]
    assert not (out / "quickscan.json").exists() and lock.exists()


def test_a_lock_left_by_a_dead_process_is_taken_over(run: Run, small_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock = out / work.STATE_DIR / "quickscan.json.lock"
    lock.parent.mkdir(parents=True)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock.write_text(json.dumps({"pid": int(gone.stdout), "host": socket.gethostname()}), encoding="utf-8")
    batch(run, small_folder, "--out-dir", out)
    assert (out / "quickscan.json").is_file() and not lock.exists()


def test_a_bug_in_one_item_is_reported_with_its_traceback_and_the_rest_go_on(
    run: Run, small_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = work.write_output

    def flaky(assessment: Any, path: Path, *args: Any, **kwargs: Any) -> None:
        if path.name == "general.json":
            raise RuntimeError("boom")
        real(assessment, path, *args, **kwargs)

    monkeypatch.setattr(work, "write_output", flaky)
    out = tmp_path / "out"
    result = batch(run, small_folder, "--out-dir", out)
    assert result.exit_code == 1
    item = next(i for i in summary(out)["items"] if i["output"] == "general.json")
    assert item["reason"].startswith("internal error (RuntimeError: boom)")
    assert "Traceback" in item["detail"]
    assert summary(out)["counts"]["done"] == 1


def test_files_a_folder_holds_besides_answers_are_named_not_read(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "quickscan.answers.yaml").write_bytes((EXAMPLES / "quickscan.answers.yaml").read_bytes())
    (folder / "brand.yaml").write_text("name: Hub\n", encoding="utf-8")
    result = batch(run, folder, "--out-dir", tmp_path / "out")
    assert result.exit_code == 0
    assert "not read" in result.output and "brand.yaml" in result.output


def test_no_inputs_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = batch(run, empty, "--out-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert "no inputs found" in result.output
    assert "Traceback" not in result.output


def test_a_bad_brand_stops_the_batch_before_it_starts(run: Run, small_folder: Path, tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text("name: Hub\ncolors: {primary: red}\n", encoding="utf-8")
    result = batch(run, small_folder, "--out-dir", tmp_path / "out", "--brand", brand)
    assert result.exit_code == 2
    assert "brand.yaml:2:" in result.output
    assert not (tmp_path / "out").exists()


def test_two_batches_into_one_folder_leave_every_file_whole(small_folder: Path, tmp_path: Path) -> None:
    import datetime as dt
    import threading

    from readiness.batch.inputs import expand_inputs
    from readiness.batch.runner import run_batch
    from readiness.questionnaire.registry import Registry

    (small_folder / "broken.answers.yaml").unlink()
    out = tmp_path / "shared"
    items = expand_inputs([small_folder], Registry.default()).items
    options = work.Options(out, "json", None, None, dt.date.fromisoformat(AS_OF), False, (), None, "same")
    outcomes: list[Any] = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(run_batch(items, options, jobs=1))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(r.status for outcome in outcomes for r in outcome.results)
    assert "failed" not in statuses and statuses.count("done") >= len(items)
    for item in items:
        assert json.loads((out / f"{item.name}.json").read_text(encoding="utf-8"))["as_of"] == AS_OF
    assert not list((out / work.STATE_DIR).glob("*.lock"))
