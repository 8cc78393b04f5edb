"""`--format text`: the whole report as plain text for a terminal or an e-mail, wrapped at 78 columns."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from readiness.l10n.citations import capfirst, cite
from readiness.report.text import WIDTH, render_text
from tests.conftest import EXAMPLES, Run
from tests.report.test_layout import report_of


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_section_of_the_pdf_is_in_the_text(lang: str) -> None:
    report = report_of("manufacturing", lang)
    text = render_text(report)
    lines = text.splitlines()
    headings = [a for a, b in pairwise(lines) if b and set(b) == {"="} and len(b) == len(a)]
    assert len(headings) == 7  # title, summary, four parts, appendix
    assert [h[:2] for h in headings[2:6]] == ["1.", "2.", "3.", "4."]
    flat = " ".join(text.split())
    articles = [capfirst(cite(article, lang)) for article in ("Art. 50(1)", "Art. 4")]
    for needle in (report.company.name, report.notice, *articles, report.support[0].name):
        assert " ".join(needle.split()) in flat, needle
    assert all(" ".join(g.action.split()) in flat for g in report.gaps)


def test_lines_are_wrapped_at_78_columns_and_only_a_web_address_may_run_longer() -> None:
    text = render_text(report_of("general", "nl"))
    for line in text.splitlines():
        assert len(line) <= WIDTH or " " not in line.strip(), line


def test_the_plan_is_numbered_once_through_with_who_and_by_when() -> None:
    text = render_text(report_of("general", "en"))
    plan = text.split("4. Action plan", 1)[1].split("Appendix", 1)[0]
    numbers = [int(n) for n in re.findall(r"^\[ \] (\d+)\. ", plan, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) > 5
    assert plan.count("by ") >= len(numbers)
    assert "applies from 2 December 2027" in plan  # the high-risk duties, with their date


def test_assess_prints_the_text_report_and_report_writes_it(run: Run, tmp_path: Path) -> None:
    answers = EXAMPLES / "quickscan.answers.yaml"
    printed = run(["assess", "--answers", answers, "--format", "text", "--as-of", "2026-12-01"])
    assert printed.exit_code == 0, printed.output
    assert "Executive summary" in printed.stdout and "Art. 4" in printed.stdout
    written = run(["report", answers, "--format", "text", "--out", tmp_path, "--as-of", "2026-12-01"])
    assert written.exit_code == 0, written.output
    (path,) = tmp_path.glob("*.txt")
    assert path.read_text(encoding="utf-8") == printed.stdout
