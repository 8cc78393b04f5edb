"""What to do next: one action per thing to do, on a 30-day, 90-day, 12-month or later horizon.

A recommendation and the AI Act obligations it `covers` (questionnaire data) are one action that cites
both; two recommendations covering the same obligation are one action too. An obligation no
recommendation covers is an action of its own, due the day it starts to apply (at once when it already
does). Information the law gives (fine caps, SME relief) is never an action: the AI Act part shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from readiness.report.aiact import AIAct, Obligation

HORIZONS = {"30d": 30, "90d": 90, "12m": 365}
LATER = "later"


@dataclass(frozen=True)
class Citation:
    """An article of a law other than the AI Act that a recommendation rests on."""

    law: str
    article: str
    applies_from: dt.date | None
    source: str
    unconfirmed: bool = False


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    text: str
    dimension: str
    priority: int
    horizon: str
    because: str
    who: str = ""
    covers: tuple[str, ...] = ()
    cites: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Duty:
    """An AI Act obligation as the plan cites it: once, with every AI system it binds for."""

    obligation: Obligation
    systems: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """One line of the action plan: what to do, who does it, by when, and what it rests on."""

    title: str
    text: str
    because: str
    due: dt.date
    priority: int = 2
    who: str = ""
    duties: tuple[Duty, ...] = ()
    cites: tuple[Citation, ...] = ()
    also: tuple[Recommendation, ...] = ()
    # Whether Part 1 already prints the text (under the recommendation's dimension).
    explained: bool = False

    @property
    def is_obligation(self) -> bool:
        return bool(self.duties)

    @property
    def systems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for duty in self.duties for name in duty.systems))

    @property
    def duty_groups(self) -> tuple[tuple[dt.date, tuple[str, ...]], ...]:
        """The duties' articles grouped by the date they apply from, earliest first."""
        by_date: dict[dt.date, dict[str, None]] = {}
        for duty in self.duties:
            by_date.setdefault(duty.obligation.applies_from, {})[duty.obligation.article] = None
        return tuple((day, tuple(articles)) for day, articles in sorted(by_date.items()))

    @property
    def cite_groups(self) -> tuple[tuple[str, dt.date | None, tuple[str, ...], bool], ...]:
        """The cited articles grouped by law and date: (law, date, articles, any unconfirmed)."""
        groups: dict[tuple[str, dt.date | None], tuple[dict[str, None], list[bool]]] = {}
        for cite in self.cites:
            articles, unconfirmed = groups.setdefault((cite.law, cite.applies_from), ({}, []))
            articles[cite.article] = None
            unconfirmed.append(cite.unconfirmed)
        return tuple((law, day, tuple(arts), any(flags)) for (law, day), (arts, flags) in groups.items())

    @property
    def roles(self) -> tuple[str, ...]:
        """The AI Act roles the company holds for the duties, when no person is named to do it."""
        return tuple(dict.fromkeys(role for duty in self.duties for role in duty.roles))


def recommendation(data: Mapping[str, Any]) -> Recommendation:
    return Recommendation(
        id=data["id"],
        title=data["title"],
        text=data.get("text", ""),
        dimension=data.get("dimension") or "",
        priority=int(data.get("priority", 2)),
        horizon=data.get("horizon", "90d"),
        because=data.get("because", ""),
        who=data.get("who") or "",
        covers=tuple(data.get("covers") or ()),
        cites=tuple(
            Citation(
                c.get("title", ""),
                c["article"],
                dt.date.fromisoformat(c["applies_from"]) if c.get("applies_from") else None,
                c.get("source", ""),
                bool(c.get("unconfirmed")),
            )
            for c in data.get("cites") or ()
        ),
    )


def duties(ai_act: AIAct) -> list[Duty]:
    """Every AI Act duty (not information) once per obligation and date, with the systems it binds for."""
    found: dict[tuple[str, dt.date], tuple[Obligation, list[str], list[str]]] = {}
    bound = [(None, o) for o in ai_act.company_obligations] + [
        (s, o) for s in ai_act.systems for o in s.obligations
    ]
    for system, obligation in bound:
        if obligation.kind != "duty":
            continue
        _, names, roles = found.setdefault((obligation.id, obligation.applies_from), (obligation, [], []))
        if system is not None and system.name not in names:
            names.append(system.name)
        if system is not None and system.role and system.role not in roles:
            roles.append(system.role)
    ordered = sorted(found.values(), key=lambda item: item[0].applies_from)
    return [Duty(o, tuple(names), tuple(roles)) for o, names, roles in ordered]


