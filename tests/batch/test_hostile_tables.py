"""Spreadsheets made to break the reader: each fails alone with a clear reason, the others go on."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from tests.batch.test_batch import batch, summary
from tests.conftest import EXAMPLES, Run

SHEET = "xl/worksheets/sheet1.xml"
ROWS = [
    ("Eerste BV", "NL", "small"),
    ("Tweede BV", "BE", "micro"),
    ("Derde BV", "DE", "medium"),
]


def workbook(run: Run, tmp_path: Path, name: str = "companies.xlsx", rows: int = 3) -> Path:
    """The quickscan template with `rows` companies filled in, as openpyxl writes it."""
    from openpyxl import load_workbook

    path = tmp_path / name
    assert run(["template", "xlsx", "quickscan", "--out", path]).exit_code == 0
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    for company, country, size in ROWS[:rows]:
        row: list[object] = [None] * len(header)
        row[header.index("company.name")] = company
        row[header.index("company.country")] = country
        row[header.index("company.size")] = size
        sheet.append(row)
    book.save(path)
    return path


def rewrite(path: Path, part: str, change: object) -> None:
    """Replace one part of the zip with `change(old bytes)`, keeping the others."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[part] = change(parts[part])  # type: ignore[operator]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def outcome(run: Run, tmp_path: Path, table: Path) -> tuple[int, list[dict[str, str]]]:
    """Batch `table` together with a good answers file; the exit code and every item."""
    result = batch(run, table, EXAMPLES / "quickscan.answers.yaml", "--out-dir", tmp_path / "out")
    assert "Traceback" not in result.output
    return result.exit_code, summary(tmp_path / "out")["items"]


def test_a_sheet_whose_dimension_understates_it_loses_no_company(run: Run, tmp_path: Path) -> None:
    table = workbook(run, tmp_path)
    rewrite(table, SHEET, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:Q2"', xml))
    code, items = outcome(run, tmp_path, table)
    assert code == 0
    assert [i["input"] for i in items[:3]] == [f"{table.name} row {n}" for n in (3, 4, 5)]
    assert all(i["status"] == "done" for i in items)


def test_a_zip_bomb_is_refused_by_what_it_unpacks_to(run: Run, tmp_path: Path) -> None:
    table = workbook(run, tmp_path)
    # 70 MB of spaces inside the sheet compress to about 70 KB.
    rewrite(table, SHEET, lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 70_000_000, 1))
    assert table.stat().st_size < 1_000_000
    code, items = outcome(run, tmp_path, table)
    assert code == 1
    assert items[0]["status"] == "failed"
    assert "the workbook unpacks to more than 64 MiB; split it into several files" in items[0]["reason"]
    assert items[-1]["status"] == "done"


@pytest.mark.parametrize(
    ("part", "change", "reason"),
    [
        (SHEET, lambda xml: xml[: len(xml) // 2], "the first sheet cannot be read (damaged XML: "),
        (
            SHEET,
            lambda xml: (
                b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + xml
            ),
            f"{SHEET} declares a DOCTYPE or XML entities",
        ),
        ("xl/workbook.xml", lambda xml: xml[:40], "not a readable XLSX workbook (damaged XML: "),
        ("[Content_Types].xml", lambda xml: b"<Types/>", "not a readable XLSX workbook ("),
    ],
    ids=["truncated-sheet", "entity-bomb", "truncated-workbook", "no-content-types"],
)
def test_damaged_xml_fails_that_table_alone(
    run: Run, tmp_path: Path, part: str, change: object, reason: str
) -> None:
    table = workbook(run, tmp_path)
    rewrite(table, part, change)
    code, items = outcome(run, tmp_path, table)
    assert code == 1
    assert items[0]["status"] == "failed"
    assert items[0]["reason"].startswith(f"{table.name}: ")
    assert reason in items[0]["reason"]
    assert "save it again" in items[0]["reason"]
    assert items[-1]["status"] == "done"


def test_damaged_tables_are_left_out_of_a_cohort_and_named(run: Run, tmp_path: Path) -> None:
    table = workbook(run, tmp_path)
    rewrite(table, SHEET, lambda xml: xml[: len(xml) // 2])
    result = run(["cohort", table, EXAMPLES / "quickscan.answers.yaml", "--out", tmp_path / "cohort.html"])
    assert result.exit_code == 1
    assert f"left out {table.name}" in result.stderr
    assert "damaged XML" in result.stderr
    assert "Traceback" not in result.output
    assert (tmp_path / "cohort.html").is_file()


def test_a_sheet_far_too_wide_or_long_is_refused(run: Run, tmp_path: Path) -> None:
    wide = workbook(run, tmp_path, "wide.xlsx", rows=0)
    rewrite(
        wide,
        SHEET,
        lambda xml: xml.replace(b"</row>", b'<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>', 1),
    )
    long = workbook(run, tmp_path, "long.xlsx", rows=0)
    rewrite(
        long,
        SHEET,
        lambda xml: xml.replace(
            b"</sheetData>", b'<row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData>'
        ),
    )
    result = batch(run, wide, long, "--out-dir", tmp_path / "out")
    reasons = [i["reason"] for i in summary(tmp_path / "out")["items"]]
    assert result.exit_code == 1
    assert reasons == [
        "wide.xlsx: 16,384 columns; the limit is 1,000",
        "long.xlsx: more than 100,000 rows (empty ones included); split the file",
    ]


def test_a_csv_whose_columns_cannot_be_told_apart_is_one_clear_error(run: Run, tmp_path: Path) -> None:
    table = tmp_path / "pipes.csv"
    table.write_text(
        "questionnaire|company.name|company.country|company.size\n"
        + "".join(f"quickscan@2.0.0|{name}|{country}|{size}\n" for name, country, size in ROWS),
        encoding="utf-8",
    )
    code, items = outcome(run, tmp_path, table)
    assert code == 1
    assert len(items) == 2  # the table once, not once per row
    assert "its columns are not separated by commas, semicolons or tabs" in items[0]["reason"]
    assert "no questionnaire" not in items[0]["reason"]


def test_a_semicolon_csv_with_commas_in_its_cells_is_read_by_its_header(run: Run, tmp_path: Path) -> None:
    table = tmp_path / "semicolons.csv"
    table.write_text(
        "questionnaire;company.name;company.country;company.size\n"
        "quickscan@2.0.0;Komma, Punt & Co;NL;small\n",
        encoding="utf-8",
    )
    code, items = outcome(run, tmp_path, table)
    assert items[0]["input"] == "semicolons.csv row 2"
    assert "Komma" not in items[0].get("reason", "")
    assert items[0]["status"] == "done"
    assert code == 0


def test_a_table_without_a_name_column_says_what_the_first_row_must_hold(run: Run, tmp_path: Path) -> None:
    table = tmp_path / "no-names.csv"
    table.write_text("questionnaire,company.country\nquickscan@2.0.0,NL\n", encoding="utf-8")
    code, items = outcome(run, tmp_path, table)
    assert code == 1
    assert items[0]["reason"] == (
        "no-names.csv: no column called company.name; the first row must hold the column names "
        "(question ids), as `readiness template csv QUESTIONNAIRE` writes them"
    )
