"""Reading YAML safely: positions, YAML 1.2 booleans, strings for dates, and every refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.errors import ProblemsError
from readiness.yamlio import MAX_FILE_BYTES, parse_yaml, read_yaml


def test_positions_point_at_values_and_keys() -> None:
    doc = parse_yaml("a: 1\nb:\n  - x: no\n    d: 2024-01-01\n", Path("t.yaml"))
    assert doc.position(("b", 0, "d")) == (4, 8)
    assert doc.position(("b", 0, "d"), key=True) == (4, 5)


def test_no_and_dates_stay_strings_but_true_is_a_boolean() -> None:
    doc = parse_yaml("country: NO\nanswer: no\nwhen: 2024-01-01\nversion: 1.0.0\nok: true\n", Path("t.yaml"))
    assert doc.data == {"country": "NO", "answer": "no", "when": "2024-01-01", "version": "1.0.0", "ok": True}


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ProblemsError, match="the limit is"):
        read_yaml(big)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "t.yaml:2:1: duplicate key 'a' (first defined on line 1)"),
        ("a:\n\tb: 1\n", "t.yaml:2:1: a tab character"),
        ("[" * 70 + "]" * 70, "nesting deeper than 64 levels"),
        ("", "the file is empty"),
        ("a: [1, 2\n", "YAML syntax error"),
    ],
)
def test_bad_yaml_is_one_located_problem(text: str, message: str) -> None:
    with pytest.raises(ProblemsError) as caught:
        parse_yaml(text, Path("t.yaml"))
    assert message in str(caught.value.problems[0])


def test_missing_and_binary_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(ProblemsError, match="no such file"):
        read_yaml(tmp_path / "nope.yaml")
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(ProblemsError, match="binary file"):
        read_yaml(binary)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_data_or_a_clean_problem(text: str) -> None:
    try:
        parse_yaml(text, Path("fuzz.yaml"))
    except ProblemsError as exc:
        assert exc.problems and all(p.path == "fuzz.yaml" for p in exc.problems)
