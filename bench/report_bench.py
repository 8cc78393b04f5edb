"""How long one full report takes, against WeasyPrint rendering the same HTML alone (the floor).

Both are measured in the same run, interleaved, so the ratio holds on any machine. In this process: a
full report is building the model, rendering the HTML and writing the PDF with its attachment; the floor
is WeasyPrint turning the finished HTML into a PDF with the same fonts and options. Peak memory is
Python's own (tracemalloc, one extra run each) and the process's resident maximum.

With --processes, as a user meets it: `readiness report ANSWERS` as a whole process (start-up, loading
the content, the PDF), with the content cache warm and with it off, against WeasyPrint's own command
line (`python -m weasyprint`) rendering that report's HTML.

    python bench/report_bench.py [--runs 5] [--lang en|nl] [--answers examples/manufacturing.answers.yaml]
    python bench/report_bench.py --processes [--runs 5] [--answers examples/manufacturing.answers.yaml]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness.answers import load_answers  # noqa: E402
from readiness.assessment import run_assessment  # noqa: E402
from readiness.questionnaire.registry import Registry  # noqa: E402
from readiness.report import pdf  # noqa: E402
from readiness.report.brand import load_brand  # noqa: E402
from readiness.report.html import render_html, template_dirs  # noqa: E402
from readiness.report.model import build_report  # noqa: E402

FIXTURES = ROOT / "tests" / "report" / "fixtures"
MIB = 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    parser.add_argument("--answers", type=Path, help="an answers file (default: the report test fixture)")
    parser.add_argument(
        "--processes", action="store_true", help="whole processes (default answers: manufacturing)"
    )
    args = parser.parse_args()
    if args.processes:
        processes(args.answers or ROOT / "examples" / "manufacturing.answers.yaml", args.lang, args.runs)
        return
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    warnings.simplefilter("ignore", DeprecationWarning)
    import weasyprint

    if args.answers:
        loaded = load_answers(args.answers, Registry.default())
        assessment = run_assessment(loaded.questionnaire, loaded.answers, dt.date(2026, 11, 27)).as_dict(
            args.lang
        )
        raw, questionnaire = loaded.raw, loaded.questionnaire
    else:
        name = "assessment.json" if args.lang == "en" else "assessment.nl.json"
        assessment = json.loads((FIXTURES / name).read_text())
        raw = (FIXTURES / "answers.yaml").read_bytes()
        questionnaire = Registry.default().load("quickscan@1.0.0")
    brand = load_brand()

    def full() -> bytes:
        report = build_report(assessment, questionnaire, yaml.safe_load(raw), raw, args.lang, brand)
        return pdf.render_pdf(render_html(report), report=report)

    report = build_report(assessment, questionnaire, yaml.safe_load(raw), raw, args.lang, brand)
    html = render_html(report)
    folders = template_dirs()

    def floor() -> bytes:
        fetcher = pdf.asset_fetcher(weasyprint, folders, brand.files)
        document = weasyprint.HTML(string=html, base_url=folders[-1].as_uri() + "/", url_fetcher=fetcher)
        data: bytes = document.write_pdf(pdf_tags=True)
        return data

    full(), floor()  # warm up: imports, font loading, template compilation
    times: dict[str, list[float]] = {"full": [], "floor": []}
    for _ in range(args.runs):
        for name, job in (("full", full), ("floor", floor)):
            gc.collect()
            start = time.perf_counter()
            job()
            times[name].append(time.perf_counter() - start)
    peaks = {name: _peak(job) for name, job in (("full", full), ("floor", floor))}
    full_median, floor_median = statistics.median(times["full"]), statistics.median(times["floor"])
    print(f"runs: {args.runs}, language: {args.lang}, WeasyPrint {weasyprint.__version__}")
    for label, name, median in (("full report", "full", full_median), ("WeasyPrint", "floor", floor_median)):
        print(f"{label:<13} median {median * 1000:7.0f} ms   peak Python memory {peaks[name] / MIB:6.1f} MiB")
    print(f"ratio full / floor: {full_median / floor_median:.2f}")
    print(
        f"process peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


def processes(answers: Path, lang: str, runs: int) -> None:
    """`readiness report` against `python -m weasyprint` on its HTML, whole processes, medians."""
    python, as_of = sys.executable, "2026-12-01"
    base = ["-m", "readiness", "report", str(answers.resolve()), "--lang", lang, "--as-of", as_of]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = {**os.environ, "READINESS_CACHE_DIR": str(folder / "cache")}
        no_cache = {**cache, "READINESS_NO_CACHE": "1"}
        html = folder / "report.html"
        subprocess.run(
            [python, *base, "--format", "html", "--out", str(html)],
            check=True,
            capture_output=True,
            env=cache,
        )
        templates = template_dirs()[-1].as_uri() + "/"
        commands = {
            "readiness report (content cache warm)": ([python, *base, "--out", str(folder / "a.pdf")], cache),
            "readiness report (no content cache)": (
                [python, *base, "--out", str(folder / "b.pdf")],
                no_cache,
            ),
            "WeasyPrint alone on its HTML": (
                [python, "-m", "weasyprint", "--pdf-tags", "-u", templates, str(html), str(folder / "c.pdf")],
                cache,
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (command, env) in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, env=env)
                times[name].append(time.perf_counter() - start)
    floor = statistics.median(times["WeasyPrint alone on its HTML"])
    print(f"{answers.name}, {lang}, whole processes, median of {runs}; load average {os.getloadavg()[0]:.1f}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<40} {median:6.2f} s   {median / floor:5.2f} x WeasyPrint alone")


def _peak(job: Callable[[], bytes]) -> int:
    tracemalloc.start()
    try:
        job()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


if __name__ == "__main__":
    main()
