"""The AI system register: defaults, and problems that name the file, line, system and field."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from readiness.aiact import load_register, register_from_data
from readiness.errors import ProblemsError
from tests.conftest import EXAMPLES


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages show paths relative to the working folder, as a user would see them."""
    monkeypatch.chdir(tmp_path)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "register.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load_register(_write(tmp_path, text))
    assert caught.value.exit_code == 2
    return [str(problem) for problem in caught.value.problems]


def test_the_example_register_loads() -> None:
    register = load_register(EXAMPLES / "ai-register.yaml")
    assert len(register.systems) >= 8
    assert register.company_size == "small"
    assert register.company_country == "NL"


def test_every_field_but_name_and_role_has_its_documented_default(tmp_path: Path) -> None:
    register = load_register(_write(tmp_path, "systems:\n  - {name: Plain, role: deployer}\n"))
    values = register.systems[0].values
    assert values["in_eu"] is True
    assert values["is_ai_system"] == "yes"
    assert values["status"] == "in_use"
    assert values["exclusion"] == "none"
    assert values["gpai"] == "none"
    assert values["placed_on_market"] is None
    for flag in ("open_source", "safety_component", "third_party_conformity_assessment", "profiling"):
        assert values[flag] is False
    for flag in (
        "public_service",
        "own_name_or_trademark",
        "substantial_modification",
        "changed_intended_purpose",
    ):
        assert values[flag] is False
    for field in ("practices", "annex_i", "annex_iii", "derogation", "transparency"):
        assert values[field] == ()
    assert register.as_of is None


def test_dates_are_read_as_dates(tmp_path: Path) -> None:
    text = 'as_of: "2027-06-01"\nsystems:\n  - {name: A, role: provider, placed_on_market: "2025-01-31"}\n'
    register = load_register(_write(tmp_path, text))
    assert register.as_of == datetime.date(2027, 6, 1)
    assert register.systems[0].values["placed_on_market"] == datetime.date(2025, 1, 31)


def test_an_unknown_annex_iii_point_names_the_system_field_and_place(tmp_path: Path) -> None:
    text = "systems:\n  - name: Screening\n    role: deployer\n    annex_iii: ['4a', '9z']\n"
    (problem,) = _problems(tmp_path, text)
    assert problem.startswith("register.yaml:4:")
    assert "system 'Screening', field 'annex_iii[1]'" in problem
    assert "'9z' is not one of the allowed values" in problem


def test_an_unknown_role_names_the_system(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, "systems:\n  - name: Bot\n    role: user\n")
    assert problem.startswith("register.yaml:3:11:")
    assert "system 'Bot', field 'role'" in problem


def test_a_misspelled_field_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, "systems:\n  - name: Bot\n    role: provider\n    transparancy: []\n")
    assert problem.startswith("register.yaml:4:5:")
    assert "system 'Bot', field 'transparancy': unknown key 'transparancy'" in problem
    assert "did you mean 'transparency'?" in problem


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        "systems:\n  - {name: A, role: user}\n  - {name: B, role: provider, in_eu: yes}\n"
        "  - {role: deployer}\n"
    )
    problems = _problems(tmp_path, text)
    assert len(problems) == 3
    assert "system 'A'" in problems[0]
    assert "system 'B', field 'in_eu': expected boolean" in problems[1]
    assert "system 3: 'name' is required here" in problems[2]


def test_a_duplicate_name_is_an_error(tmp_path: Path) -> None:
    (problem,) = _problems(
        tmp_path, "systems:\n  - {name: A, role: deployer}\n  - {name: A, role: provider}\n"
    )
    assert "the name 'A' is already used by system 1" in problem


def test_a_bad_date_is_an_error(tmp_path: Path) -> None:
    (problem,) = _problems(
        tmp_path, "systems:\n  - {name: A, role: provider, placed_on_market: '2025-02-30'}\n"
    )
    assert "field 'placed_on_market'" in problem


def test_register_from_data_reports_json_paths() -> None:
    with pytest.raises(ProblemsError) as caught:
        register_from_data(
            {"systems": [{"name": "Chat", "role": "provider", "annex_iii": ["4z"]}]}, "answers.yaml"
        )
    (problem,) = caught.value.problems
    assert problem.line == 0
    assert problem.json_path == "systems[0].annex_iii[0]"
    assert str(problem).startswith(
        "answers.yaml: systems[0].annex_iii[0]: system 'Chat', field 'annex_iii[0]'"
    )


def test_register_from_data_accepts_the_company_block() -> None:
    register = register_from_data(
        {
            "company": {"name": "Acme", "size": "micro", "country": "BE"},
            "systems": [{"name": "A", "role": "deployer"}],
        },
        "answers.yaml",
    )
    assert (register.company_name, register.company_size, register.company_country) == ("Acme", "micro", "BE")


def test_role_takes_one_role_or_a_list_and_says_what_is_wrong(tmp_path: Path) -> None:
    register = load_register(
        _write(
            tmp_path, "systems:\n  - {name: A, role: deployer}\n  - {name: B, role: [provider, deployer]}\n"
        )
    )
    assert [s.roles for s in register.systems] == [("deployer",), ("provider", "deployer")]
    (empty,) = _problems(tmp_path, "systems:\n  - name: A\n    role: []\n")
    assert "system 'A', field 'role'" in empty and "non-empty" in empty
    (unknown,) = _problems(tmp_path, "systems:\n  - name: A\n    role: [provider, user]\n")
    assert "field 'role[1]'" in unknown and "'user' is not one of the allowed values" in unknown
    (twice,) = _problems(tmp_path, "systems:\n  - name: A\n    role: [provider, provider]\n")
    assert "non-unique" in twice


def test_the_new_fields_are_optional_and_default_to_no(tmp_path: Path) -> None:
    values = (
        load_register(_write(tmp_path, "systems:\n  - {name: Plain, role: deployer}\n")).systems[0].values
    )
    assert values["public_authority"] is False and values["annex_x"] is False
    assert values["infers"] is None and values["autonomy"] is None and values["outside_definition"] is None
