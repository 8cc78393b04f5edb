"""The DMA as a table a hub pastes into its DMA reporting, and back: one row per client, a column per item.

Columns (docs/results.md, "DMA export"): the client (name, country, size, NACE code), the questionnaire and
the DMA module it answered, then every item of the DMA module in the JRC's order, then the score of each
question (0-10), of each dimension (0-100) and the DMA score, with the setting used for the planned/invested
matrices. An item column is named `Qnn.<question>.<item>` (a tick-box matrix adds `.<column>`): 1 or 0 for a
ticked item, the stage 0-5 for an advanced-technology or AI row, no/partially/yes for an environmental row.

Reading a table back (`seed_from_table`) checks the whole file first; nothing is returned, and so nothing is
written, until every cell of the chosen row is valid.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.answers import LoadedAnswers
from readiness.batch.spreadsheet import column_letter, read_cells
from readiness.errors import ReadinessError, display_path
from readiness.question_scores import column_parts
from readiness.questionnaire.model import Question, Questionnaire
from readiness.scoring import Readiness, score_readiness
from readiness.values import value_problem

CLIENT_COLUMNS = ("client", "country", "size", "nace")
QUESTIONNAIRE_COLUMN = "questionnaire"
MODULE_COLUMN = "dma_module"
SETTING_COLUMN = "dual_scoring"
MAX_SEED_BYTES = 5 * 1024 * 1024
MAX_SEED_ROWS = 10_000
# A spreadsheet reads a cell starting with one of these as a formula; text cells get a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Item:
    """One DMA item column: which question, and which option, row and column of it."""

    name: str
    question: Question
    key: str = ""
    column: str = ""


def dma_module(questionnaire: Questionnaire) -> str:
    """The DMA module a questionnaire includes, as `id@version`; ReadinessError when it has none."""
    for module, version in questionnaire.module_versions.items():
        if module.startswith("dma-"):
            return f"{module}@{version}"
    raise ReadinessError(f"{questionnaire.ref} includes no DMA module")


def dma_questions(questionnaire: Questionnaire) -> list[Question]:
    """The scored questions of the DMA dimensions, in the order they are asked (the JRC's order)."""
    dma = {d.id for d in questionnaire.dimensions if d.dma}
    return [q for q in questionnaire.questions() if q.dimension in dma and q.scored]


def dma_items(questionnaire: Questionnaire) -> list[Item]:
    """Every item column, question by question."""
    items: list[Item] = []
    for number, question in enumerate(dma_questions(questionnaire), start=1):
        prefix = f"Q{number:02d}.{question.id}"
        if question.matrix_kind == "columns":
            items += [
                Item(f"{prefix}.{row}.{col}", question, row, col)
                for row in question.row_ids
                for col in question.column_ids
            ]
        elif question.type == "matrix":
            items += [Item(f"{prefix}.{row}", question, row) for row in question.row_ids]
        else:
            items += [Item(f"{prefix}.{o.id}", question, o.id) for o in question.options]
    return items


def score_columns(questionnaire: Questionnaire) -> list[str]:
    """The score columns: each question 0-10 (a matrix scored per column, each column), dimensions, DMA."""
    names = []
    for number, question in enumerate(dma_questions(questionnaire), start=1):
        names.append(f"score.Q{number:02d}.{question.id}")
        if question.matrix_kind == "columns":
            names += [f"score.Q{number:02d}.{question.id}.{col}" for col in question.column_ids]
    names += [f"score.{d.id}" for d in questionnaire.dimensions if d.dma]
    return [*names, "score.dma", SETTING_COLUMN]


def export_table(loaded: Sequence[LoadedAnswers], dual: str | None = None) -> str:
    """The CSV text (UTF-8 with a byte-order mark, for spreadsheets) for these clients, one row each.

    All must answer the same DMA module: the SME and public-sector questionnaires have different items.
    """
    if not loaded:
        raise ReadinessError("no answers to export")
    modules = {dma_module(x.questionnaire) for x in loaded}
    if len(modules) > 1:
        raise ReadinessError(
            f"the inputs answer different DMA modules ({', '.join(sorted(modules))}), whose items differ; "
            "export each kind to its own file"
        )
    first = loaded[0].questionnaire
    items = dma_items(first)
    header = [*CLIENT_COLUMNS, QUESTIONNAIRE_COLUMN, MODULE_COLUMN, *(i.name for i in items)]
    header += score_columns(first)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for entry in loaded:
        writer.writerow(_row(entry, dual))
    return "\ufeff" + buffer.getvalue()


def _row(entry: LoadedAnswers, dual: str | None) -> list[Any]:
    q, answers = entry.questionnaire, entry.answers
    company = answers.company
    cells: list[Any] = [_text(str(company.get(key, ""))) for key in ("name", "country", "size", "nace")]
    cells += [q.ref, dma_module(q)]
    for item in dma_items(q):
        cells.append(_cell(item, answers.answers.get(item.question.id)))
    result = score_readiness(q, answers, dual_scoring=dual)
    cells += _scores(q, answers.answers, result)
    return cells


def _cell(item: Item, value: Any) -> Any:
    """An item's value as the table shows it; empty when the question was not answered."""
    question = item.question
    if value is None or (isinstance(value, str) and value in ("dont_know", "not_applicable")):
        return ""
    if question.matrix_kind == "columns":
        return int(item.column in (value.get(item.key) or ()))
    if question.type == "matrix":
        return value.get(item.key, "")
    return int(item.key in value)


def _scores(q: Questionnaire, values: dict[str, Any], result: Readiness) -> list[Any]:
    """Each DMA question on 0-10 as scored (a tick-box matrix also per column), each dimension, the DMA."""
    scored = {s.question.id: s.value for s in result.questions}
    cells: list[Any] = []
    for question in dma_questions(q):
        value = scored.get(question.id)
        cells.append("" if value is None else round(10 * value, 2))
        if question.matrix_kind == "columns":
            answer = values.get(question.id)
            parts = column_parts(question, answer) if isinstance(answer, dict) else {}
            cells += [round(10 * parts[c], 2) if c in parts else "" for c in question.column_ids]
    dims = {d.dimension.id: d.score for d in result.dimensions}
    cells += ["" if dims.get(d.id) is None else dims[d.id] for d in q.dimensions if d.dma]
    return [*cells, "" if result.dma_score is None else result.dma_score, result.dual_scoring or ""]


def _text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_START) else value


