"""The drafts of the documents the AI Act asks for: which ones a company gets, what is filled in, the files.

`readiness aiact docs` makes, per AI system and role (and once for the company), a draft of each document
whose obligations bind. Each says which article it serves, what the register filled in and what is left to
add, and that it is not legal advice; Markdown and DOCX are written, PDF on request.
"""

from __future__ import annotations

import datetime
import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from readiness.aiact import classify_systems, load_catalogue, register_from_data
from readiness.aiact.drafts import build_drafts, check_templates, load_templates, write_drafts
from readiness.aiact.drafts.docx import draft_docx
from readiness.aiact.drafts.markdown import draft_markdown
from readiness.aiact.drafts.model import Draft
from readiness.aiact.drafts.pdf import draft_html
from readiness.aiact.drafts.templates import DATA_DIR, build_templates, template_documents
from tests.conftest import EXAMPLES, Run

AS_OF = datetime.date(2026, 11, 27)
COMPANY = {"name": "Gemeente Veldhoven-Noord", "size": "large", "country": "NL"}

# (case, systems) -> the drafts it gets, as (system or "" for the company, draft id, role).
CASES: list[tuple[str, list[dict[str, Any]], set[tuple[str, str, str]]]] = [
    (
        "a private employer screening CVs",
        [{"name": "CV", "role": "deployer", "annex_iii": ["4a"], "profiling": True}],
        {
            ("", "ai_literacy_plan", "deployer"),
            ("CV", "deployer_checklist", "deployer"),
            ("CV", "incident_report", "deployer"),
        },
    ),
    (
        "a webshop using credit scoring owes the FRIA",
        [{"name": "Credit", "role": "deployer", "annex_iii": ["5b"], "profiling": True}],
        {
            ("", "ai_literacy_plan", "deployer"),
            ("Credit", "deployer_checklist", "deployer"),
            ("Credit", "fria", "deployer"),
            ("Credit", "incident_report", "deployer"),
        },
    ),
    (
        "a municipality builds and uses its own benefits system",
        [
            {
                "name": "Benefits",
                "role": ["provider", "deployer"],
                "annex_iii": ["5a"],
                "public_authority": True,
            }
        ],
        {
            ("", "ai_literacy_plan", "provider deployer"),
            ("Benefits", "registration_data", "provider"),
            ("Benefits", "incident_report", "provider"),
            ("Benefits", "deployer_checklist", "deployer"),
            ("Benefits", "fria", "deployer"),
            ("Benefits", "registration_data", "deployer"),
            ("Benefits", "incident_report", "deployer"),
        },
    ),
    (
        "a provider relying on the derogation",
        [
            {
                "name": "Sorter",
                "role": "provider",
                "annex_iii": ["4a"],
                "derogation": ["narrow_procedural_task"],
            }
        ],
        {
            ("", "ai_literacy_plan", "provider"),
            ("Sorter", "derogation_record", "provider"),
            ("Sorter", "registration_data", "provider"),
        },
    ),
    (
        "a chatbot provider and a deep-fake deployer",
        [
            {
                "name": "Bot",
                "role": "provider",
                "transparency": ["interacts_with_people", "generates_synthetic_content"],
            },
            {"name": "Studio", "role": "deployer", "transparency": ["deep_fake"]},
        ],
        {
            ("", "ai_literacy_plan", "provider deployer"),
            ("Bot", "transparency_notices", "provider"),
            ("Studio", "transparency_notices", "deployer"),
        },
    ),
    (
        "a deployer of a chatbot writes no notice (Art. 50(1) is the provider's)",
        [{"name": "Bot", "role": "deployer", "transparency": ["interacts_with_people"]}],
        {("", "ai_literacy_plan", "deployer")},
    ),
    (
        "a system that is not an AI system gets nothing",
        [{"name": "Rules", "role": "deployer", "is_ai_system": "no", "annex_iii": ["4a"]}],
        set(),
    ),
    (
        "a Section B product goes through its sectoral law",
        [
            {
                "name": "Car",
                "role": "provider",
                "annex_i": ["motor_vehicles"],
                "safety_component": True,
                "third_party_conformity_assessment": True,
            }
        ],
        set(),
    ),
    (
        "a distributor of a high-risk system writes none of these",
        [{"name": "Resold", "role": "distributor", "annex_iii": ["3a"]}],
        set(),
    ),
]


def _drafts(
    systems: list[dict[str, Any]], lang: str = "en", company: dict[str, Any] | None = None
) -> list[Draft]:
    register = register_from_data({"company": company or COMPANY, "systems": systems}, "test")
    return build_drafts(register, classify_systems(register, AS_OF), lang)


def _by_id(drafts: list[Draft], draft_id: str, role: str = "") -> Draft:
    return next(d for d in drafts if d.id == draft_id and (not role or d.role == role))


