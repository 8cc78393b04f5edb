"""Interview latency: the time from an answer to the next question, autosave included, per questionnaire.

The interview's own core (readiness.interview with readiness.flow) runs exactly as in `readiness assess`,
with a prompter that answers at once (seeded random valid answers, an AI system added where asked) and
notes when each prompt was asked and answered. What lies between an answer and the next prompt is all
of the program's work: storing the answer, the conditions that decide the next question, the progress
line, and saving the answers file atomically (fsync included) to a temporary folder. The baseline,
measured in the same run, is one autosave alone. Target: p99 under 50 ms for every questionnaire.

    python bench/interview_bench.py [--runs 5] [--lang en]

Nothing here is asserted by the test suite; the figures are recorded in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness.answers import Answers, save_answers  # noqa: E402
from readiness.interview import Interview  # noqa: E402
from readiness.prompts import Choice, Nav  # noqa: E402
from readiness.questionnaire.registry import Registry  # noqa: E402

TARGET_MS = 50.0
TEXT_TRIES = ("3", "12", "Example B.V.", "NL", "NL33", "C28", "en", "2026-01-01", "x")


class TimingPrompter:
    """Answers every prompt at once and records when each was asked and when it was answered."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.asked: list[tuple[float, float]] = []
        self.answered: list[tuple[float, float]] = []
        self.groups: set[str] = set()

    def _ask(self) -> None:
        self.asked.append((time.perf_counter(), time.process_time()))

    def _answer(self, value: Any) -> Any:
        self.answered.append((time.perf_counter(), time.process_time()))
        return value

    def select(
        self,
        message: str,
        choices: list[Choice],
        default: Any = None,
        extras: Iterable[Choice] = (),
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        self._ask()
        values = [c.value for c in choices]
        if any(isinstance(v, tuple) for v in values):  # a repeated group: add one entry, then done
            first = message not in self.groups
            self.groups.add(message)
            return self._answer(("add", -1) if first else ("done", -1))
        return self._answer(self.rng.choice([v for v in values if not isinstance(v, Nav)]))

    def checkbox(
        self,
        message: str,
        choices: list[Choice],
        checked: Iterable[Any] = (),
        extras: Iterable[Choice] = (),
        hint: str = "",
        question: str = "",
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        self._ask()
        plain = [c.value for c in choices if not isinstance(c.value, Nav)]
        return self._answer(self.rng.sample(plain, k=min(len(plain), self.rng.randint(1, 2))))

    def text(
        self, message: str, default: str = "", validate: Callable[[str], str | None] | None = None
    ) -> Any:
        self._ask()
        for candidate in TEXT_TRIES:
            if validate is None or validate(candidate) is None:
                return self._answer(candidate)
        return self._answer(Nav.SKIP)

    def say(self, text: str) -> None:
        """Shown text costs the terminal, not the program: nothing to do here."""

    def latencies(self) -> list[tuple[float, float]]:
        """Seconds from each answer to the next prompt: on the clock, and of this process's CPU."""
        return [
            (asked[0] - answered[0], asked[1] - answered[1])
            for answered, asked in zip(self.answered, self.asked[1:], strict=False)
        ]


def interview_latencies(
    registry: Registry, ref: str, lang: str, runs: int, folder: Path
) -> list[tuple[float, float]]:
    """Every answer-to-next-question latency (clock, CPU) over `runs` interviews of questionnaire `ref`."""
    samples: list[tuple[float, float]] = []
    questionnaire = registry.load(ref)
    for run in range(runs):
        prompter = TimingPrompter(random.Random(f"{ref}-{run}"))
        answers = Answers(questionnaire.ref)
        path = folder / f"{questionnaire.id}-{run}.answers.yaml"
        Interview(questionnaire, answers, path, prompter, lang, _clock).run()
        samples += prompter.latencies()
    return samples


def save_alone(folder: Path, registry: Registry, ref: str, times: int = 50) -> float:
    """Median seconds of one autosave (atomic write with fsync) of a full answers file: the baseline."""
    questionnaire = registry.load(ref)
    prompter = TimingPrompter(random.Random(0))
    answers = Answers(questionnaire.ref)
    path = folder / "baseline.answers.yaml"
    Interview(questionnaire, answers, path, prompter, "en", _clock).run()
    durations = []
    for _ in range(times):
        start = time.perf_counter()
        save_answers(path, answers, now=_clock())
        durations.append(time.perf_counter() - start)
    return statistics.median(durations)


def _clock() -> str:
    return dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC).isoformat()


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="interviews per questionnaire")
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    args = parser.parse_args()
    registry = Registry.default()
    refs = [qid for qid in registry.ids() if registry.load(qid).kind == "questionnaire"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average (1, 5, 15 min): {', '.join(f'{a:.1f}' for a in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = save_alone(folder, registry, "manufacturing")
        print(f"one autosave alone (manufacturing, the baseline): {baseline * 1000:.1f} ms")
        columns = f"{'questionnaire':<20} {'answers':>7} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}"
        print(f"{columns}  p99/save  CPU p99")
        worst = 0.0
        for ref in refs:
            samples = interview_latencies(registry, ref, args.lang, args.runs, folder)
            clock = [wall for wall, _ in samples]
            p99 = _quantile(clock, 0.99)
            worst = max(worst, p99)
            figures = [statistics.median(clock), _quantile(clock, 0.95), p99, max(clock)]
            cells = " ".join(f"{s * 1000:6.1f}ms" for s in figures)
            cpu = _quantile([used for _, used in samples], 0.99)
            print(f"{ref:<20} {len(samples):>7} {cells}  {p99 / baseline:8.1f}  {cpu * 1000:5.1f}ms")
    verdict = "under" if worst * 1000 < TARGET_MS else "OVER"
    print(f"worst p99: {worst * 1000:.1f} ms, {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
