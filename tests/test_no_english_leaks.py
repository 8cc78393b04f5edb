"""No English in a report that is not in English: every example in every language the program offers,
as Markdown, text, the HTML's words and (for one example per language) the PDF's text.

The JSON is not read: it is the record, not a text for a reader, and keeps ids, the English form of
every citation and, for a text written in several languages, each of them.

What counts as a leak:
- a run of three or more words of one of the program's own English texts (questionnaires, AI Act
  catalogue and drafts, directory, the report's and hub documents' catalogues, the pipeline's sentences);
- an English word no other language uses (the, and, your, ...);
- a raw key or field name (`placed_on_market`, `interacts_with_people`), in the texts a reader sees.

What the company typed (its name, its AI systems' names and descriptions) and the names of organisations
(EDIHs, authorities), which are proper names, are taken out before looking.
"""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from readiness.l10n.sources import all_sources
from readiness.l10n.status import complete_languages, language_status
from readiness.report.model import Report
from readiness.report.output import render_report
from tests.conftest import EXAMPLES
from tests.report.test_layout import report_of as layout_report_of

LANGUAGES = [lang for lang in complete_languages() if lang != "en"]
EXAMPLE_NAMES = sorted(p.name.split(".")[0] for p in EXAMPLES.glob("*.answers.yaml"))
# The PDF's text is the HTML's words laid out (checked for every example); what the PDF adds (page
# headers and footers, bookmarks, the attachment's label) is the same for every example. So the PDF of the
# example with the most words is read in the first language, and the shortest example's in every other,
# which is what the suite's time allows.
PDF_CASES = [("health", lang) if n == 0 else ("quickscan", lang) for n, lang in enumerate(LANGUAGES)]

# English words that are not words of any other language the program speaks.
ENGLISH_ONLY = re.compile(
    r"\b(the|and|with|your|which|should|would|from|these|those|must|been|their|there|about|answer"
    r"|answers|yes|none|other|unknown|enterprises|companies|provider|deployer"
    r"|high-risk)\b"
)
RAW_KEY = re.compile(r"(?<![\w/.@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/.@-])")
# Links, e-mail addresses, file names and Eurostat's dataset codes (isoc_eb_ai) are not words; nor is the
# slug of a link the PDF broke across lines (consolidation-of-the-network-of-...).
URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:yaml|pdf|json|csv|xlsx)\b|\bisoc(?:\\?_\w+)+"
    r"|\S*\b[a-z0-9]+(?:-[a-z0-9]+){3,}\S*"
)
# Publications cited by their title, which they have in English only.
CITED_TITLES = (
    "The use of artificial intelligence (AI) technologies in the European Union: key results",
    "Use of artificial intelligence in enterprises",
    "Statistics Explained",
)
SPLIT = re.compile(r"\{[^}]*\}|%\([^)]*\)s|%s|<[^>]+>|[.;:!?()\[\]\"“”‘’„«»,/—–•·]|\s-\s|\n")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)


@cache
def english_phrases() -> frozenset[tuple[str, ...]]:
    """Runs of three or more words from every English text of the program, as word tuples."""
    status = language_status("zz", all_sources())  # a language with nothing translated: all English
    phrases: set[tuple[str, ...]] = set()
    for part in status.parts:
        for missing in part.missing:
            for fragment in SPLIT.split(missing.english):
                words = tuple(WORD.findall(fragment))
                if len(words) >= 3:
                    phrases.add(words)
    return frozenset(phrases)


@cache
def proper_names() -> tuple[str, ...]:
    """Names of organisations in the directory, longest first (an English name is still their name)."""
    from readiness.directory import load_directory

    entries = load_directory().entries
    names = {entry.name for entry in entries} | {name for entry in entries for name in entry.names.values()}
    return tuple(sorted((n for n in names if len(n) > 3), key=len, reverse=True))


def typed_values(data: Any) -> Iterator[str]:
    """Every text in an answers file: what the company typed (and option ids, which are not shown)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from typed_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from typed_values(value)


@cache
def report_of(example: str, lang: str) -> Report:
    """The example's report as the layout tests build it (and cache), named after the example."""
    return dataclasses.replace(layout_report_of(example, lang), file_name=f"{example}-{lang}.pdf")


def cleaned(text: str, example: str) -> str:
    """`text` without links, what the company typed and organisation names, whitespace made single."""
    import yaml

    text = URL.sub(" ", text)
    text = " ".join(text.split())
    answers = yaml.safe_load((EXAMPLES / f"{example}.answers.yaml").read_text(encoding="utf-8"))
    typed = sorted({" ".join(v.split()) for v in typed_values(answers) if len(v) > 2}, key=len, reverse=True)
    for value in (*typed, *proper_names(), *CITED_TITLES):
        text = text.replace(value, " ")
    return text


def _in_a_name(text: str, match: re.Match[str]) -> bool:
    """ "and" or "of" between capitalised words is part of a name (Poznań Supercomputing and Networking
    Center); the phrase check still finds such a name when it is one of the program's own texts."""
    before = text[: match.start()].split()[-1:]
    after = text[match.end() :].split()[:1]
    return bool(before and after and before[0][:1].isupper() and after[0][:1].isupper())


def leaks(text: str, *, keys: bool = True) -> list[str]:
    """The English phrases, English-only words and raw keys in `text` (already cleaned)."""
    words = WORD.findall(text)
    found = set()
    phrases = english_phrases()
    longest = max(len(p) for p in phrases)
    for start in range(len(words)):
        for length in range(3, min(longest, len(words) - start) + 1):
            run = tuple(words[start : start + length])
            if run in phrases:
                found.add(" ".join(run))
    found |= {f"word: {m.group(0)}" for m in ENGLISH_ONLY.finditer(text) if not _in_a_name(text, m)}
    if keys:
        found |= {f"key: {m.group(0)}" for m in RAW_KEY.finditer(text)}
    return sorted(found)


def rendered(example: str, lang: str, fmt: str) -> str:
    data = render_report(report_of(example, lang), fmt).decode("utf-8")
    if fmt == "html":
        return html.unescape(TAG.sub(" ", data))
    return data


@pytest.mark.skipif(not LANGUAGES, reason="no language besides English is complete")
@pytest.mark.parametrize("fmt", ["md", "text", "html"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_no_english_in_a_report(example: str, lang: str, fmt: str) -> None:
    text = cleaned(rendered(example, lang, fmt), example)
    assert leaks(text) == []


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(("example", "lang"), PDF_CASES, ids=[f"{e}-{lang}" for e, lang in PDF_CASES])
def test_no_english_in_the_pdf(example: str, lang: str, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(report_of(example, lang), "pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # pdftotext keeps the hyphen of a word broken at a line end; join it again.
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    # A link broken across lines goes on, without a space, on the next line: join it.
    joined = None
    while joined != text:
        joined, text = text, re.sub(r"(https?://\S+)\n(\S+)(?=\n)", r"\1\2", text)
    assert leaks(cleaned(text, example)) == []


def test_the_leak_check_finds_english() -> None:
    """The check itself: English, English-only words and raw keys are found; Dutch is not."""
    phrase = " ".join(next(iter(sorted(english_phrases(), key=len, reverse=True))))
    assert leaks(f"Dit is Nederlands. {phrase}.") != []
    assert leaks("Vul placed_on_market in") == ["key: placed_on_market"]
    assert leaks("Bewaar de logs en lees the instructions") == ["word: the"]
    assert leaks("Bewaar de logs minstens zes maanden, met inachtneming van de AVG.") == []
