"""`readiness assess`: interview a company (or read its answers) and show where it stands."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
from readiness.errors import EXIT_PROBLEMS, ReadinessError, display_path
from readiness.texts import message


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@click.command()
@click.option(
    "--answers",
    "answers_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The answers file to read, resume or create (default: reports/<company>.answers.yaml).",
)
@click.option(
    "--questionnaire",
    "questionnaire_ref",
    metavar="ID[@VERSION]",
    help="The questionnaire for a new interview.",
)
@click.option("--sector", metavar="ID", help="Same as --questionnaire ID.")
@click.option("--nace", metavar="CODE", help="Pick the questionnaire that fits this NACE Rev. 2 code.")
@click.option("--resume", is_flag=True, help="Continue an unfinished answers file at the next open question.")
@click.option("--upgrade", is_flag=True, help="Carry the answers to the newest questionnaire version first.")
@click.option(
    "--script",
    "script_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Answer the interview from a YAML list instead of the terminal (for automation and tests).",
)
@click.option(
    "--seed-dma",
    "seed_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Start a new assessment with the DMA answers of a client in a `readiness export dma` table.",
)
@click.option(
    "--seed-row", type=click.IntRange(min=2), help="That client's row in the table (the header is row 1)."
)
@as_of_option
@lang_option
@allow_incomplete_option
@format_option("pdf", "html", "md", "json", "text", default="pdf")
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path),
    help="Where to write the result (default: reports/<company>.pdf; json and text go to the terminal).",
)
@report_options
@include_unconfirmed_option
@questionnaires_option
@with_drafts_option
def assess(
    answers_path: Path | None,
    questionnaire_ref: str | None,
    sector: str | None,
    nace: str | None,
    resume: bool,
    upgrade: bool,
    script_path: Path | None,
    seed_path: Path | None,
    seed_row: int | None,
    as_of: dt.date,
    lang: str | None,
    allow_incomplete: bool,
    output_format: str,
    out_path: Path | None,
    brand_path: Path | None,
    pdfa: bool,
    template_dirs: tuple[Path, ...],
    include_unconfirmed: bool,
    questionnaire_dirs: tuple[Path, ...],
    with_drafts: bool,
) -> None:
    """Assess a company: answer the questionnaire (saved after every answer), then see the result.

    With --answers FILE of a complete assessment, nothing is asked: the file is scored. An unfinished
    file is resumed at a terminal; without a terminal, the open questions are listed and the exit code is 1.
    --resume alone continues the interview saved most recently in reports/.
    """
    from readiness.answers import load_answers, migrate_answers
    from readiness.assessment import run_assessment
    from readiness.atomic import is_stdout, refuse_inputs
    from readiness.flow import missing_required
    from readiness.questionnaire import Registry
    from readiness.questionnaire.model import tr
    from readiness.report.brand import load_brand
    from readiness.sessions import latest_in_progress, missing_file_message, write_upgraded

    brand = load_brand(brand_path)
    registry = Registry.default(questionnaire_dirs)
    if nace is not None:
        from readiness.directory.inputs import check_nace

        nace = check_nace(nace)
    prompter = _prompter(script_path)
    if seed_path is not None:
        answers_path = _seed(registry, seed_path, seed_row, questionnaire_ref or sector, nace, answers_path)
    if resume and answers_path is None:
        answers_path = latest_in_progress()
        click.echo(f"Resuming {display_path(answers_path)}", err=True)
    if answers_path is not None and not answers_path.exists() and (resume or upgrade or prompter is None):
        raise ReadinessError(missing_file_message(answers_path))
    inputs = [answers_path, script_path, brand_path, seed_path]
    if out_path is not None:
        refuse_inputs([out_path], inputs)
    if answers_path is not None and answers_path.exists():
        loaded = load_answers(answers_path, registry)
        answers, questionnaire = loaded.answers, loaded.questionnaire
        saved: bytes | None = loaded.raw  # what the PDF carries, unless the file is saved again below
        if upgrade:
            newest = registry.load(questionnaire.id)
            if newest.version == questionnaire.version:
                click.echo(f"{display_path(answers_path)} already answers {newest.ref}", err=True)
            else:
                answers, notes = migrate_answers(answers, newest, registry)
                for note in notes:
                    click.echo(f"upgrade: {note}", err=True)
                backup = write_upgraded(answers_path, answers, now=_now())
                questionnaire, saved = newest, None
                click.echo(
                    f"upgraded {display_path(answers_path)} to {newest.ref}; "
                    f"the old version is kept in {display_path(backup)}",
                    err=True,
                )
        missing = missing_required(questionnaire, answers)
        if missing and prompter is None:
            name = display_path(answers_path)
            lines = [f"{name}: the assessment is not complete; {len(missing)} required question(s) open:"]
            lines += [f"  {q.id}: {tr(q.text, 'en')}" for q in missing]
            lines.append(f"Answer them in a terminal with: readiness assess --answers {name} --resume")
            raise ReadinessError("\n".join(lines), exit_code=EXIT_PROBLEMS)
        if prompter is not None and (missing or resume):
            check = _language_check(lang, allow_incomplete, brand, with_drafts)
            answers, saved = _interview(questionnaire, answers, answers_path, prompter, lang, check), None
    else:
        if prompter is None:
            raise ReadinessError(
                "no terminal to ask questions in: pass --answers FILE with a complete answers file, "
                "or --script FILE to answer from a list"
            )
        check = _language_check(lang, allow_incomplete, brand, with_drafts)
        if lang is not None:
            check(lang, None)  # refused before anything is asked, not after
        ref = _choose_questionnaire(registry, questionnaire_ref or sector, nace, prompter, lang)
        questionnaire = registry.load(ref)
        answers, answers_path = _start(questionnaire, answers_path, prompter, lang, registry)
        answers, saved = _interview(questionnaire, answers, answers_path, prompter, lang, check), None
    if missing_required(questionnaire, answers):
        name = display_path(answers_path)
        raise ReadinessError(
            f"stopped before the end; your answers are saved in {name}. "
            f"Continue with: readiness assess --answers {name} --resume",
            exit_code=EXIT_PROBLEMS,
        )
    assessment = run_assessment(
        questionnaire, answers, as_of, include_unconfirmed=include_unconfirmed, issuer=brand.issuer
    )
    language = lang or answers.company.get("language") or "en"
    check_language(
        language,
        allow_incomplete=allow_incomplete,
        questionnaires=[questionnaire],
        brand=brand,
        drafts=with_drafts,
        report=output_format != "json",
    )
    if output_format == "json":
        _emit(assessment.as_dict(language), output_format, out_path)
        return
    from readiness.report.output import report_path, write_assessment

    if saved is None:
        # The PDF carries the answers exactly as saved, so that `readiness report` can read them back.
        saved = answers_path.read_bytes() if answers_path.is_file() else answers.to_yaml().encode("utf-8")
    if output_format == "text" and out_path is None:
        from readiness.report.model import build_report
        from readiness.report.text import render_text

        model = build_report(
            assessment.as_dict(language), questionnaire, answers.as_data(), saved, language, brand
        )
        click.echo(render_text(model, templates=template_dirs), nl=False)
        return
    target = report_path(out_path, str(answers.company.get("name", "")), output_format)
    refuse_inputs([target], inputs)
    write_assessment(
        assessment,
        saved,
        target,
        output_format,
        lang=language,
        brand=brand,
        templates=template_dirs,
        pdfa=pdfa,
    )
    to_stderr = is_stdout(target)
    _emit(assessment.as_dict(language), "text", None, to_stderr=to_stderr, lang=language)
    click.echo("\n" + message("report_written", language, path=display_path(target)), err=to_stderr)
    if with_drafts:
        write_report_drafts(assessment, target, language, brand_path)


def _seed(
    registry: Any, seed: Path, row: int | None, ref: str | None, nace: str | None, answers_path: Path | None
) -> Path:
    """A new answers file holding one client's DMA answers from an export; the interview asks the rest."""
    from readiness.answers import Answers, save_answers
    from readiness.dma_export import seed_from_table, seed_questionnaire
    from readiness.sectors import questionnaire_for_nace
    from readiness.slug import slugify

    if answers_path is not None and answers_path.exists():
        raise ReadinessError(
            f"{display_path(answers_path)} already exists; --seed-dma starts a new assessment "
            "(choose another --answers file, or resume that one without --seed-dma)"
        )
    chosen = ref or (questionnaire_for_nace(registry, nace) if nace else seed_questionnaire(seed, row))
    if not chosen:
        raise ReadinessError("choose the questionnaire with --questionnaire or --nace")
    questionnaire = registry.load(chosen)
    found = seed_from_table(seed, questionnaire, row)
    answers = Answers(questionnaire.ref, dict(found.company), dict(found.answers), meta={"complete": False})
    answers.meta["seeded"] = f"{display_path(seed)} row {found.row}"
    target = (
        answers_path or Path("reports") / f"{slugify(found.company.get('name') or 'client')}.answers.yaml"
    )
    if target.exists():
        raise ReadinessError(f"{display_path(target)} already exists; choose another file with --answers")
    save_answers(target, answers, now=_now())
    click.echo(
        f"started {display_path(target)} with the DMA answers of {display_path(seed)} row {found.row} "
        f"({len(found.answers)} of the {found.module} questions)",
        err=True,
    )
    return target


