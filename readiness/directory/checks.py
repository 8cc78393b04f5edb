"""The checks a schema cannot make: that codes, statuses and services exist in the vocabulary, that ids
are unique and links resolve, that dates are dates, and that every human text is translated.

Each check returns located problems and never stops at the first, so `readiness validate` shows all of
them at once.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from readiness.company import SIZE_CLASSES
from readiness.directory.benchmark_checks import check_benchmark
from readiness.directory.vocabulary import NACE_FORM, Vocabulary
from readiness.errors import Problem
from readiness.schemas import load_schema
from readiness.yamlio import JsonPath, YamlDocument


def _closest(value: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else f"choose from {', '.join(choices)}"


def check_entries(docs: Sequence[YamlDocument], vocab: Vocabulary, known_ids: set[str]) -> list[Problem]:
    """Semantic problems in entry files already checked against the directory schema.

    Ids must be unique across `docs`; a `linked` id may name an entry in `docs` or in `known_ids`.
    """
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    all_ids = set(known_ids)
    for doc in docs:
        all_ids.update(item.get("id", "") for item in _items(doc))
    for doc in docs:
        for index, item in enumerate(_items(doc)):
            at: JsonPath = ("entries", index)
            entry_id = str(item.get("id", ""))
            if entry_id in seen:
                problems.append(
                    doc.problem(
                        (*at, "id"),
                        f"duplicate id '{entry_id}' (also in {seen[entry_id]})",
                        fix="make it unique",
                    )
                )
            seen.setdefault(entry_id, doc.name)
            problems += _check_entry(doc, at, item, vocab, all_ids)
    for doc in docs:
        problems += _check_retired(doc, all_ids)
    return problems


def _check_retired(doc: YamlDocument, ids: set[str]) -> list[Problem]:
    """A retired id must be out of use and stand for an entry that exists."""
    retired = doc.data.get("retired") if isinstance(doc.data, dict) else None
    problems: list[Problem] = []
    for old, new in (retired or {}).items():
        if old in ids:
            problems.append(
                doc.problem(
                    ("retired", old), f"'{old}' is retired but an entry still uses it", fix="remove one"
                )
            )
        if new not in ids:
            problems.append(
                doc.problem(
                    ("retired", old),
                    f"retired id '{old}' stands for '{new}', which is not the id of an entry",
                    fix="name the id of the entry that replaces it",
                )
            )
    return problems


def _items(doc: YamlDocument) -> list[dict[str, Any]]:
    entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _check_entry(
    doc: YamlDocument, at: JsonPath, item: Mapping[str, Any], vocab: Vocabulary, ids: set[str]
) -> list[Problem]:
    problems: list[Problem] = []
    kind, status, country = item.get("kind", ""), item.get("status", ""), item.get("country", "")
    if kind and kind not in vocab.kinds:
        problems.append(
            doc.problem((*at, "kind"), f"unknown kind '{kind}'", fix=_closest(kind, list(vocab.kinds)))
        )
    if status and status not in vocab.statuses:
        problems.append(
            doc.problem(
                (*at, "status"), f"unknown status '{status}'", fix=_closest(status, list(vocab.statuses))
            )
        )
    countries = list(vocab.countries)
    if country and country not in vocab.countries:
        problems.append(
            doc.problem(
                (*at, "country"), f"unknown country code '{country}'", fix=_closest(country, countries)
            )
        )
    for key in ("partner_countries", "nodes"):
        for i, code in enumerate(item.get(key, [])):
            if code not in vocab.countries:
                problems.append(
                    doc.problem(
                        (*at, key, i), f"unknown country code '{code}'", fix=_closest(code, countries)
                    )
                )
    prefixes = {vocab.nuts_prefix(c) for c in vocab.countries if c != "EU"}
    for i, code in enumerate(item.get("nuts", [])):
        if str(code)[:2] not in prefixes:
            problems.append(
                doc.problem(
                    (*at, "nuts", i),
                    f"NUTS code '{code}' is in no listed country",
                    fix=f"{country}'s codes start with {vocab.nuts_prefix(country)}; a hub serving a region "
                    "across the border may list that country's codes too",
                )
            )
    for i, code in enumerate(item.get("sectors", [])):
        message = sector_problem(str(code), vocab)
        if message:
            problems.append(doc.problem((*at, "sectors", i), message))
    for i, service in enumerate(item.get("services", [])):
        if service not in vocab.services:
            problems.append(
                doc.problem(
                    (*at, "services", i),
                    f"unknown service '{service}'",
                    fix=_closest(service, list(vocab.services)),
                )
            )
    for i, target in enumerate(item.get("linked", [])):
        if target not in ids or target == item.get("id"):
            problems.append(doc.problem((*at, "linked", i), f"'{target}' is not the id of another entry"))
    checked = item.get("checked")
    if isinstance(checked, str) and not _is_date(checked):
        problems.append(
            doc.problem((*at, "checked"), f"'{checked}' is not a calendar date", fix="write YYYY-MM-DD")
        )
    fields = set(load_schema("directory")["$defs"]["entry"]["properties"])
    for i, name in enumerate(item.get("unconfirmed", [])):
        if name not in fields and name not in vocab.roles:
            problems.append(
                doc.problem(
                    (*at, "unconfirmed", i),
                    f"'{name}' is neither a field of the entry nor a role",
                    fix=_closest(name, [*vocab.fields, *vocab.roles]),
                )
            )
    for i, role in enumerate(item.get("roles", [])):
        if role not in vocab.roles:
            problems.append(
                doc.problem(
                    (*at, "roles", i), f"unknown role '{role}'", fix=_closest(role, list(vocab.roles))
                )
            )
    for key in ("summary", "client_note"):
        texts = item.get(key)
        if isinstance(texts, dict):
            problems += _missing_languages(doc, (*at, key), texts, vocab.written_languages)
    info = vocab.statuses.get(status, {})
    if info.get("caveat") and "note" not in info and "client_note" not in item:
        problems.append(
            doc.problem(
                (*at, "status"),
                f"status '{status}' matters to a client, who never sees status ids",
                fix="add client_note: a plain sentence in every language, e.g. when the law applies",
            )
        )
    return problems


def sector_problem(code: str, vocab: Vocabulary) -> str:
    """Why `code` is not a NACE section or section+division of the vocabulary, or ""."""
    if code in vocab.sectors:
        return ""
    match = NACE_FORM.match(code)
    if not match or not match["section"]:
        return f"'{code}' is not a NACE Rev. 2 section (A-U) or section and division (like C28)"
    section = vocab.division_sections.get(match["division"])
    if section is None:
        return f"there is no NACE division {match['division']}"
    if section != match["section"]:
        return f"division {match['division']} belongs to section {section}, not {match['section']}"
    return ""


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _missing_languages(
    doc: YamlDocument, at: JsonPath, texts: Mapping[str, Any], languages: Sequence[str]
) -> list[Problem]:
    missing = [lang for lang in languages if not texts.get(lang)]
    if not missing:
        return []
    return [doc.problem(at, f"not translated into {', '.join(missing)}", fix=f"add {', '.join(missing)}")]


def _unnamed_words(doc: YamlDocument, at: tuple[str, ...], words: Sequence[str]) -> list[Problem]:
    named = doc.data["technology_words"]
    return [
        doc.problem(
            (*at, i),
            f"'{word}' has no entry in technology_words",
            fix=f"add technology_words.{word} with its texts",
        )
        for i, word in enumerate(words)
        if word not in named
    ]


def check_vocabulary(doc: YamlDocument, entry_kinds: Sequence[str]) -> list[Problem]:
    """Cross-references inside the vocabulary, and translation coverage of every text in it.

    `entry_kinds` are the kinds the directory schema allows; the vocabulary must describe each of them.
    """
    data = doc.data
    vocab = Vocabulary(data)
    languages = vocab.written_languages
    problems: list[Problem] = []
    countries = list(data["countries"])
    for code, info in data["countries"].items():
        problems += _missing_languages(doc, ("countries", code), info, languages)
        for i, other in enumerate(info["neighbours"]):
            if other not in data["countries"] or other == code:
                problems.append(
                    doc.problem(
                        ("countries", code, "neighbours", i), f"'{other}' is not another listed country"
                    )
                )
    for alias, target in data.get("country_aliases", {}).items():
        if target not in data["countries"]:
            problems.append(
                doc.problem(
                    ("country_aliases", alias),
                    f"unknown country code '{target}'",
                    fix=_closest(target, countries),
                )
            )
    for kind in entry_kinds:
        if kind not in data["kinds"]:
            problems.append(
                doc.problem(("kinds",), f"kind '{kind}' is not described", fix=f"add kinds.{kind}")
            )
    for kind, info in data["kinds"].items():
        if "fallback_contact" in info and f"fallback_{kind}" not in data["reasons"]:
            problems.append(
                doc.problem(("kinds", kind), f"reasons.fallback_{kind} is missing", fix="add the sentence")
            )
        for key in ("services", "highlight"):
            problems += _unknown(doc, ("kinds", kind, key), info.get(key, []), data["services"], "service")
        problems += _unknown(
            doc, ("kinds", kind, "when_status"), info.get("when_status", []), data["statuses"], "status"
        )
    for need, info in data["needs"].items():
        problems += _unknown(doc, ("needs", need, "services"), info["services"], data["services"], "service")
        problems += _unknown(doc, ("needs", need, "kinds"), info["kinds"], data["kinds"], "kind")
        problems += _unnamed_words(doc, ("needs", need, "technologies"), info["technologies"])
    problems += _unnamed_words(doc, ("ai_technologies",), data.get("ai_technologies", []))
    if data["ranking"].get("high_risk_need") not in data["needs"]:
        problems.append(
            doc.problem(("ranking", "high_risk_need"), "high_risk_need must name one of the needs")
        )
    for at, texts in _language_maps(data):
        problems += _missing_languages(doc, at, texts, languages)
    return problems


def _unknown(
    doc: YamlDocument, at: JsonPath, values: Sequence[str], known: Mapping[str, Any], what: str
) -> list[Problem]:
    return [
        doc.problem((*at, i), f"unknown {what} '{value}'", fix=_closest(value, list(known)))
        for i, value in enumerate(values)
        if value not in known
    ]


def _language_maps(data: Mapping[str, Any]) -> Iterator[tuple[JsonPath, Mapping[str, Any]]]:
    for kind, info in data["kinds"].items():
        for key in ("label", "plural", "title", "offer"):
            if key in info:
                yield ("kinds", kind, key), info[key]
    for status, info in data["statuses"].items():
        yield ("statuses", status, "label"), info["label"]
        if "note" in info:
            yield ("statuses", status, "note"), info["note"]
    for part in ("roles", "fields"):
        for key, labels in data[part].items():
            yield (part, key), labels
    for service, labels in data["services"].items():
        yield ("services", service), labels
    for need, info in data["needs"].items():
        yield ("needs", need, "label"), info["label"]
    for key, texts in data["reasons"].items():
        yield ("reasons", key), texts
    for key, texts in data["interface"].items():
        yield ("interface", key), texts
    for letter, info in data["sectors"].items():
        yield ("sectors", letter, "label"), info["label"]
        yield ("sectors", letter, "short"), info["short"]
        for division, labels in info["divisions"].items():
            yield ("sectors", letter, "divisions", division), labels


def check_statistics(doc: YamlDocument, vocab: Vocabulary) -> list[Problem]:
    """Places, size classes and sections of the statistics rows exist; every company size has a band."""
    data = doc.data
    problems: list[Problem] = []
    for size in SIZE_CLASSES:
        if size not in data["size_bands"]:
            problems.append(
                doc.problem(("size_bands",), f"no band for the company size '{size}'", fix=f"add {size}")
            )
    problems += check_benchmark(doc, vocab.written_languages)
    for index, row in enumerate(data["rows"]):
        geo = row["geo"]
        if geo != "EU27" and geo not in vocab.countries:
            problems.append(
                doc.problem(
                    ("rows", index, "geo"), f"unknown place '{geo}'", fix="an ISO country code or EU27"
                )
            )
        code = row.get("code", "")
        if row["dimension"] == "size" and code not in data["labels"]:
            problems.append(doc.problem(("rows", index, "code"), f"no label for size class '{code}'"))
        if row["dimension"] == "activity" and code not in vocab.sectors:
            problems.append(doc.problem(("rows", index, "code"), f"'{code}' is not a NACE section"))
    return problems
