"""No file the tool writes carries an absolute path of the machine it ran on (the user's home folder)."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from pypdf import PdfReader

import readiness
from readiness.answers import HEADER, Answers, save_answers
from tests.conftest import EXAMPLES, Run

INSTALL = str(Path(readiness.__file__).resolve().parent.parent)


def test_a_saved_answers_file_names_no_path(tmp_path: Path) -> None:
    path = tmp_path / "a.answers.yaml"
    save_answers(path, Answers("quickscan@2.0.0", {"name": "Pad BV"}), now="2026-01-01T00:00:00+00:00")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    assert INSTALL not in text
    assert "$schema" not in text


def test_a_pdf_hides_the_absolute_path_an_older_answers_file_carried(run: Run, tmp_path: Path) -> None:
    old = tmp_path / "old.answers.yaml"
    lines = (EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    old.write_text(
        "# yaml-language-server: $schema=/home/jansen/.venv/lib/readiness/schemas/answers.schema.json\n"
        + "".join(lines[1:]),
        encoding="utf-8",
    )
    result = run(["report", old, "-o", tmp_path / "old.pdf", "--as-of", "2026-11-27"])
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "old.pdf")
    (attached,) = reader.attachments.values()
    assert attached[0].startswith(HEADER.encode("utf-8"))
    raw = (tmp_path / "old.pdf").read_bytes()
    streams = [raw] + [
        zlib.decompress(m.group(1))
        for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S)
        if m.group(1)[:1] == b"x"
    ]
    everything = b"\n".join(streams)
    for secret in (b"/home/jansen", INSTALL.encode(), str(tmp_path).encode(), b"file:/"):
        assert secret not in everything, secret
    assert all(INSTALL not in str(value) for value in (reader.metadata or {}).values())
