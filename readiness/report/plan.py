"""What to do next: the recommendations and the AI Act obligations placed on a 30-day, 90-day and
12-month horizon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.report.aiact import AIAct, Obligation

HORIZONS = {"30d": 30, "90d": 90, "12m": 365}


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    text: str
    dimension: str
    priority: int
    horizon: str
    because: str


@dataclass(frozen=True)
class Action:
    """One line of the action plan: a recommendation, or an AI Act obligation placed by its date."""

    title: str
    text: str
    because: str
    article: str = ""
    date: dt.date | None = None
    systems: tuple[str, ...] = ()

    @property
    def is_obligation(self) -> bool:
        return bool(self.article)


def recommendation(data: Mapping[str, Any]) -> Recommendation:
    return Recommendation(
        id=data["id"],
        title=data["title"],
        text=data.get("text", ""),
        dimension=data.get("dimension") or "",
        priority=int(data.get("priority", 2)),
        horizon=data.get("horizon", "90d"),
        because=data.get("because", ""),
    )


def action_plan(
    recommendations: Sequence[Recommendation], ai_act: AIAct, as_of: dt.date
) -> tuple[tuple[str, tuple[Action, ...]], ...]:
    """Recommendations by their horizon, then AI Act obligations by the date they (start to) apply.

    An obligation that already applies goes into the first horizon; one that starts later goes into
    the first horizon that reaches its date, and beyond a year it stays in the AI Act section only.
    """
    plan: dict[str, list[Action]] = {h: [] for h in HORIZONS}
    for rec in sorted(recommendations, key=lambda r: r.priority):
        plan[rec.horizon if rec.horizon in plan else "90d"].append(Action(rec.title, rec.text, rec.because))
    merged: dict[str, tuple[Obligation, list[str]]] = {}
    for name, obligation in [("", o) for o in ai_act.company_obligations] + [
        (s.name, o) for s in ai_act.systems for o in s.obligations
    ]:
        _, systems = merged.setdefault(obligation.id, (obligation, []))
        if name and name not in systems:
            systems.append(name)
    for obligation, systems in sorted(merged.values(), key=lambda item: item[0].applies_from):
        days = (obligation.applies_from - as_of).days
        horizon = next((h for h, limit in HORIZONS.items() if days <= limit), None)
        if horizon:
            plan[horizon].append(
                Action(
                    obligation.title,
                    obligation.text,
                    "",
                    article=obligation.article,
                    date=obligation.applies_from,
                    systems=tuple(systems),
                )
            )
    return tuple((h, tuple(actions)) for h, actions in plan.items())
