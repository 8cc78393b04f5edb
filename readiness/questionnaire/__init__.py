"""Questionnaires: the model, loading with includes, the registry of versions, and the author's checks."""

from readiness.questionnaire.loader import compile_questionnaire, load_questionnaire
from readiness.questionnaire.model import Question, Questionnaire, tr
from readiness.questionnaire.registry import Registry

__all__ = ["Question", "Questionnaire", "Registry", "compile_questionnaire", "load_questionnaire", "tr"]
