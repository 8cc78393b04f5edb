"""The names a catalogue condition may use, and their values for one system or for the company.

Kept in one place so that what a condition is checked against when the catalogue loads is exactly what
it is evaluated with when a register is classified.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from readiness.aiact.expressions import T, engine_value
from readiness.aiact.model import AnnexIEntry
from readiness.aiact.register import AISystem, Register, system_symbol_types

# The catalogue definition that says whether a system counts for the company-wide obligations (AI literacy,
# the SME relief); `readiness validate` checks that the catalogue has it.
COMPANY_WIDE = "company_wide"

# Beyond the register's own fields: what the engine derives for each system.
DERIVED_SYSTEM_TYPES: dict[str, Any] = {
    "annex_i_sections": T.ARRAY(T.STRING),
    "company_size": T.STRING,
    "company_country": T.STRING,
}
COMPANY_TYPES: dict[str, Any] = {
    "company_size": T.STRING,
    "company_country": T.STRING,
    "roles": T.ARRAY(T.STRING),
    "risks": T.ARRAY(T.STRING),
    "obligations": T.ARRAY(T.STRING),
}


def system_types() -> dict[str, Any]:
    """Types of every name a per-system condition may use before the catalogue's definitions."""
    return {**system_symbol_types(), **DERIVED_SYSTEM_TYPES}


def system_values(system: AISystem, register: Register, annex_i: Iterable[AnnexIEntry]) -> dict[str, Any]:
    """The values of `system_types()` for one system."""
    values = {name: engine_value(value) for name, value in system.values.items()}
    chosen = set(system.values["annex_i"])
    sections: list[str] = []
    for entry in annex_i:
        if entry.id in chosen and entry.section not in sections:
            sections.append(entry.section)
    values["annex_i_sections"] = tuple(sections)
    values["company_size"] = register.company_size
    values["company_country"] = register.company_country
    return values


def company_values(register: Register, gathered: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """The values of COMPANY_TYPES: company facts plus roles, risks and obligations over its systems."""
    return {
        "company_size": register.company_size,
        "company_country": register.company_country,
        **{name: tuple(values) for name, values in gathered.items()},
    }
