"""Two parts of the report that explain numbers: how the scores are made, and how the company compares.

Both are built from the documented JSON result only (`readiness.limits`, `readiness.dma` and `benchmark`,
see docs/results.md), so HTML, PDF and Markdown say the same. The templates that show them are
`partials/score-explanation.*.j2` and `partials/benchmark.*.j2`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AppliedLimit:
    text: str
    max_score: float
    uncapped: float


@dataclass(frozen=True)
class ScoreExplanation:
    """What the overall and DMA scores are made of, and any limit that held the overall score."""

    dimensions: int
    dma_module: str
    dual_scoring: str
    limits: tuple[AppliedLimit, ...]


@dataclass(frozen=True)
class BenchmarkRow:
    """One line of the comparison table: who, a value per year (None where there is none), its sources."""

    label: str
    values: tuple[float | None, ...]
    sources: tuple[int, ...]
    orientation_only: bool
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Benchmark:
    """Where the company stands against Eurostat's figures, with every figure's dataset and release."""

    position: str
    statements: tuple[str, ...]
    years: tuple[int, ...]
    rows: tuple[BenchmarkRow, ...]
    notes: tuple[str, ...]
    releases: tuple[tuple[str, str], ...]
    dataset_code: str
    dataset_title: str
    dataset_url: str
    checked: str


def score_explanation(readiness: Mapping[str, Any]) -> ScoreExplanation:
    dma = readiness.get("dma") or {}
    return ScoreExplanation(
        dimensions=sum(1 for d in readiness.get("dimensions", []) if d.get("score") is not None),
        dma_module=dma.get("module") or "",
        dual_scoring=dma.get("dual_scoring") or "",
        limits=tuple(
            AppliedLimit(lim["text"], float(lim["max_score"]), float(lim["uncapped_score"]))
            for lim in readiness.get("limits", [])
        ),
    )


def benchmark(data: Mapping[str, Any] | None) -> Benchmark | None:
    """The comparison as the report shows it; None for an assessment made before it existed."""
    if not data:
        return None
    releases: dict[tuple[str, str], int] = {}

    def cite(release: Mapping[str, Any]) -> int:
        key = (release.get("title", ""), release.get("url", ""))
        return releases.setdefault(key, len(releases) + 1)

    lines: list[tuple[str, dict[int, float], list[int], bool, list[str]]] = []
    for trend in data.get("trend", []):
        points = trend.get("points", [])
        lines.append(
            (
                trend["label"],
                {p["year"]: p["value"] for p in points},
                sorted({cite(p["release"]) for p in points}),
                bool(trend.get("orientation_only")),
                [f"{p['year']}: {p['note']}" for p in points if p.get("note")],
            )
        )
    for figure in data.get("figures", []):
        if figure["series"] in ("all", "size"):
            continue
        lines.append(
            (
                figure["label"],
                {figure["year"]: figure["value"]},
                [cite(figure["release"])],
                bool(figure.get("orientation_only")),
                [figure["note"]] if figure.get("note") else [],
            )
        )
    years = tuple(sorted({year for _, values, _, _, _ in lines for year in values}))
    dataset = data.get("dataset", {})
    return Benchmark(
        position=(data.get("position") or {}).get("text") or "",
        statements=tuple(data.get("statements", [])),
        years=years,
        rows=tuple(
            BenchmarkRow(
                label, tuple(values.get(y) for y in years), tuple(sources), orientation, tuple(notes)
            )
            for label, values, sources, orientation, notes in lines
        ),
        notes=tuple(data.get("notes", [])),
        releases=tuple(releases),
        dataset_code=dataset.get("code", ""),
        dataset_title=dataset.get("title", ""),
        dataset_url=dataset.get("url", ""),
        checked=data.get("checked", ""),
    )
