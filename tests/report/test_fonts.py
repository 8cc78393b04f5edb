"""Every script a company name may be written in prints with a real font, shaped, never as empty boxes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from readiness.report import fonts
from readiness.report.html import template_dirs

SAMPLES = {
    "Latin": ("Zürich Łódź Ærøskøbing Ţară", "Report-Sans"),
    "Greek": ("Ελληνική Εταιρεία", "Report-Sans"),
    "Cyrillic": ("Българска Фирма", "Report-Sans"),
    "Arabic": ("ببب ب شركة", "Report-Arabic"),
    "Hebrew": ("אאא חברה", "Report-Hebrew"),
    "Devanagari": ("देवनागरी कंपनी", "Report-Devanagari"),
    "CJK": ("北京科技 株式会社テスト 한국기업", None),
}
# The Arabic letter beh alone, then joined three times (start, middle and end forms), then Arabic and
# Hebrew in one line, each its own paragraph after the samples.
SHAPING = {"alone": "ب", "joined": "ببب", "mixed": "ببب אאא"}
STACK = '"Report Sans", "Report Arabic", "Report Hebrew", "Report Devanagari", sans-serif'


@pytest.fixture(scope="module")
def rendered() -> bytes:
    """One page with a paragraph per script, styled by the report's own @font-face rules and stack."""
    weasyprint = pytest.importorskip("weasyprint")
    from readiness.report.pdf import asset_fetcher, font_config

    css = (template_dirs()[-1] / "report.css").read_text(encoding="utf-8")
    faces = "\n".join(line for line in css.splitlines() if line.startswith("@font-face"))
    assert STACK in css
    texts = [text for text, _ in SAMPLES.values()] + list(SHAPING.values())
    paragraphs = "".join(f"<p>{text}</p>" for text in texts)
    style = f"<style>{faces} body {{ font-family: {STACK}; }}</style>"
    html = f"<html><head>{style}</head><body>{paragraphs}</body></html>"
    folders = template_dirs()
    fetcher = asset_fetcher(weasyprint, folders, ())
    document = weasyprint.HTML(string=html, base_url=folders[-1].as_uri() + "/", url_fetcher=fetcher)
    data = document.write_pdf(font_config=font_config(weasyprint))
    assert isinstance(data, bytes)
    return data


def runs(pdf: bytes) -> list[tuple[str, list[str]]]:
    """Each line of text shown on the page: the font it is set in and its glyph codes, in order."""
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    names = {
        str(k): str(v.get_object()["/BaseFont"]).split("+")[-1]
        for k, v in page["/Resources"]["/Font"].items()
    }
    stream = page.get_contents().get_data().decode("latin-1")
    found: list[tuple[str, list[str]]] = []
    font = ""
    for token in re.finditer(r"(/\S+) [\d.]+ Tf|\[(.*?)\] TJ", stream):
        if token.group(1):
            font = names[token.group(1)]
        else:
            codes = re.findall(r"<([0-9a-f]*)>", token.group(2))
            found.append((font, [c[i : i + 4] for c in codes for i in range(0, len(c), 4)]))
    return found


def test_every_script_is_set_in_its_own_real_font_without_notdef(rendered: bytes) -> None:
    lines = runs(rendered)
    used = [font for font, _ in lines]
    for script, (_, font) in SAMPLES.items():
        if font is not None:
            assert font in used, script
    assert all("0000" not in codes for _, codes in lines), "a .notdef glyph (an empty box) was drawn"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_every_script_back(rendered: bytes, tmp_path: Path) -> None:
    (tmp_path / "scripts.pdf").write_bytes(rendered)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "scripts.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout

    def plain(value: str) -> str:  # pdftotext adds bidi marks and spaces of its own
        return "".join(c for c in value if not c.isspace() and unicodedata.category(c) != "Cf")

    for script, (sample, _) in SAMPLES.items():
        if script == "CJK" and fonts.cjk_font() is None:
            continue
        for word in sample.split():
            assert plain(word) in plain(text), (script, word)


def test_arabic_is_shaped_and_hebrew_beside_it_keeps_its_own_font(rendered: bytes) -> None:
    lines = runs(rendered)
    (alone_font, alone), (joined_font, joined) = lines[len(SAMPLES)], lines[len(SAMPLES) + 1]
    assert alone_font == joined_font == "Report-Arabic"
    assert len(set(joined)) == 3 and alone[0] not in joined  # initial, medial, final: no isolated forms
    mixed = dict(lines[len(SAMPLES) + 2 :])
    assert set(mixed) == {"Report-Arabic", "Report-Hebrew"}
    assert set(joined) <= set(mixed["Report-Arabic"])  # still joined next to Hebrew
    assert len(set(mixed["Report-Hebrew"])) == 1  # Hebrew letters do not join: one glyph, three times


def test_cjk_prints_with_a_system_font_when_there_is_one(rendered: bytes) -> None:
    if fonts.cjk_font() is None:
        pytest.skip("no CJK font on this machine (CI installs fonts-noto-cjk)")
    font, codes = runs(rendered)[list(SAMPLES).index("CJK")]
    assert not font.startswith("Report-")
    assert "0000" not in codes


def test_without_a_cjk_font_the_document_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    html = '<html lang="nl"><body><h1>北京科技</h1></body></html>'
    noted = fonts.with_font_note(html)
    assert "geen lettertype" in noted and "fonts-noto-cjk" in noted
    # The sentence around the package names is Dutch, not "install ... (Debian and Ubuntu: ...)".
    assert "installeer Noto Sans CJK" in noted and "install " not in noted and " and " not in noted
    assert fonts.with_font_note("<html><body>Zürich</body></html>") == "<html><body>Zürich</body></html>"
    assert "no font found" in fonts.font_line()
