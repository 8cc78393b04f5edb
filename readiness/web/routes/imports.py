"""New clients from files: an empty table to fill in, a filled-in CSV or XLSX (one client per row), an
answers file, or a report PDF made by readiness (its answers are attached).

Uploads are read by the same loaders as `readiness batch` and `readiness report`, with their limits and
their messages: a bad cell is named by row and column, a bad answers file by line and field. A table's
rows are shown first; the hub then creates the clients of the rows it ticks.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from dataclasses import replace
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from readiness.answers import Answers, load_answers
from readiness.batch.table import TABLE_SUFFIXES, TableRow, read_table
from readiness.errors import ProblemsError, ReadinessError, display_path
from readiness.web import urls
from readiness.web.forms import read_form, text, texts
from readiness.web.pages import gettext_for, render
from readiness.web.routes.common import redirect, save, services
from readiness.web.workspace import ANSWERS_DIR

UPLOADS = "uploads"
ANSWERS_UPLOADS = (".yaml", ".yml")
ACCEPTED = (*TABLE_SUFFIXES, *ANSWERS_UPLOADS, ".pdf")
KEEP_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _safe_name(filename: str) -> str:
    """The upload's own file name, reduced to plain characters (a name, never a path)."""
    base = re.split(r"[/\\]", filename)[-1]
    cleaned = re.sub(r"[^A-Za-z0-9._ -]", "_", base).strip(" .")[-100:]
    return cleaned or "upload"


def _uploads(request: Request) -> Path:
    folder = services(request).workspace.state / UPLOADS
    folder.mkdir(mode=0o700, exist_ok=True)
    cutoff = time.time() - KEEP_SECONDS
    for old in folder.iterdir():
        if old.is_dir() and old.stat().st_mtime < cutoff:
            shutil.rmtree(old, ignore_errors=True)
    return folder


async def import_page(request: Request) -> Response:
    """The three ways in: an empty table, a filled-in table, a single file."""
    return render(
        request, "import.html.j2", questionnaires=services(request).questionnaires, problems=[], rows=None
    )


async def template(request: Request) -> Response:
    """An empty table for a questionnaire (CSV or XLSX), the one `readiness template` writes."""
    from readiness.template_csv import template_csv, template_xlsx

    qid, fmt = str(request.path_params["qid"]), str(request.path_params["fmt"])
    known = {q.id: q for q in services(request).questionnaires}
    if qid not in known or fmt not in ("csv", "xlsx"):
        raise HTTPException(404)
    lang = request.query_params.get("lang", request.state.lang)
    lang = lang if lang in services(request).languages else request.state.lang
    if fmt == "csv":
        body: bytes = template_csv(known[qid], lang).encode("utf-8")
        media = "text/csv; charset=utf-8"
    else:
        body = template_xlsx(known[qid], lang)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    disposition = f'attachment; filename="{qid}-answers.{fmt}"'
    return Response(body, media_type=media, headers={"content-disposition": disposition})


async def upload(request: Request) -> Response:
    """Read an uploaded file: a table's rows to choose from, or one answers file made a client at once."""
    _ = gettext_for(request.state.lang)
    limit = services(request).settings.max_upload_bytes
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        return _refused(
            request, [_("The file is larger than %(size)d MiB.") % {"size": limit // (1024 * 1024)}], 413
        )
    too_big = _("The file is larger than %(size)d MiB.") % {"size": limit // (1024 * 1024)}
    form = await read_form(request, files=1)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return _refused(request, [_("Choose a file first.")])
        name = _safe_name(upload.filename)
        data = await upload.read(limit + 1)
    finally:
        await form.close()
    if not name.lower().endswith(ACCEPTED):
        message = _("%(name)s: choose a CSV or XLSX table, an answers file (.yaml) or a report PDF.")
        return _refused(request, [message % {"name": name}])
    if len(data) > limit:
        return _refused(request, [too_big], 413)
    try:
        return await run_in_threadpool(_read, request, name, data)
    except ProblemsError as exc:
        return _refused(request, [str(p) for p in exc.problems])
    except ReadinessError as exc:
        return _refused(request, exc.message.splitlines())


def _refused(request: Request, problems: list[str], status: int = 400) -> Response:
    return render(
        request,
        "import.html.j2",
        status=status,
        questionnaires=services(request).questionnaires,
        problems=problems,
        rows=None,
    )


def _read(request: Request, name: str, data: bytes) -> Response:
    token = secrets.token_urlsafe(18)
    folder = _uploads(request) / token
    folder.mkdir(mode=0o700)
    path = folder / name
    path.write_bytes(data)
    if name.lower().endswith(TABLE_SUFFIXES):
        try:
            rows = _rows(request, path, name)
        except ReadinessError:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return render(
            request,
            "import.html.j2",
            questionnaires=services(request).questionnaires,
            problems=[],
            rows=rows,
            token=token,
            name=name,
        )
    try:
        if name.lower().endswith(".pdf"):
            from readiness.batch.inputs import read_answers_bytes

            data = read_answers_bytes(path)
        loaded = load_answers(Path(name), services(request).registry, raw=data)
    except ReadinessError as exc:
        raise _located(exc, path, name) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return redirect(_create(request, loaded.answers))


def _located(exc: ReadinessError, path: Path, name: str) -> ReadinessError:
    """The loader's error, naming the upload as the user knows it rather than our scratch copy."""
    shown = display_path(path)
    if isinstance(exc, ProblemsError):
        return ProblemsError([replace(p, path=p.path.replace(shown, name)) for p in exc.problems])
    return ReadinessError(exc.message.replace(shown, name))


def _rows(request: Request, path: Path, name: str) -> list[TableRow]:
    try:
        rows = read_table(path, services(request).registry)
    except ReadinessError as exc:
        raise _located(exc, path, name) from None
    return [replace(r, problems=tuple(replace(p, path=name) for p in r.problems)) for r in rows]


def _create(request: Request, answers: Answers) -> str:
    workspace = services(request).workspace
    name = str(answers.company.get("name") or "company")
    target = workspace.create(name, ".answers.yaml", answers.to_yaml().encode("utf-8"), folder=ANSWERS_DIR)
    save(target, answers)
    return urls.client(workspace.ref(target))


async def create_rows(request: Request) -> Response:
    """Create a client (an answers file) for each ticked row of an uploaded table."""
    form = await read_form(request)
    token = text(form, "token")
    if not _TOKEN.match(token):
        raise HTTPException(404)
    wanted = {int(r) for r in texts(form, "row") if r.isdigit()}

    def create() -> int:
        folder = _uploads(request) / token
        files = [p for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        if not files:
            raise ReadinessError(
                gettext_for(request.state.lang)("The upload has expired; upload the table again.")
            )
        made = 0
        for row in read_table(files[0], services(request).registry):
            if row.row in wanted and row.data is not None:
                _create(request, Answers.from_data(row.data))
                made += 1
        shutil.rmtree(folder, ignore_errors=True)
        return made

    made = await run_in_threadpool(create)
    return redirect(f"/clients?made={made}")
