"""The AI Act drafts of one assessment (`readiness aiact docs`), offered for download on the result page.

The drafts come from the AI Act package (`readiness.aiact.drafts`); where it is not installed, the
result page shows no drafts. They are written beside the answers file, in `<stem>-ai-act/`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from readiness.answers import Answers, register_data

FORMATS = ("md", "docx")


def drafts_available() -> bool:
    """Whether this installation can write AI Act drafts."""
    return importlib.util.find_spec("readiness.aiact.drafts") is not None


def write_ai_act_drafts(
    answers: Answers, answers_path: Path, as_of: dt.date, lang: str, brand: Path | None
) -> list[Path]:
    """Write the drafts that apply to this company's AI systems; the files written (none without systems)."""
    if not answers.ai_systems or not drafts_available():
        return []
    from readiness.aiact import classify_systems, register_from_data
    from readiness.aiact.drafts import build_drafts, write_drafts

    register = register_from_data(register_data(answers), answers_path.name)
    drafts = build_drafts(register, classify_systems(register, as_of), lang)
    if not drafts:
        return []
    out = answers_path.parent / (answers_path.name.split(".")[0] + "-ai-act")
    written: list[Path] = write_drafts(drafts, out, FORMATS, brand_path=brand)
    return written
