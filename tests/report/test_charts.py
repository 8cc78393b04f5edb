"""The SVG charts: well-formed, deterministic, and escaping every label."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from readiness.report.charts import Palette, TimelinePoint, bar_chart, radar_chart, timeline_chart, wrap

PALETTE = Palette("#1f3a5f", "#2a7f8f", "#1e2530", "#6b7585")
HOSTILE = '<script>alert(1)</script>" onload="x'
SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_radar_is_well_formed_deterministic_and_escaped() -> None:
    axes = [("Data", 73.3, "73"), (HOSTILE, None, "–"), ("People", 38.9, "39"), ("AI in use", 100.0, "100")]
    svg = radar_chart(axes, PALETTE, title="Readiness")
    assert svg == radar_chart(axes, PALETTE, title="Readiness")
    assert "<script>" not in svg and 'onload="x' not in svg
    assert any("<script>alert(1)</script>" in t for t in texts(svg))  # printed as text
    root = ET.fromstring(svg)
    assert root.get("width") == "90mm"
    assert len(root.findall(f"{SVG}circle")) == 4


def test_bars_draw_one_track_per_row_and_a_bar_only_for_scores() -> None:
    svg = bar_chart([("Data", 50.0, "50"), ("None", None, "–")], PALETTE, title="Scores", marks=(25, 50, 75))
    rects = ET.fromstring(svg).findall(f"{SVG}rect")
    assert len(rects) == 3
    assert texts(svg) == ["Data", "50", "None", "–"]


def test_timeline_labels_never_share_a_lane_when_they_would_overlap() -> None:
    points = [
        TimelinePoint(dt.date(2025, 2, 2), ("2 Feb 2025", "2 obligations"), False),
        TimelinePoint(dt.date(2025, 3, 2), ("2 Mar 2025", "An obligation with a long title"), False),
        TimelinePoint(dt.date(2027, 12, 2), ("2 Dec 2027", "4 obligations"), True),
    ]
    svg = timeline_chart(points, dt.date(2026, 11, 27), "As of 27 Nov 2026", PALETTE, title="Dates")
    root = ET.fromstring(svg)
    labels = {t.text: float(t.get("y") or 0) for t in root.iter(f"{SVG}text")}
    assert labels["2 Feb 2025"] != labels["2 Mar 2025"]
    assert {"2025", "2026", "2027", "2028", "As of 27 Nov 2026"} <= set(labels)


def test_wrap_breaks_on_words() -> None:
    assert wrap("People and skills", 10) == ["People and", "skills"]
    assert wrap("", 10) == [""]
