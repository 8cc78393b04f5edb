"""Reading gettext PO files quickly, with the line of every entry.

Babel's reader is thorough but slow for the thousands of content texts the program loads at start-up;
this one reads what the program needs (context, English, translation, fuzzy flag, line) and nothing else.
Writing PO files is left to Babel (`readiness translations extract`), which also marks changed texts fuzzy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from readiness.errors import Problem, ProblemsError, display_path

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
MAX_PO_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class PoEntry:
    """One message: its context, English (msgid), translation(s) and where the translation is written."""

    context: str | None
    msgid: str
    strings: tuple[str, ...]
    fuzzy: bool
    line: int
    plural: str | None = None

    @property
    def translated(self) -> bool:
        """Whether every form has a translation and no one has marked it for review."""
        return not self.fuzzy and bool(self.strings) and all(self.strings)


def _unquote(text: str, name: str, line: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ProblemsError([Problem(name, line, 1, "expected a quoted string", fix="check the PO syntax")])
    body = text[1:-1]
    if "\\" not in body:
        return body
    out = []
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            out.append(_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def parse_po(text: str, name: str) -> list[PoEntry]:
    """The entries of PO `text` (the header and obsolete `#~` entries left out)."""
    entries: list[PoEntry] = []
    fields: dict[str, list[str]] = {}
    current: list[str] | None = None
    fuzzy = False
    string_line = 0

    def flush() -> None:
        nonlocal fields, fuzzy, current, string_line
        msgid = "".join(fields.get("msgid", []))
        if msgid:
            forms = sorted(k for k in fields if k.startswith("msgstr"))
            entries.append(
                PoEntry(
                    "".join(fields["msgctxt"]) if "msgctxt" in fields else None,
                    msgid,
                    tuple("".join(fields[k]) for k in forms),
                    fuzzy,
                    string_line,
                    "".join(fields["msgid_plural"]) if "msgid_plural" in fields else None,
                )
            )
        fields, fuzzy, current, string_line = {}, False, None, 0

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            if "msgid" in fields:
                flush()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is None:
                raise ProblemsError([Problem(name, number, 1, "a string that continues nothing")])
            current.append(_unquote(line, name, number))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword not in ("msgctxt", "msgid", "msgid_plural") and not keyword.startswith("msgstr"):
            raise ProblemsError([Problem(name, number, 1, f"unknown PO keyword '{keyword}'")])
        if keyword in fields or (
            keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields)
        ):
            flush()
        if keyword.startswith("msgstr") and not string_line:
            string_line = number
        current = fields.setdefault(keyword, [])
        current.append(_unquote(rest, name, number))
    flush()
    return entries


@lru_cache(maxsize=256)
def _read_cached(path: str, _mtime: int, _size: int) -> tuple[PoEntry, ...]:
    file = Path(path)
    raw = file.read_bytes()
    name = display_path(file)
    if len(raw) > MAX_PO_BYTES:
        raise ProblemsError(
            [Problem(name, 0, 0, f"the file is larger than {MAX_PO_BYTES // 1024 // 1024} MiB")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProblemsError([Problem(name, 0, 0, "the file is not UTF-8 text")]) from None
    return tuple(parse_po(text.removeprefix("\ufeff"), name))


def read_po(path: Path) -> tuple[PoEntry, ...]:
    """The entries of the PO file at `path`, read once per version of the file on disk."""
    stat = path.stat()
    return _read_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)
