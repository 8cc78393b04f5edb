"""The hub's brand, set once for the workspace: `brand/brand.yaml` and its logo, used by every document
made here. The form writes the same brand file `--brand` reads, checked by the same loader first.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response

from readiness.atomic import write_atomic
from readiness.errors import ProblemsError, ReadinessError
from readiness.report.brand import MAX_LOGO_BYTES, load_brand
from readiness.web.forms import read_form, text
from readiness.web.pages import gettext_for, render
from readiness.web.routes.common import redirect, services
from readiness.web.workspace import BRAND_DIR
from readiness.yamlio import dump_yaml

LOGO_SUFFIXES = (".svg", ".png")
COLOURS = ("primary", "accent")


def _current(request: Request) -> dict[str, Any]:
    """The brand as the form shows it: the workspace's, else the built-in one."""
    brand = load_brand(services(request).workspace.brand_file())
    lang = request.state.lang
    return {
        "name": brand.name,
        "tagline": brand.tagline.get(lang) or brand.tagline.get("en", ""),
        "footer": brand.footer.get(lang) or brand.footer.get("en", ""),
        "primary": brand.colors["primary"],
        "accent": brand.colors["accent"],
        "organisation": brand.contact.organisation,
        "address": "\n".join(brand.contact.address),
        "email": brand.contact.email,
        "phone": brand.contact.phone,
        "website": brand.contact.website,
        "logo": brand.logo.data_url if brand.logo else "",
    }


async def brand_page(request: Request) -> Response:
    """The brand form, filled in with the brand in use."""
    values = await run_in_threadpool(_current, request)
    own = services(request).workspace.brand_file() is not None
    return render(
        request,
        "brand.html.j2",
        values=values,
        own=own,
        problems=[],
        saved=request.query_params.get("saved") == "1",
    )


async def brand_save(request: Request) -> Response:
    """Check the brand as `--brand` would, then put it in place for the workspace."""
    form = await read_form(request, files=1)
    try:
        logo = form.get("logo")
        named = isinstance(logo, UploadFile) and bool(logo.filename)
        upload = await logo.read(MAX_LOGO_BYTES + 1) if named and isinstance(logo, UploadFile) else None
        suffix = Path(str(logo.filename)).suffix.lower() if named and isinstance(logo, UploadFile) else ""
    finally:
        await form.close()
    try:
        await run_in_threadpool(_save, request, form, upload, suffix)
    except ProblemsError as exc:
        return _refused(request, form, [p.message + (f" ({p.fix})" if p.fix else "") for p in exc.problems])
    except ReadinessError as exc:
        return _refused(request, form, [exc.message])
    return redirect("/hub/brand?saved=1")


def _refused(request: Request, form: FormData, problems: list[str]) -> Response:
    values = {
        key: text(form, key)
        for key in (
            "name",
            "tagline",
            "footer",
            "organisation",
            "address",
            "email",
            "phone",
            "website",
            *COLOURS,
        )
    }
    values["logo"] = ""
    own = services(request).workspace.brand_file() is not None
    return render(
        request, "brand.html.j2", status=400, values=values, own=own, problems=problems, saved=False
    )


def _save(request: Request, form: FormData, upload: bytes | None, suffix: str) -> None:
    _ = gettext_for(request.state.lang)
    workspace = services(request).workspace
    final = workspace.root / BRAND_DIR
    if upload is not None and suffix not in LOGO_SUFFIXES:
        raise ReadinessError(_("The logo must be an .svg or .png file."))
    if upload is not None and len(upload) > MAX_LOGO_BYTES:
        raise ReadinessError(_("The logo is larger than %(size)d KiB.") % {"size": MAX_LOGO_BYTES // 1024})
    data: dict[str, Any] = {"name": text(form, "name").strip()}
    for key in ("tagline", "footer"):
        if text(form, key).strip():
            # A plain text serves every language; a hub writing in one language means it for all.
            data[key] = text(form, key).strip()
    data["colors"] = {key: text(form, key).strip() for key in COLOURS if text(form, key).strip()}
    contact: dict[str, Any] = {
        key: text(form, key).strip()
        for key in ("organisation", "email", "phone", "website")
        if text(form, key).strip()
    }
    address = [line.strip() for line in text(form, "address").splitlines() if line.strip()]
    if address:
        contact["address"] = address
    if contact:
        data["contact"] = contact
    old_logo = (
        next((p for p in sorted(final.glob("logo.*")) if p.suffix in LOGO_SUFFIXES), None)
        if final.is_dir()
        else None
    )
    with tempfile.TemporaryDirectory(dir=workspace.state) as scratch:
        trial = Path(scratch)
        if upload is not None:
            (trial / f"logo{suffix}").write_bytes(upload)
            data["logo"] = f"logo{suffix}"
        elif old_logo is not None:
            shutil.copyfile(old_logo, trial / old_logo.name)
            data["logo"] = old_logo.name
        (trial / "brand.yaml").write_text(dump_yaml(data), encoding="utf-8")
        load_brand(trial / "brand.yaml")
        final.mkdir(parents=True, exist_ok=True)
        if "logo" in data:
            write_atomic(final / str(data["logo"]), (trial / str(data["logo"])).read_bytes())
        write_atomic(final / "brand.yaml", (trial / "brand.yaml").read_bytes())
