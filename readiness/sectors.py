"""Choosing the questionnaire for a NACE code: the most specific `sector:` match wins; `*` takes the rest."""

from __future__ import annotations

from readiness.errors import ReadinessError
from readiness.questionnaire.registry import Registry


def _matches(code: str, nace: str) -> int:
    """How specifically `code` (from a questionnaire's `sector:`) covers `nace`; 0 when it does not."""
    nace = nace.upper()
    if code == "*":
        return 1
    if code[0].isalpha():
        return 2 + len(code) if nace.startswith(code.upper()) else 0
    return 2 + len(code) + 1 if nace[1:].startswith(code) else 0


def questionnaire_for_nace(registry: Registry, nace: str) -> str:
    """The id of the questionnaire that fits `nace` best (e.g. C10.5 -> agri-food, C28 -> manufacturing)."""
    best: tuple[int, str] = (0, "")
    for qid in registry.ids():
        latest = registry.load(f"{qid}@{registry.versions(qid)[-1]}")
        if latest.kind != "questionnaire":
            continue
        for code in latest.sector:
            rank = _matches(code, nace)
            if rank > best[0] or (rank == best[0] and rank and qid < best[1]):
                best = (rank, qid)
    if not best[1]:
        raise ReadinessError(f"no questionnaire covers NACE code {nace}; choose one with --questionnaire")
    return best[1]
