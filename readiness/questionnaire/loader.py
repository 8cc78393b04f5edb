"""Loading a questionnaire version: read, check against the schema, resolve includes, compile conditions.

Problems are collected, not raised one by one, so `readiness validate` reports all of them at once;
`load_questionnaire` raises them together for everyone else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from readiness.conditions import Condition, ConditionError, parse_condition
from readiness.errors import Problem, ProblemsError, ReadinessError
from readiness.l10n.content import stamp, translate_document
from readiness.patterns import pattern_problem
from readiness.questionnaire import build
from readiness.questionnaire.model import (
    Dimension,
    Law,
    Level,
    Limit,
    Migration,
    Origin,
    Question,
    Questionnaire,
    Recommendation,
    Section,
)
from readiness.schemas import check_against_schema
from readiness.yamlio import YamlDocument, read_yaml


class ModulePaths(Protocol):
    """Where included modules are found (the registry): the loader needs only this of it, so that it
    does not know the registry above it."""

    def path(self, qid: str, version: str | None = None) -> Path:
        """The file of `qid` at `version`; ReadinessError when there is none."""
        ...


_READ_CACHE: dict[tuple[object, ...], tuple[YamlDocument | None, tuple[Problem, ...]]] = {}
_READ_CACHE_SIZE = 256

CompileOne = Callable[[tuple[str, str], str | None, dict[str, str], Origin], None]

# Names a recommendation's `when:` may use besides the question ids (documented in docs/authoring.md).
RECOMMENDATION_SYMBOLS = {
    "ai_systems": "items",
    "scores": "scores",
    "overall": "number",
    "ai_system_count": "number",
    "ai_roles": "strings",
    "ai_annex_i": "strings",
    "ai_annex_iii": "strings",
    "ai_practices": "strings",
    "ai_transparency": "strings",
    "ai_stage": "number",
}


@dataclass
class _Parts:
    """What one file and its includes contribute, in order."""

    sections: list[Section] = field(default_factory=list)
    dimensions: list[Dimension] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    limits: list[Limit] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)
    files: list[YamlDocument] = field(default_factory=list)
    modules: dict[str, str] = field(default_factory=dict)
    module_migrations: list[tuple[str, str, Migration]] = field(default_factory=list)


def load_questionnaire(path: Path, registry: ModulePaths) -> Questionnaire:
    """The questionnaire in `path`, or ProblemsError with every problem found."""
    questionnaire, problems = compile_questionnaire(path, registry)
    if problems or questionnaire is None:
        raise ProblemsError(problems)
    return questionnaire


def compile_questionnaire(path: Path, registry: ModulePaths) -> tuple[Questionnaire | None, list[Problem]]:
    """Load `path` with its includes; return the questionnaire (when it could be built) and all problems."""
    problems: list[Problem] = []
    document = _read_checked(path, problems)
    if document is None:
        return None, problems
    data = document.data
    origin = Origin(document, ())
    _check_file_name(document, problems)
    parts = _collect(document, registry, [f"{data['id']}@{data['version']}"], problems)
    questionnaire = Questionnaire(
        id=data["id"],
        version=data["version"],
        kind=data["kind"],
        title=data["title"],
        origin=origin,
        description=data.get("description"),
        sector=tuple(data.get("sector", [])),
        languages=tuple(data.get("languages", ["en"])),
        includes=tuple(build.build_includes(data, origin)),
        dimensions=tuple(parts.dimensions),
        levels=tuple(parts.levels),
        sections=tuple(parts.sections),
        recommendations=tuple(parts.recommendations),
        limits=tuple(parts.limits),
        laws=tuple(parts.laws),
        migration=build.build_migration(data, origin),
        module_versions=dict(parts.modules),
        module_migrations=tuple(parts.module_migrations),
        changes=data.get("changes"),
        files=tuple(d.name for d in parts.files),
        documents=tuple(parts.files),
        content_hash=_content_hash(parts.files),
    )
    questionnaire.conditions.update(_compile_conditions(questionnaire, problems))
    problems += _pattern_problems(questionnaire)
    return questionnaire, problems


def _pattern_problems(questionnaire: Questionnaire) -> list[Problem]:
    """Every `pattern` that is not a regular expression RE2 can run, located in its file."""
    problems = []
    for question in questionnaire.questions():
        for sub in (question, *question.fields):
            problem = pattern_problem(sub.pattern) if sub.pattern is not None else None
            if problem:
                document, path = sub.origin.document, sub.origin.path
                problems.append(document.problem((*path, "pattern"), problem))
    return problems


def _read_checked(path: Path, problems: list[Problem]) -> YamlDocument | None:
    """The file's document when it reads and passes the schema; its problems otherwise.

    Modules are included by many questionnaires, so each file is parsed once per process and version of
    the file and of its folder's translations on disk (sizes and modification times), not once per
    questionnaire that includes it.
    """
    stat = path.stat() if path.is_file() else None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, stamp(path.parent)) if stat else None
    if key is not None and key in _READ_CACHE:
        document, found = _READ_CACHE[key]
        problems.extend(found)
        return document
    document, found = _read_and_check(path)
    if key is not None:
        if len(_READ_CACHE) >= _READ_CACHE_SIZE:
            _READ_CACHE.clear()
        _READ_CACHE[key] = (document, found)
    problems.extend(found)
    return document


def _read_and_check(path: Path) -> tuple[YamlDocument | None, tuple[Problem, ...]]:
    try:
        document = read_yaml(path, cache=True)
    except ProblemsError as exc:
        return None, tuple(exc.problems)
    if not isinstance(document.data, dict):
        return None, (document.problem((), "a questionnaire file must be a mapping of keys to values"),)
    schema_problems = tuple(check_against_schema(document, "questionnaire"))
    if schema_problems:
        return None, schema_problems
    # Every version of a questionnaire shares the translations in its folder's locale/<lang>.po.
    return translate_document(document, path.parent), ()


def _check_file_name(document: YamlDocument, problems: list[Problem]) -> None:
    data = document.data
    if document.path.stem != data["version"]:
        problems.append(
            document.problem(
                ("version",),
                f"the file is called {document.path.name} but says version {data['version']}",
                fix=f"rename the file to {data['version']}.yaml or correct the version",
            )
        )
    if document.path.parent.name != data["id"]:
        problems.append(
            document.problem(
                ("id",),
                f"the folder is called {document.path.parent.name} but the id is {data['id']}",
                fix=f"move the file to questionnaires/{data['id']}/ or correct the id",
            )
        )


def _collect(
    document: YamlDocument, registry: ModulePaths, stack: list[str], problems: list[Problem]
) -> _Parts:
    """This file's parts after those of its includes (depth first, in include order).

    The file's own sections come where its `includes:` list says `own`, or after every include.
    """
    parts = _Parts()
    origin = Origin(document, ())
    own_sections = build.build_sections(document.data, origin)
    markers = [i for i, inc in enumerate(document.data.get("includes", [])) if inc == build.OWN_SECTIONS]
    own_at = markers[0] if markers else None  # only modules come before the first marker
    for position, include in enumerate(build.build_includes(document.data, origin)):
        if position == own_at:
            parts.sections += own_sections
        ref = f"{include.module}@{include.version}"
        where = include.origin
        if ref in stack:
            chain = " -> ".join([*stack[stack.index(ref) :], ref])
            problems.append(
                where.document.problem(where.path, f"circular include: {chain}", fix="remove one include")
            )
            continue
        try:
            path = registry.path(include.module, include.version)
        except ReadinessError as exc:
            problems.append(where.document.problem(where.path, f"include not found: {exc.message}"))
            continue
        included = _read_checked(path, problems)
        if included is None:
            continue
        if included.data["kind"] != "module":
            problems.append(
                where.document.problem(
                    where.path, f"{ref} is a questionnaire, not a module; only modules can be included"
                )
            )
            continue
        sub = _collect(included, registry, [*stack, ref], problems)
        parts.modules.update(sub.modules)
        parts.modules[include.module] = include.version
        parts.module_migrations += sub.module_migrations
        module_migration = build.build_migration(included.data, Origin(included, ()))
        if module_migration is not None:
            parts.module_migrations.append((include.module, include.version, module_migration))
        parts.sections += sub.sections
        parts.dimensions += sub.dimensions
        parts.levels = sub.levels or parts.levels
        parts.recommendations += sub.recommendations
        parts.limits += sub.limits
        parts.laws += sub.laws
        parts.files += sub.files
    parts.files.append(document)
    if own_at is None or own_at >= len(build.build_includes(document.data, origin)):
        parts.sections += own_sections
    parts.dimensions += build.build_dimensions(document.data, origin)
    parts.levels = build.build_levels(document.data, origin) or parts.levels
    parts.recommendations += build.build_recommendations(document.data, origin)
    parts.limits += build.build_limits(document.data, origin)
    parts.laws += build.build_laws(document.data, origin)
    return parts


def _content_hash(files: list[YamlDocument]) -> str:
    digest = hashlib.sha256()
    for document in files:
        digest.update(document.path.read_bytes())
    return digest.hexdigest()[:16]


def _compile_conditions(
    questionnaire: Questionnaire, problems: list[Problem]
) -> dict[tuple[str, str], Condition]:
    """Parse every `when:` against the questions asked before it; recommendations see every question."""
    compiled: dict[tuple[str, str], Condition] = {}
    all_ids = {q.id: q for q in questionnaire.questions()}
    asked: dict[str, str] = {}

    def compile_one(
        key: tuple[str, str], text: str | None, symbols: dict[str, str], origin: Origin, where: str = "when"
    ) -> None:
        if text is None:
            return
        try:
            compiled[key] = parse_condition(text, symbols)
        except ConditionError as exc:
            message = str(exc)
            fix = ""
            name = message.split("'")[1] if message.startswith("unknown name '") else None
            if name and name in all_ids and name not in symbols:
                later = all_ids[name].origin
                line, _ = later.document.position(later.path)
                message = (
                    f"condition names question '{name}', which is asked later ({later.document.name}:{line})"
                )
                fix = "a condition may only use questions asked before it; move the question or the condition"
            elif name:
                fix = f"known names here: {', '.join(sorted(symbols)) or 'none'}"
            where = "not_in_future_when" if key[0] == "not_in_future" else "when"
            problems.append(origin.document.problem((*origin.path, where), f"in {where}: {message}", fix=fix))

    for section in questionnaire.sections:
        compile_one(("section", section.id), section.when_text, dict(asked), section.origin)
        for question in section.questions:
            compile_one(("question", question.id), question.when_text, dict(asked), question.origin)
            compile_one(
                ("not_in_future", question.id), question.not_in_future_when, dict(asked), question.origin
            )
            _compile_fields(question, asked, compile_one)
            asked[question.id] = question.symbol_kind
    recommendation_symbols = {**asked, **RECOMMENDATION_SYMBOLS}
    for rec in questionnaire.recommendations:
        compile_one(("recommendation", rec.id), rec.when_text, recommendation_symbols, rec.origin)
        compile_one(("done", rec.id), rec.done_when_text, recommendation_symbols, rec.origin, "done_when")
    for limit in questionnaire.limits:
        compile_one(("limit", limit.id), limit.when_text, recommendation_symbols, limit.origin)
    return compiled


def _compile_fields(question: Question, asked: dict[str, str], compile_one: CompileOne) -> None:
    """A group's fields see the questions asked before the group and the fields before them."""
    siblings: dict[str, str] = {}
    for sub in question.fields:
        key = f"{question.id}.{sub.id}"
        compile_one(("field", key), sub.when_text, {**asked, **siblings}, sub.origin)
        compile_one(("not_in_future", key), sub.not_in_future_when, {**asked, **siblings}, sub.origin)
        siblings[sub.id] = sub.symbol_kind
