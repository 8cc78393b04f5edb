"""`readiness preview`: a questionnaire as a clean printable document."""

from __future__ import annotations

from pathlib import Path

import click

from readiness.cli.language import allow_incomplete_option, check_language
from readiness.cli.options import brand_option, check_lang, questionnaires_option
from readiness.errors import display_path


@click.command()
@click.argument("questionnaire_ref", metavar="QUESTIONNAIRE[@VERSION]")
@click.option(
    "--lang",
    default="en",
    show_default=True,
    callback=check_lang,
    help="The language to print it in, e.g. nl.",
)
@allow_incomplete_option
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The document: .pdf, or .html for a browser; - writes the PDF to standard output.",
)
@brand_option
@questionnaires_option
def preview(
    questionnaire_ref: str,
    lang: str,
    allow_incomplete: bool,
    out: Path,
    brand_path: Path | None,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """Print QUESTIONNAIRE (default: its newest version) for interviews on paper or for review: its
    sections, questions, options with boxes to tick, and every condition in words.
    """
    import datetime as dt

    from readiness.atomic import is_stdout, refuse_inputs
    from readiness.hubdocs.i18n import translations
    from readiness.hubdocs.render import render_html, write_document
    from readiness.l10n.require import catalogue_parts
    from readiness.preview import build_preview
    from readiness.questionnaire.registry import Registry
    from readiness.report.brand import load_brand

    registry = Registry.default(questionnaire_dirs)
    questionnaire = registry.load(questionnaire_ref)
    refuse_inputs([out], [registry.path(questionnaire.id, questionnaire.version), brand_path])
    check_language(
        lang,
        allow_incomplete=allow_incomplete,
        questionnaires=[questionnaire],
        report=False,
        extra=catalogue_parts(lang, "hubdocs"),
    )
    model = build_preview(questionnaire, lang, translations(lang).gettext)
    brand = load_brand(brand_path)
    html = render_html("preview.html.j2", lang=lang, brand=brand, preview=model)
    write_document(out, html, brand=brand, as_of=dt.date.today())
    click.echo(
        f"wrote {display_path(out)} ({model.questions} questions in {len(model.sections)} sections)",
        err=is_stdout(out),
    )
