"""Where a company stands against its peers: the share of enterprises using AI (Eurostat isoc_eb_ai).

The figures, the survey's coverage, the Eurostat releases and the sentences are data
(directory/eurostat-ai-use.yaml). This module compares like with like: the company's size class and country
where Eurostat has the figure, and nothing where the company falls outside the survey (fewer than 10 persons
employed, or a sector the survey leaves out such as finance, agriculture or public administration), with a
statement saying so. Every figure carries the dataset code and the release it was read from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from readiness.directory.inputs import check_country, check_nace, check_size
from readiness.directory.loader import load_statistics, load_vocabulary
from readiness.directory.vocabulary import NACE_FORM, Vocabulary, in_language
from readiness.l10n.languages import known_language, one_decimal_percent

EU27 = "EU27"
TREND_FROM = 2023
# How far a company's AI has come (readiness.scoring.ai_stage) and what Eurostat counts as using AI: an
# application that is being rolled out or is part of daily work.
IN_USE_FROM_STAGE = 4
TRYING_FROM_STAGE = 2

Text = dict[str, str]


def ai_use_status(ai_stage: int | None, ai_systems: Sequence[Mapping[str, Any]] = ()) -> str:
    """`in_use`, `trying`, `not_yet` or `unknown`: the company's AI as Eurostat's question would see it."""
    statuses = {str(system.get("status", "")) for system in ai_systems}
    if "in_use" in statuses or (ai_stage is not None and ai_stage >= IN_USE_FROM_STAGE):
        return "in_use"
    if "in_development" in statuses or (ai_stage is not None and ai_stage >= TRYING_FROM_STAGE):
        return "trying"
    return "not_yet" if ai_stage is not None else "unknown"


def ai_use_benchmark(country: str, size: str, nace: str = "", status: str = "unknown") -> dict[str, Any]:
    """The comparison for one company: coverage, statements, figures, trend, position, notes (language maps).

    Raises ReadinessError for an unknown country, size or NACE code.
    """
    vocab = load_vocabulary()
    stats = load_statistics()
    geo = check_country(country, vocab)
    size = check_size(size) if size.strip() else ""
    nace = check_nace(nace, vocab) if nace else ""
    section = vocab.section_of(nace) if nace else ""
    coverage = _coverage(stats, section, nace, size)
    statements: list[Text] = []
    figures: list[dict[str, Any]] = []
    trend: list[dict[str, Any]] = []
    scope = stats["coverage"]["text"]
    if coverage["sector"] == "outside":
        sector = {lang: vocab.sector_short(section, lang) for lang in vocab.languages}
        statements.append(_say(stats, "outside_sector", vocab, sector=sector, coverage=scope))
    else:
        if coverage["sector"] == "unknown":
            statements.append(_say(stats, "unknown_sector", vocab, coverage=scope))
        if coverage["size"] == "outside":
            statements.append(_say(stats, "outside_size", vocab))
        figures, trend = _compare(stats, vocab, geo, size, section)
        if not any(f["series"] == "country" for f in figures):
            names = {lang: vocab.country_name(geo, lang) for lang in vocab.languages}
            statements.append(_say(stats, "no_country", vocab, country=names))
    return {
        "dataset": {key: _plain(stats["dataset"][key]) for key in ("code", "url", "title")},
        "checked": stats["checked"],
        "coverage": {**coverage, "text": dict(scope)},
        "position": _position(stats, vocab, status, figures),
        "statements": statements,
        "figures": figures,
        "trend": trend,
        "notes": [dict(stats["statements"]["series_break"])] if _crosses_break(trend) else [],
    }


def _compare(
    stats: Mapping[str, Any], vocab: Vocabulary, geo: str, size: str, section: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The figures (EU-27, its size class, the country, the sector) and the EU-27 trends, where they exist."""
    rows: list[Mapping[str, Any]] = stats["rows"]
    band = stats["size_bands"][size] if size else None
    figures: list[dict[str, Any]] = []
    trend: list[dict[str, Any]] = []
    eu = [("all", _series(rows, EU27, "all", ""), None)]
    if band is not None:
        eu.append(("size", _series(rows, EU27, "size", band["code"]), band))
    for kind, points, size_band in eu:
        if points:
            figures.append(_figure(stats, vocab, points[-1], kind, size_band))
            trend.append(_trend(stats, vocab, points, kind, size_band))
    national = _series(rows, geo, "all", "")
    if national:
        figures.append(_figure(stats, vocab, national[-1], "country", None))
    activity = _series(rows, EU27, "activity", section) if section else []
    if activity:
        figures.append(_figure(stats, vocab, activity[-1], "activity", None))
    return figures, trend


