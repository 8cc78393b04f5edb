"""`readiness template csv|xlsx`: an empty answers table for hubs that collect answers in spreadsheets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from readiness.cli.language import allow_incomplete_option, check_language
from readiness.cli.options import check_lang, questionnaires_option
from readiness.errors import ReadinessError, display_path

if TYPE_CHECKING:
    from readiness.questionnaire.model import Questionnaire


@click.group()
def template() -> None:
    """Empty tables to fill in and give to `readiness batch`."""


def _options(func: click.decorators.FC) -> click.decorators.FC:
    func = click.argument("questionnaire_ref", metavar="QUESTIONNAIRE[@VERSION]")(func)
    func = click.option(
        "--out",
        "-o",
        "out",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Where to write it (default: <questionnaire>-answers.<ext> here; - for standard output).",
    )(func)
    func = click.option(
        "--lang", default="en", show_default=True, callback=check_lang, help="Language of the question row."
    )(func)
    func = allow_incomplete_option(func)
    return questionnaires_option(func)


@template.command("csv")
@_options
def csv_template(
    questionnaire_ref: str,
    out: Path | None,
    lang: str,
    allow_incomplete: bool,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """A CSV file: column names, then a row of question texts with the values each column takes.

    Fill in one company per row from the third row on; leave a cell empty for an unanswered question.
    """
    from readiness.template_csv import template_csv

    questionnaire, source = _load(questionnaire_ref, questionnaire_dirs, lang, allow_incomplete)
    _write(out or Path(f"{questionnaire.id}-answers.csv"), template_csv(questionnaire, lang), source)


@template.command("xlsx")
@_options
def xlsx_template(
    questionnaire_ref: str,
    out: Path | None,
    lang: str,
    allow_incomplete: bool,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """The same table as an XLSX workbook, with the header frozen."""
    from readiness.template_csv import template_xlsx

    questionnaire, source = _load(questionnaire_ref, questionnaire_dirs, lang, allow_incomplete)
    _write(out or Path(f"{questionnaire.id}-answers.xlsx"), template_xlsx(questionnaire, lang), source)


def _load(
    ref: str, folders: tuple[Path, ...], lang: str, allow_incomplete: bool
) -> tuple[Questionnaire, Path]:
    """The questionnaire to make a table for and its file; a module (asked only inside questionnaires)
    is refused."""
    from readiness.questionnaire.registry import Registry

    registry = Registry.default(folders)
    questionnaire = registry.load(ref)
    if questionnaire.kind != "questionnaire":
        raise ReadinessError(
            f"'{questionnaire.id}' is a module that questionnaires include, not a questionnaire"
        )
    from readiness.l10n.require import catalogue_parts

    check_language(
        lang,
        allow_incomplete=allow_incomplete,
        questionnaires=[questionnaire],
        report=False,
        extra=catalogue_parts(lang, "hubdocs"),
    )
    return questionnaire, registry.path(questionnaire.id, questionnaire.version)


def _write(target: Path, data: str | bytes, source: Path) -> None:
    from readiness.atomic import is_stdout, refuse_inputs, write_atomic

    refuse_inputs([target], [source])
    write_atomic(target, data)
    click.echo(f"wrote {display_path(target)}", err=is_stdout(target))
