"""The report as plain text, for a terminal and for the body of an e-mail: every section of the PDF.

Same model, same catalogues, same labels as the HTML; a template of its own (`report.txt.j2`). The
template marks paragraphs with the `para` filter, which wraps them at 78 columns with the indent given;
what comes out is plain UTF-8 without markup, and no line is longer than 78 characters unless one word
(a web address) is.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment

from readiness.questionnaire.model import tr
from readiness.report.html import jinja_environment, template_dirs
from readiness.report.i18n import Formatter, translations
from readiness.report.model import Report

TEMPLATE = "report.txt.j2"
WIDTH = 78
_BLANKS = re.compile(r"\n{3,}")
_SPACE = re.compile(r"\s+")


def render_text(report: Report, *, templates: Sequence[Path] = ()) -> str:
    """The whole report as plain text wrapped at 78 columns."""
    env = _environment(template_dirs(templates), report.lang)
    text = env.get_template(TEMPLATE).render(
        report=report,
        brand=report.brand,
        fmt=Formatter(report.lang),
        text=lambda value: tr(value, report.lang),
    )
    lines = [line.rstrip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def para(value: object, indent: int = 0, first: str = "") -> str:
    """`value` as one paragraph wrapped at 78 columns, indented by `indent`, its first line led by
    `first` (a number or a bullet), which the following lines are indented past."""
    words = _SPACE.sub(" ", str(value)).strip()
    lead = " " * indent + first
    return (
        textwrap.fill(
            words,
            width=WIDTH,
            initial_indent=lead,
            subsequent_indent=" " * len(lead),
            break_long_words=False,
            break_on_hyphens=False,
        )
        or lead.rstrip()
    )


def heading(value: object, underline: str = "=") -> str:
    """A heading underlined to its length."""
    title = str(value)
    return f"{title}\n{underline * len(title)}"


@cache
def _environment(folders: tuple[Path, ...], lang: str) -> Environment:
    env = jinja_environment(folders, translations(lang), autoescape=False)
    env.filters["para"] = para
    env.filters["heading"] = heading
    return env
