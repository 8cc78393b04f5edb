"""`when:` conditions: readable, typed, and unable to do anything but compare answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.conditions import ConditionError, parse_condition

SYMBOLS = {"size": "string", "staff": "number", "tools": "strings", "backups": "boolean"}


def test_a_condition_reads_earlier_answers() -> None:
    condition = parse_condition('size == "micro" and staff >= 3 and "vision" in tools', SYMBOLS)
    assert condition.symbols == {"size", "staff", "tools"}
    assert condition.holds({"size": "micro", "staff": 3, "tools": ["vision"]})
    assert not condition.holds({"size": "micro", "staff": 2, "tools": ["vision"]})


def test_unanswered_and_special_answers_make_a_condition_false() -> None:
    condition = parse_condition("staff > 3", SYMBOLS)
    assert not condition.holds({})
    assert not condition.holds({"staff": "dont_know"})
    assert not parse_condition('"vision" in tools', SYMBOLS).holds({"tools": None})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("unknown > 1", "unknown name 'unknown'"),
        ('__import__("os")', "unknown name '__import__'"),
        ("size.__class__", "attribute access"),
        ("staff ** 99999999 > 1", "power operator"),
        ('size =~ "(a+)+$"', "regular expressions"),
        ('"aaaa" =~ "(a+)+$"', "regular expressions"),
        ("$re_groups(size)", "built-in functions"),
        ("size > 3", "cannot be compared"),
        ("size ==", "syntax error"),
        ("staff > 1 or " * 200 + "true", "longer than"),
        ("[" * 17 + "staff" + "]" * 17 + " != []", "brackets nest 17 deep"),
        ("staff > 1 or " * 60 + "true", "nests deeper than"),
        ("staff in [" + ",".join(["1"] * 450) + "]", "more than 400 parts"),
        (
            "[[[staff for a in tools] for b in tools] for c in tools] != []",
            "would take about 8,040,203 steps",
        ),
    ],
)
def test_refused_expressions_say_why(text: str, message: str) -> None:
    with pytest.raises(ConditionError, match=message):
        parse_condition(text, SYMBOLS)


def test_strings_that_look_like_operators_are_fine() -> None:
    assert parse_condition('size == "=~ ** $"', SYMBOLS).holds({"size": "=~ ** $"})


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('abcdefsize staff tools"[]()=<>!~*$.,0123456789and or not in')),
        max_size=60,
    )
)
def test_any_expression_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        condition = parse_condition(text, SYMBOLS)
    except ConditionError:
        return
    assert isinstance(condition.holds({"size": "x", "staff": 1, "tools": ["a"], "backups": True}), bool)


def test_the_cost_of_nested_comprehensions_is_refused_before_it_is_paid() -> None:
    # Five comprehensions over ten items each: 100,000 evaluations of the body, once took 50 s at 40 levels.
    ten = "[1,2,3,4,5,6,7,8,9,10]"
    text = "staff"
    for name in "abcde":
        text = f"[{text} for {name} in {ten}]"
    with pytest.raises(ConditionError, match="comprehensions nested inside each other multiply"):
        parse_condition(f"{text} != []", SYMBOLS)


def test_a_deeply_bracketed_condition_within_the_limit_parses_in_linear_time() -> None:
    # The checks once walked every sub-expression twice per level: 2**17 visits at 16 brackets.
    condition = parse_condition("[" * 16 + "staff" + "]" * 16 + " != []", SYMBOLS)
    assert condition.holds({"staff": 1})


def test_one_comprehension_over_an_answer_is_allowed() -> None:
    condition = parse_condition('[t for t in tools if t != "vision"] != []', SYMBOLS)
    assert condition.holds({"tools": ["vision", "chatbot"]})
    assert not condition.holds({"tools": ["vision"]})
