"""Brands: the default one, a hub's own, and logos that are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.errors import ProblemsError, ReadinessError
from readiness.report.brand import load_brand
from readiness.report.html import css_color, css_string
from tests.conftest import EXAMPLES, Run

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def brand_file(folder: Path, body: str) -> Path:
    path = folder / "brand.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_default_brand_is_neutral_and_has_a_checked_svg_logo() -> None:
    brand = load_brand()
    assert brand.name == "readiness"
    assert brand.logo is not None and brand.logo.media_type == "image/svg+xml"
    assert brand.logo.data_url.startswith("data:image/svg+xml;base64,")
    assert brand.contact.empty


def test_the_sample_hub_brand_in_the_examples_is_complete_and_says_it_is_fictional() -> None:
    from tests.conftest import EXAMPLES

    brand = load_brand(EXAMPLES / "brand" / "brand.yaml")
    assert "fictional" in brand.name
    assert brand.logo is not None and brand.logo.media_type == "image/svg+xml"
    assert brand.colors["primary"] != load_brand().colors["primary"]
    assert not brand.contact.empty and brand.contact.website.endswith(".example")
    assert brand.contact.email.endswith(".example")  # a reserved domain: no real hub is named
    assert brand.issuer.name == brand.name and "fictional" in brand.issuer.contact_person


def test_a_hub_brand_with_a_png_logo_colours_and_contact(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(PNG)
    brand = load_brand(
        brand_file(
            tmp_path,
            """
name: EDIH Example
logo: assets/logo.png
colors: {primary: "#AA0000"}
contact: {organisation: EDIH Example, email: info@hub.example, website: "https://hub.example"}
footer: {en: Example footer, nl: Voorbeeldvoettekst}
""",
        )
    )
    assert brand.logo is not None and brand.logo.media_type == "image/png"
    assert brand.colors["primary"] == "#aa0000" and brand.colors["accent"] == "#2a7f8f"
    assert brand.contact.email == "info@hub.example"


@pytest.mark.parametrize(
    ("logo", "write", "message"),
    [
        ("../outside.svg", None, "outside the brand file's folder"),
        ("missing.svg", None, "was not found"),
        ("fake.png", b"GIF89a not a png", "is not a PNG image"),
        ("text.svg", b"<html><body>hello</body></html>", "is not an SVG image"),
        (
            "bomb.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>',
            "XML entities",
        ),
    ],
)
def test_a_logo_that_is_not_a_local_image_is_refused(
    tmp_path: Path, logo: str, write: bytes | None, message: str
) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    (tmp_path / "outside.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    if write is not None:
        (folder / logo).write_bytes(write)
    with pytest.raises(ProblemsError) as caught:
        load_brand(brand_file(folder, f"name: Hub\nlogo: {logo}\n"))
    assert message in str(caught.value)
    assert "brand.yaml:2:7" in str(caught.value)


def test_a_logo_symlink_pointing_elsewhere_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    folder.mkdir()
    (tmp_path / "secret.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (folder / "logo.svg").symlink_to(tmp_path / "secret.svg")
    with pytest.raises(ProblemsError, match="outside the brand file's folder"):
        load_brand(brand_file(folder, "name: Hub\nlogo: logo.svg\n"))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name: Hub\nlogo: https://evil.example/logo.svg\n", "does not have the expected form"),
        ("name: Hub\nlogo: logo.gif\n", "does not have the expected form"),
        ("name: Hub\ncolors: {primary: red}\n", "does not have the expected form"),
        ("name: Hub\ncolours: {}\n", "unknown key 'colours'"),
    ],
)
def test_schema_problems_are_reported_with_their_place(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ProblemsError, match=message):
        load_brand(brand_file(tmp_path, body))


def test_css_helpers_let_nothing_out_of_its_string_or_rule() -> None:
    assert css_string('a"b</style>') == '"a\\22 b\\3c /style\\3e "'
    assert css_string("Pagina") == '"Pagina"'
    assert css_color("#A0b1C2") == "#a0b1c2"
    with pytest.raises(ReadinessError):
        css_color("red;} body{background:url(http://evil.example)")


def test_validate_checks_a_brand_file_and_the_sample_brand_is_valid(run: Run, tmp_path: Path) -> None:
    assert run(["validate", str(EXAMPLES / "brand" / "brand.yaml")]).exit_code == 0
    bad = tmp_path / "brand.yaml"
    bad.write_text("name: Hub\ncolors: {primary: red}\n", encoding="utf-8")
    result = run(["validate", str(bad)])
    assert result.exit_code == 1
    assert "brand.yaml:2:19: 'red' does not have the expected form" in result.stdout
