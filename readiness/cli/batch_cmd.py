"""`readiness batch`: reports for many companies at once, in parallel, resumable, never stopped by one."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import click

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

# Each worker holds a renderer (about 200 MB): more than two per core only adds memory and switching.
MAX_JOBS_PER_CORE = 2


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder for the reports, batch-summary.json and the cohort overview.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per CPU core).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Render on a Dask cluster at this scheduler address, e.g. tcp://10.0.0.5:8786 (readiness[dask]).",
)
@lang_option
@allow_incomplete_option
@report_options
@format_option("pdf", "html", "md", "json", "text", default="pdf")
@as_of_option
@click.option("--force", is_flag=True, help="Render every report, even those whose inputs did not change.")
@click.option("--summary", is_flag=True, help="Also write the cohort overview (cohort.pdf and cohort.json).")
@click.option(
    "--anonymise", is_flag=True, help="In the cohort overview, number the companies instead of naming them."
)
@include_unconfirmed_option
@questionnaires_option
def batch(
    inputs: tuple[Path, ...],
    out_dir: Path,
    jobs: int | None,
    scheduler: str | None,
    lang: str | None,
    allow_incomplete: bool,
    brand_path: Path | None,
    pdfa: bool,
    template_dirs: tuple[Path, ...],
    output_format: str,
    as_of: dt.date,
    force: bool,
    summary: bool,
    anonymise: bool,
    include_unconfirmed: bool,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """Render a report for every company in INPUT...: answers files, report PDFs, folders, CSV or XLSX.

    In a folder, *.answers.yaml, *.csv and *.xlsx files are read. A CSV or XLSX has one company per
    row and question ids as column headers (`readiness template csv QUESTIONNAIRE` writes one). Reports
    whose input and options have not changed are skipped, so an interrupted batch resumes where it
    stopped. One bad input never stops the others: it is listed with its reason at the end and in
    DIR/batch-summary.json, and the exit code is 1. With --scheduler the reports are rendered on a Dask
    cluster and written here (see docs/hub-workflows.md).
    """
    from readiness.atomic import refuse_inputs
    from readiness.batch.inputs import expand_inputs, guard_outputs
    from readiness.batch.runner import run_batch
    from readiness.batch.summary import BatchSummary, summary_lines
    from readiness.batch.work import SUFFIXES, Options, options_salt
    from readiness.questionnaire.registry import Registry

    if lang is not None:
        # Refused before any work: what every report needs (each questionnaire is checked with its item).
        check_language(lang, allow_incomplete=allow_incomplete, hubdocs=summary)
    if scheduler and jobs:
        raise ReadinessError(
            "--jobs does not apply with --scheduler: the cluster's workers render the reports"
        )
    registry = Registry.default(questionnaire_dirs)
    salt = options_salt(output_format, lang, as_of, brand_path, pdfa, template_dirs, include_unconfirmed)
    expanded = expand_inputs(inputs, registry)
    if expanded.ignored:
        names = ", ".join(display_path(p) for p in expanded.ignored[:5])
        more = f" and {len(expanded.ignored) - 5} more" if len(expanded.ignored) > 5 else ""
        click.echo(
            f"not read (in a folder, batch reads *.answers.yaml, *.csv and *.xlsx): {names}{more}", err=True
        )
    if not expanded.items:
        raise ReadinessError(
            "no inputs found: name answers files, report PDFs, CSV or XLSX files, or folders"
        )
    own = [out_dir / "batch-summary.json"] + (
        [out_dir / "cohort.pdf", out_dir / "cohort.json"] if summary else []
    )
    refuse_inputs(own, [*(item.path for item in expanded.items), brand_path])
    items = guard_outputs(expanded.items, out_dir, SUFFIXES[output_format])
    out_dir.mkdir(parents=True, exist_ok=True)
    options = Options(
        out_dir=out_dir,
        fmt=output_format,
        lang=lang,
        brand_path=brand_path,
        as_of=as_of,
        force=force,
        questionnaire_dirs=questionnaire_dirs,
        cohort_lang=(lang or "en") if summary else None,
        salt=salt,
        templates=template_dirs,
        pdfa=pdfa,
        include_unconfirmed=include_unconfirmed,
        allow_incomplete=allow_incomplete,
    )
    started = time.perf_counter()
    if scheduler:
        from readiness.batch.cluster import run_on_cluster

        with _progress(len(items)) as advance:
            outcome, workers = run_on_cluster(items, options, scheduler, on_result=advance)
    else:
        cores = os.cpu_count() or 1
        if jobs is not None and jobs > MAX_JOBS_PER_CORE * cores:
            click.echo(
                f"--jobs {jobs} is more than this machine can use; "
                f"running {MAX_JOBS_PER_CORE * cores} workers",
                err=True,
            )
            jobs = MAX_JOBS_PER_CORE * cores
        workers = min(jobs or cores, len(items))
        with _progress(len(items)) as advance:
            outcome = run_batch(items, options, jobs=workers, on_result=advance)
    result = BatchSummary(
        outcome.results,
        out_dir,
        output_format,
        workers,
        as_of,
        time.perf_counter() - started,
        len(items),
        outcome.interrupted,
        scheduler,
    )
    path = result.write()
    for line in summary_lines(result, path):
        click.echo(line)
    assessments = [r.assessment for r in outcome.results if r.assessment is not None]
    if summary and assessments and not outcome.interrupted:
        from readiness.hubdocs.cohort_doc import write_cohort

        for written in write_cohort(
            assessments,
            out_dir / "cohort.pdf",
            lang=lang or "en",
            brand_path=brand_path,
            as_of=as_of,
            anonymise=anonymise,
        ):
            click.echo(f"wrote {display_path(written)}")
    if outcome.interrupted:
        raise click.exceptions.Exit(130)
    if result.failed:
        raise click.exceptions.Exit(EXIT_PROBLEMS)


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[object], None]]:
    """A progress bar with rate and time left on a terminal; silent otherwise (logs, CI, tests)."""
    if not sys.stderr.isatty():
        yield lambda _result: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("batch", total=total, rate="")

        def advance(_result: object) -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.2f} reports/s" if speed else "")

        yield advance
