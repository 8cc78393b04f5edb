"""`readiness preview`: a questionnaire as a clean printable document."""

from __future__ import annotations

from pathlib import Path

import click

from readiness.cli.options import brand_option, questionnaires_option
from readiness.errors import ReadinessError, display_path


@click.command()
@click.argument("questionnaire_ref", metavar="QUESTIONNAIRE[@VERSION]")
@click.option("--lang", default="en", show_default=True, help="The language to print it in, e.g. nl.")
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
    from readiness.preview import build_preview
    from readiness.questionnaire.registry import Registry
    from readiness.report.brand import load_brand

    registry = Registry.default(questionnaire_dirs)
    questionnaire = registry.load(questionnaire_ref)
    refuse_inputs([out], [registry.path(questionnaire.id, questionnaire.version), brand_path])
    if lang not in questionnaire.languages:
        raise ReadinessError(
            f"{questionnaire.ref} is written in {', '.join(questionnaire.languages)}, not '{lang}'"
        )
    model = build_preview(questionnaire, lang, translations(lang).gettext)
    brand = load_brand(brand_path)
    html = render_html("preview.html.j2", lang=lang, brand=brand, preview=model)
    write_document(out, html, brand=brand, as_of=dt.date.today())
    click.echo(
        f"wrote {display_path(out)} ({model.questions} questions in {len(model.sections)} sections)",
        err=is_stdout(out),
    )
