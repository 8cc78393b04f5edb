"""Reading the directory folders: the built-in one, then `$READINESS_DIRECTORY`, then folders given on the
command line, later entries replacing earlier ones with the same id.

A folder holds entry files and one level of subfolders of them (`edihs/nl.yaml`, `authorities/dk.yaml`);
`maps/` holds import maps, not entries. Every file is checked against its schema, the vocabulary and the
source policy before anything is used, and all problems are reported together. The built-in directory is
read once per process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from readiness.content import builtin_dir, search_path
from readiness.directory.checks import check_entries, check_statistics, check_vocabulary
from readiness.directory.model import Directory, DirectoryEntry
from readiness.directory.policy import SourcePolicy, check_policy
from readiness.directory.vocabulary import Vocabulary
from readiness.errors import Problem, ProblemsError, display_path
from readiness.l10n.content import file_prefix, translate_document
from readiness.schemas import check_against_schema, load_schema
from readiness.yamlio import YamlDocument, read_yaml

ENV_VAR = "READINESS_DIRECTORY"
ENTRY_SCHEMA = "directory"
VOCABULARY_FILE = "vocabulary.yaml"
STATISTICS_FILE = "eurostat-ai-use.yaml"
POLICY_FILE = "sources.yaml"
SPECIAL_FILES = {
    VOCABULARY_FILE: "directory-vocabulary",
    STATISTICS_FILE: "directory-statistics",
    POLICY_FILE: "directory-sources",
}
# Subfolders that hold something other than entries: import maps, and the translations (locale/<lang>.po).
NOT_ENTRIES = frozenset({"maps", "locale"})


def builtin_folder() -> Path:
    """The directory folder shipped with the package."""
    return builtin_dir("directory")


def entry_kinds() -> list[str]:
    """The kinds the directory schema allows."""
    entry = load_schema(ENTRY_SCHEMA)["$defs"]["entry"]
    return list(entry["properties"]["kind"]["enum"])


def _read_checked(
    path: Path, schema: str, root: Path | None = None
) -> tuple[YamlDocument | None, list[Problem]]:
    """The checked document, with the translations of `root`'s catalogues when a root is given (the
    directory folder the file belongs to: one catalogue per language serves all its files)."""
    try:
        doc = read_yaml(path, cache=True)
    except ProblemsError as exc:
        return None, exc.problems
    if schema == ENTRY_SCHEMA:
        drop_empty_fields(doc.data)
    problems = check_against_schema(doc, schema)
    if problems:
        return None, problems
    return (doc if root is None else translate_document(doc, root, file_prefix(path, root))), []


@cache
def load_vocabulary() -> Vocabulary:
    """The built-in vocabulary, checked; raises ProblemsError when it is broken."""
    doc, problems = _read_checked(
        builtin_folder() / VOCABULARY_FILE, SPECIAL_FILES[VOCABULARY_FILE], builtin_folder()
    )
    if doc is not None:
        problems = check_vocabulary(doc, entry_kinds())
    if problems or doc is None:
        raise ProblemsError(problems)
    return Vocabulary(doc.data)


@cache
def load_policy() -> SourcePolicy:
    """The built-in source policy (directory/sources.yaml), checked; raises ProblemsError when broken."""
    doc, problems = _read_checked(
        builtin_folder() / POLICY_FILE, SPECIAL_FILES[POLICY_FILE], builtin_folder()
    )
    if problems or doc is None:
        raise ProblemsError(problems)
    return SourcePolicy(doc.data)


@cache
def load_statistics() -> Mapping[str, Any]:
    """The built-in statistics file (Eurostat AI use), checked; raises ProblemsError when it is broken."""
    doc, problems = _read_checked(
        builtin_folder() / STATISTICS_FILE, SPECIAL_FILES[STATISTICS_FILE], builtin_folder()
    )
    if doc is not None:
        problems = check_statistics(doc, load_vocabulary())
    if problems or doc is None:
        raise ProblemsError(problems)
    return doc.data


def load_directory(extra_dirs: tuple[Path, ...] = ()) -> Directory:
    """Every entry from the built-in folder, `$READINESS_DIRECTORY` and `extra_dirs`, later ones winning.

    Raises ProblemsError listing every problem in every file.
    """
    folders = tuple(search_path("directory", tuple(extra_dirs), env_var=ENV_VAR))
    if folders == (builtin_folder(),):
        return _builtin_directory()
    return _load_folders(folders)


@cache
def _builtin_directory() -> Directory:
    return _load_folders((builtin_folder(),))


def _load_folders(folders: tuple[Path, ...]) -> Directory:
    vocab = load_vocabulary()
    policy = load_policy()
    by_id: dict[str, DirectoryEntry] = {}
    retired: dict[str, str] = {}
    problems: list[Problem] = []
    for folder in folders:
        docs, folder_problems = _read_folder(folder, builtin=folder == builtin_folder())
        problems += folder_problems + check_entries(docs, vocab, set(by_id))
        problems += [p for p in check_policy(docs, policy) if p.is_error]
        for doc in docs:
            for item in doc.data["entries"]:
                entry = entry_from(item, vocab, doc.name, policy)
                by_id[entry.id] = entry
            retired.update(doc.data.get("retired") or {})
    directory = Directory(tuple(by_id.values()), vocab, retired)
    problems += _fallback_contact_problems(directory)
    if problems:
        raise ProblemsError(sorted(problems))
    return directory


def _read_folder(folder: Path, *, builtin: bool) -> tuple[list[YamlDocument], list[Problem]]:
    if not folder.is_dir():
        return [], [Problem(display_path(folder), 0, 0, "no such directory folder", fix="check the path")]
    docs: list[YamlDocument] = []
    problems: list[Problem] = []
    for path in entry_files(folder):
        if path.name in SPECIAL_FILES and path.parent == folder:
            if not builtin:
                problems.append(
                    Problem(display_path(path), 0, 0, f"{path.name} is read only from the built-in directory")
                )
            continue
        doc, file_problems = _read_checked(path, ENTRY_SCHEMA, folder)
        problems += file_problems
        if doc is not None:
            docs.append(doc)
    return docs, problems


def drop_empty_fields(data: Any) -> None:
    """`city: null` means the same as no `city:` at all: such keys are removed from every entry."""
    entries = data.get("entries") if isinstance(data, dict) else None
    for item in entries if isinstance(entries, list) else []:
        if isinstance(item, dict):
            for key in [k for k, v in item.items() if v is None]:
                del item[key]


def entry_files(folder: Path) -> list[Path]:
    """The .yaml files of a directory folder and of its subfolders one level down (not `maps/`)."""
    files = sorted(folder.glob("*.yaml"))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in NOT_ENTRIES):
        files += sorted(sub.glob("*.yaml"))
    return files


def entry_from(
    item: Mapping[str, Any], vocab: Vocabulary, origin: str = "", policy: SourcePolicy | None = None
) -> DirectoryEntry:
    """An entry from its (schema-checked) mapping, with the standard services of its kind added.

    With the source policy, the entry also knows which of its sources a client may be shown.
    """
    policy = policy or load_policy()
    standard = vocab.standard_services(item["kind"], item["status"])
    services = tuple(dict.fromkeys((*standard, *item.get("services", ()))))
    return DirectoryEntry(
        id=item["id"],
        kind=item["kind"],
        name=item["name"]["en"] if isinstance(item["name"], Mapping) else item["name"],
        names=dict(item["name"]) if isinstance(item["name"], Mapping) else {},
        country=item["country"],
        status=item["status"],
        sources=tuple(item["sources"]),
        checked=item["checked"],
        region=item.get("region", ""),
        nuts=tuple(item.get("nuts", ())),
        city=item.get("city", ""),
        sectors=tuple(item.get("sectors", ())),
        sector_focus=tuple(item.get("sector_focus", ())),
        technologies=tuple(item.get("technologies", ())),
        services=services,
        services_stated=tuple(item.get("services_stated", ())),
        url=item.get("url", ""),
        info_url=item.get("info_url", ""),
        summary=dict(item.get("summary", {})),
        linked=tuple(item.get("linked", ())),
        partner_countries=tuple(item.get("partner_countries", ())),
        nodes=tuple(item.get("nodes", ())),
        facts=tuple(item.get("facts", ())),
        notes=item.get("notes", ""),
        details=dict(item.get("details", {})),
        email=item.get("email", ""),
        confirmed=item.get("confirmed") is True,
        unconfirmed=tuple(item.get("unconfirmed", ())),
        client_note=dict(item.get("client_note", {})),
        roles=tuple(item.get("roles", ())),
        legal_basis=item.get("legal_basis", ""),
        client_sources=policy.client_sources(item["sources"], item.get("url", "")),
        origin=origin,
    )


def _fallback_contact_problems(directory: Directory) -> list[Problem]:
    name = display_path(builtin_folder() / VOCABULARY_FILE)
    return [
        Problem(
            name, 0, 0, f"kinds.{kind}.fallback_contact names '{info['fallback_contact']}', which is no entry"
        )
        for kind, info in directory.vocabulary.kinds.items()
        if "fallback_contact" in info and directory.get(info["fallback_contact"]) is None
    ]


def check_directory_files(paths: list[Path] | None = None, today: dt.date | None = None) -> list[Problem]:
    """Every schema, semantic and source-policy problem in directory files (folders expand to their files).

    None checks the built-in files. Entries are checked against the built-in vocabulary and source
    policy; ids must be unique across the files given, and `linked` ids may also name built-in entries.
    Entries checked longer ago than the policy allows (counted back from `today`, default the real date)
    get a warning.
    """
    files = _expand(paths if paths is not None else [builtin_folder()])
    problems: list[Problem] = []
    entry_docs: list[YamlDocument] = []
    statistics_docs: list[YamlDocument] = []
    for path in files:
        schema = SPECIAL_FILES.get(path.name, ENTRY_SCHEMA)
        doc, file_problems = _read_checked(path, schema)
        problems += file_problems
        if doc is None:
            continue
        if schema == ENTRY_SCHEMA:
            entry_docs.append(doc)
        elif path.name == VOCABULARY_FILE:
            problems += check_vocabulary(doc, entry_kinds())
        elif path.name == STATISTICS_FILE:
            statistics_docs.append(doc)
    try:
        vocab = load_vocabulary()
        policy = load_policy()
    except ProblemsError as exc:
        return sorted(set(problems) | set(exc.problems))
    for doc in statistics_docs:
        problems += check_statistics(doc, vocab)
    given = {str(item.get("id")) for doc in entry_docs for item in doc.data["entries"]}
    try:
        known = {e.id for e in load_directory().entries} - given
    except ProblemsError:
        known = set()
    problems += check_entries(entry_docs, vocab, known)
    problems += check_policy(entry_docs, policy, today or dt.date.today())
    return sorted(set(problems))


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += entry_files(path) if path.is_dir() else [path]
    return files
