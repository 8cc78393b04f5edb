"""One batch item, start to finish, inside a worker process: lock, check, assess, render, record.

A worker loads the questionnaires and the brand once (`start_worker`) and then serves many items. Each
item either renders its output, is skipped because an identical output is already there, or fails with
a reason; nothing it meets escapes as an exception, so one bad input never stops the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
import socket
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.answers import LoadedAnswers
from readiness.atomic import same_file, write_atomic, write_error
from readiness.batch.inputs import BatchInput, load_input
from readiness.errors import ReadinessError
from readiness.questionnaire.registry import Registry

STATE_DIR = ".readiness-batch"
SUFFIXES = {"pdf": ".pdf", "html": ".html", "md": ".md", "json": ".json", "text": ".txt"}


@dataclass(frozen=True)
class Options:
    """What every item of one batch shares. `salt` sums up the options that change an output's bytes."""

    out_dir: Path
    fmt: str
    lang: str | None
    brand_path: Path | None
    as_of: dt.date
    force: bool
    questionnaire_dirs: tuple[Path, ...]
    cohort_lang: str | None
    salt: str
    templates: tuple[Path, ...] = ()
    pdfa: bool = False
    include_unconfirmed: bool = False
    allow_incomplete: bool = False


def options_salt(
    fmt: str,
    lang: str | None,
    as_of: dt.date,
    brand_path: Path | None,
    pdfa: bool,
    templates: tuple[Path, ...] = (),
    include_unconfirmed: bool = False,
) -> str:
    """The options that change a report's bytes, summed up for `Options.salt`.

    The brand counts as it looks in a report (its file and its logo), and is checked now, so a bad
    brand stops a batch before it starts; every file of the user's template folders counts too, so
    editing a template renders the reports again.
    """
    from readiness.report.brand import load_brand

    brand = load_brand(brand_path)
    brand_digest = hashlib.sha256(brand_path.read_bytes() if brand_path else b"built-in")
    brand_digest.update(brand.logo.data if brand.logo else b"")
    templates_digest = hashlib.sha256()
    for folder in templates:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            templates_digest.update(f"{path.relative_to(folder)}\0".encode())
            templates_digest.update(path.read_bytes())
    return json.dumps(
        {
            "format": fmt,
            "lang": lang,
            "as_of": as_of.isoformat(),
            "brand": brand_digest.hexdigest(),
            "pdfa": pdfa,
            "templates": templates_digest.hexdigest(),
            "include_unconfirmed": include_unconfirmed,
        }
    )


@dataclass
class ItemResult:
    """What became of one item. `assessment` is kept only when a cohort overview was asked for."""

    input: str
    output: str
    status: str  # done | skipped | failed
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    detail: str = ""
    seconds: float = 0.0
    assessment: dict[str, Any] | None = None
    pid: int = 0
    peak_rss_kb: int = 0
    cpu_seconds: float = 0.0  # the process's CPU time when the item was done (bench/batch_bench.py)


class _Worker:
    """Per-process state, set up once by `start_worker`."""

    registry: Registry | None = None
    brand: Any = None


def start_worker(options: Options, freeze: bool = False) -> None:
    """Set a process up for many items, once: the questionnaire registry, the brand, the AI Act catalogue,
    the directory and, for PDFs, WeasyPrint's font configuration, so that no report pays for them.

    `freeze` (the pool's workers) then moves all of that out of the garbage collector's way: it lives as
    long as the process, and every report's collections would otherwise walk through it again.
    """
    from readiness.report.brand import load_brand

    _Worker.registry = Registry.default(options.questionnaire_dirs)
    _Worker.brand = load_brand(options.brand_path)
    # Broken content is reported by each item, with its place, not by the pool's start-up.
    with contextlib.suppress(ReadinessError):
        _warm_up(options)
    if freeze:
        gc.freeze()


def _warm_up(options: Options) -> None:
    from readiness.aiact.catalogue import load_catalogue
    from readiness.directory import load_directory

    load_catalogue()
    load_directory()
    if options.fmt == "pdf":
        from readiness.report.pdf import warm_up

        warm_up()


def process(item: BatchInput, options: Options) -> ItemResult:
    """Assess and render one item; every failure becomes a result with its reason."""
    started = time.perf_counter()
    output = output_path(item, options)
    result = ItemResult(item.label, output.name, "failed")
    try:
        if item.reason:
            result.reason = item.reason
        else:
            _process(item, options, result)
    except ReadinessError as exc:
        result.status, result.reason = "failed", exc.message
    except OSError as exc:  # the disk or the folder said no (full, read-only, no permission)
        result.status, result.reason = "failed", write_error(output, exc).message
    except Exception as exc:  # a bug: kept with its traceback in the summary, never stopping the batch
        result.status = "failed"
        result.reason = f"internal error ({exc.__class__.__name__}: {exc}); please report it"
        result.detail = traceback.format_exc()
    result.seconds = round(time.perf_counter() - started, 3)
    result.pid = os.getpid()
    result.peak_rss_kb = peak_rss_kb()
    result.cpu_seconds = time.process_time()
    return result


@dataclass
class Prepared:
    """One item read and checked, before anything is written: what it becomes and from what."""

    item: BatchInput
    output: Path
    loaded: LoadedAnswers
    fingerprint: str
    lang: str


