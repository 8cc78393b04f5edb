"""Loading questionnaires: includes in order, the `own` marker, conditions compiled, the content hash."""

from __future__ import annotations

from pathlib import Path

from readiness.questionnaire import Registry


def write(root: Path, qid: str, text: str) -> None:
    (root / qid).mkdir(parents=True, exist_ok=True)
    (root / qid / "1.0.0.yaml").write_text(text, encoding="utf-8")


MODULE = """id: {id}
version: 1.0.0
kind: module
title: {{en: {id}}}
sections:
  - id: {id}_s
    title: {{en: S}}
    questions:
      - {{id: {id}_q, type: yes_no, text: {{en: Q}}}}
"""

QUESTIONNAIRE = """id: demo
version: 1.0.0
kind: questionnaire
title: {{en: Demo}}
sector: ["*"]
includes:
{includes}
dimensions: [{{id: d, label: {{en: D}}}}]
levels: [{{id: low, from: 0, label: {{en: Low}}}}, {{id: high, from: 50, label: {{en: High}}}}]
sections:
  - id: own_s
    title: {{en: Own}}
    questions:
      - {{id: own_q, type: yes_no, dimension: d, when: first_q == true, text: {{en: Q}}}}
"""


def test_own_sections_go_where_the_marker_says(tmp_path: Path) -> None:
    write(tmp_path, "first", MODULE.format(id="first"))
    write(tmp_path, "last", MODULE.format(id="last"))
    includes = "  - {module: first, version: 1.0.0}\n  - own\n  - {module: last, version: 1.0.0}"
    write(tmp_path, "demo", QUESTIONNAIRE.format(includes=includes))
    q = Registry([tmp_path]).load("demo")
    assert [s.id for s in q.sections] == ["first_s", "own_s", "last_s"]
    assert q.condition("question", "own_q") is not None
    assert len(q.files) == 3 and len(q.content_hash) == 16


def test_without_the_marker_own_sections_come_last(tmp_path: Path) -> None:
    write(tmp_path, "first", MODULE.format(id="first"))
    write(tmp_path, "demo", QUESTIONNAIRE.format(includes="  - {module: first, version: 1.0.0}"))
    assert [s.id for s in Registry([tmp_path]).load("demo").sections] == ["first_s", "own_s"]


def test_the_content_hash_changes_with_an_included_module(tmp_path: Path) -> None:
    write(tmp_path, "first", MODULE.format(id="first"))
    write(tmp_path, "demo", QUESTIONNAIRE.format(includes="  - {module: first, version: 1.0.0}"))
    before = Registry([tmp_path]).load("demo").content_hash
    write(tmp_path, "first", MODULE.format(id="first").replace("title: {en: S}", "title: {en: T}"))
    assert Registry([tmp_path]).load("demo").content_hash != before
