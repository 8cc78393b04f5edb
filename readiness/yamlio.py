"""Safe YAML reading that remembers where every value came from.

Every file the program reads from a user (questionnaires, answers, registers, directory entries, brands)
comes through `read_yaml`. It refuses what PyYAML would silently accept or choke on: duplicate keys,
alias bombs, deep nesting, huge, empty, binary or non-UTF-8 files. Booleans follow YAML 1.2 (only
true/false), so an option called `no` or a country code `NO` stays a string, and dates and versions stay
strings too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml.reader
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from readiness.errors import Problem, ProblemsError, display_path

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ALIASES = 100
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 200_000

JsonPath = tuple[str | int, ...]


class _Limit(yaml.YAMLError):
    def __init__(self, message: str, node_mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = node_mark


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans, no timestamps, no duplicate keys and limits on aliases and depth."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self.aliases = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        if self.check_event(AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Limit(
                    f"more than {MAX_ALIASES} YAML aliases (*name); write the values out instead",
                    self.peek_event().start_mark,
                )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Limit(f"nesting deeper than {MAX_DEPTH} levels", self.peek_event().start_mark)
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, list | dict):
                raise _Limit("a key must be a plain value, not a list or mapping", key_node.start_mark)
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise _Limit(f"duplicate key '{key}' (first defined on line {first})", key_node.start_mark)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def _install_resolvers() -> None:
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [
            (tag, rx)
            for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        ]
        if kept:
            _Loader.yaml_implicit_resolvers[first] = kept
    _Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


_install_resolvers()


def yaml_1_2_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """How plain values are read (YAML 1.2 booleans, no timestamps), for another loader of our files."""
    return _Loader.yaml_implicit_resolvers


@dataclass
class YamlDocument:
    """A parsed YAML file: its data, and the node tree that knows where each value was written."""

    path: Path
    data: Any
    root: Node | None

    @property
    def name(self) -> str:
        """The path as shown in messages."""
        return display_path(self.path)

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


def _expanded_size(node: Node, memo: dict[int, int]) -> int:
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = 1  # a cycle counts once; PyYAML can build recursive structures
    if isinstance(node, MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, SequenceNode):
        size = 1 + sum(_expanded_size(v, memo) for v in node.value)
    else:
        size = 1
    memo[id(node)] = size
    return size


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


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse YAML text already in memory (see `read_yaml` for the checks)."""
    name = display_path(path)
    if not text.strip() or all(
        line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        raise ProblemsError(
            [Problem(name, 0, 0, "the file is empty", fix="add content or pass another file")]
        )
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise ProblemsError([_reader_problem(name, text, exc)]) from None
    try:
        root = loader.get_single_node()
        # Without aliases the values are bounded by the file's size; with them, by what they expand to.
        if root is not None and loader.aliases and _expanded_size(root, {}) > MAX_EXPANDED_NODES:
            raise _Limit(
                f"the aliases (*name) in this file expand to more than {MAX_EXPANDED_NODES:,} values; "
                "write the values out instead of repeating them through aliases",
                root.start_mark,
            )
        data = loader.construct_document(root) if root is not None else None
    except _Limit as exc:
        line, column = (exc.mark.line + 1, exc.mark.column + 1) if exc.mark else (0, 0)
        raise ProblemsError([Problem(name, line, column, exc.message)]) from None
    except yaml.reader.ReaderError as exc:
        raise ProblemsError([_reader_problem(name, text, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        raise ProblemsError([_syntax_problem(name, exc)]) from None
    except yaml.YAMLError as exc:
        raise ProblemsError([Problem(name, 0, 0, f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise ProblemsError([Problem(name, 0, 0, "the file nests too deeply to read")]) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, root)


def read_yaml(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> YamlDocument:
    """Read and parse one YAML file, with every check a user file needs.

    Raises `ProblemsError` with a located problem for a missing, huge, empty, binary, non-UTF-8 or
    malformed file, duplicate keys, alias bombs and deep nesting.
    """
    return parse_yaml(decode_text(read_limited(path, max_bytes=max_bytes), display_path(path)), path)


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


def _reader_problem(name: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    return Problem(
        name,
        line,
        column,
        f"a control character (code {exc.character:#x}) that YAML does not allow",
        fix="remove it; it often comes from copying text out of another program",
    )


def _syntax_problem(name: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    problem = exc.problem or ""
    if "expected <block end>" in problem or "mapping values are not allowed" in problem:
        return Problem(
            name,
            line,
            column,
            f"bad indentation or a stray colon ({what})",
            fix="line this key up with the keys above it, or put text containing ': ' in quotes",
        )
    if "found character '\\t'" in problem:
        return Problem(name, line, column, "a tab character", fix="indent with spaces, not tabs")
    return Problem(name, line, column, f"YAML syntax error: {what}")


def dump_yaml(data: Any) -> str:
    """YAML text for data we write (answers files, templates): block style, keys in the given order."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )


class _Dumper(yaml.SafeDumper):
    """Quotes strings that a YAML 1.1 reader would take for booleans, so other tools read our files right.

    A value used twice is written out twice: `&id001`/`*id001` aliases puzzle the people who edit our files.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if value.lower() in {"yes", "no", "on", "off", "y", "n"}:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_str(value)


_Dumper.add_representer(str, _represent_str)
