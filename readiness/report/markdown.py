"""The report as Markdown, for pasting into a ticket, a wiki or an e-mail.

Same model, same catalogues, same labels as the HTML; a template of its own (`report.md.j2`). Markdown
renderers pass raw HTML through and give meaning to `*`, `_`, `[` and `|`, so every value printed is
escaped by default (Jinja's `finalize`), the way autoescape guards the HTML. Only links made here from
checked https URLs go out unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment

from readiness.questionnaire.model import tr
from readiness.report.html import jinja_environment, template_dirs
from readiness.report.i18n import Formatter, translations
from readiness.report.model import Report

TEMPLATE = "report.md.j2"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_SPACE = re.compile(r"\s+")
_URL = re.compile(r"^https?://[^\s<>()\[\]]+$")


class Verbatim(str):
    """Text that is already Markdown (a link made by `md_link`), printed as it is."""


def render_markdown(report: Report, *, templates: Sequence[Path] = ()) -> str:
    """The whole report as one Markdown document."""
    env = _environment(template_dirs(templates), report.lang)
    return env.get_template(TEMPLATE).render(
        report=report,
        brand=report.brand,
        fmt=Formatter(report.lang),
        text=lambda value: tr(value, report.lang),
    )


def md_escape(value: Any) -> Any:
    """A printed value with Markdown's and HTML's special characters escaped and line breaks flattened."""
    if isinstance(value, Verbatim) or value is None:
        return value
    text = _SPACE.sub(" ", value) if isinstance(value, str) else str(value)
    return _SPECIAL.sub(r"\\\1", text)


def md_link(url: str) -> Verbatim:
    """An autolink for an http(s) URL; anything else is printed as escaped text."""
    if _URL.match(url):
        return Verbatim(f"<{url}>")
    return Verbatim(md_escape(url))


@cache
def _environment(folders: tuple[Path, ...], lang: str) -> Environment:
    env = jinja_environment(folders, translations(lang), autoescape=False, finalize=md_escape)
    env.filters["md_link"] = md_link
    return env
