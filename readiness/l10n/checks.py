"""What `readiness validate` checks about languages.

For every language the program speaks: its `language.yaml` and glossary, every wrong term in its texts,
that every catalogue keeps the placeholders of the English, and that every source is fully translated
(the program claims every language it has a folder for). For a questionnaire file: every text in every
language it claims, located at the text, with where to translate it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from readiness.errors import Problem, ProblemsError, display_path
from readiness.l10n import content
from readiness.l10n.coverage import Part
from readiness.l10n.po import read_po
from readiness.l10n.texts import SOURCE_LANGUAGE, text_entries
from readiness.yamlio import YamlDocument

if TYPE_CHECKING:
    from readiness.l10n.status import LanguageStatus

# How many missing texts of one file and language are listed one by one before a summary line.
LISTED = 10
_PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*(?:[:!][^{}]*)?\}|%\([a-z_]+\)[sd]|%[sd]")


def language_problems(statuses: Mapping[str, LanguageStatus] | None = None) -> list[Problem]:
    """Every language problem of the program's own files (`readiness validate` without paths);
    `statuses` are the languages' coverage when the caller has them already."""
    from readiness.l10n.glossary import glossary_problems, term_problems
    from readiness.l10n.languages import language, tool_languages
    from readiness.l10n.sources import ContentSource, all_sources
    from readiness.l10n.status import language_status

    problems: list[Problem] = glossary_problems(SOURCE_LANGUAGE)
    sources = all_sources()
    for lang in tool_languages():
        try:
            language(lang)
        except ProblemsError as exc:
            problems += exc.problems
        if lang == SOURCE_LANGUAGE:
            continue
        problems += glossary_problems(lang) + term_problems(lang)
        for source in sources:
            catalogue = source.catalogue(lang)
            if catalogue.is_file():
                problems += placeholder_problems(catalogue)
        # A questionnaire's missing texts are listed at each text when its file is validated.
        located = [isinstance(s, ContentSource) and s.shared for s in sources]
        status = statuses[lang] if statuses and lang in statuses else language_status(lang, sources)
        for index, part in enumerate(status.parts):
            if not part.complete and not (index < len(located) and located[index]):
                problems.append(incomplete_problem(part))
    return problems


def incomplete_problem(part: Part) -> Problem:
    """One problem saying a source is not fully translated into a language the program claims."""
    return Problem(
        part.catalogue,
        0,
        0,
        f"{part.name}: {part.share:g}% translated into {part.lang} ({len(part.missing):,} of "
        f"{part.total:,} texts missing)",
        fix=f"readiness translations status --lang {part.lang} --missing lists them",
    )


def placeholder_problems(catalogue: Path) -> list[Problem]:
    """A problem for each translation that drops or adds a placeholder of its English ({gain}, %(date)s)."""
    problems = []
    for entry in read_po(catalogue):
        for index, string in enumerate(entry.strings):
            english = entry.plural if index and entry.plural else entry.msgid
            wanted = sorted(_PLACEHOLDER.findall(english))
            if string and sorted(_PLACEHOLDER.findall(string)) != wanted and not entry.fuzzy:
                problems.append(
                    Problem(
                        display_path(catalogue),
                        entry.line,
                        1,
                        f"the translation of {entry.context or entry.msgid!r} must keep the placeholders "
                        f"{', '.join(wanted) or '(none)'}",
                        fix="copy each {name} or %(name)s of the English into the translation unchanged",
                    )
                )
    return problems


def claimed_languages(document: YamlDocument, declared: Iterable[str], *, builtin: bool) -> tuple[str, ...]:
    """The languages a questionnaire file must be complete in: those it declares (`languages:`), those
    with a catalogue beside it, and, for a built-in one, every language the program speaks."""
    from readiness.l10n.languages import tool_languages

    folder = document.path.parent
    found = [*declared, *content.catalogue_languages(folder), *(tool_languages() if builtin else ())]
    return tuple(dict.fromkeys(found))


def missing_texts(document: YamlDocument, languages: Iterable[str]) -> list[Problem]:
    """A problem at each text of `document` (translations added) without one of `languages`: where it is
    written and where to translate it. Beyond the first few per language, one line says how many more."""
    problems = []
    folder = document.path.parent
    for lang in languages:
        catalogue = content.catalogue_path(folder, lang)
        open_texts = [e for e in text_entries(document.data) if not e.texts.get(lang)]
        for entry in open_texts[:LISTED]:
            if catalogue.is_file():
                fix = f"translate msgctxt {entry.context!r} in {display_path(catalogue)}"
            else:
                fix = f"add {lang}: with the text in that language"
            problems.append(document.problem(entry.path, f"no translation for {lang}", fix=fix))
        if len(open_texts) > LISTED:
            problems.append(
                document.problem(
                    (),
                    f"... and {len(open_texts) - LISTED:,} more texts without a translation for {lang}",
                    fix=f"readiness translations status --lang {lang} --missing lists them",
                )
            )
    return problems
