"""The AI Act drafts of one assessment (`readiness aiact docs`), offered for download on the result page.

The drafts come from the AI Act package (`readiness.aiact.drafts`); where it is not installed, the
result page shows no drafts. They are written beside the answers file, in `<stem>-ai-act/`, as
`readiness aiact docs --out` writes them: an index, then a folder for the company and one per system.
A draft the company has edited there is kept, as the command keeps it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from readiness.answers import Answers, register_data

FORMATS = ("md", "docx")
SUFFIXES = (".md", ".docx", ".pdf")


def drafts_available() -> bool:
    """Whether this installation can write AI Act drafts."""
    return importlib.util.find_spec("readiness.aiact.drafts") is not None


def drafts_folder(answers_path: Path) -> Path:
    """Where the drafts of an answers file go: `<stem>-ai-act/` beside it."""
    return answers_path.parent / (answers_path.name.split(".")[0] + "-ai-act")


def write_ai_act_drafts(
    answers: Answers, answers_path: Path, as_of: dt.date, lang: str, brand: Path | None
) -> None:
    """Write the drafts that apply to this company's AI systems (nothing without systems)."""
    if not answers.ai_systems or not drafts_available():
        return
    from readiness.aiact import classify_systems, register_from_data
    from readiness.aiact.drafts import build_drafts, write_drafts

    register = register_from_data(register_data(answers), answers_path.name)
    drafts = build_drafts(register, classify_systems(register, as_of), lang)
    write_drafts(drafts, drafts_folder(answers_path), FORMATS, brand_path=brand, lang=lang, as_of=as_of)


def draft_files(answers_path: Path, root: Path) -> list[str]:
    """The drafts made for an answers file, as paths inside its drafts folder (index first)."""
    folder = drafts_folder(answers_path)
    if not folder.is_dir():
        return []
    found = [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and p.resolve().is_relative_to(root)
    ]
    return sorted(found, key=lambda name: (name != "index.md", name))
