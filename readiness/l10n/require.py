"""No silent fallback: a command refuses a language whose texts it needs are not all translated.

A command gathers the parts it will show (the questionnaire, the AI Act catalogue, the directory, the
report's words, ...) and calls `require_language`. A complete language passes; an incomplete one is
refused with the coverage figure and how to see what is missing, unless the user asked for the fallback,
in which case the caller prints `Fallback.warning()`: which texts will be shown in English.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from readiness.errors import EXIT_USAGE, ReadinessError
from readiness.l10n.coverage import Part, documents_part, overall, percent
from readiness.l10n.languages import tool_languages
from readiness.l10n.texts import SOURCE_LANGUAGE

if TYPE_CHECKING:
    from readiness.questionnaire.model import Questionnaire

ALLOW_OPTION = "--allow-incomplete-language"


class LanguageIncomplete(ReadinessError):
    """The language asked for is not (completely) spoken by the program."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=EXIT_USAGE)


@dataclass(frozen=True)
class Fallback:
    """An incomplete language the user accepted: which parts show some texts in English."""

    lang: str
    parts: tuple[Part, ...]

    def warning(self) -> str:
        """The line that tells the user which texts fell back to English."""
        missing = sum(len(p.missing) for p in self.parts)
        where = "; ".join(f"{p.name} ({len(p.missing):,} of {p.total:,})" for p in self.parts)
        return (
            f"warning: '{self.lang}' is not complete: {missing:,} texts are shown in English: {where}. "
            f"They are listed by: readiness translations status --lang {self.lang} --missing"
        )


def require_language(lang: str, parts: Sequence[Part], *, allow_incomplete: bool) -> Fallback | None:
    """None when `parts` are complete in `lang`; the fallback when they are not and the user allowed it;
    otherwise `LanguageIncomplete` with the coverage and what to do."""
    if lang == SOURCE_LANGUAGE:
        return None
    incomplete = tuple(p for p in parts if not p.complete)
    if not incomplete:
        return None
    if allow_incomplete:
        return Fallback(lang, incomplete)
    raise LanguageIncomplete(refusal(lang, parts))


def refusal(lang: str, parts: Sequence[Part]) -> str:
    """Why `lang` is refused: its coverage over `parts`, part by part, and the ways forward."""
    from readiness.l10n.status import complete_languages

    done, total = overall(parts)
    spoken = lang in tool_languages()
    head = (
        f"'{lang}' is not complete: {percent(done, total):g}% of the texts this needs are translated "
        f"({done:,} of {total:,})"
        if spoken
        else f"the program does not speak '{lang}': {percent(done, total):g}% of the texts this needs "
        f"are translated ({done:,} of {total:,})"
    )
    lines = [head + ":"]
    lines += [f"  {p.name}: {p.share:g}% ({p.done:,} of {p.total:,})" for p in parts if not p.complete]
    lines.append(f"See every missing text with: readiness translations status --lang {lang} --missing")
    offered = ", ".join(complete_languages())
    lines.append(
        f"Choose a complete language ({offered}) with --lang, or add {ALLOW_OPTION} "
        "to show the missing texts in English."
    )
    return "\n".join(lines)


def questionnaire_part(questionnaire: Questionnaire, lang: str) -> Part:
    """The questionnaire's texts (its includes too) in `lang`."""
    from readiness.l10n.content import catalogue_path

    folder = questionnaire.origin.document.path.parent
    documents = [(d, "") for d in questionnaire.documents]
    return documents_part(f"questionnaire {questionnaire.ref}", catalogue_path(folder, lang), documents, lang)


def brand_part(texts: Iterable[object], name: str, lang: str) -> Part | None:
    """The brand's own texts (tagline, footer) that are language maps, in `lang`."""
    from readiness.l10n.coverage import Missing

    maps = [t for t in texts if isinstance(t, dict) and t.get(SOURCE_LANGUAGE)]
    if not maps:
        return None
    missing = tuple(Missing(name, "", str(t[SOURCE_LANGUAGE])) for t in maps if not t.get(lang))
    return Part(f"brand {name}", name, lang, len(maps), missing)


@lru_cache(maxsize=64)
def shipped_parts(
    lang: str, *, drafts: bool = False, hubdocs: bool = False, web: bool = False
) -> tuple[Part, ...]:
    """The program's own parts a report needs in `lang`: the AI Act catalogue, the directory, the report's
    words and the pipeline's sentences, and on request the drafts, the hub documents' and the app's words."""
    from readiness.l10n.sources import MessagesSource, Source, aiact_sources, babel_sources, directory_source

    catalogue, draft_templates = aiact_sources()
    babel = {source.domain: source for source in babel_sources()}
    chosen: list[Source] = [catalogue, directory_source(), babel["messages"], MessagesSource()]
    if drafts:
        chosen.append(draft_templates)
    if hubdocs:
        chosen.append(babel["hubdocs"])
    if web:
        chosen.append(babel["web"])
    return tuple(source.part(lang) for source in chosen)


def aiact_parts(lang: str, *, drafts: bool = False) -> tuple[Part, ...]:
    """The parts `readiness aiact classify` and `aiact docs` show: the AI Act catalogue (and the drafts)."""
    from readiness.l10n.sources import aiact_sources

    catalogue, draft_templates = aiact_sources()
    return (catalogue.part(lang), *((draft_templates.part(lang),) if drafts else ()))


def catalogue_parts(lang: str, *domains: str) -> tuple[Part, ...]:
    """The parts of the program's own Babel catalogues named by domain (messages, hubdocs, web)."""
    from readiness.l10n.sources import babel_sources

    by_domain = {source.domain: source for source in babel_sources()}
    return tuple(by_domain[domain].part(lang) for domain in domains)
