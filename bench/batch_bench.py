"""Batch throughput and memory: PDF reports per second with 1 and with 2 worker processes, the speed-up,
the CPU time each report costs in both, peak memory per worker, and whether one process's memory grows
over many reports.

Run: python bench/batch_bench.py [--files 200] [--reports 500] [--quick]. It generates answers files
(random but valid answers to the general questionnaire, with the general example's AI systems) in a
temporary folder, renders them through the same runner `readiness batch` uses, and prints a table.
Shorter variants (`--files 40 --reports 120`) give the same figures with more noise. The wall-clock
speed-up needs an idle machine; the CPU time per report does not: when 2 jobs spend no more CPU per
report than 1, the only thing between the speed-up and 2 is what else runs on the machine (the load
average before and after is printed). Nothing here is asserted by the test suite; the figures are
recorded in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness.answers import Answers, load_answers  # noqa: E402
from readiness.batch.inputs import BatchInput, expand_inputs  # noqa: E402
from readiness.batch.runner import run_batch  # noqa: E402
from readiness.batch.work import ItemResult, Options, process, start_worker  # noqa: E402
from readiness.questionnaire.model import Question  # noqa: E402
from readiness.questionnaire.registry import Registry  # noqa: E402

AS_OF = dt.date(2026, 12, 1)
QUESTIONNAIRE = "general@2.0.0"
SIZES = ("micro", "small", "medium")
COUNTRIES = ("NL", "BE", "DE", "IE", "ES", "IT", "SE", "FR")


def answer(question: Question, rng: random.Random) -> Any:
    """A random valid answer to a top-level question (None leaves it unanswered)."""
    if question.type == "single":
        return rng.choice(question.option_ids)
    if question.type == "multi":
        plain = [o.id for o in question.options if not o.exclusive]
        return rng.sample(plain, rng.randint(0, len(plain)))
    if question.type == "scale":
        return rng.randint(question.scale_min, question.scale_max)
    if question.type == "yes_no":
        return rng.random() < 0.5
    if question.type == "number":
        low = question.number_min or 0
        return int(low + rng.random() * 50)
    return None


def generate(folder: Path, count: int, registry: Registry) -> None:
    """`count` answers files in `folder`, each checked the way the batch will check it."""
    rng = random.Random(20261201)
    questionnaire = registry.load(QUESTIONNAIRE)
    example = load_answers(ROOT / "examples" / "general.answers.yaml", registry).answers
    for number in range(count):
        answers = Answers(
            questionnaire=questionnaire.ref,
            company={
                "name": f"Benchmark Company {number:03d}",
                "country": rng.choice(COUNTRIES),
                "size": rng.choice(SIZES),
                "nace": "M70",
                "language": rng.choice(("en", "nl")),
            },
            ai_systems=example.ai_systems[: rng.randint(0, len(example.ai_systems))],
            meta={"complete": True, "answered": ["ai_systems"]},
        )
        for question in questionnaire.questions():
            if not question.store:
                value = answer(question, rng)
                if value is not None:
                    answers.answers[question.id] = value
        path = folder / f"company-{number:03d}.answers.yaml"
        path.write_text(answers.to_yaml(), encoding="utf-8")
        load_answers(path, registry)


def options(out: Path) -> Options:
    return Options(out, "pdf", None, None, AS_OF, True, (), None, "bench")


def throughput(items: list[BatchInput], out: Path, jobs: int) -> tuple[float, float, list[ItemResult]]:
    """Wall seconds, CPU seconds (this process and every worker) and the results of one batch."""
    start, cpu_start = time.perf_counter(), time.process_time()
    outcome = run_batch(items, options(out), jobs=jobs)
    seconds = time.perf_counter() - start
    failed = [r for r in outcome.results if r.status != "done"]
    if failed:
        raise SystemExit(f"{len(failed)} reports failed, e.g. {failed[0].input}: {failed[0].reason}")
    cpu = time.process_time() - cpu_start
    if jobs > 1:  # each worker's CPU time when it finished its last item (start-up included)
        workers: dict[int, float] = {}
        for r in outcome.results:
            workers[r.pid] = max(workers.get(r.pid, 0.0), r.cpu_seconds)
        cpu += sum(workers.values())
    return seconds, cpu, outcome.results


def rss_mb() -> float:
    """This process's resident memory now (Linux), in MiB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def growth(items: list[BatchInput], out: Path, reports: int) -> dict[int, float]:
    """RSS after 10, 50, 100, 200 ... and `reports` reports rendered one after another in this process."""
    start_worker(options(out))
    checkpoints = {c for c in (10, 50) if c < reports} | {reports} | set(range(100, reports, 100))
    marks: dict[int, float] = {}
    for number in range(1, reports + 1):
        result = process(items[number % len(items)], options(out))
        if result.status != "done":
            raise SystemExit(f"{result.input}: {result.reason}")
        if number in checkpoints:
            gc.collect()
            marks[number] = rss_mb()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="20 files and 60 reports, to try it out")
    args = parser.parse_args()
    files, reports = (20, 60) if args.quick else (args.files, args.reports)
    registry = Registry.default()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "answers"
        folder.mkdir()
        generate(folder, files, registry)
        items = expand_inputs([folder], registry).items
        one, cpu_one, _ = throughput(items, Path(tmp) / "one", 1)
        two, cpu_two, results = throughput(items, Path(tmp) / "two", 2)
        peaks: dict[int, int] = {}
        for r in results:
            peaks[r.pid] = max(peaks.get(r.pid, 0), r.peak_rss_kb)
        marks = growth(items, Path(tmp) / "growth", reports)
    load_after = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average (1, 5, 15 min) before: {_load(load_before)}, after: {_load(load_after)}")
    print(f"{files} answers files ({QUESTIONNAIRE}), PDF reports")
    print(f"1 job : {one:7.1f} s  {files / one:5.2f} reports/s  CPU {cpu_one / files:5.2f} s per report")
    print(
        f"2 jobs: {two:7.1f} s  {files / two:5.2f} reports/s  CPU {cpu_two / files:5.2f} s per report"
        f"  speed-up {one / two:.2f}x  (CPU per report 1 job / 2 jobs: {cpu_one / cpu_two:.2f})"
    )
    for pid, peak in sorted(peaks.items()):
        print(f"  worker {pid}: peak RSS {peak / 1024:.0f} MiB")
    first = 50 if 50 in marks else min(marks)
    steps = ", ".join(f"{mb:.0f} MiB after {n}" for n, mb in sorted(marks.items()))
    print(f"one process, RSS: {steps}; after {reports} / after {first}: {marks[reports] / marks[first]:.2f}")


def _load(averages: tuple[float, float, float]) -> str:
    return ", ".join(f"{a:.1f}" for a in averages)


if __name__ == "__main__":
    main()
