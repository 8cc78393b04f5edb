"""docs/ai-act.md: its reference part is generated from the catalogue and must not drift from it."""

from __future__ import annotations

import pytest

from readiness.aiact import load_catalogue
from readiness.aiact.reference import BEGIN, END, reference_markdown
from tests.conftest import ROOT

DOC = ROOT / "docs" / "ai-act.md"


def test_the_reference_in_the_method_document_matches_the_catalogue(request: pytest.FixtureRequest) -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN + "\n", 1)
    _, tail = rest.split(END, 1)
    expected = f"{head}{BEGIN}\n{reference_markdown(load_catalogue())}{END}{tail}"
    if request.config.getoption("--update-golden"):
        DOC.write_text(expected, encoding="utf-8")
        text = expected
    assert text == expected, "docs/ai-act.md is out of date: run pytest --update-golden and review the diff"


def test_the_method_document_says_it_is_not_legal_advice_and_where_a_lawyer_is_needed() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "Not legal advice" in text
    assert "where a lawyer is needed" in text
    for article in {o.article for o in load_catalogue().obligations}:
        assert article in text, article
