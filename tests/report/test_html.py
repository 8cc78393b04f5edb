"""The HTML report: golden per example, strict templates, and hostile input printed as text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from jinja2 import UndefinedError

from readiness.report.html import render_html
from readiness.report.markdown import render_markdown
from readiness.report.model import Report
from tests.report.conftest import EXAMPLES

EXAMPLE_ANSWERS = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = "<script>alert('x')</script>"
IMAGE = '<img src="file:///etc/passwd">'
STYLE = "</style><style>body{background:url(http://evil.example/x)}</style>"
HOSTILE_ANSWERS = yaml.safe_dump(
    {
        "questionnaire": "quickscan@1.0.0",
        "company": {"name": f"{IMAGE} {SCRIPT}", "country": "NL", "size": "small"},
        "answers": {"ai_plan": "ideas", "ai_notes": f"{STYLE} {IMAGE}"},
        "ai_systems": [{"name": SCRIPT, "role": STYLE}],
    },
    allow_unicode=True,
).encode()


def hostile_report(make_report: Callable[..., Report]) -> Report:
    act = {
        "systems": [
            {
                "name": SCRIPT,
                "role": STYLE,
                "risk": "high",
                "gpai": None,
                "obligations": [],
                "reasons": [{"article": IMAGE, "annex": STYLE, "because": SCRIPT}],
            }
        ],
        "company_obligations": [],
        "law": {},
        "notice": STYLE,
    }
    return make_report(company={"name": f"{IMAGE} {SCRIPT} {STYLE}"}, answers=HOSTILE_ANSWERS, ai_act=act)


@pytest.mark.parametrize("name", EXAMPLES)
def test_html_matches_its_golden_file(
    name: str, make_report: Callable[..., Report], golden: Callable[[str, str], None]
) -> None:
    golden(f"{name}.html", render_html(make_report(name)))


@pytest.mark.parametrize("name", EXAMPLES)
def test_markdown_matches_its_golden_file(
    name: str, make_report: Callable[..., Report], golden: Callable[[str, str], None]
) -> None:
    golden(f"{name}.md", render_markdown(make_report(name)))


def test_the_html_carries_the_pdf_metadata_and_the_language(make_report: Callable[..., Report]) -> None:
    html = render_html(make_report("quickscan-nl"))
    assert '<html lang="nl">' in html
    assert "<title>Rapport AI-gereedheid: Noordhoek Precisietechniek B.V.</title>" in html
    assert '<meta name="dcterms.created" content="2026-11-27T00:00:00Z">' in html
    assert 'content: "Pagina" " " counter(page) " " "van" " " counter(pages)' in html


def test_hostile_names_and_answers_print_as_text(make_report: Callable[..., Report]) -> None:
    html = render_html(hostile_report(make_report))
    assert "<script" not in html
    assert html.count("<img") == 1  # the brand logo, nothing else
    assert html.count("<style>") == 1 and html.count("</style>") == 1
    assert "url(http://evil.example" not in html.replace("url(http://evil.example/x)}&lt;", "")
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_hostile_names_and_answers_are_escaped_in_markdown(make_report: Callable[..., Report]) -> None:
    text = render_markdown(hostile_report(make_report))
    assert re.findall(r"(?<!\\)<(?!https://)", text) == []  # every < is escaped, except in our own links
    assert "\\<script\\>" in text


def test_a_template_using_an_unknown_variable_fails_instead_of_printing_nothing(
    tmp_path: Path, make_report: Callable[..., Report]
) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "support.html.j2").write_text("{{ report.no_such_field }}")
    with pytest.raises(UndefinedError):
        render_html(make_report(), templates=[tmp_path])


def test_a_templates_folder_overrides_single_files(
    tmp_path: Path, make_report: Callable[..., Report]
) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "support.html.j2").write_text(
        "<section>{{ _('Where to get help') }}: ours</section>"
    )
    html = render_html(make_report("quickscan-nl"), templates=[tmp_path])
    assert "<section>Waar u hulp vindt: ours</section>" in html
    assert "Samenvatting" in html


@pytest.mark.parametrize("path", sorted(EXAMPLE_ANSWERS.glob("*.answers.yaml")), ids=lambda p: p.stem)
def test_every_example_renders_through_the_real_pipeline(path: Path) -> None:
    from readiness.answers import load_answers
    from readiness.assessment import run_assessment
    from readiness.questionnaire.registry import Registry
    from readiness.report.brand import load_brand
    from readiness.report.model import build_report

    loaded = load_answers(path, Registry.default())
    for lang in ("en", "nl"):
        report = build_report(
            run_assessment(loaded.questionnaire, loaded.answers, dt.date(2026, 11, 27)).as_dict(lang),
            loaded.questionnaire,
            loaded.document.data,
            loaded.raw,
            lang,
            load_brand(),
        )
        html = render_html(report)
        assert report.company.name.split()[0] in html
        assert "{'" not in html and "&#39;field&#39;" not in html  # no Python reprs leak into the page
        assert render_markdown(report).startswith("# ")
