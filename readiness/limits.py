"""What one answers file or AI system register may hold, beyond its size in bytes (docs/limits.md).

A report grows with what it is given: every AI system is a section of the PDF, every text is typeset.
Without a bound, one system with a megabyte-long name made 1,530 pages in four minutes and 600 high-risk
systems took five minutes and 3.7 GB. These limits sit far above what a company's assessment holds and
are checked before anything else reads the data, with a message that says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from readiness.errors import Problem
from readiness.yamlio import JsonPath, YamlDocument

MAX_AI_SYSTEMS = 100
MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 5_000
# A number answer beyond this is a typo or an attack (10**400 does not even fit a float).
MAX_NUMBER = 10**15
# Control characters (an escape sequence could clear or rewrite the terminal that prints a name), except
# tab, line feed and carriage return, which texts may hold.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Keys whose values name something (a company, an AI system) and so appear in headings and tables.
NAME_KEYS = frozenset({"name"})


def shorten(value: object, limit: int = 60) -> str:
    """A value as a message may quote it: long text cut, with its length said."""
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"


def limit_problems(document: YamlDocument, systems: str) -> list[Problem]:
    """Every limit `document` breaks: the number of AI systems in its list `systems`, text lengths."""
    too_many = systems_problem(document, systems)
    return [too_many] if too_many else text_problems(document)


def systems_problem(document: YamlDocument, key: str) -> Problem | None:
    """A problem when the list `key` holds more AI systems than a report can show."""
    systems = document.data.get(key) if isinstance(document.data, dict) else None
    if isinstance(systems, list) and len(systems) > MAX_AI_SYSTEMS:
        return document.problem(
            (key,),
            f"too many AI systems ({len(systems):,}; the limit is {MAX_AI_SYSTEMS})",
            fix="keep one entry per distinct system, or split the register by department",
            key=True,
        )
    return None


def text_problems(document: YamlDocument) -> list[Problem]:
    """A problem for every text longer than its limit (names MAX_NAME_LENGTH, other texts
    MAX_TEXT_LENGTH) or holding a control character."""
    problems = []
    for path, text in _texts(document.data, ()):
        limit = MAX_NAME_LENGTH if path and path[-1] in NAME_KEYS else MAX_TEXT_LENGTH
        control = CONTROL.search(text)
        if control:
            problems.append(
                document.problem(
                    path,
                    f"this text holds a control character (code {ord(control.group()):#04x}), which could "
                    "rewrite the terminal or document that shows it",
                    fix="remove it",
                )
            )
        elif len(text) > limit:
            problems.append(
                document.problem(
                    path,
                    f"this text is {len(text):,} characters long; the limit is {limit:,}",
                    fix="shorten it",
                )
            )
    return problems


def _texts(data: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*path, index))
