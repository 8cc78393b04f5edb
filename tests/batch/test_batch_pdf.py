"""Real PDFs from a batch, in worker processes: a filled-in CSV template of three companies."""

from __future__ import annotations

from pathlib import Path

from readiness.batch.inputs import read_answers_bytes
from readiness.questionnaire.registry import Registry
from tests.batch.conftest import AS_OF, pdf_text
from tests.batch.test_batch import summary
from tests.batch.test_table import filled_rows
from tests.conftest import Run


def test_a_csv_of_three_companies_becomes_three_pdfs_with_their_answers_inside(
    run: Run, tmp_path: Path
) -> None:
    assert run(["template", "csv", "quickscan", "--out", "companies.csv"]).exit_code == 0
    table = tmp_path / "companies.csv"
    table.write_text(filled_rows(table.read_text(encoding="utf-8"), Registry.default()), encoding="utf-8")
    out = tmp_path / "reports"
    result = run(["batch", table, "--out-dir", out, "--jobs", "2", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    assert summary(out)["counts"] == {"done": 3, "skipped": 0, "failed": 0}
    pdfs = sorted(out.glob("*.pdf"))
    assert [p.name for p in pdfs] == [
        "bakkerij-de-korenschoof.pdf",
        "ferreira-logistica.pdf",
        "muller-sohne-gmbh.pdf",
    ]
    assert "Müller & Söhne GmbH" in pdf_text(out / "muller-sohne-gmbh.pdf")
    embedded = read_answers_bytes(out / "ferreira-logistica.pdf").decode("utf-8")
    assert "name: Ferreira Logística" in embedded and "questionnaire: quickscan@2.0.0" in embedded
