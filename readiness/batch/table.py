"""Companies as rows of a spreadsheet (CSV or XLSX) whose column headers are question ids.

Hubs often collect answers in a survey tool or a spreadsheet rather than through the interview. Each row
becomes an answers file in memory, checked cell by cell against its questionnaire, so that every bad
cell is reported with its row and column as the spreadsheet shows them, and one bad row never stops the
others. The layout is the one `readiness template csv` writes: a header row, then rows whose first cell
starts with `#` (the template's row of question texts) are notes and are not read.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from readiness.answers import resolve_questionnaire
from readiness.batch.spreadsheet import column_letter, read_cells
from readiness.errors import Problem, ReadinessError, display_path
from readiness.l10n.languages import tool_languages
from readiness.questionnaire.model import SPECIAL_ANSWERS, Option, Question, Questionnaire
from readiness.questionnaire.registry import Registry
from readiness.texts import message
from readiness.typed import read_typed, region_problem
from readiness.values import value_problem

QUESTIONNAIRE_COLUMN = "questionnaire"
COMPANY_FIELDS = ("name", "country", "size", "nace", "region", "language")
# Company fields written as codes in capitals (NL, NL41, C28): accepted in any case.
CODE_FIELDS = frozenset({"country", "region", "nace"})
MAX_ROWS = 10_000
MULTI_SEPARATOR = ";"
# A matrix is one column per row, named `<question id>.<row id>`.
MATRIX_ROW = "matrix-row:"
TABLE_SUFFIXES = (".csv", ".xlsx")
YES = frozenset({"yes", "true", "y", "1"})
NO = frozenset({"no", "false", "n", "0"})
_REF_NOTE = re.compile(r"^#\s*([a-z][a-z0-9-]*@\d+\.\d+\.\d+)\b")


@dataclass(frozen=True)
class TableRow:
    """One company row: its answers-file mapping when every cell is valid, else the problems found."""

    source: Path
    row: int
    company: str
    data: dict[str, Any] | None
    problems: tuple[Problem, ...] = field(default=())


def read_table(path: Path, registry: Registry) -> list[TableRow]:
    """Every company row of a CSV or XLSX file, converted and checked.

    Raises ReadinessError when the file as a whole cannot be read (not a spreadsheet, no header,
    duplicate or unknown column names); problems of single cells stay with their row.
    """
    name = display_path(path)
    cells = read_cells(path)
    header_row = next(cells, None)
    if header_row is None or not any(_blank(c) is False for c in header_row):
        raise ReadinessError(f"{name}: the first row must hold the column names (question ids)")
    header = [str(c).strip() if c is not None else "" for c in header_row]
    _check_header(name, header)
    rows: list[TableRow] = []
    default_ref = ""
    for number, values in enumerate(cells, start=2):
        first = str(values[0]).strip() if values and values[0] is not None else ""
        if first.startswith("#"):
            match = _REF_NOTE.match(first)
            default_ref = match.group(1) if match else default_ref
            continue
        if all(_blank(v) for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            raise ReadinessError(f"{name}: more than {MAX_ROWS:,} companies; split the file")
        rows.append(_convert_row(path, number, header, values, default_ref, registry))
    return rows


def _check_header(name: str, header: list[str]) -> None:
    if "company.name" not in header:
        raise ReadinessError(
            f"{name}: no column called company.name; the first row must hold the column names "
            "(question ids), as `readiness template csv QUESTIONNAIRE` writes them"
        )
    seen: dict[str, str] = {}
    for index, title in enumerate(header):
        if not title or title.startswith("#"):
            continue
        if title in seen:
            raise ReadinessError(
                f"{name}: columns {seen[title]} and {column_letter(index)} are both called '{title}'"
            )
        seen[title] = column_letter(index)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _convert_row(
    path: Path, number: int, header: list[str], values: Sequence[Any], default_ref: str, registry: Registry
) -> TableRow:
    name = display_path(path)
    cells = {title: values[i] if i < len(values) else None for i, title in enumerate(header)}
    columns = {title: i for i, title in enumerate(header)}

    def problem(title: str, message: str, fix: str = "") -> Problem:
        index = columns.get(title, 0)
        where = f"row {number}, column {column_letter(index)}" + (f" ({title})" if title else "")
        return Problem(name, number, index + 1, f"{where}: {message}", fix=fix)

    company_name = str(cells.get("company.name") or "").strip()
    ref = str(cells.get(QUESTIONNAIRE_COLUMN) or "").strip() or default_ref
    if not ref:
        found = problem(QUESTIONNAIRE_COLUMN, "no questionnaire", fix="write e.g. general@1.0.0 in it")
        return TableRow(path, number, company_name, None, (found,))
    try:
        questionnaire = resolve_questionnaire(ref, registry)
    except ReadinessError as exc:
        return TableRow(path, number, company_name, None, (problem(QUESTIONNAIRE_COLUMN, exc.message),))
    data: dict[str, Any] = {"questionnaire": questionnaire.ref, "company": {}, "answers": {}, "meta": {}}
    problems: list[Problem] = []
    refused: set[str] = set()
    targets = _column_targets(questionnaire)
    for title, raw in cells.items():
        if not title or title.startswith("#") or title == QUESTIONNAIRE_COLUMN or _blank(raw):
            continue
        target = targets.get(title)
        if target is None:
            close = difflib.get_close_matches(title, list(targets), n=1)
            fix = f"did you mean '{close[0]}'?" if close else "start its name with # to keep it unread"
            problems.append(problem(title, f"'{title}' is not a question of {questionnaire.ref}", fix))
            continue
        section, key, question = target
        if section == "company" and key in CODE_FIELDS and isinstance(raw, str):
            raw = raw.strip().upper()
        if section.startswith(MATRIX_ROW) and question is not None:
            value, message = matrix_cell(question, raw)
            if not message:
                data["answers"].setdefault(key, {})[section.removeprefix(MATRIX_ROW)] = value
        else:
            value, message = convert_cell(question, raw)
            if not message:
                data[section][key] = value
        if message:
            problems.append(problem(title, message))
            refused.add(title)
    for key, value in data["answers"].items():
        question = questionnaire.question(key)
        message = value_problem(question, value) if question and question.type == "matrix" else None
        if message and not any(t.startswith(f"{key}.") for t in refused):
            problems.append(problem(f"{key}.{question.rows[0].id}" if question else key, message))
    for key in ("name", "country", "size"):
        if key not in data["company"] and f"company.{key}" not in refused:
            problems.append(problem(f"company.{key}", "this company field is required"))
    region, country = data["company"].get("region"), data["company"].get("country")
    wrong_region = region_problem(str(region), str(country)) if region and country else None
    if wrong_region:
        problems.append(problem("company.region", wrong_region))
    return TableRow(path, number, company_name, None if problems else data, tuple(problems))


def _column_targets(questionnaire: Questionnaire) -> dict[str, tuple[str, str, Question | None]]:
    """Column name -> (answers-file block, key, question): company fields, then every flat question."""
    targets: dict[str, tuple[str, str, Question | None]] = {
        f"company.{key}": ("company", key, None) for key in COMPANY_FIELDS
    }
    for question in questionnaire.questions():
        if question.store and question.store.startswith("company."):
            key = question.store.split(".", 1)[1]
            targets[f"company.{key}"] = ("company", key, question)
        elif question.type == "matrix":
            for row in question.row_ids:
                targets[f"{question.id}.{row}"] = (MATRIX_ROW + row, question.id, question)
        elif not question.store and question.type != "group":
            targets[question.id] = ("answers", question.id, question)
    return targets


def matrix_cell(question: Question, raw: Any) -> tuple[Any, str | None]:
    """One row of a matrix, from its own column: the columns ticked (`;`), a stage, or an option."""
    text = str(raw).strip() if not isinstance(raw, bool | int | float) else raw
    if question.matrix_kind == "columns":
        wanted = [p.strip() for p in str(text).split(MULTI_SEPARATOR) if p.strip()]
        ticked = [_option_id_in(question.columns, p) for p in wanted]
        unknown = [p for p in ticked if p not in question.column_ids]
        if unknown:
            return None, f"'{unknown[0]}' is not a column; columns: {', '.join(question.column_ids)}"
        return ticked, None
    if question.matrix_kind == "options":
        value = _option_id(question, str(text))
        if question.option(value) is None:
            return None, f"'{value}' is not an option; options: {', '.join(question.option_ids)}"
        return value, None
    number = _number(text)
    if not isinstance(number, int) or not question.scale_min <= number <= question.scale_max:
        low, high = question.scale_min, question.scale_max
        return None, f"expected a whole number from {low} to {high}, found {raw!r}"
    return number, None


def convert_cell(question: Question | None, raw: Any) -> tuple[Any, str | None]:
    """A cell's value as the answers file stores it for `question`, or why it cannot be.

    Cells arrive as text (CSV) or typed (XLSX numbers and booleans). Options may be written by id or by
    label in any language, in any case; several options of a multiple choice are separated by `;`.
    """
    if question is None:
        return str(raw).strip(), None
    text = str(raw).strip() if not isinstance(raw, bool | int | float) else raw
    if isinstance(text, str) and text in SPECIAL_ANSWERS:
        return text, value_problem(question, text)
    kind = question.type
    value: Any
    if kind == "single":
        value = _option_id(question, str(text))
    elif kind == "multi":
        parts = [p.strip() for p in str(text).split(MULTI_SEPARATOR)]
        value = list(dict.fromkeys(_option_id(question, p) for p in parts if p))  # "a; a" means a
    elif kind in ("scale", "number"):
        value = _number(text)
        if value is None:
            return None, f"expected a number, found {raw!r}"
    elif kind == "yes_no":
        value = _yes_no(text)
        if value is None:
            return None, f"expected yes or no (or true or false), found {raw!r}"
    else:
        value, unreadable = read_typed(question, str(text), "en")
        if unreadable:
            return None, unreadable
    return value, value_problem(question, value)


def _option_id(question: Question, text: str) -> str:
    """The option meant by `text`: its id or a label, ignoring case; the text itself when none matches."""
    return _option_id_in(question.options, text)


def _option_id_in(options: Sequence[Option], text: str) -> str:
    wanted = text.casefold()
    for option in options:
        if option.id.casefold() == wanted or any(
            label.casefold() == wanted for label in option.label.values()
        ):
            return option.id
    return text


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value) if isinstance(value, int | float) else float(str(value))
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else number


def _yes_no(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _plain(str(value))
    yes, no = _yes_no_words()
    return True if text in yes else False if text in no else None


@cache
def _yes_no_words() -> tuple[frozenset[str], frozenset[str]]:
    """Yes and no in English and as every language the program speaks writes them (ja, oui, sí, tak,
    não), with or without accents: a sheet is filled in the client's language."""
    languages = tool_languages()
    yes = YES | {_plain(message("ui_yes", lang)) for lang in languages}
    no = NO | {_plain(message("ui_no", lang)) for lang in languages}
    return frozenset(yes), frozenset(no)


def _plain(text: str) -> str:
    """`text` folded for comparing words typed in a cell: no case, no accents, no spaces around."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
