"""`readiness directory import`: table and map in, valid directory files out, hostile files refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from readiness.directory import check_directory_files, table_reader
from readiness.directory.loader import builtin_folder

from ..conftest import Run

CATALOGUE_MAP = builtin_folder() / "maps" / "edih-catalogue.yaml"
HEADER = [
    "Name",
    "Country",
    "City",
    "Region",
    "NUTS",
    "Type",
    "Sectors",
    "Technologies",
    "Services",
    "Website",
    "Email",
]
NORTH = [
    "EDIH Noord-Nederland (EDIH-NN)", "Netherlands", "Groningen", "Groningen, Friesland, Drenthe",
    "NL11,NL12,NL13", "EDIH", "Manufacturing;Agrifood", "AI;Robotics", "Test before invest",
    "https://edih-nn.example", "info@edih-nn.example",
]  # fmt: skip
NEW = [
    "Brainport Hub", "Netherlands", "Eindhoven", "Noord-Brabant", "NL41", "Seal of Excellence",
    "Manufacturing", "AI;HPC", "Skills", "https://brainport-hub.example", "hub@brainport-hub.example",
]  # fmt: skip


def csv_text(*rows: list[str]) -> str:
    def line(row: list[str]) -> str:
        return ",".join(f'"{cell}"' for cell in row)

    return "\n".join(line(row) for row in (HEADER, *rows)) + "\n"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A copy of the built-in Dutch EDIH file, to import into."""
    folder = tmp_path / "out"
    (folder / "edihs").mkdir(parents=True)
    (folder / "edihs" / "nl.yaml").write_bytes((builtin_folder() / "edihs" / "nl.yaml").read_bytes())
    return folder


def run_import(run: Run, table: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = run(["directory", "import", str(table), "--map", str(CATALOGUE_MAP), "--out", str(out), *extra])
    return result.exit_code, result.output


def test_dry_run_shows_what_would_change_and_writes_nothing(run: Run, tmp_path: Path, out: Path) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NORTH, NEW), encoding="utf-8")
    before = (out / "edihs" / "nl.yaml").read_bytes()
    code, output = run_import(run, table, out, "--dry-run", "--checked", "2026-12-01")
    assert code == 0, output
    assert "1 added, 1 changed, 5 removed" in output
    assert "+ edih-nl-brainport-hub  Brainport Hub" in output
    assert "~ edih-nl-066  EDIH Noord-Nederland (EDIH-NN): " in output  # the existing id is kept
    assert "- edih-nl-217  EDIH South Netherlands (EDIH-Zuid)" in output
    assert "dry run, nothing written" in output
    assert (out / "edihs" / "nl.yaml").read_bytes() == before


def test_import_writes_files_that_pass_validate_and_is_idempotent(
    run: Run, tmp_path: Path, out: Path
) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NORTH, NEW), encoding="utf-8")
    code, output = run_import(run, table, out, "--checked", "2026-12-01")
    assert code == 0, output
    written = out / "edihs" / "nl.yaml"
    assert check_directory_files([written]) == []
    text = written.read_text(encoding="utf-8")
    assert "id: edih-nl-066" in text and "status: seal_of_excellence" in text and "edih-nl-217" not in text
    assert "email: hub@brainport-hub.example" in text and "checked: '2026-12-01'" in text
    assert "*id" not in text and "&id" not in text  # shared values are written out, never as YAML aliases
    code, output = run_import(run, table, out, "--checked", "2026-12-01")
    assert "0 added, 0 changed, 0 removed" in output


def test_an_xlsx_export_is_read(run: Run, tmp_path: Path, out: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (HEADER, NEW):
        sheet.append(row)
    table = tmp_path / "catalogue.xlsx"
    book.save(table)
    code, output = run_import(run, table, out, "--dry-run")
    assert code == 0, output
    assert "+ edih-nl-brainport-hub  Brainport Hub" in output


def test_cells_that_are_not_links_are_left_out_with_their_place(run: Run, tmp_path: Path, out: Path) -> None:
    row = [*NEW[:9], "www.brainport-hub.example", "not an address"]
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(row), encoding="utf-8")
    code, output = run_import(run, table, out, "--dry-run")
    assert code == 0, output
    assert "row 2, column J (Website): 'www.brainport-hub.example' is not an https:// address" in output
    assert "row 2, column K (Email): 'not an address' is not an e-mail address" in output


def assert_refused(code: int, output: str, out: Path, *expected: str) -> None:
    assert code == 2, output
    for text in expected:
        assert text in output, output
    assert "Traceback" not in output
    assert "edih-nl-217" in (out / "edihs" / "nl.yaml").read_text(encoding="utf-8")  # nothing written


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("https://evil.example","x")', "'=HYPERLINK("),
        ("=cmd|' /C calc'!A0", "'=cmd|"),
        ("@SUM(1+1)*cmd", "'@SUM(1+1)*cmd'"),
        ("+cmd|' /C calc'!A0", "'+cmd|"),
    ],
)
def test_formulas_are_refused_with_row_and_column(
    run: Run, tmp_path: Path, out: Path, cell: str, shown: str
) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NORTH, [*NEW[:2], cell, *NEW[3:]]), encoding="utf-8")
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "row 3, column C", shown, "is a spreadsheet formula")