@dataclass(frozen=True)
class Seed:
    """One client's row of a DMA export: the company fields found and the DMA answers."""

    company: dict[str, str]
    answers: dict[str, Any]
    module: str
    row: int


def seed_questionnaire(path: Path, row: int | None) -> str:
    """The questionnaire id the chosen row of an export answered (its `questionnaire` column), or ""."""
    rows = _read_rows(path)
    header = [h.strip() for h in rows[0]]
    number = _row_number(display_path(path), row, len(rows) - 1)
    cells = dict(zip(header, rows[number - 1], strict=False))
    return (cells.get(QUESTIONNAIRE_COLUMN) or "").strip().partition("@")[0]


def _row_number(name: str, row: int | None, count: int) -> int:
    if count == 0:
        raise ReadinessError(f"{name}: no client rows under the header")
    if row is None:
        if count > 1:
            raise ReadinessError(
                f"{name}: {count} clients in the table; choose one with --seed-row (rows 2-{count + 1})"
            )
        return 2
    if not 2 <= row <= count + 1:
        raise ReadinessError(f"{name}: no row {row}; the clients are in rows 2-{count + 1}")
    return row


def seed_from_table(path: Path, questionnaire: Questionnaire, row: int | None) -> Seed:
    """The DMA answers of row `row` (as the spreadsheet numbers it; the header is row 1) of an export.

    Raises ReadinessError naming the file, row and column of the first problem: an unreadable file, a
    column this module does not have or one it lacks, a row that is not there, or a cell that does not fit.
    """
    name = display_path(path)
    rows = _read_rows(path)
    header = [h.strip() for h in rows[0]]
    module = dma_module(questionnaire)
    items = {i.name: i for i in dma_items(questionnaire)}
    known = {*CLIENT_COLUMNS, QUESTIONNAIRE_COLUMN, MODULE_COLUMN, *items, *score_columns(questionnaire)}
    _check_header(name, header, known, items)
    data = rows[1:]
    row = _row_number(name, row, len(data))
    cells = dict(zip(header, data[row - 2], strict=False))
    where = {title: column_letter(i) for i, title in enumerate(header)}

    def problem(title: str, message: str) -> ReadinessError:
        return ReadinessError(f"{name}: row {row}, column {where[title]} ({title}): {message}")

    found = (cells.get(MODULE_COLUMN) or "").strip()
    if found != module:
        raise problem(
            MODULE_COLUMN, f"the row answers {found or 'no module'}, but {questionnaire.ref} has {module}"
        )
    answers: dict[str, Any] = {}
    for title, item in items.items():
        raw = (cells.get(title) or "").strip()
        if raw == "":
            continue
        message = _fill(answers, item, raw)
        if message:
            raise problem(title, message)
    for qid, value in answers.items():
        question = questionnaire.question(qid)
        message = value_problem(question, value) if question else None
        if message:
            first = next(t for t, i in items.items() if i.question.id == qid)
            raise problem(first, message)
    company = {
        key: value
        for key, column in zip(("name", "country", "size", "nace"), CLIENT_COLUMNS, strict=True)
        if (value := (cells.get(column) or "").strip().removeprefix("'"))
    }
    return Seed(company, answers, module, row)


