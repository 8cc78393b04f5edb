"""The draft templates as typed values, and a finished draft ready to render.

A template (`data/*.yaml`) says which obligations a document serves, for which roles, and what goes in each
section; texts are language maps. A `Draft` is one template filled for one company, system and role, in one
language: plain strings, so the Markdown, DOCX and PDF writers only lay it out.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from readiness.aiact.model import LangText

FactValue = str | tuple[str, ...]


@dataclass(frozen=True)
class FieldTemplate:
    """A line of a draft: a fact the register fills in, or something the company must write (`todo`)."""

    label: LangText
    value: str = ""
    todo: LangText | None = None


@dataclass(frozen=True)
class SectionTemplate:
    """A section, included only when one of `only_for` binds the system for the draft's role (if given)."""

    heading: LangText
    article: str = ""
    only_for: tuple[str, ...] = ()
    guidance: LangText | None = None
    fields: tuple[FieldTemplate, ...] = ()
    checklist: tuple[LangText, ...] = ()
    sample: LangText | None = None


@dataclass(frozen=True)
class DraftTemplate:
    """A document the AI Act asks a company to write or keep, made when one of `serves` binds."""

    id: str
    article: str
    scope: str
    serves: tuple[str, ...]
    roles: tuple[str, ...]
    title: LangText
    purpose: LangText
    sections: tuple[SectionTemplate, ...]
    checked: str
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class Templates:
    """Every draft template, and the words and value names they share."""

    drafts: tuple[DraftTemplate, ...]
    words: Mapping[str, LangText]
    values: Mapping[str, Mapping[str, LangText]]


@dataclass(frozen=True)
class Field:
    """A filled line: `value` from the register, or empty with `todo` saying what to add."""

    label: str
    value: FactValue
    todo: str = ""

    @property
    def missing(self) -> bool:
        """Whether the company must still fill this in."""
        return not self.value


@dataclass(frozen=True)
class Section:
    """A filled section: its heading and article (with the article's address), and its content."""

    heading: str
    article: str
    link: str
    guidance: str
    fields: tuple[Field, ...]
    checklist: tuple[str, ...]
    sample: str


@dataclass(frozen=True)
class Draft:
    """One document, filled for one company, system and role, in one language."""

    id: str
    lang: str
    title: str
    article: str
    link: str
    purpose: str
    company: str
    number: int
    system: str
    role: str
    role_label: str
    prepared: datetime.date
    sections: tuple[Section, ...]
    notice: str
    unverified: str
    words: Mapping[str, str]

    @property
    def filled(self) -> tuple[Field, ...]:
        """The lines the register filled in."""
        return tuple(f for s in self.sections for f in s.fields if not f.missing)

    @property
    def to_add(self) -> tuple[Field, ...]:
        """The lines the company must still write."""
        return tuple(f for s in self.sections for f in s.fields if f.missing)
