"""Batches started from the browser: the batch runner in a thread of the server, its progress kept here.

One batch runs at a time (rendering takes every core the runner is given); its page asks for the
progress every second. What it made is in `batch/` of the workspace with `batch-summary.json`, as
`readiness batch --out-dir batch` would leave it, so it outlives the server.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field

from readiness.batch.inputs import BatchInput
from readiness.batch.runner import run_batch
from readiness.batch.summary import BatchSummary
from readiness.batch.work import ItemResult, Options
from readiness.errors import ReadinessError

MAX_KEPT = 20


@dataclass
class Job:
    """One batch: how many items, the results so far, and whether it has ended."""

    id: str
    total: int
    started: float = field(default_factory=time.monotonic)
    results: list[ItemResult] = field(default_factory=list)
    finished: bool = False
    error: str = ""
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return len(self.results)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


class Jobs:
    """The batches of this server, newest last; at most one running."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    def start(self, items: list[BatchInput], options: Options, workers: int) -> Job:
        """Start rendering `items` in the background; an error when another batch is still running."""
        with self._lock:
            if any(not j.finished for j in self._jobs.values()):
                raise ReadinessError("another batch is still running; wait for it to finish")
            job = Job(str(next(self._ids)), len(items))
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-MAX_KEPT]:
                del self._jobs[old]
        thread = threading.Thread(target=self._run, args=(job, items, options, workers), daemon=True)
        thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    @staticmethod
    def _run(job: Job, items: list[BatchInput], options: Options, workers: int) -> None:
        try:
            outcome = run_batch(items, options, jobs=workers, on_result=job.results.append)
            job.seconds = time.monotonic() - job.started
            job.results = outcome.results
            BatchSummary(
                outcome.results,
                options.out_dir,
                options.fmt,
                workers,
                options.as_of,
                job.seconds,
                len(items),
                outcome.interrupted,
            ).write()
        except Exception as exc:  # the page says what stopped it; the server goes on
            job.error = f"{exc.__class__.__name__}: {exc}"
        finally:
            job.finished = True
