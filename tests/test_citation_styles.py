"""Citations written the way each language's texts of EU law write them (locale/<lang>/language.yaml)."""

from __future__ import annotations

import pytest

from readiness.aiact import load_catalogue
from readiness.l10n.citations import cite

CASES = [
    ("Art. 3(23)", "Art. 3(23)", "artikel 3, punt 23)", "Artikel 3 Nummer 23"),
    ("Art. 6(1)(e)", "Art. 6(1)(e)", "artikel 6, lid 1, punt e)", "Artikel 6 Absatz 1 Buchstabe e"),
    (
        "Art. 5(1)(h)(iii)",
        "Art. 5(1)(h)(iii)",
        "artikel 5, lid 1, punt h), punt iii)",
        "Artikel 5 Absatz 1 Buchstabe h Ziffer iii",
    ),
    ("Art. 5(1)(i)", "Art. 5(1)(i)", "artikel 5, lid 1, punt i)", "Artikel 5 Absatz 1 Buchstabe i"),
    ("Art. 26(1)-(3)", "Art. 26(1)-(3)", "artikel 26, leden 1 tot en met 3", "Artikel 26 Absätze 1 bis 3"),
    (
        "Annex III point 4(a)",
        "Annex III point 4(a)",
        "bijlage III, punt 4, a)",
        "Anhang III Nummer 4 Buchstabe a",
    ),
    ("Annex I Section B", "Annex I Section B", "bijlage I, afdeling B", "Anhang I Abschnitt B"),
    ("Art. 4a", "Art. 4a", "artikel 4 bis", "Artikel 4a"),
    ("Art. 50(2), (4)", "Art. 50(2), (4)", "artikel 50, lid 2, lid 4", "Artikel 50 Absatz 2, Absatz 4"),
    (
        "Art. 5(1)(a), (b)",
        "Art. 5(1)(a), (b)",
        "artikel 5, lid 1, punt a), punt b)",
        "Artikel 5 Absatz 1 Buchstabe a, Buchstabe b",
    ),
    (
        "Regulation (EC) No 765/2008",
        "Regulation (EC) No 765/2008",
        "Verordening (EG) nr. 765/2008",
        "Verordnung (EG) Nr. 765/2008",
    ),
]


@pytest.mark.parametrize(("citation", "en", "nl", "de"), CASES, ids=[c[0] for c in CASES])
def test_a_citation_in_each_language(citation: str, en: str, nl: str, de: str) -> None:
    points = load_catalogue().numbered_points
    assert cite(citation, "nl", points) == nl
    assert cite(citation, "de", points) == de
    assert cite(citation, "en", points) == en
