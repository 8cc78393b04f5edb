"""The content cache: what it gives back is what parsing gives, it is never stale, never needed, and a
company's own files never go into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness import cache as content_cache
from readiness import schemas
from readiness.answers import load_answers
from readiness.questionnaire import Registry, loader
from readiness.yamlio import read_yaml
from tests.conftest import EXAMPLES, ROOT, Run
from tests.test_yamlio import _nodes, _typed

CONTENT = sorted(
    [
        *(ROOT / "questionnaires").rglob("*.yaml"),
        *(ROOT / "directory").glob("*.yaml"),
        *(ROOT / "readiness" / "aiact" / "data").glob("*.yaml"),
    ]
)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and no files kept from earlier tests in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(content_cache.ENV_DIR, str(folder))
    monkeypatch.setattr(loader, "_READ_CACHE", {})
    return folder


def _entries(folder: Path, kind: str) -> list[Path]:
    return sorted(p for p in (folder / kind).rglob("*") if p.is_file()) if (folder / kind).is_dir() else []


@pytest.mark.parametrize("path", CONTENT, ids=[str(p.relative_to(ROOT)) for p in CONTENT])
def test_a_cached_file_gives_the_same_data_and_positions_as_parsing_it(path: Path, cache_dir: Path) -> None:
    parsed = read_yaml(path, cache=True)
    cached = read_yaml(path, cache=True)
    assert parsed.root is not None and cached._encoded is not None  # the second came from the cache
    assert _typed(cached.data) == _typed(parsed.data)
    assert _nodes(cached.root) == _nodes(parsed.root)


def test_an_edited_file_is_read_again_never_from_a_stale_entry(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "content.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(path, cache=True).data == {"a": 1}
    path.write_text("a: 2\nb: [x]\n", encoding="utf-8")
    changed = read_yaml(path, cache=True)
    assert changed.data == {"a": 2, "b": ["x"]}
    assert changed.position(("b", 0)) == (2, 5)


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_damaged_entry_is_ignored_and_written_again(
    tmp_path: Path, cache_dir: Path, damage: bytes | None
) -> None:
    path = tmp_path / "content.yaml"
    path.write_text("a: [1, 2]\nb: text\n", encoding="utf-8")
    read_yaml(path, cache=True)
    [entry] = _entries(cache_dir, "yaml")
    good = entry.read_bytes()
    # Truncated, replaced, or one byte of the payload flipped (still valid marshal data, wrong checksum).
    entry.write_bytes(damage if damage is not None else good[:-3] + bytes([good[-3] ^ 1]) + good[-2:])
    document = read_yaml(path, cache=True)
    assert document.data == {"a": [1, 2], "b": "text"}
    assert document.position(("b",)) == (2, 4)
    assert entry.read_bytes() == good


def test_the_cache_can_be_deleted_or_turned_off(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = Registry.default()
    first = registry.load("manufacturing")
    assert _entries(cache_dir, "yaml") and _entries(cache_dir, "schema")
    for entry in cache_dir.rglob("*"):
        if entry.is_file():
            entry.unlink()
    again = Registry.default().load("manufacturing")
    assert again.content_hash == first.content_hash
    off = tmp_path / "off"
    monkeypatch.setenv(content_cache.ENV_DIR, str(off))
    monkeypatch.setenv(content_cache.ENV_OFF, "1")
    Registry.default().load("quickscan")
    assert not off.exists()


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(content_cache.ENV_DIR, str(blocked))
    assert Registry.default().load("quickscan").id == "quickscan"


def test_entries_are_written_whole_with_nothing_left_over(cache_dir: Path) -> None:
    Registry.default().load("general")
    files = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert files and not [p for p in files if p.name.endswith(".tmp")]


def test_a_companys_answers_are_never_cached(cache_dir: Path) -> None:
    registry = Registry.default()
    registry.load("general")
    before = set(_entries(cache_dir, "yaml")) | set(_entries(cache_dir, "schema"))
    load_answers(EXAMPLES / "general.answers.yaml", registry)
    assert set(_entries(cache_dir, "yaml")) | set(_entries(cache_dir, "schema")) == before


def test_a_passed_schema_check_is_remembered_a_failed_one_is_not(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("name: Hub\n", encoding="utf-8")
    bad.write_text("name: Hub\ncolour: red\n", encoding="utf-8")
    assert schemas.check_against_schema(read_yaml(good, cache=True), "brand") == []
    assert schemas.check_against_schema(read_yaml(bad, cache=True), "brand")

    def no_checking(name: str) -> None:
        raise AssertionError("the schema was checked again")

    monkeypatch.setattr(schemas, "_validator", no_checking)
    assert schemas.check_against_schema(read_yaml(good, cache=True), "brand") == []
    with pytest.raises(AssertionError, match="checked again"):
        schemas.check_against_schema(read_yaml(bad, cache=True), "brand")


def test_info_says_where_the_cache_is_or_that_it_is_off(
    run: Run, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert f"content cache: {cache_dir}\n" in run(["info"]).output
    monkeypatch.setenv(content_cache.ENV_OFF, "1")
    assert "content cache: off (READINESS_NO_CACHE is set)" in run(["info"]).output
