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
from readiness.errors import Problem, ProblemsError, ReadinessError
from readiness.questionnaire.model import SPECIAL_ANSWERS, Question, Questionnaire
from readiness.questionnaire.registry import Registry
from readiness.schemas import check_against_schema
from readiness.yamlio import YamlDocument, dump_yaml, parse_yaml, read_yaml


def schema_line() -> str:
    """The editor line for answers files we write: the schema file of the installed package, by path.

    A path rather than a web address: the tool works offline, and this file is always there.
    """
    from importlib import resources

    schema = resources.files("readiness.schemas") / "answers.schema.json"
    return f"# yaml-language-server: $schema={schema}\n"


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
    if raw is None:
        document = read_yaml(path)
        raw = path.read_bytes()
    else:
        from readiness.yamlio import decode_text

        document = parse_yaml(decode_text(raw, str(path)), path)
    if not isinstance(document.data, dict):
        raise ProblemsError(
            [
                document.problem(
                    (), "an answers file must be a mapping with questionnaire, company and answers"
                )
            ]
        )
    problems = check_against_schema(document, "answers")
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
            if key in answers.company and question.options:
                message = value_problem(question, answers.company[key])
                if message:
                    problems.append(document.problem(("company", key), f"company.{key}: {message}"))
    return problems


def value_problem(question: Question, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    if isinstance(value, str) and value in SPECIAL_ANSWERS:
        allowed = question.dont_know if value == "dont_know" else question.not_applicable
        return None if allowed else f"this question does not offer {value}"
    kind = question.type
    if kind == "single":
        if not isinstance(value, str) or question.option(value) is None:
            return _not_an_option(value, question)
    elif kind == "multi":
        if not isinstance(value, list):
            return f"expected a list of options, found {value!r}"
        for item in value:
            if not isinstance(item, str) or question.option(item) is None:
                return _not_an_option(item, question)
        exclusive = [v for v in value if (o := question.option(v)) is not None and o.exclusive]
        if exclusive and len(value) > 1:
            return f"'{exclusive[0]}' cannot be combined with other options"
    elif kind == "scale":
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not question.scale_min <= value <= question.scale_max
        ):
            return (
                f"expected a whole number from {question.scale_min} to {question.scale_max}, found {value!r}"
            )
    elif kind == "yes_no":
        if not isinstance(value, bool):
            return f"expected true or false, found {value!r}"
    elif kind == "number":
        return _number_problem(question, value)
    elif kind == "text":
        return _text_problem(question, value)
    elif kind == "matrix":
        return _matrix_problem(question, value)
    return None


def _matrix_problem(question: Question, value: Any) -> str | None:
    """A matrix answer maps row ids to each row's answer; tick-box rows may be left out (nothing ticked)."""
    if not isinstance(value, dict):
        return f"expected one answer per row (row: answer), found {value!r}"
    for row in value:
        if row not in question.row_ids:
            close = difflib.get_close_matches(str(row), list(question.row_ids), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return f"'{row}' is not a row{hint}; rows: {', '.join(question.row_ids)}"
    kind = question.matrix_kind
    if kind == "columns":
        for row, ticked in value.items():
            if not isinstance(ticked, list) or any(c not in question.column_ids for c in ticked):
                return (
                    f"row '{row}': expected a list of the columns ticked "
                    f"({', '.join(question.column_ids)}), found {ticked!r}"
                )
        return None
    missing = [r for r in question.row_ids if r not in value]
    if missing:
        return f"every row needs an answer; missing: {', '.join(missing)}"
    for row, cell in value.items():
        if kind == "options":
            if not isinstance(cell, str) or question.option(cell) is None:
                return f"row '{row}': {_not_an_option(cell, question)}"
        elif (
            isinstance(cell, bool)
            or not isinstance(cell, int)
            or not question.scale_min <= cell <= question.scale_max
        ):
            low, high = question.scale_min, question.scale_max
            return f"row '{row}': expected a whole number from {low} to {high}, found {cell!r}"
    return None


def _not_an_option(value: object, question: Question) -> str:
    close = difflib.get_close_matches(str(value), list(question.option_ids), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"'{value}' is not an option{hint}; options: {', '.join(question.option_ids)}"


def _number_problem(question: Question, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"expected a number, found {value!r}"
    if question.integer and not float(value).is_integer():
        return f"expected a whole number, found {value!r}"
    if question.number_min is not None and value < question.number_min:
        return f"{value} is below the minimum {question.number_min:g}"
    if question.number_max is not None and value > question.number_max:
        return f"{value} is above the maximum {question.number_max:g}"
    return None


def _text_problem(question: Question, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, found {value!r}"
    if question.max_length is not None and len(value) > question.max_length:
        return f"the text is longer than {question.max_length} characters"
    if question.pattern and value and not re.fullmatch(question.pattern, value):
        return f"'{value}' does not have the expected form"
    return None


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
