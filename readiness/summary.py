"""The assessment as a terminal summary: a table of dimensions with bars, the level, gaps and next steps.

Every word is in the result's language: the result's own texts are localised already, and the summary's
words are the pipeline's sentences (readiness/locale).
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from readiness.l10n.languages import decimal, long_date, percent
from readiness.texts import message

BAR_WIDTH = 20


def _bar(score: float | None) -> str:
    if score is None:
        return "·" * BAR_WIDTH
    filled = round(BAR_WIDTH * score / 100)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def print_summary(result: dict[str, Any], console: Console, lang: str = "en") -> None:
    """Print the JSON result (see Assessment.as_dict, made in `lang`) for a person at a terminal."""

    def t(key: str, **values: object) -> str:
        return message(key, lang, **values)

    r = result["readiness"]
    company = result["company"]
    q = result["questionnaire"]
    title = f"{escape(q['title'])} {q['version']}"
    day = long_date(result["as_of"], lang)
    console.print(f"[bold]{escape(company['name'])}[/bold]  ·  {title}  ·  {day}", highlight=False)
    level = r["level"]["label"] if r["level"] else "-"
    score = decimal(r["score"], lang) if r["score"] is not None else "-"
    line = t("summary_score", score=f"[bold]{score}[/bold]", level=f"[bold]{escape(level)}[/bold]")
    if r.get("dma_score") is not None:
        line += "   " + t("summary_dma", score=decimal(r["dma_score"], lang))
    line += "   " + t("summary_confidence", share=percent(r["confidence"], lang))
    console.print(line, highlight=False)
    table = Table(
        t("summary_dimension"), t("summary_points"), "", t("summary_level"), show_edge=False, pad_edge=False
    )
    for d in r["dimensions"]:
        shown = decimal(d["score"], lang) if d["score"] is not None else "-"
        table.add_row(d["label"], shown, _bar(d["score"]), d["level"]["label"] if d["level"] else "-")
    console.print(table)
    if r["gaps"]:
        console.print(f"\n[bold]{t('summary_gaps')}[/bold]")
        for g in r["gaps"][:3]:
            gain = t("summary_gain", gain=decimal(g["gain"], lang), dimension=g["dimension_label"])
            console.print(f"  • {escape(g.get('action') or g['text'])}  [dim]({escape(gain)})[/dim]")
    if r["recommendations"]:
        console.print(f"\n[bold]{t('summary_recommendations')}[/bold]")
        for number, rec in enumerate(r["recommendations"][:5], start=1):
            horizon = t(f"summary_horizon_{rec['horizon']}")
            console.print(f"  {number}. {escape(rec['title'])}  [dim]({escape(horizon)})[/dim]")
    ai_act = result.get("ai_act") or {}
    systems = ai_act.get("systems", [])
    if systems:
        from readiness.aiact import load_catalogue

        catalogue = load_catalogue()
        console.print(f"\n[bold]{t('summary_ai_act')}[/bold]")
        for s in systems:
            console.print(f"  • {escape(s['name'])}: {escape(catalogue.risk_label(s['risk'], lang))}")
    console.print(f"\n[dim]{escape(result['notice'])}[/dim]")
