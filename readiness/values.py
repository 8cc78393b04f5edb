"""Whether a value fits its question: the one check behind answers files, spreadsheet rows and the interview.

For files, a problem names option ids (what the file holds) in English, like every other file check. In
the interview (`labels=True`) it speaks the user's language and names options by the labels the user
saw, never by an internal id.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from typing import Any

from readiness.limits import CONTROL, MAX_NUMBER, MAX_TEXT_LENGTH, shorten
from readiness.questionnaire.model import SPECIAL_ANSWERS, Question, tr
from readiness.texts import message


def value_problem(question: Question, value: Any, lang: str = "en", *, labels: bool = False) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""

    def say(key: str, **values: object) -> str:
        return message(key, lang, **values)

    def name(option_id: object) -> str:
        option = question.option(option_id) if labels and isinstance(option_id, str) else None
        return tr(option.label, lang) if option is not None else shorten(option_id)

    if isinstance(value, str) and value in SPECIAL_ANSWERS:
        allowed = question.dont_know if value == "dont_know" else question.not_applicable
        return None if allowed else say("value_not_offered", value=value)
    kind = question.type
    if kind == "single":
        if not isinstance(value, str) or question.option(value) is None:
            return _not_an_option(value, question, lang, labels)
    elif kind == "multi":
        if not isinstance(value, list):
            return say("value_expected_list", value=_quoted(value))
        for item in value:
            if not isinstance(item, str) or question.option(item) is None:
                return _not_an_option(item, question, lang, labels)
        twice = next((item for i, item in enumerate(value) if item in value[:i]), None)
        if twice is not None:
            return say("value_twice", option=name(twice))
        exclusive = [v for v in value if (o := question.option(v)) is not None and o.exclusive]
        if exclusive and len(value) > 1:
            return say("value_exclusive", option=name(exclusive[0]))
    elif kind == "scale":
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not question.scale_min <= value <= question.scale_max
        ):
            return say("value_scale", low=question.scale_min, high=question.scale_max, value=_quoted(value))
    elif kind == "yes_no":
        if not isinstance(value, bool):
            return say("value_yes_no", value=_quoted(value))
    elif kind == "number":
        return _number_problem(question, value, lang)
    elif kind == "text":
        return _text_problem(question, value, lang)
    elif kind == "matrix":
        return _matrix_problem(question, value, lang, labels)
    return None


def _matrix_problem(question: Question, value: Any, lang: str, labels: bool) -> str | None:
    problems = matrix_problems(question, value, lang, labels=labels)
    return problems[0][1] if problems else None


def matrix_problems(
    question: Question, value: Any, lang: str = "en", *, labels: bool = False
) -> list[tuple[str, str]]:
    """Every problem of a matrix answer as (row id, why), in the order a file check reports them.

    A matrix answer maps row ids to each row's answer; tick-box rows may be left out (nothing ticked), other
    rows may not: the rows left out are one problem, named at the first of them. The row is "" where the
    answer as a whole is wrong (not a mapping, a row the question does not have). With `labels`, rows,
    columns and options are named by the labels the user saw, in `lang`.
    """
    if not isinstance(value, dict):
        return [("", message("value_matrix", lang, value=_quoted(value)))]

    def row_name(row_id: str) -> str:
        row = next((r for r in question.rows if r.id == row_id), None) if labels else None
        return tr(row.label, lang) if row is not None else row_id

    known = [row_name(r) for r in question.row_ids]
    problems = []
    for row in value:
        if row not in question.row_ids:
            close = difflib.get_close_matches(str(row), list(question.row_ids), n=1)
            hint = message("value_did_you_mean", lang, close=row_name(close[0])) if close else ""
            problems.append(
                ("", message("value_matrix_row", lang, row=shorten(row), hint=hint, rows=", ".join(known)))
            )
    kind = question.matrix_kind
    if kind == "columns":
        columns = ", ".join(tr(c.label, lang) if labels else c.id for c in question.columns)
        for row, ticked in value.items():
            if row in question.row_ids and (
                not isinstance(ticked, list) or any(c not in question.column_ids for c in ticked)
            ):
                why = message(
                    "value_matrix_columns", lang, row=row_name(row), columns=columns, value=_quoted(ticked)
                )
                problems.append((row, why))
        return problems
    missing = [r for r in question.row_ids if r not in value]
    if missing:
        why = message("value_matrix_missing", lang, rows=", ".join(map(row_name, missing)))
        problems.append((missing[0], why))
    for row, cell in value.items():
        if row not in question.row_ids:
            continue
        if kind == "options":
            if isinstance(cell, str) and question.option(cell) is not None:
                continue
            problem = _not_an_option(cell, question, lang, labels)
        elif (
            isinstance(cell, int)
            and not isinstance(cell, bool)
            and question.scale_min <= cell <= question.scale_max
        ):
            continue
        else:
            problem = message(
                "value_scale", lang, low=question.scale_min, high=question.scale_max, value=_quoted(cell)
            )
        problems.append((row, message("value_matrix_cell", lang, row=row_name(row), problem=problem)))
    return problems


def _quoted(value: object) -> str:
    return shorten(repr(value))


def _not_an_option(value: object, question: Question, lang: str, labels: bool) -> str:
    names = [tr(o.label, lang) for o in question.options] if labels else list(question.option_ids)
    close = difflib.get_close_matches(str(value), names, n=1)
    hint = message("value_did_you_mean", lang, close=close[0]) if close else ""
    return message("value_not_option", lang, value=shorten(value), hint=hint, options=", ".join(names))


def _number_problem(question: Question, value: Any, lang: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return message("value_number", lang, value=_quoted(value))
    if isinstance(value, float) and not math.isfinite(value):
        return message("value_number", lang, value=_quoted(value))
    if abs(value) > MAX_NUMBER:
        return message("value_huge", lang, value=_quoted(value), limit=f"{MAX_NUMBER:,}")
    if question.integer and not float(value).is_integer():
        return message("value_whole", lang, value=_quoted(value))
    if question.number_min is not None and value < question.number_min:
        return message("value_below", lang, value=value, limit=f"{question.number_min:g}")
    if question.number_max is not None and value > question.number_max:
        return message("value_above", lang, value=value, limit=f"{question.number_max:g}")
    return None


def _text_problem(question: Question, value: Any, lang: str) -> str | None:
    if not isinstance(value, str):
        return message("value_text", lang, value=_quoted(value))
    limit = min(question.max_length or MAX_TEXT_LENGTH, MAX_TEXT_LENGTH)
    if len(value) > limit:
        return message("value_too_long", lang, length=len(value), limit=limit)
    control = CONTROL.search(value)
    if control:
        return message("value_control", lang, code=f"{ord(control.group()):#04x}")
    if question.format == "date" and value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return message("value_date_invalid", lang, value=shorten(value))
    if question.pattern and value:
        from readiness.patterns import PatternError, compile_pattern

        try:
            fits = compile_pattern(question.pattern)(value)
        except PatternError as exc:
            return message("value_pattern_broken", lang, reason=exc)
        if not fits:
            hint = tr(question.pattern_hint, lang)
            return message("value_form_hint" if hint else "value_form", lang, value=shorten(value), hint=hint)
    return None
