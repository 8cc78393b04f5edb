"""Every input has a size and work limit, and breaking one is a located message that says what to do."""

from __future__ import annotations

from pathlib import Path

import yaml

from readiness.limits import MAX_AI_SYSTEMS, MAX_NAME_LENGTH
from tests.conftest import EXAMPLES, Run


def _example(**changes: object) -> dict[str, object]:
    data = yaml.safe_load((EXAMPLES / "manufacturing.answers.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def _write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, width=10**9, sort_keys=False), encoding="utf-8")
    return path


def test_twenty_thousand_systems_are_too_many_not_an_alias_bomb(run: Run, tmp_path: Path) -> None:
    systems = [{"name": f"system {i}", "role": "deployer"} for i in range(20_000)]
    register = _write(tmp_path / "many.yaml", {"systems": systems})
    result = run(["aiact", "classify", register])
    assert result.exit_code == 2
    assert f"too many AI systems (20,000; the limit is {MAX_AI_SYSTEMS})" in result.stderr
    assert "alias" not in result.stderr
    answers = _write(tmp_path / "many.answers.yaml", _example(ai_systems=systems))
    result = run(["report", answers, "--format", "md", "-o", tmp_path / "out.md"])
    assert result.exit_code == 2
    assert "too many AI systems (20,000" in result.stderr


def test_a_megabyte_system_name_is_refused_before_anything_is_rendered(run: Run, tmp_path: Path) -> None:
    data = _example()
    data["ai_systems"][0]["name"] = "N" * 1_000_000  # type: ignore[index]
    answers = _write(tmp_path / "long.answers.yaml", data)
    result = run(["report", answers, "--format", "md", "-o", tmp_path / "out.md"])
    assert result.exit_code == 2
    assert f"this text is 1,000,000 characters long; the limit is {MAX_NAME_LENGTH}" in result.stderr
    assert "NNNNNNNNNN" * 10 not in result.stderr
    assert not (tmp_path / "out.md").exists()


def test_long_values_are_quoted_short_in_messages(run: Run, tmp_path: Path) -> None:
    data = _example()
    data["company"]["size"] = "x" * 4000  # type: ignore[index]
    answers = _write(tmp_path / "size.answers.yaml", data)
    result = run(["report", answers, "--format", "md", "-o", tmp_path / "out.md"])
    assert result.exit_code == 2
    assert "(4,000 characters)" in result.stderr
    assert len(result.stderr) < 600


def test_aliases_that_expand_too_far_say_so(run: Run, tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 9)]
    register = tmp_path / "bomb.yaml"
    register.write_text("\n".join(lines) + "\nsystems: []\n", encoding="utf-8")
    result = run(["aiact", "classify", register])
    assert result.exit_code == 2
    assert "the aliases (*name) in this file expand to more than 200,000 values" in result.stderr


def test_a_number_too_large_for_a_float_is_refused_not_a_crash(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8"))
    for value, said in ((10**400, "(401 characters) is larger than any number"), (float("nan"), "found nan")):
        data["answers"]["ai_staff"] = value
        answers = _write(tmp_path / "n.answers.yaml", data)
        result = run(["report", answers, "--format", "md", "-o", tmp_path / "out.md"])
        assert result.exit_code == 2
        assert said in result.stderr
        assert "Traceback" not in result.output


def test_thousands_of_problems_show_the_first_fifty(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8"))
    data["answers"] = {f"q{i}": "x" for i in range(10_000)}
    result = run(["report", _write(tmp_path / "many.answers.yaml", data), "--format", "md"])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 51
    assert "... and 9,950 more problem(s)" in result.stderr


def test_an_escape_sequence_in_a_name_never_reaches_the_terminal(run: Run, tmp_path: Path) -> None:
    data = _example()
    data["company"]["name"] = "Evil\x1b[2J BV"  # type: ignore[index]
    result = run(["assess", "--answers", _write(tmp_path / "esc.answers.yaml", data), "--format", "text"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert "holds a control character (code 0x1b)" in result.stderr


def test_an_option_chosen_many_times_does_not_inflate_the_score(run: Run, tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "quickscan.answers.yaml").read_text(encoding="utf-8"))
    data["answers"]["data_practices"] = ["digital"] * 50_000
    result = run(["assess", "--answers", _write(tmp_path / "dups.answers.yaml", data), "--format", "json"])
    assert result.exit_code == 2
    assert "data_practices: 'digital' is chosen more than once; list each option once" in result.stderr


def test_answers_read_from_a_pipe_are_read_once_and_bounded(tmp_path: Path) -> None:
    import subprocess
    import sys

    text = (EXAMPLES / "quickscan.answers.yaml").read_bytes()
    command = [sys.executable, "-m", "readiness", "assess", "--answers", "/dev/stdin", "--format", "json"]
    done = subprocess.run(command, input=text, capture_output=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    huge = subprocess.run(
        command, input=b"a: b\n" * 2_000_000, capture_output=True, cwd=tmp_path, check=False
    )
    assert huge.returncode == 2
    assert b"the limit is 5120 KiB" in huge.stderr
