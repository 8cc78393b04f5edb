"""What a batch reads: answers files, report PDFs, folders of them, and spreadsheets of companies.

Inputs are expanded once, in a fixed order, into `BatchInput` items that each name their own output
file; the same inputs always give the same names, which is what lets an interrupted batch resume. A
table that cannot be read, or a row with bad cells, becomes an item that fails with its reasons, so it
is reported alongside the others instead of stopping the batch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from readiness.answers import Answers, LoadedAnswers, load_answers
from readiness.batch.table import TABLE_SUFFIXES, read_table
from readiness.errors import ReadinessError, display_path
from readiness.questionnaire.registry import Registry
from readiness.slug import slugify
from readiness.yamlio import read_limited

ANSWERS_SUFFIXES = (".answers.yaml", ".answers.yml")
FILE_SUFFIXES = (".yaml", ".yml", ".pdf")


@dataclass(frozen=True)
class BatchInput:
    """One company to assess: an answers file, a report PDF, or one row of a table.

    `data` holds a row's answers as an answers file; files are read by the worker that assesses them.
    `reason` says what made a row or table unreadable: such an item fails without being assessed.
    """

    path: Path
    name: str
    row: int | None = None
    data: bytes | None = None
    reason: str = ""

    @property
    def label(self) -> str:
        """How the summary names this input: the file, and the row for a table."""
        where = display_path(self.path)
        return f"{where} row {self.row}" if self.row is not None else where


@dataclass(frozen=True)
class Expanded:
    """The items of a batch and the files of its folders it did not read (said once, not silently)."""

    items: list[BatchInput]
    ignored: list[Path]


def expand_inputs(paths: Iterable[Path], registry: Registry) -> Expanded:
    """Every company in `paths`, in order: files as given, folders sorted, tables row by row.

    In a folder only `*.answers.yaml`, `*.csv` and `*.xlsx` files are read (a hub's folder also holds
    brand files, registers, last year's PDFs and this batch's own outputs); name other files explicitly.
    Hidden files and folders (the batch's state among them) are never read.
    """
    files: list[Path] = []
    ignored: list[Path] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if not found.is_file() or _hidden(found, path):
                    continue
                (files if _read_in_folder(found) else ignored).append(found)
        else:
            files.append(path)
    items: list[BatchInput] = []
    taken: set[str] = set()
    seen: set[Path] = set()
    for file in files:
        if file.resolve() in seen:
            continue
        seen.add(file.resolve())
        if file.suffix.lower() in TABLE_SUFFIXES:
            items += _table_items(file, registry, taken)
        else:
            items.append(BatchInput(file, _unique(_stem(file), taken)))
    return Expanded(items, ignored)


def _hidden(found: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in found.relative_to(root).parts)


def _read_in_folder(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(ANSWERS_SUFFIXES) or path.suffix.lower() in TABLE_SUFFIXES


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*ANSWERS_SUFFIXES, *FILE_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or "report"
    return path.stem or "report"


def _unique(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`... when an earlier input of this batch already has it."""
    name, number = stem, 2
    while name.casefold() in taken:
        name = f"{stem}-{number}"
        number += 1
    taken.add(name.casefold())
    return name


def _table_items(path: Path, registry: Registry, taken: set[str]) -> list[BatchInput]:
    try:
        rows = read_table(path, registry)
    except ReadinessError as exc:
        return [BatchInput(path, _unique(_stem(path), taken), reason=exc.message)]
    items = []
    for row in rows:
        stem = slugify(row.company) if row.company else f"{_stem(path)}-row-{row.row}"
        name = _unique(stem, taken)
        if row.data is None:
            items.append(BatchInput(path, name, row.row, reason="\n".join(str(p) for p in row.problems)))
        else:
            data = Answers.from_data(row.data).to_yaml().encode("utf-8")
            items.append(BatchInput(path, name, row.row, data=data))
    return items


def guard_outputs(items: list[BatchInput], out_dir: Path, suffix: str) -> list[BatchInput]:
    """`items`, those whose output file would be one of the batch's input files made to fail instead.

    Compared by inode, so a hard link or a symbolic link to an input is caught as well as the input.
    """
    inputs = {key for item in items if (key := _inode(item.path)) is not None}
    guarded = []
    for item in items:
        output = out_dir / f"{item.name}{suffix}"
        if not item.reason and _inode(output) in inputs:
            item = replace(
                item,
                reason=f"its report {display_path(output)} would overwrite an input of this batch; "
                "choose another --out-dir",
            )
        guarded.append(item)
    return guarded


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def read_answers_bytes(path: Path) -> bytes:
    """The answers file behind `path`: its own bytes, or those embedded in a report PDF."""
    from readiness.report.extract import answers_from_pdf, is_pdf

    if is_pdf(path):
        return answers_from_pdf(path)
    return read_limited(path)


def load_input(item: BatchInput, registry: Registry) -> LoadedAnswers:
    """The checked answers of one batch item (raises ProblemsError or ReadinessError)."""
    if item.data is not None:
        return load_answers(Path(item.label), registry, raw=item.data)
    return load_answers(item.path, registry, raw=read_answers_bytes(item.path))