def prepare(item: BatchInput, registry: Registry, options: Options, result: ItemResult) -> Prepared:
    """Read and check one item; notes (unanswered required questions) go on `result`.

    Raises ReadinessError for an input that cannot be assessed.
    """
    from readiness.flow import missing_required

    output = output_path(item, options)
    if item.data is None and same_file(output, item.path):
        raise ReadinessError("the output would overwrite this input; choose another --out-dir")
    loaded = load_input(item, registry)
    missing = missing_required(loaded.questionnaire, loaded.answers)
    if missing:
        result.notes.append(
            f"{len(missing)} required question(s) unanswered: {', '.join(q.id for q in missing[:5])}"
            + (", ..." if len(missing) > 5 else "")
        )
    lang = options.lang or str(loaded.answers.company.get("language") or "en")
    fallback = _require_language(lang, loaded.questionnaire, options)
    if fallback is not None:
        result.notes.append(fallback.warning().removeprefix("warning: "))
    fingerprint = _fingerprint(loaded.raw, loaded.questionnaire.content_hash, options.salt)
    return Prepared(item, output, loaded, fingerprint, lang)


def is_unchanged(job: Prepared, options: Options) -> bool:
    """Whether the output is there already, made from the same input and options (and not --force)."""
    return not options.force and _unchanged(job.output, job.fingerprint)


def commit(job: Prepared, data: bytes | None = None) -> None:
    """Record that `job.output` was made from this input; with `data`, write the output first."""
    if data is not None:
        write_atomic(job.output, data)
    _record(job.output, job.fingerprint, job.item)


def output_path(item: BatchInput, options: Options) -> Path:
    """Where the item's report goes."""
    return options.out_dir / f"{item.name}{SUFFIXES[options.fmt]}"


def _process(item: BatchInput, options: Options, result: ItemResult) -> None:
    registry = _Worker.registry
    assert registry is not None, "start_worker() was not called in this process"
    job = prepare(item, registry, options, result)
    assessment = None
    try:
        with output_lock(job.output):
            if is_unchanged(job, options):
                result.status, result.reason = "skipped", "unchanged since the last run"
            else:
                assessment = _assess(job.loaded, options)
                write_output(
                    assessment, job.output, options, lang=job.lang, brand=_Worker.brand, loaded=job.loaded
                )
                commit(job)
                result.status = "done"
    except OutputBusy as exc:
        result.status, result.reason = "skipped", exc.message
    if options.cohort_lang is not None:
        if assessment is None:
            assessment = _assess(job.loaded, options)
        result.assessment = assessment.as_dict(options.cohort_lang)


def _require_language(lang: str, questionnaire: Any, options: Options) -> Any:
    """None for a complete language; the fallback when an incomplete one is allowed; else the refusal,
    which fails this item only (see readiness.l10n.require)."""
    from readiness.l10n.require import questionnaire_part, require_language, shipped_parts

    if lang == "en":
        return None
    parts = [questionnaire_part(questionnaire, lang), *shipped_parts(lang)]
    return require_language(lang, parts, allow_incomplete=options.allow_incomplete)


def _assess(loaded: Any, options: Options) -> Any:
    from readiness.assessment import run_assessment

    return run_assessment(
        loaded.questionnaire,
        loaded.answers,
        options.as_of,
        include_unconfirmed=options.include_unconfirmed,
        issuer=_Worker.brand.issuer if _Worker.brand is not None else None,
    )


def write_output(
    assessment: Any, path: Path, options: Options, *, lang: str, brand: Any, loaded: Any
) -> None:
    """Render one company's report to `path`, atomically: the same write path as assess and report."""
    from readiness.report.output import write_assessment

    write_assessment(
        assessment,
        loaded.raw,
        path,
        options.fmt,
        lang=lang,
        brand=brand,
        templates=options.templates,
        pdfa=options.pdfa,
    )


def templates_hash(folders: tuple[Path, ...]) -> str:
    """Every file of the user's template folders, so that editing a template renders the reports again."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(folder)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _fingerprint(raw: bytes, content_hash: str, salt: str) -> str:
    digest = hashlib.sha256(raw)
    digest.update(f"\0{content_hash}\0{__version__}\0{salt}".encode())
    return digest.hexdigest()


def _record_path(output: Path) -> Path:
    return output.parent / STATE_DIR / f"{output.name}.json"


def _unchanged(output: Path, fingerprint: str) -> bool:
    """Whether `output` exists and was made by this tool from the same input and options."""
    if not output.is_file():
        return False
    try:
        record = json.loads(_record_path(output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and record.get("fingerprint") == fingerprint


def _record(output: Path, fingerprint: str, item: BatchInput) -> None:
    record = {"fingerprint": fingerprint, "input": item.label, "output": output.name, "tool": __version__}
    write_atomic(_record_path(output), json.dumps(record, indent=2) + "\n")


class OutputBusy(ReadinessError):
    """Another batch (or worker) is writing the same output right now."""


@contextlib.contextmanager
def output_lock(output: Path) -> Any:
    """Hold `<state>/<output>.lock` while the output is checked and written.

    Created with O_CREAT|O_EXCL, so of two batches writing into the same folder only one works on a
    file at a time. A lock left by a process that died on this host is taken over; one held by a live
    process, or by another host, makes the item "skipped" with who holds it.
    """
    lock = output.parent / STATE_DIR / f"{output.name}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    owner = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
    for attempt in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _lock_holder(lock)
            if attempt == 0 and holder is not None and _stale(holder):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            who = f"process {holder['pid']} on {holder['host']}" if holder else "another process"
            raise OutputBusy(
                f"{output.name} is being written by {who}; if no batch is running, delete {lock}"
            ) from None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(owner)
        break
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _lock_holder(lock: Path) -> dict[str, Any] | None:
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return holder if isinstance(holder, dict) and isinstance(holder.get("pid"), int) else None


def _stale(holder: dict[str, Any]) -> bool:
    """Whether the lock's owner was a process on this host that no longer runs."""
    if holder.get("host") != socket.gethostname():
        return False
    try:
        os.kill(holder["pid"], 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
