"""The hostile-input corpus: every case in tests/cases/hostile/ ends with its message and exit code 2.

A case is a folder with `command` (the arguments after `readiness`; {dir} is the case folder, {tmp} a
fresh folder, {root} the repository) and `expected.txt`, whose lines must each appear in the error output.
Whatever files the case holds are inputs and must be left as they were.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness.cli import cli
from tests.conftest import ROOT

CASES = sorted(p for p in (ROOT / "tests" / "cases" / "hostile").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_hostile_input_gets_its_message(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    command = (case / "command").read_text(encoding="utf-8").strip()
    args = [part.format(dir=case, tmp=tmp_path, root=ROOT) for part in shlex.split(command)]
    inputs = {p: p.read_bytes() for p in case.iterdir() if p.is_file() and not p.is_symlink()}
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert line.format(dir=case, tmp=tmp_path) in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in inputs} == inputs
