"""The cohort overview: what a hub's clients look like together, from their assessment results.

A pure function over the documented JSON results (docs/results.md), so that it can be fed from a batch,
from saved JSON reports or from answers files alike, and gives the same bytes for the same input. It
carries only what a hub already holds about its clients (scores, levels, sector, size, country, the
support it recommended) and never their answers; with `anonymise` the names are replaced by numbers
given in score order, which says nothing about who is who.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from readiness import __version__

Result = Mapping[str, Any]
RISK_ORDER = ("prohibited", "high", "limited", "minimal", "out_of_scope")
# Hubs and AI factories first: what a hub reports on; then the rest of the support landscape.
KIND_ORDER = ("edih", "ai_factory", "ai_factory_antenna", "tef", "funding", "contact_point", "authority")
TOP = 10
DEADLINES = 8


def spread(values: Sequence[float]) -> dict[str, Any]:
    """Count, mean, standard deviation (of the cohort as a whole), minimum, quartiles and maximum."""
    if not values:
        return {
            "companies": 0,
            "mean": None,
            "sd": None,
            "min": None,
            "q1": None,
            "median": None,
            "q3": None,
            "max": None,
        }
    q1, median, q3 = (
        statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else (values[0],) * 3
    )
    return {
        "companies": len(values),
        "mean": round(statistics.fmean(values), 1),
        "sd": round(statistics.pstdev(values), 1),
        "min": round(min(values), 1),
        "q1": round(q1, 1),
        "median": round(median, 1),
        "q3": round(q3, 1),
        "max": round(max(values), 1),
    }


def build_cohort(
    results: Sequence[Result],
    *,
    as_of: dt.date,
    anonymise: bool = False,
    sector_label: Callable[[str], str] = str,
) -> dict[str, Any]:
    """The overview of `results` (each one company's assessment result, all in one language)."""
    companies = _companies(results, anonymise, sector_label)
    return {
        "as_of": as_of.isoformat(),
        "tool": {"name": "readiness", "version": __version__},
        "anonymised": anonymise,
        "companies": len(results),
        "questionnaires": _counted(
            (
                f"{r['questionnaire']['id']}@{r['questionnaire']['version']}",
                r["questionnaire"].get("title", ""),
            )
            for r in results
        ),
        "levels": _levels(results),
        "sectors": [
            {"section": section, "label": sector_label(section) if section else "", "companies": n}
            for section, n in Counter(c["sector"] for c in companies).most_common()
        ],
        "sizes": [
            {"size": size, "companies": n} for size, n in Counter(c["size"] for c in companies).most_common()
        ],
        "overall": spread(
            [r["readiness"]["score"] for r in results if r["readiness"].get("score") is not None]
        ),
        "dma": spread(
            [r["readiness"]["dma_score"] for r in results if r["readiness"].get("dma_score") is not None]
        ),
        "dimensions": _dimensions(results),
        "gaps": _gaps(results),
        "recommendations": _recommendations(results),
        "ai_act": _ai_act(results, as_of),
        "support": _support(results),
        "company_list": companies,
    }


def _counted(pairs: Any) -> list[dict[str, Any]]:
    counts = Counter(pairs)
    return [{"ref": ref, "title": title, "companies": n} for (ref, title), n in counts.most_common()]


def _companies(
    results: Sequence[Result], anonymise: bool, sector_label: Callable[[str], str]
) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        company = r["company"]
        level = r["readiness"].get("level") or {}
        rows.append(
            {
                "name": company.get("name", ""),
                "country": company.get("country", ""),
                "size": company.get("size", ""),
                "sector": (company.get("nace") or "")[:1].upper(),
                "questionnaire": r["questionnaire"]["id"],
                "score": r["readiness"].get("score"),
                "level": level.get("label", ""),
                "ai_systems": len((r.get("ai_act") or {}).get("systems", [])),
            }
        )
    if not anonymise:
        return sorted(rows, key=lambda c: (c["name"].casefold(), c["questionnaire"]))
    rows.sort(key=lambda c: (-(c["score"] if c["score"] is not None else -1), c["sector"], c["size"]))
    width = len(str(len(rows)))
    return [{**row, "name": f"#{i:0{width}d}"} for i, row in enumerate(rows, start=1)]


def _levels(results: Sequence[Result]) -> list[dict[str, Any]]:
    """Companies per level, lowest level first (levels ordered by the mean score of their companies)."""
    groups: dict[str, dict[str, Any]] = {}
    for r in results:
        level = r["readiness"].get("level")
        key = level["id"] if level else ""
        group = groups.setdefault(key, {"id": key, "label": level["label"] if level else "", "scores": []})
        group["scores"].append(r["readiness"].get("score") or 0.0)
    ordered = sorted(groups.values(), key=lambda g: (g["id"] == "", statistics.fmean(g["scores"])))
    return [{"id": g["id"], "label": g["label"], "companies": len(g["scores"])} for g in ordered]


def _dimensions(results: Sequence[Result]) -> list[dict[str, Any]]:
    """Spread per dimension, those measured at the most companies first, then in order of appearance.

    Questionnaires share the DMA dimensions (same id, same label), which are pooled; a sector's own
    dimension may reuse an id under another label, and is then kept apart.
    """
    scores: dict[tuple[str, str], list[float]] = {}
    for r in results:
        for d in r["readiness"].get("dimensions", []):
            bucket = scores.setdefault((d["id"], d.get("label", d["id"])), [])
            if d.get("score") is not None:
                bucket.append(d["score"])
    found = [{"id": key, "label": label, **spread(values)} for (key, label), values in scores.items()]
    return sorted(found, key=lambda d: -d["companies"])


def _gaps(results: Sequence[Result]) -> list[dict[str, Any]]:
    """The questions that are most often among a company's gaps, with the mean gain they would bring."""
    seen: dict[str, dict[str, Any]] = {}
    for r in results:
        for g in r["readiness"].get("gaps", []):
            entry = seen.setdefault(
                g["question"],
                {
                    "question": g["question"],
                    "text": g.get("text", ""),
                    "dimension": g.get("dimension_label", ""),
                    "gains": [],
                },
            )
            entry["gains"].append(float(g.get("gain", 0)))
    ranked = sorted(
        seen.values(), key=lambda e: (-len(e["gains"]), -statistics.fmean(e["gains"]), e["question"])
    )
    return [
        {
            "question": e["question"],
            "text": e["text"],
            "dimension": e["dimension"],
            "companies": len(e["gains"]),
            "share": round(len(e["gains"]) / len(results), 3),
            "mean_gain": round(statistics.fmean(e["gains"]), 1),
        }
        for e in ranked[:TOP]
    ]


def _recommendations(results: Sequence[Result]) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for r in results:
        for rec in r["readiness"].get("recommendations", []):
            counts[rec["id"]] += 1
            titles.setdefault(rec["id"], rec.get("title", rec["id"]))
    return [{"id": key, "title": titles[key], "companies": n} for key, n in counts.most_common(TOP)]


def _ai_act(results: Sequence[Result], as_of: dt.date) -> dict[str, Any]:
    """The risk mix over every AI system, and the dates ahead on which obligations start, per company."""
    systems: Counter[str] = Counter()
    companies_by_risk: dict[str, set[int]] = {}
    gpai = 0
    upcoming: dict[str, dict[str, dict[str, Any]]] = {}
    for index, r in enumerate(results):
        ai_act = r.get("ai_act") or {}
        for system in ai_act.get("systems", []):
            risk = system.get("risk", "minimal")
            systems[risk] += 1
            companies_by_risk.setdefault(risk, set()).add(index)
            gpai += 1 if system.get("gpai") else 0
        obligations = [
            *ai_act.get("company_obligations", []),
            *(o for s in ai_act.get("systems", []) for o in s.get("obligations", [])),
        ]
        for o in obligations:
            if dt.date.fromisoformat(o["applies_from"]) <= as_of:
                continue
            entry = upcoming.setdefault(o["applies_from"], {}).setdefault(
                o["id"],
                {
                    "id": o["id"],
                    "title": o.get("title", o["id"]),
                    "article": o.get("article", ""),
                    "who": set(),
                },
            )
            entry["who"].add(index)
    risks = [r for r in RISK_ORDER if systems[r]] + sorted(r for r in systems if r not in RISK_ORDER)
    return {
        "systems": sum(systems.values()),
        "companies_with_systems": len({i for s in companies_by_risk.values() for i in s}),
        "gpai": gpai,
        "risk": [
            {"risk": risk, "systems": systems[risk], "companies": len(companies_by_risk[risk])}
            for risk in risks
        ],
        "deadlines": [
            {
                "date": day,
                "companies": len({i for o in by_id.values() for i in o["who"]}),
                "obligations": sorted(
                    (
                        {k: v for k, v in o.items() if k != "who"} | {"companies": len(o["who"])}
                        for o in by_id.values()
                    ),
                    key=lambda o: (-o["companies"], o["id"]),
                ),
            }
            for day, by_id in sorted(upcoming.items())[:DEADLINES]
        ],
    }


def _support(results: Sequence[Result]) -> list[dict[str, Any]]:
    """The support organisations matched most often, by kind (hubs, AI factories, ...), most often first."""
    counts: Counter[str] = Counter()
    entries: dict[str, dict[str, Any]] = {}
    for r in results:
        for s in r.get("support", []):
            key = s.get("id") or s["name"]
            counts[key] += 1
            entries.setdefault(
                key,
                {"id": key, "kind": s.get("kind", ""), "name": s["name"], "country": s.get("country", "")},
            )
    kinds: dict[str, list[dict[str, Any]]] = {}
    for key, n in counts.most_common():
        kinds.setdefault(entries[key]["kind"], []).append({**entries[key], "companies": n})
    order = sorted(kinds, key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k))
    return [{"kind": kind, "entries": kinds[kind][:TOP]} for kind in order]