def _prompter(script_path: Path | None) -> Any:
    from readiness.prompts import QuestionaryPrompter, ScriptedPrompter

    if script_path is not None:
        from readiness.yamlio import read_yaml

        script = read_yaml(script_path).data
        if not isinstance(script, list):
            raise ReadinessError(f"{display_path(script_path)}: a script is a YAML list of answers")
        return ScriptedPrompter(script, source=script_path)
    if sys.stdin.isatty() and sys.stdout.isatty():
        return QuestionaryPrompter(lambda text: click.echo(text))
    return None


def _choose_questionnaire(
    registry: Any, ref: str | None, nace: str | None, prompter: Any, lang: str | None
) -> str:
    from readiness.prompts import Choice
    from readiness.questionnaire.model import tr
    from readiness.sectors import questionnaire_for_nace

    if ref:
        registry.load(ref)
        return ref
    if nace:
        return questionnaire_for_nace(registry, nace)
    choices = []
    for qid in registry.ids():
        latest = registry.load(qid)
        if latest.kind == "questionnaire":
            choices.append(Choice(f"{tr(latest.title, lang or 'en')} ({qid})", qid))
    picked = prompter.select(message("ui_which_questionnaire", lang or "en"), choices)
    if not isinstance(picked, str):
        raise click.exceptions.Exit(130)
    return picked


