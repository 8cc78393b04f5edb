"""The answers file: load and check it against its questionnaire, save it atomically, migrate it.

The file is the company's: the tool never rewrites it except to save answers the user gave, and a file
that fails its checks is left untouched.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.atomic import write_atomic
from readiness.errors import Problem, ProblemsError, ReadinessError, display_path
from readiness.limits import limit_problems
from readiness.questionnaire.model import Question, Questionnaire
from readiness.questionnaire.registry import Registry
from readiness.schemas import check_against_schema
from readiness.typed import date_in_future, region_problem
from readiness.values import value_problem
from readiness.yamlio import YamlDocument, check_size, decode_text, dump_yaml, parse_yaml, read_limited

HEADER = (
    "# readiness answers file. Its schema: `readiness schema answers`. Check it: `readiness validate FILE`\n"
)
# The first line earlier versions wrote: the installed schema's absolute path, which told every reader
# of the file (and of every PDF that carries it) where the user's home folder is.
_MACHINE_SCHEMA_LINE = re.compile(rb"\A# yaml-language-server: \$schema=(?:/|file:|[A-Za-z]:[\\/])[^\n]*\n")


def schema_line() -> str:
    """The first line of answers files we write: how to get the schema and check the file.

    Not a `$schema=` path: the only path that always exists is the installed package's, which is
    absolute and names the user's home folder; an editor can map `*.answers.yaml` to the schema instead
    (README, "Questionnaires").
    """
    return HEADER


def portable(raw: bytes) -> bytes:
    """`raw` answers bytes without the absolute schema path older versions wrote on the first line."""
    return _MACHINE_SCHEMA_LINE.sub(HEADER.encode("utf-8"), raw, count=1)


@dataclass
class Answers:
    """The contents of an answers file."""

    questionnaire: str
    company: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    ai_systems: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Answers:
        """From a schema-checked mapping."""
        return cls(
            questionnaire=data["questionnaire"],
            company=dict(data.get("company") or {}),
            answers=dict(data.get("answers") or {}),
            ai_systems=[dict(s) for s in data.get("ai_systems") or []],
            meta=dict(data.get("meta") or {}),
        )

    def as_data(self) -> dict[str, Any]:
        """The mapping written to disk, keys in the documented order."""
        data: dict[str, Any] = {
            "questionnaire": self.questionnaire,
            "company": self.company,
            "answers": self.answers,
        }
        if self.ai_systems:
            data["ai_systems"] = self.ai_systems
        data["meta"] = self.meta
        return data

    def to_yaml(self) -> str:
        """The file's text, with the editor schema line first."""
        return schema_line() + dump_yaml(self.as_data())

    def value(self, question: Question) -> Any:
        """The stored answer of a top-level question, wherever it is kept (answers, company or ai_systems)."""
        if question.store == "ai_systems":
            return (
                self.ai_systems if self.ai_systems or "ai_systems" in self.meta.get("answered", []) else None
            )
        if question.store and question.store.startswith("company."):
            return self.company.get(question.store.split(".", 1)[1])
        return self.answers.get(question.id)

    def set_value(self, question: Question, value: Any) -> None:
        """Store (or with None, remove) the answer of a top-level question."""
        if question.store == "ai_systems":
            self.ai_systems = list(value or [])
            answered = set(self.meta.get("answered", []))
            answered.add("ai_systems")
            self.meta["answered"] = sorted(answered)
            return
        target, key = (
            (self.company, question.store.split(".", 1)[1])
            if question.store and question.store.startswith("company.")
            else (self.answers, question.id)
        )
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value


@dataclass
class LoadedAnswers:
    """An answers file read from disk, with its questionnaire and the bytes it was read from."""

    answers: Answers
    questionnaire: Questionnaire
    document: YamlDocument
    raw: bytes


def resolve_questionnaire(ref: str, registry: Registry) -> Questionnaire:
    """The questionnaire an answers file names; a clear error listing what exists otherwise."""
    qid, _, version = ref.partition("@")
    if qid not in registry.ids():
        raise ReadinessError(
            f"unknown questionnaire '{qid}'; available: {', '.join(registry.ids()) or 'none'}"
        )
    if version and version not in registry.versions(qid):
        raise ReadinessError(
            f"questionnaire '{qid}' has no version {version}; available: {', '.join(registry.versions(qid))}"
        )
    return registry.load(ref)


