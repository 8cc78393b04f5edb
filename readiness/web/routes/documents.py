"""The hub documents in the browser: the cohort overview of many clients, and one client's progress from
T0 to T1. Both are made by the same code as `readiness cohort` and `readiness compare`, into `cohort/`
and `progress/` of the workspace, and shown in a frame beside their downloads.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from readiness.assessment import run_assessment
from readiness.errors import ReadinessError
from readiness.slug import slugify
from readiness.web.forms import read_form, text
from readiness.web.pages import render
from readiness.web.routes.common import redirect, services, today
from readiness.web.routes.hub import chosen

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


async def cohort(request: Request) -> Response:
    """The overview of the chosen clients (HTML to look at, PDF and JSON to keep)."""
    form = await read_form(request)
    svc = services(request)
    lang = text(form, "lang")
    lang = lang if lang in svc.languages else request.state.lang
    anonymise = text(form, "anonymise") == "1"

    def make() -> str:
        from readiness.answers import load_answers
        from readiness.hubdocs.cohort_doc import write_cohort

        results = []
        for path in chosen(request, form):
            loaded = load_answers(path, svc.registry)
            results.append(run_assessment(loaded.questionnaire, loaded.answers, today()).as_dict(lang))
        if not results:
            raise ReadinessError("no complete assessment was chosen; tick some clients, or show some first")
        stem = f"cohort-{today().isoformat()}-{lang}" + ("-anonymised" if anonymise else "")
        folder = svc.workspace.folder("cohort")
        brand = svc.workspace.brand_file()
        write_cohort(
            results, folder / f"{stem}.html", lang=lang, brand_path=brand, as_of=today(), anonymise=anonymise
        )
        return stem

    stem = await run_in_threadpool(make)
    return redirect(f"/hub/cohort/{stem}")


async def cohort_page(request: Request) -> Response:
    """A cohort overview made before: the frame and the downloads."""
    stem = str(request.path_params["stem"])
    files = {**_outputs(request, "cohort", stem), "pdf": f"/hub/cohort/{stem}/pdf"}
    return render(request, "document.html.j2", kind="cohort", stem=stem, files=files, summary=None)


async def cohort_pdf(request: Request) -> Response:
    """The overview as PDF, printed from the very HTML shown (made once, on first asking)."""
    stem = str(request.path_params["stem"])
    _outputs(request, "cohort", stem)
    svc = services(request)
    folder = svc.workspace.folder("cohort")
    html, pdf = folder / f"{stem}.html", folder / f"{stem}.pdf"

    def make() -> None:
        from readiness.hubdocs.render import write_document
        from readiness.report.brand import load_brand

        if pdf.is_file() and pdf.stat().st_mtime_ns >= html.stat().st_mtime_ns:
            return
        day = _DAY.search(stem)
        as_of = dt.date.fromisoformat(day.group(0)) if day else today()
        brand = load_brand(svc.workspace.brand_file())
        write_document(pdf, html.read_text(encoding="utf-8"), brand=brand, as_of=as_of)

    await run_in_threadpool(make)
    return FileResponse(pdf, media_type="application/pdf", filename=pdf.name)


def _outputs(request: Request, folder: str, stem: str) -> dict[str, str]:
    """The files of one document (`.html`, `.pdf`, `.json`) that exist, by suffix, as addresses."""
    root = services(request).workspace.root / folder
    found = {}
    for suffix in (".html", ".pdf", ".json"):
        name = f"{stem}{suffix}"
        if "/" not in stem and not stem.startswith(".") and (root / name).is_file():
            found[suffix[1:]] = f"/hub/files/{folder}/{name}"
    if "html" not in found:
        raise HTTPException(404)
    return found


def _moments(request: Request) -> tuple[Any, Any, str]:
    from readiness.hubdocs.progress_doc import read_moment

    svc = services(request)
    before = svc.workspace.resolve(request.query_params.get("before", ""))
    after = svc.workspace.resolve(request.query_params.get("after", ""))
    t1 = read_moment(after, svc.registry, today(), today())
    t0 = read_moment(before, svc.registry, None, today())
    name = str(t1.loaded.answers.company.get("name") or after.name)
    return t0, t1, slugify(name)


async def compare(request: Request) -> Response:
    """One company's progress from the earlier answers file to the later one (HTML and JSON now)."""

    def make() -> tuple[str, dict[str, Any]]:
        from readiness.hubdocs.progress_doc import progress, write_progress

        t0, t1, slug = _moments(request)
        lang = request.state.lang
        result = progress(t0, t1, services(request).registry, lang)
        stem = f"{slug}-{t0.as_of.isoformat()}-{t1.as_of.isoformat()}-{lang}"
        folder = services(request).workspace.folder("progress")
        brand = services(request).workspace.brand_file()
        for suffix in (".html", ".json"):
            write_progress(
                result, folder / f"{stem}{suffix}", lang=lang, brand_path=brand, before=t0, after=t1
            )
        return stem, result

    stem, result = await run_in_threadpool(make)
    files = _outputs(request, "progress", stem)
    pdf = "/hub/compare/pdf?" + str(request.url.query)
    return render(
        request, "document.html.j2", kind="progress", stem=stem, files={**files, "pdf": pdf}, summary=result
    )


async def compare_pdf(request: Request) -> Response:
    """The progress report as PDF, with both answers files attached."""

    def make() -> Path:
        from readiness.hubdocs.progress_doc import progress, write_progress

        t0, t1, slug = _moments(request)
        lang = request.state.lang
        result = progress(t0, t1, services(request).registry, lang)
        target = (
            services(request).workspace.folder("progress")
            / f"{slug}-{t0.as_of.isoformat()}-{t1.as_of.isoformat()}-{lang}.pdf"
        )
        brand = services(request).workspace.brand_file()
        write_progress(result, target, lang=lang, brand_path=brand, before=t0, after=t1)
        return target

    target = await run_in_threadpool(make)
    return FileResponse(target, media_type="application/pdf", filename=target.name)