def test_the_shipped_templates_are_clean() -> None:
    assert check_templates() == []


@pytest.mark.parametrize(("case", "systems", "expected"), CASES, ids=[c[0] for c in CASES])
def test_which_drafts_each_case_gets(
    case: str, systems: list[dict[str, Any]], expected: set[tuple[str, str, str]]
) -> None:
    assert {(d.system, d.id, d.role) for d in _drafts(systems)} == expected


def test_the_fria_has_the_article_27_headings_and_what_the_register_filled_in() -> None:
    fria = _by_id(_drafts(CASES[1][1]), "fria")
    text = draft_markdown(fria)
    for point in "abcdef":
        assert f"Art. 27(1)({point})" in text
    assert "Notification to the market surveillance authority" in text and "Art. 27(3)" in text
    filled = {f.label: f.value for f in fria.filled}
    assert filled["Deployer"] == COMPANY["name"]
    assert filled["System"] == "Credit"
    assert filled["High-risk uses (Annex III)"] == (
        "Annex III point 5(b): Credit: assessing the creditworthiness or credit score of individuals"
        " (not fraud detection)",
    )
    assert filled["Required before first use, and at the latest from"] == "2 December 2027"
    assert any(f.label == "Processes" for f in fria.to_add)
    assert "Summary for the EU database" not in text, "a private deployer registers nothing"
    assert "Gemeente Veldhoven-Noord notifies the results" in text


def test_a_public_authority_gets_the_database_summary_and_section_c() -> None:
    drafts = _drafts(CASES[2][1])
    assert "Summary for the EU database" in draft_markdown(_by_id(drafts, "fria"))
    provider = draft_markdown(_by_id(drafts, "registration_data", "provider"))
    deployer = draft_markdown(_by_id(drafts, "registration_data", "deployer"))
    assert "Section A" in provider and "Section C" not in provider
    assert "Section C" in deployer and "Section A" not in deployer
    checklist = draft_markdown(_by_id(drafts, "deployer_checklist"))
    assert "Registration of use (public authorities)" in checklist and "Art. 26(8)" in checklist


def test_the_derogation_record_quotes_the_condition_and_no_profiling() -> None:
    record = _by_id(_drafts(CASES[3][1]), "derogation_record")
    filled = {f.label: f.value for f in record.filled}
    assert filled["Condition(s) claimed"] == ("it performs a narrow procedural task (Art. 6(3)(a))",)
    assert filled["Profiles natural persons"] == "no"


def test_transparency_notices_keep_only_the_paragraphs_that_bind() -> None:
    drafts = _drafts(CASES[4][1])
    bot = draft_markdown(_by_id(drafts, "transparency_notices", "provider"))
    studio = draft_markdown(next(d for d in drafts if d.system == "Studio"))
    assert "Art. 50(1)" in bot and "Art. 50(2)" in bot and "Art. 50(4)" not in bot
    assert "You are chatting with an AI system, an automated assistant of Gemeente Veldhoven-Noord" in bot
    assert "Art. 50(4)" in studio and "Art. 50(1)" not in studio


def test_every_draft_says_what_it_serves_what_was_filled_and_that_it_is_not_legal_advice() -> None:
    drafts = [d for _, systems, _ in CASES for d in _drafts(systems)]
    assert {d.id for d in drafts} == {t.id for t in load_templates().drafts}, "every template is exercised"
    for draft in drafts:
        text = draft_markdown(draft)
        assert text.startswith(f"# {draft.title}\n")
        assert f"Serves: [{draft.article}](https://eur-lex.europa.eu/" in text
        assert "Not legal advice." in text
        assert "## Filled in from your register" in text and "## What you must still add" in text
        for section in draft.sections:
            if section.article:
                assert section.link.endswith("#art_" + section.article.removeprefix("Art. ").split("(")[0])


def test_dutch_drafts_use_the_terms_of_the_dutch_text() -> None:
    drafts = _drafts(CASES[2][1], lang="nl")
    fria = draft_markdown(_by_id(drafts, "fria"))
    assert fria.startswith("# Beoordeling van de gevolgen voor de grondrechten\n")
    assert "Geen juridisch advies." in fria and "gebruiksverantwoordelijke" in fria
    assert "legal-content/NL/TXT/HTML" in fria
    checklist = draft_markdown(_by_id(drafts, "deployer_checklist"))
    assert "AI-systeem met een hoog risico" in checklist
    plan = _by_id(drafts, "ai_literacy_plan")
    assert plan.role_label == "aanbieder en gebruiksverantwoordelijke"


