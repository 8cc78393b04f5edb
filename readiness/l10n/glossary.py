"""Each language's glossary: the official terms, where they come from, and the wrong variants to flag.

`readiness/locale/<lang>/glossary.yaml` gives, for every term of the English glossary, the term that
language's version of the law (or the Commission, for the EU's programmes and networks) uses, and the
variants that are wrong. `readiness validate` runs `term_problems` over every text of the language:
texts written inline in the YAML, the content catalogues, the Babel catalogues and the pipeline's
sentences, and reports each wrong variant at its file and line with the right term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from readiness.errors import Problem, ProblemsError, display_path
from readiness.l10n.coverage import Missing, Part
from readiness.l10n.languages import language_dir
from readiness.l10n.po import read_po
from readiness.l10n.texts import SOURCE_LANGUAGE, text_entries
from readiness.yamlio import YamlDocument

GLOSSARY_FILE = "glossary.yaml"


@dataclass(frozen=True)
class Term:
    """One term in one language, with the patterns of its wrong variants."""

    id: str
    term: str
    english: str
    # Its wrong variants, as the glossary writes them: words (`wrong:`) and expressions (`wrong_patterns:`).
    words: tuple[str, ...]
    expressions: tuple[re.Pattern[str], ...]

    @cached_property
    def wrong(self) -> tuple[re.Pattern[str], ...]:
        """Every wrong variant as a pattern: each word as a whole word, then the expressions."""
        return (*(_word(w) for w in self.words), *self.expressions)


def glossary_path(lang: str) -> Path:
    return language_dir(lang) / GLOSSARY_FILE


@cache
def _document(lang: str) -> tuple[dict[str, Any] | None, tuple[Problem, ...]]:
    """The glossary's data and its problems (schema, sources, patterns, duplicate ids)."""
    from readiness.schemas import check_against_schema
    from readiness.yamlio import read_yaml

    path = glossary_path(lang)
    if not path.is_file():
        return None, ()
    try:
        document = read_yaml(path)
    except ProblemsError as exc:
        return None, tuple(exc.problems)
    problems = check_against_schema(document, "glossary")
    if problems:
        return None, tuple(problems)
    data = document.data
    sources = {s["id"] for s in data["sources"]}
    seen: set[str] = set()
    for index, term in enumerate(data["terms"]):
        if term["id"] in seen:
            problems.append(
                document.problem(("terms", index, "id"), f"the term '{term['id']}' is given twice")
            )
        seen.add(term["id"])
        if "source" in term and term["source"] not in sources:
            problems.append(
                document.problem(
                    ("terms", index, "source"),
                    f"no source called '{term['source']}'",
                    fix=f"name one of: {', '.join(sorted(sources))}",
                )
            )
        for number, pattern in enumerate(term.get("wrong_patterns", [])):
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(
                    document.problem(
                        ("terms", index, "wrong_patterns", number), f"not a regular expression: {exc}"
                    )
                )
    return data, tuple(problems)


def glossary_problems(lang: str) -> list[Problem]:
    """What is wrong in the glossary file of `lang` itself."""
    return list(_document(lang)[1])


@cache
def terms(lang: str) -> tuple[Term, ...]:
    """The glossary's terms, with their wrong variants compiled (none for a missing or broken glossary)."""
    data, problems = _document(lang)
    if data is None or problems:
        return ()
    english = {t["id"]: t["term"] for t in _english_terms()}
    out = []
    for item in data["terms"]:
        words = tuple(item.get("wrong", []))
        expressions = tuple(re.compile(p) for p in item.get("wrong_patterns", []))
        reminder = english.get(item["id"]) or item.get("note", item["id"])
        out.append(Term(item["id"], item["term"], reminder, words, expressions))
    return tuple(out)


def _word(variant: str) -> re.Pattern[str]:
    """A whole-word pattern for `variant`: any case, unless it has a capital letter."""
    flags = 0 if any(c.isupper() for c in variant) else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)", flags)


def _english_terms() -> list[dict[str, str]]:
    data, _ = _document(SOURCE_LANGUAGE)
    return list(data["terms"]) if data is not None else []


