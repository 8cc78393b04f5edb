"""Reading YAML safely: positions, YAML 1.2 booleans, strings for dates, and every refusal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, SequenceNode

from readiness import yamlparse
from readiness.errors import ProblemsError
from readiness.yamlio import MAX_FILE_BYTES, decode_text, dump_yaml, parse_yaml, read_yaml
from tests.conftest import ROOT


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


# Both parsers read every text alike: libyaml's (fast) and PyYAML's own (the reference).

CONTENT_FOLDERS = ("questionnaires", "directory", "readiness", "templates", "examples", "tests")
SHIPPED = sorted(
    path
    for folder in CONTENT_FOLDERS
    for path in (ROOT / folder).rglob("*.y*ml")
    if path.suffix in (".yaml", ".yml") and not path.is_symlink()  # the hostile cases hold link loops
)
BAD_TEXTS = [
    "a: 1\na: 2\n",
    "a:\n\tb: 1\n",
    "a: x\tb\n",
    "[" * 70 + "]" * 70,
    "a: &x [1]\n" + "".join(f"b{i}: *x\n" for i in range(120)),
    "a: [1, 2\n",
    "a: 'open\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "a: \x07\n",
    "? [a]\n: 1\n",
    "a: !!binary aGVsbG8=\n",
    "a: !x 1\n",
    "a: !\nb: ! c\n",
    "%YAML 1.1\n---\na: 1\n",
    "---\na: 1\n---\nb: 2\n",
    "{a: }\n",
    "[a?b]\n",
    "a: |#\n  x\n",
    "a: *nothing\n",
    "\ufeffa: 1\r\nb: [x, y]\r\n",
    "a: 1\x85b: 2\u2028",
    "a: {b: [c, {d: e}]}\n",
    "k: 'it''s'\nq: \"tab\\tnew\\nline\"\nfold: >-\n  one\n  two\nlit: |\n  x\n   y\n",
]
TOKENS = [
    " ",
    "\n",
    "  ",
    ": ",
    "- ",
    "? ",
    "a",
    "no",
    "1.0",
    "#",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "|",
    ">",
]
TOKENS += ["&x ", "*x", "!", "!!str ", "%", "---", "...", "\t", "é", "\r\n", "\u2028", "x != y", "?", ":"]


def _outcome(text: str, *, fast: bool) -> tuple[Any, ...]:
    """What a parse gives, comparable across parsers: the data (with its types) and every node's tag,
    value and place, or the problems."""
    try:
        document = parse_yaml(text, Path("f.yaml"), fast=fast)
    except ProblemsError as exc:
        return ("refused", [str(p) for p in exc.problems])
    return ("read", _typed(document.data), _nodes(document.root))


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        return ("map", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(v) for v in value])
    return (type(value).__name__, value)


def _nodes(node: Node | None) -> list[Any]:
    if node is None:
        return []
    found: list[Any] = [(type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column)]
    if isinstance(node, MappingNode):
        for key, value in node.value:
            found += _nodes(key) + _nodes(value)
    elif isinstance(node, SequenceNode):
        for value in node.value:
            found += _nodes(value)
    else:
        found.append(node.value)
    return found


def test_the_c_parser_is_there_to_compare() -> None:
    assert yamlparse._CLoader is not None, "PyYAML without libyaml: the comparisons below prove nothing"


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(ROOT)) for p in SHIPPED])
def test_every_shipped_file_reads_the_same_with_both_parsers(path: Path) -> None:
    try:
        text = decode_text(path.read_bytes(), path.name)
    except ProblemsError:
        return  # a binary or non-UTF-8 case of the bad-input corpus: refused before any parser runs
    assert _outcome(text, fast=True) == _outcome(text, fast=False)


def test_the_content_files_take_the_fast_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, name: str) -> None:
        raise AssertionError(f"{name} was read by the Python parser")

    monkeypatch.setattr(yamlparse, "_parse_reporting", refuse)
    for path in SHIPPED:
        if "cases" not in path.parts and "fixtures" not in path.parts:
            parse_yaml(path.read_text(encoding="utf-8"), path)


@pytest.mark.parametrize("text", BAD_TEXTS)
def test_awkward_and_bad_texts_give_the_same_result_with_both_parsers(text: str) -> None:
    assert _outcome(text, fast=True) == _outcome(text, fast=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_random_texts_give_the_same_result_with_both_parsers(text: str) -> None:
    assert _outcome(text, fast=True) == _outcome(text, fast=False)


# Both emitters write the same answers files.


def _documents(text: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text)
    nested = st.recursive(
        values,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
        max_leaves=12,
    )
    return st.dictionaries(text, nested, max_size=6)


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=150)
# What people type into an interview: no control characters or line separators other than \n.
TYPED_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), include_characters="\n"
    ),
    max_size=150,
)


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.parent.name == "examples"], ids=lambda p: p.name)
def test_answers_files_are_written_the_same_by_both_emitters(path: Path) -> None:
    data = parse_yaml(path.read_text(encoding="utf-8"), path).data
    assert dump_yaml(data) == dump_yaml(data, fast=False)


@settings(max_examples=300, deadline=None)
@given(_documents(ANY_TEXT))
def test_any_data_is_written_the_same_by_both_emitters(data: dict[str, Any]) -> None:
    assert dump_yaml(data) == dump_yaml(data, fast=False)


@settings(max_examples=200, deadline=None)
@given(_documents(TYPED_TEXT))
def test_typed_answers_read_back_as_they_were_written(data: dict[str, Any]) -> None:
    assert parse_yaml(dump_yaml(data), Path("out.yaml")).data == data
