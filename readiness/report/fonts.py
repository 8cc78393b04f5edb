"""Which fonts print which scripts, and a note in the document when this computer has none for a name.

The report ships its fonts for the EU's scripts (DejaVu Sans: Latin, Greek, Cyrillic) and for names in
Arabic, Hebrew and Devanagari (Noto Sans, one family per script), so those print the same everywhere.
Chinese, Japanese and Korean need a font of 15-20 MB per weight, too large to ship in the package: they
come from the system's fonts, found through fontconfig (Noto Sans CJK, Debian's fonts-noto-cjk, or any
font that covers them). Where the system has none, such characters would print as empty boxes, so the
document says so and `readiness info` names what to install (templates/fonts/README.md).
"""

from __future__ import annotations

import re
from functools import cache
from html import escape

from readiness.texts import message

CJK = re.compile("[\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})')
# One character each of Chinese, Japanese kana and Korean Hangul: a font must have all three.
CJK_SAMPLE = "中テ한"
BUNDLED = "DejaVu Sans (Latin, Greek, Cyrillic), Noto Sans Arabic, Hebrew and Devanagari"
# The font and its package names, which a sentence in the reader's language asks to install.
CJK_FONT = "Noto Sans CJK (Debian, Ubuntu: fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts)"


@cache
def cjk_font() -> str | None:
    """The family of a system font that prints Chinese, Japanese and Korean, or None without one."""
    try:
        from weasyprint.text.ffi import ffi, fontconfig
    except (ImportError, OSError):
        return None
    config = fontconfig.FcInitLoadConfigAndFonts()
    pattern = fontconfig.FcPatternCreate()
    try:
        fontconfig.FcPatternAddString(pattern, b"family", b"sans-serif")
        fontconfig.FcPatternAddString(pattern, b"lang", b"zh-cn")
        fontconfig.FcConfigSubstitute(config, pattern, fontconfig.FcMatchPattern)
        fontconfig.FcDefaultSubstitute(pattern)
        result = ffi.new("FcResult *")
        match = fontconfig.FcFontMatch(config, pattern, result)
        if match == ffi.NULL:
            return None
        try:
            found = {}
            for key in (b"file", b"family"):
                value = ffi.new("FcChar8 **")
                if fontconfig.FcPatternGetString(match, key, 0, value) == fontconfig.FcResultMatch:
                    found[key] = ffi.string(value[0]).decode("utf-8", "replace")
        finally:
            fontconfig.FcPatternDestroy(match)
    finally:
        fontconfig.FcPatternDestroy(pattern)
        fontconfig.FcConfigDestroy(config)
    path, family = found.get(b"file"), found.get(b"family")
    return family if path and _covers(path, CJK_SAMPLE) else None


def _covers(path: str, text: str) -> bool:
    """Whether the font file at `path` (its first face) has a glyph for every character of `text`."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # an unreadable font file is as good as none
        return False
    return all(ord(char) in cmap for char in text)


def font_line() -> str:
    """What prints which script here, for `readiness info`."""
    family = cjk_font()
    missing = f"no font found, such names print as empty boxes: install {CJK_FONT}"
    cjk = f"{family} (system)" if family else missing
    return f"fonts: {BUNDLED} (bundled); Chinese, Japanese, Korean: {cjk}"


def with_font_note(html: str) -> str:
    """`html` with a closing note, in the document's language, when it holds Chinese, Japanese or Korean
    text this computer cannot print."""
    if not CJK.search(html) or cjk_font() is not None:
        return html
    lang = _LANG.search(html)
    note = escape(message("font_missing_cjk", lang.group(1) if lang else "en", font=CJK_FONT))
    return html.replace("</body>", f'<p class="font-note">{note}</p></body>', 1)
