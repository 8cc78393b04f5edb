"""The command line as a new user meets it: help, listings, schemas, validation of the built-in content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from tests.conftest import ROOT, Run


def test_help_lists_the_commands(run: Run) -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    for command in ("assess", "validate", "questionnaires", "schema"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE)


def test_questionnaires_list_json_describes_each_questionnaire(run: Run) -> None:
    result = run(["questionnaires", "list", "--format", "json"])
    rows = json.loads(result.stdout)
    assert result.exit_code == 0
    quickscan = next(r for r in rows if r["id"] == "quickscan")
    assert quickscan["versions"] == ["1.0.0", "2.0.0"]
    assert quickscan["languages"][:2] == ["en", "nl"]
    assert quickscan["coverage"]["en"] == quickscan["coverage"]["nl"] == 100.0
    assert set(quickscan["coverage"]) == set(quickscan["languages"])
    assert quickscan["questions"] == 18
    assert all(r["kind"] == "questionnaire" for r in rows)


def test_questionnaires_show_an_unknown_version_lists_what_exists(run: Run) -> None:
    result = run(["questionnaires", "show", "quickscan@9.9.9"])
    assert result.exit_code == 2
    assert "Error: questionnaire 'quickscan' has no version 9.9.9; available: 1.0.0, 2.0.0" in result.stderr


def test_validate_passes_on_the_built_in_content(run: Run) -> None:
    result = run(["validate"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stderr


def test_validate_a_missing_path_is_a_usage_error(run: Run) -> None:
    result = run(["validate", "nowhere.yaml"])
    assert result.exit_code == 2
    assert "no such file or folder: nowhere.yaml" in result.stderr


def test_every_schema_is_a_valid_json_schema(run: Run) -> None:
    names = run(["schema"]).stdout.split()
    assert {"questionnaire", "answers"} <= set(names)
    for name in names:
        schema = json.loads(run(["schema", name]).stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_unknown_schema_name_is_a_usage_error(run: Run) -> None:
    result = run(["schema", "nope"])
    assert result.exit_code == 2
    assert "no schema called 'nope'" in result.stderr


def test_user_questionnaires_win_over_built_in_ones(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "quickscan"
    mine.mkdir(parents=True)
    text = (ROOT / "questionnaires" / "quickscan" / "2.0.0.yaml").read_text(encoding="utf-8")
    (mine / "2.0.0.yaml").write_text(
        text.replace("title: {en: AI quick scan,", "title: {en: Our quick scan,"), "utf-8"
    )
    result = run(["questionnaires", "list", "--format", "json", "--questionnaires", tmp_path / "mine"])
    assert (
        next(r for r in json.loads(result.stdout) if r["id"] == "quickscan")["title"]["en"]
        == "Our quick scan"
    )


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quickstart)
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
