"""`readiness translations extract`: bring one language's catalogues in step with the English.

For every source of text (see `sources`) the language's PO file is written or updated from the current
English: new texts are added untranslated, texts whose English changed keep their old translation marked
fuzzy (with the English it translated, `#| msgid`, so the translator sees what changed), and texts that
are gone are kept at the end as obsolete (`#~`). A fuzzy or obsolete translation is never shown.
Texts a YAML file already has inline in that language (Dutch) are not put in its catalogue.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from readiness import __version__
from readiness.atomic import write_atomic
from readiness.errors import ReadinessError, display_path
from readiness.l10n.languages import LANGUAGE_FILE, LOCALE_DIR, language, language_dir
from readiness.l10n.sources import BabelSource, ContentSource, MessagesSource, Source
from readiness.l10n.texts import SOURCE_LANGUAGE, text_entries
from readiness.yamlio import read_yaml

# The width pybabel writes with, so that its update and ours leave the same lines.
WIDTH = 76
TEAM = "readiness contributors"


@dataclass(frozen=True)
class Written:
    """One catalogue written: where, and how many of its texts still need a translator."""

    path: str
    total: int
    open: int


def check_language_code(lang: str) -> None:
    """A usage error unless `lang` is a two-letter language code Babel knows (other than English)."""
    if lang == SOURCE_LANGUAGE:
        raise ReadinessError("English is the source language: its texts are the English in the YAML and code")
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        raise ReadinessError(
            f"'{lang}' is not a language code Babel knows; use two letters, e.g. de"
        ) from None
    if len(lang) != 2 or not lang.isalpha() or not lang.islower():
        raise ReadinessError(f"'{lang}' is not a two-letter language code such as de or fr")


def extract(lang: str, sources: Iterable[Source]) -> list[Written]:
    """Write or update every catalogue of `lang` for `sources`; returns what was written."""
    check_language_code(lang)
    written = [_start_language(lang)]
    for source in sources:
        if isinstance(source, ContentSource):
            written.append(_content(source, lang))
        elif isinstance(source, BabelSource):
            written.append(_babel(source, lang))
        else:
            written.append(_messages(source, lang))
    return [w for w in written if w is not None]


def _content(source: ContentSource, lang: str) -> Written | None:
    template = _new_catalog(None)
    for path in source.files:
        document = read_yaml(path)
        where = path.resolve().relative_to(source.folder.resolve()).as_posix()
        for entry in text_entries(document.data, source.prefix(path)):
            if entry.texts.get(lang):
                continue  # written inline in the YAML
            line, _ = document.position(entry.path)
            _add(template, entry.english, entry.context, (where, line))
    target = source.catalogue(lang)
    if not len(template) and not target.exists():
        return None
    return _write(target, _merged(template, target, lang))


def _messages(source: MessagesSource, lang: str) -> Written:
    from readiness.texts import english

    template = _new_catalog(None)
    for key, text in english().items():
        template.add(text, "", context=key)  # the key names it; no location to point at
    return _write(source.catalogue(lang), _merged(template, source.catalogue(lang), lang))


def _babel(source: BabelSource, lang: str) -> Written:
    """`pybabel init` for a new language, `pybabel update` for one that has the catalogue."""
    with source.template.open("rb") as handle:
        template = read_po(handle)
    target = source.catalogue(lang)
    if target.exists():
        with target.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=source.domain)
        catalog.update(template)
    else:
        with source.template.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=source.domain)
        catalog.locale = Locale.parse(lang)
        catalog.revision_date = dt.datetime.now(dt.UTC)
        catalog.fuzzy = False
        catalog.last_translator = TEAM
        catalog.language_team = TEAM
    return _write(target, catalog)


def _merged(template: Catalog, target: Path, lang: str) -> Catalog:
    """`template` with the translations of the catalogue at `target` carried over.

    A text whose English changed keeps the translation made for its name (msgctxt), marked fuzzy with the
    English it was made for; Babel's own fuzzy matching would guess from similar English elsewhere.
    """
    catalog = _new_catalog(lang)
    old: Catalog | None = None
    if target.exists():
        with target.open("rb") as handle:
            old = read_po(handle, locale=lang)
        catalog.header_comment = old.header_comment
        catalog.creation_date = old.creation_date
    by_context = {m.context: m for m in old if m.id} if old is not None else {}
    used: set[object] = set()
    for message in template:
        if not message.id:
            continue
        copy = Message(message.id, "", locations=message.locations, context=message.context)
        before = old.get(message.id, message.context) if old is not None else None
        if before is not None and before.string:
            copy.string, copy.flags = before.string, set(before.flags)
            copy.user_comments, copy.previous_id = before.user_comments, before.previous_id
            used.add((before.id, before.context))
        elif (changed := by_context.get(message.context)) is not None and changed.string:
            copy.string, copy.flags = changed.string, {"fuzzy"}
            copy.previous_id = [changed.id] if isinstance(changed.id, str) else list(changed.id)
            copy.user_comments = changed.user_comments
            used.add((changed.id, changed.context))
        catalog[message.id] = copy
    if old is not None:
        for message in old:
            if message.id and (message.id, message.context) not in used and message.string:
                key = message.id if message.context is None else (message.id, message.context)
                catalog.obsolete[key] = message  # type: ignore[index]
        catalog.obsolete.update(old.obsolete)
    return catalog


def _new_catalog(lang: str | None) -> Catalog:
    return Catalog(
        locale=lang,
        header_comment=f"# Translations of readiness{' into ' + lang if lang else ''}. "
        'See docs/authoring.md, "Adding a language".\n#',
        project="readiness",
        version=__version__,
        copyright_holder=TEAM,
        msgid_bugs_address=TEAM,
        last_translator=TEAM,
        language_team=TEAM,
        fuzzy=False,
    )


def _add(catalog: Catalog, english: str, context: str, location: tuple[str, int]) -> None:
    existing = catalog.get(english, context)
    if existing is not None:
        existing.locations.append(location)
        return
    catalog.add(english, "", locations=[location], context=context)


def _write(target: Path, catalog: Catalog) -> Written:
    if catalog.locale is not None:
        _use_plural_rule(catalog, str(catalog.locale))
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=True, sort_output=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, buffer.getvalue().decode("utf-8"))
    messages = [m for m in catalog if m.id]
    still = sum(
        1 for m in messages if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string])
    )
    return Written(display_path(target), len(messages), still)


def _use_plural_rule(catalog: Catalog, lang: str) -> None:
    """The plural rule of the locale the language writes its numbers in (`formats`): Babel's rule for
    plain "pt" is Brazil's, where 0 takes the singular, but European Portuguese writes "0 empresas"."""
    try:
        formats = language(lang).formats
    except ReadinessError:  # no language.yaml yet, or a broken one: the language code's own rule
        return
    rule = get_plural(formats)
    catalog.mime_headers = [("Plural-Forms", f"nplurals={rule.num_plurals}; plural={rule.plural_expr};")]


def _forms(string: object) -> tuple[object, ...]:
    return tuple(string) if isinstance(string, tuple | list) else (string,)


def _start_language(lang: str) -> Written | None:
    """A new language's own folder: a `language.yaml` to complete (name, formats, citation style)."""
    target = language_dir(lang) / LANGUAGE_FILE
    if target.exists():
        return None
    name = Locale.parse(lang).get_display_name(lang) or lang
    english = (LOCALE_DIR / SOURCE_LANGUAGE / LANGUAGE_FILE).read_text(encoding="utf-8")
    body = english.split("\nname:", 1)[1].split("\n", 1)[1]
    text = (
        "# yaml-language-server: $schema=../../schemas/language.schema.json\n"
        f"# {name}: started by `readiness translations extract --lang {lang}`. Check the name and the\n"
        "# locale of dates and numbers, and write the citation templates the way this language's texts of\n"
        "# EU law cite articles (see readiness/locale/nl/language.yaml for a worked example).\n"
        f"name: {name[:1].upper() + name[1:]}\n" + body.replace("formats: en_IE", f"formats: {lang}")
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    return Written(display_path(target), 1, 1)
