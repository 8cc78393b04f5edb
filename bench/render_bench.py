"""Pages per second WeasyPrint renders for each example's report, before and after this round's changes.

"Before" is the same report HTML with the support cards' former grid rule (`1fr 1fr`, which makes
WeasyPrint measure every card's smallest width first) and fonts subset with fontTools (as on a machine
without libharfbuzz-subset); "after" is the report as it is now, with HarfBuzz subsetting where the
system has it. Both are rendered in this process, interleaved, with one font configuration, so the
ratio holds on any machine.

    python bench/render_bench.py [--runs 2] [--lang en] [--examples manufacturing,quickscan]

Nothing here is asserted by the test suite; the figures are recorded in bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readiness.answers import load_answers  # noqa: E402
from readiness.assessment import run_assessment  # noqa: E402
from readiness.questionnaire.registry import Registry  # noqa: E402
from readiness.report import pdf  # noqa: E402
from readiness.report.brand import load_brand  # noqa: E402
from readiness.report.html import render_html, template_dirs  # noqa: E402
from readiness.report.output import assessment_report  # noqa: E402

AS_OF = dt.date(2026, 12, 1)
CARDS_NOW = ".cards { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); grid-gap: 5mm; }"
CARDS_BEFORE = ".cards { display: grid; grid-template-columns: 1fr 1fr; grid-gap: 5mm; }"


def report_html(path: Path, registry: Registry, lang: str) -> str:
    """The report HTML of one example, as `readiness report` makes it."""
    loaded = load_answers(path, registry)
    assessment = run_assessment(loaded.questionnaire, loaded.answers, AS_OF)
    html = render_html(assessment_report(assessment, loaded.raw, lang, load_brand()))
    if CARDS_NOW not in html:
        raise SystemExit("the support cards' grid rule in templates/report.css changed; update this bench")
    return html


@contextlib.contextmanager
def fonttools_subsetting(weasyprint: Any) -> Iterator[None]:
    """Fonts subset with fontTools, as WeasyPrint does where libharfbuzz-subset is missing."""
    fonts = weasyprint.pdf.fonts
    saved = fonts.harfbuzz_subset
    fonts.harfbuzz_subset = None
    try:
        yield
    finally:
        fonts.harfbuzz_subset = saved


def render(weasyprint: Any, html: str, fonts: Any) -> tuple[float, int]:
    """Seconds to lay out and write the PDF, and its page count."""
    folders = template_dirs()
    fetcher = pdf.asset_fetcher(weasyprint, folders, folders[-1])
    start = time.perf_counter()
    document = weasyprint.HTML(string=html, base_url=folders[-1].as_uri() + "/", url_fetcher=fetcher).render(
        font_config=fonts
    )
    document.write_pdf(pdf_tags=True)
    return time.perf_counter() - start, len(document.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    parser.add_argument("--examples", help="comma-separated example names (default: every example)")
    args = parser.parse_args()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # fontTools' notice, once per font
    pdf.warm_up()
    import weasyprint

    fonts = pdf.font_config(weasyprint)
    registry = Registry.default()
    examples = sorted((ROOT / "examples").glob("*.answers.yaml"))
    if args.examples:
        wanted = set(args.examples.split(","))
        examples = [e for e in examples if e.name.split(".")[0] in wanted]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    subsetter = "HarfBuzz" if weasyprint.pdf.fonts.harfbuzz_subset else "fontTools"
    print(f"WeasyPrint {weasyprint.__version__}, fonts subset now with {subsetter}")
    print(f"load average (1, 5, 15 min): {', '.join(f'{a:.1f}' for a in os.getloadavg())}; runs: {args.runs}")
    print(f"{'example':<16} {'pages':>5} {'before':>12} {'after':>12}  after/before")
    for example in examples:
        after_html = report_html(example, registry, args.lang)
        before_html = after_html.replace(CARDS_NOW, CARDS_BEFORE)
        times: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(args.runs):
            with fonttools_subsetting(weasyprint):
                seconds, pages = render(weasyprint, before_html, fonts)
            times["before"].append(seconds)
            seconds, pages = render(weasyprint, after_html, fonts)
            times["after"].append(seconds)
        before, after = (pages / statistics.median(times[k]) for k in ("before", "after"))
        name = example.name.split(".")[0]
        print(f"{name:<16} {pages:>5} {before:7.2f} p/s  {after:7.2f} p/s  {after / before:6.2f}")


if __name__ == "__main__":
    main()
