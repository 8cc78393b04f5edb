"""The cells of a CSV file or of an XLSX workbook's first sheet, read within fixed limits.

A spreadsheet comes from anyone, and an XLSX file is a zip of XML files, so it is read as untrusted: the
compressed file is at most MAX_TABLE_BYTES, its parts together unpack to at most MAX_UNPACKED_BYTES
(counted while unpacking, not taken from the zip's own claims), no part may declare a DOCTYPE or
entities, and the XML is parsed through defusedxml. The sheet's `<dimension ref>` is ignored, so a
workbook that understates its size loses no rows. Rows and columns are bounded too. Whatever goes wrong
is a ReadinessError naming the file (and, for damaged XML, the part, line and column), so that one
bad spreadsheet fails alone in a batch.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from readiness.errors import ReadinessError, display_path

MAX_TABLE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_PARTS = 1_000
MAX_COLUMNS = 1_000
# Rows read from the sheet, empty ones included (data rows are limited separately, in table.py).
MAX_SHEET_ROWS = 100_000
CSV_DELIMITERS = (",", ";", "\t")
# The column names a batch table's header holds (`readiness template csv` writes them).
BATCH_COLUMNS = ("questionnaire", "company.")
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_SAVE_AGAIN = "open it in your spreadsheet program and save it again as .xlsx"

Rows = Iterator[list[Any]]


def read_cells(path: Path, known: Sequence[str] = BATCH_COLUMNS) -> Rows:
    """The rows of `path` (.xlsx or CSV text), each a list of cell values; the first is the header.

    `known` are column names the header may hold (a name ending in "." stands for every name it
    begins); a CSV's delimiter is the one that splits the header into the most of them. Raises
    ReadinessError (also while iterating) when the file cannot be read within the limits.
    """
    name = display_path(path)
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        mib = 1024 * 1024
        raise ReadinessError(
            f"{name}: the file is {size // mib} MiB; the limit is {MAX_TABLE_BYTES // mib} MiB: "
            "split it into several files"
        )
    raw = path.read_bytes()
    rows = _xlsx_rows(name, raw) if path.suffix.lower() == ".xlsx" else _csv_rows(name, raw, known)
    return _bounded(name, rows)


def _bounded(name: str, rows: Rows) -> Rows:
    """`rows` cut to the header's width, stopping with an error past MAX_SHEET_ROWS or MAX_COLUMNS."""
    width = MAX_COLUMNS
    for number, row in enumerate(rows, start=1):
        if number > MAX_SHEET_ROWS:
            raise ReadinessError(
                f"{name}: more than {MAX_SHEET_ROWS:,} rows (empty ones included); split the file"
            )
        if number == 1:
            while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
                row = row[:-1]
            if len(row) > MAX_COLUMNS:
                raise ReadinessError(f"{name}: {len(row):,} columns; the limit is {MAX_COLUMNS:,}")
            width = len(row)
        yield list(row[:width])


def _csv_rows(name: str, raw: bytes, known: Sequence[str]) -> Rows:
    if b"\x00" in raw:
        raise ReadinessError(f"{name}: this is a binary file, not CSV text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadinessError(f"{name}:{line}: the file is not UTF-8 text; save it as 'CSV UTF-8'") from None
    if not text.strip():
        raise ReadinessError(
            f"{name}: the file is empty; start from the table `readiness template csv` writes"
        )
    delimiter = _delimiter(name, text, known)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise ReadinessError(f"{name}: not a readable CSV file ({exc})") from None


def _delimiter(name: str, text: str, known: Sequence[str]) -> str:
    """The delimiter that splits the header into the most known column names.

    Guessing from the data (csv.Sniffer) fails on short files and on files whose cells hold commas; the
    header is known, so it decides.
    """
    first = text.split("\n", 1)[0].strip("\r")

    def is_known(cell: str) -> bool:
        return any(cell == k or (k.endswith(".") and cell.startswith(k)) for k in known)

    def count(delimiter: str) -> int:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        return sum(is_known(c.strip()) for c in cells)

    best = max(CSV_DELIMITERS, key=count)
    if count(best) == 0:
        shown = first[:80] + ("…" if len(first) > 80 else "")
        names = ", ".join(k + ("name" if k.endswith(".") else "") for k in known[:3])
        raise ReadinessError(
            f"{name}: the first row holds no known column names ({names}, ...), or its columns are not "
            f"separated by commas, semicolons or tabs; found: {shown!r}. Start from the table "
            "`readiness template csv QUESTIONNAIRE` writes"
        )
    return best


def _xlsx_rows(name: str, raw: bytes) -> Rows:
    _check_parts(name, raw)
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not read; none of them matter here.
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception as exc:  # a damaged or hostile workbook, whatever the parser tripped on
            raise ReadinessError(
                f"{name}: not a readable XLSX workbook ({_reason(exc)}); {_SAVE_AGAIN}"
            ) from None
        try:
            if not book.worksheets:
                raise ReadinessError(f"{name}: the workbook has no worksheet")
            sheet = book.worksheets[0]
            sheet.reset_dimensions()  # the sheet's own <dimension ref> may understate it
            try:
                for values in sheet.iter_rows(values_only=True):
                    yield list(values)
            except ReadinessError:
                raise
            except Exception as exc:
                raise ReadinessError(
                    f"{name}: the first sheet cannot be read ({_reason(exc)}); {_SAVE_AGAIN}"
                ) from None
        finally:
            book.close()


def _check_parts(name: str, raw: bytes) -> None:
    """Unpack every part once, counting bytes, and refuse zip bombs and XML declarations."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise ReadinessError(
            f"{name}: not a readable XLSX workbook (it is not a zip archive); {_SAVE_AGAIN}"
        ) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise ReadinessError(f"{name}: the workbook has more than {MAX_PARTS:,} parts; {_SAVE_AGAIN}")
        unpacked = 0
        for part in parts:
            tail = b""
            try:
                with archive.open(part) as stream:
                    while chunk := stream.read(1024 * 1024):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            raise ReadinessError(
                                f"{name}: the workbook unpacks to more than "
                                f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MiB; split it into several files"
                            )
                        if _DECLARATION.search(tail + chunk):
                            raise ReadinessError(
                                f"{name}: {part.filename} declares a DOCTYPE or XML entities, which "
                                f"spreadsheets do not use (and XML bombs do); {_SAVE_AGAIN}"
                            )
                        tail = chunk[-16:]
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as exc:
                raise ReadinessError(
                    f"{name}: not a readable XLSX workbook ({part.filename}: {_reason(exc)}); {_SAVE_AGAIN}"
                ) from None


def _reason(exc: BaseException) -> str:
    """An exception as a short reason; XML errors with their line and column."""
    text = str(exc).split("\n", 1)[0][:200]
    # ElementTree (ParseError) and lxml (XMLSyntaxError, which openpyxl uses when lxml is installed) both
    # end their message with the line and column.
    if exc.__class__.__name__ in ("ParseError", "XMLSyntaxError"):
        return f"damaged XML: {text}"
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def column_letter(index: int) -> str:
    """The spreadsheet name of a 0-based column index: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
