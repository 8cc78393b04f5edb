"""Companies as spreadsheet rows: the template, filling it in, and every bad cell with its row and column."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from readiness.batch.table import column_letter, convert_cell
from readiness.hubdocs.i18n import translations
from readiness.l10n.languages import tool_languages
from readiness.questionnaire.model import Question
from readiness.questionnaire.registry import Registry
from tests.batch.test_batch import batch, summary
from tests.conftest import Run

COMPANIES = [
    {
        "company.name": "Bakkerij De Korenschoof",
        "company.country": "nl",
        "company.size": "micro",
        "company.nace": "c10",
    },
    {
        "company.name": "Müller & Söhne GmbH",
        "company.country": "DE",
        "company.size": "Small",
        "company.nace": "C25",
    },
    {
        "company.name": "Ferreira Logística",
        "company.country": "PT",
        "company.size": "medium",
        "company.nace": "H49",
    },
]


def a_cell(question: Question, index: int) -> str:
    """A valid cell for `question`, varied by company, written the way a person would."""
    if question.type == "single":
        return question.options[index % len(question.options)].id
    if question.type == "multi":
        plain = [o.id for o in question.options if not o.exclusive]
        return "; ".join(plain[: index + 1])
    if question.type == "scale":
        return str(min(question.scale_max, question.scale_min + index))
    if question.type == "yes_no":
        return ("yes", "False", "ja")[index]
    if question.type == "number":
        return str(question.number_min or 0)
    return "fine"


def filled_rows(text: str, registry: Registry) -> str:
    """The template's two rows plus the three companies, every question answered."""
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    header = rows[0]
    questionnaire = registry.load(rows[1][0].split()[1])
    for index, company in enumerate(COMPANIES):
        cells = []
        for column in header:
            question = questionnaire.question(column)
            cells.append(company.get(column, "") if question is None else a_cell(question, index))
        rows.append(cells)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue()


def test_the_template_filled_with_three_companies_becomes_three_reports(run: Run, tmp_path: Path) -> None:
    assert run(["template", "csv", "quickscan", "--out", "companies.csv"]).exit_code == 0
    table = tmp_path / "companies.csv"
    header, texts = table.read_text(encoding="utf-8-sig").splitlines()[:2]
    assert header.startswith("questionnaire,company.name,company.country,company.size")
    assert texts.startswith("# quickscan@2.0.0 ")
    table.write_text(filled_rows(table.read_text(encoding="utf-8"), Registry.default()), encoding="utf-8")
    result = batch(run, table, "--out-dir", tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").glob("*.json") if p.name != "batch-summary.json")
    assert names == ["bakkerij-de-korenschoof.json", "ferreira-logistica.json", "muller-sohne-gmbh.json"]
    report = json.loads((tmp_path / "out" / "muller-sohne-gmbh.json").read_text(encoding="utf-8"))
    company = report["company"]
    assert (company["name"], company["country"], company["size"], company["nace"]) == (
        "Müller & Söhne GmbH",
        "DE",
        "small",
        "C25",
    )
    assert [i["input"] for i in summary(tmp_path / "out")["items"]] == [
        "companies.csv row 3",
        "companies.csv row 4",
        "companies.csv row 5",
    ]


def test_every_bad_cell_is_named_by_row_and_column_and_good_rows_go_on(run: Run, tmp_path: Path) -> None:
    table = tmp_path / "companies.csv"
    table.write_text(
        "questionnaire,company.name,company.country,company.size,ai_plan,ai_stage,Timestamp,#note\n"
        "quickscan@1.0.0,Good BV,NL,small,,2,,\n"
        "quickscan@1.0.0,Bad BV,XX,,someday,high,2026-01-01,ignored\n",
        encoding="utf-8",
    )
    result = batch(run, table, "--out-dir", tmp_path / "out")
    assert result.exit_code == 1
    items = summary(tmp_path / "out")["items"]
    assert [i["status"] for i in items] == ["done", "failed"]
    reason = items[1]["reason"]
    assert "companies.csv:3:3: row 3, column C (company.country): 'XX' is not an option" in reason
    assert "row 3, column E (ai_plan): 'someday' is not an option" in reason
    assert "row 3, column F (ai_stage): expected a number, found 'high'" in reason
    assert "row 3, column G (Timestamp): 'Timestamp' is not a question of quickscan@1.0.0" in reason
    assert "row 3, column D (company.size): this company field is required" in reason
    assert "#note" not in reason
    assert "required question(s) unanswered" in items[0]["notes"][0] and "ai_plan" in items[0]["notes"][0]


def test_an_xlsx_table_is_read_like_a_csv(run: Run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert run(["template", "xlsx", "quickscan", "--out", "companies.xlsx"]).exit_code == 0
    path = tmp_path / "companies.xlsx"
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    row: list[Any] = [None] * len(header)
    row[header.index("company.name")] = "Typed Cells NV"
    row[header.index("company.country")] = "BE"
    row[header.index("company.size")] = "micro"
    row[header.index("ai_stage")] = 3
    sheet.append(row)
    book.save(path)
    result = batch(run, path, "--out-dir", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "typed-cells-nv.json").is_file()


def test_a_file_that_is_no_table_fails_alone(run: Run, tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip file")
    result = batch(run, tmp_path / "broken.xlsx", "--out-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert "broken.xlsx: not a readable XLSX workbook" in summary(tmp_path / "out")["items"][0]["reason"]


@pytest.mark.parametrize(
    ("question_id", "raw", "expected"),
    [
        ("ai_plan", "NONE", "none"),
        ("ai_stage", "3", 3),
        ("ai_stage", 3.0, 3),
        ("personal_data", "No", False),
        ("personal_data", "TRUE", True),
        ("personal_data", True, True),
        ("personal_data", "Nein", False),
        ("personal_data", " oui ", True),
        ("personal_data", "si", True),
        ("personal_data", "Sí", True),
        ("personal_data", "tak", True),
        ("personal_data", "nee", False),
        ("personal_data", "Não", False),
        ("personal_data", "nao", False),
    ],
)
def test_cells_are_read_the_way_people_write_them(question_id: str, raw: Any, expected: Any) -> None:
    question = Registry.default().load("quickscan@1.0.0").question(question_id)
    assert question is not None
    if question.type == "single" and isinstance(expected, str) and question.option(expected) is None:
        pytest.skip(f"quickscan has no option {expected} at {question_id}")
    assert convert_cell(question, raw) == (expected, None)


def test_options_may_be_written_by_their_label_in_any_language() -> None:
    questionnaire = Registry.default().load("quickscan@1.0.0")
    question = next(q for q in questionnaire.questions() if q.type == "multi")
    first, second = question.options[0], question.options[1]
    raw = f"{first.label['en'].upper()} ; {second.label.get('nl', second.label['en'])}"
    assert convert_cell(question, raw) == ([first.id, second.id], None)


def test_column_letters_go_on_after_z() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_a_module_has_no_template(run: Run) -> None:
    result = run(["template", "csv", "company"])
    assert result.exit_code == 2
    assert "a module" in result.output


@pytest.mark.parametrize("lang", tool_languages())
def test_the_yes_and_no_the_template_asks_for_are_read_back(lang: str) -> None:
    """The CSV template says which words a yes/no cell takes, in the client's language; the importer
    reads those words (a "nein" or a "tak" was refused before)."""
    hint = translations(lang).gettext("yes or no")
    words = hint.split()
    question = Registry.default().load("quickscan@1.0.0").question("personal_data")
    assert question is not None
    assert convert_cell(question, words[0]) == (True, None), hint
    assert convert_cell(question, words[-1]) == (False, None), hint
