"""The AI Act catalogue as typed values: what the YAML in `data/` says, after it has been checked.

Nothing here knows an article or a date; those are all in the data. The classes only give the data a
shape the engine and the renderers can rely on.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from readiness.aiact.expressions import Expression
from readiness.l10n.languages import tool_languages

LangText = Mapping[str, str]
FALLBACK_LANGUAGE = "en"

# Labels the text and Markdown renderers need; the catalogue check makes sure each exists.
LABEL_KEYS = (
    "title", "as_of", "law", "amended_by", "checked", "company", "system", "role", "roles", "risk", "gpai",
    "reasons", "obligations", "unsure", "none", "article", "from", "status", "obligation",
    "applies", "upcoming", "voluntary", "model", "model_systemic", "and", "not_given", "link",
    "links_unverified",
)  # fmt: skip
# The catalogue's article citations start "Art. <number>" (its schema says so); the number names the anchor.
_ARTICLE_NUMBER = re.compile(r"^\S+\s+(?P<number>[0-9]+[a-z]*)")


def pick(text: LangText, lang: str) -> str:
    """`text` in `lang`, or in English when that language is missing."""
    return text.get(lang) or text[FALLBACK_LANGUAGE]


@dataclass(frozen=True)
class Source:
    """A primary source: one link every catalogue entry's `source` must be."""

    id: str
    title: str
    url: str
    checked: str
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class ArticleLinks:
    """Where each article is read: the consolidated text on EUR-Lex, one anchor per article, per language."""

    title: str
    eli: str
    url: str
    languages: Mapping[str, str]
    checked: str
    verify: bool = False
    note: str = ""

    def link(self, article: str, lang: str) -> str:
        """The address of a cited `article` in `lang`'s version; "" when the citation names no article."""
        match = _ARTICLE_NUMBER.match(article)
        if match is None:
            return ""
        code = self.languages.get(lang) or self.languages[FALLBACK_LANGUAGE]
        return self.url.format(language=code, number=match.group("number"))

    def links(self, article: str, languages: tuple[str, ...]) -> LangText:
        """`link` for every language in `languages`, as a language map."""
        return {lang: self.link(article, lang) for lang in languages}


@dataclass(frozen=True)
class RiskClass:
    """A risk class; `exclusive` means a system that earns it has no other (out of scope)."""

    id: str
    label: LangText
    exclusive: bool = False


@dataclass(frozen=True)
class AnnexIEntry:
    """One piece of Union harmonisation legislation in Annex I, with its section (A or B)."""

    id: str
    section: str
    point: str
    legislation: str
    title: LangText


@dataclass(frozen=True)
class AnnexIIIEntry:
    """One point of Annex III (a high-risk use), with a short name."""

    id: str
    point: str
    title: LangText


@dataclass(frozen=True)
class Definition:
    """A named fact about a system, computed before the rules; later conditions use it by name."""

    id: str
    article: str
    when: Expression


@dataclass(frozen=True)
class RoleRule:
    """The company holds `role` for a system when `when` holds (role changes in the value chain included)."""

    role: str
    when: Expression


@dataclass(frozen=True)
class Rule:
    """A reason: when it holds, the system gets `risk` (if any) and this reason with its article."""

    id: str
    when: Expression
    risk: str | None
    article: str
    annex: str | None
    because: LangText
    source: str
    checked: str
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class Note:
    """Something the engine cannot decide from the answers: reported for a person to check."""

    id: str
    when: Expression
    field: str
    article: str
    text: LangText
    questions: bool
    source: str
    checked: str
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class ScheduleCase:
    """One line of a schedule: from `date` when `when` holds; no date means the obligation is lifted."""

    when: Expression | None
    date: datetime.date | None
    article: str
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class AppliesFrom:
    """When an obligation applies: a fixed date, a schedule's name, or the date of another obligation."""

    date: datetime.date | None = None
    schedule: str = ""
    follows: str = ""


@dataclass(frozen=True)
class Obligation:
    """A duty for some roles of systems with some risk classes, from a date, with its article and source."""

    id: str
    scope: str
    article: str
    roles: tuple[str, ...]
    risks: tuple[str, ...]
    when: Expression | None
    title: LangText
    text: LangText
    applies_from: AppliesFrom
    source: str
    checked: str
    verify: bool = False
    note: str = ""
    # duty: the law asks it; information: the law grants it (fine caps, SME relief); voluntary: the law
    # invites it (codes of conduct).
    kind: str = "duty"


@dataclass(frozen=True)
class TimelineEntry:
    """A date in the law's life: in force, superseded, proposed, pending or guidance."""

    id: str
    date: datetime.date
    status: str
    article: str
    what: LangText
    source: str
    checked: str
    replaced_by: str = ""
    verify: bool = False
    note: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The whole AI Act catalogue, checked and with every condition parsed."""

    version: str
    regulation: str
    amended_by: str
    numbered_points: tuple[str, ...]
    checked: str
    sources: tuple[Source, ...]
    links: ArticleLinks
    notice: LangText
    risk_classes: tuple[RiskClass, ...]
    ai_system_questions: tuple[LangText, ...]
    annex_i: tuple[AnnexIEntry, ...]
    annex_iii: tuple[AnnexIIIEntry, ...]
    labels: Mapping[str, LangText]
    definitions: tuple[Definition, ...]
    roles: tuple[RoleRule, ...]
    rules: tuple[Rule, ...]
    notes: tuple[Note, ...]
    schedules: Mapping[str, tuple[ScheduleCase, ...]]
    obligations: tuple[Obligation, ...]
    timeline: tuple[TimelineEntry, ...]

    @property
    def system_obligations(self) -> tuple[Obligation, ...]:
        """Obligations that bind per AI system."""
        return tuple(o for o in self.obligations if o.scope == "system")

    @property
    def company_obligations(self) -> tuple[Obligation, ...]:
        """Obligations listed once for the whole company (AI literacy, SME relief)."""
        return tuple(o for o in self.obligations if o.scope == "company")

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages texts are made in: those of the catalogue's texts and those the program speaks
        (a text not yet translated into one falls back to English)."""
        return tuple(dict.fromkeys((*self.notice, *tool_languages())))

    def label(self, key: str, lang: str) -> str:
        """A word for the reports in `lang`; unknown keys are shown as they are."""
        text = self.labels.get(key)
        return pick(text, lang) if text else key

    def risk_label(self, risk: str, lang: str) -> str:
        """The name of a risk class in `lang`."""
        for risk_class in self.risk_classes:
            if risk_class.id == risk:
                return pick(risk_class.label, lang)
        return risk
