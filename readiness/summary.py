"""The assessment as a terminal summary: a table of dimensions with bars, the level, gaps and next steps."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

BAR_WIDTH = 20


def _bar(score: float | None) -> str:
    if score is None:
        return "·" * BAR_WIDTH
    filled = round(BAR_WIDTH * score / 100)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def print_summary(result: dict[str, Any], console: Console) -> None:
    """Print the JSON result (see Assessment.as_dict) for a person at a terminal."""
    r = result["readiness"]
    company = result["company"]
    q = result["questionnaire"]
    console.print(
        f"[bold]{company['name']}[/bold]  ·  {q['title']} {q['version']}  ·  {result['as_of']}",
        markup=True,
        highlight=False,
    )
    level = r["level"]["label"] if r["level"] else "-"
    score = f"{r['score']:g}" if r["score"] is not None else "-"
    dma = f"   DMA score: {r['dma_score']:g}" if r.get("dma_score") is not None else ""
    console.print(
        f"Readiness: [bold]{score}[/bold] / 100  ·  level [bold]{level}[/bold]{dma}"
        f"   (confidence {r['confidence']:.0%})"
    )
    table = Table("dimension", "score", "", "level", show_edge=False, pad_edge=False)
    for d in r["dimensions"]:
        shown = f"{d['score']:g}" if d["score"] is not None else "-"
        table.add_row(d["label"], shown, _bar(d["score"]), d["level"]["label"] if d["level"] else "-")
    console.print(table)
    if r["gaps"]:
        console.print("\n[bold]Largest gaps[/bold]")
        for g in r["gaps"][:3]:
            console.print(
                f"  • {g.get('action') or g['text']}  "
                f"[dim](+{g['gain']:g} points possible, {g['dimension_label']})[/dim]"
            )
    if r["recommendations"]:
        console.print("\n[bold]Recommendations[/bold]")
        for number, rec in enumerate(r["recommendations"][:5], start=1):
            console.print(f"  {number}. {rec['title']}  [dim]({rec['horizon']})[/dim]")
    ai_act = result.get("ai_act") or {}
    systems = ai_act.get("systems", [])
    if systems:
        console.print("\n[bold]AI Act[/bold]")
        for s in systems:
            console.print(f"  • {s['name']}: {s['risk']}")
    console.print(f"\n[dim]{result['notice']}[/dim]")
