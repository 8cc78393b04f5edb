"""Names as long as an answers file allows, in one unbroken word, stay on the page and keep tables whole."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from readiness.limits import MAX_NAME_LENGTH
from tests.conftest import EXAMPLES, Run


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_unbroken_names_of_the_longest_length_stay_inside_the_page(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "manufacturing.answers.yaml").read_text(encoding="utf-8"))
    data["company"]["name"] = ("Palletiseertechniek" * 11)[:MAX_NAME_LENGTH]
    data["ai_systems"][0]["name"] = ("PersonDetection" * 14)[:MAX_NAME_LENGTH]
    answers = tmp_path / "long.answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, width=10**6), encoding="utf-8")
    assert run(["report", answers, "-o", tmp_path / "long.pdf", "--as-of", "2026-11-27"]).exit_code == 0
    normal = run(["report", EXAMPLES / "manufacturing.answers.yaml", "-o", tmp_path / "n.pdf"])
    assert normal.exit_code == 0
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "long.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = re.findall(r'<page width="([\d.]+)"', boxes)
    assert len(pages) <= len(re.findall("<page ", _bbox(tmp_path / "n.pdf"))) + 3  # not 1,530, not 110
    width = float(pages[0])
    right_edges = [float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes)]
    assert max(right_edges) <= width


def _bbox(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
