"""The cohort overview as files: `cohort.json` (the aggregate itself) and `cohort.pdf` beside it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from readiness.atomic import is_stdout, write_atomic
from readiness.cohort import build_cohort
from readiness.errors import ReadinessError
from readiness.hubdocs.i18n import translations
from readiness.hubdocs.render import palette, render_html, svg, write_document
from readiness.report import charts, timeline
from readiness.report.brand import Brand, load_brand
from readiness.report.i18n import Formatter

TEMPLATE = "cohort.html.j2"


def write_cohort(
    results: Sequence[Mapping[str, Any]],
    path: Path,
    *,
    lang: str,
    brand_path: Path | None,
    as_of: dt.date,
    anonymise: bool,
) -> list[Path]:
    """Write the overview of `results` to `path` (PDF, or HTML by its suffix) and its JSON beside it."""
    if not results:
        raise ReadinessError("no assessments to make a cohort overview of")
    from readiness.aiact import load_catalogue
    from readiness.directory import load_vocabulary
    from readiness.l10n.citations import localise_citations

    vocabulary = load_vocabulary()

    def sector_label(section: str) -> str:
        info = vocabulary.sectors.get(section)
        return str(info["label"].get(lang) or info["label"]["en"]) if info else section

    cohort = build_cohort(results, as_of=as_of, anonymise=anonymise, sector_label=sector_label)
    json_path = None if is_stdout(path) else path.with_suffix(".json")
    if json_path is not None:
        write_atomic(json_path, json.dumps(cohort, indent=2, ensure_ascii=False) + "\n")
    brand = load_brand(brand_path)
    shown = localise_citations(cohort, lang, load_catalogue().numbered_points)
    html = render_html(
        TEMPLATE, lang=lang, brand=brand, cohort=shown, charts=cohort_charts(cohort, brand, lang)
    )
    write_document(path, html, brand=brand, as_of=as_of)
    return [path] if json_path is None else [json_path, path]


def cohort_charts(cohort: Mapping[str, Any], brand: Brand, lang: str) -> dict[str, Any]:
    """Bars for levels, sectors, dimensions and the risk mix; a timeline of the deadlines ahead."""
    catalogue = translations(lang)
    _ = catalogue.gettext
    fmt = Formatter(lang)
    colours = palette(brand)
    total = cohort["companies"] or 1

    def shares(rows: Sequence[tuple[str, int]], of: int) -> list[tuple[str, float, str]]:
        return [(label, 100 * n / of, f"{n} ({fmt.percent(n / of)})") for label, n in rows]

    risk_names = {
        "prohibited": _("Prohibited"),
        "high": _("High risk"),
        "limited": _("Limited risk"),
        "minimal": _("Minimal risk"),
        "out_of_scope": _("Out of scope"),
    }
    ai_act = cohort["ai_act"]
    found: dict[str, Any] = {
        "levels": svg(
            charts.bar_chart(
                shares([(lvl["label"] or "–", lvl["companies"]) for lvl in cohort["levels"]], total),
                colours,
                title=_("Companies per level"),
            )
        ),
        "sectors": svg(
            charts.bar_chart(
                shares([(s["label"] or "–", s["companies"]) for s in cohort["sectors"]], total),
                colours,
                title=_("Companies per sector"),
            )
        ),
        "dimensions": svg(
            charts.bar_chart(
                [(d["label"], d["mean"], fmt.number(d["mean"])) for d in _shared(cohort["dimensions"])],
                colours,
                title=_("Average score per dimension"),
                marks=(25, 50, 75),
            )
        ),
        "risk": None,
        "deadlines": None,
    }
    if ai_act["systems"]:
        found["risk"] = svg(
            charts.bar_chart(
                shares(
                    [(risk_names.get(r["risk"], r["risk"]), r["systems"]) for r in ai_act["risk"]],
                    ai_act["systems"],
                ),
                colours,
                title=_("AI systems per risk class"),
            )
        )
    if ai_act["deadlines"]:
        as_of = dt.date.fromisoformat(cohort["as_of"])
        points = [
            timeline.TimelinePoint(
                dt.date.fromisoformat(d["date"]),
                (
                    fmt.date(d["date"], "medium"),
                    catalogue.ngettext("%(count)d company", "%(count)d companies", d["companies"])
                    % {"count": d["companies"]},
                ),
                True,
            )
            for d in ai_act["deadlines"]
        ]
        found["deadlines"] = svg(
            timeline.timeline_chart(
                points,
                as_of,
                _("As of %(date)s") % {"date": fmt.date(as_of, "medium")},
                colours,
                title=_("AI Act dates ahead for your clients"),
            )
        )
    return found


def _shared(dimensions: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The dimensions measured at more than one company (all of them when none is): the chart's rows."""
    shared = [d for d in dimensions if d["companies"] > 1]
    return shared or list(dimensions)
