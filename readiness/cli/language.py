"""The output language of a command: refused when the texts it needs are not all translated, unless the
user asks for English in their place (`--allow-incomplete-language`), and then said which fell back."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def allow_incomplete_option(func: F) -> F:
    """`--allow-incomplete-language`: make the output in a language not fully translated yet."""
    return click.option(
        "--allow-incomplete-language",
        "allow_incomplete",
        is_flag=True,
        help="Use a language whose texts are not all translated yet; the missing ones are shown in English "
        "(the command says which).",
    )(func)


def check_language(
    lang: str,
    *,
    allow_incomplete: bool,
    questionnaires: Iterable[Any] = (),
    brand: Any = None,
    report: bool = True,
    drafts: bool = False,
    hubdocs: bool = False,
    web: bool = False,
    extra: Iterable[Any] = (),
) -> None:
    """Refuse `lang` unless everything the command will show is translated (see readiness.l10n.require);
    with the fallback allowed, print once which texts will be in English."""
    from readiness.l10n.require import brand_part, questionnaire_part, require_language, shipped_parts
    from readiness.l10n.texts import SOURCE_LANGUAGE

    if lang == SOURCE_LANGUAGE:
        return
    parts = [questionnaire_part(q, lang) for q in {id(q): q for q in questionnaires}.values()]
    if brand is not None:
        own = brand_part((brand.tagline, brand.footer), brand.name, lang)
        parts += [own] if own is not None else []
    if report:
        parts += shipped_parts(lang, drafts=drafts, hubdocs=hubdocs, web=web)
    parts += list(extra)
    fallback = require_language(lang, parts, allow_incomplete=allow_incomplete)
    if fallback is not None:
        # Said once per run, however many reports a batch makes in the language.
        warned = click.get_current_context().meta.setdefault("readiness.language_warnings", set())
        key = (lang, *sorted(p.name for p in fallback.parts))
        if key not in warned:
            warned.add(key)
            click.echo(fallback.warning(), err=True)
