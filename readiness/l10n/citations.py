"""Article citations written the way each language writes them.

The data cites the English way, as the schemas require (`Art. 6(1)(a)`, `Art. 6(1a)-(1c)`,
`Annex III point 4(a)`, `Annex I Section B`, `Regulation (EU) 2024/1689`), so rules and links can read
them. When a citation is shown, `cite` rewrites it with the templates in the language's `language.yaml`:
`artikel 6, lid 1, punt a)`, `Verordening (EU) 2024/1689` in Dutch. A citation that is not in one of
those forms is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from readiness.l10n.languages import known_language

_ARTICLE = re.compile(
    r"^Art\. (?P<number>\d+)(?P<inserted>[a-z]*)(?P<groups>(?:\([0-9a-z]+\))*)(?:-\((?P<last>[0-9a-z]+)\))?$"
)
_ANNEX = re.compile(
    r"^Annex (?P<number>[IVXLC]+)(?: Section (?P<section>[A-Z]))?"
    r"(?: point (?P<point>\d+[a-z]*)(?P<groups>(?:\([0-9a-z]+\))*))?$"
)
_ACT = re.compile(r"^(?P<kind>[A-Z][a-z]+) \((?P<union>[A-Za-z, ]+)\) (?:No )?(?P<number>\d+/\d+)$")
# The older form, the union after the number: Directive 2009/48/EC.
_ACT_BEFORE_2015 = re.compile(r"^(?P<kind>[A-Z][a-z]+) (?P<number>\d+/\d+)/(?P<union>[A-Z]+)$")
_NUMBERED = re.compile(r"^[A-Z][a-z]+ \([A-Za-z, ]+\) No ")
_GROUP = re.compile(r"\(([0-9a-z]+)\)")
_CONTINUED = re.compile(r"^\((?P<token>[0-9a-z]+)\)$")
_ROMAN = re.compile(r"^[ivx]+$")
_BARE_ARTICLE = re.compile(r"^\d+[a-z]*(?:\([0-9a-z]+\))*$")


def cite(citation: str, lang: str, enumerated: Collection[str] = ()) -> str:
    """`citation` written the way `lang` cites law; `enumerated` names articles made of numbered points
    rather than paragraphs (the AI Act's Art. 3), whose `(23)` is a point."""
    templates = known_language(lang).citation
    parts: list[str] = []
    previous = ""
    for part in citation.split(", "):
        continued = _CONTINUED.match(part)
        if continued and parts:
            # "Art. 50(2), (4)" goes on with a paragraph; "Art. 5(1)(a), (b)" with a point.
            article = _ARTICLE.match(previous)
            paragraph = (
                article is not None
                and len(_GROUP.findall(article["groups"])) == 1
                and article["number"] not in enumerated
            )
            token = continued["token"]
            template = templates["paragraph"] if paragraph else _point(token, templates)
            parts[-1] += str(templates["join"]) + _fill(template, _token(token, templates)).lstrip(", ")
            continue
        if _BARE_ARTICLE.match(part) and _ARTICLE.match(previous):
            part = f"Art. {part}"  # "Art. 26(7), 26(11)": the second is an article too
        previous = part
        parts.append(_one(part, templates, enumerated))
    return str(templates["join"]).join(parts)


def cite_all(citations: list[str], lang: str, enumerated: Collection[str] = ()) -> str:
    """Several citations, each written the language's way, joined as the language joins them."""
    return str(known_language(lang).citation["join"]).join(cite(c, lang, enumerated) for c in citations)


def capfirst(text: str) -> str:
    """`text` with its first letter a capital, for a citation that opens a line."""
    return text[:1].upper() + text[1:]


def _one(part: str, templates: Mapping[str, object], enumerated: Collection[str]) -> str:
    article = _ARTICLE.match(part)
    if article:
        inserted = _inserted(article["inserted"], templates)
        pattern = str(templates["article"])
        # Portuguese puts the amendment's letter after the ordinal: "artigo 4.º-A".
        if "{inserted}" in pattern:
            out = pattern.format(number=article["number"], inserted=inserted)
        else:
            out = _fill(pattern, article["number"] + inserted)
        groups = _GROUP.findall(article["groups"])
        if article["last"] and len(groups) == 1:
            first, last = (_token(g, templates) for g in (groups[0], article["last"]))
            return out + str(templates["paragraphs"]).format(first=first, last=last)
        for index, group in enumerate(groups):
            if index == 0 and article["number"] not in enumerated:
                out += _fill(templates["paragraph"], _token(group, templates))
            else:
                after_letter = index > 0 and not groups[index - 1][0].isdigit()
                template = _point(group, templates, after_letter=after_letter)
                out += _fill(template, _token(group, templates))
        return out
    act = _ACT.match(part)
    if act and act["kind"] in templates["acts"]:  # type: ignore[operator]
        kinds, unions = templates["acts"], templates["unions"]
        assert isinstance(kinds, Mapping) and isinstance(unions, Mapping)
        number = act["number"]
        if _NUMBERED.match(part):
            number = str(templates["act_number"]).format(number=number)
        return f"{kinds[act['kind']]} ({unions.get(act['union'], act['union'])}) {number}"
    older = _ACT_BEFORE_2015.match(part)
    if older and older["kind"] in templates["acts"]:  # type: ignore[operator]
        kinds, unions = templates["acts"], templates["unions"]
        assert isinstance(kinds, Mapping) and isinstance(unions, Mapping)
        return f"{kinds[older['kind']]} {older['number']}/{unions.get(older['union'], older['union'])}"
    annex = _ANNEX.match(part)
    if annex:
        out = _fill(templates["annex"], annex["number"])
        if annex["section"]:
            out += _fill(templates["section"], annex["section"])
        if annex["point"]:
            out += _fill(templates["annex_point"], _token(annex["point"], templates))
            for group in _GROUP.findall(annex["groups"] or ""):
                out += _fill(templates["annex_subpoint"], _token(group, templates))
        return out
    return part


def _point(token: str, templates: Mapping[str, object], *, after_letter: bool = False) -> object:
    """The template of a point: a language that names points by their kind (German: Nummer 23, Buchstabe
    e, Ziffer iii) has `numbered_point` and `roman_point` beside `point`. A roman numeral is a point only
    below a lettered point ((h)(iii)); on its own, (i) is the letter after (h)."""
    if token[0].isdigit():
        return templates.get("numbered_point", templates["point"])
    if after_letter and _ROMAN.match(token):
        return templates.get("roman_point", templates["point"])
    return templates["point"]


def _token(token: str, templates: Mapping[str, object]) -> str:
    """A paragraph or point number with the letter an amendment added written the language's way:
    `1a` and `ba` are `1 bis` and `b bis` in a language that writes so; `a` and `iv` stay as they are."""
    if token[0].isdigit():
        digits = token.rstrip("abcdefghijklmnopqrstuvwxyz")
        return digits + _inserted(token[len(digits) :], templates)
    if len(token) == 2 and not _ROMAN.match(token):
        return token[0] + _inserted(token[1], templates)
    return token


def _inserted(letters: str, templates: Mapping[str, object]) -> str:
    inserted = templates["inserted"]
    assert isinstance(inserted, Mapping)
    if letters and all(letter in inserted for letter in letters):
        return "".join(str(inserted[letter]) for letter in letters)
    return letters


def _fill(template: object, number: str) -> str:
    return str(template).format(number=number)


def localise_result(result: Mapping[str, Any], lang: str, enumerated: Collection[str] = ()) -> dict[str, Any]:
    """A copy of an assessment result (its JSON form) with every article, annex and act it cites written
    the way `lang` cites law, in running-text form: for showing it. The JSON result keeps the English
    form, which rules and links read. `enumerated` applies to the AI Act's own articles only."""
    out = dict(result)
    if out.get("ai_act"):
        out["ai_act"] = localise_citations(out["ai_act"], lang, enumerated)
    readiness = out.get("readiness")
    if isinstance(readiness, Mapping) and readiness.get("recommendations"):
        out["readiness"] = {
            **readiness,
            "recommendations": localise_citations(readiness["recommendations"], lang, ()),
        }
    return out


_CITING_KEYS = frozenset({"article", "annex", "regulation", "amended_by"})


def localise_citations(value: Any, lang: str, enumerated: Collection[str] = ()) -> Any:
    """`value` (plain data) with every `article`, `annex`, `regulation` and `amended_by` in it cited the
    way `lang` cites law."""
    if isinstance(value, Mapping):
        return {
            key: cite(item, lang, enumerated)
            if key in _CITING_KEYS and isinstance(item, str)
            else localise_citations(item, lang, enumerated)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [localise_citations(item, lang, enumerated) for item in value]
    return value
