"""The AI Act catalogue: the shipped one is clean, and each kind of mistake in it is caught and located."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from readiness.aiact import check_catalogue, load_catalogue
from readiness.aiact.catalogue import DATA_DIR, build_catalogue, catalogue_documents
from readiness.errors import Problem
from readiness.schemas import load_schema
from tests.conftest import ROOT

OMNIBUS = "https://eur-lex.europa.eu/eli/reg/2026/1744/oj"


def test_the_shipped_catalogue_has_no_problems() -> None:
    assert check_catalogue() == []


def test_load_catalogue_is_cached() -> None:
    assert load_catalogue() is load_catalogue()


def test_every_entry_is_dated_sourced_and_in_both_languages() -> None:
    catalogue = load_catalogue()
    for entry in (*catalogue.rules, *catalogue.notes, *catalogue.obligations, *catalogue.timeline):
        assert entry.checked == "2026-11-27", entry.id
        assert entry.source.startswith("https://eur-lex.europa.eu/eli/reg/"), entry.id
        if entry.source == OMNIBUS:
            assert entry.verify and entry.note, entry.id
    for obligation in catalogue.obligations:
        # English and Dutch inline; every further language from its catalogue, title and text alike.
        assert set(obligation.title) == set(obligation.text) >= {"en", "nl"}, obligation.id


def test_proposals_are_labelled_and_the_amended_dates_are_law() -> None:
    timeline = {entry.id: entry for entry in load_catalogue().timeline}
    assert timeline["annex_iii_high_risk"].date.isoformat() == "2027-12-02"
    assert timeline["annex_i_high_risk"].date.isoformat() == "2028-08-02"
    assert timeline["annex_iii_original"].status == "superseded"
    assert timeline["annex_i_original"].status == "superseded"
    assert timeline["proposed_marking_grace"].status == "proposed"
    assert timeline["art6_guidelines_draft"].status == "pending"


def test_no_article_or_date_lives_in_python() -> None:
    """Content is data: the engine's code names no article and no date."""
    sources = [
        *sorted((ROOT / "readiness" / "aiact").rglob("*.py")),
        ROOT / "readiness" / "cli" / "aiact_cmd.py",
        ROOT / "readiness" / "report" / "aiact.py",
    ]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"\bArt\.\s*\d", text), source
        assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", text), source


def test_register_schema_and_catalogue_agree_on_annex_i() -> None:
    schema_ids = load_schema("aiact-register")["$defs"]["system"]["properties"]["annex_i"]["items"]["enum"]
    assert sorted(schema_ids) == sorted(entry.id for entry in load_catalogue().annex_i)


def _broken(tmp_path: Path, file: str, old: str, new: str) -> list[Problem]:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    catalogue, problems = build_catalogue(catalogue_documents(folder))
    assert catalogue is None
    return problems


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "rules.yaml",
            "when: 'exclusion == \"military_defence\"'",
            "when: 'exclusoin == 1'",
            "unknown name 'exclusoin'",
        ),
        ("rules.yaml", "when: not in_eu", "when: not in_eu and", "condition: syntax error"),
        ("rules.yaml", "when: not in_eu", "when: annex_iii", "gives array, not true or false"),
        (
            "rules.yaml",
            "when: 'exclusion == \"military_defence\"'",
            "when: in_scope",
            "unknown name 'in_scope'",
        ),
        ("obligations.yaml", "  - id: art5_vulnerabilities", "  - id: art5_manipulation", "used twice"),
        (
            "obligations.yaml",
            'applies_from: "2025-02-02"',
            'applies_from: "2025-02-03"',
            "not a date of the law",
        ),
        ("obligations.yaml", "applies_from: high_risk\n", "applies_from: high_risks\n", "no schedule called"),
        (
            "obligations.yaml",
            "{follows: hr_technical_documentation}",
            "{follows: nothing}",
            "'nothing' is not",
        ),
        (
            "obligations.yaml",
            '"hr_technical_documentation" in obligations',
            '"hr_docs" in obligations',
            "no obligation",
        ),
        ("obligations.yaml", '    checked: "2026-11-27"\n', "", "'checked' is required"),
        (
            "obligations.yaml",
            "roles: [provider, deployer]",
            "roles: [provider, deployr]",
            "did you mean 'deployer'",
        ),
        (
            "rules.yaml",
            "Placed on the market on {placed_on_market}",
            "Placed on the market on {placed_on_markt}",
            "'{placed_on_markt}' is not a register field",
        ),
        (
            "rules.yaml",
            "source: https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
            "source: https://eur-lex.europa.eu/x",
            "not one of",
        ),
        (
            "timeline.yaml",
            "replaced_by: annex_iii_high_risk",
            "replaced_by: nowhere",
            "no timeline entry called",
        ),
        ("law.yaml", "  - {id: toys,", "  - {id: toys_and_games,", "differ on Annex I"),
        (
            "rules.yaml",
            'when: annex_iii_route and "8b" in annex_iii',
            "when: annex_iii_route",
            "no rule reads the answer annex_iii: 8b",
        ),
        ("rules.yaml", 'd"2027-12-02"', 'd"2027-12-03"', "2027-12-03 is not a date of the law"),
    ],
)
def test_mistakes_in_the_catalogue_are_caught(
    tmp_path: Path, file: str, old: str, new: str, expected: str
) -> None:
    problems = _broken(tmp_path, file, old, new)
    assert problems
    assert any(expected in p.message + " " + p.fix for p in problems), problems
    assert all(p.path.endswith(".yaml") for p in problems)
    assert any(p.line > 0 for p in problems)


def test_a_source_still_to_verify_needs_verify_and_a_note(tmp_path: Path) -> None:
    problems = _broken(
        tmp_path,
        "obligations.yaml",
        "    verify: true\n    note: >-\n      Art. 4 as replaced",
        "    note: >-\n      Art. 4 as replaced",
    )
    assert any("must still be verified" in p.message for p in problems)


def test_a_key_in_two_files_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    with (folder / "timeline.yaml").open("a", encoding="utf-8") as handle:
        handle.write('version: "2026.11.27"\n')
    catalogue, problems = build_catalogue(catalogue_documents(folder))
    assert catalogue is None
    assert any("already given in" in p.message for p in problems)
