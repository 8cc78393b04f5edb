"""The AI Act timeline as inline SVG: dates on a line, each with its label in a lane above or below.

Labels are measured in the bundled font and placed so that no label overlaps another, no connector
from the line to a label in an outer lane runs through a label in an inner lane, and the dashed line
marking the assessment date runs through none of them: a label that would straddle it is set to one
side (text starting or ending at its connector), or moved to another lane.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from readiness.report.charts import Box, Palette, attr, coord, svg, text_element
from readiness.report.fontmetrics import fit_to_width, text_box, text_width, wrap_to_width

SIZE, LINE, CAPTION_WIDTH, GAP, OFFSET = 8.0, 10.5, 150.0, 6.0, 3.0
WIDTH, LEFT, RIGHT = 560.0, 16.0, 544.0
MAX_LANES = 8
SEARCH_LIMIT = 20_000


@dataclass(frozen=True)
class TimelinePoint:
    date: dt.date
    lines: tuple[str, ...]
    upcoming: bool


@dataclass(frozen=True)
class _Placed:
    point: TimelinePoint
    lines: tuple[str, ...]
    x: float
    lane: int  # negative above the line, positive below
    anchor: str
    left: float
    right: float


def _lines(point: TimelinePoint) -> tuple[str, ...]:
    """The date, then the caption on at most two lines of CAPTION_WIDTH (cut with an ellipsis)."""
    if not point.lines:
        return ("",)
    first, *rest = point.lines
    caption = wrap_to_width(" ".join(rest), CAPTION_WIDTH, SIZE) if rest else []
    if len(caption) > 2:
        caption = [caption[0], fit_to_width(" ".join(caption[1:]), CAPTION_WIDTH, SIZE)]
    return (first, *caption)


def _extent(x: float, lines: Sequence[str], anchor: str) -> tuple[float, float]:
    width = max(text_width(line, SIZE, bold=j == 0) for j, line in enumerate(lines))
    if anchor == "start":
        return x + OFFSET, x + OFFSET + width
    if anchor == "end":
        return x - OFFSET - width, x - OFFSET
    return x - width / 2, x + width / 2


def _covers(left: float, right: float, x: float) -> bool:
    """Whether a vertical line at `x` would touch a label spanning left..right (a unit to spare)."""
    return left - 1 < x < right + 1


def _place(points: Sequence[TimelinePoint], x_of: dict[dt.date, float], x_now: float) -> list[_Placed]:
    """Each point's lane and anchor, innermost first, such that its label stays clear of every other label,
    every connector and the assessment-date line.

    A depth-first search in date order (a label set to the left of its date leaves room for the next one);
    should it run out of tries, each label takes the place with the fewest clashes.
    """
    ordered = sorted(points, key=lambda p: p.date)
    lanes = [sign * depth for depth in range(1, MAX_LANES + 1) for sign in (-1, 1)]
    # Per lane, a label inside the drawing before one that widens it (the drawing grows to hold it).
    options = [
        sorted(
            (
                _Placed(point, lines, x, lane, anchor, *_extent(x, lines, anchor))
                for lane in lanes
                for anchor in ("middle", "end", "start")
            ),
            key=lambda c: (abs(c.lane), c.left < 2 or c.right > WIDTH - 2),
        )
        for point in ordered
        for x, lines in [(x_of[point.date], _lines(point))]
    ]
    tries = [SEARCH_LIMIT]

    def search(index: int, placed: list[_Placed]) -> list[_Placed] | None:
        if index == len(options):
            return placed
        for candidate in options[index]:
            tries[0] -= 1
            if tries[0] < 0:
                return None
            if _clashes(candidate, placed, x_now) == 0:
                found = search(index + 1, [*placed, candidate])
                if found is not None:
                    return found
        return None

    found = search(0, [])
    if found is not None:
        return found
    placed: list[_Placed] = []
    for choices in options:
        placed.append(min(choices, key=lambda c: _clashes(c, placed, x_now)))
    return placed


def _clashes(candidate: _Placed, placed: Sequence[_Placed], x_now: float) -> int:
    """How many things the candidate's label or connector would run into (0: a clean place)."""
    count = int(_covers(candidate.left, candidate.right, x_now))
    for other in placed:
        if (other.lane > 0) != (candidate.lane > 0):
            continue
        depth, other_depth = abs(candidate.lane), abs(other.lane)
        if depth == other_depth:
            count += int(candidate.left < other.right + GAP and other.left < candidate.right + GAP)
        elif depth < other_depth:
            count += int(_covers(candidate.left, candidate.right, other.x))
        else:
            count += int(_covers(other.left, other.right, candidate.x))
    return count


