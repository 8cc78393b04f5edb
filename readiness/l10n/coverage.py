"""How much of a text source is translated into a language, and which texts are missing.

A source is a set of texts translated together: the YAML files one content catalogue serves, one Babel
catalogue (the report's, the hub documents', the browser app's), or the pipeline's sentences. `Part` is
its coverage in one language; `readiness translations status`, `readiness validate` and the refusal of an
incomplete language all count this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readiness.errors import display_path
from readiness.l10n.po import read_po
from readiness.l10n.texts import SOURCE_LANGUAGE, text_entries
from readiness.yamlio import YamlDocument


@dataclass(frozen=True)
class Missing:
    """A text without a translation: where its English is written, its name in the catalogue, its English."""

    where: str
    context: str
    english: str


@dataclass(frozen=True)
class Part:
    """The coverage of one source in one language."""

    name: str
    catalogue: str
    lang: str
    total: int
    missing: tuple[Missing, ...] = field(default=())

    @property
    def done(self) -> int:
        return self.total - len(self.missing)

    @property
    def share(self) -> float:
        """Translated share in percent, one decimal, rounded down so that 99.96% never shows as 100%."""
        if not self.total:
            return 100.0
        return int(1000 * self.done / self.total) / 10

    @property
    def complete(self) -> bool:
        return not self.missing

    def as_dict(self, *, with_missing: bool = False) -> dict[str, object]:
        """The part for `--format json`."""
        data: dict[str, object] = {
            "source": self.name,
            "catalogue": self.catalogue,
            "language": self.lang,
            "translated": self.done,
            "total": self.total,
            "percent": self.share,
        }
        if with_missing:
            data["missing"] = [
                {"where": m.where, "msgctxt": m.context, "msgid": m.english} for m in self.missing
            ]
        return data


def documents_part(
    name: str, catalogue: Path, documents: Iterable[tuple[YamlDocument, str]], lang: str
) -> Part:
    """The coverage of `documents` (each with the name prefix of its texts), already translated."""
    total = 0
    missing: list[Missing] = []
    for document, prefix in documents:
        for entry in text_entries(document.data, prefix):
            total += 1
            if not entry.texts.get(lang):
                line, column = document.position(entry.path)
                where = f"{document.name}:{line}:{column}"
                missing.append(Missing(where, entry.context, entry.english))
    return Part(name, display_path(catalogue), lang, total, tuple(missing))


def babel_part(name: str, template: Path, catalogue: Path, lang: str) -> Part:
    """The coverage of a Babel catalogue against its template (.pot): English counts as complete."""
    wanted = list(read_po(template))
    if lang == SOURCE_LANGUAGE:
        return Part(name, display_path(catalogue), lang, len(wanted))
    have = {(e.context, e.msgid): e for e in read_po(catalogue)} if catalogue.is_file() else {}
    missing = [
        Missing(f"{display_path(template)}:{e.line}", e.context or "", e.msgid)
        for e in wanted
        if not (found := have.get((e.context, e.msgid))) or not found.translated
    ]
    return Part(name, display_path(catalogue), lang, len(wanted), tuple(missing))


def overall(parts: Sequence[Part]) -> tuple[int, int]:
    """(translated, total) over `parts`."""
    return sum(p.done for p in parts), sum(p.total for p in parts)


def percent(done: int, total: int) -> float:
    """`done` of `total` in percent, one decimal, rounded down."""
    return int(1000 * done / total) / 10 if total else 100.0
