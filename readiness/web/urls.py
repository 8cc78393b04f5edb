"""The app's addresses, built in one place: an answers file is named by its path in the workspace."""

from __future__ import annotations

from urllib.parse import quote, urlencode


def _ref(ref: str) -> str:
    return quote(ref, safe="/")


def client(ref: str) -> str:
    """The page of one answers file: its status, result, earlier and later assessments."""
    return f"/a/{_ref(ref)}"


def question(ref: str, qid: str, **query: str) -> str:
    """The page of one question of the interview in `ref`."""
    url = f"/a/{_ref(ref)}/q/{quote(qid, safe='')}"
    return f"{url}?{urlencode(query)}" if query else url


def resume(ref: str) -> str:
    """Continue the interview at its first open question."""
    return f"/a/{_ref(ref)}/next"


def finish(ref: str) -> str:
    """The end of the interview: the open required questions, or the way to the result."""
    return f"/a/{_ref(ref)}/finish"


def entry(ref: str, qid: str, index: int | str) -> str:
    """The form of one entry of a repeated group, e.g. one AI system of the register (`new` for a new one)."""
    return f"/a/{_ref(ref)}/q/{quote(qid, safe='')}/entry/{index}"


def remove_entry(ref: str, qid: str, index: int) -> str:
    """The page that asks before an entry of a repeated group is removed."""
    return f"{entry(ref, qid, index)}/remove"


def result(ref: str) -> str:
    """The result of a complete assessment."""
    return f"/a/{_ref(ref)}/result"


def download(ref: str, fmt: str) -> str:
    """A report file (pdf, md, json or html) or the answers file (yaml)."""
    return f"/a/{_ref(ref)}/download/{fmt}"


def report_view(ref: str) -> str:
    """The report as HTML, shown in a frame of the result page."""
    return f"/a/{_ref(ref)}/report/view.html"


def drafts(ref: str) -> str:
    """Where the AI Act drafts of this assessment are made (posted to)."""
    return f"/a/{_ref(ref)}/drafts"


def draft(ref: str, name: str) -> str:
    """One AI Act draft document for this assessment."""
    return f"/a/{_ref(ref)}/drafts/{quote(name, safe='/')}"


def follow_up(ref: str) -> str:
    """Start a later assessment (T1) of the same company from this one."""
    return f"/a/{_ref(ref)}/follow-up"


def compare(before: str, after: str) -> str:
    """The progress of one company from `before` (T0) to `after` (T1)."""
    return "/hub/compare?" + urlencode({"before": before, "after": after})
