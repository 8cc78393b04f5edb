"""`when:` conditions: readable expressions over earlier answers, parsed once when a questionnaire loads.

The expression language is rule-engine's (https://zerosteiner.github.io/rule-engine/): it has its own
grammar and evaluator, so an expression is never run as Python and cannot import, open files or call
functions we do not give it. We chose it over simpleeval (which evaluates Python's own AST and must be
fenced in), CEL (a heavier dependency with a less familiar syntax for authors) and JSON Logic (safe, but
written as nested JSON that authors find hard to read): rule-engine reads like the questions
(`ai_use in ["testing", "operational"] and staff > 10`), type-checks symbols when the expression is
parsed, which is how `readiness validate` knows that a condition names an unknown or later question,
and has no loops. We also refuse its regular-expression operators and function calls, and bound what is
left: the length of an expression, how deeply it nests, how many parts it has, and its cost (a
comprehension costs the size of what it runs over times the cost of its body, so comprehensions nested
inside each other multiply). An expression over the bound is refused when the questionnaire loads, so
`validate` names it and `assess` never starts evaluating it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# isort: off
# rule-engine with its parser tables from the content cache (rule_tables): imported before rule-engine.
from readiness import rule_tables  # noqa: F401
import rule_engine
import rule_engine.ast as ast
import rule_engine.errors

# isort: on

T = rule_engine.DataType
MAX_EXPRESSION_LENGTH = 2_000
# Brackets nested deeper than this are refused before the parser sees them; the parsed tree may be a
# little deeper (operators), up to MAX_TREE_DEPTH.
MAX_BRACKET_DEPTH = 16
MAX_TREE_DEPTH = 48
MAX_NODES = 400
# Steps an evaluation may take, by the estimate in `_cost`: far above any real condition (the AI Act
# catalogue's most costly rule is estimated at about 2,000), far below a second of work.
MAX_COST = 50_000
# How many items a list that is not written out in the expression may hold, for the estimate: the
# options of a multiple choice or the AI systems of a register (see docs/limits.md).
LIST_SIZE_BOUND = 200
MEMO_SIZE = 4_096
_STRING_LITERAL = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'')

# What each kind of answer looks like to a condition.
SYMBOL_TYPES: dict[str, Any] = {
    "string": T.STRING,
    "strings": T.ARRAY(T.STRING),
    "number": T.FLOAT,
    "boolean": T.BOOLEAN,
    "scores": T.MAPPING(T.STRING, T.FLOAT),
    "items": T.ARRAY(T.MAPPING(T.STRING)),
    # Matrix answers, row id -> the row's answer: a stage, an option id, or the columns ticked.
    "row_numbers": T.MAPPING(T.STRING, T.FLOAT),
    "row_strings": T.MAPPING(T.STRING, T.STRING),
    "row_lists": T.MAPPING(T.STRING, T.ARRAY(T.STRING)),
}


class ConditionError(ValueError):
    """An expression that does not parse, names an unknown symbol, or uses a refused construct."""


@dataclass(frozen=True)
class Condition:
    """A parsed condition. `holds(values)` is false when it reads an answer that is missing."""

    text: str
    rule: rule_engine.Rule
    symbols: frozenset[str]
    # For mappings read only as name["key"] with literal keys: those keys. Passing only them keeps
    # rule-engine from type-checking whole mappings (the slowest part of an evaluation).
    keys: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Results by the values read: evaluation is pure, and many companies share the few answers (or the
    # score of the one dimension) that a condition reads.
    _memo: dict[tuple[Any, ...], bool] = field(default_factory=dict, compare=False, repr=False)

    def holds(self, values: Mapping[str, Any]) -> bool:
        """Whether the condition is true for `values` (symbol -> value; absent symbols read as null)."""
        read = {name: self._read(name, values.get(name)) for name in sorted(self.symbols)}
        key = tuple(_frozen(value) for value in read.values())
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        thing = {name: _to_engine(value) for name, value in read.items()}
        try:
            result = bool(self.rule.matches(thing))
        except (rule_engine.errors.EngineError, TypeError, ArithmeticError):
            result = False
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = result
        return result

    def _read(self, name: str, value: Any) -> Any:
        wanted = self.keys.get(name)
        if wanted is None or not isinstance(value, Mapping):
            return value
        return {k: v for k, v in value.items() if k in wanted}


def parse_condition(text: str, symbol_kinds: Mapping[str, str]) -> Condition:
    """Parse `text` against the symbols it may use (name -> a key of SYMBOL_TYPES).

    Raises ConditionError with a message for authors: a syntax error, an unknown name, a type mismatch
    (comparing a choice with a number), or a refused construct.
    """
    if len(text) > MAX_EXPRESSION_LENGTH:
        raise ConditionError(f"the expression is longer than {MAX_EXPRESSION_LENGTH} characters")
    # Refused before parsing: rule-engine folds constant sub-expressions while it parses, so a literal
    # regular expression or power would already run inside the parser.
    outside_strings = _STRING_LITERAL.sub('""', text)
    if "=~" in outside_strings or "!~" in outside_strings:
        raise ConditionError("regular expressions (=~, !~) are not allowed in conditions")
    if "$" in outside_strings:
        raise ConditionError("built-in functions ($...) are not allowed in conditions")
    if "**" in outside_strings:
        raise ConditionError("the power operator (**) is not allowed in conditions")
    types = {name: SYMBOL_TYPES[kind] for name, kind in symbol_kinds.items()}
    rule = build_rule(text, types, default_value=None)
    symbols: set[str] = set()
    literal_keys: dict[str, set[str]] = {}
    lookups: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for node in _walk(rule.statement.expression):
        if (
            isinstance(node, ast.GetItemExpression)
            and isinstance(node.container, ast.SymbolExpression)
            and isinstance(node.item, ast.StringExpression)
        ):
            literal_keys.setdefault(node.container.name, set()).add(node.item.value)
            lookups[node.container.name] += 1
        elif isinstance(node, ast.SymbolExpression):
            occurrences[node.name] += 1
        if isinstance(node, ast.FunctionCallExpression):
            raise ConditionError("function calls are not allowed in conditions")
        if isinstance(node, ast.GetAttributeExpression):
            raise ConditionError("attribute access is not allowed; compare answers directly")
        if isinstance(node, ast.SymbolExpression):
            if node.name.startswith("$"):
                raise ConditionError(f"built-in '{node.name}' is not allowed in conditions")
            # The engine's type resolver refused other unknown names; these are comprehension variables.
            if node.name in symbol_kinds:
                symbols.add(node.name)
    # Only a mapping read nowhere but through literal keys can be cut down to those keys: one also read
    # as a whole (in a comprehension, say) is passed whole. Every lookup's container is itself a symbol
    # node the walk counts, so "only through lookups" means as many occurrences as lookups.
    keys = {
        name: frozenset(found)
        for name, found in literal_keys.items()
        if name in symbols and occurrences[name] == lookups[name]
    }
    return Condition(text, rule, frozenset(symbols), keys)


def build_rule(text: str, types: Mapping[str, Any], **context: Any) -> rule_engine.Rule:
    """A rule-engine rule typed by `types` (name -> DataType), its errors as ConditionError for authors.

    Shared by questionnaire conditions and the AI Act catalogue, which add their own checks around it.
    """
    _check_brackets(text)
    resolver = rule_engine.type_resolver_from_dict(dict(types))
    try:
        rule = rule_engine.Rule(text, context=rule_engine.Context(type_resolver=resolver, **context))
    except rule_engine.errors.SymbolResolutionError as exc:
        raise ConditionError(f"unknown name '{exc.symbol_name}'") from None
    except rule_engine.errors.AttributeResolutionError as exc:
        raise ConditionError(f"attribute access ('.{exc.attribute_name}') is not allowed") from None
    except rule_engine.errors.RuleSyntaxError as exc:
        raise ConditionError(f"syntax error: {exc.message}") from None
    except rule_engine.errors.EvaluationError as exc:
        raise ConditionError(f"the expression mixes types that cannot be compared: {exc.message}") from None
    except (rule_engine.errors.EngineError, ArithmeticError, RecursionError) as exc:
        raise ConditionError(f"the expression is not allowed: {exc}") from None
    _check_size(rule.statement.expression)
    return rule


def _check_brackets(text: str) -> None:
    """Refuse brackets nested deeper than MAX_BRACKET_DEPTH, before the parser works through them."""
    depth = deepest = 0
    for char in _STRING_LITERAL.sub('""', text):
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_BRACKET_DEPTH:
        raise ConditionError(
            f"brackets nest {deepest} deep; the limit is {MAX_BRACKET_DEPTH}: split the condition up"
        )


def _check_size(root: object) -> None:
    """Refuse a parsed expression that is too deep, has too many parts or would cost too much to run."""
    nodes = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if depth > MAX_TREE_DEPTH:
            raise ConditionError(f"the expression nests deeper than {MAX_TREE_DEPTH} levels; simplify it")
        if nodes > MAX_NODES:
            raise ConditionError(f"the expression has more than {MAX_NODES} parts; simplify it")
        stack += [(child, depth + 1) for child in _children(node)]
    cost = _cost(root)
    if cost > MAX_COST:
        raise ConditionError(
            f"the expression would take about {cost:,} steps to evaluate (the limit is {MAX_COST:,}); "
            "comprehensions nested inside each other multiply: simplify it"
        )


def _children(node: object) -> list[object]:
    """The sub-expressions of `node`, each once (a node's slots and its __dict__ may name the same one)."""
    names = dict.fromkeys(name for cls in type(node).__mro__ for name in getattr(cls, "__slots__", ()))
    names.update(dict.fromkeys(vars(node) if hasattr(node, "__dict__") else ()))
    found: list[object] = []

    def collect(value: object) -> None:
        if isinstance(value, ast.ExpressionBase):
            if all(value is not seen for seen in found):
                found.append(value)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)

    for name in names:
        if name != "context":
            collect(getattr(node, name, None))
    return found


