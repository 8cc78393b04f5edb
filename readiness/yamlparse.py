"""The YAML parsers behind `readiness.yamlio`: PyYAML with our checks, on libyaml's C parser where it can.

Both parsers share one composer and constructor (`_Checks`), which refuse duplicate keys, alias bombs
and deep nesting, and resolve booleans as YAML 1.2 does. libyaml's parser (about eight times faster)
produces the events wherever it reads a text exactly as PyYAML's pure-Python parser does: same values,
same positions. Where it would not (a handful of constructs that content files never use, see
`_c_reads_alike`), or when it refuses a text, the pure-Python parser reads it, so a user sees the same
message at the same place either way. tests/test_yamlio.py compares the two on every shipped file, the
bad-input corpus and random text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml
import yaml.parser
import yaml.reader
import yaml.scanner
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.resolver import Resolver

from readiness.errors import Problem, ProblemsError

MAX_ALIASES = 100
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 200_000

# Where libyaml and PyYAML part ways (found by comparing them on random text): explicit keys (`? `),
# directives (`%`), document markers, a comment right after a block scalar indicator, an empty value in
# a flow collection. Explicit tags and `?` in flow collections are caught on the events (`_CLoader`).
_C_DIFFERS = re.compile(
    r"(?:^|[\s\[{,])\?(?:\s|$)|^%|(?:^|[\r\x85\u2028\u2029])(?:---|\.\.\.)|[|>][-+0-9]*#|:\s*[,}\]]",
    re.MULTILINE,
)


class _Differs(yaml.YAMLError):
    """libyaml would read this text differently from PyYAML: the Python parser reads it instead."""


class _Limit(yaml.YAMLError):
    def __init__(self, message: str, node_mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = node_mark


class _Resolver(Resolver):
    """YAML 1.2 booleans (only true/false) and no timestamps (dates stay text)."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012


class _Checks(Composer, SafeConstructor, _Resolver):
    """Composing and constructing with no duplicate keys and limits on aliases and depth.

    It comes before the parser in a loader's bases, so that its Python composer, not libyaml's, turns the
    parser's events into nodes: that is where the limits are counted.
    """

    if TYPE_CHECKING:  # supplied by the parser a loader mixes this with

        def check_event(self, *choices: Any) -> bool: ...
        def peek_event(self) -> Any: ...
        def dispose(self) -> None: ...

    def __init__(self) -> None:
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        _Resolver.__init__(self)
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


class _Loader(_Checks, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's own pure-Python parser, with the checks."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Checks.__init__(self)


_CLoader: Callable[[str], _Checks] | None
try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    _CLoader = None
else:

    class _CLoaderType(_Checks, CParser):
        """libyaml's parser for the events, with the same composer, constructor and checks."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Checks.__init__(self)
            self._flow = 0

        def compose_node(self, parent: Node | None, index: object) -> Node | None:
            # Two more differences show only on the events: the parsers resolve explicit tags (`!`,
            # `!!str`) differently, and in a flow collection ([...] or {...}) PyYAML ends a plain value
            # at `?` where libyaml reads on. Content files have neither.
            event = self.peek_event()
            if getattr(event, "tag", None) is not None:
                raise _Differs("an explicit tag")
            if isinstance(event, ScalarEvent):
                if self._flow and not event.style and "?" in event.value:
                    raise _Differs("a plain value with ? in a flow collection")
                return _Checks.compose_node(self, parent, index)
            flow = int(isinstance(event, CollectionStartEvent) and bool(event.flow_style))
            self._flow += flow
            try:
                return _Checks.compose_node(self, parent, index)
            finally:
                self._flow -= flow

    _CLoader = _CLoaderType


def _install_resolvers() -> None:
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [
            (tag, rx)
            for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        ]
        if kept:
            _Resolver.yaml_implicit_resolvers[first] = kept
    _Resolver.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


_install_resolvers()


def parse_text(text: str, name: str, *, fast: bool = True) -> tuple[Any, Node | None]:
    """The data and the root node of YAML `text`; ProblemsError (one located problem) when refused.

    `fast=False` uses the pure-Python parser only (the tests compare both parsers with it).
    """
    if fast and _CLoader is not None and _c_reads_alike(text):
        try:
            return _compose_and_construct(_CLoader(text))
        except Exception:  # any refusal is reported by the Python parser below
            pass
    return _parse_reporting(text, name)


def _c_reads_alike(text: str) -> bool:
    """Whether libyaml reads `text` exactly as PyYAML does: same values, same positions, same refusals.

    They differ on tabs inside plain values, on some characters and on a comment right after `|` or `>`
    (libyaml accepts what PyYAML refuses), on directives, and on where they place an empty value (after
    `? `, `---` or in a flow collection). Content files use none of these; a text that does goes to the
    Python parser.
    """
    return not ("\t" in text or yaml.reader.Reader.NON_PRINTABLE.search(text) or _C_DIFFERS.search(text))


def _compose_and_construct(loader: _Checks) -> tuple[Any, Node | None]:
    """The data and the root node, with the alias-expansion limit; raises what the loader raises."""
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
    finally:
        loader.dispose()
    return data, root


def _parse_reporting(text: str, name: str) -> tuple[Any, Node | None]:
    """Parse with the pure-Python parser, turning every refusal into a located problem."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise ProblemsError([_reader_problem(name, text, exc)]) from None
    try:
        return _compose_and_construct(loader)
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


def yaml_1_2_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """How plain values are read (YAML 1.2 booleans, no timestamps), for another loader of our files."""
    return _Resolver.yaml_implicit_resolvers
