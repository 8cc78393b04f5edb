"""`readiness questionnaires list|show`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from readiness.cli.options import format_option, questionnaires_option
from readiness.errors import ProblemsError


@click.group()
def questionnaires() -> None:
    """List and inspect the questionnaires on the search path."""


def _summaries(registry: Any, include_modules: bool) -> list[dict[str, Any]]:
    rows = []
    for qid in registry.ids():
        versions = registry.versions(qid)
        try:
            latest = registry.load(f"{qid}@{versions[-1]}")
        except ProblemsError as exc:
            # One broken file must not hide the others; validate tells the author what is wrong.
            click.echo(
                f"skipped {qid}@{versions[-1]}: {len(exc.problems)} problem(s); see `readiness validate`",
                err=True,
            )
            continue
        if latest.kind == "module" and not include_modules:
            continue
        summary = latest.summary()
        summary["kind"] = latest.kind
        summary["versions"] = versions
        summary["latest"] = summary.pop("version")
        coverage = _coverage(latest)
        # Offered in the languages it is complete in; `coverage` also shows the ones on their way.
        summary["languages"] = [lang for lang, share in coverage.items() if share == 100]
        summary["coverage"] = coverage
        rows.append(summary)
    return rows


def _coverage(questionnaire: Any) -> dict[str, float]:
    """Translated share of the questionnaire's texts (its modules too) in every language it declares
    and every language the program speaks."""
    from readiness.l10n.languages import tool_languages
    from readiness.l10n.require import questionnaire_part

    wanted = dict.fromkeys((*questionnaire.languages, *tool_languages()))
    return {lang: questionnaire_part(questionnaire, lang).share for lang in wanted}


@questionnaires.command("list")
@questionnaires_option
@format_option("table", "json", default="table")
@click.option("--modules", is_flag=True, help="Also list shared modules.")
@click.option("--lang", default="en", show_default=True, help="Language of the titles.")
def list_command(questionnaire_dirs: tuple[Path, ...], output_format: str, modules: bool, lang: str) -> None:
    """Every questionnaire: id, versions, NACE sectors, languages and question count.

    Languages: those the newest version is complete in, and the share translated of any other the
    program speaks or the questionnaire declares (offered once complete).

    The count is of every question that can be asked, conditional ones included (a list of AI systems
    counts once): the interview numbers its questions the same way.
    """
    from readiness.questionnaire import Registry, tr

    rows = _summaries(Registry.default(questionnaire_dirs), modules)
    if output_format == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Column, Table

    # Ids are what people type next (`questionnaires show ID`): never cut or wrapped, whatever the width.
    widest = max((len(row["id"]) for row in rows), default=2)
    table = Table(
        Column("id", no_wrap=True, min_width=widest),
        "title",
        Column("versions", no_wrap=True),
        "sectors (NACE)",
        "languages",
        Column("questions", justify="right"),
        caption="questions: every question that can be asked, conditional ones included",
    )
    for row in rows:
        table.add_row(
            row["id"],
            tr(row["title"], lang),
            "\n".join(row["versions"]),
            ", ".join(row["sector"]),
            ", ".join(
                lang if share == 100 else f"{lang} {share:g}%" for lang, share in row["coverage"].items()
            ),
            str(row["questions"]),
        )
    Console().print(table)


@questionnaires.command("show")
@click.argument("ref")
@questionnaires_option
@format_option("text", "json", default="text")
@click.option("--lang", default="en", show_default=True, help="Language of the texts.")
def show_command(ref: str, questionnaire_dirs: tuple[Path, ...], output_format: str, lang: str) -> None:
    """One questionnaire (ID or ID@VERSION): its sections and questions, includes merged."""
    from readiness.questionnaire import Registry, tr

    q = Registry.default(questionnaire_dirs).load(ref)
    if output_format == "json":
        data = q.summary()
        data["kind"] = q.kind
        data["files"] = list(q.files)
        data["content_hash"] = q.content_hash
        data["dimensions"] = [
            {"id": d.id, "label": tr(d.label, lang), "weight": d.weight} for d in q.dimensions
        ]
        data["levels"] = [{"id": lv.id, "label": tr(lv.label, lang), "from": lv.start} for lv in q.levels]
        data["sections"] = [
            {
                "id": s.id,
                "title": tr(s.title, lang),
                "questions": [
                    {
                        "id": x.id,
                        "type": x.type,
                        "text": tr(x.text, lang),
                        "dimension": x.dimension,
                        "when": x.when_text,
                    }
                    for x in s.questions
                ],
            }
            for s in q.sections
        ]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(
        f"{q.ref}  {tr(q.title, lang)}  "
        f"({q.kind}; sectors {', '.join(q.sector) or '-'}; {', '.join(q.languages)})"
    )
    for section in q.sections:
        click.echo(f"\n[{section.id}] {tr(section.title, lang)}")
        for x in section.questions:
            when = f"  (when {x.when_text})" if x.when_text else ""
            dim = f" [{x.dimension}]" if x.dimension else ""
            click.echo(f"  {x.id} ({x.type}){dim}: {tr(x.text, lang)}{when}")
            for row in x.rows:
                click.echo(f"      | {row.id}: {tr(row.label, lang)}")
            for column in x.columns:
                score = f" = {column.score:g}" if column.score is not None else ""
                click.echo(f"      + {column.id}{score}: {tr(column.label, lang)}")
            if x.matrix_kind == "columns":
                click.echo(f"      (scoring: {x.scoring})")
            for option in x.options:
                score = f" = {option.score:g}" if option.score is not None else ""
                click.echo(f"      - {option.id}{score}: {tr(option.label, lang)}")
