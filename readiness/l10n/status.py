"""The state of one language over every source of text: what `translations status` prints, what
`validate` checks, and what decides whether the language is offered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from readiness.l10n.coverage import Part, overall, percent
from readiness.l10n.sources import ContentSource, all_sources
from readiness.l10n.texts import SOURCE_LANGUAGE


@dataclass(frozen=True)
class LanguageStatus:
    """Every source's coverage in one language."""

    lang: str
    parts: tuple[Part, ...]

    @property
    def done(self) -> int:
        return overall(self.parts)[0]

    @property
    def total(self) -> int:
        return overall(self.parts)[1]

    @property
    def share(self) -> float:
        return percent(self.done, self.total)

    @property
    def complete(self) -> bool:
        return all(p.complete for p in self.parts)

    def where(self, part: Part) -> str:
        """Where a part is translated: its catalogue, or "inline" for texts written in the YAML."""
        if part.catalogue and Path(part.catalogue).exists():
            return part.catalogue
        return "inline in the YAML" if part.done and part.complete else part.catalogue

    def as_dict(self, *, with_missing: bool = False) -> dict[str, object]:
        return {
            "language": self.lang,
            "complete": self.complete,
            "translated": self.done,
            "total": self.total,
            "percent": self.share,
            "sources": [p.as_dict(with_missing=with_missing) for p in self.parts],
        }


def language_status(lang: str, sources: Sequence[object] | None = None) -> LanguageStatus:
    """The coverage of `lang` over `sources` (default: every source of the program), glossary included."""
    from readiness.l10n.glossary import glossary_part

    chosen = list(sources) if sources is not None else all_sources()
    parts = [source.part(lang) for source in chosen]  # type: ignore[attr-defined]
    if lang != SOURCE_LANGUAGE:
        parts.append(glossary_part(lang))
    return LanguageStatus(lang, tuple(parts))


@cache
def complete_languages() -> tuple[str, ...]:
    """The languages in which everything is translated: the ones the program offers (English first)."""
    from readiness.l10n.languages import tool_languages

    return tuple(lang for lang in tool_languages() if language_status(lang).complete)


def content_sources() -> list[ContentSource]:
    """The content sources only (questionnaires, AI Act, directory, brand)."""
    return [s for s in all_sources() if isinstance(s, ContentSource)]
