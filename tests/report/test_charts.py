"""The SVG charts: well-formed, deterministic, escaping every label, and no label cut off or run into."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.report.charts import Palette, bar_chart, radar_chart
from readiness.report.fontmetrics import fit_to_width, text_width, wrap_to_width
from readiness.report.timeline import TimelinePoint, timeline_chart
from tests.report.svgcheck import labels, problems

PALETTE = Palette("#1f3a5f", "#2a7f8f", "#1e2530", "#6b7585")
HOSTILE = '<script>alert(1)</script>" onload="x'
SVG = "{http://www.w3.org/2000/svg}"
LONG = "Data management and connectedness"
DIMENSIONS = [
    ("Digital business strategy", 47.2, "47"),
    ("Digital readiness", 65.0, "65"),
    ("Human-centric digitalisation", 42.9, "43"),
    (LONG, 43.8, "44"),
    ("Automation and artificial intelligence", 53.3, "53"),
    ("Green digitalisation", 38.8, "39"),
    ("AI readiness", 58.0, "58"),
    ("AI governance", 33.3, "33"),
    ("Gegevensbeheer en -connectiviteit, ook met ketenpartners", 77.0, "77"),
]


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


def test_radar_and_bars_keep_every_long_label_whole_and_inside() -> None:
    for svg in (
        radar_chart(DIMENSIONS, PALETTE, title="Radar"),
        bar_chart(DIMENSIONS, PALETTE, title="Bars", marks=(25, 50, 75)),
    ):
        assert problems(svg) == []
        printed = " ".join(texts(svg))
        assert LONG in printed or all(word in printed for word in LONG.split())
        assert "…" not in printed


def test_bars_draw_one_track_per_row_and_a_bar_only_for_scores() -> None:
    svg = bar_chart([("Data", 50.0, "50"), ("None", None, "–")], PALETTE, title="Scores", marks=(25, 50, 75))
    rects = ET.fromstring(svg).findall(f"{SVG}rect")
    assert len(rects) == 3
    assert texts(svg) == ["Data", "50", "None", "–"]


def test_a_label_too_long_for_the_column_wraps_and_its_row_grows() -> None:
    label = "An unusually long dimension name that no label column of a bar chart can hold on one line"
    svg = bar_chart([(label, 10.0, "10"), ("Short", 20.0, "20")], PALETTE, title="Bars")
    assert problems(svg) == []
    assert len([t for t in texts(svg) if t not in ("10", "20", "Short")]) >= 2


def test_the_checker_finds_a_cut_off_label_and_an_overlap() -> None:
    cut = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40">'
        '<text x="95" y="20" font-size="9">Far too long for this box</text>'
        '<text x="0" y="20" font-size="9">Overlap</text><line x1="10" y1="0" x2="10" y2="40"/></svg>'
    )
    found = problems(cut)
    assert any("cut off" in p for p in found)
    assert any("runs through 'Overlap'" in p for p in found)
    assert any("overlaps" in p for p in found) is False  # the two texts lie side by side


def test_timeline_keeps_labels_clear_of_each_other_the_connectors_and_the_as_of_line() -> None:
    points = [
        TimelinePoint(dt.date(2025, 2, 2), ("2 Feb 2025", "Support AI literacy among your staff"), False),
        TimelinePoint(dt.date(2025, 8, 2), ("2 Aug 2025", "Mark generated content"), False),
        TimelinePoint(dt.date(2026, 8, 2), ("2 Aug 2026", "Design the system so people know"), False),
        TimelinePoint(dt.date(2026, 12, 2), ("2 Dec 2026", "Mark generated audio, images and text"), True),
        TimelinePoint(dt.date(2027, 12, 2), ("2 Dec 2027", "10 obligations"), True),
        TimelinePoint(dt.date(2028, 8, 2), ("2 Aug 2028", "Follow the AI requirements in the law"), True),
    ]
    svg = timeline_chart(points, dt.date(2026, 12, 1), "As of 1 Dec 2026", PALETTE, title="Dates")
    assert problems(svg) == []
    assert {"2025", "2026", "2027", "2028", "As of 1 Dec 2026"} <= set(texts(svg))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(dt.date(2024, 8, 1), dt.date(2031, 12, 31)),
            st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=70),
        ),
        min_size=1,
        max_size=7,
        unique_by=lambda item: item[0],
    ),
    st.dates(dt.date(2024, 8, 1), dt.date(2031, 12, 31)),
)
def test_no_timeline_ever_puts_a_label_over_another_a_connector_or_the_as_of_line(
    dated: list[tuple[dt.date, str]], as_of: dt.date
) -> None:
    points = [TimelinePoint(day, (day.isoformat(), caption), day > as_of) for day, caption in dated]
    svg = timeline_chart(points, as_of, f"As of {as_of.isoformat()}", PALETTE, title="Dates")
    assert problems(svg) == []


def test_labels_are_measured_in_the_bundled_font() -> None:
    assert text_width("WWW", 10) > text_width("iii", 10) * 2
    assert text_width("Data", 10, bold=True) > text_width("Data", 10)
    assert wrap_to_width("People and skills", text_width("People and", 10), 10) == ["People and", "skills"]
    assert wrap_to_width("", 50, 10) == [""]
    cut = fit_to_width("Follow the AI requirements in the sectoral legislation", 80, 8)
    assert cut.endswith("…") and text_width(cut, 8) <= 80
    assert [label.text for label in labels(radar_chart(DIMENSIONS[:3], PALETTE, title="r"))]
