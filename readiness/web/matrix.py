"""A matrix question as a table of form controls, and the posted table read back as the answers file keeps it.

Each row is posted under `<name>.<row id>`: the columns ticked (tick boxes), or one stage or option as
radio buttons, so a row is one stop for the Tab key and the arrow keys move along it, as in any group of
radio buttons. The answer stored is the one `readiness assess` stores: row id -> the list of column ids
ticked (rows with nothing ticked left out), or row id -> stage or option id. Each row is checked by the
rule every answers file is held to (`readiness.values.matrix_problems`), its reason shown beside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData

from readiness.questionnaire.model import Question, tr
from readiness.values import matrix_problems
from readiness.web.forms import as_form_value
from readiness.web.pages import gettext_for

# A stage is a small whole number; anything else is kept as posted, for the shared check to name.
_STAGE = re.compile(r"^-?\d{1,6}$")


@dataclass(frozen=True)
class Cell:
    """One control of a row: its HTML id, the value it posts, the column it stands for, and its state."""

    id: str
    value: str
    label: str
    checked: bool


@dataclass(frozen=True)
class Row:
    """One row: the form name its controls post under, its label and help, its controls and any error."""

    id: str
    key: str
    name: str
    label: str
    help: str
    cells: tuple[Cell, ...]
    error: str = ""

    @property
    def described_by(self) -> str:
        """The ids a control of this row is described by: the row's help and its error."""
        return " ".join(
            i for i, shown in ((f"{self.id}-help", self.help), (f"{self.id}-error", self.error)) if shown
        )


@dataclass(frozen=True)
class Column:
    """A column's header (a stage's number, with its words below as help) and how a control names it."""

    label: str
    help: str = ""
    name: str = ""


@dataclass(frozen=True)
class Matrix:
    """What a template needs to draw a matrix: the kind of control, the column headers and the rows."""

    control: str  # checkbox | radio
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def first_id(self) -> str:
        """The id an error about the whole matrix links to: its first control."""
        return self.rows[0].cells[0].id if self.rows and self.rows[0].cells else ""


@dataclass(frozen=True)
class Posted:
    """A posted matrix: the answer to store (None: nothing chosen), or why rows are refused.

    `cells` is what was posted, row by row, to show again on a refused form; `error` concerns the whole.
    """

    value: dict[str, Any] | None
    cells: dict[str, Any]
    rows: dict[str, str]
    error: str = ""


def matrix_view(
    question: Question,
    field_id: str,
    name: str,
    answer: Mapping[str, Any],
    lang: str,
    errors: Mapping[str, str],
) -> Matrix:
    """The table for `question` showing `answer` (stored, or as posted), with `errors` by row id."""
    columns = _columns(question, lang)
    rows = []
    for row in question.rows:
        row_id = f"{field_id}-{row.id}"
        chosen = answer.get(row.id)
        picked = {
            as_form_value(c) for c in (chosen if isinstance(chosen, list) else [chosen]) if c is not None
        }
        label = tr(row.label, lang)
        cells = tuple(
            Cell(f"{row_id}-{n}", value, column.name or column.label, value in picked)
            for n, (value, column) in enumerate(columns, 1)
        )
        rows.append(
            Row(row_id, row.id, f"{name}.{row.id}", label, tr(row.help, lang), cells, errors.get(row.id, ""))
        )
    control = "checkbox" if question.matrix_kind == "columns" else "radio"
    return Matrix(control, tuple(column for _value, column in columns), tuple(rows))


def read_matrix(question: Question, form: FormData, lang: str, name: str) -> Posted:
    """The matrix posted under `name`, as the answers file stores it, with the reason for each refused row."""
    _ = gettext_for(lang)
    prefix = f"{name}."
    cells: dict[str, Any] = {}
    for key in form:
        values = [v for v in form.getlist(key) if isinstance(v, str) and v]
        if key.startswith(prefix) and values:
            cells[key.removeprefix(prefix)] = values
    if not cells:
        # Nothing ticked in a matrix of tick boxes is an answer (no row has any), as in the terminal.
        return Posted({} if question.matrix_kind == "columns" else None, cells, {})
    answer = {row: _cell(question, values) for row, values in cells.items()}
    if question.matrix_kind == "columns":
        answer = {row: ticked for row, ticked in answer.items() if ticked}
    missing = [] if question.matrix_kind == "columns" else [r for r in question.rows if r.id not in answer]
    rows = {r.id: _("Choose an answer for “%(row)s”.") % {"row": tr(r.label, lang)} for r in missing}
    whole = ""
    for row, why in matrix_problems(question, answer, lang, labels=True):
        if not row:
            whole = whole or why
        elif row not in rows:
            rows[row] = _("That answer does not fit: %(problem)s") % {"problem": why}
    if whole or rows:
        return Posted(
            None,
            cells,
            rows,
            _("That answer does not fit: %(problem)s") % {"problem": whole} if whole else "",
        )
    return Posted(answer, cells, {})


def _cell(question: Question, values: list[str]) -> Any:
    """One row's posted values as its answer: the columns ticked in column order, or the stage or option."""
    if question.matrix_kind == "columns":
        order = question.column_ids
        unique = list(dict.fromkeys(values))
        return sorted(unique, key=lambda c: order.index(c) if c in order else len(order))
    if len(values) > 1:
        return values
    value = values[0]
    if question.matrix_kind == "scale" and _STAGE.match(value):
        return int(value)
    return value


def _columns(question: Question, lang: str) -> list[tuple[str, Column]]:
    if question.matrix_kind == "columns":
        return [(c.id, Column(tr(c.label, lang), tr(c.help, lang))) for c in question.columns]
    if question.matrix_kind == "options":
        return [(o.id, Column(tr(o.label, lang), tr(o.help, lang))) for o in question.options]
    stages = []
    for v in range(question.scale_min, question.scale_max + 1):
        words = tr(question.scale_labels.get(v), lang)
        stages.append((str(v), Column(str(v), words, f"{v} – {words}" if words else str(v))))
    return stages