def _start(
    questionnaire: Any, answers_path: Path | None, prompter: Any, lang: str | None, registry: Any
) -> tuple[Any, Path]:
    from readiness.answers import Answers, load_answers
    from readiness.questionnaire.model import tr
    from readiness.slug import slugify

    answers = Answers(questionnaire=questionnaire.ref, meta={"complete": False})
    if answers_path is None:
        name_question = next((q for q in questionnaire.questions() if q.store == "company.name"), None)
        text = (
            message("ui_name_question", lang or "en")
            if name_question is None
            else tr(name_question.text, lang or "en")
        )
        needed = message("ui_name_needed", lang or "en")
        name = prompter.text(text, validate=lambda raw: None if raw.strip() else needed)
        if not isinstance(name, str):
            raise click.exceptions.Exit(130)
        answers.company["name"] = name.strip()
        answers_path = Path("reports") / f"{slugify(name)}.answers.yaml"
        if answers_path.exists():
            existing = load_answers(answers_path, registry)
            prompter.say(message("ui_continuing", lang or "en", path=display_path(answers_path)))
            return existing.answers, answers_path
    return answers, answers_path


def _language_check(
    lang: str | None, allow_incomplete: bool, brand: Any, with_drafts: bool
) -> Callable[[str, Any], None]:
    """What refuses the interview's language, with or without the questionnaire known yet."""

    def check(language: str, questionnaire: Any) -> None:
        check_language(
            language,
            allow_incomplete=allow_incomplete,
            questionnaires=[questionnaire] if questionnaire is not None else [],
            brand=brand,
            drafts=with_drafts,
        )

    return check


def _interview(
    questionnaire: Any,
    answers: Any,
    path: Path,
    prompter: Any,
    lang: str | None,
    check: Callable[[str, Any], None],
) -> Any:
    """Run the interview in the language asked for; without one, in the language it was held in before
    (a resumed interview keeps it), else the company's, else English, following the company's choice."""
    from readiness.interview import Interview

    language = lang or answers.meta.get("language") or answers.company.get("language") or "en"
    check(language, questionnaire)
    interview = Interview(
        questionnaire, answers, path, prompter, language, _now, follow_company_language=lang is None
    )
    try:
        interview.run()
    except KeyboardInterrupt:
        interview.save()
        click.echo("\n" + message("ui_resume", language, path=display_path(path)), err=True)
        raise click.exceptions.Exit(130) from None
    except ReadinessError:
        interview.save()  # a script that does not fit: keep what it answered before
        raise
    return interview.answers


def _emit(
    result: dict[str, Any],
    output_format: str,
    out_path: Path | None,
    *,
    to_stderr: bool = False,
    lang: str = "en",
) -> None:
    """The JSON result to the terminal or a file (`-o -` is standard output), or the short summary."""
    import json

    from readiness.atomic import is_stdout, write_atomic

    if output_format == "json":
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        if out_path is None:
            click.echo(text, nl=False, err=to_stderr)
            return
        write_atomic(out_path, text)
        if not is_stdout(out_path):
            click.echo(f"Wrote {display_path(out_path)}", err=True)
        return
    from rich.console import Console

    from readiness.summary import print_summary

    print_summary(result, Console(stderr=to_stderr), lang)
