"""The "where to get help" part as a client reads it: clean cards, official links, the issuing hub first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readiness.directory import load_vocabulary
from readiness.directory.loader import load_policy
from tests.conftest import Run
from tests.report.conftest import FIXTURES

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VOCAB = load_vocabulary()
INTERNAL = [
    *(status for status in VOCAB.statuses if "_" in status),
    *(VOCAB.status_label(s, "en") for s, info in VOCAB.statuses.items() if info.get("caveat")),
    "not verified",
    "status:",
]


def support_section(html: str) -> str:
    start = html.index('id="support"')
    return html[start : html.index("</section>", start)]


def render(run: Run, answers: Path, *args: str) -> str:
    result = run(
        ["report", str(answers), "--format", "html", "--out", "out.html", "--as-of", "2026-12-03", *args]
    )
    assert result.exit_code == 0, result.output
    return Path("out.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "example", ["manufacturing", "agri-food", "health", "retail", "transport", "energy", "finance"]
)
def test_cards_hold_no_internal_words_and_only_official_links(run: Run, example: str) -> None:
    section = support_section(render(run, EXAMPLES / f"{example}.answers.yaml", "--lang", "en"))
    text = re.sub(r"<[^>]+>", " ", section)
    assert not [word for word in INTERNAL if word in text], example
    policy = load_policy()
    for link in re.findall(r'href="(https?://[^"]+)"', section):
        assert not policy.non_official_category(link), link
    assert "checked against official sources on 27 November 2026" in text or "between" in text
    assert "Not yet confirmed" not in text


def test_the_machine_builder_sees_its_region_first_and_only_true_location_claims(run: Run) -> None:
    section = support_section(render(run, EXAMPLES / "quickscan.answers.yaml"))
    cards = re.findall(r'<article class="card[^"]*">(.*?)</article>', section, re.DOTALL)
    whys = [re.sub(r"<[^>]+>", "", re.search(r'card-why">(.*?)</p>', c, re.DOTALL).group(1)) for c in cards]
    edihs = [w for w in whys if w.startswith("EDIH")]
    assert edihs[0].startswith("EDIH in your region")
    assert all("your region" not in w for w in edihs[1:])
    assert "matched to your location" in section


def test_no_location_claim_without_a_regional_match(run: Run, tmp_path: Path) -> None:
    answers = tmp_path / "cyprus.yaml"
    text = (FIXTURES / "answers.yaml").read_text(encoding="utf-8")
    answers.write_text(text.replace("country: NL", "country: CY").replace("NL33", "CY00"), encoding="utf-8")
    section = support_section(render(run, answers))
    assert "matched to your location" not in section
    assert "chosen for your country" in section
    assert "no EDIH for Cyprus is confirmed in this directory yet" in section


def test_unconfirmed_entries_only_when_the_hub_asks(run: Run) -> None:
    answers = EXAMPLES / "quickscan.answers.yaml"
    assert "Not yet confirmed on an official page." not in render(run, answers)
    assert "Not yet confirmed on an official page." in render(run, answers, "--include-unconfirmed")


def test_the_issuing_hub_leads_with_its_contact_person(run: Run) -> None:
    html = render(run, EXAMPLES / "quickscan.answers.yaml", "--brand", str(FIXTURES / "hub-brand.yaml"))
    cards = re.findall(r'<article class="card[^"]*">.*?</article>', support_section(html), re.DOTALL)
    first = cards[0]
    assert "card-issuer" in html and "Your contact for the next steps" in first
    assert "EDIH South Netherlands" in first
    assert "Contact person: Anna de Vries" in first and "mailto:advies@edih-zuid.example" in first
    assert "ask Anna de Vries about your next steps" in first
    assert sum("EDIH South Netherlands (EDIH-Zuid)" in card for card in cards) == 1  # not listed twice


def test_a_card_of_its_own_and_in_dutch(run: Run, tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text(
        "name: Hub\ncard:\n  name: Digitale Werkplaats Zuid\n  url: https://werkplaats.example\n"
        "  contact_person: Piet Peters\n",
        encoding="utf-8",
    )
    html = render(run, EXAMPLES / "quickscan.answers.yaml", "--brand", str(brand), "--lang", "nl")
    first = re.search(r'<article class="card[^"]*">.*?</article>', support_section(html), re.DOTALL)
    assert first is not None
    assert "Uw contact voor de volgende stappen" in first.group(0)
    assert "vraag Piet Peters naar uw volgende stappen" in first.group(0)
    result = run(
        ["report", str(EXAMPLES / "quickscan.answers.yaml"), "--format", "md", "--brand", str(brand)]
    )
    assert result.exit_code == 0, result.output


def test_a_brand_naming_an_unknown_entry_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text("name: Hub\ndirectory_entry: edih-xx-999\n", encoding="utf-8")
    result = run(
        ["report", str(EXAMPLES / "quickscan.answers.yaml"), "--format", "html", "--brand", str(brand)]
    )
    assert result.exit_code == 2
    assert "directory_entry 'edih-xx-999', which is not in the directory" in result.output
    assert "Traceback" not in result.output


def test_a_card_needs_a_name_without_a_directory_entry(run: Run, tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text("name: Hub\ncard:\n  contact_person: Piet Peters\n", encoding="utf-8")
    result = run(
        ["report", str(EXAMPLES / "quickscan.answers.yaml"), "--format", "md", "--brand", str(brand)]
    )
    assert result.exit_code == 2
    assert "brand.yaml:3:3: the card needs a name when the brand names no directory_entry" in result.output


def test_batch_and_json_honour_the_brand_and_include_unconfirmed(run: Run, tmp_path: Path) -> None:
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.answers.yaml").write_bytes((EXAMPLES / "quickscan.answers.yaml").read_bytes())
    brand = str(FIXTURES / "hub-brand.yaml")
    args = [
        "batch",
        str(folder),
        "--format",
        "json",
        "--as-of",
        "2026-12-03",
        "--brand",
        brand,
        "--jobs",
        "1",
    ]
    result = run([*args, "--out-dir", "plain"])
    assert result.exit_code == 0, result.output
    support = json.loads(next(Path("plain").glob("*.json")).read_text(encoding="utf-8"))["support"]
    assert support[0]["place"] == "issuer" and support[0]["contact_person"] == "Anna de Vries"
    assert all(item["confirmed"] for item in support)
    result = run([*args, "--out-dir", "all", "--include-unconfirmed"])
    assert result.exit_code == 0, result.output
    support = json.loads(next(Path("all").glob("*.json")).read_text(encoding="utf-8"))["support"]
    assert any(not item["confirmed"] for item in support)
