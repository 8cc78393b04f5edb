"""Every example in every report language, laid out as a consultant would read it: no chart label cut
off or run into by another label or a line, the summary on one page, and no page left mostly empty.

Charts are checked in the HTML of every example and language (cheap); page flow in the PDF layout of
a few examples chosen for their length and their longest labels (WeasyPrint's layout boxes, no PDF
written).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from readiness.answers import load_answers
from readiness.assessment import run_assessment
from readiness.questionnaire import Registry
from readiness.report.brand import load_brand
from readiness.report.html import render_html
from readiness.report.i18n import report_languages
from readiness.report.model import Report, build_report
from tests.conftest import EXAMPLES
from tests.report.pages import page_fill
from tests.report.svgcheck import problems

AS_OF = dt.date(2026, 12, 1)
ANSWERS = sorted(EXAMPLES.glob("*.answers.yaml"))
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
# The fullest summaries and the longest labels, in both languages.
FLOW = [("quickscan", "en"), ("health", "nl"), ("manufacturing", "en")]
LEAST_FILL = 0.45


@cache
def report_of(example: str, lang: str) -> Report:
    registry = Registry.default()
    loaded = load_answers(EXAMPLES / f"{example}.answers.yaml", registry)
    assessment = run_assessment(loaded.questionnaire, loaded.answers, AS_OF)
    return build_report(
        assessment.as_dict(lang),
        loaded.questionnaire,
        loaded.answers.as_data(),
        loaded.raw,
        lang,
        load_brand(None),
    )


@pytest.mark.parametrize("lang", report_languages())
@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: p.name.split(".")[0])
def test_no_chart_label_is_cut_off_or_run_into(path: Path, lang: str) -> None:
    html = render_html(report_of(path.name.split(".")[0], lang))
    charts = SVG.findall(html)
    assert charts, "every report has charts"
    found = [problem for chart in charts for problem in problems(chart)]
    assert found == []


@pytest.mark.parametrize(("example", "lang"), FLOW, ids=[f"{e}-{lang}" for e, lang in FLOW])
def test_the_summary_is_one_page_and_no_page_is_left_mostly_empty(example: str, lang: str) -> None:
    fills, anchors = page_fill(report_of(example, lang))
    assert "summary" in anchors[1] and "dimensions" in anchors[2], "the summary fills page 2 alone"
    empty = [(page, fill) for page, fill in enumerate(fills[1:-1], start=2) if fill < LEAST_FILL]
    assert empty == [], f"pages filled less than {LEAST_FILL:.0%}: {empty}"


def test_what_a_consultant_would_strike_out_is_not_there() -> None:
    """Each level's text once in Part 1 (and once on the summary for the overall level), the notice
    once, no empty answer cell, the file's own name to re-run, no question posing as advice."""
    import dataclasses

    report = dataclasses.replace(report_of("general", "en"), file_name="oakmere-2026.pdf")
    html = render_html(report)
    for level in report.levels_used:
        on_summary = report.level is not None and report.level.id == level.id
        assert html.count(level.description) == 1 + on_summary, level.id
    assert html.count(report.notice) == 1
    assert "this-report.pdf" not in html and "readiness report oakmere-2026.pdf" in html
    cells = re.findall(r'<td class="answer">(.*?)</td>', html, re.S)
    assert cells and all(re.sub(r"<[^>]+>", "", cell).strip() for cell in cells)
    assert "Raise your answer to" not in html  # every gap is phrased as a thing to do
