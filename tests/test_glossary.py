"""Each language's glossary: `validate` flags every wrong variant of a term, in any text of the language."""

from __future__ import annotations

import pytest

from readiness.l10n.glossary import _flag, terms
from readiness.l10n.languages import tool_languages

LANGUAGES = [lang for lang in tool_languages() if lang != "en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_wrong_word_of_the_glossary_is_flagged_in_a_sentence(lang: str) -> None:
    cases = [(term.id, word) for term in terms(lang) for word in term.words]
    assert cases, f"the {lang} glossary names wrong words"
    texts = [("demo.yaml", n, 1, f"Zz {word} zz.") for n, (_, word) in enumerate(cases, start=1)]
    flagged = {problem.line for problem in _flag(lang, texts)}
    missed = [case for n, case in enumerate(cases, start=1) if n not in flagged]
    assert missed == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_right_terms_themselves_are_not_flagged(lang: str) -> None:
    texts = [("demo.yaml", n, 1, term.term) for n, term in enumerate(terms(lang), start=1)]
    assert _flag(lang, texts) == []
