"""The report's charts as inline SVG: a radar of the dimensions and score bars (the AI Act timeline is
in `timeline.py`).

Drawn here rather than with a plotting library so that they are vectors (crisp in print), render the
same everywhere, and cost no dependency. Every chart is a pure function of its arguments: the same
input gives the same bytes. All text is escaped; labels arrive already translated and formatted. Labels
are measured in the bundled font (fontmetrics): they wrap to fit, and the drawing grows to hold them,
so no label is ever cut off.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from readiness.report.fontmetrics import text_box, text_width, wrap_to_width

FONT = "Report Sans, DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class Palette:
    """The brand colours a chart uses, each #rrggbb."""

    primary: str
    accent: str
    text: str
    muted: str
    grid: str = "#d5dae1"


def coord(value: float) -> str:
    """A coordinate with at most one decimal, so the output is short and stable."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def attr(value: str) -> str:
    return escape(value, quote=True)


def text_element(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 9,
    anchor: str = "middle",
    fill: str = "",
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{coord(x)}" y="{coord(y)}" font-family="{FONT}" font-size="{coord(size)}" '
        f'text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{attr(fill)}">{escape(content)}</text>'
    )


Box = tuple[float, float, float, float]


def svg(box: Box, body: list[str], title: str, width_mm: float) -> str:
    """The chart showing `box` (left, top, right, bottom), sized in millimetres on the page so that
    print engines and browsers agree on its size."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{coord(left)} {coord(top)} {coord(width)} {coord(height)}" '
        f'width="{coord(width_mm)}mm" height="{coord(width_mm * height / width)}mm" role="img" '
        f'aria-label="{attr(title)}"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def union(boxes: Sequence[Box], margin: float = 0.0) -> Box:
    """The smallest box holding every box, widened by `margin` on each side."""
    return (
        min(b[0] for b in boxes) - margin,
        min(b[1] for b in boxes) - margin,
        max(b[2] for b in boxes) + margin,
        max(b[3] for b in boxes) + margin,
    )


def radar_chart(
    axes: Sequence[tuple[str, float | None, str]], palette: Palette, *, title: str, width_mm: float = 90
) -> str:
    """A radar of scores 0-100, an axis per (label, score, score text); a missing score sits at the centre.

    Each label wraps to lines of at most 120 units and sits beside, above or below its axis; the drawing
    is as large as the web and its labels together.
    """
    radius, size, line_height, max_width = 100.0, 10.0, 12.0, 120.0
    count = max(len(axes), 3)

    def point(i: int, share: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / count
        return radius * share * math.cos(angle), radius * share * math.sin(angle)

    body = []
    for ring in (0.25, 0.5, 0.75, 1.0):
        points = " ".join(f"{coord(x)},{coord(y)}" for x, y in (point(i, ring) for i in range(count)))
        body.append(
            f'<polygon points="{points}" fill="none" stroke="{attr(palette.grid)}" stroke-width="0.8"/>'
        )
    for i in range(count):
        x, y = point(i, 1.0)
        body.append(
            f'<line x1="0" y1="0" x2="{coord(x)}" y2="{coord(y)}" stroke="{attr(palette.grid)}" '
            'stroke-width="0.8"/>'
        )
    shape = [point(i, max(0.0, min(100.0, score or 0.0)) / 100) for i, (_, score, _) in enumerate(axes)]
    if len(shape) >= 3:
        points = " ".join(f"{coord(x)},{coord(y)}" for x, y in shape)
        body.append(
            f'<polygon points="{points}" fill="{attr(palette.accent)}" fill-opacity="0.22" '
            f'stroke="{attr(palette.primary)}" stroke-width="2" stroke-linejoin="round"/>'
        )
    for (x, y), (_, score, _) in zip(shape, axes, strict=True):
        fill = palette.primary if score is not None else "#ffffff"
        body.append(
            f'<circle cx="{coord(x)}" cy="{coord(y)}" r="3.2" fill="{attr(fill)}" '
            f'stroke="{attr(palette.primary)}" stroke-width="1.2"/>'
        )
    boxes: list[Box] = [(-radius, -radius, radius, radius)]
    for i, (label, _, score_text) in enumerate(axes):
        x, y = point(i, 1.1)
        side = 0 if abs(x) < 1 else (1 if x > 0 else -1)
        anchor = {0: "middle", 1: "start", -1: "end"}[side]
        lines = [*wrap_to_width(label, max_width, size), score_text]
        block = (len(lines) - 1) * line_height
        # Beside the axis, the block is centred on it; above or below, it clears the web.
        above_or_below = y - block - 4 if y < 0 else y + size + 2
        first = y - block / 2 + size * 0.35 if side else above_or_below
        for j, line in enumerate(lines):
            bold = j == len(lines) - 1
            baseline = first + j * line_height
            boxes.append(text_box(x, baseline, line, size, anchor, bold=bold))
            body.append(
                text_element(
                    x,
                    baseline,
                    line,
                    size=size,
                    anchor=anchor,
                    fill=palette.primary if bold else palette.text,
                    weight="bold" if bold else "normal",
                )
            )
    return svg(union(boxes, 6.0), body, title, width_mm)


def bar_chart(
    rows: Sequence[tuple[str, float | None, str]],
    palette: Palette,
    *,
    title: str,
    marks: Sequence[float] = (),
    width_mm: float = 140,
) -> str:
    """Horizontal bars for scores 0-100, one per (label, score, score text), with thin marks at `marks`.

    The label column is as wide as the longest label, up to 190 units; a longer label wraps, and its
    row grows to hold the lines.
    """
    width, size, line_height, value_width, max_label = 500.0, 9.0, 10.5, 40.0, 190.0
    wrapped = [wrap_to_width(label, max_label, size) for label, _, _ in rows]
    widest = max((text_width(line, size) for lines in wrapped for line in lines), default=0.0)
    label_width = min(max_label, widest) + 10
    track = width - label_width - value_width
    body = []
    y = 6.0
    for (_, score, score_text), lines in zip(rows, wrapped, strict=True):
        row_height = max(24.0, len(lines) * line_height + 8)
        middle = y + row_height / 2 - 3
        first = middle - (len(lines) - 1) * line_height / 2 + 3
        for j, line in enumerate(lines):
            body.append(
                text_element(
                    label_width - 10,
                    first + j * line_height,
                    line,
                    size=size,
                    anchor="end",
                    fill=palette.text,
                )
            )
        body.append(
            f'<rect x="{coord(label_width)}" y="{coord(middle - 6)}" width="{coord(track)}" '
            'height="12" rx="2" '
            f'fill="{attr(palette.grid)}" fill-opacity="0.45"/>'
        )
        if score is not None:
            length = track * max(0.0, min(100.0, score)) / 100
            body.append(
                f'<rect x="{coord(label_width)}" y="{coord(middle - 6)}" width="{coord(length)}" '
                'height="12" rx="2" '
                f'fill="{attr(palette.primary)}"/>'
            )
        for mark in marks:
            x = label_width + track * mark / 100
            body.append(
                f'<line x1="{coord(x)}" y1="{coord(middle - 8)}" x2="{coord(x)}" y2="{coord(middle + 8)}" '
                'stroke="#ffffff" '
                'stroke-width="1.2"/>'
            )
        body.append(
            text_element(
                width - 4, middle + 3, score_text, size=size, anchor="end", fill=palette.text, weight="bold"
            )
        )
        y += row_height
    return svg((0.0, 0.0, width, y + 6), body, title, width_mm)
