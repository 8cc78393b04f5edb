"""Schema-checked questionnaire data turned into model values, each remembering where it was written."""

from __future__ import annotations

from typing import Any

from readiness.questionnaire.model import (
    Band,
    Citation,
    Dimension,
    Include,
    Law,
    Level,
    Limit,
    Migration,
    Option,
    Origin,
    Question,
    Recommendation,
    Section,
)

OWN_SECTIONS = "own"


def build_question(data: dict[str, Any], origin: Origin, section: str) -> Question:
    """A question (and, for a group, its fields) from its schema-checked mapping."""
    scale = data.get("scale", {})
    number = data.get("number", {})
    scores = data.get("scores", {})
    return Question(
        id=data["id"],
        type=data["type"],
        text=data["text"],
        origin=origin,
        section=section,
        help=data.get("help"),
        dimension=data.get("dimension"),
        weight=float(data.get("weight", 1)),
        required=bool(data.get("required", True)),
        dont_know=bool(data.get("dont_know", False)),
        not_applicable=bool(data.get("not_applicable", False)),
        when_text=data.get("when"),
        store=data.get("store"),
        options=_options(data.get("options", [])),
        max_score=data.get("max_score"),
        scale_min=int(scale.get("min", 0)),
        scale_max=int(scale.get("max", 0)),
        scale_labels={int(k): v for k, v in scale.get("labels", {}).items()},
        number_min=number.get("min"),
        number_max=number.get("max"),
        integer=bool(number.get("integer", False)),
        unit=number.get("unit"),
        bands=tuple(Band(float(b["from"]), float(b["score"])) for b in number.get("bands", [])),
        yes_score=float(scores.get("yes", 1)),
        no_score=float(scores.get("no", 0)),
        max_length=data.get("max_length"),
        pattern=data.get("pattern"),
        pattern_hint=data.get("pattern_hint"),
        format=data.get("format"),
        not_in_future_when=data.get("not_in_future_when"),
        item_label=data.get("item_label"),
        max_items=data.get("max_items"),
        fields=tuple(
            build_question(f, origin.at("fields", i), section) for i, f in enumerate(data.get("fields", []))
        ),
        tags=tuple(data.get("tags", [])),
        rows=_options(data.get("rows", [])),
        columns=_options(data.get("columns", [])),
        scoring=data.get("scoring", "per_column"),
        measures=data.get("measures"),
        gap=data.get("gap"),
    )


def _options(items: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(
        Option(
            o["id"],
            o["label"],
            o.get("score"),
            bool(o.get("exclusive", False)),
            o.get("help"),
            o.get("ai_act_role"),
        )
        for o in items
    )


def build_sections(data: dict[str, Any], origin: Origin) -> list[Section]:
    """The sections of one file, in order."""
    sections = []
    for i, s in enumerate(data.get("sections", [])):
        at = origin.at("sections", i)
        questions = tuple(
            build_question(q, at.at("questions", j), s["id"]) for j, q in enumerate(s["questions"])
        )
        sections.append(Section(s["id"], s["title"], questions, at, s.get("intro"), s.get("when")))
    return sections


def build_dimensions(data: dict[str, Any], origin: Origin) -> list[Dimension]:
    return [
        Dimension(
            d["id"],
            d["label"],
            origin.at("dimensions", i),
            d.get("description"),
            float(d.get("weight", 1)),
            tuple(d.get("needs", [])),
            bool(d.get("dma", False)),
        )
        for i, d in enumerate(data.get("dimensions", []))
    ]


def build_levels(data: dict[str, Any], origin: Origin) -> list[Level]:
    return [
        Level(lv["id"], lv["label"], float(lv["from"]), origin.at("levels", i), lv.get("description"))
        for i, lv in enumerate(data.get("levels", []))
    ]


def build_recommendations(data: dict[str, Any], origin: Origin) -> list[Recommendation]:
    return [
        Recommendation(
            id=r["id"],
            title=r["title"],
            text=r["text"],
            origin=origin.at("recommendations", i),
            when_text=r.get("when"),
            dimension=r.get("dimension"),
            priority=int(r.get("priority", 2)),
            horizon=r.get("horizon", "90d"),
            needs=tuple(r.get("needs", [])),
            tags=tuple(r.get("tags", [])),
            who=r.get("who"),
            covers=tuple(r.get("covers", [])),
            done_when_text=r.get("done_when"),
            cites=tuple(
                Citation(c["law"], c["article"], c.get("applies_from"), bool(c.get("unconfirmed", False)))
                for c in r.get("cites", [])
            ),
        )
        for i, r in enumerate(data.get("recommendations", []))
    ]


def build_limits(data: dict[str, Any], origin: Origin) -> list[Limit]:
    return [
        Limit(lim["id"], lim["when"], float(lim["max_score"]), lim["text"], origin.at("limits", i))
        for i, lim in enumerate(data.get("limits", []))
    ]


def build_laws(data: dict[str, Any], origin: Origin) -> list[Law]:
    return [
        Law(
            law["id"],
            law["title"],
            law["source"],
            law["checked"],
            origin.at("laws", i),
            law.get("applies_from"),
        )
        for i, law in enumerate(data.get("laws", []))
    ]


def build_includes(data: dict[str, Any], origin: Origin) -> list[Include]:
    """The modules a file includes; the `own` marker (where its own sections go) is not a module."""
    return [
        Include(inc["module"], inc["version"], origin.at("includes", i))
        for i, inc in enumerate(data.get("includes", []))
        if inc != OWN_SECTIONS
    ]


def build_migration(data: dict[str, Any], origin: Origin) -> Migration | None:
    raw = data.get("migrations")
    if raw is None:
        return None
    return Migration(
        from_versions=tuple(raw["from"]),
        renamed=dict(raw.get("renamed", {})),
        removed=tuple(raw.get("removed", [])),
        values={k: dict(v) for k, v in raw.get("values", {}).items()},
        origin=origin.at("migrations"),
        into_matrix={
            qid: next((kind, dict(sources)) for kind, sources in spec.items())
            for qid, spec in raw.get("into_matrix", {}).items()
        },
    )
