"""`readiness report`: answers or an earlier report PDF in, a report out, nothing asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import Run
from tests.report.conftest import FIXTURES


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_bytes((FIXTURES / "answers.yaml").read_bytes())
    return path


def test_a_pdf_by_default_in_reports_named_after_the_company(run: Run, answers: Path) -> None:
    result = run(["report", answers, "--as-of", "2026-11-27"])
    assert result.exit_code == 0, result.output
    assert result.output == "wrote reports/noordhoek-precisietechniek-b-v.pdf\n"
    reader = PdfReader("reports/noordhoek-precisietechniek-b-v.pdf")
    assert reader.metadata is not None and reader.metadata.get("/CreationDate") == "D:20261127000000Z"
    assert reader.root_object["/Lang"] == "en"

    again = run(
        [
            "report",
            "reports/noordhoek-precisietechniek-b-v.pdf",
            "--lang",
            "nl",
            "--format",
            "md",
            "--as-of",
            "2026-11-27",
            "--out",
            "out",
        ]
    )
    assert again.exit_code == 0, again.output
    assert (
        Path("out/noordhoek-precisietechniek-b-v.md")
        .read_text()
        .startswith("# Rapport AI-gereedheid: Noordhoek Precisietechniek B.V.\n")
    )


def test_json_is_the_assessment_and_names_do_not_collide(run: Run, answers: Path) -> None:
    result = run(["report", answers, answers, "--format", "json", "--as-of", "2026-11-27", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "noordhoek-precisietechniek-b-v-2.json",
        "noordhoek-precisietechniek-b-v.json",
    ]
    data = json.loads(Path("out/noordhoek-precisietechniek-b-v.json").read_text())
    assert data["as_of"] == "2026-11-27" and data["questionnaire"]["id"] == "quickscan"


def test_an_html_file_with_a_hub_brand(run: Run, answers: Path, tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16)
    (tmp_path / "hub.yaml").write_text('name: EDIH Example\nlogo: logo.png\ncolors: {primary: "#7a1f3d"}\n')
    result = run(["report", answers, "--format", "html", "--brand", tmp_path / "hub.yaml", "-o", "acme.html"])
    assert result.exit_code == 0, result.output
    html = Path("acme.html").read_text()
    assert "--primary: #7a1f3d;" in html and 'src="data:image/png;base64,' in html


def test_usage_errors_exit_2_with_a_message(run: Run, answers: Path, tmp_path: Path) -> None:
    many = run(["report", answers, answers, "--out", "one.pdf"])
    assert many.exit_code == 2 and "with several inputs, --out must be a folder" in many.output
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\n%%EOF\n")
    broken = run(["report", fake])
    assert broken.exit_code == 2 and "fake.pdf" in broken.output
    (tmp_path / "bad.yaml").write_text("name: Hub\nlogo: ../../etc/passwd.png\n")
    brand = run(["report", answers, "--brand", tmp_path / "bad.yaml"])
    assert brand.exit_code == 2 and "outside the brand file's folder" in brand.output
