"""`readiness hubs`: where a company can get help, from the command line, for consultants and companies.

Thin: it checks the options, calls the same matching the report uses, and prints a table or JSON. With
no country or region it lists the directory itself (filtered by kind and sector).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from readiness.cli.language import allow_incomplete_option, check_language
from readiness.company import SIZE_CLASSES, Company

if TYPE_CHECKING:
    from readiness.directory import SupportMatch, Vocabulary


class VocabularyChoice(click.ParamType):
    """A choice whose values come from the directory vocabulary, read only when the command runs."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.name = part

    def choices(self) -> list[str]:
        """The values the vocabulary allows (needs, kinds or languages)."""
        from readiness.directory import load_vocabulary

        vocab = load_vocabulary()
        return list(vocab.languages) if self.part == "languages" else list(vocab.data[self.part])

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self.choices()) + "]"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        """The value (comma-separated values allowed), each checked against the vocabulary."""
        from readiness.directory.inputs import check_choices

        check_choices([str(value)], self.choices(), self.part.rstrip("s"))
        return str(value).lower()


@click.command()
@click.option(
    "--country", "-c", default="", help="ISO 3166-1 alpha-2 code of the company's country, e.g. NL."
)
@click.option("--region", "-r", default="", help="NUTS code of the company's region, e.g. NL33.")
@click.option("--sector", "-s", default="", help="NACE Rev. 2 section (C) or division (C28 or 28).")
@click.option("--size", type=click.Choice(SIZE_CLASSES), default=None, help="Company size class.")
@click.option(
    "--need",
    "needs",
    multiple=True,
    type=VocabularyChoice("needs"),
    help="What the company needs (repeatable).",
)
@click.option(
    "--kind", "kinds", multiple=True, type=VocabularyChoice("kinds"), help="Only this kind (repeatable)."
)
@click.option("--high-risk", is_flag=True, help="The company has a high-risk AI system under the AI Act.")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", type=VocabularyChoice("languages"), default="en", show_default=True)
@allow_incomplete_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="At most this many entries [default: 12]."
)
@click.option(
    "--include-unconfirmed",
    is_flag=True,
    help="Also list entries not yet confirmed on an official page (marked as such).",
)
@click.option(
    "--directory",
    "extra_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder of your own directory entries (repeatable; also $READINESS_DIRECTORY).",
)
def hubs(
    country: str,
    region: str,
    sector: str,
    size: str | None,
    needs: tuple[str, ...],
    kinds: tuple[str, ...],
    high_risk: bool,
    output: str,
    lang: str,
    allow_incomplete: bool,
    limit: int | None,
    include_unconfirmed: bool,
    extra_dirs: tuple[Path, ...],
) -> None:
    """Where to get help: EDIHs, AI factories, TEFs, AI Act contacts and funding that fit a company.

    \b
    readiness hubs --country NL --sector C
    readiness hubs --country BE --region BE2 --need compute --need testing --format json
    readiness hubs --kind ai_factory
    """
    from readiness.directory import (
        browse_entries,
        check_country,
        check_region,
        country_of_region,
        load_directory,
        match_support,
    )
    from readiness.l10n.sources import directory_source

    check_language(
        lang, allow_incomplete=allow_incomplete, report=False, extra=[directory_source().part(lang)]
    )
    directory = load_directory(extra_dirs)
    vocab = directory.vocabulary
    company: Company | None = None
    if country or region:
        code = check_country(country or country_of_region(region) or region[:2], vocab)
        company = Company(
            name="",
            country=code,
            size=size or "",
            nace=sector,
            region=check_region(region, code, vocab) if region else "",
            language=lang,
        )

    def find(unconfirmed: bool) -> list[SupportMatch]:
        if company is None:
            return browse_entries(directory, kinds, sector, limit, include_unconfirmed=unconfirmed)
        return match_support(
            directory,
            company,
            needs,
            high_risk=high_risk,
            limit=limit or int(vocab.ranking["default_limit"]),
            kinds=kinds,
            include_unconfirmed=unconfirmed,
        )

    matches = find(include_unconfirmed)
    if output == "json":
        click.echo(json.dumps([m.as_dict(lang) for m in matches], ensure_ascii=False, indent=2))
    else:
        shown = {m.id for m in matches}
        hidden = (
            [] if include_unconfirmed else [m for m in find(True) if m.id not in shown and not m.confirmed]
        )
        _print_table(matches, vocab, company, lang, len(hidden))


def _print_table(
    matches: list[SupportMatch], vocab: Vocabulary, company: Company | None, lang: str, left_out: int
) -> None:
    """The matches as a rich table, then where companies like this one stand on AI use (Eurostat)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from readiness.directory import ai_use_context
    from readiness.directory.vocabulary import in_language

    def word(key: str, **values: str) -> str:
        return in_language(vocab.data["interface"][key], lang).format(**values)

    if company is None:
        title = word("title_browse", count=str(len(matches)))
    else:
        title = word("title_company", country=vocab.country_name(company.country, lang))
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(word("column_support"), ratio=2, overflow="fold")
    table.add_column(word("column_why"), ratio=3)
    for number, match in enumerate(matches, start=1):
        where = " · ".join(
            p
            for p in (vocab.kind_label(match.kind, lang), match.country, match.region_in(lang) or match.city)
            if p
        )
        support = (
            f"[bold]{escape(match.name_in(lang))}[/bold]\n{escape(where)}\n[cyan]{escape(match.link)}[/cyan]"
        )
        why = "\n".join(
            text for text in (in_language(t, lang) for t in (match.why, match.note, match.caution)) if text
        )
        table.add_row(str(number), support, escape(why))
    console = Console()
    console.print(table)
    if not matches:
        console.print(word("nothing_found"))
    if left_out:
        console.print(word("left_out", count=str(left_out)))
    if company is None:
        return
    figures = ai_use_context(company.country, company.size, company.nace)
    if figures:
        console.print(word("context_title"))
    for figure in figures:
        line = word(
            "context_line",
            label=in_language(figure["label"], lang),
            value=f"{figure['value']:g}",
            unit=figure["unit"],
            geo=figure["geo"],
            year=str(figure["year"]),
        )
        note = figure.get("note")
        console.print(f"  • {line}" + (f" ({in_language(note, lang)})" if note else ""), highlight=False)
