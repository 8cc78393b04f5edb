"""Matrix questions in the spreadsheet tables `readiness template` writes and `readiness batch` reads:
one column per row, named `<question>.<row>`."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from readiness.batch.table import read_table
from readiness.questionnaire import Registry
from readiness.template_csv import template_columns
from tests.conftest import EXAMPLES

REGISTRY = Registry.default()
MANUFACTURING = REGISTRY.load("manufacturing@2.0.0")


def test_the_template_has_a_column_per_matrix_row() -> None:
    names = [name for name, _ in template_columns(MANUFACTURING, "en")]
    assert "ds_investments.operations" in names and "ds_investments" not in names
    assert "dr_advanced.iot" in names and "gr_environment.recycling" in names


def table_of_example(path: Path, change: dict[str, str] | None = None) -> Path:
    """The manufacturing example as one row of a batch table, every answer in its template column."""
    data = yaml.safe_load(EXAMPLES.joinpath("manufacturing.answers.yaml").read_text(encoding="utf-8"))
    row: dict[str, str] = {"questionnaire": "manufacturing@2.0.0"}
    row.update({f"company.{k}": str(v) for k, v in data["company"].items()})
    for qid, value in data["answers"].items():
        if isinstance(value, dict):
            for key, cell in value.items():
                row[f"{qid}.{key}"] = ";".join(cell) if isinstance(cell, list) else str(cell)
        elif isinstance(value, list):
            row[qid] = ";".join(value)
        else:
            row[qid] = str(value).lower() if isinstance(value, bool) else str(value)
    row.update(change or {})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    return path


def test_a_row_of_matrix_columns_reads_back_as_the_matrix(tmp_path: Path) -> None:
    (row,) = read_table(table_of_example(tmp_path / "t.csv"), REGISTRY)
    assert row.problems == () and row.data is not None
    source = yaml.safe_load(EXAMPLES.joinpath("manufacturing.answers.yaml").read_text(encoding="utf-8"))
    for qid in ("ds_investments", "dr_advanced", "aa_technologies", "gr_environment"):
        assert row.data["answers"][qid] == source["answers"][qid]


def test_a_bad_matrix_cell_names_its_row_and_column(tmp_path: Path) -> None:
    path = table_of_example(
        tmp_path / "t.csv", {"dr_advanced.iot": "9", "ds_investments.operations": "later"}
    )
    (row,) = read_table(path, REGISTRY)
    messages = [p.message for p in row.problems]
    assert any("(dr_advanced.iot): expected a whole number from 0 to 5, found '9'" in m for m in messages)
    assert any("(ds_investments.operations): 'later' is not a column" in m for m in messages)
    assert row.data is None


def test_a_matrix_of_stages_needs_every_row(tmp_path: Path) -> None:
    path = table_of_example(tmp_path / "t.csv", {"dr_advanced.iot": ""})
    (row,) = read_table(path, REGISTRY)
    assert any("every row needs an answer; missing: iot" in p.message for p in row.problems)
