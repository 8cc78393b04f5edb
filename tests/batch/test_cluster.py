"""`readiness batch --scheduler`: the same batch on a real Dask cluster (a scheduler and two workers,
each its own process on 127.0.0.1), a worker killed mid-batch, and the clean errors around it.

The cluster tests are skipped when the `dask` extra is not installed; CI (.ci/run) installs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from readiness.batch import work
from tests.batch.conftest import AS_OF, MALFORMED
from tests.conftest import EXAMPLES, ROOT, Run

START_TIMEOUT = 90


@dataclass
class Cluster:
    address: str
    workers: dict[str, subprocess.Popen[bytes]]


def _dask(*args: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args], stdout=handle, stderr=subprocess.STDOUT
        )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """`dask scheduler` and two `dask worker` processes, one thread each, no nanny (a kill is a kill)."""
    distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install -e '.[dask]'")
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    processes = [
        _dask("scheduler", "--port", "0", "--scheduler-file", str(info), *common, log=folder / "s.log")
    ]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not info.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        workers = {}
        for name in ("first", "second"):
            args = ["worker", address, "--name", name, "--nthreads", "1", "--no-nanny", *common]
            workers[name] = _dask(*args, log=folder / f"{name}.log")
            processes.append(workers[name])
        with distributed.Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield Cluster(address, workers)
    finally:
        for process in processes:
            process.kill()
            process.wait()


def _summary(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    return data


def _leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith((".tmp", ".lock"))]


def test_a_cluster_batch_reports_failures_resumes_and_writes_what_a_local_batch_writes(
    cluster: Cluster, run: Run, tmp_path: Path
) -> None:
    inputs = tmp_path / "answers"
    inputs.mkdir()
    for name in ("quickscan", "general"):
        shutil.copy(EXAMPLES / f"{name}.answers.yaml", inputs)
    (inputs / "broken.answers.yaml").write_text(MALFORMED, encoding="utf-8")
    common = ["--format", "json", "--as-of", AS_OF, "--summary"]

    remote = run(["batch", inputs, "--out-dir", tmp_path / "remote", "--scheduler", cluster.address, *common])
    local = run(["batch", inputs, "--out-dir", tmp_path / "local", "--jobs", "1", *common])

    assert remote.exit_code == local.exit_code == 1
    assert "answers/broken.answers.yaml:" in remote.output
    summary = _summary(tmp_path / "remote")
    assert summary["counts"] == {"done": 2, "skipped": 0, "failed": 1}
    assert summary["scheduler"] == cluster.address and summary["jobs"] == len(cluster.workers)
    for name in ("quickscan.json", "general.json", "cohort.json"):
        assert (tmp_path / "remote" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert not _leftovers(tmp_path / "remote")

    again = run(["batch", inputs, "--out-dir", tmp_path / "remote", "--scheduler", cluster.address, *common])
    assert again.exit_code == 1
    assert _summary(tmp_path / "remote")["counts"] == {"done": 0, "skipped": 2, "failed": 1}


def test_a_worker_killed_mid_batch_loses_nothing_and_writes_nothing_twice(
    cluster: Cluster, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    inputs = tmp_path / "answers"
    inputs.mkdir()
    names = [f"company-{n}" for n in range(4)]
    for name in names:
        shutil.copy(EXAMPLES / "quickscan.answers.yaml", inputs / f"{name}.answers.yaml")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "readiness", "batch", str(inputs), "--out-dir", str(out)]
    batch = subprocess.Popen(
        [*command, "--scheduler", cluster.address, "--as-of", AS_OF],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    victim = cluster.workers.pop("first")
    with distributed.Client(cluster.address, timeout=START_TIMEOUT) as watcher:
        held = _wait_for_a_task(watcher, "first", batch)
        victim.kill()
        victim.wait()
    output, _ = batch.communicate(timeout=300)

    assert batch.returncode == 0, output.decode()
    summary = _summary(out)
    assert summary["counts"] == {"done": 4, "skipped": 0, "failed": 0}
    assert sorted(item["output"] for item in summary["items"]) == sorted(f"{n}.pdf" for n in names)
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(f"{n}.pdf" for n in names)
    assert sorted(p.name for p in (out / work.STATE_DIR).glob("*.json")) == sorted(
        f"{n}.pdf.json" for n in names
    )
    assert not _leftovers(out)
    # The report the killed worker was rendering was rendered again, by the other worker.
    assert held and all((out / f"{names[int(key.rsplit('-', 1)[1])]}.pdf").stat().st_size > 0 for key in held)


def _wait_for_a_task(watcher: Any, name: str, batch: subprocess.Popen[bytes]) -> list[str]:
    """The readiness tasks the named worker holds, as soon as it holds one."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and batch.poll() is None:
        address = next(a for a, w in watcher.scheduler_info()["workers"].items() if w["name"] == name)
        held = [str(k) for k in watcher.processing().get(address, ()) if str(k).startswith("readiness-")]
        if held:
            return held
        time.sleep(0.02)
    pytest.fail("the worker never got a report to render")


def _one_company_on(run: Run, tmp_path: Path, scheduler: str) -> Any:
    shutil.copy(EXAMPLES / "quickscan.answers.yaml", tmp_path)
    answers = tmp_path / "quickscan.answers.yaml"
    return run(["batch", answers, "--out-dir", tmp_path / "out", "--scheduler", scheduler])


def test_an_unreachable_scheduler_is_a_usage_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask", reason="needs the dask extra")
    # The client retries until its timeout: a second is enough to find nobody at port 9.
    monkeypatch.setattr("readiness.batch.cluster.CONNECT_TIMEOUT", "1s")
    result = _one_company_on(run, tmp_path, "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


def test_without_the_extra_the_scheduler_option_says_what_to_install(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = _one_company_on(run, tmp_path, "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "pip install 'readiness[dask]'" in result.output
    assert "Traceback" not in result.output


def test_jobs_do_not_apply_to_a_cluster(run: Run, tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "quickscan.answers.yaml", tmp_path)
    answers = tmp_path / "quickscan.answers.yaml"
    result = run(["batch", answers, "--out-dir", tmp_path / "out", "--scheduler", "tcp://x:1", "--jobs", "2"])
    assert result.exit_code == 2
    assert "--jobs does not apply with --scheduler" in result.output
