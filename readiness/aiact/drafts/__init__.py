"""Drafts of the documents the AI Act asks a company to write or keep, prefilled from its register.

Templates are data (`data/*.yaml`, checked against `readiness schema aiact-drafts`); a draft is made for a
system and role, or once for the company, when an obligation it serves binds. Markdown and DOCX to edit, PDF
on request. Not legal advice, and every draft says so.
"""

from readiness.aiact.drafts.build import build_drafts
from readiness.aiact.drafts.model import Draft
from readiness.aiact.drafts.select import plan_drafts
from readiness.aiact.drafts.templates import check_templates, load_templates
from readiness.aiact.drafts.write import FORMATS, Written, write_drafts

__all__ = [
    "FORMATS",
    "Draft",
    "Written",
    "build_drafts",
    "check_templates",
    "load_templates",
    "plan_drafts",
    "write_drafts",
]
