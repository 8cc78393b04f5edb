"""The human texts of a content YAML file: every language map, named by a path that stays stable.

A language map is a mapping from language codes to text with English in it (`{en: ..., nl: ...}`). Its
name (the msgctxt of the PO files) is the path to it, built from keys and, in lists, from each item's
`id` (by position where items have none): `sections.profile.questions.company_size.options.micro.label`.
So a text keeps its name when questions are added, moved or reordered, and one catalogue serves every
version of a questionnaire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

from readiness.yamlio import JsonPath

LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class TextEntry:
    """One language map in a file: its stable name, its place in the data, and the map itself."""

    context: str
    path: JsonPath
    texts: MutableMapping[str, str]

    @property
    def english(self) -> str:
        return self.texts[SOURCE_LANGUAGE]


def is_language_map(value: Any) -> bool:
    """Whether `value` is a mapping of language codes to texts, English among them."""
    return (
        isinstance(value, dict)
        and isinstance(value.get(SOURCE_LANGUAGE), str)
        and all(isinstance(key, str) and LANGUAGE_CODE.match(key) for key in value)
    )


def text_entries(data: Any, prefix: str = "") -> Iterator[TextEntry]:
    """Every language map in `data`, in document order, named after `prefix`."""
    yield from _walk(data, (), prefix)


def _walk(data: Any, path: JsonPath, name: str) -> Iterator[TextEntry]:
    if is_language_map(data):
        yield TextEntry(name, path, data)
        return
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*path, key), _join(name, str(key)))
    elif isinstance(data, list):
        names = _item_names(data)
        for index, item in enumerate(data):
            yield from _walk(item, (*path, index), _join(name, names[index]))


def _item_names(items: list[Any]) -> list[str]:
    """Each item's `id` when every item that has one has a distinct one; positions otherwise."""
    ids = [
        str(item["id"]) if isinstance(item, dict) and isinstance(item.get("id"), str | int) else None
        for item in items
    ]
    given = [i for i in ids if i is not None]
    if len(given) != len(set(given)):
        return [str(index) for index in range(len(items))]
    return [i if i is not None else str(index) for index, i in enumerate(ids)]


def _join(name: str, step: str) -> str:
    if not name or name.endswith(":"):
        return name + step
    return f"{name}.{step}"
