"""Content catalogues: the translations of a folder of YAML content, one PO file per language.

`<folder>/locale/<lang>.po` holds, for each text of the YAML files it serves, the English (msgid) and its
translation (msgstr), named by the text's path (msgctxt, see `texts`). After a file is parsed and checked,
`translate_document` adds each catalogue's translation to the language maps whose English it still
matches: a text whose English has changed since it was translated is left untranslated (and counts as
missing) rather than showing a translation of something else. A language written inline in the YAML
keeps its inline text.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from readiness.l10n.po import read_po
from readiness.l10n.texts import text_entries
from readiness.yamlio import YamlDocument

LOCALE_FOLDER = "locale"

Table = Mapping[tuple[str, str], str]


def catalogue_folder(folder: Path) -> Path:
    """Where the catalogues of the content in `folder` live."""
    return folder / LOCALE_FOLDER


def catalogue_path(folder: Path, lang: str) -> Path:
    """The catalogue of `lang` for the content in `folder`."""
    return catalogue_folder(folder) / f"{lang}.po"


def catalogue_languages(folder: Path) -> tuple[str, ...]:
    """The languages with a catalogue for the content in `folder`."""
    where = catalogue_folder(folder)
    if not where.is_dir():
        return ()
    return tuple(sorted(p.stem for p in where.glob("*.po") if p.is_file()))


def stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What identifies the catalogues of `folder` as they are on disk now: for the keys of caches, so a
    cache never serves translations older than the files."""
    out = []
    for lang in catalogue_languages(folder):
        info = catalogue_path(folder, lang).stat()
        out.append((lang, info.st_mtime_ns, info.st_size))
    return tuple(out)


def tables(folder: Path) -> dict[str, Table]:
    """Per language, (context, English) -> translation, for the translated, unfuzzy entries."""
    return dict(_tables(str(folder.resolve()), stamp(folder)))


@lru_cache(maxsize=64)
def _tables(folder: str, _stamp: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, Table], ...]:
    out = []
    for lang in catalogue_languages(Path(folder)):
        entries = read_po(catalogue_path(Path(folder), lang))
        table = {(e.context or "", e.msgid): e.strings[0] for e in entries if e.translated}
        out.append((lang, table))
    return tuple(out)


def translate_data(data: Any, folder: Path, prefix: str = "") -> Any:
    """`data` with the translations of `folder`'s catalogues added (a copy; `data` itself is unchanged)."""
    found = tables(folder)
    if not found:
        return data
    translated = copy.deepcopy(data)
    for entry in text_entries(translated, prefix):
        for lang, table in found.items():
            if entry.texts.get(lang):
                continue
            text = table.get((entry.context, entry.english))
            if text:
                entry.texts[lang] = text
    return translated


def translate_document(document: YamlDocument, folder: Path, prefix: str = "") -> YamlDocument:
    """`document` with its folder's translations added to its language maps (positions unchanged)."""
    data = translate_data(document.data, folder, prefix)
    return document if data is document.data else document.with_data(data)


def file_prefix(path: Path, folder: Path) -> str:
    """The name prefix of the texts of `path` in the catalogue of `folder`, which serves several files:
    the file's path inside the folder, without `.yaml` (`edihs/nl:`)."""
    relative = path.resolve().relative_to(folder.resolve())
    return relative.with_suffix("").as_posix() + ":"
