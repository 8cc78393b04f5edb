"""The progress report (T0 against T1) as a file, and the loading that makes two answers comparable."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness.answers import LoadedAnswers, load_answers, migrate_answers, portable
from readiness.assessment import run_assessment
from readiness.atomic import write_atomic
from readiness.batch.inputs import read_answers_bytes
from readiness.compare import compare_assessments
from readiness.errors import ReadinessError
from readiness.hubdocs.i18n import translations
from readiness.hubdocs.render import Attachment, palette, render_html, svg, write_document
from readiness.questionnaire.registry import Registry, version_key
from readiness.report import charts
from readiness.report.brand import Brand, load_brand
from readiness.report.i18n import Formatter

TEMPLATE = "progress.html.j2"


@dataclass(frozen=True)
class Moment:
    """One side of the comparison: the answers as read, and the date they are assessed on."""

    loaded: LoadedAnswers
    as_of: dt.date
    filename: str


def read_moment(path: Path, registry: Registry, as_of: dt.date | None, fallback: dt.date) -> Moment:
    """Answers from an answers file or a report PDF, dated `as_of`, else when they were last saved."""
    loaded = load_answers(path, registry, raw=read_answers_bytes(path))
    saved = str(loaded.answers.meta.get("updated") or loaded.answers.meta.get("created") or "")[:10]
    try:
        day = as_of or (dt.date.fromisoformat(saved) if saved else fallback)
    except ValueError:
        day = fallback
    return Moment(loaded, day, path.name)


def progress(before: Moment, after: Moment, registry: Registry, lang: str) -> dict[str, Any]:
    """The comparison, after carrying the older answers to the newer questionnaire version."""
    old, new = before.loaded, after.loaded
    if old.questionnaire.id != new.questionnaire.id:
        raise ReadinessError(
            f"BEFORE answers '{old.questionnaire.id}' and AFTER answers '{new.questionnaire.id}'; "
            "a progress report compares two assessments with the same questionnaire"
        )
    notes: list[str] = []
    old_answers, new_answers = old.answers, new.answers
    target = new.questionnaire
    if version_key(old.questionnaire.version) > version_key(new.questionnaire.version):
        target = old.questionnaire
        new_answers, notes = migrate_answers(new_answers, target, registry)
    elif old.questionnaire.version != new.questionnaire.version:
        old_answers, notes = migrate_answers(old_answers, target, registry)
    t0 = run_assessment(target, old_answers, before.as_of)
    t1 = run_assessment(target, new_answers, after.as_of)
    return compare_assessments(t0, t1, lang, translations(lang).gettext, notes=notes)


def write_progress(
    result: Mapping[str, Any],
    path: Path,
    *,
    lang: str,
    brand_path: Path | None,
    before: Moment,
    after: Moment,
) -> None:
    """Write the progress report: JSON, HTML or PDF by the file's suffix; the PDF carries both answers."""
    if path.suffix.lower() == ".json":
        write_atomic(path, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        return
    from readiness.aiact import load_catalogue
    from readiness.l10n.citations import localise_citations

    brand = load_brand(brand_path)
    shown = localise_citations(result, lang, load_catalogue().numbered_points)
    html = render_html(
        TEMPLATE, lang=lang, brand=brand, progress=shown, charts=progress_charts(result, brand, lang)
    )
    attachments = [
        Attachment(
            f"before-{_stem(before.filename)}.answers.yaml", portable(before.loaded.raw), "answers at T0"
        ),
        Attachment(
            f"after-{_stem(after.filename)}.answers.yaml", portable(after.loaded.raw), "answers at T1"
        ),
    ]
    write_document(path, html, brand=brand, as_of=after.as_of, attachments=attachments)


def _stem(filename: str) -> str:
    for suffix in (".answers.yaml", ".answers.yml", ".yaml", ".yml", ".pdf"):
        if filename.lower().endswith(suffix):
            return filename[: -len(suffix)]
    return filename


def progress_charts(result: Mapping[str, Any], brand: Brand, lang: str) -> dict[str, Any]:
    """The scores per dimension at T0 (in the muted colour) and at T1 (in the brand's), on one scale."""
    _ = translations(lang).gettext
    fmt = Formatter(lang)
    now = palette(brand)
    then = charts.Palette(now.muted, now.muted, now.text, now.muted, now.grid)
    overall = result["overall"]
    rows = [(_("Overall"), overall["before"], overall["after"])] + [
        (d["label"], d["before"], d["after"]) for d in result["dimensions"]
    ]

    def bars(side: int, colours: charts.Palette, title: str) -> Any:
        data = [(label, values[side], fmt.number(values[side])) for label, *values in rows]
        return svg(charts.bar_chart(data, colours, title=title, marks=(25, 50, 75), width_mm=84))

    return {
        "before": bars(0, then, _("Scores at T0")),
        "after": bars(1, now, _("Scores at T1")),
    }