def ai_use_context(country: str, size: str, nace: str = "") -> list[dict[str, Any]]:
    """The benchmark's figures in the shape of the JSON `context` list (docs/results.md).

    Each figure: value, unit, year, geo, breakdown, dimension, code, label, source, vintage and, where the
    comparison is only for orientation, note (language maps where the text depends on the language).
    """
    return legacy_context(ai_use_benchmark(country, size, nace))


def legacy_context(benchmark: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A benchmark's figures as the `context` list of the JSON result."""
    return [_legacy(figure, benchmark["dataset"]) for figure in benchmark["figures"]]


def _coverage(stats: Mapping[str, Any], section: str, nace: str, size: str) -> dict[str, Any]:
    """Whether the survey counts this company: its sector and its size, each inside, outside or unknown."""
    scope = stats["coverage"]
    if not section:
        sector = "unknown"
    elif section in scope["sections"] or any(_within(nace, group) for group in scope.get("groups", [])):
        sector = "inside"
    else:
        sector = "outside"
    band = stats["size_bands"].get(size) if size else None
    size_state = "unknown" if band is None else "outside" if band.get("outside") else "inside"
    return {"sector": sector, "section": section or None, "size": size_state, "nace": scope["nace"]}


def _within(nace: str, group: str) -> bool:
    """Whether a NACE code falls in a group such as S95.1 (S95.11, 95.12, ...)."""
    match = NACE_FORM.match(nace.strip().upper())
    wanted = NACE_FORM.match(group)
    if not match or not wanted or not match["rest"]:
        return False
    return match["division"] == wanted["division"] and match["rest"].startswith(wanted["rest"])


def _series(
    rows: Sequence[Mapping[str, Any]], geo: str, dimension: str, code: str
) -> list[Mapping[str, Any]]:
    """The rows of one series, one per year (the newest release wins a tie), oldest year first."""
    chosen: dict[int, Mapping[str, Any]] = {}
    for row in rows:
        if row["geo"] == geo and row["dimension"] == dimension and row.get("code", "") == code:
            chosen[row["year"]] = row
    return [chosen[year] for year in sorted(chosen)]


def _release(stats: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    release = stats["releases"][row["release"]]
    return {
        "id": row["release"],
        "date": release["date"],
        "url": release.get("url") or stats["dataset"]["url"],
        "title": dict(release["title"]),
    }


def _label(stats: Mapping[str, Any], vocab: Vocabulary, row: Mapping[str, Any], kind: str) -> Text:
    labels = stats["labels"]
    if kind == "size":
        return dict(labels[row["code"]])
    if kind == "country":
        return {
            lang: known_language(lang).fix_places(
                in_language(labels["country"], lang).format(country=vocab.country_name(row["geo"], lang))
            )
            for lang in labels["country"]
        }
    if kind == "activity":
        return {
            lang: in_language(labels["activity"], lang).format(sector=vocab.sector_short(row["code"], lang))
            for lang in labels["activity"]
        }
    return dict(labels["all"])


def _figure(
    stats: Mapping[str, Any],
    vocab: Vocabulary,
    row: Mapping[str, Any],
    kind: str,
    band: Mapping[str, Any] | None,
) -> dict[str, Any]:
    figure: dict[str, Any] = {
        "series": kind,
        "geo": row["geo"],
        "code": row.get("code") or None,
        "year": row["year"],
        "value": row["value"],
        "unit": row["unit"],
        "label": _label(stats, vocab, row, kind),
        "dataset": stats["dataset"]["code"],
        "release": _release(stats, row),
        "orientation_only": bool(band and band.get("outside")),
    }
    notes = [n for n in (row.get("note"), band.get("note") if band else None) if n]
    if notes:
        figure["note"] = {lang: "; ".join(n.get(lang) or n["en"] for n in notes) for lang in vocab.languages}
    return figure


def _trend(
    stats: Mapping[str, Any],
    vocab: Vocabulary,
    points: Sequence[Mapping[str, Any]],
    kind: str,
    band: Mapping[str, Any] | None,
) -> dict[str, Any]:
    recent = [p for p in points if p["year"] >= TREND_FROM]
    return {
        "series": kind,
        "code": points[-1].get("code") or None,
        "label": _label(stats, vocab, points[-1], kind),
        "orientation_only": bool(band and band.get("outside")),
        "points": [
            {"year": p["year"], "value": p["value"], "release": _release(stats, p), **_note(p)}
            for p in recent
        ],
    }


def _note(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"note": dict(row["note"])} if row.get("note") else {}


def _crosses_break(trend: Sequence[Mapping[str, Any]]) -> bool:
    """Whether a trend runs across 2024-2025, when Eurostat widened the definition of AI."""
    return any({2024, 2025} <= {p["year"] for p in t["points"]} for t in trend)


def _position(
    stats: Mapping[str, Any], vocab: Vocabulary, status: str, figures: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Where the company stands: what it does with AI and, where there is a figure, the share that did."""
    if status == "unknown":
        return {"status": status, "text": None}
    texts = stats["statements"]
    text = {lang: in_language(texts[f"position_{status}"], lang) for lang in vocab.languages}
    compare = next((f for f in figures if f["series"] == "all"), None)
    if compare is not None:
        template = texts["compare_in_use" if status == "in_use" else "compare_other"]
        for lang in vocab.languages:
            sentence = in_language(template, lang).format(
                year=compare["year"],
                value=percent(compare["value"], lang),
                label=in_language(compare["label"], lang),
            )
            text[lang] = f"{text[lang]} {sentence}"
        peers = next((f for f in figures if f["series"] == "size" and not f["orientation_only"]), None)
        if peers is not None and peers["year"] == compare["year"]:
            for lang in vocab.languages:
                text[lang] += in_language(texts["compare_size"], lang).format(
                    value=percent(peers["value"], lang), label=in_language(peers["label"], lang)
                )
    return {"status": status, "text": text}


def percent(value: float, lang: str) -> str:
    """A share as the language writes it: 20.0% in English, 20,0% in Dutch, 20,0 % in German."""
    return one_decimal_percent(value, known_language(lang).formats)


def _say(stats: Mapping[str, Any], key: str, vocab: Vocabulary, **values: Mapping[str, str]) -> Text:
    template = stats["statements"][key]
    return {
        lang: known_language(lang).fix_places(
            template.get(lang, template["en"]).format(
                **{k: v.get(lang) or v["en"] for k, v in values.items()}
            )
        )
        for lang in vocab.languages
    }


def _plain(value: Any) -> Any:
    return dict(value) if isinstance(value, Mapping) else value


def _legacy(figure: Mapping[str, Any], dataset: Mapping[str, Any]) -> dict[str, Any]:
    release = figure["release"]
    legacy: dict[str, Any] = {
        "value": figure["value"],
        "unit": figure["unit"],
        "year": figure["year"],
        "geo": figure["geo"],
        "breakdown": figure["label"]["en"],
        "dimension": "all" if figure["series"] == "country" else figure["series"],
        "code": figure["code"],
        "label": figure["label"],
        "source": f"Eurostat, {dataset['code']}: {release['title']['en']}; {release['url']}",
        "vintage": release["date"],
        "source_note": None,
    }
    if "note" in figure:
        legacy["note"] = figure["note"]
    return legacy
