"""Questionnaires: the model, loading with includes, the registry of versions, and the author's checks.

The names below load on first use, so that a module needing only the model (a command's options, say)
does not pull in the loader and the condition engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readiness.questionnaire.loader import compile_questionnaire, load_questionnaire
    from readiness.questionnaire.model import Question, Questionnaire, tr
    from readiness.questionnaire.registry import Registry

__all__ = ["Question", "Questionnaire", "Registry", "compile_questionnaire", "load_questionnaire", "tr"]

_HOMES = {
    "compile_questionnaire": "loader",
    "load_questionnaire": "loader",
    "Question": "model",
    "Questionnaire": "model",
    "tr": "model",
    "Registry": "registry",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
