"""Loading the draft templates (`data/*.yaml`): checked against their schema, the catalogue and each other.

A draft serves obligations of the AI Act catalogue, so every obligation it names must exist there and bind
one of the roles the draft is written for; every `{fact}` in a text must be a fact the engine fills in; and
the shared labels must name every register value a draft can quote. `readiness validate` reports each
problem at its file, line and column.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from readiness.aiact.catalogue import load_catalogue
from readiness.aiact.drafts.model import DraftTemplate, FieldTemplate, SectionTemplate, Templates
from readiness.aiact.model import Catalogue, LangText
from readiness.aiact.register import system_fields
from readiness.errors import Problem, ProblemsError
from readiness.l10n.content import file_prefix, translate_document
from readiness.schemas import check_against_schema, load_schema
from readiness.yamlio import JsonPath, YamlDocument, read_yaml

SCHEMA = "aiact-drafts"
DATA_DIR = Path(__file__).resolve().parent / "data"
# Words the writers put around every draft; the labels file must give each one.
WORD_KEYS = (
    "draft", "serves", "read_article", "company", "system", "role", "prepared", "filled", "filled_none",
    "to_add", "to_add_none", "add_here", "sample", "checklist", "yes", "no", "not_given", "none", "and",
    "index_title", "index_intro", "index_none", "document", "article", "file", "for", "whole_company",
    "unverified", "not_legal_advice", "index_notice",
)  # fmt: skip
# Register fields whose values a draft quotes by name, in the labels file's `values`.
NAMED_VALUES = ("status", "derogation", "transparency")


def fact_names() -> tuple[str, ...]:
    """The facts a template may name (`value:` or `{fact}` in a text), as the schema lists them."""
    return tuple(load_schema(SCHEMA)["$defs"]["fact"]["enum"])


def template_documents(folder: Path = DATA_DIR) -> list[YamlDocument]:
    """The template files, read with positions, in name order."""
    return [read_yaml(path) for path in sorted(folder.glob("*.yaml"))]


def build_templates(
    documents: Iterable[YamlDocument], catalogue: Catalogue
) -> tuple[Templates | None, list[Problem]]:
    """Check the documents and build the templates; None when any problem was found."""
    documents = list(documents)
    problems = [p for document in documents for p in check_against_schema(document, SCHEMA)]
    if problems:
        return None, problems
    documents = [translate_document(d, d.path.parent, file_prefix(d.path, d.path.parent)) for d in documents]
    drafts: list[DraftTemplate] = []
    labels: Mapping[str, Any] | None = None
    seen: dict[str, str] = {}
    for document in documents:
        if "draft_labels" in document.data:
            labels = document.data["draft_labels"]
            problems += _check_labels(document)
            continue
        entry = document.data["draft"]
        if entry["id"] in seen:
            problems.append(
                document.problem(
                    ("draft", "id"), f"the draft '{entry['id']}' is already in {seen[entry['id']]}"
                )
            )
        seen.setdefault(entry["id"], document.name)
        problems += _check_draft(document, catalogue)
        drafts.append(_draft(entry))
    if labels is None:
        where = documents[0].name if documents else str(DATA_DIR)
        problems.append(Problem(where, 0, 0, "no file gives the draft labels", fix="add draft_labels.yaml"))
    if problems or labels is None:
        return None, problems
    words = MappingProxyType({key: _text(value) for key, value in labels["words"].items()})
    values = MappingProxyType(
        {
            field: MappingProxyType({key: _text(text) for key, text in names.items()})
            for field, names in labels["values"].items()
        }
    )
    return Templates(tuple(drafts), words, values), []


@cache
def _shipped() -> tuple[Templates | None, tuple[Problem, ...]]:
    try:
        templates, problems = build_templates(template_documents(), load_catalogue())
    except ProblemsError as exc:
        return None, tuple(exc.problems)
    return templates, tuple(problems)


def check_templates(paths: list[Path] | None = None) -> list[Problem]:
    """Every problem in the shipped draft templates (they are checked as a whole, like the catalogue)."""
    return list(_shipped()[1])


def load_templates() -> Templates:
    """The shipped draft templates, checked (once per process); broken ones raise ProblemsError."""
    templates, problems = _shipped()
    if templates is None:
        raise ProblemsError(list(problems))
    return templates


def _check_draft(document: YamlDocument, catalogue: Catalogue) -> list[Problem]:
    entry = document.data["draft"]
    obligations = {o.id: o for o in catalogue.obligations}
    problems: list[Problem] = []

    def named(path: JsonPath, ids: Iterable[str]) -> None:
        for index, oid in enumerate(ids):
            if oid not in obligations:
                problems.append(
                    document.problem((*path, index), f"no obligation called '{oid}' in the catalogue")
                )

    named(("draft", "serves"), entry["serves"])
    for oid in entry["serves"]:
        if oid in obligations and not set(obligations[oid].roles) & set(entry["roles"]):
            problems.append(
                document.problem(
                    ("draft", "roles"), f"'{oid}' binds none of the roles {', '.join(entry['roles'])}"
                )
            )
        if oid in obligations and (obligations[oid].scope == "company") != (entry["scope"] == "company"):
            problems.append(
                document.problem(("draft", "scope"), f"'{oid}' is not a {entry['scope']} obligation")
            )
    for index, section in enumerate(entry["sections"]):
        named(("draft", "sections", index, "only_for"), section.get("only_for", ()))
    for article_path in _articles(entry):
        article = _at(entry, article_path[1:])
        if not catalogue.links.link(article, "en"):
            problems.append(document.problem(article_path, f"'{article}' gives no article link"))
    facts = set(fact_names())
    for path, text in _texts(entry, ("draft",)):
        for _, name, _, _ in string.Formatter().parse(text):
            if name is not None and name not in facts:
                problems.append(document.problem(path, f"'{{{name}}}' is not a fact a draft can fill in"))
    return problems


def _check_labels(document: YamlDocument) -> list[Problem]:
    labels = document.data["draft_labels"]
    problems = [
        document.problem(
            ("draft_labels", "words"), f"the word '{key}' is missing", fix="every draft needs it"
        )
        for key in WORD_KEYS
        if key not in labels["words"]
    ]
    fields = system_fields()
    for field in NAMED_VALUES:
        spec = fields[field]
        values = spec.get("items", spec)["enum"]
        given = labels["values"].get(field, {})
        for value in values:
            if value not in given:
                problems.append(document.problem(("draft_labels", "values"), f"no name for {field}: {value}"))
    return problems


def _articles(entry: Mapping[str, Any]) -> list[JsonPath]:
    paths: list[JsonPath] = [("draft", "article")]
    for index, section in enumerate(entry["sections"]):
        if "article" in section:
            paths.append(("draft", "sections", index, "article"))
    return paths


def _at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _texts(data: Any, path: JsonPath) -> Iterable[tuple[JsonPath, str]]:
    """Every text of a template with its path: the language maps' strings."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))
    elif isinstance(data, str) and len(path) >= 2 and isinstance(path[-1], str) and len(path[-1]) == 2:
        yield path, data


