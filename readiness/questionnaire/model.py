"""The questionnaire as the rest of the program sees it: plain, typed, already checked values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from readiness.conditions import Condition
from readiness.yamlio import JsonPath, YamlDocument

Text = Mapping[str, str]
SPECIAL_ANSWERS = ("dont_know", "not_applicable")


def tr(text: Text | None, lang: str) -> str:
    """The text in `lang`, falling back to English."""
    if not text:
        return ""
    return text.get(lang) or text.get("en", "")


@dataclass(frozen=True)
class Origin:
    """Where a part of a questionnaire was written, so that problems about it point there."""

    document: YamlDocument
    path: JsonPath

    def at(self, *steps: str | int) -> Origin:
        """The origin of a part below this one."""
        return Origin(self.document, (*self.path, *steps))


@dataclass(frozen=True)
class Option:
    id: str
    label: Text
    score: float | None = None
    exclusive: bool = False
    help: Text | None = None
    # The AI Act role choosing this option says the company holds, for AI it has not listed one by one.
    ai_act_role: str | None = None


@dataclass(frozen=True)
class Band:
    start: float
    score: float


@dataclass(frozen=True)
class Question:
    """One question, or (type group) a repeated group of field questions asked once per entry."""

    id: str
    type: str
    text: Text
    origin: Origin
    section: str = ""
    help: Text | None = None
    dimension: str | None = None
    weight: float = 1.0
    required: bool = True
    dont_know: bool = False
    not_applicable: bool = False
    when_text: str | None = None
    store: str | None = None
    options: tuple[Option, ...] = ()
    max_score: float | None = None
    scale_min: int = 0
    scale_max: int = 0
    scale_labels: Mapping[int, Text] = field(default_factory=dict)
    number_min: float | None = None
    number_max: float | None = None
    integer: bool = False
    unit: Text | None = None
    bands: tuple[Band, ...] = ()
    yes_score: float = 1.0
    no_score: float = 0.0
    max_length: int | None = None
    pattern: str | None = None
    pattern_hint: Text | None = None
    format: str | None = None
    not_in_future_when: str | None = None
    item_label: Text | None = None
    max_items: int | None = None
    fields: tuple[Question, ...] = ()
    tags: tuple[str, ...] = ()
    rows: tuple[Option, ...] = ()
    columns: tuple[Option, ...] = ()
    scoring: str = "per_column"
    measures: str | None = None
    # What to do about a low answer, as a report states a gap (the question itself is not an action).
    gap: Text | None = None

    @property
    def scored(self) -> bool:
        """Whether the question counts towards a dimension score."""
        return self.dimension is not None and self.type in (
            "single",
            "multi",
            "scale",
            "yes_no",
            "number",
            "matrix",
        )

    @property
    def matrix_kind(self) -> str:
        """How a matrix's rows are answered: "columns" (tick boxes), "scale" or "options"; "" otherwise."""
        if self.type != "matrix":
            return ""
        if self.columns:
            return "columns"
        return "options" if self.options else "scale"

    @property
    def row_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rows)

    @property
    def column_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.columns)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def option(self, option_id: str) -> Option | None:
        """The option with this id, if any."""
        return next((o for o in self.options if o.id == option_id), None)

    @property
    def symbol_kind(self) -> str:
        """How a condition sees this question's answer (see readiness.conditions.SYMBOL_TYPES)."""
        return {
            "single": "string",
            "multi": "strings",
            "scale": "number",
            "number": "number",
            "yes_no": "boolean",
            "text": "string",
            "group": "items",
            "matrix": {"columns": "row_lists", "options": "row_strings", "scale": "row_numbers"}.get(
                self.matrix_kind, "row_numbers"
            ),
        }[self.type]


def matrix_cells(question: Question, value: Mapping[str, Any], lang: str) -> tuple[str, ...]:
    """A matrix answer in words, one "row: answer" per row (tick-box rows with nothing ticked left out)."""
    cells = []
    for row in question.rows:
        cell = value.get(row.id)
        if question.matrix_kind == "columns":
            ticked = [tr(c.label, lang) for c in question.columns if c.id in (cell or ())]
            if not ticked:
                continue
            answer = ", ".join(ticked)
        elif question.matrix_kind == "options":
            option = question.option(str(cell))
            answer = tr(option.label, lang) if option else str(cell)
        else:
            label = tr(question.scale_labels.get(cell), lang) if isinstance(cell, int) else ""
            answer = f"{cell} ({label})" if label else str(cell)
        cells.append(f"{tr(row.label, lang)}: {answer}")
    return tuple(cells)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]
    origin: Origin
    intro: Text | None = None
    when_text: str | None = None


