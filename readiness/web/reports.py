"""One company's report as a file, through the batch runner: the same write path, fingerprint and lock.

A report is written beside its answers file (`acme.answers.yaml` gives `acme.pdf`), as `readiness batch`
would write it there, and is rendered again only when the answers, the brand, the language, the date
or the tool changed since the last time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from readiness.batch.inputs import expand_inputs
from readiness.batch.runner import run_batch
from readiness.batch.work import SUFFIXES, Options, options_salt
from readiness.errors import ReadinessError
from readiness.web.services import Services


def report_options(
    services: Services,
    out_dir: Path,
    fmt: str,
    lang: str | None,
    as_of: dt.date,
    *,
    cohort_lang: str | None = None,
) -> Options:
    """The batch options for reports made in this workspace: its brand and questionnaire folders."""
    brand = services.workspace.brand_file()
    settings = services.settings
    return Options(
        out_dir=out_dir,
        fmt=fmt,
        lang=lang,
        brand_path=brand,
        as_of=as_of,
        force=False,
        questionnaire_dirs=settings.questionnaire_dirs,
        cohort_lang=None,
        salt=options_salt(fmt, lang, as_of, brand, False),
    )


def report_file(services: Services, answers: Path, fmt: str, lang: str, as_of: dt.date) -> Path:
    """The report of `answers` in `fmt`, made (or found unchanged) beside it; a ReadinessError if not."""
    item = expand_inputs([answers], services.registry).items[0]
    options = report_options(services, answers.parent, fmt, lang, as_of)
    with services.locks.hold(answers.parent / f"{item.name}{SUFFIXES[fmt]}"):
        outcome = run_batch([item], options, jobs=1)
    result = outcome.results[0]
    target = answers.parent / result.output
    if result.status == "failed" or not target.is_file():
        raise ReadinessError(result.reason or "the report could not be written")
    return target
