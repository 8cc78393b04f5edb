"""Checks on what recommendations cite: the laws they name and the AI Act obligations they cover.

A citation names a law declared under `laws:` (in the file or a module it includes); `covers` names
obligations of the AI Act catalogue, so that the report can show the advice and the duty as one action.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from readiness.errors import Problem
from readiness.questionnaire.model import Origin, Questionnaire


def check_citations(q: Questionnaire) -> list[Problem]:
    """Unknown or duplicate laws, citations of undeclared laws, and covers of unknown obligations."""
    from readiness.aiact import load_catalogue

    problems: list[Problem] = []
    seen: dict[str, Origin] = {}
    for law in q.laws:
        if law.id in seen:
            first = seen[law.id]
            line, _ = first.document.position((*first.path, "id"))
            problems.append(
                _problem(
                    law.origin,
                    f"duplicate law id '{law.id}' (first declared at {first.document.name}:{line})",
                    "id",
                    fix="declare a law once; files that include the module can cite it",
                )
            )
        seen.setdefault(law.id, law.origin)
    obligations = {o.id for o in load_catalogue().obligations}
    for rec in q.recommendations:
        for i, citation in enumerate(rec.cites):
            if citation.law not in seen:
                problems.append(
                    _problem(
                        rec.origin,
                        f"cites the law '{citation.law}', which is not declared under laws:",
                        "cites",
                        i,
                        "law",
                        fix=_suggest(citation.law, seen) or "declare it under laws: with its official source",
                    )
                )
        for i, obligation in enumerate(rec.covers):
            if obligation not in obligations:
                problems.append(
                    _problem(
                        rec.origin,
                        f"covers '{obligation}', which is not an obligation of the AI Act catalogue",
                        "covers",
                        i,
                        fix=_suggest(obligation, obligations)
                        or "use an id from readiness/aiact/data/obligations.yaml",
                    )
                )
    return problems


def _problem(origin: Origin, message: str, *steps: str | int, fix: str) -> Problem:
    return origin.document.problem((*origin.path, *steps), message, fix=fix)


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean '{close[0]}'?" if close else ""