@dataclass(frozen=True)
class Dimension:
    id: str
    label: Text
    origin: Origin
    description: Text | None = None
    weight: float = 1.0
    needs: tuple[str, ...] = ()
    dma: bool = False


@dataclass(frozen=True)
class Level:
    id: str
    label: Text
    start: float
    origin: Origin
    description: Text | None = None


@dataclass(frozen=True)
class Law:
    """A law the questionnaire cites: its name, its official source and the day that source was checked."""

    id: str
    title: Text
    source: str
    checked: str
    origin: Origin
    applies_from: str | None = None


@dataclass(frozen=True)
class Citation:
    """An article of a declared law that a recommendation rests on, and the date that article applies from."""

    law: str
    article: str | Text
    applies_from: str | None = None
    unconfirmed: bool = False


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: Text
    text: Text
    origin: Origin
    when_text: str | None = None
    dimension: str | None = None
    priority: int = 2
    horizon: str = "90d"
    needs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    who: Text | None = None
    # AI Act obligations (catalogue ids) this advice fulfils: the report shows them as one action.
    covers: tuple[str, ...] = ()
    # What the answers look like once the advice is followed; its `when:` must never hold then.
    done_when_text: str | None = None
    cites: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Limit:
    """A ceiling on the overall score while `when` holds, with the rule in words for the report."""

    id: str
    when_text: str
    max_score: float
    text: Text
    origin: Origin


@dataclass(frozen=True)
class Migration:
    from_versions: tuple[str, ...]
    renamed: Mapping[str, str]
    removed: tuple[str, ...]
    values: Mapping[str, Mapping[str, str | None]]
    origin: Origin
    # matrix question id -> ("rows" | "columns", {row or column id: old question id})
    into_matrix: Mapping[str, tuple[str, Mapping[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Include:
    module: str
    version: str
    origin: Origin


@dataclass
class Questionnaire:
    """A questionnaire version with its includes merged in and every condition compiled."""

    id: str
    version: str
    kind: str
    title: Text
    origin: Origin
    description: Text | None = None
    sector: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    includes: tuple[Include, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    levels: tuple[Level, ...] = ()
    sections: tuple[Section, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    limits: tuple[Limit, ...] = ()
    laws: tuple[Law, ...] = ()
    migration: Migration | None = None
    # Included modules: their versions, and the migrations of those that have one (id, version, migration).
    module_versions: Mapping[str, str] = field(default_factory=dict)
    module_migrations: tuple[tuple[str, str, Migration], ...] = ()
    changes: Text | None = None
    files: tuple[str, ...] = ()
    # The files as read, includes first, with their translations added: what the language checks count.
    documents: tuple[YamlDocument, ...] = field(default=(), compare=False, repr=False)
    content_hash: str = ""
    conditions: dict[tuple[str, str], Condition] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """`id@version`, as written in answers files."""
        return f"{self.id}@{self.version}"

    def questions(self) -> Iterator[Question]:
        """Every top-level question, in the order they are asked."""
        for section in self.sections:
            yield from section.questions

    def question(self, question_id: str) -> Question | None:
        """The top-level question with this id, if any."""
        return self._index().get(question_id)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def law(self, law_id: str) -> Law | None:
        return next((law for law in self.laws if law.id == law_id), None)

    def condition(self, scope: str, owner: str) -> Condition | None:
        """The compiled condition of a question ("question", id), section, recommendation or limit."""
        return self.conditions.get((scope, owner))

    def _index(self) -> dict[str, Question]:
        cached: dict[str, Question] | None = self.__dict__.get("_question_index")
        if cached is None:
            cached = {q.id: q for q in self.questions()}
            self.__dict__["_question_index"] = cached
        return cached

    @property
    def question_count(self) -> int:
        """How many questions it has: every question that can be asked, conditional ones included, a
        repeated group (the AI systems) counted once. `questionnaires list`, the interview's progress and
        `preview` all count this way."""
        return sum(1 for _ in self.questions())

    def summary(self) -> dict[str, Any]:
        """The questionnaire as `questionnaires list --format json` describes one version."""
        return {
            "id": self.id,
            "version": self.version,
            "title": dict(self.title),
            "sector": list(self.sector),
            "languages": list(self.languages),
            "questions": self.question_count,
        }
