"""The browser app's own words: every one our templates and modules use is in Dutch, with its placeholders,
and the catalogue keeps no word we no longer use."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from readiness.web.i18n import LOCALE_DIR
from tests.conftest import ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
METHODS = [("**.py", "python"), ("templates/**.j2", "jinja2.ext:babel_extract")]
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}


def extracted() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT / "readiness" / "web", METHODS, OPTIONS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue() -> list:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "web.po").open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def msgid(message: object) -> str:
    identifier = message.id  # type: ignore[attr-defined]
    return str(identifier[0] if isinstance(identifier, tuple) else identifier)


def test_every_word_of_the_browser_app_is_translated_to_dutch() -> None:
    translated = {
        msgid(m) for m in catalogue() if all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    assert sorted(extracted() - translated) == []


def test_translations_keep_their_placeholders() -> None:
    for message in catalogue():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(str(ids[0])))
        assert all(sorted(PLACEHOLDER.findall(str(s))) == wanted for s in strings), message.id


def test_the_catalogue_holds_no_words_we_no_longer_use() -> None:
    used = extracted()
    assert sorted(msgid(m) for m in catalogue() if msgid(m) not in used) == []
