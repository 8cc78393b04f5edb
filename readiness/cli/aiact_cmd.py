"""`readiness aiact classify`: the AI Act engine on its own, for an AI system register."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import click

from readiness.errors import ReadinessError


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
@click.option(
    "--lang",
    type=click.Choice(["en", "nl"]),
    default="en",
    show_default=True,
    help="Language of titles and texts.",
)
def classify(register: Path, as_of: str | None, output_format: str, lang: str) -> None:
    """Classify every AI system in REGISTER (a YAML file; see `readiness schema aiact-register`).

    For each system: its role, risk class (prohibited, high, limited, minimal, out_of_scope) with the
    article and answer behind it, and each obligation with the date it applies from and whether it
    applies on the --as-of date.
    """
    from readiness.aiact import classify_systems, load_register
    from readiness.aiact.render import render_markdown, render_text

    loaded = load_register(register)
    date = _parse_date(as_of) if as_of else loaded.as_of or datetime.date.today()
    assessment = classify_systems(loaded, date)
    if output_format == "json":
        click.echo(json.dumps(assessment.as_dict(lang), indent=2, ensure_ascii=False))
    elif output_format == "md":
        click.echo(render_markdown(assessment, lang), nl=False)
    else:
        click.echo(render_text(assessment, lang), nl=False)


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
