"""An empty answers table for a questionnaire: what `readiness batch` reads from a CSV or XLSX file.

For hubs that collect answers in a survey tool or a spreadsheet: the first row holds the column names
(`questionnaire`, the company fields, then every question id), the second row each column's question
and the values it takes. That row starts with `# <questionnaire>@<version>`, so `batch` skips it and uses
that version for rows whose `questionnaire` cell is empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from readiness.batch.table import COMPANY_FIELDS, MULTI_SEPARATOR, QUESTIONNAIRE_COLUMN
from readiness.hubdocs.i18n import gettext_for
from readiness.questionnaire.model import Question, Questionnaire, tr

Columns = list[tuple[str, str]]
# A cell starting with one of these is a formula to a spreadsheet program (OWASP, "CSV Injection"):
# a question text like `=HYPERLINK(...)` must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """`text` as a CSV cell no spreadsheet program runs as a formula: a leading ' where it could be one."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def template_columns(questionnaire: Questionnaire, lang: str) -> Columns:
    """(column name, what goes in it) for every column of the table, in questionnaire order."""
    _ = gettext_for(lang)
    by_store = {
        q.store.split(".", 1)[1]: q
        for q in questionnaire.questions()
        if q.store and q.store.startswith("company.")
    }
    columns: Columns = [
        (
            QUESTIONNAIRE_COLUMN,
            f"# {questionnaire.ref} "
            + _("(this row is not read; an empty questionnaire cell means this one)"),
        )
    ]
    for key in COMPANY_FIELDS:
        question = by_store.get(key)
        text = describe(question, lang, _) if question else key
        columns.append((f"company.{key}", text))
    for question in questionnaire.questions():
        if question.type == "matrix":
            values = describe(question, lang, _)
            for row in question.rows:
                columns.append((f"{question.id}.{row.id}", f"{tr(row.label, lang)} — {values}"))
        elif not question.store and question.type != "group":
            columns.append((question.id, describe(question, lang, _)))
    return columns


def describe(question: Question, lang: str, _: Callable[[str], str]) -> str:
    """The question's text and, in brackets, the values its cell takes."""
    kind = question.type
    if kind == "single":
        values = _("one of: %(options)s") % {"options": ", ".join(question.option_ids)}
    elif kind == "multi":
        values = _("any of, separated by %(sep)s: %(options)s") % {
            "sep": MULTI_SEPARATOR,
            "options": f"{MULTI_SEPARATOR} ".join(question.option_ids),
        }
    elif question.matrix_kind == "columns":
        values = _("any of, separated by %(sep)s: %(options)s") % {
            "sep": MULTI_SEPARATOR,
            "options": f"{MULTI_SEPARATOR} ".join(question.column_ids),
        }
    elif question.matrix_kind == "options":
        values = _("one of: %(options)s") % {"options": ", ".join(question.option_ids)}
    elif kind in ("scale", "matrix"):
        values = _("a whole number from %(low)d to %(high)d") % {
            "low": question.scale_min,
            "high": question.scale_max,
        }
    elif kind == "yes_no":
        values = _("yes or no")
    elif kind == "number":
        values = _("a number") + (f" ({tr(question.unit, lang)})" if question.unit else "")
    else:
        values = _("text")
    specials = [
        s
        for s, offered in (("dont_know", question.dont_know), ("not_applicable", question.not_applicable))
        if offered
    ]
    if specials:
        values += "; " + _("or: %(specials)s") % {"specials": ", ".join(specials)}
    return f"{tr(question.text, lang)} [{values}]"


def template_csv(questionnaire: Questionnaire, lang: str) -> str:
    """The table as CSV text, with a byte-order mark so that spreadsheet programs read it as UTF-8."""
    columns = template_columns(questionnaire, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([inert(name) for name, _ in columns])
    writer.writerow([inert(text) for _, text in columns])
    return "\ufeff" + buffer.getvalue()


def template_xlsx(questionnaire: Questionnaire, lang: str) -> bytes:
    """The table as an XLSX workbook: the header frozen, the question row wrapped and in grey."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    columns = template_columns(questionnaire, lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "answers"
    sheet.append([name for name, _ in columns])
    sheet.append([text for _, text in columns])
    for row in (sheet[1], sheet[2]):
        for cell in row:
            # openpyxl stores a text starting with = as a formula; keep every cell a string, shown as
            # typed (the quote prefix is how a spreadsheet marks text that looks like a formula).
            cell.data_type = "s"
            cell.quotePrefix = isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="6B7585")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index in range(1, len(columns) + 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = 24
    sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
