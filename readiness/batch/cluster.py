"""`readiness batch --scheduler ADDRESS`: the same batch on a Dask distributed cluster.

The client (this process) does everything that touches the hub's files: it reads every input, checks
it against its record (so a second run resumes), holds the output's lock, and writes each report and
its record atomically, with the same names as a local batch, when the report's bytes come back.
Workers only assess and render: a task carries the answers' bytes and returns the report's bytes, so
workers need no access to the hub's folders, only the same readiness version and content, which
every task checks. A worker that dies takes its task with it; the scheduler gives the task to another
worker (up to Dask's `allowed-failures`), and the client writes the one result it receives, so
nothing is lost or written twice. See docs/hub-workflows.md for running a cluster.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.batch.inputs import BatchInput
from readiness.batch.runner import OnResult, Outcome
from readiness.batch.work import (
    ItemResult,
    Options,
    OutputBusy,
    Prepared,
    commit,
    is_unchanged,
    output_lock,
    output_path,
    peak_rss_kb,
    prepare,
    templates_hash,
)
from readiness.errors import ReadinessError
from readiness.questionnaire.registry import Registry

INSTALL_HINT = "running a batch on a Dask cluster needs the dask extra: pip install 'readiness[dask]'"
CONNECT_TIMEOUT = "20s"
WORKERS_TIMEOUT = 60
IN_FLIGHT_PER_THREAD = 2


@dataclass(frozen=True)
class Shared:
    """What every task of one batch needs besides its input, sent to each worker once."""

    options: Options
    brand: Any
    version: str
    templates: str


@dataclass(frozen=True)
class Task:
    """One company to render: its answers as read by the client, and what the client expects."""

    label: str
    raw: bytes
    content_hash: str
    lang: str
    render: bool


@dataclass
class Rendered:
    """What a worker sends back: the report's bytes (None when it failed) and how it went."""

    data: bytes | None = None
    assessment: dict[str, Any] | None = None
    reason: str = ""
    detail: str = ""
    seconds: float = 0.0
    pid: int = 0
    peak_rss_kb: int = 0


@dataclass
class _Running:
    index: int
    job: Prepared
    result: ItemResult
    lock: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)


