"""The Eurostat comparison and the score explanation say the same in JSON, HTML and Markdown, in English and
Dutch, for a micro firm, a municipality, a bank, a farm and the no-AI company. (The PDF is the HTML printed:
the golden PDF text of the quick scan carries both parts.)"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest
import yaml

from readiness.answers import load_answers
from readiness.assessment import run_assessment
from readiness.questionnaire import Registry
from readiness.report.brand import load_brand
from readiness.report.html import render_html
from readiness.report.markdown import render_markdown
from readiness.report.model import Report, build_report
from tests.conftest import EXAMPLES, FIXTURES

AS_OF = dt.date(2026, 12, 3)
REGISTRY = Registry.default()
CASES = {
    "micro-firm": FIXTURES / "micro-firm.answers.yaml",
    "municipality": EXAMPLES / "public-sector.answers.yaml",
    "bank": EXAMPLES / "finance.answers.yaml",
    "farm": EXAMPLES / "agri-food.answers.yaml",
    "manufacturer": EXAMPLES / "manufacturing.answers.yaml",
    "no-ai": FIXTURES / "no-ai-manufacturer.answers.yaml",
}


def assessed(case: str, lang: str) -> tuple[dict[str, Any], Report]:
    path = CASES[case]
    loaded = load_answers(path, REGISTRY)
    result = run_assessment(loaded.questionnaire, loaded.answers, AS_OF).as_dict(lang)
    report = build_report(
        result, loaded.questionnaire, yaml.safe_load(loaded.raw), loaded.raw, lang, load_brand(None)
    )
    return result, report


def plain(markup: str) -> str:
    """Text as a reader sees it: tags dropped, entities and Markdown escapes undone, spaces collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\\", "")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("case", ["micro-firm", "municipality", "bank", "farm", "manufacturer"])
def test_the_comparison_reads_the_same_in_json_html_and_markdown(case: str, lang: str) -> None:
    result, report = assessed(case, lang)
    benchmark = result["benchmark"]
    page, markdown = plain(render_html(report)), plain(render_markdown(report))
    sentences = [*benchmark["statements"], benchmark["position"]["text"] or ""]
    for sentence in filter(None, sentences):
        assert sentence in page and sentence in markdown
    for figure in benchmark["figures"]:
        assert figure["dataset"] == "isoc_eb_ai"
        title = figure["release"]["title"]
        assert title in page and title in markdown
    outside = benchmark["coverage"]["sector"] == "outside"
    assert (case in ("municipality", "bank", "farm")) == outside
    if outside:
        assert benchmark["figures"] == [] and result["context"] == []
        assert "isoc_eb_ai [" not in page and "isoc_eb_ai [" not in markdown
    else:
        # The trend row of all EU enterprises, 2023-2025, as Eurostat's December 2025 release states it.
        values = ("8.1%", "13.5%", "20.0%") if lang == "en" else ("8,1%", "13,5%", "20,0%")
        assert all(v in page and v in markdown for v in values)


def test_a_micro_firm_sees_small_enterprises_only_for_orientation() -> None:
    _result, report = assessed("micro-firm", "en")
    page = plain(render_html(report))
    assert "counts only enterprises with 10 or more persons employed" in page
    assert "small EU enterprises (10-49 persons employed) (for orientation only)" in page


def test_the_no_ai_limit_is_explained_in_both_languages() -> None:
    for lang, held, text in (
        ("en", "Held at 75 of 100.", "cannot reach Advanced AI readiness"),
        ("nl", "Begrensd op 75 van 100.", "kan niet Ver gevorderd zijn in AI-gereedheid"),
    ):
        result, report = assessed("no-ai", lang)
        (limit,) = result["readiness"]["limits"]
        assert limit["id"] == "no_ai_in_use" and limit["max_score"] == 75 and limit["uncapped_score"] > 75
        for rendered in (plain(render_html(report)), plain(render_markdown(report))):
            assert held in rendered and text in rendered


def test_the_json_contract_only_grows() -> None:
    result, _ = assessed("manufacturer", "en")
    assert set(result) >= {
        "questionnaire",
        "company",
        "as_of",
        "tool",
        "readiness",
        "ai_act",
        "support",
        "context",
    }
    readiness = result["readiness"]
    assert set(readiness) >= {
        "score",
        "dma_score",
        "confidence",
        "level",
        "dimensions",
        "gaps",
        "recommendations",
    }
    assert readiness["dma"]["module"] == "dma-sme@2.0.0" and readiness["dma"]["dual_scoring"] == "per_column"
    assert readiness["dma"]["questions"]["ds_investments"] == 3.5  # (3.0 + 4.0) / 2
    assert set(result["benchmark"]) == {
        "dataset",
        "checked",
        "coverage",
        "position",
        "statements",
        "figures",
        "trend",
        "notes",
    }
    for figure in result["context"]:
        assert set(figure) >= {"value", "unit", "year", "geo", "breakdown", "label", "source"}