def glossary_part(lang: str) -> Part:
    """The glossary as a part of the language: every English term needs its term in `lang`."""
    data, problems = _document(lang)
    given = {t["id"] for t in data["terms"]} if data is not None and not problems else set()
    wanted = _english_terms()
    where = display_path(glossary_path(SOURCE_LANGUAGE))
    missing = tuple(Missing(where, t["id"], t["term"]) for t in wanted if t["id"] not in given)
    return Part("glossary", display_path(glossary_path(lang)), lang, len(wanted), missing)


def term_problems(lang: str) -> list[Problem]:
    """Every wrong variant of a term in every text of `lang`, at its file and line, with the right term."""
    return _flag(lang, language_texts(lang))


def document_term_problems(document: YamlDocument, languages: Iterable[str]) -> list[Problem]:
    """The wrong terms in the texts of one file (translations added) in each of `languages`."""
    problems = []
    for lang in languages:
        texts = [
            (document.name, *document.position((*entry.path, lang)), entry.texts[lang])
            for entry in text_entries(document.data)
            if entry.texts.get(lang)
        ]
        problems += _flag(lang, texts)
    return problems


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class _Screen:
    """What a text must hold for any wrong variant of a language to be in it: nearly every text holds
    none, and these two checks cost far less than searching for each variant in turn."""

    # The variants written as words, casefolded: the longest word of each -> the words of each.
    words: Mapping[str, tuple[frozenset[str], ...]]
    expressions: re.Pattern[str] | None  # the variants written as patterns, as one pattern

    def may_hold(self, text: str) -> bool:
        tokens = set(_TOKEN.findall(text.casefold()))
        for key in tokens.intersection(self.words):
            if any(words <= tokens for words in self.words[key]):
                return True
        return self.expressions is not None and self.expressions.search(text) is not None


@cache
def _screen(lang: str) -> _Screen | None:
    """The screen of `lang`'s wrong variants; None when they cannot be combined (every text is searched)."""
    words: dict[str, tuple[frozenset[str], ...]] = {}
    expressions: list[re.Pattern[str]] = []
    for term in terms(lang):
        expressions += term.expressions
        for word in term.words:
            tokens = _TOKEN.findall(word.casefold())
            if not tokens:
                return None
            key = max(tokens, key=len)
            words[key] = (*words.get(key, ()), frozenset(tokens))
    # A back-reference counts groups, which combining renumbers.
    if any(_BACKREFERENCE.search(p.pattern) for p in expressions):
        return None
    parts = [f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p in expressions]
    try:
        combined = re.compile("|".join(parts)) if parts else None
    except re.error:
        return None
    return _Screen(words, combined)


def _flag(lang: str, texts: Iterable[tuple[str, int, int, str]]) -> list[Problem]:
    found = terms(lang)
    if not found:
        return []
    screen = _screen(lang)
    problems = []
    for path, line, column, text in texts:
        if screen is not None and not screen.may_hold(text):
            continue
        for term in found:
            spans: list[tuple[int, int]] = []
            for pattern in term.wrong:
                spans += [match.span() for match in pattern.finditer(text)]
            # Two variants of one term matching the same words are one mistake: keep the widest match.
            for start, end in spans:
                if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
                    continue
                problems.append(
                    Problem(
                        path,
                        line,
                        column,
                        f"“{text[start:end]}” is not the term in {lang}: write “{term.term}”",
                        fix=f"glossary {lang}: {term.id} ({term.english})",
                    )
                )
    return sorted(set(problems))


def language_texts(lang: str) -> Iterator[tuple[str, int, int, str]]:
    """(file, line, column, text) for every text in `lang`: inline in the YAML, in the content
    catalogues, the Babel catalogues and the pipeline's sentences."""
    from readiness.l10n.sources import BabelSource, ContentSource, MessagesSource, all_sources, read_shipped

    for source in all_sources():
        if isinstance(source, ContentSource):
            for path in source.files:
                document, shown = read_shipped(path), display_path(path)
                for entry in text_entries(document.data):
                    text = entry.texts.get(lang)
                    if text:
                        line, column = document.position((*entry.path, lang))
                        yield shown, line, column, text
        if isinstance(source, ContentSource | BabelSource | MessagesSource):
            catalogue = source.catalogue(lang)
            if catalogue.is_file():
                shown = display_path(catalogue)
                for po_entry in read_po(catalogue):
                    for string in po_entry.strings:
                        if string:
                            yield shown, po_entry.line, 1, string
