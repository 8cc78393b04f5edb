"""`readiness template`: a question text that looks like a formula stays text, and the language exists."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from tests.conftest import ROOT, Run

DEMO = ROOT / "tests" / "cases" / "invalid" / "pattern-invalid" / "demo" / "1.0.0.yaml"
TEXTS = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-3", "@SUM(A1)", "\tTab"]


def formula_questionnaire(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    (folder / "demo").mkdir(parents=True)
    text = DEMO.read_text(encoding="utf-8").replace('        pattern: "[A-Z"\n', "")
    extra = "".join(
        f"      - id: q{i}\n        type: text\n        required: false\n"
        f"        text: {{en: {json.dumps(t)}, nl: {json.dumps(t)}}}\n"
        for i, t in enumerate(TEXTS, start=10)
    )
    (folder / "demo" / "1.0.0.yaml").write_text(text + extra, encoding="utf-8")
    return folder


def test_csv_cells_that_look_like_formulas_get_a_quote(run: Run, tmp_path: Path) -> None:
    folder = formula_questionnaire(tmp_path)
    result = run(["template", "csv", "demo", "--questionnaires", folder, "-o", "-"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    texts = rows[1]
    for text in TEXTS:
        cell = next(c for c in texts if text.strip() in c)
        assert cell.startswith("'"), cell
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for c in row)


def test_xlsx_cells_that_look_like_formulas_stay_text(run: Run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = formula_questionnaire(tmp_path)
    target = tmp_path / "t.xlsx"
    assert run(["template", "xlsx", "demo", "--questionnaires", folder, "-o", target]).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    sheet = load_workbook(target).active
    assert sheet is not None
    cells = [c for c in sheet[2] if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert len(cells) == 4
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_a_language_the_questionnaire_is_not_written_in_is_refused(run: Run) -> None:
    result = run(["template", "csv", "quickscan", "--lang", "sv"])
    assert result.exit_code == 2
    assert "does not speak 'sv'" in result.stderr and "questionnaire quickscan@2.0.0: 0%" in result.stderr
