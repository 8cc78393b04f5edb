"""The shipped directory files: valid, sourced, faithful to the reference compilation, and checked well."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

from readiness.directory import Directory, check_directory_files, load_directory
from readiness.directory.loader import builtin_folder, entry_files, load_policy
from readiness.errors import ProblemsError

from .conftest import REFERENCE


def test_builtin_files_have_no_problems() -> None:
    assert check_directory_files(today=dt.date(2026, 12, 3)) == []


def test_every_file_names_its_schema() -> None:
    folder = builtin_folder()
    for path in [*entry_files(folder), *sorted((folder / "maps").glob("*.yaml"))]:
        depth = "../" * len(path.relative_to(folder).parts)
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(f"# yaml-language-server: $schema={depth}readiness/schemas/directory"), path


def test_edihs_and_authorities_live_in_one_file_per_country(directory: Directory) -> None:
    for entry in directory.entries:
        if entry.kind in ("edih", "authority"):
            folder = "edihs" if entry.kind == "edih" else "authorities"
            assert entry.origin.endswith(f"{folder}/{entry.country.lower()}.yaml"), entry.id


def test_every_entry_is_sourced_dated_and_linked_officially(directory: Directory) -> None:
    policy = load_policy()
    for entry in directory.entries:
        assert entry.sources and entry.checked, entry.id
        for url in (entry.url, entry.info_url):
            assert not url or url.startswith("https://"), entry.id
            assert not policy.non_official_category(url), (entry.id, url)
        if entry.confirmed:
            assert entry.link, entry.id
        assert not entry.link or policy.official_for(entry.link, entry.url), entry.id


def test_counts_per_kind(directory: Directory) -> None:
    kinds = Counter(e.kind for e in directory.entries)
    assert kinds["edih"] >= 123
    assert kinds["authority"] >= 5
    assert (kinds["ai_factory"], kinds["ai_factory_antenna"], kinds["tef"]) == (19, 13, 5)
    ids = {e.id for e in directory.entries}
    assert {"ai-on-demand-platform", "genai4eu", "ai-factory-data-labs"} <= ids


def _reference() -> dict:
    path = REFERENCE / "hubs.yaml"
    if not path.exists():
        pytest.skip("the shared reference folder is not beside the checkout")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", ["ai_factories", "ai_factory_antennas", "edihs", "tefs"])
def test_reference_entries_kept_with_every_source(directory: Directory, section: str) -> None:
    """Ids are stable: a hub's own entries in user folders replace the built-in ones by id."""
    for item in _reference()[section]:
        entry = directory.get(item["id"])
        assert entry is not None, item["id"]
        if section != "edihs":
            assert entry.name == item["name"]
            assert set(item["sources"]) <= set(entry.sources), item["id"]
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
  confirmed: true
  sectors: [C]
  url: https://my-hub.example
  sources: [https://my-hub.example/about]
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
  nuts: [QQ1]
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
        "NUTS code 'QQ1' is in no listed country",
        "duplicate id 'my-hub'",
        "unknown service 'coffee'",
        "'nowhere' is not the id of another entry",
        "'2026-02-30' is not a calendar date",
    ):
        assert expected in texts
    lines = {m.split(" (")[0]: line for line, m in messages}
    assert lines["unknown status 'maybe'"] == 18
    assert lines["duplicate id 'my-hub'"] == 13


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
    write(tmp_path / "d" / "edihs", GOOD.replace("my-hub", "your-hub"), name="nl.yaml")
    write(tmp_path / "d" / "maps", "columns: {}\n", name="not-entries.yaml")
    assert check_directory_files([tmp_path / "d"], today=dt.date(2026, 12, 3)) == []
    folder = load_directory((tmp_path / "d",))
    assert folder.get("my-hub") is not None and folder.get("your-hub") is not None


def test_a_retired_id_finds_the_entry_that_stands_for_it(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    write(folder, GOOD + "retired:\n  my-old-hub: my-hub\n")
    directory = load_directory((folder,))
    assert directory.get("my-old-hub") is directory.get("my-hub") is not None
    assert check_directory_files([folder / "mine.yaml"]) == []


def test_a_retired_id_must_be_out_of_use_and_point_at_an_entry(tmp_path: Path) -> None:
    path = write(tmp_path / "d", GOOD + "retired:\n  my-hub: my-hub\n  gone: nowhere\n")
    texts = " | ".join(p.message for p in check_directory_files([path]))
    assert "'my-hub' is retired but an entry still uses it" in texts
    assert "retired id 'gone' stands for 'nowhere', which is not the id of an entry" in texts