@dataclass(frozen=True)
class Plan:
    """The actions by horizon, and the AI Act duties the answers show in place already."""

    horizons: tuple[tuple[str, tuple[Action, ...]], ...]
    in_place: tuple[Action, ...] = ()


def action_plan(
    recommendations: Sequence[Recommendation],
    ai_act: AIAct,
    as_of: dt.date,
    explained: Collection[str] = (),
    done: Sequence[Mapping[str, Any]] = (),
) -> Plan:
    """The actions by horizon (30d, 90d, 12m, later), most urgent first within each.

    `explained` holds the dimensions under which the report prints recommendations in full already;
    `done` the recommendations whose advice the answers show followed (the assessment's
    `readiness.done`): a duty only such advice covers is in place, not an action.
    """
    all_duties = duties(ai_act)
    made = {o for rec in recommendations for o in rec.covers}
    in_place: list[Action] = []
    for followed in done:
        settled = [
            d
            for d in all_duties
            if d.obligation.id in followed.get("covers", ()) and d.obligation.id not in made
        ]
        if settled:
            in_place.append(Action(followed["title"], "", "", as_of, duties=tuple(settled)))
    settled_ids = {d.obligation.id for action in in_place for d in action.duties}
    open_duties = [d for d in all_duties if d.obligation.id not in settled_ids]
    actions: list[Action] = []
    by_duty: dict[str, int] = {}
    for rec in sorted(recommendations, key=lambda r: r.priority):
        covered = [d for d in open_duties if d.obligation.id in rec.covers]
        earlier = next((by_duty[d.obligation.id] for d in covered if d.obligation.id in by_duty), None)
        if earlier is not None:
            merged = actions[earlier]
            extra = [d for d in covered if d.obligation.id not in by_duty]
            actions[earlier] = _with(merged, rec, extra, as_of)
            for duty in extra:
                by_duty[duty.obligation.id] = earlier
            continue
        action = Action(
            rec.title,
            rec.text,
            rec.because,
            _due(as_of, rec, covered),
            priority=rec.priority,
            who=rec.who,
            duties=tuple(covered),
            cites=rec.cites,
            explained=rec.dimension in explained,
        )
        for duty in covered:
            by_duty[duty.obligation.id] = len(actions)
        actions.append(action)
    for duty in open_duties:
        if duty.obligation.id not in by_duty:
            actions.append(
                Action(
                    duty.obligation.title,
                    duty.obligation.text,
                    "",
                    _duty_due(as_of, duty),
                    priority=1 if duty.obligation.applies_from <= as_of else 2,
                    duties=(duty,),
                )
            )
    plan: dict[str, list[Action]] = {h: [] for h in (*HORIZONS, LATER)}
    for action in actions:
        plan[horizon_of(action.due, as_of)].append(action)
    return Plan(
        tuple((h, tuple(sorted(found, key=lambda a: (a.priority, a.due)))) for h, found in plan.items()),
        tuple(in_place),
    )


def horizon_of(due: dt.date, as_of: dt.date) -> str:
    """The first horizon that reaches `due`, or `later`."""
    days = (due - as_of).days
    return next((h for h, limit in HORIZONS.items() if days <= limit), LATER)


def _due(as_of: dt.date, rec: Recommendation, covered: Sequence[Duty]) -> dt.date:
    """The recommendation's horizon, brought forward to a cited date it must beat."""
    due = as_of + dt.timedelta(days=HORIZONS.get(rec.horizon, HORIZONS["90d"]))
    dates = [_duty_due(as_of, d) for d in covered]
    dates += [c.applies_from for c in rec.cites if c.applies_from and c.applies_from > as_of]
    return min([due, *dates])


def _duty_due(as_of: dt.date, duty: Duty) -> dt.date:
    """A duty that applies already is due within the first horizon; a later one by the day it applies."""
    start = duty.obligation.applies_from
    return start if start > as_of else as_of + dt.timedelta(days=HORIZONS["30d"])


def _with(action: Action, rec: Recommendation, extra: Sequence[Duty], as_of: dt.date) -> Action:
    """`action` with a second recommendation that asks for the same act folded into it."""
    return Action(
        action.title,
        action.text,
        action.because,
        min(action.due, _due(as_of, rec, extra)),
        priority=min(action.priority, rec.priority),
        who=action.who or rec.who,
        duties=(*action.duties, *extra),
        cites=(*action.cites, *(c for c in rec.cites if c not in action.cites)),
        also=(*action.also, rec),
        explained=action.explained,
    )
