"""`readiness compare`: one company's progress between two assessments (T0 and T1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from readiness.cli.language import allow_incomplete_option, check_language
from readiness.cli.options import (
    as_of_option,
    brand_option,
    check_as_of,
    lang_option,
    questionnaires_option,
)
from readiness.errors import display_path


@click.command()
@click.argument("before", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("after", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "-o",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("progress.pdf"),
    show_default=True,
    help="The progress report: .pdf, .html or .json; - writes the PDF to standard output.",
)
@lang_option
@allow_incomplete_option
@brand_option
@as_of_option
@click.option(
    "--before-as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    callback=lambda _ctx, _param, value: check_as_of(value.date()) if value else None,
    help="Assess BEFORE as on this date (default: when its answers were last saved).",
)
@questionnaires_option
def compare(
    before: Path,
    after: Path,
    out: Path,
    lang: str | None,
    allow_incomplete: bool,
    brand_path: Path | None,
    as_of: dt.date,
    before_as_of: dt.date | None,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """Compare BEFORE (T0) with AFTER (T1) for one company: the change overall and per dimension,
    the questions that improved or slipped, AI Act obligations that started or stopped applying, and
    the recommendations that are new, still open or no longer made.

    Each is an answers file or a report PDF made by readiness (its embedded answers are read). Answers
    to an older questionnaire version are carried to the newer one through its migrations first.
    AFTER is assessed as of --as-of; BEFORE as of the date its answers were saved.
    """
    from readiness.atomic import is_stdout, refuse_inputs
    from readiness.hubdocs.progress_doc import progress, read_moment, write_progress
    from readiness.questionnaire.registry import Registry

    refuse_inputs([out], [before, after, brand_path])
    registry = Registry.default(questionnaire_dirs)
    t1 = read_moment(after, registry, as_of, as_of)
    t0 = read_moment(before, registry, before_as_of, as_of)
    language = lang or str(t1.loaded.answers.company.get("language") or "en")
    check_language(
        language,
        allow_incomplete=allow_incomplete,
        questionnaires=[t0.loaded.questionnaire, t1.loaded.questionnaire],
        hubdocs=True,
    )
    result = progress(t0, t1, registry, language)
    write_progress(result, out, lang=language, brand_path=brand_path, before=t0, after=t1)
    overall = result["overall"]
    if overall["delta"] is not None:
        click.echo(
            f"overall {overall['before']:g} -> {overall['after']:g} ({overall['delta']:+g})",
            err=is_stdout(out),
        )
    click.echo(f"wrote {display_path(out)}", err=is_stdout(out))
