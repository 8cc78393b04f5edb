"""Rendering a page: the Jinja2 setup the report uses, the app's own catalogue, and what every page knows.

Templates are `readiness/web/templates/*.html.j2`, with the report's templates behind them so that a
page can import the report's names for ids (`partials/labels.html.j2`: risk classes, roles, support
kinds) instead of naming them a second time. The app's words fall back to the report's catalogue.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from starlette.requests import Request
from starlette.responses import HTMLResponse

from readiness.content import builtin_dir
from readiness.questionnaire.model import tr
from readiness.report.html import html_environment
from readiness.report.i18n import Formatter
from readiness.report.i18n import translations as report_translations
from readiness.web import urls
from readiness.web.i18n import language_name, translations
from readiness.web.static import static_url

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The app's words in `lang`, then the report's, then English."""
    own = translations(lang)
    base = report_translations(lang)
    if own is not base:
        own.add_fallback(base)
    return own


@cache
def environment(lang: str) -> Environment:
    """The page environment for one language, kept for the life of the process."""
    env = html_environment((TEMPLATES, builtin_dir("templates").resolve()), catalogue(lang))
    env.globals["static"] = static_url
    env.globals["language_name"] = language_name
    env.globals["urls"] = urls
    return env


def gettext_for(lang: str) -> Any:
    """`_` for Python code that makes text for a page (form errors, estimates)."""
    return catalogue(lang).gettext


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The page `template` for this request, in the request's language, with what every page shows."""
    lang: str = request.state.lang
    session = request.state.session
    values = {
        "request": request,
        "lang": lang,
        "languages": request.app.state.services.languages,
        "csrf": session.csrf if session else "",
        "user": session.user if session else None,
        "login": request.app.state.services.settings.login,
        "text": lambda value: tr(value, lang),
        "fmt": Formatter(lang),
        "here": request.url.path,
        **context,
    }
    html = environment(lang).get_template(template).render(values)
    return HTMLResponse(html, status_code=status)
