"""How wide a text is in the report's bundled font, so that charts can wrap and place labels by measure.

The advance widths come from the font files themselves (fontTools reads them), not from a guess per
character. Kerning is left out, which only ever makes a text measure a little wider than it prints:
a label placed by these widths never overlaps its neighbour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from readiness.content import builtin_dir

# The faces the report's CSS and charts name ("Report Sans"), by weight.
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class _Metrics:
    """A face's advance width per code point, its missing-glyph width, ascent and descent, in ems."""

    widths: dict[int, float]
    missing: float
    ascent: float
    descent: float


@cache
def _metrics(weight: str) -> _Metrics:
    from fontTools.ttLib import TTFont

    path = Path(builtin_dir("templates")) / "fonts" / FONT_FILES[weight]
    with TTFont(str(path), lazy=True) as font:
        units = float(font["head"].unitsPerEm)
        metrics = font["hmtx"].metrics
        return _Metrics(
            {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()},
            metrics[".notdef"][0] / units,
            font["hhea"].ascent / units,
            -font["hhea"].descent / units,
        )


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of `text` at font size `size`, in the same unit as `size`."""
    face = _metrics("bold" if bold else "normal")
    return size * sum(face.widths.get(ord(char), face.missing) for char in text)


def wrap_to_width(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """The words of `text` on lines no wider than `width` (a word wider than that gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def fit_to_width(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """`text` cut at a word boundary with an ellipsis so that it is no wider than `width`."""
    if text_width(text, size, bold=bold) <= width:
        return text
    words = text.split()
    while words:
        candidate = " ".join(words).rstrip(",;:") + "…"
        if text_width(candidate, size, bold=bold) <= width:
            return candidate
        words.pop()
    return "…"


def text_box(
    x: float, y: float, text: str, size: float, anchor: str = "start", *, bold: bool = False
) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) an SVG text at baseline (x, y) with `text-anchor` covers."""
    face = _metrics("bold" if bold else "normal")
    width = text_width(text, size, bold=bold)
    left = x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    return left, y - face.ascent * size, left + width, y + face.descent * size
