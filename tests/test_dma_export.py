"""`readiness export dma` and `readiness assess --seed-dma`: the DMA table a hub pastes into its reporting,
and a new assessment started from one of its rows; hostile tables are refused with the row and column."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, FIXTURES, Run

MANUFACTURING = EXAMPLES / "manufacturing.answers.yaml"
RETAIL = EXAMPLES / "retail.answers.yaml"
MUNICIPALITY = EXAMPLES / "public-sector.answers.yaml"


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def export(
    run: Run, *inputs: Path, out: str = "dma.csv", extra: tuple[str, ...] = ()
) -> list[dict[str, str]]:
    result = run(["export", "dma", *inputs, "--out", out, *extra])
    assert result.exit_code == 0, result.output
    return table(Path(out))


def test_one_row_per_client_with_every_item_and_the_scores(run: Run) -> None:
    rows = export(run, MANUFACTURING, RETAIL)
    assert [r["client"] for r in rows] == [
        "Brinkhorst Palletiseertechniek B.V.",
        "Norrsken Hem & Trädgård AB",
    ]
    first = rows[0]
    # The example's answers, item by item (examples/manufacturing.answers.yaml).
    assert first["Q01.ds_investments.operations.planned"] == "1"
    assert first["Q01.ds_investments.operations.invested"] == "1"
    assert first["Q01.ds_investments.delivery.invested"] == "0"
    assert first["Q02.ds_preparedness.funding"] == "1" and first["Q02.ds_preparedness.it_skills"] == "0"
    assert first["Q04.dr_advanced.cad_cam"] == "5"
    assert first["Q11.gr_environment.strategy"] == "partially"
    # Scores: Q01 per column, planned 3 of 10 and invested 4 of 10; D1 = (3 + 4 + 5) / 3 x 10.
    assert first["score.Q01.ds_investments.planned"] == "3.0"
    assert first["score.Q01.ds_investments.invested"] == "4.0"
    assert first["score.Q02.ds_preparedness"] == "5.0"
    assert first["score.digital_strategy"] == "40.0"
    assert first["score.dma"] == "44.5" and first["dual_scoring"] == "per_column"
    items = [name for name in first if name.startswith("Q")]
    assert len(items) == 20 + 10 + 10 + 7 + 7 + 8 + 8 + 6 + 5 + 10 + 5


def test_another_setting_for_the_planned_invested_matrix(run: Run) -> None:
    (row,) = export(run, MANUFACTURING, extra=("--dual-scoring", "per_row"))
    # per_row: operations 1, product_design 1, administration 1, purchasing 1, marketing_sales 0.5,
    # security_compliance 0.5 -> 5 of 10 -> 5.0; D1 = (5.0 + 5.0) x 5 = 50.0
    assert row["score.Q01.ds_investments"] == "5.0"
    assert row["score.digital_strategy"] == "50.0" and row["dual_scoring"] == "per_row"


def test_public_sector_clients_get_their_own_items(run: Run) -> None:
    (row,) = export(run, MUNICIPALITY)
    assert row["dma_module"] == "dma-pso@2.0.0"
    assert "Q09.pso_io_practices.open_data.implemented" in row
    assert row["Q04.pso_dr_advanced.ai"] == "4"


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ((MANUFACTURING, MUNICIPALITY), "the inputs answer different DMA modules"),
        ((EXAMPLES / "quickscan.answers.yaml",), "includes no DMA module"),
        ((FIXTURES / "manufacturing-1.0.0.answers.yaml",), "--upgrade"),
        ((Path("missing.answers.yaml"),), "no such file"),
    ],
    ids=["sme-and-pso", "no-dma", "old-version", "missing"],
)
def test_inputs_the_export_cannot_take(run: Run, inputs: tuple[Path, ...], message: str) -> None:
    result = run(["export", "dma", *inputs, "--out", "dma.csv"])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not Path("dma.csv").exists()


def test_a_cell_that_looks_like_a_formula_is_written_as_text(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load(MANUFACTURING.read_text(encoding="utf-8"))
    data["company"]["name"] = '=HYPERLINK("http://example.invalid","x")'
    hostile = tmp_path / "hostile.answers.yaml"
    hostile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (row,) = export(run, hostile)
    assert row["client"].startswith("'=")


def seed(run: Run, source: Path, *extra: str) -> tuple[int, str]:
    result = run(["assess", "--seed-dma", source, *extra])
    return result.exit_code, result.output


def test_a_new_assessment_starts_from_a_row_of_the_export(run: Run) -> None:
    export(run, MANUFACTURING, RETAIL)
    code, output = seed(run, Path("dma.csv"), "--seed-row", "3", "--answers", "norrsken.answers.yaml")
    assert code == 1  # no terminal: the rest of the questionnaire is still to be asked
    assert "started norrsken.answers.yaml with the DMA answers of dma.csv row 3" in output
    assert "--resume" in output
    saved = yaml.safe_load(Path("norrsken.answers.yaml").read_text(encoding="utf-8"))
    source = yaml.safe_load(RETAIL.read_text(encoding="utf-8"))
    assert saved["questionnaire"] == "retail@2.0.0"
    assert saved["company"]["name"] == "Norrsken Hem & Trädgård AB"
    dma = [k for k in source["answers"] if k.split("_")[0] in ("ds", "dr", "hc", "dm", "aa", "gr")]

    def same(value: object) -> object:
        return sorted(value) if isinstance(value, list) else value

    assert {k: same(saved["answers"][k]) for k in dma} == {k: same(source["answers"][k]) for k in dma}
    assert saved["meta"]["seeded"] == "dma.csv row 3"


def test_the_interview_continues_after_the_seeded_dma(run: Run) -> None:
    export(run, MANUFACTURING)
    Path("script.yaml").write_text('- ":skip"\n', encoding="utf-8")
    result = run(
        ["assess", "--seed-dma", "dma.csv", "--answers", "b.answers.yaml", "--script", "script.yaml"]
    )
    assert result.exit_code == 130  # the script ran out after one answer: stopped, everything saved
    saved = yaml.safe_load(Path("b.answers.yaml").read_text(encoding="utf-8"))
    # The interview starts at the first open question (the optional region, here skipped), not at the
    # seeded DMA questions.
    assert saved["meta"]["skipped"] == ["company_region"]
    assert "ds_investments" in saved["answers"]


def write(name: str, text: str | bytes) -> Path:
    path = Path(name)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def edited(run: Run, change: dict[str, str] | None = None, drop: str = "", add: str = "") -> Path:
    """The export of the manufacturing example with one cell changed, one column dropped or one added."""
    (row,) = export(run, MANUFACTURING, out="base.csv")
    row = {k: v for k, v in row.items() if k != drop}
    row.update(change or {})
    if add:
        row[add] = "1"
    with Path("edited.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    return Path("edited.csv")


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (lambda run: edited(run, {"Q04.dr_advanced.iot": "7"}), (), "row 2, column"),
        (
            lambda run: edited(run, {"Q04.dr_advanced.iot": "7"}),
            (),
            "expected a whole number from 0 to 5, found '7'",
        ),
        (lambda run: edited(run, {"Q02.ds_preparedness.funding": "yes"}), (), "expected 1 (ticked) or 0"),
        (
            lambda run: edited(run, {"Q11.gr_environment.strategy": "maybe"}),
            (),
            "expected one of no, partially, yes",
        ),
        (lambda run: edited(run, {"dma_module": "dma-pso@2.0.0"}), (), "the row answers dma-pso@2.0.0"),
        (
            lambda run: edited(run, drop="Q04.dr_advanced.iot"),
            (),
            "the column 'Q04.dr_advanced.iot' is missing",
        ),
        (
            lambda run: edited(run, add="Q99.nonsense"),
            (),
            "'Q99.nonsense' is not a column of this DMA export",
        ),
        (lambda run: edited(run), ("--seed-row", "7"), "no row 7; the clients are in rows 2-2"),
        (lambda run: write("empty.csv", ""), (), "the file is empty"),
        (lambda run: write("binary.csv", b"PK\x03\x04\x00\x00"), (), "binary file"),
        (lambda run: write("latin.csv", "client;\xe9t\xe9\n".encode("latin-1")), (), "not UTF-8"),
        (lambda run: write("header.csv", "client,country\n"), (), "is missing"),
    ],
    ids=[
        "cell-position",
        "stage-out-of-range",
        "tick-not-0-or-1",
        "unknown-option",
        "other-module",
        "missing-column",
        "unknown-column",
        "no-such-row",
        "empty",
        "binary",
        "not-utf8",
        "header-only",
    ],
)
def test_hostile_tables_are_refused_and_nothing_is_written(run: Run, make, args, message) -> None:  # type: ignore[no-untyped-def]
    source = make(run)
    code, output = seed(
        run, source, "--questionnaire", "manufacturing", "--answers", "new.answers.yaml", *args
    )
    assert code == 2, output
    assert message in output and "Traceback" not in output
    assert not Path("new.answers.yaml").exists() and not Path("reports").exists()


def test_several_clients_need_a_row_and_an_existing_file_is_never_overwritten(run: Run) -> None:
    export(run, MANUFACTURING, RETAIL)
    code, output = seed(run, Path("dma.csv"), "--answers", "x.answers.yaml")
    assert code == 2 and "2 clients in the table; choose one with --seed-row (rows 2-3)" in output
    Path("x.answers.yaml").write_text("keep me", encoding="utf-8")
    code, output = seed(run, Path("dma.csv"), "--seed-row", "2", "--answers", "x.answers.yaml")
    assert code == 2 and "already exists" in output
    assert Path("x.answers.yaml").read_text(encoding="utf-8") == "keep me"


def test_a_table_saved_by_a_dutch_spreadsheet_reads_too(run: Run) -> None:
    """Excel in Dutch saves CSV with semicolons."""
    (row,) = export(run, MANUFACTURING)
    with Path("semicolons.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row), delimiter=";")
        writer.writeheader()
        writer.writerow(row)
    code, output = seed(run, Path("semicolons.csv"), "--answers", "s.answers.yaml")
    assert code == 1, output
    assert (
        yaml.safe_load(Path("s.answers.yaml").read_text(encoding="utf-8"))["answers"]["dr_advanced"][
            "cad_cam"
        ]
        == 5
    )