def run_on_cluster(
    items: Sequence[BatchInput], options: Options, address: str, *, on_result: OnResult | None = None
) -> tuple[Outcome, int]:
    """Process every item on the Dask cluster at `address`; the outcome and the cluster's worker threads.

    Raises ReadinessError (exit 2) when the extra is missing, the scheduler cannot be reached or no
    worker joins it.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ReadinessError(INSTALL_HINT) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError) as exc:
        raise ReadinessError(
            f"cannot reach the Dask scheduler at {address} ({exc}); check the address and that "
            "`dask scheduler` runs there"
        ) from None
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError:
            raise ReadinessError(
                f"no worker joined the Dask scheduler at {address} within {WORKERS_TIMEOUT} s; start "
                "workers with `dask worker ADDRESS --nthreads 1`"
            ) from None
        threads = sum(client.nthreads().values())
        return _Batch(client, items, options, on_result).run(), threads


class _Batch:
    """One batch on one cluster: inputs read and outputs written here, rendering on the workers."""

    def __init__(self, client: Any, items: Sequence[BatchInput], options: Options, notify: Any) -> None:
        from readiness.report.brand import load_brand

        self.client = client
        self.items = items
        self.options = options
        self.notify: OnResult = notify or (lambda _result: None)
        self.registry = Registry.default(options.questionnaire_dirs)
        brand = load_brand(options.brand_path)
        shared = Shared(options, brand, __version__, templates_hash(options.templates))
        self.shared = client.scatter(shared, broadcast=True, hash=False)
        self.found: dict[int, ItemResult] = {}
        self.running: dict[Any, _Running] = {}

    def run(self) -> Outcome:
        from distributed import as_completed

        done = as_completed(loop=self.client.loop)
        waiting = iter(enumerate(self.items))
        try:
            self._top_up(waiting, done)
            for future in done:
                self._finish(self.running.pop(future), future)
                self._top_up(waiting, done)
        except KeyboardInterrupt:
            # What came back is written; what is still out is cancelled and left for the next run.
            self.client.cancel(list(self.running))
            for running in self.running.values():
                running.lock.close()
            return Outcome([self.found[i] for i in sorted(self.found)], interrupted=True)
        return Outcome([self.found[i] for i in range(len(self.items))])

    def _top_up(self, waiting: Iterator[tuple[int, BatchInput]], done: Any) -> None:
        """Start items until enough are out on the cluster (items that need no worker finish here)."""
        window = IN_FLIGHT_PER_THREAD * max(1, sum(self.client.nthreads().values()))
        while len(self.running) < window:
            step = next(waiting, None)
            if step is None:
                return
            index, item = step
            started = self._start(index, item)
            if started is None:
                continue
            future = self.client.submit(
                render_task, started[0], self.shared, key=_key(index), pure=False, retries=0
            )
            self.running[future] = started[1]
            done.add(future)

    def _start(self, index: int, item: BatchInput) -> tuple[Task, _Running] | None:
        """Read and check an item here; its task for a worker, or None when it is already decided."""
        result = ItemResult(item.label, output_path(item, self.options).name, "failed")
        if item.reason:
            result.reason = item.reason
            self._record(index, result)
            return None
        try:
            job = prepare(item, self.registry, self.options, result)
        except Exception as exc:  # a bad input, or a bug: either way this item fails, the rest go on
            result.reason, result.detail = _failure(exc)
            self._record(index, result)
            return None
        running = _Running(index, job, result)
        try:
            running.lock.enter_context(output_lock(job.output))
        except OutputBusy as exc:
            result.status, result.reason = "skipped", exc.message
            self._record(index, result)
            return None
        unchanged = is_unchanged(job, self.options)
        if unchanged and self.options.cohort_lang is None:
            running.lock.close()
            result.status, result.reason = "skipped", "unchanged since the last run"
            self._record(index, result)
            return None
        # A skipped report still goes to a worker when the cohort overview needs its assessment.
        task = Task(
            item.label, job.loaded.raw, job.loaded.questionnaire.content_hash, job.lang, not unchanged
        )
        return task, running

    def _finish(self, running: _Running, future: Any) -> None:
        """Write what a worker sent back (atomically, with its record), or say why there is nothing."""
        result = running.result
        try:
            rendered = self._rendered(future)
            if rendered.reason:
                result.reason, result.detail = rendered.reason, rendered.detail
            elif rendered.data is not None:
                commit(running.job, rendered.data)
                result.status = "done"
            else:
                result.status, result.reason = "skipped", "unchanged since the last run"
            result.assessment = rendered.assessment
            result.seconds, result.pid, result.peak_rss_kb = (
                rendered.seconds,
                rendered.pid,
                rendered.peak_rss_kb,
            )
        finally:
            running.lock.close()
        self._record(running.index, result)

    def _rendered(self, future: Any) -> Rendered:
        from distributed import KilledWorker

        if future.status == "finished":
            rendered: Rendered = future.result()
            return rendered
        if future.status == "cancelled":
            return Rendered(reason="the connection to the Dask scheduler was lost; run again to resume")
        error = future.exception()
        if isinstance(error, KilledWorker):
            return Rendered(
                reason="the workers rendering this input stopped each time (out of memory?); run again"
            )
        return Rendered(reason=f"internal error ({error.__class__.__name__}: {error}); please report it")

    def _record(self, index: int, result: ItemResult) -> None:
        self.found[index] = result
        self.notify(result)


def _failure(exc: Exception) -> tuple[str, str]:
    """The reason (and, for a bug, the traceback) an item failed with, as a local batch says it."""
    if isinstance(exc, ReadinessError):
        return exc.message, ""
    return f"internal error ({exc.__class__.__name__}: {exc}); please report it", traceback.format_exc()


def _key(index: int) -> str:
    """A task key unique to this run (a second batch never reuses an older task's result)."""
    return f"readiness-{os.getpid()}-{time.time_ns()}-{index}"


# On a worker.

_RENDER_LOCK = threading.Lock()


def render_task(task: Task, shared: Shared) -> Rendered:
    """Assess and render one company on a worker; every failure comes back as a reason, never raised."""
    started = time.perf_counter()
    rendered = Rendered()
    try:
        # One report at a time per process: WeasyPrint's font configuration is shared by the process.
        with _RENDER_LOCK:
            _render(task, shared, rendered)
    except Exception as exc:  # a bad input or a bug: reported, and the batch goes on
        rendered.reason, rendered.detail = _failure(exc)
    rendered.seconds = round(time.perf_counter() - started, 3)
    rendered.pid = os.getpid()
    rendered.peak_rss_kb = peak_rss_kb()
    return rendered


def _render(task: Task, shared: Shared, rendered: Rendered) -> None:
    from readiness.answers import load_answers
    from readiness.assessment import run_assessment
    from readiness.report.output import assessment_report, render_report

    options = shared.options
    if shared.version != __version__:
        raise ReadinessError(
            f"this worker runs readiness {__version__} and the client {shared.version}; install the "
            "same version on every worker"
        )
    if templates_hash(options.templates) != shared.templates:
        raise ReadinessError(
            "the --templates folders on this worker differ from the client's; give every worker the same"
        )
    loaded = load_answers(Path(task.label), _registry(options.questionnaire_dirs), raw=task.raw)
    if loaded.questionnaire.content_hash != task.content_hash:
        raise ReadinessError(
            f"questionnaire {loaded.questionnaire.ref} on this worker differs from the client's (content "
            f"{loaded.questionnaire.content_hash}, expected {task.content_hash}); give every worker "
            "the same questionnaires"
        )
    assessment = run_assessment(loaded.questionnaire, loaded.answers, options.as_of)
    if task.render:
        model = assessment_report(assessment, loaded.raw, task.lang, shared.brand)
        rendered.data = render_report(model, options.fmt, templates=options.templates, pdfa=options.pdfa)
    if options.cohort_lang is not None:
        rendered.assessment = assessment.as_dict(options.cohort_lang)


@cache
def _registry(folders: tuple[Path, ...]) -> Registry:
    """The questionnaires of this worker process, loaded once per batch's folders."""
    return Registry.default(folders)
