"""The hub documents' own words: every one extracted from our templates and modules is in Dutch."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from readiness.hubdocs.i18n import LOCALE_DIR
from tests.conftest import ROOT

PYTHON = ["preview.py", "compare.py", "template_csv.py", "hubdocs/cohort_doc.py", "hubdocs/progress_doc.py"]
TEMPLATES = ["cohort.html.j2", "progress.html.j2", "preview.html.j2"]
PARTIALS = ("cohort-", "progress-", "preview-")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def extracted() -> set[str]:
    files = [("python", ROOT / "readiness" / name) for name in PYTHON]
    files += [("jinja2.ext:babel_extract", ROOT / "templates" / name) for name in TEMPLATES]
    files += [
        ("jinja2.ext:babel_extract", path)
        for path in sorted((ROOT / "templates" / "partials").glob("*.j2"))
        if path.name.startswith(PARTIALS)
    ]
    found: set[str] = set()
    for method, path in files:
        options = {"extensions": "jinja2.ext.i18n", "trimmed": "true"} if "jinja" in method else {}
        for _line, message, _comments, _context in extract_from_file(method, str(path), options=options):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_word_of_the_hub_documents_is_translated_to_dutch() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "hubdocs.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {str(m.id[0] if isinstance(m.id, tuple) else m.id) for m in catalog if m.id and m.string}
    missing = sorted(extracted() - translated)
    assert missing == []


def test_translations_keep_their_placeholders() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "hubdocs.po").open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(str(ids[0])))
        assert all(sorted(PLACEHOLDER.findall(str(s))) == wanted for s in strings), message.id


def test_the_catalogue_holds_no_words_we_no_longer_use() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "hubdocs.po").open("rb") as handle:
        catalog = read_po(handle)
    used = extracted()
    stale = sorted(
        str(m.id) for m in catalog if m.id and (m.id[0] if isinstance(m.id, tuple) else m.id) not in used
    )
    assert stale == []
