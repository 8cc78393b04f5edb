"""Every answer given, as the appendix shows it: the question and the answer in the report's language.

The answers file stores option ids, numbers and flags; here they become the questionnaire's own labels
(English when the chosen language has none). Numbers, dates and yes/no stay values: the renderer
formats them for the locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from readiness.answers import Answers
from readiness.questionnaire.model import SPECIAL_ANSWERS, Question, Questionnaire, matrix_cells, tr


@dataclass(frozen=True)
class AnswerRow:
    """One answered question. `kind` says which of the value fields is set."""

    question: str
    text: str
    kind: str
    labels: tuple[str, ...] = ()
    number: float | None = None
    unit: str = ""
    flag: bool | None = None
    value: str = ""
    entries: tuple[tuple[AnswerRow, ...], ...] = ()


@dataclass(frozen=True)
class AnswerSection:
    title: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class RegisterEntry:
    """An AI system from the answers file's register that no questionnaire question asked about."""

    name: str
    fields: tuple[tuple[str, Any], ...]


def answer_sections(
    questionnaire: Questionnaire, answers_data: Mapping[str, Any], lang: str
) -> tuple[AnswerSection, ...]:
    """The answered questions per section, in the order they were asked; sections without answers left out."""
    answers = Answers.from_data(dict(answers_data))
    sections = []
    for section in questionnaire.sections:
        rows = tuple(
            row
            for question in section.questions
            if (row := answer_row(question, answers.value(question), lang)) is not None
        )
        if rows:
            sections.append(AnswerSection(tr(section.title, lang), rows))
    return tuple(sections)


def answer_row(question: Question, value: Any, lang: str) -> AnswerRow | None:
    """The row for one question's stored value, or None when it was not answered."""
    if value is None or (isinstance(value, str) and value == "" and question.type != "text"):
        return None
    text = tr(question.text, lang)
    if isinstance(value, str) and value in SPECIAL_ANSWERS:
        return AnswerRow(question.id, text, "special", value=value)
    if question.type == "single":
        option = question.option(str(value))
        return AnswerRow(
            question.id, text, "choice", labels=(tr(option.label, lang) if option else str(value),)
        )
    if question.type == "multi":
        # A single value saved before the question allowed several (a system's role) is one choice.
        values = value if isinstance(value, list) else [value]
        chosen = [question.option(str(v)) for v in values]
        labels = tuple(tr(o.label, lang) if o else str(v) for o, v in zip(chosen, values, strict=True))
        return AnswerRow(question.id, text, "choices", labels=labels)
    if question.type == "matrix" and isinstance(value, Mapping):
        return AnswerRow(question.id, text, "choices", labels=matrix_cells(question, value, lang))
    if question.type == "yes_no":
        return AnswerRow(question.id, text, "yes_no", flag=bool(value))
    if question.type == "scale":
        label = tr(question.scale_labels.get(int(value)), lang)
        return AnswerRow(question.id, text, "scale", labels=(label,) if label else (), number=float(value))
    if question.type == "number":
        return AnswerRow(question.id, text, "number", number=float(value), unit=tr(question.unit, lang))
    if question.type == "group":
        entries = tuple(
            tuple(
                row
                for field in question.fields
                if (row := answer_row(field, item.get(field.id), lang)) is not None
            )
            for item in value
            if isinstance(item, Mapping)
        )
        return AnswerRow(question.id, text, "group", entries=entries)
    return AnswerRow(question.id, text, "text", value=str(value))


def register_entries(
    questionnaire: Questionnaire, answers_data: Mapping[str, Any]
) -> tuple[RegisterEntry, ...]:
    """The AI system register as written, when no group question of the questionnaire shows it already."""
    if any(q.store == "ai_systems" for q in questionnaire.questions()):
        return ()
    entries = []
    for item in answers_data.get("ai_systems") or []:
        if isinstance(item, Mapping):
            fields = tuple((str(k), _plain(v)) for k, v in item.items() if k != "name")
            entries.append(RegisterEntry(str(item.get("name", "")), fields))
    return tuple(entries)


def _plain(value: Any) -> Any:
    """A register value as the appendix prints it: text, a number, a flag or a list of texts."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return str(value)
