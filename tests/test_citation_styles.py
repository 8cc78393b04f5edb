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
        "Art. 26(7), 26(11)",
        "Art. 26(7), Art. 26(11)",
        "artikel 26, lid 7, artikel 26, lid 11",
        "Artikel 26 Absatz 7, Artikel 26 Absatz 11",
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


# The other languages, each as its language version of the AI Act cites.
STYLES = {
    "fr": [
        ("Art. 6(1)(e)", "article 6, paragraphe 1, point e)"),
        ("Art. 5(1)(h)(iii)", "article 5, paragraphe 1, point h) iii)"),
        ("Annex III point 4(a)", "annexe III, point 4 a)"),
    ],
    "it": [
        ("Art. 6(1)(e)", "articolo 6, paragrafo 1, lettera e)"),
        ("Art. 3(23)", "articolo 3, punto 23)"),
        ("Art. 4a", "articolo 4 bis"),
    ],
    "es": [
        ("Art. 6(1)(e)", "artículo 6, apartado 1, letra e)"),
        ("Art. 3(23)", "artículo 3, punto 23"),
        ("Art. 5(1)(h)(iii)", "artículo 5, apartado 1, letra h), inciso iii)"),
        ("Art. 26(1)-(3)", "artículo 26, apartados 1 a 3"),
        ("Art. 6(1a)-(1c)", "artículo 6, apartados 1 bis a 1 quater"),
        ("Annex III point 4(a)", "anexo III, punto 4, letra a)"),
        ("Annex I Section B", "anexo I, sección B"),
        ("Art. 4a", "artículo 4 bis"),
        ("Regulation (EC) No 765/2008", "Reglamento (CE) n.º 765/2008"),
        ("Directive 2009/48/EC", "Directiva 2009/48/CE"),
    ],
    "pl": [
        ("Art. 6(1)(e)", "art. 6 ust. 1 lit. e)"),
        ("Art. 3(23)", "art. 3 pkt 23"),
        ("Art. 5(1)(h)(iii)", "art. 5 ust. 1 lit. h) ppkt (iii)"),
        ("Art. 26(1)-(3)", "art. 26 ust. 1–3"),
        ("Annex III point 4(a)", "załącznik III pkt 4 lit. a)"),
        ("Annex I Section B", "załącznik I sekcja B"),
        ("Art. 4a", "art. 4a"),
        ("Regulation (EC) No 765/2008", "rozporządzenie (WE) nr 765/2008"),
        ("Directive 2009/48/EC", "dyrektywa 2009/48/WE"),
    ],
    "pt": [
        ("Art. 6(1)(e)", "artigo 6.º, n.º 1, alínea e)"),
        ("Art. 3(23)", "artigo 3.º, ponto 23"),
        ("Art. 5(1)(h)(iii)", "artigo 5.º, n.º 1, alínea h), subalínea iii)"),
        ("Art. 26(1)-(3)", "artigo 26.º, n.os 1 a 3"),
        ("Art. 6(1a)-(1c)", "artigo 6.º, n.os 1-A a 1-C"),
        ("Art. 4a", "artigo 4.º-A"),
        ("Art. 5(1)(ba)", "artigo 5.º, n.º 1, alínea b-A)"),
        ("Annex III point 4(a)", "anexo III, ponto 4, alínea a)"),
        ("Annex I Section B", "anexo I, secção B"),
        ("Regulation (EC) No 765/2008", "Regulamento (CE) n.º 765/2008"),
        ("Directive 2009/48/EC", "Diretiva 2009/48/CE"),
    ],
    "de": [
        ("Directive 2009/48/EC", "Richtlinie 2009/48/EG"),
        ("Directive 2014/53/EU", "Richtlinie 2014/53/EU"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "citation", "expected"),
    [(lang, c, e) for lang, cases in STYLES.items() for c, e in cases],
    ids=[f"{lang}-{c}" for lang, cases in STYLES.items() for c, _ in cases],
)
def test_a_citation_in_the_other_languages(lang: str, citation: str, expected: str) -> None:
    assert cite(citation, lang, load_catalogue().numbered_points) == expected
