"""Benchmarks: prints a table of figures, each against a baseline measured in the same run.

Run: python bench/run.py [--quick]. Nothing here is asserted by the test suite; the figures and the
machine they were measured on are recorded in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = "target > 1,000 /s"
sys.path.insert(0, str(ROOT))


def wall(command: list[str], repeat: int) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rate(func: Callable[[], object], seconds: float = 2.0) -> float:
    """Calls per second of `func` over about `seconds`."""
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        func()
        count += 1
    return count / (time.perf_counter() - start)


def startup(repeat: int) -> list[tuple[str, str, str]]:
    python = sys.executable
    # The console script a user runs, where it is installed next to this Python; else `python -m`.
    script = Path(python).parent / "readiness"
    readiness = [str(script)] if script.is_file() else [python, "-m", "readiness"]
    floor = wall([python, "-c", "pass"], repeat)
    click_floor = wall([python, "-c", "import click"], repeat)
    rows = [
        ("python -c pass", f"{floor * 1000:.0f} ms", "1.00 (floor)"),
        ("python -c 'import click'", f"{click_floor * 1000:.0f} ms", f"{click_floor / floor:.2f}"),
    ]
    for label, args in (("readiness --help", ["--help"]), ("readiness validate", ["validate"])):
        t = wall(readiness + args, repeat)
        rows.append((label, f"{t * 1000:.0f} ms", f"{t / floor:.2f} × pass, {t / click_floor:.2f} × click"))
    return rows


def scoring(seconds: float) -> list[tuple[str, str, str]]:
    from readiness.answers import load_answers
    from readiness.assessment import ai_symbols
    from readiness.questionnaire import Registry
    from readiness.scoring import score_readiness

    registry = Registry.default()
    rows = []
    for example in sorted((ROOT / "examples").glob("*.answers.yaml")):
        loaded = load_answers(example, registry)
        symbols = ai_symbols(loaded.answers.ai_systems)
        call = functools.partial(score_readiness, loaded.questionnaire, loaded.answers, symbols)
        name = example.name.split(".")[0]
        rows.append((f"score {name}", f"{rate(call, seconds):,.0f} /s", TARGET))
    varied = varied_answers(registry.load("manufacturing"), 500)
    questionnaire = registry.load("manufacturing")
    start = time.perf_counter()
    for answers in varied:
        score_readiness(questionnaire, answers, {})
    per_second = len(varied) / (time.perf_counter() - start)
    rows.append(("score 500 different manufacturing answer sets", f"{per_second:,.0f} /s", TARGET))
    return rows


def varied_answers(questionnaire: Any, count: int) -> list[Any]:
    """`count` answer sets with random valid answers to every scored question (seeded, so repeatable)."""
    from readiness.answers import Answers

    rng = random.Random(2024)
    sets = []
    for _ in range(count):
        values: dict[str, Any] = {}
        for q in questionnaire.questions():
            if q.type == "single":
                values[q.id] = rng.choice(q.option_ids)
            elif q.type == "multi":
                values[q.id] = rng.sample([o.id for o in q.options if not o.exclusive], k=rng.randint(0, 2))
            elif q.type == "scale":
                values[q.id] = rng.randint(q.scale_min, q.scale_max)
            elif q.type == "yes_no":
                values[q.id] = rng.random() < 0.5
            elif q.type == "number":
                values[q.id] = rng.randint(0, 20)
        sets.append(Answers(questionnaire.ref, {"name": "X", "country": "NL", "size": "small"}, values))
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    seconds = 0.5 if args.quick else 2.0
    python = f"{platform.python_implementation()} {platform.python_version()}"
    cores = f"{os.cpu_count()} cores, {platform.machine()}"
    print(f"# readiness benchmarks, {dt.date.today()}, {python}, {cores}")
    rows = startup(repeat) + scoring(seconds)
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'figure':>12}  ratio")
    for what, figure, ratio in rows:
        print(f"{what:<{width}}  {figure:>12}  {ratio}")


if __name__ == "__main__":
    main()