def test_the_docx_opens_and_holds_the_headings() -> None:
    import docx

    fria = _by_id(_drafts(CASES[1][1]), "fria")
    data = draft_docx(fria)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Fundamental rights impact assessment"
    for start in (
        "(a) ",
        "(b) ",
        "(c) ",
        "(d) ",
        "(e) ",
        "(f) ",
        "Notification to the market surveillance authority",
    ):
        assert any(h.startswith(start) for h in headings), start
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Gemeente Veldhoven-Noord" in cells and "Credit" in cells
    assert any(cell.startswith("To add: ") for cell in cells)
    assert document.core_properties.title == fria.title
    assert data == draft_docx(fria), "the same draft gives the same bytes"


def test_the_html_for_the_pdf_escapes_register_text() -> None:
    systems = [{"name": "<script>x</script>", "role": "deployer", "annex_iii": ["5b"]}]
    html = draft_html(_by_id(_drafts(systems), "fria"))
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    assert "(a) Your processes in which the system is used" in html


def test_files_index_and_names(tmp_path: Path) -> None:
    written = write_drafts(_drafts(CASES[2][1]), tmp_path / "out", ("md", "docx"))
    names = sorted(str(p.relative_to(tmp_path / "out")) for p in written.files)
    assert names[0] == "01-benefits/deployer-checklist.docx"
    assert "01-benefits/registration-data-provider.md" in names
    assert "01-benefits/registration-data-deployer.docx" in names
    assert "company/ai-literacy-plan.md" in names
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "[01-benefits/fria.md](01-benefits/fria.md)" in index


def test_a_completed_draft_is_never_overwritten_without_force(tmp_path: Path) -> None:
    drafts = _drafts(CASES[1][1])
    out = tmp_path / "out"
    write_drafts(drafts, out, ("md",))
    fria = out / "01-credit" / "fria.md"
    fria.write_text(fria.read_text(encoding="utf-8") + "\nOur processes: ...\n", encoding="utf-8")
    again = write_drafts(drafts, out, ("md",))
    assert again.kept == [fria]
    assert "Our processes" in fria.read_text(encoding="utf-8")
    assert fria not in again.files and len(again.files) == 3, "unchanged drafts are simply rewritten"
    forced = write_drafts(drafts, out, ("md",), force=True)
    assert fria in forced.files and "Our processes" not in fria.read_text(encoding="utf-8")


def test_mistakes_in_a_template_are_caught_and_located(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    fria = folder / "fria.yaml"
    text = fria.read_text(encoding="utf-8")
    text = text.replace("serves: [dep_fria]", "serves: [dep_fira]").replace(
        "{system_name}", "{system_nam}", 1
    )
    fria.write_text(text, encoding="utf-8")
    templates, problems = build_templates(template_documents(folder), load_catalogue())
    assert templates is None
    messages = [str(p) for p in problems]
    assert any("fria.yaml:" in m and "no obligation called 'dep_fira'" in m for m in messages), messages
    assert any("'{system_nam}' is not a fact" in m for m in messages), messages


def test_aiact_docs_as_a_user_runs_it(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    result = run(
        [
            "aiact",
            "docs",
            str(EXAMPLES / "ai-register.yaml"),
            "--out",
            str(out),
            "--lang",
            "nl",
            "--as-of",
            "2026-11-27",
        ]
    )
    assert result.exit_code == 0, result.output
    assert (
        (out / "index.md")
        .read_text(encoding="utf-8")
        .startswith("# Documenten die de AI-verordening van u vraagt")
    )
    assert list(out.glob("*/*.docx")) and list(out.glob("*/*.md"))
    assert "start with" in result.stderr


def test_aiact_docs_rejects_a_bad_register_without_a_traceback(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "register.yaml"
    bad.write_text("systems:\n  - {name: X, role: user}\n", encoding="utf-8")
    result = run(["aiact", "docs", str(bad), "--out", str(tmp_path / "d")])
    assert result.exit_code == 2
    assert "register.yaml:2" in result.output and "Traceback" not in result.output
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    result = run(["aiact", "docs", str(EXAMPLES / "ai-register.yaml"), "--out", str(blocked)])
    assert result.exit_code == 2 and "is a file, not a folder" in result.output


def test_report_with_drafts_writes_them_beside_the_report(run: Run, tmp_path: Path) -> None:
    result = run(
        [
            "report",
            str(EXAMPLES / "manufacturing.answers.yaml"),
            "--out",
            str(tmp_path / "r.md"),
            "--format",
            "md",
            "--with-drafts",
        ]
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "r-drafts"
    assert (folder / "index.md").is_file()
    assert (folder / "company" / "ai-literacy-plan.docx").is_file()
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Documents to prepare" in report or "Documenten om op te stellen" in report


def test_an_index_is_written_in_the_company_language_even_without_drafts(tmp_path: Path) -> None:
    written = write_drafts([], tmp_path / "none", ("md",), lang="nl", as_of=AS_OF)
    assert written.files == []
    text = written.index.read_text(encoding="utf-8")
    assert "Geen van uw AI-systemen vraagt op deze datum om een van deze documenten." in text
