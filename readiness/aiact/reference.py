"""The catalogue as Markdown tables, for the reference part of docs/ai-act.md.

Generated rather than written by hand so the method document can never disagree with the data; a test
regenerates it and compares.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from readiness.aiact.model import Catalogue, pick

BEGIN = "<!-- begin generated reference: do not edit by hand -->"
END = "<!-- end generated reference -->"


def reference_markdown(catalogue: Catalogue) -> str:
    """Tables of the rules, obligations, schedules, timeline and points to verify, in catalogue order."""
    parts = [
        f"Catalogue version {catalogue.version}; {catalogue.regulation} "
        f"as amended by {catalogue.amended_by}; checked {catalogue.checked}.",
        "",
        "### Sources",
        "",
        *_table(
            ("Id", "Source", "Link", "Checked", "To verify"),
            ((s.id, s.title, s.url, s.checked, s.note if s.verify else "") for s in catalogue.sources),
        ),
        "",
        "### Article links",
        "",
        *_table(
            ("Text", "ELI", "Link per article", "Languages", "Checked", "To verify"),
            [
                (
                    catalogue.links.title,
                    catalogue.links.eli,
                    f"`{catalogue.links.url}`",
                    ", ".join(f"{k}: {v}" for k, v in catalogue.links.languages.items()),
                    catalogue.links.checked,
                    catalogue.links.note if catalogue.links.verify else "",
                )
            ],
        ),
        "",
        "### Definitions (evaluated in this order)",
        "",
        *_table(
            ("Name", "Article", "Holds when"),
            ((d.id, d.article, f"`{d.when.text}`") for d in catalogue.definitions),
        ),
        "",
        "### Roles after role changes",
        "",
        *_table(("Role", "Holds when"), ((r.role, f"`{r.when.text}`") for r in catalogue.roles)),
        "",
        "### Rules",
        "",
        *_table(
            ("Id", "Article", "Annex", "Gives", "When"),
            (
                (r.id, r.article, r.annex or "", r.risk or "a reason", f"`{r.when.text}`")
                for r in catalogue.rules
            ),
        ),
        "",
        "### Points reported for a person to check",
        "",
        *_table(
            ("Id", "Article", "Field", "When"),
            ((n.id, n.article, n.field, f"`{n.when.text}`") for n in catalogue.notes),
        ),
        "",
        "### Obligations",
        "",
        *_table(
            ("Id", "Article", "Scope", "Roles", "Risks", "Applies from", "Title"),
            (
                (
                    o.id,
                    o.article,
                    o.scope,
                    ", ".join(o.roles),
                    ", ".join(o.risks),
                    _applies_from(o.applies_from.date, o.applies_from.schedule, o.applies_from.follows),
                    pick(o.title, "en"),
                )
                for o in catalogue.obligations
            ),
        ),
        "",
        "### Schedules",
        "",
        *_table(
            ("Schedule", "When", "Date", "Article"),
            (
                (name, f"`{case.when.text}`" if case.when else "otherwise", _date(case.date), case.article)
                for name, cases in catalogue.schedules.items()
                for case in cases
            ),
        ),
        "",
        "### Timeline",
        "",
        *_table(
            ("Date", "Status", "Article", "What"),
            ((e.date.isoformat(), e.status, e.article, pick(e.what, "en")) for e in catalogue.timeline),
        ),
        "",
        "### Needs a primary check against EUR-Lex (`verify: true`)",
        "",
        *_table(("Entry", "Article", "What to check"), _to_verify(catalogue)),
    ]
    return "\n".join(parts) + "\n"


def _to_verify(catalogue: Catalogue) -> Iterable[Sequence[str]]:
    for kind, entries in (
        ("rule", catalogue.rules),
        ("note", catalogue.notes),
        ("obligation", catalogue.obligations),
        ("timeline", catalogue.timeline),
    ):
        for entry in entries:
            if entry.verify:
                yield (f"{kind} `{entry.id}`", entry.article, entry.note)


def _applies_from(date: object, schedule: str, follows: str) -> str:
    if schedule:
        return f"schedule `{schedule}`"
    if follows:
        return f"as `{follows}`"
    return _date(date)


def _date(date: object) -> str:
    return "lifted" if date is None else str(date)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
