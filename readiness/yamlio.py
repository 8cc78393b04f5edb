"""Safe YAML reading that remembers where every value came from.

Every file the program reads from a user (questionnaires, answers, registers, directory entries, brands)
comes through `read_yaml`. It refuses what PyYAML would silently accept or choke on: duplicate keys,
alias bombs, deep nesting, huge, empty, binary or non-UTF-8 files. Booleans follow YAML 1.2 (only
true/false), so an option called `no` or a country code `NO` stays a string, and dates and versions stay
strings too. The parsers are in `readiness.yamlparse` (libyaml's where it reads a file as PyYAML would).

Content files (questionnaires, the AI Act catalogue, the directory) are read with `cache=True`: their
parsed data and positions are kept in the content cache (`readiness.cache`), keyed by a hash of the
text, so the next run skips parsing them. A company's files are never cached.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from readiness import cache as content_cache
from readiness import yamlparse
from readiness.errors import Problem, ProblemsError, display_path
from readiness.yamlparse import MAX_ALIASES, MAX_DEPTH, MAX_EXPANDED_NODES, parse_text

__all__ = [
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_EXPANDED_NODES",
    "MAX_FILE_BYTES",
    "JsonPath",
    "YamlDocument",
    "check_size",
    "decode_text",
    "dump_yaml",
    "format_json_path",
    "load_trusted",
    "parse_yaml",
    "read_limited",
    "read_yaml",
]

MAX_FILE_BYTES = 5 * 1024 * 1024

JsonPath = tuple[str | int, ...]
# A node's position and value, as the cache keeps it: (kind, line, column, tag, value), where the value
# is the text of a scalar (kind 0), the encoded items of a sequence (1) or key-value pairs of a mapping (2).
Encoded = tuple[int, int, int, str, Any]


class YamlDocument:
    """A parsed YAML file: its data, and the node tree that knows where each value was written.

    A document from the cache has its tree in the cache's compact form, rebuilt into nodes only when a
    position is asked for (which happens when something is wrong). `digest` is the cache key of its text
    (empty for files that are not cached).
    """

    def __init__(
        self, path: Path, data: Any, root: Node | None, *, digest: str = "", encoded: Encoded | None = None
    ) -> None:
        self.path = path
        self.data = data
        self.digest = digest
        self._root = root
        self._encoded = encoded
        self._name = ("", "")

    def with_data(self, data: Any) -> YamlDocument:
        """The same file and positions with other data (the data with its translations added)."""
        return YamlDocument(self.path, data, self._root, digest=self.digest, encoded=self._encoded)

    @property
    def root(self) -> Node | None:
        """The root node (None for a document built from data, as a register passed in by a program)."""
        if self._root is None and self._encoded is not None:
            self._root = _decode(self._encoded)
        return self._root

    @property
    def name(self) -> str:
        """The path as shown in messages (relative to the working folder, so kept per folder)."""
        cwd = str(Path.cwd())
        if self._name[0] != cwd:
            self._name = (cwd, display_path(self.path))
        return self._name[1]

    def position(self, json_path: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `json_path`, or of its key when `key` is true.

        When the path goes further than the file (a missing key), the deepest existing node is used.
        """
        node = self.root
        key_node: Node | None = None
        for step in json_path:
            child, child_key = _child(node, step)
            if child is None:
                break
            node, key_node = child, child_key
        target = key_node if key and key_node is not None else node
        if target is None:
            return (1, 1)
        return (target.start_mark.line + 1, target.start_mark.column + 1)

    def problem(self, json_path: JsonPath, message: str, *, fix: str = "", key: bool = False) -> Problem:
        """A `Problem` located at `json_path` in this file."""
        line, column = self.position(json_path, key=key)
        return Problem(self.name, line, column, message, format_json_path(json_path), fix)


def _child(node: Node | None, step: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == str(step):
                return v, k
    elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], None
    return None, None


