"""The report as HTML: Jinja2 templates with autoescape and StrictUndefined, in the reader's language.

Everything a company typed (its name, free-text answers, AI system names) reaches the page only through
autoescaped expressions, so HTML or CSS in an answer prints as text. Charts are built here, from the
report model, as SVG that escapes its own text, and enter the page as markup. Templates are looked up in
`--templates` folders first, then the built-in folder, so a hub can override any one file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from readiness.cache import template_cache
from readiness.content import builtin_dir
from readiness.errors import ReadinessError
from readiness.l10n.citations import capfirst
from readiness.questionnaire.model import tr
from readiness.report import charts
from readiness.report.aiact import milestones
from readiness.report.i18n import Formatter, translations
from readiness.report.model import Report
from readiness.report.timeline import TimelinePoint, timeline_chart

TEMPLATE = "report.html.j2"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def template_dirs(extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """Folders to look for templates in, highest precedence first: the user's, then the built-in one."""
    for folder in extra:
        if not folder.is_dir():
            raise ReadinessError(f"templates folder not found: {folder}")
    return (*(p.resolve() for p in reversed(extra)), builtin_dir("templates").resolve())


def render_html(report: Report, *, templates: Sequence[Path] = ()) -> str:
    """The whole report as one HTML document, its CSS inline and its charts as inline SVG."""
    env = environment(template_dirs(templates), report.lang)
    fmt = Formatter(report.lang)
    return env.get_template(TEMPLATE).render(
        report=report,
        brand=report.brand,
        fmt=fmt,
        text=lambda value: tr(value, report.lang),
        charts=_charts(report, fmt),
    )


def jinja_environment(folders: tuple[Path, ...], catalogue: NullTranslations, **options: Any) -> Environment:
    """The Jinja2 setup every document shares: the template search path, StrictUndefined (a missing
    variable fails, it never renders blank), trimmed gettext blocks and the `humanize` filter.
    `options` add the output's own escaping (autoescape for HTML, a finalize function for Markdown)."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
        bytecode_cache=template_cache(options),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **options,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]
    env.filters["humanize"] = humanize
    # Citations come written the reader's way in running-text form ("artikel 6, lid 1"); where one opens a
    # label or a line it takes a capital, and several are listed as one.
    env.filters["capfirst"] = capfirst
    env.filters["citations"] = lambda items: capfirst(", ".join(items))
    return env


def html_environment(folders: tuple[Path, ...], catalogue: NullTranslations) -> Environment:
    """An autoescaping environment with the CSS-safe filters, for the report and the hub documents."""
    env = jinja_environment(folders, catalogue, autoescape=True)
    env.filters["css_string"] = css_string
    env.filters["css_color"] = css_color
    return env


@cache
def environment(folders: tuple[Path, ...], lang: str) -> Environment:
    """The report's HTML environment per template search path and language, kept for the process."""
    return html_environment(folders, translations(lang))


def css_string(value: str) -> Markup:
    """Text as a quoted CSS string that cannot end the string, the rule or the <style> element."""
    escaped = "".join(c if c.isalnum() or c in " .,:;!?-'()/" else f"\\{ord(c):x} " for c in str(value))
    return Markup(f'"{escaped}"')


def css_color(value: str) -> Markup:
    """A brand colour, checked again at the last moment: only #rrggbb ever reaches the stylesheet."""
    if not _COLOR.match(value):
        raise ReadinessError(f"not a colour: {value!r}; write colours as #rrggbb")
    return Markup(value.lower())


def humanize(value: str) -> str:
    """An id as words (`test_before_invest` as `test before invest`), for values no catalogue names."""
    return str(value).replace("_", " ").replace("-", " ")


def _charts(report: Report, fmt: Formatter) -> dict[str, Any]:
    """The charts of this report, as markup the templates place."""
    catalogue = translations(report.lang)
    _ = catalogue.gettext
    colors = report.brand.colors
    palette = charts.Palette(colors["primary"], colors["accent"], colors["text"], colors["muted"])
    axes = [(d.label, d.score, fmt.number(d.score)) for d in report.dimensions]
    as_of_label = _("As of %(date)s") % {"date": fmt.date(report.as_of, "medium")}

    def timeline(milestones: Sequence[Any], title: str, width_mm: float = 170) -> Markup:
        points = [
            TimelinePoint(m.date, (fmt.date(m.date, "medium"), _caption(m.titles, catalogue)), m.upcoming)
            for m in milestones
        ]
        return Markup(
            timeline_chart(points, report.as_of, as_of_label, palette, title=title, width_mm=width_mm)
        )

    system_timelines = {
        system.name: timeline(
            milestones(system.obligations, report.as_of),
            _("AI Act dates for %(name)s") % {"name": system.name},
            width_mm=150,
        )
        for system in report.ai_act.systems
        if system.obligations
    }
    return {
        "radar": Markup(charts.radar_chart(axes, palette, title=_("Readiness by dimension"), width_mm=82))
        if len(axes) >= 3
        else None,
        "bars": Markup(
            charts.bar_chart(axes, palette, title=_("Scores by dimension"), marks=(25, 50, 75), width_mm=108)
        ),
        "timeline": timeline(report.ai_act.milestones, _("AI Act dates that matter to you"))
        if report.ai_act.milestones
        else None,
        "systems": system_timelines,
    }


def _caption(titles: Sequence[str], catalogue: NullTranslations) -> str:
    """A milestone's caption: its one obligation's title (the chart fits it), or how many start then."""
    if len(titles) == 1:
        return titles[0]
    return catalogue.ngettext("%(count)d obligation", "%(count)d obligations", len(titles)) % {
        "count": len(titles)
    }
