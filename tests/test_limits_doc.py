"""docs/limits.md lists every limit the code enforces, with the value the code uses."""

from __future__ import annotations

import pytest

from readiness import conditions, errors, limits, patterns, yamlio
from readiness.batch import spreadsheet, table
from readiness.cli import options
from readiness.report import brand, extract
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "value", "written"),
    [
        ("yamlio.MAX_FILE_BYTES", yamlio.MAX_FILE_BYTES, f"{yamlio.MAX_FILE_BYTES // MIB} MiB"),
        ("yamlio.MAX_ALIASES", yamlio.MAX_ALIASES, f"{yamlio.MAX_ALIASES:,}"),
        ("yamlio.MAX_EXPANDED_NODES", yamlio.MAX_EXPANDED_NODES, f"{yamlio.MAX_EXPANDED_NODES:,}"),
        ("yamlio.MAX_DEPTH", yamlio.MAX_DEPTH, f"{yamlio.MAX_DEPTH} levels"),
        ("report.extract.MAX_PDF_BYTES", extract.MAX_PDF_BYTES, f"{extract.MAX_PDF_BYTES // MIB} MiB"),
        ("report.brand.MAX_LOGO_BYTES", brand.MAX_LOGO_BYTES, f"{brand.MAX_LOGO_BYTES // MIB} MiB"),
        ("limits.MAX_AI_SYSTEMS", limits.MAX_AI_SYSTEMS, f"{limits.MAX_AI_SYSTEMS:,}"),
        ("limits.MAX_NAME_LENGTH", limits.MAX_NAME_LENGTH, f"{limits.MAX_NAME_LENGTH:,} characters"),
        ("limits.MAX_TEXT_LENGTH", limits.MAX_TEXT_LENGTH, f"{limits.MAX_TEXT_LENGTH:,} characters"),
        ("limits.MAX_NUMBER", limits.MAX_NUMBER, f"{limits.MAX_NUMBER:,}"),
        ("errors.MAX_PROBLEMS_SHOWN", errors.MAX_PROBLEMS_SHOWN, f"{errors.MAX_PROBLEMS_SHOWN}"),
        ("cli.options.FIRST_AS_OF", options.FIRST_AS_OF, options.FIRST_AS_OF),
        ("cli.options.FIRST_AS_OF", options.LAST_AS_OF, options.LAST_AS_OF),
        ("batch.spreadsheet.MAX_TABLE_BYTES", spreadsheet.MAX_TABLE_BYTES, "20 MiB"),
        ("batch.spreadsheet.MAX_UNPACKED_BYTES", spreadsheet.MAX_UNPACKED_BYTES, "64 MiB"),
        ("batch.spreadsheet.MAX_PARTS", spreadsheet.MAX_PARTS, f"{spreadsheet.MAX_PARTS:,}"),
        ("batch.spreadsheet.MAX_COLUMNS", spreadsheet.MAX_COLUMNS, f"{spreadsheet.MAX_COLUMNS:,}"),
        ("batch.spreadsheet.MAX_SHEET_ROWS", spreadsheet.MAX_SHEET_ROWS, f"{spreadsheet.MAX_SHEET_ROWS:,}"),
        ("batch.table.MAX_ROWS", table.MAX_ROWS, f"{table.MAX_ROWS:,}"),
        ("conditions.MAX_EXPRESSION_LENGTH", conditions.MAX_EXPRESSION_LENGTH, "2,000 characters"),
        ("conditions.MAX_BRACKET_DEPTH", conditions.MAX_BRACKET_DEPTH, f"{conditions.MAX_BRACKET_DEPTH}"),
        ("conditions.MAX_TREE_DEPTH", conditions.MAX_TREE_DEPTH, f"{conditions.MAX_TREE_DEPTH}"),
        ("conditions.MAX_NODES", conditions.MAX_NODES, f"{conditions.MAX_NODES}"),
        ("conditions.MAX_COST", conditions.MAX_COST, f"{conditions.MAX_COST:,}"),
        (
            "conditions.LIST_SIZE_BOUND",
            conditions.LIST_SIZE_BOUND,
            f"at most {conditions.LIST_SIZE_BOUND} items",
        ),
        (
            "patterns.MAX_PATTERN_LENGTH",
            patterns.MAX_PATTERN_LENGTH,
            f"{patterns.MAX_PATTERN_LENGTH} characters",
        ),
        (
            "patterns.MAX_UNBOUNDED_REPEATS",
            patterns.MAX_UNBOUNDED_REPEATS,
            f"at most {patterns.MAX_UNBOUNDED_REPEATS}",
        ),
    ],
)
def test_every_limit_is_documented_with_its_value(name: str, value: object, written: str) -> None:
    row = next((line for line in DOC.splitlines() if name.split(".")[-1] in line), "")
    assert row, f"{name} is not in docs/limits.md"
    assert written in row, f"docs/limits.md gives {name} another value than {value}: {row}"
