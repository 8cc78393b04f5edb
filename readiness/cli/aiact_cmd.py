"""`readiness aiact classify` and `readiness aiact docs`: the AI Act engine on its own, for a register."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from readiness.cli.language import allow_incomplete_option, check_language
from readiness.cli.options import brand_option, check_lang, lang_option
from readiness.errors import ReadinessError, display_path

if TYPE_CHECKING:
    from readiness.assessment import Assessment

F = TypeVar("F", bound=Callable[..., Any])


def with_drafts_option(func: F) -> F:
    """`--with-drafts`: the AI Act documents, drafted beside the report (for `assess` and `report`)."""
    return click.option(
        "--with-drafts",
        "with_drafts",
        is_flag=True,
        help="Also write prefilled drafts of the documents the AI Act asks for (AI literacy plan, deployer "
        "checklist, FRIA, ...) to <report>-drafts/, as Markdown and DOCX, in the report's language.",
    )(func)


def write_report_drafts(assessment: Assessment, report: Path, lang: str, brand_path: Path | None) -> None:
    """Draft the AI Act documents for an assessed company into `<report>-drafts/` and say where."""
    from readiness.aiact import Register, register_from_data
    from readiness.aiact.drafts import build_drafts, write_drafts
    from readiness.answers import register_data

    answers = assessment.answers
    register = (
        register_from_data(register_data(answers), "answers")
        if answers.ai_systems
        else Register("answers", (), company_name=assessment.company.name)
    )
    if assessment.ai_act is None:
        return
    drafts = build_drafts(register, assessment.ai_act, lang)
    folder = report.with_name(f"{report.stem}-drafts")
    written = write_drafts(
        drafts, folder, ("md", "docx"), brand_path=brand_path, lang=lang, as_of=assessment.as_of
    )
    where = display_path(folder)
    click.echo(f"{len(drafts)} AI Act draft(s) written to {where} (start with {written.index.name})")
    _say_kept(written.kept)


def _say_kept(kept: list[Path]) -> None:
    """Tell which edited drafts were left alone, so nobody wonders why a file did not change."""
    if kept:
        click.echo(
            f"kept {len(kept)} draft file(s) that differ from a fresh draft, since they may hold your own "
            f"work (first: {display_path(kept[0])}); delete them, or use `readiness aiact docs --force`, "
            "to write them again",
            err=True,
        )


@click.group()
def aiact() -> None:
    """EU AI Act: risk class, role, obligations and dates for each AI system. Not legal advice."""


@aiact.command()
@click.argument("register", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Report on this date (default: the register's as_of, else today).",
)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "md", "json"]), default="text", show_default=True
)
@lang_option
@allow_incomplete_option
def classify(
    register: Path, as_of: str | None, output_format: str, lang: str | None, allow_incomplete: bool
) -> None:
    """Classify every AI system in REGISTER (a YAML file; see `readiness schema aiact-register`).

    For each system: its role, risk class (prohibited, high, limited, minimal, out_of_scope) with the
    article and answer behind it, and each obligation with the date it applies from and whether it
    applies on the --as-of date.
    """
    from readiness.aiact import classify_systems, load_register
    from readiness.aiact.render import render_markdown, render_text

    loaded = load_register(register)
    from readiness.l10n.require import aiact_parts

    lang = lang or "en"
    check_language(lang, allow_incomplete=allow_incomplete, report=False, extra=aiact_parts(lang))
    date = _parse_date(as_of) if as_of else loaded.as_of or datetime.date.today()
    assessment = classify_systems(loaded, date)
    if output_format == "json":
        click.echo(json.dumps(assessment.as_dict(lang), indent=2, ensure_ascii=False))
    elif output_format == "md":
        click.echo(render_markdown(assessment, lang), nl=False)
    else:
        click.echo(render_text(assessment, lang), nl=False)


@aiact.command()
@click.argument("register", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("drafts"),
    show_default=True,
    help="The folder to write the drafts to (made if missing; drafts you edited in it are kept).",
)
@click.option(
    "--lang",
    metavar="CODE",
    callback=check_lang,
    help="Language of the drafts (default: the register's company.language, else en).",
)
@allow_incomplete_option
@click.option(
    "--format",
    "formats",
    type=click.Choice(["md", "docx", "pdf"]),
    multiple=True,
    help="md, docx or pdf; repeat for several (default: md and docx).",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="The date the drafts are made for (default: the register's as_of, else today).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace draft files that exist with other content (by default they are kept: they may hold your "
    "own work).",
)
@brand_option
def docs(
    register: Path,
    out: Path,
    lang: str | None,
    formats: tuple[str, ...],
    as_of: str | None,
    force: bool,
    allow_incomplete: bool,
    brand_path: Path | None,
) -> None:
    """Write drafts of the documents the AI Act asks for, prefilled from REGISTER.

    For each AI system and role, and once for the company, whichever apply: the AI literacy plan, the
    deployer checklist, the fundamental rights impact assessment and its notification, the record of a
    derogation, the registration data for the EU database, transparency notices and the serious incident
    report. Each says which article it serves, what the register filled in and what you must still add.
    Writes an index.md to start from. Not legal advice.
    """
    from readiness.aiact import classify_systems, load_register
    from readiness.aiact.drafts import build_drafts, write_drafts

    loaded = load_register(register)
    date = _parse_date(as_of) if as_of else loaded.as_of or datetime.date.today()
    from readiness.l10n.require import aiact_parts

    language = lang or loaded.company_language or "en"
    parts = aiact_parts(language, drafts=True)
    check_language(language, allow_incomplete=allow_incomplete, report=False, extra=parts)
    assessment = classify_systems(loaded, date)
    drafts = build_drafts(loaded, assessment, language)
    written = write_drafts(
        drafts, out, formats or ("md", "docx"), brand_path=brand_path, force=force, lang=language, as_of=date
    )
    for path in [written.index, *written.files]:
        click.echo(f"wrote {display_path(path)}")
    _say_kept(written.kept)
    start = display_path(written.index)
    click.echo(f"{len(drafts)} draft(s) in {display_path(out)}; start with {start}", err=True)


def _parse_date(value: str) -> datetime.date:
    from readiness.cli.options import check_as_of

    try:
        if len(value) != 10:
            raise ValueError(value)
        date = datetime.date.fromisoformat(value)
    except ValueError:
        raise ReadinessError(f"--as-of '{value}' is not a date in the form YYYY-MM-DD") from None
    try:
        return check_as_of(date)
    except click.BadParameter as exc:
        raise ReadinessError(f"--as-of {exc.message}") from None
