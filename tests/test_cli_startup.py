"""Start-up: `readiness --help` lists every command without importing one, and loads nothing heavy.

The short help kept in `COMMANDS` must say what each command's own docstring says, so the two cannot
drift apart. What the help imports is checked in a fresh interpreter (not timed: timing is bench/).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import click
import pytest

from readiness.cli import COMMANDS, cli

# Libraries a command loads only when it does its work, never for its help.
HEAVY = ("jsonschema", "referencing", "rule_engine", "weasyprint", "openpyxl", "jinja2", "babel", "rich")
# A command whose help shows data (`hubs --help` lists the needs and kinds of the directory vocabulary)
# may read that data, schema check included.
READS_FOR_HELP = {"hubs": {"jsonschema", "referencing"}}


def _imported_by(args: list[str]) -> set[str]:
    """The modules a fresh interpreter has loaded after running `readiness ARGS`."""
    code = (
        "import json, sys\n"
        "from readiness.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_short_help_is_the_first_sentence_of_the_commands_docstring(name: str) -> None:
    module_name, attribute = COMMANDS[name][0].split(":")
    command = getattr(importlib.import_module(module_name), attribute)
    assert command.get_short_help_str(limit=10_000) == COMMANDS[name][1]


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_command_list_reads_as_click_would_print_it_from_the_commands(width: int) -> None:
    ctx = click.Context(cli)
    lazy, eager = click.HelpFormatter(width=width), click.HelpFormatter(width=width)
    cli.format_commands(ctx, lazy)
    click.Group.format_commands(cli, ctx, eager)  # imports every command and asks it
    assert lazy.getvalue() == eager.getvalue()


def test_help_imports_no_command_and_nothing_heavy() -> None:
    loaded = _imported_by(["--help"])
    assert {m for m in loaded if m.startswith("readiness")} == {"readiness", "readiness.cli"}
    assert not {m for m in loaded if m.split(".")[0] in (*HEAVY, "yaml")}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_commands_help_loads_only_what_it_shows(name: str) -> None:
    loaded = {m.split(".")[0] for m in _imported_by([name, "--help"])}
    assert loaded & set(HEAVY) <= READS_FOR_HELP.get(name, set())