def load_answers(path: Path, registry: Registry, *, raw: bytes | None = None) -> LoadedAnswers:
    """Read an answers file (or its bytes, e.g. from a report PDF) and check every answer.

    Raises ProblemsError naming the field and line of each problem, or ReadinessError for an unknown
    questionnaire or version.
    """
    name = display_path(path)
    if raw is None:
        raw = read_limited(path)
    check_size(name, len(raw))  # bytes from a PDF's attachment are bounded like a file's
    document = parse_yaml(decode_text(raw, name), path)
    if not isinstance(document.data, dict):
        raise ProblemsError(
            [
                document.problem(
                    (), "an answers file must be a mapping with questionnaire, company and answers"
                )
            ]
        )
    problems = limit_problems(document, "ai_systems") or check_against_schema(document, "answers")
    if problems:
        raise ProblemsError(problems)
    try:
        questionnaire = resolve_questionnaire(document.data["questionnaire"], registry)
    except ReadinessError as exc:
        raise ProblemsError([document.problem(("questionnaire",), exc.message)]) from None
    answers = Answers.from_data(document.data)
    problems = check_answers(answers, questionnaire, document) + check_ai_systems(answers, document)
    if problems:
        raise ProblemsError(sorted(problems))
    return LoadedAnswers(answers, questionnaire, document, raw)


def register_data(answers: Answers) -> dict[str, Any]:
    """The answers' AI systems in the shape of an AI system register (`readiness schema aiact-register`)."""
    company = {k: answers.company[k] for k in ("name", "size", "country", "language") if k in answers.company}
    return {"company": company, "systems": answers.ai_systems}


def check_ai_systems(answers: Answers, document: YamlDocument) -> list[Problem]:
    """The AI Act engine's checks of every AI system entry, located in the answers file."""
    from readiness.aiact import register_from_data

    if not answers.ai_systems:
        return []
    try:
        register_from_data(register_data(answers), document.name)
    except ProblemsError as exc:
        located = []
        for problem in exc.problems:
            steps: list[str | int] = [
                int(index) if index else name
                for name, index in re.findall(r"(\w+)|\[(\d+)\]", problem.json_path)
            ]
            if steps and steps[0] == "systems":
                steps[0] = "ai_systems"
            message = problem.message.removeprefix(f"{problem.json_path}: ")
            located.append(document.problem(tuple(steps), message, fix=problem.fix))
        return located
    return []


def check_answers(answers: Answers, questionnaire: Questionnaire, document: YamlDocument) -> list[Problem]:
    """Every answer that does not fit its question: unknown ids, wrong types, values not among the options."""
    problems: list[Problem] = []
    by_id = {q.id: q for q in questionnaire.questions()}
    stored_elsewhere = {q.id for q in by_id.values() if q.store}
    for qid, value in answers.answers.items():
        question = by_id.get(qid)
        if question is None or qid in stored_elsewhere:
            close = difflib.get_close_matches(qid, [i for i in by_id if i not in stored_elsewhere], n=1)
            fix = (
                f"did you mean '{close[0]}'?"
                if close
                else f"see `readiness questionnaires show {questionnaire.ref}`"
            )
            problems.append(
                document.problem(
                    ("answers", qid), f"unknown question '{qid}' in {questionnaire.ref}", fix=fix, key=True
                )
            )
            continue
        message = value_problem(question, value)
        if message:
            problems.append(document.problem(("answers", qid), f"{qid}: {message}"))
    for question in by_id.values():
        if question.store and question.store.startswith("company."):
            key = question.store.split(".", 1)[1]
            if key in answers.company and (question.options or question.format):
                message = value_problem(question, answers.company[key])
                if message is None and question.format == "nuts":
                    message = region_problem(
                        str(answers.company[key]), str(answers.company.get("country", ""))
                    )
                if message:
                    problems.append(document.problem(("company", key), f"company.{key}: {message}"))
    return problems + _future_dates(answers, questionnaire, document)


def _future_dates(answers: Answers, questionnaire: Questionnaire, document: YamlDocument) -> list[Problem]:
    """AI system entries whose date lies after today where its `not_in_future_when:` says it may not."""
    import datetime as dt

    from readiness.flow import condition_values

    problems = []
    values = condition_values(questionnaire, answers)
    for group in (q for q in questionnaire.questions() if q.store == "ai_systems"):
        for sub in group.fields:
            condition = questionnaire.condition("not_in_future", f"{group.id}.{sub.id}")
            for index, entry in enumerate(answers.ai_systems if condition else ()):
                if sub.id in entry and condition is not None and condition.holds({**values, **entry}):
                    message = date_in_future(entry[sub.id], dt.date.today(), "en")
                    if message:
                        who = f"system '{entry.get('name') or index + 1}', field '{sub.id}'"
                        problems.append(document.problem(("ai_systems", index, sub.id), f"{who}: {message}"))
    return problems


def save_answers(path: Path, answers: Answers, *, now: str) -> None:
    """Write the answers file atomically, stamping when it was saved and by which version."""
    answers.meta.setdefault("created", now)
    answers.meta["updated"] = now
    answers.meta["tool"] = f"readiness {__version__}"
    write_atomic(path, answers.to_yaml())


def migrate_answers(answers: Answers, target: Questionnaire, registry: Registry) -> tuple[Answers, list[str]]:
    """Carry answers to `target`'s version (see readiness.migrate.migrate_answers)."""
    from readiness.migrate import migrate_answers as migrate

    return migrate(answers, target, registry)
