"""Loading the AI Act catalogue: the YAML files in `data/`, checked against their schema and each other.

The catalogue is split by kind (law, rules, obligations, timeline) so that each file reads on its own;
together they form one document whose keys may each appear in one file only. Every condition is parsed
here, once, against the names it may use; a problem anywhere is reported with its file, line and column
(`readiness validate` calls `check_catalogue`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from readiness.aiact.checks import check_semantics
from readiness.aiact.context import COMPANY_TYPES, system_types
from readiness.aiact.expressions import Expression, ExpressionError, T, compile_expression
from readiness.aiact.located import Located
from readiness.aiact.model import (
    AnnexIEntry,
    AnnexIIIEntry,
    AppliesFrom,
    ArticleLinks,
    Catalogue,
    Definition,
    Note,
    Obligation,
    RiskClass,
    RoleRule,
    Rule,
    ScheduleCase,
    Source,
    TimelineEntry,
)
from readiness.errors import Problem, ProblemsError
from readiness.l10n.content import file_prefix, translate_document
from readiness.schemas import check_against_schema
from readiness.yamlio import JsonPath, YamlDocument, read_yaml

SCHEMA = "aiact-catalogue"
DATA_DIR = Path(__file__).resolve().parent / "data"
REQUIRED_KEYS = (
    "version", "law", "notice", "risk_classes", "ai_system_questions", "annex_i", "annex_iii", "labels",
    "definitions", "roles", "rules", "notes", "schedules", "obligations", "timeline",
)  # fmt: skip


def catalogue_documents(folder: Path = DATA_DIR) -> list[YamlDocument]:
    """The catalogue's YAML files, read with positions, in name order."""
    return [read_yaml(path, cache=True) for path in sorted(folder.glob("*.yaml"))]


def build_catalogue(documents: Sequence[YamlDocument]) -> tuple[Catalogue | None, list[Problem]]:
    """Check the documents and build the catalogue; the catalogue is None when any problem was found."""
    problems: list[Problem] = []
    for document in documents:
        problems += check_against_schema(document, SCHEMA)
    if problems:
        return None, problems
    documents = [translate_document(d, d.path.parent, file_prefix(d.path, d.path.parent)) for d in documents]
    owners: dict[str, YamlDocument] = {}
    for document in documents:
        for key in document.data:
            if key in owners:
                problems.append(
                    document.problem((key,), f"'{key}' is already given in {owners[key].name}", key=True)
                )
            owners.setdefault(key, document)
    for key in REQUIRED_KEYS:
        if key not in owners:
            where = documents[0].name if documents else str(DATA_DIR)
            problems.append(Problem(where, 0, 0, f"the catalogue has no '{key}'", fix="add it to one file"))
    if problems:
        return None, problems
    data = {key: owners[key].data[key] for key in REQUIRED_KEYS}
    located = Located(owners)
    builder = _Builder(data, located)
    catalogue = builder.build()
    problems = builder.problems or check_semantics(catalogue, data, located)
    return (None if problems else catalogue), problems


@cache
def _shipped() -> tuple[Catalogue | None, tuple[Problem, ...]]:
    try:
        catalogue, problems = build_catalogue(catalogue_documents())
    except ProblemsError as exc:
        return None, tuple(exc.problems)
    return catalogue, tuple(problems)


def check_catalogue() -> list[Problem]:
    """Every problem in the shipped catalogue: schema, conditions, ids, references, dates, sources."""
    return list(_shipped()[1])


def load_catalogue() -> Catalogue:
    """The shipped catalogue, checked (once per process); a broken one raises ProblemsError."""
    catalogue, problems = _shipped()
    if catalogue is None:
        raise ProblemsError(list(problems))
    return catalogue


_NEVER = compile_expression("false", {})


