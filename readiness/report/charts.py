"""The report's charts as inline SVG: a radar of the dimensions, score bars and an AI Act timeline.

Drawn here rather than with a plotting library so that they are vectors (crisp in print), render the
same everywhere, and cost no dependency. Every chart is a pure function of its arguments: the same
input gives the same bytes. All text is escaped; labels arrive already translated and formatted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = "Report Sans, DejaVu Sans, sans-serif"


@dataclass(frozen=True)
class Palette:
    """The brand colours a chart uses, each #rrggbb."""

    primary: str
    accent: str
    text: str
    muted: str
    grid: str = "#d5dae1"


@dataclass(frozen=True)
class TimelinePoint:
    date: dt.date
    lines: tuple[str, ...]
    upcoming: bool


def _n(value: float) -> str:
    """A coordinate with at most one decimal, so the output is short and stable."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _text(
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
        f'<text x="{_n(x)}" y="{_n(y)}" font-family="{FONT}" font-size="{_n(size)}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{_attr(fill)}">{escape(content)}</text>'
    )


def wrap(label: str, width: int) -> list[str]:
    """Words of `label` on lines of at most `width` characters (a longer word gets its own line)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def shorten(label: str, width: int) -> str:
    """`label` cut to `width` characters at a word boundary, with an ellipsis when cut."""
    if len(label) <= width:
        return label
    return label[: width - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _anchor(x: float, left: float, right: float) -> str:
    """Labels near an edge grow inwards, so they stay inside the chart."""
    return "start" if x < left + 40 else ("end" if x > right - 40 else "middle")


def _svg(width: float, height: float, body: list[str], title: str, width_mm: float) -> str:
    """The chart, sized in millimetres on the page so that print engines and browsers agree on its size."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width_mm)}mm" height="{_n(width_mm * height / width)}mm" role="img" '
        f'aria-label="{_attr(title)}"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def radar_chart(
    axes: Sequence[tuple[str, float | None, str]], palette: Palette, *, title: str, width_mm: float = 90
) -> str:
    """A radar of scores 0-100, an axis per (label, score, score text); a missing score sits at the centre."""
    width, height = 420.0, 320.0
    cx, cy, radius = width / 2, height / 2, 100.0
    count = max(len(axes), 3)

    def point(i: int, share: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / count
        return cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)

    body = []
    for ring in (0.25, 0.5, 0.75, 1.0):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(i, ring) for i in range(count)))
        body.append(
            f'<polygon points="{points}" fill="none" stroke="{_attr(palette.grid)}" stroke-width="0.8"/>'
        )
    for i in range(count):
        x, y = point(i, 1.0)
        body.append(
            f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(x)}" y2="{_n(y)}" stroke="{_attr(palette.grid)}" '
            'stroke-width="0.8"/>'
        )
    shape = [point(i, max(0.0, min(100.0, score or 0.0)) / 100) for i, (_, score, _) in enumerate(axes)]
    if len(shape) >= 3:
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in shape)
        body.append(
            f'<polygon points="{points}" fill="{_attr(palette.accent)}" fill-opacity="0.22" '
            f'stroke="{_attr(palette.primary)}" stroke-width="2" stroke-linejoin="round"/>'
        )
    for (x, y), (_, score, _) in zip(shape, axes, strict=True):
        fill = palette.primary if score is not None else "#ffffff"
        body.append(
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2" fill="{_attr(fill)}" '
            f'stroke="{_attr(palette.primary)}" stroke-width="1.2"/>'
        )
    for i, (label, _, score_text) in enumerate(axes):
        x, y = point(i, 1.17)
        anchor = "middle" if abs(x - cx) < 1 else ("start" if x > cx else "end")
        lines = wrap(label, 16)
        beside = y - len(lines) * 6 + 4
        top = beside if abs(x - cx) >= 1 else (y - len(lines) * 12 - 2 if y < cy else y + 10)
        for j, line in enumerate(lines):
            body.append(_text(x, top + j * 12, line, size=10, anchor=anchor, fill=palette.text))
        body.append(
            _text(
                x,
                top + len(lines) * 12,
                score_text,
                size=10,
                anchor=anchor,
                fill=palette.primary,
                weight="bold",
            )
        )
    return _svg(width, height, body, title, width_mm)


def bar_chart(
    rows: Sequence[tuple[str, float | None, str]],
    palette: Palette,
    *,
    title: str,
    marks: Sequence[float] = (),
    width_mm: float = 140,
) -> str:
    """Horizontal bars for scores 0-100, one per (label, score, score text), with thin marks at `marks`."""
    width, label_width, value_width, row_height = 500.0, 176.0, 40.0, 24.0
    track = width - label_width - value_width
    body = []
    for i, (label, score, score_text) in enumerate(rows):
        y = 6 + i * row_height
        body.append(
            _text(label_width - 10, y + 12, shorten(label, 34), size=9, anchor="end", fill=palette.text)
        )
        body.append(
            f'<rect x="{_n(label_width)}" y="{_n(y + 3)}" width="{_n(track)}" height="12" rx="2" '
            f'fill="{_attr(palette.grid)}" fill-opacity="0.45"/>'
        )
        if score is not None:
            length = track * max(0.0, min(100.0, score)) / 100
            body.append(
                f'<rect x="{_n(label_width)}" y="{_n(y + 3)}" width="{_n(length)}" height="12" rx="2" '
                f'fill="{_attr(palette.primary)}"/>'
            )
        for mark in marks:
            x = label_width + track * mark / 100
            body.append(
                f'<line x1="{_n(x)}" y1="{_n(y + 1)}" x2="{_n(x)}" y2="{_n(y + 17)}" stroke="#ffffff" '
                'stroke-width="1.2"/>'
            )
        body.append(
            _text(width - 4, y + 12, score_text, size=9, anchor="end", fill=palette.text, weight="bold")
        )
    height = 12 + len(rows) * row_height
    return _svg(width, height, body, title, width_mm)


def timeline_chart(
    points: Sequence[TimelinePoint],
    as_of: dt.date,
    as_of_label: str,
    palette: Palette,
    *,
    title: str,
    width_mm: float = 170,
) -> str:
    """Dates on a line, labels placed in lanes above and below so they never overlap; `as_of` marked."""
    days = [p.date for p in points] + [as_of]
    start = dt.date(min(days).year, 1, 1)
    end = dt.date(max(days).year + 1, 1, 1)
    span = (end - start).days or 1
    width = 560.0
    left, right = 16.0, width - 16.0

    def x_of(day: dt.date) -> float:
        return left + (right - left) * (day - start).days / span

    lanes = [-1, 1, -2, 2]
    lane_height, line_height = 28.0, 10.5
    lane_end: dict[int, float] = {}
    placed: list[tuple[TimelinePoint, float, int]] = []
    for p in sorted(points, key=lambda p: p.date):
        x = x_of(p.date)
        extent = max(len(line) for line in p.lines) * 4.8 + 8 if p.lines else 10
        anchor = _anchor(x, left, right)
        begin = x if anchor == "start" else x - extent if anchor == "end" else x - extent / 2
        lane = next((lane for lane in lanes if lane_end.get(lane, -1e9) < begin), lanes[len(placed) % 4])
        lane_end[lane] = begin + extent
        placed.append((p, x, lane))
    above = max([-lane for _, _, lane in placed if lane < 0], default=0)
    below = max([lane for _, _, lane in placed if lane > 0], default=0)
    axis_y = 20 + above * lane_height + 4
    bottom = axis_y + below * lane_height + 12
    body = [
        f'<line x1="{_n(left)}" y1="{_n(axis_y)}" x2="{_n(right)}" y2="{_n(axis_y)}" '
        f'stroke="{_attr(palette.muted)}" stroke-width="1.2"/>'
    ]
    for year in range(start.year, end.year + 1):
        x = x_of(dt.date(year, 1, 1))
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(axis_y - 3)}" x2="{_n(x)}" y2="{_n(axis_y + 3)}" '
            f'stroke="{_attr(palette.muted)}" stroke-width="1"/>'
        )
        body.append(_text(x, bottom + 10, str(year), size=8, fill=palette.muted))
    x_now = x_of(as_of)
    body.append(
        f'<line x1="{_n(x_now)}" y1="{_n(14)}" x2="{_n(x_now)}" y2="{_n(bottom)}" '
        f'stroke="{_attr(palette.accent)}" stroke-width="1.2" stroke-dasharray="3 2"/>'
    )
    now_anchor = "end" if x_now > right - 60 else ("start" if x_now < left + 60 else "middle")
    body.append(_text(x_now, 9, as_of_label, size=8, anchor=now_anchor, fill=palette.accent, weight="bold"))
    for p, x, lane in placed:
        colour = palette.primary if p.upcoming else palette.muted
        if lane < 0:
            block_end = axis_y - 12 - (-lane - 1) * lane_height
            text_top, stem_end = block_end - (len(p.lines) - 1) * line_height, block_end + 3
        else:
            text_top = axis_y + 18 + (lane - 1) * lane_height
            stem_end = text_top - 9
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(axis_y)}" x2="{_n(x)}" y2="{_n(stem_end)}" stroke="{_attr(colour)}" '
            'stroke-width="0.8"/>'
        )
        fill = colour if p.upcoming else "#ffffff"
        body.append(
            f'<circle cx="{_n(x)}" cy="{_n(axis_y)}" r="4" fill="{_attr(fill)}" stroke="{_attr(colour)}" '
            'stroke-width="1.5"/>'
        )
        anchor = _anchor(x, left, right)
        for j, line in enumerate(p.lines):
            body.append(
                _text(
                    x,
                    text_top + j * line_height,
                    line,
                    size=8,
                    anchor=anchor,
                    fill=palette.text,
                    weight="bold" if j == 0 else "normal",
                )
            )
    return _svg(width, bottom + 14, body, title, width_mm)
