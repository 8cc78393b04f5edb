"""Reading a posted form: at most so many fields and files, and only with this session's CSRF token."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request

MAX_FIELDS = 2000
MAX_PART_BYTES = 256 * 1024


class StaleForm(HTTPException):
    """A form without this session's token: from another site, or from a page older than the session."""

    def __init__(self) -> None:
        super().__init__(status_code=403, detail="stale form")


async def read_form(request: Request, *, files: int = 0) -> FormData:
    """The posted form, after checking its CSRF token; `files` is how many uploads it may carry."""
    form = await request.form(max_files=files, max_fields=MAX_FIELDS, max_part_size=MAX_PART_BYTES)
    token = form.get("csrf")
    if not isinstance(token, str) or not request.state.session.csrf_ok(token):
        raise StaleForm
    return form


def text(form: FormData, name: str, default: str = "") -> str:
    """A text field of the form ('' or `default` when missing or a file)."""
    value = form.get(name)
    return value if isinstance(value, str) else default


def texts(form: FormData, name: str) -> list[str]:
    """Every text value of a repeated field (ticked boxes)."""
    return [v for v in form.getlist(name) if isinstance(v, str)]


def as_form_value(value: Any) -> str:
    """A stored answer as the value a form control carries (`true`, `3`, an option id)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