def format_json_path(json_path: JsonPath) -> str:
    """`('sections', 0, 'id')` as `sections[0].id`."""
    out = ""
    for step in json_path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def decode_text(raw: bytes, name: str) -> str:
    """Bytes as UTF-8 text, or a problem naming the line and column of the first bad byte."""
    if b"\x00" in raw:
        raise ProblemsError(
            [Problem(name, 0, 0, "this is a binary file, not YAML text", fix="choose a .yaml file")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ProblemsError(
            [Problem(name, line, column, "the file is not UTF-8 text", fix="save it as UTF-8 in your editor")]
        ) from None
    return text.removeprefix("\ufeff")


def parse_yaml(text: str, path: Path, *, fast: bool = True, cache: bool = False) -> YamlDocument:
    """Parse YAML text already in memory (see `read_yaml` for the checks).

    `cache=True` (content files only) looks the text up in the content cache and stores it there.
    `fast=False` uses the pure-Python parser only (the tests compare both parsers with it).
    """
    name = display_path(path)
    if not text.strip() or all(
        line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        raise ProblemsError(
            [Problem(name, 0, 0, "the file is empty", fix="add content or pass another file")]
        )
    if not cache:
        return YamlDocument(path, *parse_text(text, name, fast=fast))
    digest = content_cache.key("yaml", text, _code_stamp())
    cached = content_cache.load("yaml", digest)
    if isinstance(cached, tuple) and len(cached) == 2:
        return YamlDocument(path, cached[0], None, digest=digest, encoded=cached[1])
    data, root = parse_text(text, name, fast=fast)
    if root is not None:
        content_cache.store("yaml", digest, (data, _encode(root)))
    return YamlDocument(path, data, root, digest=digest)


def _code_stamp() -> str:
    """What the cached result depends on besides the text: this code and PyYAML's version."""
    return content_cache.source_stamp(__file__, yamlparse.__file__) + yaml.__version__


def _encode(node: Node) -> Encoded:
    mark = node.start_mark
    if isinstance(node, MappingNode):
        return (2, mark.line, mark.column, node.tag, [(_encode(k), _encode(v)) for k, v in node.value])
    if isinstance(node, SequenceNode):
        return (1, mark.line, mark.column, node.tag, [_encode(v) for v in node.value])
    return (0, mark.line, mark.column, node.tag, node.value)


def _decode(encoded: Encoded) -> Node:
    kind, line, column, tag, value = encoded
    mark = Mark("<cache>", 0, line, column, None, 0)
    if kind == 2:
        return MappingNode(tag, [(_decode(k), _decode(v)) for k, v in value], mark, mark)
    if kind == 1:
        return SequenceNode(tag, [_decode(v) for v in value], mark, mark)
    return ScalarNode(tag, value, mark, mark)


def read_yaml(path: Path, *, max_bytes: int = MAX_FILE_BYTES, cache: bool = False) -> YamlDocument:
    """Read and parse one YAML file, with every check a user file needs.

    Raises `ProblemsError` with a located problem for a missing, huge, empty, binary, non-UTF-8 or
    malformed file, duplicate keys, alias bombs and deep nesting. `cache=True` is for content files
    (see the module's documentation).
    """
    return parse_yaml(
        decode_text(read_limited(path, max_bytes=max_bytes), display_path(path)), path, cache=cache
    )


def read_limited(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file the user named, read once (a pipe can be read only once), within `max_bytes`."""
    name = display_path(path)
    if not path.exists():
        if path.is_symlink():
            raise ProblemsError(
                [
                    Problem(
                        name,
                        0,
                        0,
                        "a symbolic link that loops back on itself or points to a file that does not exist",
                        fix="check where the link points",
                    )
                ]
            )
        raise ProblemsError([Problem(name, 0, 0, "no such file", fix="check the path")])
    if path.is_dir():
        raise ProblemsError([Problem(name, 0, 0, "this is a folder, not a YAML file")])
    check_size(name, path.stat().st_size, max_bytes)
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    check_size(name, len(raw), max_bytes)  # a pipe or device says nothing of its size beforehand
    return raw


def check_size(name: str, size: int, max_bytes: int = MAX_FILE_BYTES) -> None:
    """A ProblemsError when `size` bytes are more than a YAML file may hold."""
    if size > max_bytes:
        raise ProblemsError(
            [Problem(name, 0, 0, f"the file is {size // 1024} KiB; the limit is {max_bytes // 1024} KiB")]
        )


def load_trusted(text: str) -> Any:
    """The package's own YAML (message catalogues), not a user's: plain PyYAML, C-speed where available."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def dump_yaml(data: Any, *, fast: bool = True) -> str:
    """YAML text for data we write (answers files, templates): block style, keys in the given order.

    libyaml's emitter (five times faster, which the interview's autosave feels) writes the same text
    as PyYAML's for mappings of ordinary text; anything else (control characters, characters outside
    the Basic Multilingual Plane, line separators), which they escape or fold differently, is written
    by PyYAML's. `fast=False` always uses PyYAML's (the tests compare both).
    """
    plain = fast and _CDumper is not None and isinstance(data, dict) and _ordinary(data)
    return yaml.dump(
        data,
        Dumper=_CDumper if plain else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


_UNUSUAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")


def _ordinary(data: Any) -> bool:
    """Whether every text in `data` (keys included) is made of characters both emitters write alike."""
    if isinstance(data, str):
        return not _UNUSUAL.search(data)
    if isinstance(data, dict):  # PyYAML writes an empty key as an explicit one (`? ''`)
        return all(k != "" and _ordinary(k) and _ordinary(v) for k, v in data.items())
    if isinstance(data, list | tuple):
        return all(_ordinary(v) for v in data)
    return True


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    if value.lower() in {"yes", "no", "on", "off", "y", "n"}:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


class _Dumper(yaml.SafeDumper):
    """Quotes strings that a YAML 1.1 reader would take for booleans, so other tools read our files right.

    A value used twice is written out twice: `&id001`/`*id001` aliases puzzle the people who edit our files.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(str, _represent_str)
_CDumper: type[Any] | None = None
if hasattr(yaml, "CSafeDumper"):

    class _CDumperType(yaml.CSafeDumper):
        """The same, on libyaml's emitter."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    _CDumperType.add_representer(str, _represent_str)
    _CDumper = _CDumperType
