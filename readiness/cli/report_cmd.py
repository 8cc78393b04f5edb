"""`readiness report`: re-render saved answers (or an earlier report PDF) without asking anything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from readiness.cli.options import format_option, questionnaires_option
from readiness.errors import ReadinessError, display_path


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help="The report file (one input) or a folder for them; default reports/<company>.<format>.",
)
@format_option("pdf", "html", "md", "json", default="pdf")
@click.option("--lang", help="Report language, e.g. nl (default: the language in the answers file).")
@click.option(
    "--brand",
    "brand_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A brand YAML: name, logo, colours, contact, footer (see `readiness schema brand`).",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Assess as on this date (YYYY-MM-DD; default today). Same input and date give the same report.",
)
@click.option("--pdfa", is_flag=True, help="Write PDF/A-3b, for archiving.")
@click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of your own report templates (repeatable); its files win over the built-in ones.",
)
@questionnaires_option
def report(
    inputs: tuple[Path, ...],
    out: Path | None,
    output_format: str,
    lang: str | None,
    brand_file: Path | None,
    as_of: dt.datetime | None,
    pdfa: bool,
    template_dirs: tuple[Path, ...],
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """Make reports from answers files or earlier report PDFs, without asking anything.

    An INPUT is an answers YAML, or a report PDF made by readiness: the answers embedded in it are read
    back and assessed again, with today's rules. Writes one report per input.
    """
    from readiness.answers import load_answers
    from readiness.questionnaire.registry import Registry
    from readiness.report.brand import load_brand
    from readiness.report.extract import answers_from_pdf, is_pdf
    from readiness.report.model import build_report
    from readiness.report.output import report_path, write_report

    if len(inputs) > 1 and out is not None and out.suffix and not out.is_dir():
        raise ReadinessError("with several inputs, --out must be a folder")
    brand = load_brand(brand_file)
    registry = Registry.default(questionnaire_dirs)
    day = as_of.date() if as_of else dt.date.today()
    written: set[Path] = set()
    for source in inputs:
        raw = answers_from_pdf(source) if is_pdf(source) else None
        loaded = load_answers(source, registry, raw=raw)
        language = lang or str(loaded.answers.company.get("language") or "en")
        assessment = assess(loaded, day, language)
        model = build_report(
            assessment, loaded.questionnaire, loaded.document.data, loaded.raw, language, brand
        )
        target = report_path(out, model.company.name, output_format, taken=written)
        write_report(model, target, output_format, templates=template_dirs, pdfa=pdfa)
        written.add(target)
        click.echo(f"wrote {display_path(target)}")


def assess(loaded: Any, as_of: dt.date, lang: str) -> dict[str, Any]:
    """The documented assessment result for one loaded answers file: the pipeline's one entry point here."""
    from readiness.assessment import run_assessment

    return run_assessment(loaded.questionnaire, loaded.answers, as_of).as_dict(lang)
