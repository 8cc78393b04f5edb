"""A hub's tools over its clients: reports for many at once (the batch runner, with its progress), and
the files the hub documents leave in the workspace.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from readiness.batch.inputs import expand_inputs
from readiness.batch.work import SUFFIXES
from readiness.web.forms import read_form, text, texts
from readiness.web.pages import render
from readiness.web.reports import report_options
from readiness.web.routes.clients import filters_from
from readiness.web.routes.common import redirect, services, today

OUTPUT_FOLDERS = ("batch", "cohort", "progress")
FORMATS = tuple(SUFFIXES)
MEDIA = {
    ".pdf": "application/pdf",
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
}


async def overview(request: Request) -> Response:
    """What a hub can do here, and the batch that runs or ran last."""
    svc = services(request)
    return render(
        request,
        "hub.html.j2",
        questionnaires=svc.questionnaires,
        brand=svc.workspace.brand_file() is not None,
        workers=os.cpu_count() or 1,
    )


def chosen(request: Request, form: FormData) -> list[Path]:
    """The answers files ticked in the client list, or, with none ticked, every complete one it showed."""
    svc = services(request)
    refs = texts(form, "ref")
    if not refs:
        svc.index.refresh()
        filters = filters_from(dict(parse_qsl(text(form, "query"))))
        refs = [e.ref for e in svc.index.entries(filters) if e.complete and not e.problem]
    return [svc.workspace.resolve(ref) for ref in dict.fromkeys(refs)]


async def batch_start(request: Request) -> Response:
    """Render the chosen clients' reports into `batch/` of the workspace, in the background."""
    form = await read_form(request)
    svc = services(request)
    fmt = text(form, "format", "pdf")
    lang = text(form, "lang") or None
    if fmt not in FORMATS or (lang is not None and lang not in svc.languages):
        raise HTTPException(400)

    def start() -> str:
        paths = chosen(request, form)
        items = expand_inputs(paths, svc.registry).items
        options = report_options(svc, svc.workspace.folder("batch"), fmt, lang, today())
        workers = max(1, min(os.cpu_count() or 1, len(items)))
        return svc.jobs.start(items, options, workers).id

    job = await run_in_threadpool(start)
    return redirect(f"/hub/batch/{job}")


async def batch_status(request: Request) -> Response:
    """The batch's progress (the page refreshes itself, with or without scripts), then its results."""
    job = services(request).jobs.get(str(request.path_params["job"]))
    if job is None:
        raise HTTPException(404)
    template = "partials/batch-progress.html.j2" if request.headers.get("hx-request") else "batch.html.j2"
    return render(request, template, job=job)


async def output_file(request: Request) -> Response:
    """A file the hub tools wrote (a report of a batch, a cohort overview, a progress report), by name."""
    folder = str(request.path_params["folder"])
    name = str(request.path_params["name"])
    if folder not in OUTPUT_FOLDERS:
        raise HTTPException(404)
    root = services(request).workspace.root
    directory = root / folder
    target = directory / name
    if (
        "/" in name
        or name.startswith(".")
        or target.suffix not in MEDIA
        or not target.is_file()
        or not target.resolve().is_relative_to(root)
    ):
        raise HTTPException(404)
    inline = target.suffix == ".html" and request.query_params.get("view") == "1"
    if inline:
        from readiness.web.routes.result import REPORT_CSP

        return FileResponse(
            target,
            media_type=MEDIA[".html"],
            headers={"content-security-policy": REPORT_CSP, "x-frame-options": "SAMEORIGIN"},
        )
    return FileResponse(target, media_type=MEDIA[target.suffix], filename=name)
