"""The AI system register: read, check against its schema, and fill in the documented defaults.

The register is a contract (`readiness schema aiact-register`): the same fields are what the AI Act part
of every questionnaire asks per AI system. Its JSON Schema is the single source of the fields, their
types and their defaults; this module and the rule contexts read them from there, so adding a field to
the schema is enough to make it usable in the catalogue's conditions.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from readiness.aiact.expressions import T
from readiness.errors import Problem, ProblemsError
from readiness.schemas import check_against_schema, load_schema
from readiness.yamlio import YamlDocument, read_yaml

SCHEMA = "aiact-register"
_SYSTEM_PATH = re.compile(r"^systems\[(\d+)\]\.?(.*)$")


@dataclass(frozen=True)
class AISystem:
    """One AI system: its name, its declared roles, and every register field with its default filled in.

    `values["role"]` holds the declared roles as a tuple, whether the register gave one role or a list.
    """

    name: str
    roles: tuple[str, ...]
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Register:
    """A company's AI systems and the company facts the AI Act engine reads (size, country, language)."""

    source: str
    systems: tuple[AISystem, ...]
    company_name: str = ""
    company_size: str = ""
    company_country: str = ""
    company_language: str = ""
    as_of: datetime.date | None = None
    # Roles the company told us it holds for AI it has not listed (a quick scan's screening answers).
    unlisted_roles: tuple[str, ...] = ()


@cache
def system_fields() -> Mapping[str, Mapping[str, Any]]:
    """The register's per-system fields as the schema defines them, in schema order."""
    properties: dict[str, Any] = load_schema(SCHEMA)["$defs"]["system"]["properties"]
    return MappingProxyType(properties)


def system_symbol_types() -> dict[str, Any]:
    """The rule-engine type of every per-system field, for typing catalogue conditions."""
    types: dict[str, Any] = {}
    for name, spec in system_fields().items():
        if spec.get("type") == "boolean":
            types[name] = T.BOOLEAN
        elif _is_list(spec):
            types[name] = T.ARRAY(T.STRING)
        elif spec.get("format") == "date":
            types[name] = T.DATETIME
        else:
            types[name] = T.STRING
    return types


def _is_list(spec: Mapping[str, Any]) -> bool:
    """A list field, or one that takes a single value or a list (read as a list either way)."""
    kind = spec.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind)


def load_register(path: Path) -> Register:
    """Read and check a register file; raises ProblemsError naming file:line:col, system and field."""
    document = read_yaml(path)
    return _register(document, located=True)


def register_from_data(data: dict[str, Any], source_name: str) -> Register:
    """A register from data already in memory (e.g. an answers file's `ai_systems` and `company`).

    `data` has the register's shape: `{"company": {...}, "systems": [...]}`, `as_of` optional. Problems
    are reported against JSON paths in `data` (`systems[2].annex_iii[0]`), with no line numbers.
    """
    document = YamlDocument(Path(source_name), data, None)
    return _register(document, located=False)


def _register(document: YamlDocument, *, located: bool) -> Register:
    data = document.data
    problems = check_against_schema(document, SCHEMA)
    if not problems:
        problems = _duplicate_names(document)
    if problems:
        raise ProblemsError([_name_system(p, data, located) for p in problems])
    company = data.get("company", {})
    as_of = data.get("as_of")
    return Register(
        source=document.name,
        systems=tuple(_normalise(entry) for entry in data["systems"]),
        company_name=str(company.get("name", "")),
        company_size=str(company.get("size", "")),
        company_country=str(company.get("country", "")),
        company_language=str(company.get("language", "")),
        as_of=datetime.date.fromisoformat(as_of) if as_of else None,
    )


def _duplicate_names(document: YamlDocument) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(document.data["systems"]):
        name = entry["name"]
        if name in seen:
            problems.append(
                document.problem(
                    ("systems", index, "name"),
                    f"the name '{name}' is already used by system {seen[name] + 1}",
                    fix="give every system its own name",
                )
            )
        seen.setdefault(name, index)
    return problems


def _name_system(problem: Problem, data: Any, located: bool) -> Problem:
    """Say which system and field a problem is about, so a user of a long register can find it."""
    match = _SYSTEM_PATH.match(problem.json_path)
    message = problem.message
    if match:
        index, field = int(match.group(1)), match.group(2)
        entry = data["systems"][index] if isinstance(data, dict) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        who = f"system '{name}'" if isinstance(name, str) and name else f"system {index + 1}"
        message = f"{who}, field '{field}': {message}" if field else f"{who}: {message}"
    if not located:
        where = f"{problem.json_path}: " if problem.json_path else ""
        return replace(problem, line=0, column=0, message=where + message)
    return replace(problem, message=message)


def _normalise(entry: Mapping[str, Any]) -> AISystem:
    values: dict[str, Any] = {}
    for name, spec in system_fields().items():
        value = entry.get(name, spec.get("default"))
        if isinstance(value, list):
            value = tuple(value)
        elif _is_list(spec) and isinstance(value, str):
            value = (value,)
        elif spec.get("format") == "date" and isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        values[name] = value
    return AISystem(name=entry["name"], roles=values["role"], values=MappingProxyType(values))
