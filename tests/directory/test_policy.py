"""The source policy: official links only, an official source for every confirmed entry, dates kept fresh."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from readiness.directory import check_directory_files
from readiness.directory.loader import load_policy
from readiness.errors import ProblemsError

from ..conftest import Run

TODAY = dt.date(2026, 12, 3)


def entry(entry_id: str = "my-hub", **fields: str | bool | list[str]) -> str:
    values: dict[str, str | bool | list[str]] = {
        "id": entry_id,
        "kind": "edih",
        "name": "My Hub",
        "country": "NL",
        "status": "eu_cofunded_edih",
        "confirmed": True,
        "url": "https://my-hub.example",
        "sources": ["https://my-hub.example/about"],
        "checked": "2026-11-27",
        **fields,
    }
    lines = [f"- id: {values.pop('id')}"]
    lines += [f"  {key}: {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def problems(tmp_path: Path, *entries: str) -> list[str]:
    path = tmp_path / "edihs" / "nl.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("entries:\n" + "".join(entries), encoding="utf-8")
    return [str(p) for p in check_directory_files([path], today=TODAY)]


def test_a_good_entry_passes(tmp_path: Path) -> None:
    assert problems(tmp_path, entry()) == []


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("https://www.vietnam.vn/en/eu-mo-them-sau-nha-may-ai", "a news site"),
        ("https://europeansting.com/2025/10/09/apply-ai", "a news site"),
        ("https://www.sipoch.com/en/article/1", "an aggregator"),
        ("https://www.ots.at/presseaussendung/1", "a press agency"),
        ("https://www.david-herman.com/portfolio/4899/", "a personal page"),
        ("https://talanews.blogspot.com/2025/10/x.html", "a blog"),
    ],
)
def test_a_news_or_blog_url_is_refused_with_its_place(tmp_path: Path, url: str, what: str) -> None:
    found = problems(tmp_path, entry(url=url, sources=[url, "https://www.rijksoverheid.nl/x"]))
    assert len(found) == 1
    assert "nl.yaml:8:8: " in found[0]
    assert f"url {url} is {what}" in found[0]


def test_a_confirmed_entry_needs_an_official_source(tmp_path: Path) -> None:
    news = ["https://www.derstandard.at/story/1", "https://www.uni-example.eu/news"]
    found = problems(tmp_path, entry(sources=news))
    assert any("confirmed: true, but none of its sources is an official page" in p for p in found)
    assert problems(tmp_path, entry(sources=news, confirmed=False)) == []
    assert problems(tmp_path, entry(sources=[*news, "https://www.provincie-utrecht.nl/a"])) == []


def test_an_own_site_proves_its_own_entry_only(tmp_path: Path) -> None:
    own = entry("hub-a", url="https://hub-a.example", sources=["https://hub-a.example/about"])
    other = entry("hub-b", url="https://hub-b.example", sources=["https://hub-a.example/partners"])
    found = problems(tmp_path, own, other)
    assert len(found) == 1 and "none of its sources is an official page" in found[0]
    policy = load_policy()
    assert policy.official_for("https://sub.hub-a.example/x", "https://hub-a.example")
    assert not policy.official_for("https://hub-a.example/x", "https://hub-b.example")


def test_two_entries_may_not_share_a_website(tmp_path: Path) -> None:
    first = entry("hub-a", url="https://shared.example")
    second = entry("hub-b", url="https://shared.example/")
    found = problems(tmp_path, first, second)
    assert any("is also the website of 'hub-a'" in p for p in found)
    catalogue = "https://european-digital-innovation-hubs.ec.europa.eu/edih-catalogue"
    official = [entry(n, url=catalogue, sources=[catalogue]) for n in ("hub-c", "hub-d")]
    assert problems(tmp_path, *official) == []  # an official page may stand for many entries


def test_info_url_must_be_official(tmp_path: Path) -> None:
    found = problems(tmp_path, entry(info_url="https://eusair-project.eu/project-overview"))
    assert any("info_url https://eusair-project.eu/project-overview is a site unrelated" in p for p in found)
    found = problems(tmp_path, entry(info_url="https://partner-university.example/hub"))
    assert any("neither an official EU or government page nor on the entry's own site" in p for p in found)


def test_government_domains_cover_their_subdomains() -> None:
    policy = load_policy()
    assert policy.government("https://digital-strategy.ec.europa.eu/en/policies/data-union")
    assert policy.government("https://przemyslprzyszlosci.gov.pl/x")
    assert policy.government("https://www.dgae.gov.pt/x")
    assert not policy.government("https://notgov.pl/x")
    assert not policy.government("https://europa.eu.example.com/x")
    assert policy.non_official_category("https://de.lider.media/x") == "news"


def test_warnings_for_stale_and_undecided_entries(tmp_path: Path) -> None:
    found = problems(tmp_path, entry(checked="2025-11-01"))
    assert len(found) == 1
    assert found[0].endswith(
        "nl.yaml:10:12: warning: last checked on 2025-11-01, 397 days ago (more than 365) "
        "(fix: check the entry against its official pages again and update checked)"
    )
    undecided = entry().replace("  confirmed: true\n", "")
    found = problems(tmp_path, undecided)
    assert len(found) == 1 and "warning: 'my-hub' does not say whether it was confirmed" in found[0]


def test_a_user_folder_with_a_news_link_is_refused(tmp_path: Path) -> None:
    from readiness.directory import load_directory

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "hubs.yaml").write_text(
        "entries:\n" + entry(url="https://www.cyprus-mail.com/2025/x"), encoding="utf-8"
    )
    with pytest.raises(ProblemsError, match="is a news site"):
        load_directory((folder,))


def test_validate_flags_with_file_line_and_column(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "nl.yaml"
    path.write_text("entries:\n" + entry(url="https://eubusiness.com/?p=1"), encoding="utf-8")
    result = run(["validate", str(path)])
    assert result.exit_code == 1
    assert "nl.yaml:8:8: url https://eubusiness.com/?p=1 is a news site" in result.output
    stale = tmp_path / "stale.yaml"
    stale.write_text("entries:\n" + entry(checked="2020-01-01"), encoding="utf-8")
    result = run(["validate", str(stale)])
    assert result.exit_code == 0, result.output
    assert "warning: last checked on 2020-01-01" in result.output
    assert "no problems, 1 warning(s)" in result.output


def test_info_shows_how_current_the_directory_is(run: Run) -> None:
    result = run(["info"])
    assert result.exit_code == 0, result.output
    assert "support directory: " in result.output
    assert "confirmed on an official page), checked 20" in result.output
    assert "  edih: " in result.output and "  authority: " in result.output
