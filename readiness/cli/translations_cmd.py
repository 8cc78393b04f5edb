"""`readiness translations status|extract`: how complete each language is, and the catalogues to fill."""

from __future__ import annotations

import json

import click

from readiness.cli.options import format_option


@click.group()
def translations() -> None:
    """The languages the program speaks: coverage per text source, and the catalogues a translator fills.

    See docs/authoring.md, "Adding a language" and "Reviewing a language".
    """


@translations.command("status")
@click.option("--lang", "languages", multiple=True, metavar="CODE", help="Only this language (repeatable).")
@click.option("--missing", is_flag=True, help="List every text still to translate, with where it is written.")
@format_option("table", "json", default="table")
def status_command(languages: tuple[str, ...], missing: bool, output_format: str) -> None:
    """Translated share of every text source (questionnaires, AI Act catalogue and drafts, directory,
    brand, the report's, hub documents' and browser app's catalogues, the pipeline's sentences) per language.

    A language is offered where all of it is translated; `--lang de --missing` lists what is still open.
    """
    from readiness.l10n.languages import tool_languages
    from readiness.l10n.status import language_status

    wanted = [lang.lower() for lang in languages] or [lang for lang in tool_languages() if lang != "en"]
    statuses = [language_status(lang) for lang in wanted]
    if output_format == "json":
        click.echo(
            json.dumps([s.as_dict(with_missing=missing) for s in statuses], indent=2, ensure_ascii=False)
        )
        return
    from rich.console import Console
    from rich.table import Column, Table

    console = Console()
    for state in statuses:
        title = f"{state.lang}: {state.share:g}% ({state.done:,} of {state.total:,} texts)"
        if state.lang not in tool_languages():
            title += f"; not spoken yet (start it: translations extract --lang {state.lang})"
        elif not state.complete:
            title += "; not complete, so not offered"
        table = Table(
            Column("source", no_wrap=True),
            Column("translated", justify="right", no_wrap=True),
            Column("%", justify="right"),
            Column("catalogue", overflow="fold"),
            title=title,
            title_justify="left",
        )
        for part in state.parts:
            table.add_row(part.name, f"{part.done:,} / {part.total:,}", f"{part.share:g}", state.where(part))
        console.print(table)
        if missing:
            for part in state.parts:
                for item in part.missing:
                    click.echo(f"{item.where}: [{part.name}] msgctxt {item.context!r}: {item.english}")


@translations.command("extract")
@click.option("--lang", required=True, metavar="CODE", help="The language to write catalogues for, e.g. de.")
def extract_command(lang: str) -> None:
    """Write or update every catalogue of one language from the current English.

    Creates readiness/locale/CODE/ (language.yaml, messages.po) and a locale/CODE.po beside every content
    folder, and runs Babel's init or update on the report's, hub documents' and browser app's catalogues.
    Existing translations are kept; one whose English changed is marked fuzzy and not shown until reviewed.
    """
    from readiness.l10n.extract import extract
    from readiness.l10n.sources import all_sources

    lang = lang.lower()
    written = extract(lang, all_sources())
    for item in written:
        state = f"{item.open:,} of {item.total:,} to translate" if item.open else f"{item.total:,} translated"
        click.echo(f"wrote {item.path} ({state})")
    click.echo(f"Next: translate, then check with: readiness translations status --lang {lang}", err=True)
