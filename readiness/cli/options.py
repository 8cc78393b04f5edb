"""Options shared by several commands, written once (the sqlite-utils habit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def questionnaires_option(func: F) -> F:
    """`--questionnaires DIR`, repeatable: user folders of questionnaires, which win over built-in ones."""
    return click.option(
        "--questionnaires",
        "questionnaire_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A folder of your own questionnaires (repeatable); also READINESS_QUESTIONNAIRES.",
    )(func)


def format_option(*choices: str, default: str) -> Callable[[F], F]:
    """`--format` with the given choices."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate


# The dates an assessment can be made for: the AI Act's rules and the directory begin in 2024, and a
# report's fonts and PDF dates cannot go before 1904 (TrueType's epoch); 2100 bounds a typo like 20026.
FIRST_AS_OF = "2024-01-01"
LAST_AS_OF = "2100-12-31"


def as_of_option(func: F) -> F:
    """`--as-of DATE`: the date every date-dependent result is computed for (default: today)."""
    return click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        callback=lambda _ctx, _param, value: check_as_of(value.date()) if value else _today(),
        help=f"Compute date-dependent results for this date (YYYY-MM-DD, {FIRST_AS_OF} to {LAST_AS_OF}; "
        "default: today).",
    )(func)


def check_as_of(date: Any) -> Any:
    """`date` when an assessment can be made for it; a usage error saying the range otherwise."""
    import datetime as dt

    if not dt.date.fromisoformat(FIRST_AS_OF) <= date <= dt.date.fromisoformat(LAST_AS_OF):
        raise click.BadParameter(
            f"{date.isoformat()} is outside the dates an assessment can be made for: "
            f"{FIRST_AS_OF} to {LAST_AS_OF}"
        )
    return date


def lang_option(func: F) -> F:
    """`--lang CODE`: the output language (default: the language in the answers file, else English)."""
    return click.option(
        "--lang", default=None, metavar="CODE", callback=check_lang, help="Output language, e.g. en or nl."
    )(func)


def check_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A language code Babel knows, in lower case (whether the program speaks it is checked later)."""
    if value is None:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError):
        raise click.BadParameter(
            f"'{value}' is not a language code; use a two-letter code such as en or nl"
        ) from None
    return value.lower()


def _today() -> Any:
    import datetime as dt

    return dt.date.today()


def report_options(func: F) -> F:
    """`--brand`, `--pdfa` and `--templates`: how a report looks, for every command that writes one."""
    func = click.option(
        "--templates",
        "template_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A folder of your own report templates (repeatable); its files win over the built-in ones.",
    )(func)
    func = click.option("--pdfa", is_flag=True, help="Write PDF/A-3b, for archiving.")(func)
    return brand_option(func)


def brand_option(func: F) -> F:
    """`--brand FILE`: the hub's name, logo, colours, contact block and footer."""
    return click.option(
        "--brand",
        "brand_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A brand YAML: name, logo, colours, contact, footer (see `readiness schema brand`).",
    )(func)


def include_unconfirmed_option(func: F) -> F:
    """`--include-unconfirmed`: also show support not yet confirmed on an official page (marked as such)."""
    return click.option(
        "--include-unconfirmed",
        is_flag=True,
        help="Also show support not yet confirmed on an official page (each marked as such).",
    )(func)