def test_a_phone_number_with_a_plus_is_no_formula() -> None:
    assert not table_reader.FORMULA.match("+31 40 123 4567")
    assert not table_reader.FORMULA.match("- AI and data")


def test_a_formula_in_an_xlsx_is_refused(run: Run, tmp_path: Path, out: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append([*NEW[:9], '=CONCAT("https://","x.example")', NEW[10]])
    table = tmp_path / "catalogue.xlsx"
    book.save(table)
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "row 2, column J", "is a spreadsheet formula")


def test_a_wrong_encoding_names_the_row(run: Run, tmp_path: Path, out: Path) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_bytes(csv_text(NORTH, [*NEW[:2], "Düsseldorf", *NEW[3:]]).encode("latin-1"))
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "row 3: the file is not UTF-8 text", "save it as 'CSV UTF-8'")


def test_missing_columns_are_named_with_those_found(run: Run, tmp_path: Path, out: Path) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text("Hub name,Country\nBrainport Hub,Netherlands\n", encoding="utf-8")
    code, output = run_import(run, table, out)
    assert_refused(
        code, output, out, "'Name' (for name)", "'Website' (for url)", "its columns are 'Hub name', 'Country'"
    )


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ([*NEW[:5], "Franchise", *NEW[6:]], "row 3, column F (Type): 'Franchise' is not one of 'EDIH'"),
        (
            [NEW[0], "Atlantis", *NEW[2:]],
            "row 3, column B (Country): 'Atlantis' is no country this tool knows",
        ),
        (["", *NEW[1:]], "row 3, column A (Name): empty, but name is required"),
        ([*NEW[:4], "Noord-Brabant", *NEW[5:]], "row 3, column E (NUTS): 'Noord-Brabant' is not a NUTS code"),
    ],
)
def test_bad_cells_are_located_and_nothing_is_written(
    run: Run, tmp_path: Path, out: Path, row: list[str], expected: str
) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NORTH, row), encoding="utf-8")
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, expected, "nothing was written")


def test_two_rows_making_one_entry_are_refused(run: Run, tmp_path: Path, out: Path) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NEW, NEW), encoding="utf-8")
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "rows 2 and 3 both make the entry 'edih-nl-brainport-hub'")


def test_caps_on_size_and_rows(run: Run, tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NORTH, NEW, NEW), encoding="utf-8")
    monkeypatch.setattr(table_reader, "MAX_ROWS", 2)
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "more than 2 rows; split the file")
    monkeypatch.setattr(table_reader, "MAX_FILE_BYTES", 100)
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "the file is larger than")


def test_a_zip_bomb_is_refused_before_it_is_opened(
    run: Run, tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_reader, "MAX_UNPACKED_BYTES", 1024 * 1024)
    table = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 1024 * 1024))
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "this looks like a zip bomb")


def test_doctype_and_entities_in_the_sheet_are_refused(run: Run, tmp_path: Path, out: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(NEW)
    clean = tmp_path / "clean.xlsx"
    book.save(clean)
    table = tmp_path / "entities.xlsx"
    with zipfile.ZipFile(clean) as source, zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>' + data
            target.writestr(item, data)
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "xl/worksheets/sheet1.xml declares a DOCTYPE or XML entities")


def test_a_file_that_is_not_a_workbook(run: Run, tmp_path: Path, out: Path) -> None:
    table = tmp_path / "fake.xlsx"
    table.write_text("Name,Country\n", encoding="utf-8")
    code, output = run_import(run, table, out)
    assert_refused(code, output, out, "not an XLSX workbook (it is not a zip package)")
    other = tmp_path / "table.ods"
    other.write_text("x", encoding="utf-8")
    code, output = run_import(run, other, out)
    assert_refused(code, output, out, "expected a .csv or .xlsx file")


def test_a_broken_map_is_located(run: Run, tmp_path: Path, out: Path) -> None:
    bad_map = tmp_path / "map.yaml"
    bad_map.write_text(
        "file: edihs/{country}.yaml\nid: x-{name}\ncolumns:\n  website: Website\n", encoding="utf-8"
    )
    table = tmp_path / "catalogue.csv"
    table.write_text(csv_text(NEW), encoding="utf-8")
    result = run(["directory", "import", str(table), "--map", str(bad_map), "--out", str(out)])
    assert result.exit_code == 2
    assert "map.yaml:4:3:" in result.output and "website" in result.output


def test_the_shipped_map_is_valid(run: Run) -> None:
    result = run(["validate", str(CATALOGUE_MAP)])
    assert result.exit_code == 0, result.output


def test_a_new_file_names_no_path_of_this_machine(run: Run, tmp_path: Path, out: Path) -> None:
    table = tmp_path / "catalogue.csv"
    german = [
        "Hub Nord",
        "Germany",
        "Kiel",
        "Schleswig-Holstein",
        "DEF0",
        "EDIH",
        "Manufacturing",
        "AI",
        "Skills",
    ]
    table.write_text(
        csv_text([*german, "https://hub-nord.example", "info@hub-nord.example"]), encoding="utf-8"
    )
    code, output = run_import(run, table, out, "--checked", "2026-12-01")
    assert code == 0, output
    text = (out / "edihs" / "de.yaml").read_text(encoding="utf-8")
    assert text.startswith("# readiness directory file. Its schema: `readiness schema directory`.")
    assert str(tmp_path) not in text and "$schema=" not in text and ".." not in text.split("\n", 1)[0]
