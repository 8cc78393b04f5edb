"""rule-engine's parser tables from the content cache: the same parser, and never a wrong one.

Each case runs in a fresh interpreter, since rule-engine builds its parser once, when it is imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from readiness import cache as content_cache
from readiness import rule_tables

# Builds the parser again (as PLY does without tables) and compares it with the one rule-engine got;
# then assesses an example, whose result must not depend on where the tables came from.
PROBE = """
import json, sys
from readiness import rule_tables
import rule_engine
from rule_engine.parser import Parser
from_cache = rule_tables.TABLES_MODULE in sys.modules
got = rule_engine.engine.Rule.parser._parser
sys.modules.pop(rule_tables.TABLES_MODULE, None)
built = Parser()._parser
same = (got.action, got.goto) == (built.action, built.goto) and [
    (p.name, p.len, p.func) for p in got.productions
] == [(p.name, p.len, p.func) for p in built.productions]
from readiness.questionnaire import Registry
from readiness.answers import load_answers
from readiness.assessment import run_assessment
import datetime as dt
loaded = load_answers(__import__("pathlib").Path(sys.argv[1]), Registry.default())
result = run_assessment(loaded.questionnaire, loaded.answers, dt.date(2026, 12, 1)).as_dict("en")
print(json.dumps({"from_cache": from_cache, "same": same, "result": result}, sort_keys=True, default=str))
"""


def _probe(cache: Path, *extra: str) -> dict[str, object]:
    env = {"READINESS_CACHE_DIR": str(cache), "PATH": ""}
    env.update(dict(item.split("=", 1) for item in extra))
    example = Path(__file__).parent.parent / "examples" / "manufacturing.answers.yaml"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(example)], capture_output=True, text=True, check=True, env=env
    )
    assert done.stderr == ""  # PLY says nothing: no table it had to refuse
    data: dict[str, object] = json.loads(done.stdout)
    return data


def test_the_second_import_takes_the_tables_from_the_cache_and_gets_the_same_parser(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    second = _probe(tmp_path)
    assert (first["from_cache"], second["from_cache"]) == (False, True)
    assert second["same"] is True
    assert second["result"] == first["result"]


def test_tables_made_for_another_grammar_are_built_again_not_used(tmp_path: Path) -> None:
    _probe(tmp_path)
    [entry] = [p for p in (tmp_path / "rule-engine").rglob("*") if p.is_file()]
    # The entry rewritten through the cache's own writer, with the tables of some other grammar.
    code = (
        "from readiness import cache\n"
        f"tables = cache.load('rule-engine', {entry.name!r})\n"
        "tables.update(signature='another grammar', action={0: {}})\n"
        f"cache.store('rule-engine', {entry.name!r}, tables)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={"READINESS_CACHE_DIR": str(tmp_path)})
    stale = _probe(tmp_path)
    assert stale["from_cache"] is True and stale["same"] is True
    assert stale["result"] == _probe(tmp_path, f"{content_cache.ENV_OFF}=1")["result"]


def test_without_a_cache_nothing_is_offered_to_the_parser(tmp_path: Path) -> None:
    off = _probe(tmp_path, f"{content_cache.ENV_OFF}=1")
    assert off["from_cache"] is False and off["same"] is True
    assert not (tmp_path / "rule-engine").exists()
    assert rule_tables.TABLES_MODULE.startswith("rule_engine.")  # never a top-level module of its own
