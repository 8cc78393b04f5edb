"""`readiness report`: re-render saved answers (or an earlier report PDF) without asking anything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from readiness.cli.aiact_cmd import with_drafts_option, write_report_drafts
from readiness.cli.language import allow_incomplete_option, check_language
from readiness.cli.options import (
    as_of_option,
    format_option,
    include_unconfirmed_option,
    lang_option,
    questionnaires_option,
    report_options,
)
from readiness.errors import ReadinessError, display_path


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    help="The report file (one input) or a folder for them; default reports/<company>.<format>.",
)
@format_option("pdf", "html", "md", "json", "text", default="pdf")
@lang_option
@allow_incomplete_option
@as_of_option
@report_options
@include_unconfirmed_option
@questionnaires_option
@with_drafts_option
def report(
    inputs: tuple[Path, ...],
    out: Path | None,
    output_format: str,
    lang: str | None,
    allow_incomplete: bool,
    as_of: dt.date,
    brand_path: Path | None,
    pdfa: bool,
    template_dirs: tuple[Path, ...],
    include_unconfirmed: bool,
    questionnaire_dirs: tuple[Path, ...],
    with_drafts: bool,
) -> None:
    """Make reports from answers files or earlier report PDFs, without asking anything.

    An INPUT is an answers YAML, or a report PDF made by readiness: the answers embedded in it are read
    back and assessed again, with today's rules. Writes one report per input.
    """
    from readiness.answers import load_answers
    from readiness.assessment import run_assessment
    from readiness.atomic import is_stdout, refuse_inputs
    from readiness.questionnaire.registry import Registry
    from readiness.report.brand import load_brand
    from readiness.report.extract import answers_from_pdf, is_pdf
    from readiness.report.output import report_path, write_assessment

    if len(inputs) > 1 and out is not None and (is_stdout(out) or (out.suffix and not out.is_dir())):
        raise ReadinessError("with several inputs, --out must be a folder")
    brand = load_brand(brand_path)
    registry = Registry.default(questionnaire_dirs)
    written: set[Path] = set()
    failed = 0
    for source in inputs:
        try:
            raw = answers_from_pdf(source) if is_pdf(source) else None
            loaded = load_answers(source, registry, raw=raw)
            target = report_path(out, str(loaded.answers.company["name"]), output_format, taken=written)
            refuse_inputs([target], [*inputs, brand_path])
            language = lang or str(loaded.answers.company.get("language") or "en")
            check_language(
                language,
                allow_incomplete=allow_incomplete,
                questionnaires=[loaded.questionnaire],
                brand=brand,
                drafts=with_drafts,
            )
            assessment = run_assessment(
                loaded.questionnaire,
                loaded.answers,
                as_of,
                include_unconfirmed=include_unconfirmed,
                issuer=brand.issuer,
            )
            write_assessment(
                assessment,
                loaded.raw,
                target,
                output_format,
                lang=language,
                brand=brand,
                templates=template_dirs,
                pdfa=pdfa,
            )
            if with_drafts:
                write_report_drafts(assessment, target, language, brand_path)
        except ReadinessError as exc:
            if len(inputs) == 1:
                raise
            # One bad input never stops the others: say why it failed and go on.
            failed += 1
            click.echo(f"failed {display_path(source)}:\n  " + exc.message.replace("\n", "\n  "), err=True)
            continue
        written.add(target)
        click.echo(f"wrote {display_path(target)}", err=is_stdout(target))
    if failed:
        raise ReadinessError(f"{failed} of {len(inputs)} inputs could not be reported; see above")
