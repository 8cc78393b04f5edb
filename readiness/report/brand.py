"""The brand a report is dressed in: a hub's name, logo, colours, contact block and footer.

A brand file comes from whoever runs the tool, and its logo ends up inside a PDF rendered by a browser
engine, so it is checked as strictly as any user file: the schema first, then the logo must be a real
PNG or SVG image inside the brand file's own folder. The logo's bytes are read here, once, so that the
renderers never touch the file system for it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from readiness.content import builtin_dir
from readiness.directory.model import Issuer
from readiness.errors import ProblemsError, ReadinessError, display_path
from readiness.l10n.content import file_prefix, translate_data
from readiness.schemas import check_against_schema
from readiness.yamlio import read_yaml

MAX_LOGO_BYTES = 2 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DEFAULT_COLORS = {
    "primary": "#1f3a5f",
    "accent": "#2a7f8f",
    "text": "#1e2530",
    "muted": "#6b7585",
    "surface": "#f2f4f7",
}
# After an optional XML declaration, comments and a DOCTYPE without an internal subset, the first
# element must be <svg>. Entity declarations are refused outright: they are how XML bombs start.
_SVG_PROLOG = re.compile(
    r"\A\ufeff?\s*(<\?xml[^>]*\?>\s*)?((<!--.*?-->|<!DOCTYPE[^\[>]*>)\s*)*<svg[\s>]", re.DOTALL
)

Text = Mapping[str, str]


@dataclass(frozen=True)
class Logo:
    """A checked logo: its media type and bytes, ready to embed as a data: URL."""

    filename: str
    media_type: str
    data: bytes
    path: Path

    @property
    def data_url(self) -> str:
        """The logo as a data: URL, so the HTML carries it and no renderer fetches a file for it."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class Contact:
    organisation: str = ""
    address: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    website: str = ""

    @property
    def empty(self) -> bool:
        """Whether there is nothing to print."""
        return not (self.organisation or self.address or self.email or self.phone or self.website)


@dataclass(frozen=True)
class Brand:
    """A loaded, checked brand. `files` are the files it names (its logo): the only files of the brand's
    folder a renderer may load; `folder` is where it was read from."""

    name: str
    folder: Path
    colors: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COLORS))
    tagline: Text = field(default_factory=dict)
    footer: Text = field(default_factory=dict)
    contact: Contact = field(default_factory=Contact)
    logo: Logo | None = None
    issuer: Issuer = field(default_factory=Issuer)
    files: tuple[Path, ...] = ()


def default_brand_path() -> Path:
    """The neutral brand that ships with the templates."""
    return builtin_dir("templates") / "brand.yaml"


def load_brand(path: Path | None = None) -> Brand:
    """Read and check a brand file (default: the neutral built-in brand).

    Raises ProblemsError with the place of every schema problem, and for a logo that is missing, lies
    outside the brand's folder, or is not the PNG or SVG image it claims to be.
    """
    path = path or default_brand_path()
    document = read_yaml(path)
    if not isinstance(document.data, dict):
        raise ProblemsError([document.problem((), "a brand file must be a mapping with at least a name")])
    problems = check_against_schema(document, "brand")
    if problems:
        raise ProblemsError(problems)
    data = translate_data(document.data, path.parent, file_prefix(path, path.parent))
    folder = path.resolve().parent
    logo = None
    if "logo" in data:
        try:
            logo = read_logo(folder, str(data["logo"]))
        except ReadinessError as exc:
            raise ProblemsError([document.problem(("logo",), exc.message)]) from None
    contact = data.get("contact", {})
    card = data.get("card", {})
    if "directory_entry" not in data and card and "name" not in card:
        raise ProblemsError(
            [document.problem(("card",), "the card needs a name when the brand names no directory_entry")]
        )
    return Brand(
        name=data["name"],
        folder=folder,
        colors={**DEFAULT_COLORS, **{k: v.lower() for k, v in data.get("colors", {}).items()}},
        tagline=_text(data.get("tagline")),
        footer=_text(data.get("footer")),
        contact=Contact(
            organisation=contact.get("organisation", ""),
            address=tuple(contact.get("address", ())),
            email=contact.get("email", ""),
            phone=contact.get("phone", ""),
            website=contact.get("website", ""),
        ),
        logo=logo,
        issuer=Issuer(
            directory_entry=data.get("directory_entry", ""),
            kind=card.get("kind", "edih"),
            name=card.get("name", ""),
            url=card.get("url", ""),
            contact_person=card.get("contact_person", ""),
            email=card.get("email", ""),
            phone=card.get("phone", ""),
        ),
        files=(logo.path,) if logo else (),
    )


def read_logo(folder: Path, name: str) -> Logo:
    """The logo file `name` in `folder`, checked to be a PNG or SVG image that stays inside the folder."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder):
        raise ReadinessError(
            f"the logo '{name}' is outside the brand file's folder; put it beside the brand file"
        )
    if not target.is_file():
        raise ReadinessError(f"the logo '{name}' was not found at {display_path(target)}")
    size = target.stat().st_size
    if size > MAX_LOGO_BYTES:
        raise ReadinessError(
            f"the logo '{name}' is {size // 1024} KiB; the limit is {MAX_LOGO_BYTES // 1024} KiB"
        )
    data = target.read_bytes()
    suffix = target.suffix.lower()
    if suffix == ".png":
        if not data.startswith(PNG_SIGNATURE):
            raise ReadinessError(
                f"the logo '{name}' is not a PNG image (its first bytes are not a PNG signature)"
            )
        return Logo(target.name, "image/png", data, target)
    if suffix == ".svg":
        _check_svg(name, data)
        return Logo(target.name, "image/svg+xml", data, target)
    raise ReadinessError(f"the logo '{name}' must be an .svg or .png file")


def _check_svg(name: str, data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadinessError(f"the logo '{name}' is not an SVG image (it is not UTF-8 text)") from None
    if "<!ENTITY" in text:
        raise ReadinessError(f"the logo '{name}' declares XML entities; save it without them")
    if not _SVG_PROLOG.match(text):
        raise ReadinessError(f"the logo '{name}' is not an SVG image (its first element is not <svg>)")


def _text(value: object) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}
