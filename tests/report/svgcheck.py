"""Reading a chart back from its SVG: every label's box, measured in the bundled font from the text's own
attributes, and every line; then what overlaps what. Used by the chart tests and the layout sweep."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from readiness.report.fontmetrics import text_box

SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Label:
    text: str
    box: tuple[float, float, float, float]


def labels(svg: str) -> list[Label]:
    """Every <text> of the chart with the box it covers."""
    root = ET.fromstring(svg)
    found = []
    for node in root.iter(f"{SVG}text"):
        box = text_box(
            float(node.get("x") or 0),
            float(node.get("y") or 0),
            node.text or "",
            float(node.get("font-size") or 0),
            node.get("text-anchor") or "start",
            bold=node.get("font-weight") == "bold",
        )
        found.append(Label(node.text or "", box))
    return found


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and (inner[3] <= outer[3] + 0.5)
    )


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _crosses(segment: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    """Whether a vertical or horizontal line segment passes through the inside of a box."""
    x1, y1, x2, y2 = segment
    left, top, right, bottom = box[0] + 0.5, box[1] + 0.5, box[2] - 0.5, box[3] - 0.5
    if x1 == x2:
        return left < x1 < right and min(y1, y2) < bottom and max(y1, y2) > top
    if y1 == y2:
        return top < y1 < bottom and min(x1, x2) < right and max(x1, x2) > left
    return False


def problems(svg: str) -> list[str]:
    """Labels outside the drawing, labels overlapping each other, and lines running through labels."""
    root = ET.fromstring(svg)
    left, top, width, height = (float(v) for v in (root.get("viewBox") or "").split())
    view = (left, top, left + width, top + height)
    found = labels(svg)
    out = [
        f"'{label.text}' is cut off by the edge of the chart"
        for label in found
        if not _inside(label.box, view)
    ]
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if _overlap(a.box, b.box):
                out.append(f"'{a.text}' overlaps '{b.text}'")
    for node in root.iter(f"{SVG}line"):
        segment = tuple(float(node.get(k) or 0) for k in ("x1", "y1", "x2", "y2"))
        for label in found:
            if _crosses(segment, label.box):  # type: ignore[arg-type]
                out.append(f"a line runs through '{label.text}'")
    return out
