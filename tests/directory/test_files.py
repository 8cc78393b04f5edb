"""The shipped directory files: valid, sourced, faithful to the reference compilation, and checked well."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from readiness.directory import Directory, check_directory_files, load_directory
from readiness.directory.loader import builtin_folder
from readiness.errors import ProblemsError

from .conftest import REFERENCE


def test_builtin_files_have_no_problems() -> None:
    assert check_directory_files() == []


def test_every_file_names_its_schema() -> None:
    for path in sorted(builtin_folder().glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../readiness/schemas/directory"), path.name


def test_every_entry_is_sourced_dated_and_linked_safely(directory: Directory) -> None:
    for entry in directory.entries:
        assert entry.sources, entry.id
        assert entry.checked == "2026-11-27", entry.id
        for url in (entry.url, entry.info_url):
            assert not url or url.startswith("https://"), entry.id


def test_counts_per_kind(directory: Directory) -> None:
    kinds = Counter(e.kind for e in directory.entries)
    assert kinds == {
        "edih": 123,
        "ai_factory": 19,
        "ai_factory_antenna": 13,
        "tef": 5,
        "contact_point": 6,
        "authority": 5,
        "funding": 5,
    }


def _reference() -> dict:
    path = REFERENCE / "hubs.yaml"
    if not path.exists():
        pytest.skip("the shared reference folder is not beside the checkout")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", ["ai_factories", "ai_factory_antennas", "edihs", "tefs"])
def test_reference_entries_kept_with_every_source(directory: Directory, section: str) -> None:
    for item in _reference()[section]:
        entry = directory.get(item["id"])
        assert entry is not None, item["id"]
        assert entry.name == item["name"]
        assert set(item["sources"]) <= set(entry.sources), item["id"]
        if section == "edihs":
            assert entry.status == item["status"]
            assert entry.country == item["country"]
            assert list(entry.sectors) == item.get("nace_sections", [])
        if "website" in item:
            assert entry.url == item["website"]


def test_all_nineteen_ai_factories(directory: Directory) -> None:
    factories = directory.of_kind("ai_factory")
    assert len(factories) == 19
    assert len({e.country for e in factories}) == 16


def write(folder: Path, text: str, name: str = "mine.yaml") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
entries:
- id: my-hub
  kind: edih
  name: My Hub
  country: NL
  nuts: [NL33]
  status: eu_cofunded_edih
  sectors: [C]
  sources: [https://example.org/my-hub]
  checked: '2026-11-27'
"""


def test_semantic_problems_are_located(tmp_path: Path) -> None:
    path = write(
        tmp_path / "d",
        GOOD
        + """\
- id: my-hub
  kind: edih
  name: Broken
  country: XX
  nuts: [DE1]
  status: maybe
  sectors: [C35, C04]
  services: [coffee]
  linked: [nowhere]
  sources: [https://example.org]
  checked: '2026-02-30'
""",
    )
    messages = {(p.line, p.message) for p in check_directory_files([path])}
    texts = " | ".join(m for _, m in sorted(messages))
    for expected in (
        "unknown country code 'XX'",
        "unknown status 'maybe'",
        "division 35 belongs to section D, not C",
        "there is no NACE division 04",
        "duplicate id 'my-hub'",
        "unknown service 'coffee'",
        "'nowhere' is not the id of another entry",
        "'2026-02-30' is not a calendar date",
    ):
        assert expected in texts
    lines = {m.split(" (")[0]: line for line, m in messages}
    assert lines["unknown status 'maybe'"] == 16
    assert lines["duplicate id 'my-hub'"] == 11


def test_schema_problems_for_authors(tmp_path: Path) -> None:
    path = write(
        tmp_path / "d",
        """\
entries:
- id: Bad Id
  kind: hub
  name: X
  country: nl
  url: http://example.org
  status: selected
  sources: []
  checked: '2026-11-27'
  website: https://example.org
""",
    )
    texts = [str(p) for p in check_directory_files([path])]
    joined = "\n".join(texts)
    assert "unknown key 'website'" in joined
    assert "'http://example.org' does not have the expected form" in joined
    assert "'hub' is not one of the allowed values" in joined
    assert ":5:" in joined  # the country's line


def test_user_folder_entry_replaces_builtin_and_adds(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, GOOD.replace("my-hub", "edih-nl-066").replace("My Hub", "Renamed hub"))
    directory = load_directory((folder,))
    assert directory.get("edih-nl-066").name == "Renamed hub"  # type: ignore[union-attr]
    assert len(directory.entries) == len(load_directory().entries)


def test_user_folder_may_not_bring_a_vocabulary(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    write(folder, "languages: [en]\n", name="vocabulary.yaml")
    with pytest.raises(ProblemsError, match="read only from the built-in directory"):
        load_directory((folder,))


def test_environment_folder_is_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "env"
    write(folder, GOOD)
    monkeypatch.setenv("READINESS_DIRECTORY", str(folder))
    assert load_directory().get("my-hub") is not None


def test_a_folder_is_expanded(tmp_path: Path) -> None:
    write(tmp_path / "d", GOOD)
    assert check_directory_files([tmp_path / "d"]) == []
