"""`readiness directory import`: a table in, directory files out, with what would change shown first.

The rows become entries through the map; each is merged into the file it belongs in (by id; an existing
entry with the same name or website keeps its id, so ids stay stable); what the files would hold is
checked exactly as `readiness validate` checks it; only then is anything written, each file atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness.atomic import write_atomic
from readiness.directory.checks import check_entries
from readiness.directory.import_map import ImportMap, RowResult, check_columns, convert_row, load_map
from readiness.directory.loader import (
    ENTRY_SCHEMA,
    drop_empty_fields,
    load_directory,
    load_policy,
    load_vocabulary,
)
from readiness.directory.policy import check_policy
from readiness.directory.table_reader import read_table
from readiness.errors import Problem, ProblemsError, ReadinessError, display_path
from readiness.schemas import check_against_schema
from readiness.yamlio import dump_yaml, parse_yaml, read_yaml

MAX_LISTED_ERRORS = 30
# The order of an entry's keys in the files written, as in the shipped files.
KEY_ORDER = (
    "id", "kind", "name", "country", "city", "region", "nuts", "status", "confirmed", "unconfirmed",
    "client_note", "roles", "legal_basis", "sectors", "sector_focus", "technologies", "services",
    "services_stated", "url", "info_url", "email", "summary", "linked", "partner_countries", "nodes",
    "facts", "details", "notes", "sources", "checked",
)  # fmt: skip
# Fields a re-import always sets: the table is the source that confirms them, on the date it was read.
ALWAYS_SET = frozenset({"confirmed", "checked"})


@dataclass
class FilePlan:
    """One directory file the import writes: what it adds, changes and removes, and its new text."""

    path: Path
    added: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, list[str]]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""


@dataclass
class ImportPlan:
    """Every file the import writes, and the cells it left out (with their row and column)."""

    files: list[FilePlan]
    warnings: list[str]
    rows: int


def plan_import(table_path: Path, map_path: Path, out_dir: Path, checked: dt.date) -> ImportPlan:
    """What importing the table would do to the directory files under `out_dir` (nothing is written).

    Raises ReadinessError (or ProblemsError) naming the rows and columns at fault; the plan is only
    returned when every file it would write passes the directory's checks.
    """
    import_map = load_map(map_path)
    table = read_table(table_path, import_map.sheet)
    check_columns(import_map, table)
    vocab = load_vocabulary()
    results = [
        convert_row(import_map, table, row, cells, vocab, checked.isoformat()) for row, cells in table.rows
    ]
    errors = [error for r in results for error in r.errors]
    if errors:
        more = f"\n... and {len(errors) - MAX_LISTED_ERRORS} more" if len(errors) > MAX_LISTED_ERRORS else ""
        raise ReadinessError("\n".join(errors[:MAX_LISTED_ERRORS]) + more + "\nnothing was written")
    by_target: dict[str, list[RowResult]] = {}
    for result in results:
        by_target.setdefault(result.target, []).append(result)
    files = [
        _plan_file(out_dir / target, rows, import_map, table_path)
        for target, rows in sorted(by_target.items())
    ]
    _check(files)
    return ImportPlan(files, [w for r in results for w in r.warnings], len(results))


def write_plan(plan: ImportPlan) -> None:
    """Write every planned file, each atomically (a crash leaves the old file or the new one)."""
    for file in plan.files:
        write_atomic(file.path, file.text)


def _plan_file(path: Path, rows: Sequence[RowResult], import_map: ImportMap, table_path: Path) -> FilePlan:
    plan = FilePlan(path)
    existing = _existing(path)
    entries = {str(item["id"]): item for item in existing.get("entries", [])}
    seen: dict[str, int] = {}
    for result in rows:
        assert result.entry is not None
        imported = result.entry
        entry_id = _stable_id(imported, entries.values()) or imported["id"]
        if entry_id in seen:
            raise ReadinessError(
                f"{display_path(table_path)}: rows {seen[entry_id]} and {result.row} both make the entry "
                f"'{entry_id}'; give them different names or ids"
            )
        seen[entry_id] = result.row
        imported = {**imported, "id": entry_id}
        old = entries.get(entry_id)
        if old is None:
            entries[entry_id] = imported
            plan.added.append((entry_id, imported["name"]))
            continue
        merged = _merge(old, imported, import_map)
        fields = [k for k in merged if k not in ALWAYS_SET and merged.get(k) != old.get(k)]
        if fields:
            plan.changed.append((entry_id, merged["name"], fields))
        entries[entry_id] = merged
    kind = import_map.defaults.get("kind")
    if import_map.remove_missing:
        for entry_id, item in list(entries.items()):
            if entry_id not in seen and item.get("kind") == kind:
                plan.removed.append((entry_id, str(item.get("name", ""))))
                del entries[entry_id]
    checked = rows[0].entry["checked"] if rows and rows[0].entry else ""
    imported_from = (
        f"Imported from {table_path.name} with the map {Path(import_map.name).name} (checked {checked}); "
        'see docs/directory.md, "Keeping it current".'
    )
    about = imported_from if import_map.remove_missing else existing.get("about", imported_from)
    plan.text = _render(path, about, [_ordered(e) for e in entries.values()])
    return plan


def _existing(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    document = read_yaml(path)
    drop_empty_fields(document.data)
    problems = check_against_schema(document, ENTRY_SCHEMA)
    if problems:
        raise ProblemsError(problems)
    return dict(document.data)


def _stable_id(imported: Mapping[str, Any], existing: Any) -> str:
    """The id of the existing entry this row describes: same id, or same name, or same own website."""
    name = str(imported["name"]).casefold()
    policy = load_policy()
    own = policy.own_site(str(imported.get("url", "")))
    for item in existing:
        if item.get("id") == imported["id"] or str(item.get("name", "")).casefold() == name:
            return str(item["id"])
        if own and policy.own_site(str(item.get("url", ""))) == own:
            return str(item["id"])
    return ""


def _merge(old: Mapping[str, Any], imported: Mapping[str, Any], import_map: ImportMap) -> dict[str, Any]:
    """The old entry updated by the row: columns win, sources add up, defaults only fill gaps."""
    merged = dict(old)
    from_columns = {c.name for c in import_map.columns}
    for key, value in imported.items():
        if key == "sources":
            merged[key] = list(dict.fromkeys([*old.get("sources", []), *value]))
        elif key in from_columns or key in ALWAYS_SET or key not in old:
            merged[key] = value
    return merged


def _ordered(entry: Mapping[str, Any]) -> dict[str, Any]:
    rank = {key: i for i, key in enumerate(KEY_ORDER)}
    return {key: entry[key] for key in sorted(entry, key=lambda k: rank.get(k, len(rank)))}


NEW_FILE_HEADER = (
    "# readiness directory file. Its schema: `readiness schema directory`. "
    "Check it: `readiness validate FILE`\n"
)


def _render(path: Path, about: str, entries: list[dict[str, Any]]) -> str:
    """The file's YAML, under the comment line it already starts with (its editor's schema line).

    A new file gets a neutral header, never a path to the installed schema: that path is absolute and
    names the user's home folder (docs/limits.md).
    """
    first = path.read_text(encoding="utf-8").split("\n", 1)[0] if path.is_file() else ""
    header = f"{first}\n" if first.startswith("#") else NEW_FILE_HEADER
    return header + dump_yaml({"about": about, "entries": entries})


def _check(files: Sequence[FilePlan]) -> None:
    """The files as they would be written pass the schema, the vocabulary and the source policy."""
    documents = [parse_yaml(file.text, file.path) for file in files]
    problems: list[Problem] = []
    for document in documents:
        problems += check_against_schema(document, ENTRY_SCHEMA)
    if not problems:
        known = {e.id for e in load_directory().entries}
        given = {str(i["id"]) for d in documents for i in d.data["entries"]}
        problems += check_entries(documents, load_vocabulary(), known - given)
        problems += [p for p in check_policy(documents, load_policy()) if p.is_error]
    if problems:
        raise ProblemsError(sorted(problems))