def timeline_chart(
    points: Sequence[TimelinePoint],
    as_of: dt.date,
    as_of_label: str,
    palette: Palette,
    *,
    title: str,
    width_mm: float = 170,
) -> str:
    """Dates on a line, the assessment date marked, each label clear of the others and of every line."""
    days = [p.date for p in points] + [as_of]
    start = dt.date(min(days).year, 1, 1)
    end = dt.date(max(days).year + 1, 1, 1)
    span = (end - start).days or 1

    def x_of(day: dt.date) -> float:
        return LEFT + (RIGHT - LEFT) * (day - start).days / span

    x_now = x_of(as_of)
    placed = _place(points, {p.date: x_of(p.date) for p in points}, x_now)
    block = max((len(p.lines) for p in placed), default=1)
    block_height = (block - 1) * LINE + SIZE * 1.2
    lane_height = block_height + 8
    above = max((-p.lane for p in placed if p.lane < 0), default=0)
    below = max((p.lane for p in placed if p.lane > 0), default=0)
    axis_y = 28 + above * lane_height if above else 24.0
    lanes_end = axis_y + 10 + below * lane_height if below else axis_y + 8
    years_y = lanes_end + 10

    body = [
        f'<line x1="{coord(LEFT)}" y1="{coord(axis_y)}" x2="{coord(RIGHT)}" y2="{coord(axis_y)}" '
        f'stroke="{attr(palette.muted)}" stroke-width="1.2"/>'
    ]
    for year in range(start.year, end.year + 1):
        x = x_of(dt.date(year, 1, 1))
        body.append(
            f'<line x1="{coord(x)}" y1="{coord(axis_y - 3)}" x2="{coord(x)}" y2="{coord(axis_y + 3)}" '
            f'stroke="{attr(palette.muted)}" stroke-width="1"/>'
        )
        body.append(text_element(x, years_y, str(year), size=SIZE, fill=palette.muted))
    now_anchor = "end" if x_now > RIGHT - 60 else ("start" if x_now < LEFT + 60 else "middle")
    body.append(
        f'<line x1="{coord(x_now)}" y1="{coord(13)}" x2="{coord(x_now)}" y2="{coord(lanes_end)}" '
        f'stroke="{attr(palette.accent)}" stroke-width="1.2" stroke-dasharray="3 2"/>'
    )
    body.append(
        text_element(x_now, 9, as_of_label, size=SIZE, anchor=now_anchor, fill=palette.accent, weight="bold")
    )
    boxes: list[Box] = [
        (0.0, 0.0, WIDTH, years_y + 4),
        text_box(x_now, 9, as_of_label, SIZE, now_anchor, bold=True),
    ]
    for p in placed:
        colour = palette.primary if p.point.upcoming else palette.muted
        depth = abs(p.lane)
        if p.lane < 0:
            bottom = axis_y - 10 - (depth - 1) * lane_height
            top, stem_end = bottom - block_height, bottom + 2
        else:
            top = axis_y + 10 + (depth - 1) * lane_height
            stem_end = top - 2
        body.append(
            f'<line x1="{coord(p.x)}" y1="{coord(axis_y)}" x2="{coord(p.x)}" y2="{coord(stem_end)}" '
            f'stroke="{attr(colour)}" stroke-width="0.8"/>'
        )
        fill = colour if p.point.upcoming else "#ffffff"
        body.append(
            f'<circle cx="{coord(p.x)}" cy="{coord(axis_y)}" r="4" fill="{attr(fill)}" '
            f'stroke="{attr(colour)}" '
            'stroke-width="1.5"/>'
        )
        text_x = {"start": p.x + OFFSET, "end": p.x - OFFSET, "middle": p.x}[p.anchor]
        for j, line in enumerate(p.lines):
            baseline = top + SIZE * 0.95 + j * LINE
            boxes.append(text_box(text_x, baseline, line, SIZE, p.anchor, bold=j == 0))
            body.append(
                text_element(
                    text_x,
                    baseline,
                    line,
                    size=SIZE,
                    anchor=p.anchor,
                    fill=palette.text,
                    weight="bold" if j == 0 else "normal",
                )
            )
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    return svg((min(0.0, left - 2), 0.0, max(WIDTH, right + 2), years_y + 6), body, title, width_mm)
