"""Every set of texts the program translates, and where each language's translation of it lives.

- content: the YAML content with its `locale/<lang>.po` beside it (each questionnaire's newest version, the
  AI Act catalogue, the AI Act document drafts, the support directory, the default brand);
- the Babel catalogues of the report, the hub documents and the browser app (`<lang>/LC_MESSAGES/*.po`,
  made from a `.pot` template that developers extract from the code);
- the pipeline's sentences (`readiness/locale/<lang>/messages.po`, from `readiness/locale/en/messages.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from readiness.content import builtin_dir
from readiness.l10n import content
from readiness.l10n.coverage import Missing, Part, babel_part, documents_part
from readiness.l10n.texts import SOURCE_LANGUAGE
from readiness.yamlio import YamlDocument
from readiness.yamlparse import yaml_1_2_resolvers

PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ContentSource:
    """YAML files and the folder whose `locale/` translates them.

    `shared` names texts without their file, so that every version of a questionnaire shares one
    catalogue; other folders serve several different files and name each text after its file.
    """

    name: str
    folder: Path
    files: tuple[Path, ...]
    shared: bool = False

    def catalogue(self, lang: str) -> Path:
        return content.catalogue_path(self.folder, lang)

    def prefix(self, path: Path) -> str:
        return "" if self.shared else content.file_prefix(path, self.folder)

    def documents(self) -> list[tuple[YamlDocument, str]]:
        """The files as read, with their translations added, and the name prefix of their texts."""
        out = []
        for path in self.files:
            prefix = self.prefix(path)
            out.append((content.translate_document(read_shipped(path), self.folder, prefix), prefix))
        return out

    def part(self, lang: str) -> Part:
        return documents_part(self.name, self.catalogue(lang), self.documents(), lang)


@dataclass(frozen=True)
class BabelSource:
    """A gettext catalogue of the program's own words, with its template."""

    name: str
    template: Path
    folder: Path
    domain: str

    def catalogue(self, lang: str) -> Path:
        return self.folder / lang / "LC_MESSAGES" / f"{self.domain}.po"

    def part(self, lang: str) -> Part:
        return babel_part(self.name, self.template, self.catalogue(lang), lang)


@dataclass(frozen=True)
class MessagesSource:
    """The pipeline's sentences: English in YAML, every other language in a PO file named by key."""

    name: str = "pipeline sentences (readiness/locale)"

    def catalogue(self, lang: str) -> Path:
        from readiness.texts import catalogue_path

        return catalogue_path(lang)

    def part(self, lang: str) -> Part:
        from readiness.errors import display_path
        from readiness.texts import english, english_path, translations

        source = english()
        have = translations(lang) if lang != SOURCE_LANGUAGE else source
        missing = tuple(
            Missing(display_path(english_path()), key, text)
            for key, text in source.items()
            if key not in have
        )
        return Part(self.name, display_path(self.catalogue(lang)), lang, len(source), missing)


Source = ContentSource | BabelSource | MessagesSource


class _ShippedLoader(yaml.CSafeLoader):
    """LibYAML's parser with the program's YAML 1.2 reading of values (`no` stays a string)."""

    yaml_implicit_resolvers = yaml_1_2_resolvers()


def read_shipped(path: Path) -> YamlDocument:
    """A YAML file of the program's own content, read with LibYAML (ten times faster than the checked
    reader, and the same values): counting the texts of every file must not slow every command down.
    User files go through `readiness.yamlio.read_yaml`, with its limits."""
    info = path.stat()
    return _read_shipped(str(path), info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=512)
def _read_shipped(path: str, _mtime: int, _size: int) -> YamlDocument:
    loader = _ShippedLoader(Path(path).read_text(encoding="utf-8"))
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return YamlDocument(Path(path), data, root)


def questionnaire_sources(folder: Path | None = None) -> list[ContentSource]:
    """The newest version of every questionnaire and module in `folder` (default: the built-in ones)."""
    from readiness.questionnaire.registry import Registry

    registry = Registry([folder or builtin_dir("questionnaires")])
    out = []
    for qid in registry.ids():
        path = registry.path(qid)
        out.append(ContentSource(f"questionnaire {qid}@{path.stem}", path.parent, (path,), shared=True))
    return out


def aiact_sources() -> list[ContentSource]:
    """The AI Act catalogue and the document drafts."""
    from readiness.aiact.catalogue import DATA_DIR as CATALOGUE
    from readiness.aiact.drafts.templates import DATA_DIR as DRAFTS

    return [
        ContentSource("AI Act catalogue", CATALOGUE, tuple(sorted(CATALOGUE.glob("*.yaml")))),
        ContentSource("AI Act drafts", DRAFTS, tuple(sorted(DRAFTS.glob("*.yaml")))),
    ]


def directory_source() -> ContentSource:
    """The built-in support directory: entries, vocabulary and the Eurostat figures."""
    from readiness.directory.loader import builtin_folder, entry_files

    folder = builtin_folder()
    return ContentSource("support directory", folder, tuple(entry_files(folder)))


def brand_source() -> ContentSource:
    """The default brand's tagline and footer."""
    from readiness.report.brand import default_brand_path

    path = default_brand_path()
    return ContentSource("default brand", path.parent, (path,))


def babel_sources() -> list[BabelSource]:
    """The report's, the hub documents' and the browser app's catalogues."""
    return [
        BabelSource("report", PACKAGE / "report/locale/messages.pot", PACKAGE / "report/locale", "messages"),
        BabelSource(
            "hub documents", PACKAGE / "hubdocs/locale/hubdocs.pot", PACKAGE / "hubdocs/locale", "hubdocs"
        ),
        BabelSource("browser app", PACKAGE / "web/locale/web.pot", PACKAGE / "web/locale", "web"),
    ]


def all_sources() -> list[Source]:
    """Every source of translated text in the program, in the order `translations status` lists them."""
    return [
        *questionnaire_sources(),
        *aiact_sources(),
        directory_source(),
        brand_source(),
        *babel_sources(),
        MessagesSource(),
    ]
