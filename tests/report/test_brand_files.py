"""The brand's folder is not an open door: a report may load the files the brand names, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.report.brand import load_brand
from readiness.report.html import template_dirs
from readiness.report.pdf import FetchRefused, asset_fetcher

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def brand_folder(tmp_path: Path) -> Path:
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "logo.png").write_bytes(PNG)
    (tmp_path / "art" / "other.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(PNG)
    (tmp_path / "notes.txt").write_text("client list", encoding="utf-8")
    (tmp_path / "brand.yaml").write_text("name: Hub\nlogo: art/logo.png\n", encoding="utf-8")
    return tmp_path


def test_only_the_named_logo_of_a_brand_folder_can_be_fetched(brand_folder: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    brand = load_brand(brand_folder / "brand.yaml")
    fetcher = asset_fetcher(weasyprint, template_dirs(()), brand.files)
    assert fetcher.fetch((brand_folder / "art" / "logo.png").as_uri()).read() == PNG
    for other in ("art/other.png", "secret.png", "notes.txt", "brand.yaml"):
        with pytest.raises(FetchRefused):
            fetcher.fetch((brand_folder / other).as_uri())


def test_the_template_folder_still_serves_its_fonts() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    folders = template_dirs(())
    fetcher = asset_fetcher(weasyprint, folders, ())
    font = next((folders[-1] / "fonts").glob("*.ttf"))
    assert fetcher.fetch(font.as_uri()).read()[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")
