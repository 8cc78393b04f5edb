"""The checks `readiness validate` runs on content other than questionnaires, keyed by what marks a file.

A marker is a top-level key of the file or the name of the folder it sits in. With no paths, each
checker runs once over its built-in content.
"""

from __future__ import annotations

from pathlib import Path

from readiness.errors import Problem, ProblemsError
from readiness.validation import ExtraCheck


def _catalogue(paths: list[Path] | None) -> list[Problem]:
    from readiness.aiact import check_catalogue

    # The catalogue's files refer to each other, so any one of them is checked as the whole.
    return check_catalogue()


def _drafts(paths: list[Path] | None) -> list[Problem]:
    from readiness.aiact.drafts import check_templates

    # Draft templates name the catalogue's obligations and share one labels file: checked as a whole.
    return check_templates()


def _register(paths: list[Path] | None) -> list[Problem]:
    from readiness.aiact import load_register

    problems: list[Problem] = []
    for path in paths or []:
        try:
            load_register(path)
        except ProblemsError as exc:
            problems += exc.problems
    return problems


def _answers(paths: list[Path] | None) -> list[Problem]:
    from readiness.answers import load_answers
    from readiness.questionnaire import Registry

    problems: list[Problem] = []
    registry = Registry.default()
    for path in paths or []:
        try:
            load_answers(path, registry)
        except ProblemsError as exc:
            problems += exc.problems
    return problems


def _language_files(paths: list[Path] | None) -> list[Problem]:
    """A language's own files (glossary.yaml, language.yaml): checked with every text of the language."""
    from readiness.l10n.glossary import glossary_problems, term_problems
    from readiness.l10n.languages import language

    if paths is None:
        return []  # checked with every language when validate runs without paths
    problems: list[Problem] = []
    for code in dict.fromkeys(path.resolve().parent.name for path in paths):
        try:
            language(code)
        except ProblemsError as exc:
            problems += exc.problems
        problems += glossary_problems(code) + term_problems(code)
    return problems


def _brand(paths: list[Path] | None) -> list[Problem]:
    from readiness.errors import ReadinessError
    from readiness.report.brand import load_brand

    problems: list[Problem] = []
    targets: list[Path | None] = list(paths) if paths else [None]  # None: the built-in brand
    for path in targets:
        try:
            load_brand(path)
        except ProblemsError as exc:
            problems += exc.problems
        except ReadinessError as exc:
            problems.append(Problem(str(path or "<built-in brand>"), 0, 0, exc.message))
    return problems


def extra_checks() -> dict[str, ExtraCheck]:
    """Checkers by marker, in the order they are tried."""
    from readiness.directory import check_directory_files
    from readiness.directory.import_map import check_map_files

    return {
        "maps": check_map_files,
        "columns": check_map_files,
        "directory": check_directory_files,
        "entries": check_directory_files,
        "obligations": _catalogue,
        "rules": _catalogue,
        "timeline": _catalogue,
        "law": _catalogue,
        "draft": _drafts,
        "draft_labels": _drafts,
        "systems": _register,
        "questionnaire": _answers,
        "terms": _language_files,
        "citation": _language_files,
        "gap_because": _language_files,
        "colors": _brand,
        "contact": _brand,
        "card": _brand,
        "directory_entry": _brand,
        "footer": _brand,
    }