def _fill(answers: dict[str, Any], item: Item, raw: str) -> str | None:
    """Put one cell into the answers; why it does not fit, or None."""
    question = item.question
    if question.matrix_kind == "scale":
        if not raw.isdigit() or not question.scale_min <= int(raw) <= question.scale_max:
            return f"expected a whole number from {question.scale_min} to {question.scale_max}, found '{raw}'"
        answers.setdefault(question.id, {})[item.key] = int(raw)
        return None
    if question.matrix_kind == "options":
        if question.option(raw) is None:
            return f"expected one of {', '.join(question.option_ids)}, found '{raw}'"
        answers.setdefault(question.id, {})[item.key] = raw
        return None
    if raw not in ("0", "1"):
        return f"expected 1 (ticked) or 0 (not ticked), found '{raw}'"
    if question.matrix_kind == "columns":
        matrix = answers.setdefault(question.id, {})
        if raw == "1":
            matrix.setdefault(item.key, []).append(item.column)
    else:
        chosen = answers.setdefault(question.id, [])
        if raw == "1":
            chosen.append(item.key)
    return None


def _read_rows(path: Path) -> list[list[str]]:
    """The non-empty rows of a CSV file, read the way `readiness batch` reads its tables."""
    name = display_path(path)
    if not path.is_file():
        raise ReadinessError(f"{name}: no such file")
    if path.stat().st_size > MAX_SEED_BYTES:
        raise ReadinessError(f"{name}: the file is larger than {MAX_SEED_BYTES // (1024 * 1024)} MiB")
    rows: list[list[str]] = []
    for cells in read_cells(path, (*CLIENT_COLUMNS, QUESTIONNAIRE_COLUMN, MODULE_COLUMN)):
        if any(str(c).strip() for c in cells):
            rows.append([str(c) for c in cells])
        if len(rows) > MAX_SEED_ROWS + 1:
            raise ReadinessError(f"{name}: more than {MAX_SEED_ROWS} rows")
    if not rows:
        raise ReadinessError(f"{name}: the file is empty; expected the header of a DMA export")
    return rows


def _check_header(name: str, header: list[str], known: set[str], items: dict[str, Item]) -> None:
    seen: dict[str, str] = {}
    for index, title in enumerate(header):
        letter = column_letter(index)
        if title in seen:
            raise ReadinessError(f"{name}: columns {seen[title]} and {letter} are both called '{title}'")
        seen[title] = letter
        if title not in known:
            raise ReadinessError(
                f"{name}: row 1, column {letter}: '{title}' is not a column of this DMA export "
                "(make the table with `readiness export dma`)"
            )
    missing = [title for title in (MODULE_COLUMN, *items) if title not in seen]
    if missing:
        more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
        raise ReadinessError(f"{name}: row 1: the column '{missing[0]}'{more} is missing")