class _Builder:
    """Turns checked catalogue data into typed values, collecting condition problems as it goes."""

    def __init__(self, data: Mapping[str, Any], located: Located) -> None:
        self.data = data
        self.located = located
        self.problems: list[Problem] = []
        self.types = system_types()

    def build(self) -> Catalogue:
        data = self.data
        law = data["law"]
        definitions = self._definitions()
        return Catalogue(
            version=data["version"],
            regulation=law["regulation"],
            amended_by=law["amended_by"],
            numbered_points=tuple(law.get("numbered_points", ())),
            checked=law["checked"],
            sources=tuple(Source(**source) for source in law["sources"]),
            links=ArticleLinks(**{**law["links"], "languages": _text(law["links"]["languages"])}),
            notice=_text(data["notice"]),
            risk_classes=tuple(
                RiskClass(c["id"], _text(c["label"]), c.get("exclusive", False)) for c in data["risk_classes"]
            ),
            ai_system_questions=tuple(_text(q) for q in data["ai_system_questions"]),
            annex_i=tuple(
                AnnexIEntry(e["id"], e["section"], e["point"], e["legislation"], _text(e["title"]))
                for e in data["annex_i"]
            ),
            annex_iii=tuple(AnnexIIIEntry(e["id"], e["point"], _text(e["title"])) for e in data["annex_iii"]),
            labels=MappingProxyType({key: _text(value) for key, value in data["labels"].items()}),
            definitions=definitions,
            roles=tuple(
                RoleRule(r["role"], self._when(("roles", i, "when"), r["when"]))
                for i, r in enumerate(data["roles"])
            ),
            rules=tuple(self._rule(i, r) for i, r in enumerate(data["rules"])),
            notes=tuple(self._note(i, n) for i, n in enumerate(data["notes"])),
            schedules=MappingProxyType(
                {name: self._schedule(name, cases) for name, cases in data["schedules"].items()}
            ),
            obligations=tuple(self._obligation(i, o) for i, o in enumerate(data["obligations"])),
            timeline=tuple(self._timeline_entry(e) for e in data["timeline"]),
        )

    def _when(self, json_path: JsonPath, text: str, types: Mapping[str, Any] | None = None) -> Expression:
        try:
            return compile_expression(text, self.types if types is None else types)
        except ExpressionError as exc:
            self.problems.append(self.located.problem(json_path, f"condition: {exc}"))
            return _NEVER

    def _definitions(self) -> tuple[Definition, ...]:
        """Definitions are typed one by one, so each may use only the ones before it."""
        built = []
        for index, entry in enumerate(self.data["definitions"]):
            when = self._when(("definitions", index, "when"), entry["when"])
            built.append(Definition(entry["id"], entry.get("article", ""), when))
            self.types[entry["id"]] = T.BOOLEAN
        return tuple(built)

    def _rule(self, index: int, entry: Mapping[str, Any]) -> Rule:
        return Rule(
            id=entry["id"],
            when=self._when(("rules", index, "when"), entry["when"]),
            risk=entry.get("risk"),
            article=entry["article"],
            annex=entry.get("annex"),
            because=_text(entry["because"]),
            source=entry["source"],
            checked=entry["checked"],
            verify=entry.get("verify", False),
            note=entry.get("note", ""),
        )

    def _note(self, index: int, entry: Mapping[str, Any]) -> Note:
        return Note(
            id=entry["id"],
            when=self._when(("notes", index, "when"), entry["when"]),
            field=entry["field"],
            article=entry["article"],
            text=_text(entry["text"]),
            questions=entry.get("questions", False),
            source=entry["source"],
            checked=entry["checked"],
            verify=entry.get("verify", False),
            note=entry.get("note", ""),
        )

    def _schedule(self, name: str, cases: list[Mapping[str, Any]]) -> tuple[ScheduleCase, ...]:
        return tuple(
            ScheduleCase(
                when=self._when(("schedules", name, i, "when"), case["when"]) if "when" in case else None,
                date=_date(case["date"]),
                article=case["article"],
                verify=case.get("verify", False),
                note=case.get("note", ""),
            )
            for i, case in enumerate(cases)
        )

    def _obligation(self, index: int, entry: Mapping[str, Any]) -> Obligation:
        scope = entry.get("scope", "system")
        types = COMPANY_TYPES if scope == "company" else None
        raw = entry["applies_from"]
        if isinstance(raw, dict):
            applies_from = AppliesFrom(follows=raw["follows"])
        elif _date(raw) is not None:
            applies_from = AppliesFrom(date=_date(raw))
        else:
            applies_from = AppliesFrom(schedule=raw)
        return Obligation(
            id=entry["id"],
            scope=scope,
            article=entry["article"],
            roles=tuple(entry["roles"]),
            risks=tuple(entry["risks"]),
            when=self._when(("obligations", index, "when"), entry["when"], types)
            if "when" in entry
            else None,
            title=_text(entry["title"]),
            text=_text(entry["text"]),
            applies_from=applies_from,
            source=entry["source"],
            checked=entry["checked"],
            verify=entry.get("verify", False),
            note=entry.get("note", ""),
            kind=entry.get("kind", "duty"),
        )

    def _timeline_entry(self, entry: Mapping[str, Any]) -> TimelineEntry:
        return TimelineEntry(
            id=entry["id"],
            date=datetime.date.fromisoformat(entry["date"]),
            status=entry["status"],
            article=entry["article"],
            what=_text(entry["what"]),
            source=entry["source"],
            checked=entry["checked"],
            replaced_by=entry.get("replaced_by", ""),
            verify=entry.get("verify", False),
            note=entry.get("note", ""),
        )


def _text(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _date(value: object) -> datetime.date | None:
    """A YYYY-MM-DD string as a date; anything else (a schedule name, null) as None."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
