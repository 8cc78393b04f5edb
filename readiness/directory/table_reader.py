"""Reading a table someone else made (a CSV or XLSX export) without trusting it.

An import file comes from a web export or a colleague's spreadsheet, so it gets the same limits as
every other input: a size cap, UTF-8 only for CSV, a cap on the unpacked size and the number of parts of
an XLSX (a zip bomb stops before it is opened), no DOCTYPE or entity declarations in its XML, openpyxl
in read-only mode with defusedxml, and a row cap. Cells that look like spreadsheet formulas are refused:
a directory holds plain values, and a formula in an export is a sign of tampering. Every problem names
the row and the column as the spreadsheet shows them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.batch.spreadsheet import column_letter
from readiness.errors import ReadinessError, display_path

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 1_000
MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
SUFFIXES = (".csv", ".xlsx")
# `=SUM(...)`, `@cmd`, `+cmd|...`, `-cmd`: what spreadsheet programs run. `+31 40 ...` is a phone number.
FORMULA = re.compile(r"^\s*(=|@|[+\-](?=[A-Za-z(]))")
_XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class Table:
    """A header and its rows, every cell a stripped string; `rows` pairs each with its row number."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def column_letter(self, title: str) -> str:
        """The spreadsheet letter of the column called `title`."""
        return column_letter(self.header.index(title))


def read_table(path: Path, sheet: str = "") -> Table:
    """The table in a .csv or .xlsx file (`sheet` names an XLSX sheet; default the first).

    Raises ReadinessError naming the row and column of the first problem; nothing is half-read.
    """
    name = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadinessError(f"{name}: expected a .csv or .xlsx file")
    if not path.is_file():
        raise ReadinessError(f"{name}: no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ReadinessError(f"{name}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    raw_rows = _xlsx_rows(path, name, sheet) if suffix == ".xlsx" else _csv_rows(path, name)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, values in raw_rows:
        cells = tuple(_cell(name, number, index, value) for index, value in enumerate(values))
        if not any(cells):
            continue
        if header is None:
            header = _header(name, number, cells)
            continue
        if len(rows) >= MAX_ROWS:
            raise ReadinessError(f"{name}: more than {MAX_ROWS} rows; split the file")
        rows.append((number, cells))
    if header is None:
        raise ReadinessError(f"{name}: the file is empty; the first row must hold the column names")
    return Table(name, header, tuple(rows))


def _cell(name: str, row: int, index: int, value: Any) -> str:
    if index >= MAX_COLUMNS:
        raise ReadinessError(f"{name}: row {row} has more than {MAX_COLUMNS} columns")
    text = "" if value is None else str(value).strip()
    where = f"{name}: row {row}, column {column_letter(index)}"
    if len(text) > MAX_CELL_CHARS:
        raise ReadinessError(f"{where}: the cell holds more than {MAX_CELL_CHARS} characters")
    if FORMULA.match(text):
        raise ReadinessError(
            f"{where}: '{text[:40]}' is a spreadsheet formula; a directory holds plain values "
            "(export the values, or remove the formula)"
        )
    return text


def _header(name: str, row: int, cells: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for index, title in enumerate(cells):
        if title and title in seen:
            raise ReadinessError(
                f"{name}: row {row}: columns {seen[title]} and {column_letter(index)} "
                f"are both called '{title}'"
            )
        seen.setdefault(title, column_letter(index))
    return cells


def _csv_rows(path: Path, name: str) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise ReadinessError(f"{name}: this is a binary file, not CSV text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        raise ReadinessError(
            f"{name}: row {row}: the file is not UTF-8 text (byte {raw[exc.start]:#04x}); "
            "save it as 'CSV UTF-8' and import it again"
        ) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for values in reader:
            yield reader.line_num, values
    except csv.Error as exc:
        raise ReadinessError(f"{name}: row {reader.line_num}: not readable as CSV ({exc})") from None


def _xlsx_rows(path: Path, name: str, sheet: str) -> Iterator[tuple[int, list[Any]]]:
    _check_package(path, name)
    from openpyxl import load_workbook
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise ReadinessError("reading XLSX files safely needs the defusedxml package: pip install defusedxml")
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise ReadinessError(f"{name}: not a readable XLSX workbook ({exc})") from None
    try:
        if sheet and sheet not in book.sheetnames:
            raise ReadinessError(
                f"{name}: there is no sheet called '{sheet}'; the sheets are {', '.join(book.sheetnames)}"
            )
        worksheet = book[sheet] if sheet else book.worksheets[0]
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


def _check_package(path: Path, name: str) -> None:
    """Refuse a zip bomb, an oversized package and XML that declares a DOCTYPE or entities."""
    if not zipfile.is_zipfile(path):
        raise ReadinessError(f"{name}: not an XLSX workbook (it is not a zip package)")
    with zipfile.ZipFile(path) as package:
        members = package.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ReadinessError(f"{name}: the workbook has more than {MAX_ZIP_MEMBERS} parts")
        unpacked = sum(member.file_size for member in members)
        if unpacked > MAX_UNPACKED_BYTES:
            raise ReadinessError(
                f"{name}: the workbook unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MiB; "
                "this looks like a zip bomb"
            )
        for member in members:
            if member.filename.endswith((".xml", ".rels")) and _declares(package, member):
                raise ReadinessError(
                    f"{name}: {member.filename} declares a DOCTYPE or XML entities, which a workbook "
                    "never needs; save the workbook again from a spreadsheet program"
                )


def _declares(package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    # zipfile stops at the declared size, which was capped above, so this reads a bounded amount.
    tail = b""
    with package.open(member) as stream:
        while chunk := stream.read(64 * 1024):
            if _XML_DECLARATIONS.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False
