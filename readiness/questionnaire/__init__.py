"""Questionnaires: the model, loading with includes, the registry of versions, and the author's checks."""

# First: rule-engine (the conditions) with its parser tables from the content cache; see rule_tables.
from readiness import rule_tables  # noqa: F401
from readiness.questionnaire.loader import compile_questionnaire, load_questionnaire
from readiness.questionnaire.model import Question, Questionnaire, tr
from readiness.questionnaire.registry import Registry

__all__ = ["Question", "Questionnaire", "Registry", "compile_questionnaire", "load_questionnaire", "tr"]
