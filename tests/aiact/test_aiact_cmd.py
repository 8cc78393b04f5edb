"""`readiness aiact classify`, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, Run

REGISTER = EXAMPLES / "ai-register.yaml"
SYSTEM_KEYS = {"name", "role", "roles", "risk", "gpai", "reasons", "obligations"}
OBLIGATION_KEYS = {"id", "article", "title", "applies_from", "status", "text", "source", "link", "kind"}
ARTICLE_LINK = "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02024R1689-20260727#art_"


def _json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = run(["aiact", "classify", str(REGISTER), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_json_output_follows_the_contract(run: Run) -> None:
    data = _json(run, "--as-of", "2026-11-27")
    assert list(data) == ["as_of", "law", "notice", "company_obligations", "systems"]
    assert data["as_of"] == "2026-11-27"
    law = dict(data["law"])
    text = law.pop("text")
    assert law == {
        "regulation": "Regulation (EU) 2024/1689",
        "amended_by": "Regulation (EU) 2026/1744",
        "checked": "2026-11-27",
    }
    assert text["eli"] == "http://data.europa.eu/eli/reg/2024/1689/2026-07-27"
    assert text["verified"] is False, "the link form was not confirmed on EUR-Lex itself"
    assert "confirm" in text["note"]
    assert "Not legal advice" in data["notice"]
    assert len(data["systems"]) >= 8
    assert len({system["risk"] for system in data["systems"]}) == 5
    for system in data["systems"]:
        assert SYSTEM_KEYS <= set(system) <= SYSTEM_KEYS | {"unsure"}
        assert system["reasons"], system["name"]
        assert system["role"] == system["roles"][0]
        for reason in system["reasons"]:
            assert set(reason) == {"article", "annex", "because", "link"}
            assert reason["article"].startswith("Art. ")
            assert reason["link"].startswith(ARTICLE_LINK)
        for obligation in system["obligations"] + data["company_obligations"]:
            assert set(obligation) == OBLIGATION_KEYS
            assert obligation["status"] in ("applies", "upcoming")
            number = obligation["article"].removeprefix("Art. ").split("(")[0]
            assert obligation["link"] == ARTICLE_LINK + number, obligation
    assert [o["article"] for o in data["company_obligations"]].count("Art. 4") == 1


def test_deployer_duties_of_an_annex_iii_system_turn_on_at_the_amended_date(run: Run) -> None:
    def art26(data: dict) -> set[str]:  # type: ignore[type-arg]
        screening = next(s for s in data["systems"] if s["name"] == "TalentRank candidate screening")
        return {o["status"] for o in screening["obligations"] if o["article"].startswith("Art. 26(")}

    assert art26(_json(run, "--as-of", "2027-06-01")) == {"upcoming"}
    assert art26(_json(run, "--as-of", "2028-01-01")) == {"applies"}


def test_the_output_is_byte_identical_for_the_same_input(run: Run) -> None:
    first = run(["aiact", "classify", str(REGISTER), "--format", "json", "--as-of", "2027-06-01"]).stdout
    second = run(["aiact", "classify", str(REGISTER), "--format", "json", "--as-of", "2027-06-01"]).stdout
    assert first == second


def test_the_register_as_of_is_used_without_the_flag(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text('as_of: "2028-01-01"\nsystems:\n  - {name: A, role: deployer}\n', encoding="utf-8")
    result = run(["aiact", "classify", str(path), "--format", "json"])
    assert json.loads(result.stdout)["as_of"] == "2028-01-01"
    result = run(["aiact", "classify", str(path), "--format", "json", "--as-of", "2026-01-01"])
    assert json.loads(result.stdout)["as_of"] == "2026-01-01"


def test_text_and_markdown_say_it_is_not_legal_advice(run: Run) -> None:
    text = run(["aiact", "classify", str(REGISTER), "--as-of", "2027-06-01"])
    assert text.exit_code == 0
    assert "Not legal advice" in text.stdout
    assert "TalentRank candidate screening" in text.stdout
    assert "Art. 6(2), Annex III point 4(a)" in text.stdout
    markdown = run(["aiact", "classify", str(REGISTER), "--format", "md", "--as-of", "2027-06-01"])
    assert markdown.stdout.startswith("# AI Act classification")
    assert "> Not legal advice" in markdown.stdout
    assert f"| upcoming | 2027-12-02 | [Art. 26(1)]({ARTICLE_LINK}26) |" in markdown.stdout
    assert "their form is still to be confirmed" in markdown.stdout


def test_dutch_titles_and_texts(run: Run) -> None:
    data = _json(run, "--lang", "nl", "--as-of", "2026-11-27")
    assert data["notice"].startswith("Geen juridisch advies")
    assert data["company_obligations"][0]["title"] == "Bevorder AI-geletterdheid bij uw personeel"
    text = run(["aiact", "classify", str(REGISTER), "--lang", "nl", "--as-of", "2026-11-27"]).stdout
    assert "Rol: gebruiksverantwoordelijke · Risico: hoog risico" in text
    dutch_link = ARTICLE_LINK.replace("/EN/", "/NL/")
    assert all(o["link"].startswith(dutch_link) for o in data["company_obligations"])


def test_bad_registers_exit_2_with_a_located_message_and_no_traceback(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "systems:\n"
        "  - {name: Screening, role: deployer, annex_iii: ['4z']}\n"
        "  - {name: Helper, role: assistant}\n"
        "  - {name: Chat, role: provider, transparancy: [interacts_with_people]}\n",
        encoding="utf-8",
    )
    result = run(["aiact", "classify", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("bad.yaml:2:") and "system 'Screening', field 'annex_iii[0]'" in lines[0]
    assert lines[1].startswith("bad.yaml:3:") and "system 'Helper', field 'role'" in lines[1]
    assert lines[2].startswith("bad.yaml:4:") and "system 'Chat', field 'transparancy'" in lines[2]
    assert "did you mean 'transparency'?" in lines[2]


def test_a_bad_date_exits_2(run: Run) -> None:
    result = run(["aiact", "classify", str(REGISTER), "--as-of", "1 June 2027"])
    assert result.exit_code == 2
    assert "--as-of '1 June 2027' is not a date in the form YYYY-MM-DD" in result.stderr


def test_a_missing_register_exits_2(run: Run) -> None:
    result = run(["aiact", "classify", "nowhere.yaml"])
    assert result.exit_code == 2
    assert "nowhere.yaml: no such file" in result.stderr


def test_the_register_schema_is_published(run: Run) -> None:
    result = run(["schema", "aiact-register"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$id"] == "urn:readiness:schema:aiact-register"


def test_the_example_names_its_schema_on_the_first_line() -> None:
    first = REGISTER.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../readiness/schemas/aiact-register.schema.json"
