"""`readiness cohort`: one overview of many companies for the hub (PDF and JSON), without their answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from readiness.cli.language import allow_incomplete_option, check_language
from readiness.cli.options import as_of_option, brand_option, lang_option, questionnaires_option
from readiness.errors import EXIT_PROBLEMS, ReadinessError, display_path


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "-o",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("cohort.pdf"),
    show_default=True,
    help="The overview (PDF, or HTML by its suffix); its JSON is written beside it. - writes the PDF "
    "to standard output, without the JSON.",
)
@click.option("--anonymise", is_flag=True, help="Number the companies instead of naming them.")
@lang_option
@allow_incomplete_option
@brand_option
@as_of_option
@questionnaires_option
def cohort(
    inputs: tuple[Path, ...],
    out: Path,
    anonymise: bool,
    lang: str | None,
    allow_incomplete: bool,
    brand_path: Path | None,
    as_of: dt.date,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """An overview of the companies in INPUT...: levels, sectors, scores per dimension, common gaps, the
    AI Act risk mix and dates ahead, and the support most often recommended.

    INPUT is what `readiness batch` reads: answers files, report PDFs, folders, CSV or XLSX tables.
    An input that cannot be assessed is named with its reason and left out; the exit code is then 1.
    """
    from readiness.assessment import run_assessment
    from readiness.atomic import is_stdout, refuse_inputs
    from readiness.batch.inputs import expand_inputs, load_input
    from readiness.hubdocs.cohort_doc import write_cohort
    from readiness.questionnaire.registry import Registry

    registry = Registry.default(questionnaire_dirs)
    expanded = expand_inputs(inputs, registry)
    refuse_inputs([out, out.with_suffix(".json")], [*(i.path for i in expanded.items), brand_path])
    questionnaires = []
    results: list[dict[str, Any]] = []
    failed = 0
    for item in expanded.items:
        try:
            if item.reason:
                raise ReadinessError(item.reason)
            loaded = load_input(item, registry)
            questionnaires.append(loaded.questionnaire)
            results.append(run_assessment(loaded.questionnaire, loaded.answers, as_of).as_dict(lang or "en"))
        except ReadinessError as exc:
            failed += 1
            click.echo(f"left out {item.label}:\n  " + exc.message.replace("\n", "\n  "), err=True)
    if not results:
        raise ReadinessError("no input could be assessed; nothing to make an overview of")
    check_language(
        lang or "en", allow_incomplete=allow_incomplete, questionnaires=questionnaires, hubdocs=True
    )
    written = write_cohort(
        results, out, lang=lang or "en", brand_path=brand_path, as_of=as_of, anonymise=anonymise
    )
    for path in written:
        click.echo(f"wrote {display_path(path)}", err=is_stdout(out))
    click.echo(f"{len(results)} companies" + (f", {failed} left out" if failed else ""), err=is_stdout(out))
    if failed:
        raise click.exceptions.Exit(EXIT_PROBLEMS)
