"""What the schema cannot say about the AI Act catalogue: that its parts agree with each other.

Ids are unique; every schedule, obligation and timeline entry referred to exists; every date an
obligation can apply from is a date of the law in the timeline; every source is one of the law's
sources, and an entry resting on a source still to be verified says so; the register's lists of Annex I
legislation and answers are all used by some rule, so no answer is silently ignored.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from typing import Any

from readiness.aiact.context import COMPANY_WIDE
from readiness.aiact.expressions import Expression
from readiness.aiact.located import Located
from readiness.aiact.model import LABEL_KEYS, Catalogue
from readiness.aiact.register import system_fields
from readiness.errors import Problem
from readiness.schemas import load_schema
from readiness.yamlio import JsonPath

_OBLIGATION_LITERAL = re.compile(r"""["']([a-z0-9_]+)["']\s+in\s+obligations\b""")
_QUOTED = re.compile(r"""["']([^"']+)["']""")
# Register answers each of which some rule must read (derogation conditions count together, "any of").
_ANSWER_FIELDS = ("practices", "annex_iii", "transparency", "exclusion")


def check_semantics(catalogue: Catalogue, data: Mapping[str, Any], located: Located) -> list[Problem]:
    """Every cross-reference problem in a catalogue whose schema and conditions are already fine."""
    checker = _Checker(catalogue, data, located)
    checker.run()
    return checker.problems


class _Checker:
    def __init__(self, catalogue: Catalogue, data: Mapping[str, Any], located: Located) -> None:
        self.catalogue = catalogue
        self.data = data
        self.located = located
        self.problems: list[Problem] = []
        self.law_dates = {e.date.isoformat() for e in catalogue.timeline if e.status == "law"}

    def add(self, json_path: JsonPath, message: str, fix: str = "") -> None:
        self.problems.append(self.located.problem(json_path, message, fix))

    def run(self) -> None:
        for key in ("definitions", "rules", "notes", "obligations", "timeline", "annex_i"):
            self._unique_ids(key, self.data[key])
        self._unique_ids("law", self.data["law"]["sources"], prefix=("law", "sources"))
        self._risk_classes()
        self._definitions()
        self._links()
        self._labels()
        self._schedules()
        self._obligations()
        self._timeline()
        self._texts()
        self._sources()
        self._date_literals()
        self._register_agrees()

    def _unique_ids(self, key: str, entries: Iterable[Mapping[str, Any]], prefix: JsonPath = ()) -> None:
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            if entry["id"] in seen:
                self.add((*(prefix or (key,)), index, "id"), f"the id '{entry['id']}' is used twice")
            seen.add(entry["id"])

    def _risk_classes(self) -> None:
        ids = [c.id for c in self.catalogue.risk_classes]
        for risk in ("out_of_scope", "prohibited", "high", "limited", "minimal"):
            if ids.count(risk) != 1:
                self.add(("risk_classes",), f"the risk class '{risk}' must be listed exactly once")

    def _definitions(self) -> None:
        fields = set(system_fields())
        for index, definition in enumerate(self.catalogue.definitions):
            if definition.id in fields:
                self.add(("definitions", index, "id"), f"'{definition.id}' is already a register field")
        if COMPANY_WIDE not in {d.id for d in self.catalogue.definitions}:
            self.add(
                ("definitions",),
                f"no definition called '{COMPANY_WIDE}'",
                fix="the engine reads it to know which systems count for the company-wide obligations",
            )

    def _links(self) -> None:
        """Every obligation, rule and note cites an article the link form can point to."""
        for key in ("rules", "notes", "obligations"):
            for index, entry in enumerate(self.data[key]):
                if not self.catalogue.links.link(entry["article"], "en"):
                    self.add((key, index, "article"), f"'{entry['article']}' gives no article link")

    def _labels(self) -> None:
        needed = [*LABEL_KEYS, *load_schema("aiact-register")["$defs"]["role"]["enum"]]
        for key in needed:
            if key not in self.catalogue.labels:
                self.add(("labels",), f"the label '{key}' is missing", fix="the reports need it")

    def _schedules(self) -> None:
        for name, cases in self.catalogue.schedules.items():
            for index, case in enumerate(cases):
                last = index == len(cases) - 1
                if last and case.when is not None:
                    self.add(
                        ("schedules", name, index), "the last case must have no 'when': it is the default"
                    )
                if not last and case.when is None:
                    self.add(("schedules", name, index), "only the last case may go without 'when'")
                if case.date is not None and case.date.isoformat() not in self.law_dates:
                    self.add(("schedules", name, index, "date"), self._not_a_law_date(case.date.isoformat()))

    def _obligations(self) -> None:
        by_id = {o.id: o for o in self.catalogue.obligations}
        for index, obligation in enumerate(self.catalogue.obligations):
            path: JsonPath = ("obligations", index, "applies_from")
            start = obligation.applies_from
            if start.date is not None and start.date.isoformat() not in self.law_dates:
                self.add(path, self._not_a_law_date(start.date.isoformat()))
            if start.schedule and start.schedule not in self.catalogue.schedules:
                self.add(path, f"no schedule called '{start.schedule}'")
            if start.schedule and obligation.scope == "company":
                self.add(
                    path, "a company-wide obligation cannot follow a per-system schedule", fix="use follows"
                )
            if start.follows:
                target = by_id.get(start.follows)
                if target is None or target.scope != "system":
                    self.add(path, f"'{start.follows}' is not a per-system obligation")
                if obligation.scope != "company":
                    self.add(path, "only a company-wide obligation can follow another")
            if obligation.when is not None:
                for named in _OBLIGATION_LITERAL.findall(obligation.when.text):
                    if named not in by_id:
                        self.add(("obligations", index, "when"), f"no obligation called '{named}'")

    def _timeline(self) -> None:
        ids = {e.id for e in self.catalogue.timeline}
        for index, entry in enumerate(self.catalogue.timeline):
            if entry.replaced_by and entry.replaced_by not in ids:
                self.add(
                    ("timeline", index, "replaced_by"), f"no timeline entry called '{entry.replaced_by}'"
                )
            if entry.status == "superseded" and not entry.replaced_by:
                self.add(
                    ("timeline", index), "a superseded date must say what replaced it", fix="add replaced_by"
                )

    def _texts(self) -> None:
        """Placeholders such as {annex_iii} must name register fields; notes must name one too."""
        fields = set(system_fields())
        for key, text_key in (("rules", "because"), ("notes", "text")):
            for index, entry in enumerate(self.data[key]):
                for lang, text in entry[text_key].items():
                    for _, name, _, _ in string.Formatter().parse(text):
                        if name is not None and name not in fields:
                            self.add((key, index, text_key, lang), f"'{{{name}}}' is not a register field")
        for index, note in enumerate(self.catalogue.notes):
            if note.field not in fields:
                self.add(("notes", index, "field"), f"'{note.field}' is not a register field")

    def _sources(self) -> None:
        sources = {s.url: s for s in self.catalogue.sources}
        for key in ("annex_i", "rules", "notes", "obligations", "timeline"):
            for index, entry in enumerate(self.data[key]):
                source = sources.get(entry["source"])
                if source is None:
                    self.add((key, index, "source"), "not one of the law's sources", fix="see law.sources")
                elif source.verify and not (entry.get("verify") and entry.get("note")):
                    self.add(
                        (key, index),
                        f"this entry rests on '{source.id}', which must still be verified",
                        fix="add verify: true and a note saying what to check",
                    )

    def _date_literals(self) -> None:
        expressions: list[tuple[JsonPath, Expression]] = [
            (("definitions", i, "when"), d.when) for i, d in enumerate(self.catalogue.definitions)
        ]
        for name, cases in self.catalogue.schedules.items():
            expressions += [(("schedules", name, i, "when"), c.when) for i, c in enumerate(cases) if c.when]
        for path, expression in expressions:
            for literal in expression.date_literals():
                if literal not in self.law_dates:
                    self.add(path, self._not_a_law_date(literal))

    def _register_agrees(self) -> None:
        """Schema and catalogue name the same Annex I acts and Annex III points; every answer is read."""
        fields = system_fields()
        schema_ids = list(fields["annex_i"]["items"]["enum"])
        catalogue_ids = [entry.id for entry in self.catalogue.annex_i]
        if sorted(schema_ids) != sorted(catalogue_ids):
            missing = sorted(set(schema_ids) ^ set(catalogue_ids))
            self.add(
                ("annex_i",), f"the register schema and the catalogue differ on Annex I: {', '.join(missing)}"
            )
        points = load_schema("aiact-register")["$defs"]["annex_iii_point"]["enum"]
        if [entry.id for entry in self.catalogue.annex_iii] != list(points):
            self.add(("annex_iii",), "the register schema and the catalogue differ on the Annex III points")
        quoted: set[str] = set()
        for rule in self.catalogue.rules:
            quoted.update(_QUOTED.findall(rule.when.text))
        for definition in self.catalogue.definitions:
            quoted.update(_QUOTED.findall(definition.when.text))
        for field in _ANSWER_FIELDS:
            spec = fields[field]
            items = spec.get("items", {})
            if "$ref" in items:
                values = load_schema("aiact-register")["$defs"]["annex_iii_point"]["enum"]
            else:
                values = items.get("enum", spec.get("enum", []))
            for value in values:
                if value not in quoted and value != spec.get("default"):
                    self.add(("rules",), f"no rule reads the answer {field}: {value}")

    def _not_a_law_date(self, date: str) -> str:
        return f"{date} is not a date of the law in the timeline (status: law)"
