"""Where a company stands against its peers: the share of enterprises using AI (Eurostat isoc_eb_ai).

The figures are data (directory/eurostat-ai-use.yaml); this module picks, for a country, a size class and
a sector, the latest figure of each series, preferring the most precise of several releases of the same
year (the database extraction over the rounded news figure).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from readiness.directory.inputs import check_country, check_nace, check_size
from readiness.directory.loader import load_statistics, load_vocabulary
from readiness.directory.vocabulary import Vocabulary

EU27 = "EU27"


def ai_use_context(country: str, size: str, nace: str = "") -> list[dict[str, Any]]:
    """Figures for the country, its size class (in the country and the EU-27), its sector and the EU-27.

    Each figure: value, unit, year, geo, breakdown (as the source states it), dimension, code, label and,
    where a comparison is approximate, note (both language maps), source and vintage. Empty when the
    statistics hold nothing for these inputs. Raises ReadinessError for an unknown country, size or NACE.
    """
    vocab = load_vocabulary()
    stats = load_statistics()
    geo = check_country(country, vocab)
    band = stats["size_bands"][check_size(size)] if size.strip() else None
    section = vocab.section_of(check_nace(nace, vocab)) if nace else ""
    rows: list[Mapping[str, Any]] = stats["rows"]
    wanted: list[tuple[str, str, str, Mapping[str, str] | None]] = [(geo, "all", "", None)]
    if band is not None:
        wanted += [
            (geo, "size", band["code"], band.get("note")),
            (EU27, "size", band["code"], band.get("note")),
        ]
    if section:
        wanted.append((EU27, "activity", section, None))
    wanted.append((EU27, "all", "", None))
    figures: list[dict[str, Any]] = []
    for place, dimension, code, note in wanted:
        row = latest(rows, place, dimension, code)
        if row is not None and not any(f["_row"] is row for f in figures):
            figures.append({"_row": row, **_figure(row, stats, vocab, note)})
    return [{k: v for k, v in f.items() if k != "_row"} for f in figures]


def latest(
    rows: Sequence[Mapping[str, Any]], geo: str, dimension: str, code: str = ""
) -> Mapping[str, Any] | None:
    """The newest row of one series; of several for the same year, the one with the most decimals."""
    series = [
        r for r in rows if r["geo"] == geo and r["dimension"] == dimension and r.get("code", "") == code
    ]
    if not series:
        return None
    return max(series, key=lambda r: (r["year"], _decimals(r["value"]), -series.index(r)))


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _figure(
    row: Mapping[str, Any], stats: Mapping[str, Any], vocab: Vocabulary, note: Mapping[str, str] | None
) -> dict[str, Any]:
    labels = stats["labels"]
    dimension, code = row["dimension"], row.get("code", "")
    if dimension == "activity":
        label = {
            lang: labels["activity"]
            .get(lang, labels["activity"]["en"])
            .format(sector=vocab.sector_short(code, lang))
            for lang in vocab.languages
        }
    else:
        label = dict(labels[code if dimension == "size" else "all"])
    figure: dict[str, Any] = {
        "value": row["value"],
        "unit": row["unit"],
        "year": row["year"],
        "geo": row["geo"],
        "breakdown": row["breakdown"],
        "dimension": dimension,
        "code": code or None,
        "label": label,
        "source": row["source"],
        "vintage": row.get("vintage"),
        "source_note": row.get("note"),
    }
    if note is not None and dimension == "size":
        figure["note"] = dict(note)
    return figure
