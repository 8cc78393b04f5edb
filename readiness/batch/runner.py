"""Many items through a pool of worker processes, with a bounded queue and a callback per result.

Processes rather than threads because rendering a PDF is CPU-bound Python. Workers start through
`forkserver` where the platform has it (a clean parent with the heavy modules preloaded, so a worker
starts fast and inherits no threads from the terminal's progress bar), else `spawn`. At most two items
per worker are in flight and each worker is replaced after a hundred reports, so memory stays flat
however long the batch is. A worker that dies (out of memory, a crash in a native library) costs only
the items it held: a fresh pool takes the rest. On Ctrl-C the workers finish the reports in hand (so
each output has its record), and the batch stops.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from readiness.batch.inputs import BatchInput
from readiness.batch.work import SUFFIXES, ItemResult, Options, process, start_worker

IN_FLIGHT_PER_WORKER = 2
# A worker is replaced after this many reports: whatever native memory a PDF leaves behind in Pango,
# fontconfig or HarfBuzz is given back, at the cost of reloading the questionnaires now and then.
TASKS_PER_WORKER = 100
MAX_TRIES = 2
# Imported once in the fork server, before any worker is forked from it: a worker starts with everything
# a report needs already loaded, shared copy-on-write.
PRELOAD = [
    "readiness.batch.work",
    "readiness.assessment",
    "readiness.report.output",
    "readiness.report.pdf",
    "readiness.report.brand",
    "weasyprint",
]

OnResult = Callable[[ItemResult], None]


@dataclass
class Outcome:
    """The results in input order; `interrupted` when the user stopped the batch (Ctrl-C)."""

    results: list[ItemResult]
    interrupted: bool = False


def run_batch(
    items: Sequence[BatchInput], options: Options, *, jobs: int, on_result: OnResult | None = None
) -> Outcome:
    """Process every item with `jobs` worker processes (1: in this one), telling `on_result` of each."""
    notify = on_result or (lambda _result: None)
    found: dict[int, ItemResult] = {}
    try:
        if jobs <= 1 or len(items) <= 1:
            start_worker(options)
            for index, item in enumerate(items):
                found[index] = process(item, options)
                notify(found[index])
        else:
            _in_pool(items, options, jobs, found, notify)
    except KeyboardInterrupt:
        return Outcome([found[i] for i in sorted(found)], interrupted=True)
    return Outcome([found[i] for i in range(len(items))])


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _in_pool(
    items: Sequence[BatchInput], options: Options, jobs: int, found: dict[int, ItemResult], notify: OnResult
) -> None:
    """Run `items` in a pool; when a worker dies, the unfinished items get one more try in a new pool."""
    waiting = list(reversed(range(len(items))))
    tries = [0] * len(items)
    while waiting:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=_context(),
            initializer=start_worker,
            initargs=(options, True),
            max_tasks_per_child=TASKS_PER_WORKER,
        ) as pool:
            running: dict[Future[ItemResult], int] = {}
            try:
                while waiting or running:
                    while waiting and len(running) < jobs * IN_FLIGHT_PER_WORKER:
                        index = waiting.pop()
                        tries[index] += 1
                        running[pool.submit(process, items[index], options)] = index
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    finished = [f for f in done if not isinstance(f.exception(), BrokenProcessPool)]
                    for future in finished:
                        index = running.pop(future)
                        found[index] = _result(future, items[index], options)
                        notify(found[index])
                    if len(finished) < len(done):
                        break
            except KeyboardInterrupt:
                # Workers finish the report in hand (its output and record are complete); count those.
                pool.shutdown(wait=True, cancel_futures=True)
                for future, index in running.items():
                    if future.done() and not future.cancelled() and future.exception() is None:
                        found[index] = future.result()
                raise
            for index in sorted(running.values(), reverse=True):
                if tries[index] < MAX_TRIES:
                    waiting.append(index)
                else:
                    found[index] = _died(items[index], options)
                    notify(found[index])


def _result(future: Future[ItemResult], item: BatchInput, options: Options) -> ItemResult:
    """The worker's result; an error on the way back (a result that cannot be pickled) as a failure."""
    error = future.exception()
    if error is None:
        return future.result()
    return _failed(item, options, f"internal error ({error.__class__.__name__}: {error}); please report it")


def _died(item: BatchInput, options: Options) -> ItemResult:
    return _failed(
        item, options, "the worker process stopped while rendering this input (out of memory?); run again"
    )


def _failed(item: BatchInput, options: Options, reason: str) -> ItemResult:
    return ItemResult(item.label, f"{item.name}{SUFFIXES[options.fmt]}", "failed", reason=reason)
