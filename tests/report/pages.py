"""How full each page of a rendered report is, read from WeasyPrint's layout boxes (no PDF written)."""

from __future__ import annotations

from typing import Any

from readiness.report.html import render_html, template_dirs
from readiness.report.model import Report


def page_fill(report: Report) -> tuple[list[float], list[set[str]]]:
    """Per page, the share of its content area down to its lowest line of text or image, and the ids
    of the elements that start on it."""
    from weasyprint.formatting_structure import boxes

    from readiness.report import pdf

    weasyprint = pdf._import_weasyprint()
    folders = template_dirs()
    fetcher = pdf.asset_fetcher(weasyprint, folders, report.brand.folder)
    document = weasyprint.HTML(
        string=render_html(report), base_url=folders[-1].as_uri() + "/", url_fetcher=fetcher
    ).render(font_config=pdf.font_config(weasyprint))
    fills, anchors = [], []
    for page in document.pages:
        anchors.append(set(page.anchors))
        box: Any = page._page_box
        top, height = box.content_box_y(), box.height
        lowest = top
        for child in box.children:
            if isinstance(child, boxes.MarginBox):
                continue
            for item in child.descendants():
                if isinstance(item, boxes.LineBox | boxes.ReplacedBox) and item.height:
                    lowest = max(lowest, item.position_y + item.margin_height())
        fills.append(round((lowest - top) / height, 2) if height else 0.0)
    return fills, anchors
