"""The EU AI Act engine: risk class, role, obligations and dates for every AI system a company has.

The law lives in data (`data/*.yaml`, checked by `readiness validate`); this package only evaluates it.
Results are an automated first reading, not legal advice.
"""

from readiness.aiact.catalogue import check_catalogue, load_catalogue
from readiness.aiact.classify import classify_systems
from readiness.aiact.model import Catalogue
from readiness.aiact.register import AISystem, Register, load_register, register_from_data
from readiness.aiact.result import AIActAssessment

__all__ = [
    "AIActAssessment",
    "AISystem",
    "Catalogue",
    "Register",
    "check_catalogue",
    "classify_systems",
    "load_catalogue",
    "load_register",
    "register_from_data",
]
