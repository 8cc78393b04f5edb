"""The result of a complete assessment: a summary, the report itself in a frame, the downloads, the AI Act
drafts and where to get help.

The frame shows the report's own HTML, as the PDF is made from it. It is served with a policy of its
own: no script at all, its inline styles allowed (the report carries its CSS and charts inline), links
opening outside the frame.
"""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from readiness.answers import LoadedAnswers
from readiness.assessment import run_assessment
from readiness.content import builtin_dir
from readiness.flow import missing_required
from readiness.report.brand import load_brand
from readiness.report.html import render_html
from readiness.report.model import build_report
from readiness.web import drafts, urls
from readiness.web.forms import read_form
from readiness.web.pages import render
from readiness.web.reports import report_file
from readiness.web.routes.common import answers_path, load, redirect, services, today

DOWNLOADS = {
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
}
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'; form-action 'none'; "
    "base-uri 'none'; frame-ancestors 'self'; "
    "sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox "
    "allow-top-navigation-by-user-activation"
)
DRAFT_TYPES = {
    ".md": "text/markdown; charset=utf-8",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def _complete(request: Request) -> tuple[str, Path, LoadedAnswers]:
    ref, path = answers_path(request)
    loaded = load(request, path)
    if missing_required(loaded.questionnaire, loaded.answers):
        raise HTTPException(409)
    return ref, path, loaded


def _language(request: Request, loaded: LoadedAnswers) -> str:
    """The report's language: the one the company asked for in its answers, else the page's."""
    wanted = str(loaded.answers.company.get("language") or "")
    return wanted if wanted in services(request).languages else str(request.state.lang)


async def page(request: Request) -> Response:
    """The result page."""
    ref, path = answers_path(request)
    loaded = await run_in_threadpool(load, request, path)
    if missing_required(loaded.questionnaire, loaded.answers):
        return redirect(urls.finish(ref))
    lang = request.state.lang
    result = await run_in_threadpool(
        lambda: run_assessment(loaded.questionnaire, loaded.answers, today()).as_dict(lang)
    )
    return render(
        request,
        "result.html.j2",
        ref=ref,
        result=result,
        report_lang=_language(request, loaded),
        help=[s for s in result["support"] if s.get("url") or s.get("info_url")],
        unlinked=[s for s in result["support"] if not (s.get("url") or s.get("info_url"))],
        drafts_possible=drafts.drafts_available() and bool(loaded.answers.ai_systems),
        draft_files=drafts.draft_files(path, services(request).workspace.root),
        downloads=list(DOWNLOADS),
    )


async def view(request: Request) -> Response:
    """The report as HTML, for the frame on the result page (in the report's language)."""

    def build() -> str:
        _ref, _path, loaded = _complete(request)
        lang = _language(request, loaded)
        assessment = run_assessment(loaded.questionnaire, loaded.answers, today())
        brand = load_brand(services(request).workspace.brand_file())
        model = build_report(
            assessment.as_dict(lang), loaded.questionnaire, loaded.answers.as_data(), loaded.raw, lang, brand
        )
        return render_html(model)

    html = await run_in_threadpool(build)
    return HTMLResponse(
        html, headers={"content-security-policy": REPORT_CSP, "x-frame-options": "SAMEORIGIN"}
    )


async def font(request: Request) -> Response:
    """The report's fonts, for its frame: only the files of the package's fonts folder, by exact name."""
    folder = builtin_dir("templates") / "fonts"
    name = str(request.path_params["name"])
    if name not in {p.name for p in folder.iterdir() if p.suffix == ".ttf"}:
        raise HTTPException(404)
    return FileResponse(
        folder / name, media_type="font/ttf", headers={"cache-control": "public, max-age=86400"}
    )


async def download(request: Request) -> Response:
    """A report file (made or found unchanged beside the answers) or the answers file itself."""
    fmt = str(request.path_params["fmt"])
    if fmt == "yaml":
        _ref, path = answers_path(request)
        return FileResponse(path, media_type="application/yaml", filename=path.name)
    if fmt not in DOWNLOADS:
        raise HTTPException(404)

    def make() -> Path:
        _ref, path, loaded = _complete(request)
        return report_file(services(request), path, fmt, _language(request, loaded), today())

    target = await run_in_threadpool(make)
    return FileResponse(target, media_type=DOWNLOADS[fmt], filename=target.name)


async def make_drafts(request: Request) -> Response:
    """Write the AI Act drafts for this assessment, then list them on the result page."""
    await read_form(request)

    def make() -> str:
        ref, path, loaded = _complete(request)
        brand = services(request).workspace.brand_file()
        drafts.write_ai_act_drafts(loaded.answers, path, today(), _language(request, loaded), brand)
        return ref

    ref = await run_in_threadpool(make)
    return redirect(urls.result(ref) + "#drafts")


async def draft(request: Request) -> Response:
    """One draft file, by its exact path in the drafts folder of this assessment."""
    _ref, path = answers_path(request)
    name = str(request.path_params["name"])
    if name not in drafts.draft_files(path, services(request).workspace.root):
        raise HTTPException(404)
    target = drafts.drafts_folder(path) / name
    return FileResponse(target, media_type=DRAFT_TYPES[target.suffix], filename=target.name)
