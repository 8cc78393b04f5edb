"""The catalogue's conditions: rule-engine expressions, typed and parsed once when the catalogue loads.

Every condition in the AI Act catalogue is checked against the names and types it may use, so that a typo
(`anex_iii`) or a type mistake (comparing a list with a text) fails `readiness validate` instead of
silently never matching. Expressions are never run as Python. Unlike questionnaire `when:` conditions
(readiness.conditions), these read dates and may use comprehensions, and an error while evaluating one
is a bug in the catalogue, so it is raised, not read as false.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# isort: off
# rule-engine with its parser tables from the content cache (rule_tables): imported before rule-engine.
from readiness import rule_tables  # noqa: F401
import rule_engine

# isort: on
from readiness.conditions import ConditionError, build_rule

T = rule_engine.DataType
DATE_LITERAL = re.compile(r"""d(["'])(?P<date>[^"']*)\1""")


class ExpressionError(ValueError):
    """An expression that does not parse, names an unknown symbol, or does not give true or false."""


@dataclass(frozen=True)
class Expression:
    """A parsed condition and the text it came from."""

    text: str
    rule: rule_engine.Rule

    def holds(self, values: Mapping[str, Any]) -> bool:
        """Whether the condition is true for `values` (every symbol it names must be there)."""
        return bool(self.rule.matches(values))

    def date_literals(self) -> list[str]:
        """The `d"YYYY-MM-DD"` dates written in the expression, so the catalogue check can match them."""
        return [match.group("date") for match in DATE_LITERAL.finditer(self.text)]


def compile_expression(text: str, types: Mapping[str, Any]) -> Expression:
    """Parse `text` against the symbols it may use (name -> rule_engine.DataType).

    Raises ExpressionError with a message for catalogue authors.
    """
    try:
        rule = build_rule(text, types, default_timezone=datetime.UTC)
    except ConditionError as exc:
        raise ExpressionError(str(exc)) from None
    result_type = rule.statement.expression.result_type
    if result_type not in (T.BOOLEAN, T.UNDEFINED):
        raise ExpressionError(f"the expression gives {result_type.name.lower()}, not true or false")
    return Expression(text, rule)


def engine_value(value: object) -> object:
    """A register value as rule-engine wants it: lists as tuples, dates as UTC datetimes."""
    if isinstance(value, list | tuple):
        return tuple(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.UTC)
    return value
