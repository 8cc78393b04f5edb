"""The JSON Schemas shipped with the package, and checking a YAML document against one.

Schema messages from jsonschema are written for programmers; `messages.yaml` beside this file rewrites
the common ones for authors, and every problem carries the line and column of the offending value (or,
for an unknown key, of the key itself).
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness import cache as content_cache
from readiness.errors import Problem, ReadinessError
from readiness.limits import shorten

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError

    from readiness.yamlio import YamlDocument


def schema_names() -> list[str]:
    """Names of every schema the package ships (`readiness schema NAME`)."""
    files = resources.files(__package__)
    return sorted(
        p.name.removesuffix(".schema.json") for p in files.iterdir() if p.name.endswith(".schema.json")
    )


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The parsed JSON Schema called `name` (without `.schema.json`)."""
    resource = resources.files(__package__) / f"{name}.schema.json"
    if not resource.is_file():
        known = ", ".join(schema_names())
        raise ReadinessError(f"no schema called '{name}'; the schemas are: {known}")
    return json.loads(resource.read_text(encoding="utf-8"))


def schema_text(name: str) -> str:
    """The schema as published, for `readiness schema NAME` and editors."""
    return json.dumps(load_schema(name), indent=2, ensure_ascii=False) + "\n"


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    # jsonschema and its referencing library take a noticeable part of start-up: loaded only to check.
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())


@cache
def _messages() -> dict[str, str]:
    from readiness.yamlio import load_trusted

    return load_trusted((resources.files(__package__) / "messages.yaml").read_text(encoding="utf-8"))


def check_against_schema(document: YamlDocument, name: str) -> list[Problem]:
    """Every schema problem in `document`, each at its line and column, in file order.

    That a content file (one read with `cache=True`, so it has a digest) passed its schema is kept in the
    content cache, keyed by its text, the schema and this code: the next run skips the check.
    """
    passed = _passed_key(document.digest, name) if document.digest else ""
    if passed and content_cache.load("schema", passed) is True:
        return []
    instance = _with_text_keys(document.data)
    problems = [_to_problem(document, error) for error in _validator(name).iter_errors(instance)]
    if passed and not problems:
        content_cache.store("schema", passed, True)
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.message))


def _passed_key(digest: str, name: str) -> str:
    return content_cache.key(digest, name, _checker_stamp(name))


@cache
def _checker_stamp(name: str) -> str:
    """What a check depends on besides the document: the schema, this code, and which jsonschema is
    installed (its location and file stamp, found without importing it)."""
    schema = (resources.files(__package__) / f"{name}.schema.json").read_bytes()
    spec = importlib.util.find_spec("jsonschema")
    origin = spec.origin if spec and spec.origin else ""
    stat = Path(origin).stat() if origin else None
    installed = f"{origin}:{stat.st_mtime_ns}:{stat.st_size}" if stat else origin
    return content_cache.key(schema, content_cache.source_stamp(__file__), installed)


def _to_problem(document: YamlDocument, error: ValidationError) -> Problem:
    from jsonschema.exceptions import best_match

    if error.context:
        error = best_match(error.context)
    path = tuple(error.absolute_path)
    templates = _messages()
    validator = str(error.validator)
    if validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        unknown = sorted(
            k for k in error.instance if k not in allowed and not _matches_pattern(k, error.schema)
        )
        if unknown:
            key = unknown[0]
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            if close:
                fix = f"did you mean '{close[0]}'?"
            elif " " in str(key):
                fix = "a comma inside {...} starts a new key; put the whole text in quotes"
            elif allowed:
                fix = f"remove it; allowed here: {', '.join(sorted(allowed))}"
            else:
                patterns = ", ".join(error.schema.get("patternProperties", {}))
                fix = f"keys here must match {patterns}" if patterns else "remove it"
            return document.problem((*path, key), templates["unknown_key"].format(key=key), fix=fix, key=True)
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return document.problem(path, templates["required"].format(key=missing), fix=f"add '{missing}'")
    if validator == "enum":
        choices = [str(c) for c in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), choices, n=1)
        fix = f"did you mean '{close[0]}'?" if close else ""
        return document.problem(
            path, templates["enum"].format(value=shorten(error.instance), choices=", ".join(choices)), fix=fix
        )
    if validator == "type":
        expected = error.validator_value
        expected_text = " or ".join(expected) if isinstance(expected, list) else str(expected)
        return document.problem(
            path, templates["type"].format(expected=expected_text, actual=_type_name(error.instance))
        )
    if validator == "pattern":
        hint = error.schema.get("x-hint", "")
        return document.problem(
            path,
            templates["pattern"].format(value=shorten(error.instance), pattern=error.validator_value),
            fix=hint,
        )
    if validator == "maxLength" and isinstance(error.instance, str):
        message = templates["max_length"].format(
            length=f"{len(error.instance):,}", limit=f"{error.validator_value:,}"
        )
        return document.problem(path, message, fix="shorten it")
    if validator == "maxItems" and isinstance(error.instance, list):
        message = templates["max_items"].format(
            count=f"{len(error.instance):,}", limit=f"{error.validator_value:,}"
        )
        return document.problem(path, message)
    # jsonschema's own messages quote the whole value, which may be megabytes long.
    return document.problem(path, shorten(error.message, 300))


def _with_text_keys(data: Any) -> Any:
    """The data as JSON sees it: YAML allows `0:` as a key, JSON Schema only knows text keys."""
    if isinstance(data, dict):
        return {str(k): _with_text_keys(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_with_text_keys(v) for v in data]
    return data


def _matches_pattern(key: object, schema: dict[str, Any]) -> bool:
    return any(re.search(p, str(key)) for p in schema.get("patternProperties", {}))


def _type_name(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
