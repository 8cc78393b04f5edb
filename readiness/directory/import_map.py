"""An import map, and what it makes of one table row: a directory entry, or the problems of its cells.

The map (a YAML file checked against the `directory-import-map` schema) says which column fills which
field, how cell text is translated (the catalogue's "Seal of Excellence" to `seal_of_excellence`, a
country's name to its code), where the entry goes and what id a new entry gets. Problems name the row
and the column as the spreadsheet shows them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness.directory.inputs import NUTS_FORM
from readiness.directory.table_reader import Table
from readiness.directory.vocabulary import Vocabulary
from readiness.errors import Problem, ProblemsError, ReadinessError
from readiness.schemas import check_against_schema
from readiness.slug import slugify
from readiness.yamlio import read_yaml

LIST_FIELDS = frozenset(
    {
        "nuts",
        "sectors",
        "sector_focus",
        "technologies",
        "services",
        "services_stated",
        "linked",
        "partner_countries",
    }
)
LINK_FIELDS = frozenset({"url", "info_url"})
HTTPS = re.compile(r"^https://[^\s]+$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Column:
    """How one field is read: from which column, whether it must be filled, split how, translated how."""

    name: str
    title: str
    required: bool = False
    split: str = ""
    values: Mapping[str, str] | str = field(default_factory=dict)


@dataclass(frozen=True)
class ImportMap:
    """A checked import map."""

    name: str
    file: str
    id_template: str
    columns: tuple[Column, ...]
    defaults: Mapping[str, Any]
    sheet: str = ""
    remove_missing: bool = False


@dataclass
class RowResult:
    """One row: its entry (when its required cells are good), the file it goes to, and what was wrong."""

    row: int
    entry: dict[str, Any] | None
    target: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_map(path: Path) -> ImportMap:
    """Read and check an import map; raises ProblemsError with the place of every problem."""
    document = read_yaml(path)
    problems = check_against_schema(document, "directory-import-map")
    if problems:
        raise ProblemsError(problems)
    data = document.data
    for key in PLACEHOLDER.findall(data["id"]) + PLACEHOLDER.findall(data["file"]):
        if key != "country" and key not in data["columns"] and key not in data.get("defaults", {}):
            raise ProblemsError([document.problem(("id",), f"{{{key}}} is no field the map fills")])
    columns = []
    for name, spec in data["columns"].items():
        spec = {"column": spec} if isinstance(spec, str) else spec
        split = spec.get("split", "")
        if name in LIST_FIELDS and not split:
            split = ";"
        columns.append(
            Column(name, spec["column"], spec.get("required", False), split, spec.get("values", {}))
        )
    return ImportMap(
        name=document.name,
        file=data["file"],
        id_template=data["id"],
        columns=tuple(columns),
        defaults=dict(data.get("defaults", {})),
        sheet=data.get("sheet", ""),
        remove_missing=data.get("remove_missing", False),
    )


def check_map_files(paths: list[Path] | None = None) -> list[Problem]:
    """Problems in import maps (`readiness validate`); None checks the shipped maps."""
    from readiness.directory.loader import builtin_folder

    problems: list[Problem] = []
    for path in paths if paths is not None else sorted((builtin_folder() / "maps").glob("*.yaml")):
        try:
            load_map(path)
        except ProblemsError as exc:
            problems += exc.problems
    return problems


def check_columns(import_map: ImportMap, table: Table) -> None:
    """Every column the map reads is in the table; raises ReadinessError naming those that are not."""
    missing = [c for c in import_map.columns if c.title not in table.header]
    if missing:
        names = ", ".join(f"'{c.title}' (for {c.name})" for c in missing)
        found = ", ".join(f"'{t}'" for t in table.header if t)
        raise ReadinessError(
            f"{table.name}: the map {import_map.name} reads column(s) {names}, which the table does not "
            f"have; its columns are {found}. Change the column names in the map to match the header row."
        )


def convert_row(
    import_map: ImportMap, table: Table, row: int, cells: tuple[str, ...], vocab: Vocabulary, checked: str
) -> RowResult:
    """The entry one row makes, with the file it belongs in; problems name the row and the column."""
    result = RowResult(row, None)
    entry: dict[str, Any] = {}
    for column in import_map.columns:
        index = table.header.index(column.title)
        text = cells[index] if index < len(cells) else ""
        where = f"{table.name}: row {row}, column {table.column_letter(column.title)} ({column.title})"
        if not text:
            if column.required:
                result.errors.append(f"{where}: empty, but {column.name} is required")
            continue
        value = _value(column, text, vocab, where, result)
        if value not in (None, [], ""):
            entry[column.name] = value
    if result.errors:
        return result
    for key, value in import_map.defaults.items():
        if key not in entry:
            entry[key] = value
    entry["checked"] = checked
    missing = [key for key in ("name", "country", "kind", "status") if key not in entry]
    if missing:
        result.errors.append(f"{table.name}: row {row}: no {', '.join(missing)} (give a column or a default)")
        return result
    entry["id"] = _fill(import_map.id_template, entry)
    result.target = _fill(import_map.file, entry)
    result.entry = entry
    return result


def _value(column: Column, text: str, vocab: Vocabulary, where: str, result: RowResult) -> Any:
    parts = [p.strip() for p in text.split(column.split)] if column.split else [text]
    values = [_translate(column, part, vocab, where, result) for part in parts if part]
    values = [v for v in values if v]
    if column.name in LIST_FIELDS:
        return list(dict.fromkeys(values))
    return values[0] if values else None


def _translate(column: Column, text: str, vocab: Vocabulary, where: str, result: RowResult) -> str:
    if column.values == "countries":
        code = _country_code(text, vocab)
        if not code:
            result.errors.append(f"{where}: '{text}' is no country this tool knows")
        return code
    if column.values:
        assert isinstance(column.values, Mapping)
        table = {key.casefold(): value for key, value in column.values.items()}
        if text.casefold() not in table:
            choices = ", ".join(f"'{key}'" for key in column.values)
            result.errors.append(f"{where}: '{text}' is not one of {choices}; add it to the map's values")
            return ""
        return table[text.casefold()]
    if column.name in LINK_FIELDS and not HTTPS.match(text):
        result.warnings.append(f"{where}: '{text}' is not an https:// address, so it is left out")
        return ""
    if column.name == "email" and not EMAIL.match(text):
        result.warnings.append(f"{where}: '{text}' is not an e-mail address, so it is left out")
        return ""
    if column.name == "nuts" and not NUTS_FORM.match(text.upper()):
        result.errors.append(f"{where}: '{text}' is not a NUTS code (like NL41)")
        return ""
    return text.upper() if column.name in ("nuts", "country", "sectors") else text


def _country_code(text: str, vocab: Vocabulary) -> str:
    upper = vocab.aliases.get(text.upper(), text.upper())
    if upper in vocab.company_countries:
        return upper
    names = {
        vocab.country_name(code, lang).casefold().removeprefix("the "): code
        for code in vocab.company_countries
        for lang in vocab.languages
    }
    return names.get(text.casefold().removeprefix("the "), "")


def _fill(template: str, entry: Mapping[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        raw = entry.get(match.group(1), "")
        text = raw[0] if isinstance(raw, list) and raw else str(raw)
        return slugify(text) if match.group(1) != "country" else text.lower()

    return PLACEHOLDER.sub(value, template)
