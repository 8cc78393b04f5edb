"""`readiness validate`: check questionnaires and every other content file, collecting all problems.

A file's kind is recognised from its top-level keys, so authors can point the command at anything they
edit. The checks of the AI Act catalogue and the directory come from their own packages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from readiness.content import builtin_dir
from readiness.errors import Problem, ProblemsError, ReadinessError, display_path
from readiness.l10n.checks import claimed_languages, missing_texts
from readiness.l10n.coverage import documents_part
from readiness.l10n.glossary import document_term_problems
from readiness.l10n.languages import tool_languages
from readiness.questionnaire.checks import check_questionnaire
from readiness.questionnaire.loader import compile_questionnaire
from readiness.questionnaire.registry import SEMVER_STEM, Registry
from readiness.yamlio import read_yaml


@dataclass
class ValidationReport:
    """What `validate` found: the files it read, every problem, and translation coverage per questionnaire."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    coverage: dict[str, dict[str, float]] = field(default_factory=dict)
    languages: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        """The problems that make a file invalid."""
        return [p for p in self.problems if p.is_error]

    def as_dict(self) -> dict[str, object]:
        """The report for `--format json`."""
        return {
            "ok": self.ok,
            "files": self.files,
            "problems": [p.as_dict() for p in self.problems],
            "coverage": self.coverage,
            "languages": self.languages,
        }


# Extra checkers for content that other packages own: name -> function returning problems for built-ins.
ExtraCheck = Callable[[list[Path] | None], list[Problem]]


def validate_paths(
    paths: Iterable[Path], registry_folders: tuple[Path, ...] = (), extra: dict[str, ExtraCheck] | None = None
) -> ValidationReport:
    """Check the given files and folders; with no paths, everything built in and on the search path."""
    report = ValidationReport()
    registry = Registry.default(registry_folders)
    targets = list(paths)
    extra = extra or {}
    if not targets:
        for entry in sorted(registry.entries.values(), key=lambda e: (e.id, e.version)):
            _validate_questionnaire(entry.path, registry, report)
        for check in dict.fromkeys(extra.values()):
            report.problems += check(None)
        report.problems += _languages(report)
        report.files += ["<AI Act catalogue>", "<AI Act document drafts>", "<support directory>"]
        report.files += ["<languages: glossaries, catalogues, sentences>"]
        report.problems = sorted(set(report.problems))
        return report
    for target in targets:
        if not target.exists():
            raise ReadinessError(f"no such file or folder: {target}")
        files = (
            sorted(target.rglob("*.yaml")) + sorted(target.rglob("*.yml")) if target.is_dir() else [target]
        )
        for file in files:
            _validate_file(file, registry, report, extra)
    report.problems = sorted(set(report.problems))
    return report


def _validate_file(
    path: Path, registry: Registry, report: ValidationReport, extra: dict[str, ExtraCheck]
) -> None:
    try:
        document = read_yaml(path)
    except ProblemsError as exc:
        report.files.append(display_path(path))
        report.problems += exc.problems
        return
    keys = set(document.data) if isinstance(document.data, dict) else set()
    if {"id", "version", "kind"} <= keys or SEMVER_STEM.match(path.stem):
        root = path.resolve().parent.parent
        known = {f.resolve() for f in registry.folders}
        _validate_questionnaire(
            path, registry if root in known else Registry([*registry.folders, root]), report
        )
        return
    report.files.append(display_path(path))
    for name, check in extra.items():
        if name in keys or path.resolve().parent.name == name:
            report.problems += check([path])
            return
    report.problems.append(
        document.problem(
            (),
            "cannot tell what kind of file this is",
            fix="a questionnaire has id, version and kind; see `readiness schema --help` for the others",
        )
    )


def _validate_questionnaire(path: Path, registry: Registry, report: ValidationReport) -> None:
    report.files.append(display_path(path))
    questionnaire, problems = compile_questionnaire(path, registry)
    report.problems += problems
    if questionnaire is None:
        return
    if not problems:
        report.problems += check_questionnaire(questionnaire, registry)
    own = questionnaire.origin.document
    newest = registry.versions(questionnaire.id)[-1] == questionnaire.version
    builtin = path.resolve().parent.parent == builtin_dir("questionnaires").resolve()
    # A published version claims the languages it declares; the newest also those of the catalogues
    # beside it and, when built in, every language the program speaks.
    claimed = (
        claimed_languages(own, questionnaire.languages, builtin=builtin)
        if newest
        else tuple(questionnaire.languages)
    )
    report.problems += missing_texts(own, claimed)
    shown = (*claimed, *(tool_languages() if newest else ()))
    report.coverage[questionnaire.ref] = {
        lang: documents_part(questionnaire.ref, path, [(own, "")], lang).share
        for lang in dict.fromkeys(shown)
    }
    if newest and not builtin:
        report.problems += document_term_problems(own, claimed)


def _languages(report: ValidationReport) -> list[Problem]:
    """The languages of the program: glossaries, wrong terms, catalogues, and how complete each is."""
    from readiness.l10n.checks import language_problems
    from readiness.l10n.status import language_status

    statuses = {lang: language_status(lang) for lang in tool_languages()}
    for lang, status in statuses.items():
        report.languages[lang] = status.share
    return language_problems(statuses)
