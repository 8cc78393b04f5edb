"""A text question's `pattern`: a regular expression that runs in time linear in the answer's length.

Patterns come from questionnaire files, which anyone may write, and run against answers, which anyone
may type. Python's own `re` backtracks: `(a+)+b` against forty a's runs for minutes. So patterns run on
RE2 (the google-re2 package), which never backtracks and refuses what it cannot run in linear time
(backreferences, lookaround). Where google-re2 cannot be installed (a platform without its wheels),
Python's `re` takes over for patterns in a subset without the shapes that backtrack badly (a repeat
inside a repeat, alternatives inside a repeat, more than a few unbounded repeats); other patterns are
refused with the reason, so a questionnaire never hangs, it fails `readiness validate` instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

MAX_PATTERN_LENGTH = 500
# The Python fallback's subset: unbounded repeats (*, +, {n,}) in one pattern.
MAX_UNBOUNDED_REPEATS = 3

Matcher = Callable[[str], bool]


class PatternError(ValueError):
    """A pattern that is not a valid regular expression, or one that could not run in linear time."""


def engine() -> str:
    """Which engine runs patterns here, for `readiness info`."""
    return "RE2 (google-re2)" if _re2() is not None else "Python re, safe subset (google-re2 not installed)"


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be used, for authors; None when it can."""
    try:
        compile_pattern(pattern)
    except PatternError as exc:
        return str(exc)
    return None


@cache
def compile_pattern(pattern: str) -> Matcher:
    """A function telling whether a whole text matches `pattern`; PatternError when it cannot be one."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"the pattern is longer than {MAX_PATTERN_LENGTH} characters")
    re2 = _re2()
    if re2 is not None:
        options = re2.Options()
        options.log_errors = False
        try:
            compiled = re2.compile(pattern, options)
        except re2.error as exc:
            reason = exc.args[0].decode("utf-8", "replace") if exc.args else str(exc)
            fix = _RE2_FIX if "escape" in reason or "perl operator" in reason else ""
            raise PatternError(f"not a regular expression RE2 can run: {reason}{fix}") from None
        return lambda text: compiled.fullmatch(text) is not None
    return _python_matcher(pattern)


_RE2_FIX = " (patterns run without backtracking: no backreferences like \\1 and no lookaround like (?=...))"


@cache
def _re2() -> Any:
    try:
        import re2
    except ImportError:
        return None
    return re2


def _python_matcher(pattern: str) -> Matcher:
    """The fallback: Python's re, for patterns whose shape cannot backtrack catastrophically."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern)
    except re.error as exc:
        raise PatternError(f"not a valid regular expression: {exc}") from None
    unbounded = _check_shape(list(parsed), _parser, inside_repeat=False)
    if unbounded > MAX_UNBOUNDED_REPEATS:
        raise PatternError(
            f"more than {MAX_UNBOUNDED_REPEATS} unbounded repeats (*, +, {{n,}}); "
            "install google-re2 or simplify the pattern"
        )
    compiled = re.compile(pattern)
    return lambda text: compiled.fullmatch(text) is not None


def _check_shape(items: list[tuple[Any, Any]], parser: Any, *, inside_repeat: bool) -> int:
    """Refuse the shapes that backtrack badly; return how many unbounded repeats the pattern has."""
    constants = parser
    unbounded = 0
    for op, value in items:
        if op in (constants.GROUPREF, constants.GROUPREF_EXISTS, constants.ASSERT, constants.ASSERT_NOT):
            raise PatternError("backreferences and lookaround are not allowed in patterns")
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)):
            _low, high, body = value
            repeats = high is constants.MAXREPEAT or high > 1
            if repeats and inside_repeat:
                raise PatternError(
                    "a repeat inside a repeat, like (a+)+, can take exponential time; "
                    "install google-re2 or write it with one repeat"
                )
            unbounded += high is constants.MAXREPEAT
            unbounded += _check_shape(list(body), parser, inside_repeat=inside_repeat or repeats)
        elif op is constants.BRANCH:
            if inside_repeat:
                raise PatternError(
                    "alternatives inside a repeat, like (a|ab)*, can take exponential time; "
                    "install google-re2 or list the alternatives outside the repeat"
                )
            for branch in value[1]:
                unbounded += _check_shape(list(branch), parser, inside_repeat=inside_repeat)
        elif op is constants.SUBPATTERN:
            unbounded += _check_shape(list(value[-1]), parser, inside_repeat=inside_repeat)
    return unbounded
