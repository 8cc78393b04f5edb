"""Checks of the Eurostat figures file beyond its schema: rows name a listed release, texts every language."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from readiness.errors import Problem
from readiness.yamlio import JsonPath, YamlDocument


def check_benchmark(doc: YamlDocument, languages: Sequence[str]) -> list[Problem]:
    """Rows cite a release that is listed; the dataset, coverage, releases and sentences are translated."""
    data = doc.data
    problems = []
    releases = data.get("releases", {})
    for index, row in enumerate(data.get("rows", [])):
        if row.get("release") not in releases:
            problems.append(
                doc.problem(
                    ("rows", index, "release"),
                    f"unknown release '{row.get('release')}'",
                    fix=f"one of: {', '.join(releases) or 'none listed under releases'}",
                )
            )
    for path, texts in _language_maps(data, ()):
        missing = [lang for lang in languages if not texts.get(lang)]
        if missing:
            problems.append(doc.problem(path, f"no text in {', '.join(missing)}", fix=f"add {missing[0]}:"))
    return problems


def _language_maps(node: Any, path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    if isinstance(node, dict):
        if "en" in node and all(isinstance(k, str) and len(k) == 2 for k in node):
            yield path, node
            return
        for key, value in node.items():
            yield from _language_maps(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _language_maps(value, (*path, index))
