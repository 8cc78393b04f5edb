"""rule-engine with its parser tables from the content cache: imported in milliseconds, not a quarter second.

rule-engine (the `when:` conditions) builds the LALR tables of its grammar with PLY each time it is
imported: about a third of the start-up of every command that loads a questionnaire. PLY can read such
tables from a module instead (`rule_engine.parser.parsetab`, which rule-engine does not ship), and it
checks them against a signature of the grammar it computes itself, so tables made for another grammar
are never used: PLY builds them again. Importing this module imports rule-engine, offering PLY the tables
that the first import stored in the content cache (`readiness.cache`). Anything unexpected (another
rule-engine, a damaged or missing entry, the cache turned off) only means the normal, slower import.
"""

from __future__ import annotations

import contextlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

from readiness import cache as content_cache

TABLES_MODULE = "rule_engine.parser.parsetab"


def import_rule_engine() -> None:
    """Import rule-engine, its parser tables from the content cache when they are there."""
    if "rule_engine" in sys.modules:
        return
    entry = _entry_key()
    tables = content_cache.load("rule-engine", entry) if entry else None
    if isinstance(tables, dict):
        sys.modules.setdefault(TABLES_MODULE, _tables_module(tables))
    import rule_engine

    if entry and not isinstance(tables, dict):
        with contextlib.suppress(Exception):  # rule-engine's insides moved: no cache, nothing worse
            content_cache.store("rule-engine", entry, _tables(rule_engine))


def _entry_key() -> str:
    """Which rule-engine is installed (where, and its files' stamp), found without importing it."""
    spec = importlib.util.find_spec("rule_engine")
    if spec is None or not spec.origin:
        return ""
    stamps = []
    for name in ("__init__.py", "parser/__init__.py", "_vendor/ply/yacc.py"):
        path = Path(spec.origin).parent / name
        stat = path.stat() if path.is_file() else None
        stamps.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}" if stat else str(path))
    return content_cache.key(*stamps, sys.version)


def _tables_module(tables: dict[str, Any]) -> types.ModuleType:
    """The tables as the module PLY's `read_table` imports."""
    module = types.ModuleType(TABLES_MODULE)
    module.__dict__.update(
        _tabversion=tables["tabversion"],
        _lr_method=tables["method"],
        _lr_signature=tables["signature"],
        _lr_action=tables["action"],
        _lr_goto=tables["goto"],
        _lr_productions=tables["productions"],
    )
    return module


def _tables(rule_engine: Any) -> dict[str, Any]:
    """The tables of the parser rule-engine just built, and the grammar signature PLY checks them by."""
    from rule_engine._vendor.ply import yacc

    parser = rule_engine.engine.Rule.parser
    built = parser._parser
    # What PLY's yacc() reflects on to compute the signature it compares a table module's with.
    reflected = {name: getattr(parser, name) for name in dir(parser)}
    owner = sys.modules[reflected["__module__"]]
    reflected["__file__"], reflected["__package__"] = owner.__file__, owner.__package__
    grammar = yacc.ParserReflect(reflected, log=yacc.NullLogger())
    grammar.get_all()
    return {
        "tabversion": yacc.__tabversion__,
        "method": "LALR",
        "signature": grammar.signature(),
        "action": built.action,
        "goto": built.goto,
        "productions": [(p.str, p.name, p.len, p.func, p.file, p.line) for p in built.productions],
    }


import_rule_engine()