def _draft(entry: Mapping[str, Any]) -> DraftTemplate:
    return DraftTemplate(
        id=entry["id"],
        article=entry["article"],
        scope=entry["scope"],
        serves=tuple(entry["serves"]),
        roles=tuple(entry["roles"]),
        title=_text(entry["title"]),
        purpose=_text(entry["purpose"]),
        sections=tuple(_section(s) for s in entry["sections"]),
        checked=entry["checked"],
        verify=entry.get("verify", False),
        note=entry.get("note", ""),
    )


def _section(entry: Mapping[str, Any]) -> SectionTemplate:
    return SectionTemplate(
        heading=_text(entry["heading"]),
        article=entry.get("article", ""),
        only_for=tuple(entry.get("only_for", ())),
        guidance=_text(entry["guidance"]) if "guidance" in entry else None,
        fields=tuple(
            FieldTemplate(
                label=_text(f["label"]),
                value=f.get("value", ""),
                todo=_text(f["todo"]) if "todo" in f else None,
            )
            for f in entry.get("fields", ())
        ),
        checklist=tuple(_text(item) for item in entry.get("checklist", ())),
        sample=_text(entry["sample"]) if "sample" in entry else None,
    )


def _text(value: Mapping[str, str]) -> LangText:
    return MappingProxyType(dict(value))
