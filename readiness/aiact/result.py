"""What the AI Act engine found: plain values, and their JSON form (a contract: see docs/ai-act.md).

Texts are kept in every catalogue language so the same result can be shown in English or Dutch; the
JSON form picks one. Order is the register's for systems and the catalogue's for everything else, so
the same input gives byte-identical output. Every reason, obligation and point to check carries the
address of its article in the consolidated text (`link`, in the reader's language).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from readiness.aiact.model import LangText, pick


@dataclass(frozen=True)
class Reason:
    """Why a system got its class or role: the article, the annex point if any, and the answer."""

    article: str
    annex: str | None
    because: LangText
    link: LangText

    def as_dict(self, lang: str) -> dict[str, Any]:
        """The reason in the contract's JSON shape."""
        return {
            "article": self.article,
            "annex": self.annex,
            "because": pick(self.because, lang),
            "link": pick(self.link, lang),
        }


@dataclass(frozen=True)
class ObligationResult:
    """One obligation as it stands on the `as_of` date."""

    id: str
    article: str
    title: LangText
    text: LangText
    applies_from: datetime.date
    status: str
    source: str
    link: LangText
    kind: str = "duty"

    def as_dict(self, lang: str) -> dict[str, Any]:
        """The obligation in the contract's JSON shape, with its plain-language text, source and link."""
        return {
            "id": self.id,
            "article": self.article,
            "title": pick(self.title, lang),
            "applies_from": self.applies_from.isoformat(),
            "status": self.status,
            "text": pick(self.text, lang),
            "source": self.source,
            "link": pick(self.link, lang),
            "kind": self.kind,
        }


@dataclass(frozen=True)
class UnsureNote:
    """A point the answers do not settle: what to check, and under which article."""

    field: str
    article: str
    note: LangText
    link: LangText
    questions: tuple[LangText, ...] = ()

    def as_dict(self, lang: str) -> dict[str, Any]:
        """The note as JSON; the AI-system definition questions only when they help decide."""
        out: dict[str, Any] = {
            "field": self.field,
            "article": self.article,
            "note": pick(self.note, lang),
            "link": pick(self.link, lang),
        }
        if self.questions:
            out["questions"] = [pick(question, lang) for question in self.questions]
        return out


@dataclass(frozen=True)
class SystemResult:
    """One AI system classified: its roles (after role changes), risk class, reasons and obligations."""

    name: str
    roles: tuple[str, ...]
    risk: str
    gpai: str | None
    reasons: tuple[Reason, ...]
    obligations: tuple[ObligationResult, ...]
    unsure: tuple[UnsureNote, ...]

    @property
    def role(self) -> str:
        """The first role, for readers of the one-role contract."""
        return self.roles[0]

    def as_dict(self, lang: str) -> dict[str, Any]:
        """The system in the contract's JSON shape; `unsure` only when there is something to check."""
        out: dict[str, Any] = {
            "name": self.name,
            "role": self.role,
            "roles": list(self.roles),
            "risk": self.risk,
            "gpai": self.gpai,
            "reasons": [reason.as_dict(lang) for reason in self.reasons],
            "obligations": [obligation.as_dict(lang) for obligation in self.obligations],
        }
        if self.unsure:
            out["unsure"] = [note.as_dict(lang) for note in self.unsure]
        return out


@dataclass(frozen=True)
class ConsolidatedText:
    """The text the article links open, and whether their form is confirmed."""

    title: str
    eli: str
    verified: bool
    note: str

    def as_dict(self) -> dict[str, Any]:
        """The `law.text` part of the contract JSON."""
        return {"title": self.title, "eli": self.eli, "verified": self.verified, "note": self.note}


@dataclass(frozen=True)
class AIActAssessment:
    """The AI Act part of an assessment: per system, and once for the company, on the `as_of` date."""

    as_of: datetime.date
    regulation: str
    amended_by: str
    checked: str
    text: ConsolidatedText
    notice: LangText
    company_obligations: tuple[ObligationResult, ...]
    systems: tuple[SystemResult, ...]
    labels: Mapping[str, LangText]
    risk_labels: Mapping[str, LangText]

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The contract JSON (`readiness aiact classify --format json`, the `ai_act` part of assess)."""
        return {
            "as_of": self.as_of.isoformat(),
            "law": {
                "regulation": self.regulation,
                "amended_by": self.amended_by,
                "checked": self.checked,
                "text": self.text.as_dict(),
            },
            "notice": pick(self.notice, lang),
            "company_obligations": [obligation.as_dict(lang) for obligation in self.company_obligations],
            "systems": [system.as_dict(lang) for system in self.systems],
        }

    def label(self, key: str, lang: str) -> str:
        """A word for the text and Markdown reports."""
        text = self.labels.get(key)
        return pick(text, lang) if text else key

    def risk_label(self, risk: str, lang: str) -> str:
        """A risk class's name in `lang`."""
        text = self.risk_labels.get(risk)
        return pick(text, lang) if text else risk
