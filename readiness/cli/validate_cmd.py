"""`readiness validate`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from readiness.cli.options import format_option, questionnaires_option


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@questionnaires_option
@format_option("text", "json", default="text")
def validate(paths: tuple[Path, ...], questionnaire_dirs: tuple[Path, ...], output_format: str) -> None:
    """Check questionnaires and content files; every problem as path:line:col.

    With no PATHS, checks every questionnaire on the search path and the built-in AI Act catalogue and
    support directory. Exits 0 when clean, 1 when problems were found, 2 on usage errors.
    """
    from readiness.content_checks import extra_checks
    from readiness.validation import validate_paths

    report = validate_paths(paths, questionnaire_dirs, extra_checks())
    if output_format == "json":
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for problem in report.problems:
            click.echo(str(problem))
        for ref, languages in sorted(report.coverage.items()):
            shares = ", ".join(f"{lang} {share:g}%" for lang, share in languages.items())
            click.echo(f"{ref}: translations {shares}", err=True)
        if report.languages:
            shares = ", ".join(f"{lang} {share:g}%" for lang, share in report.languages.items())
            click.echo(f"languages of the program: {shares} (readiness translations status)", err=True)
        warnings = len(report.problems) - len(report.errors)
        verdict = f"{len(report.errors)} problem(s)" if report.errors else "no problems"
        if warnings:
            verdict += f", {warnings} warning(s)"
        click.echo(f"{len(report.files)} file(s) checked: {verdict}", err=True)
    if not report.ok:
        raise click.exceptions.Exit(1)