def _cost(node: object) -> int:
    """Roughly how many steps evaluating `node` takes: a comprehension runs its body once per item."""
    if isinstance(node, ast.ComprehensionExpression):
        body = _cost(node.result) + (_cost(node.condition) if node.condition is not None else 0)
        return _cost(node.iterable) + _size(node.iterable) * max(body, 1)
    return 1 + sum(_cost(child) for child in _children(node))


def _size(node: object) -> int:
    """How many items the list `node` can hold: counted when written out, else LIST_SIZE_BOUND."""
    if isinstance(node, ast.ArrayExpression | ast.SetExpression):
        return len(node.value)
    if isinstance(node, ast.StringExpression):
        return len(node.value)
    if isinstance(node, ast.ComprehensionExpression):
        return _size(node.iterable)
    return LIST_SIZE_BOUND


def _walk(node: object) -> Iterator[object]:
    yield node
    for child in _children(node):
        yield from _walk(child)


def _frozen(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    # 1 and True hash alike; keep the type so that they never share an entry.
    return (type(value).__name__, value)


def _to_engine(value: Any) -> Any:
    """Answer values as rule-engine wants them: numbers as Decimal-compatible floats, specials as null."""
    if isinstance(value, str) and value in ("dont_know", "not_applicable"):
        return None
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    return value
