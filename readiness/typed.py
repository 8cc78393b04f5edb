"""What people type, read the way they write it and stored the way the answers file keeps it.

Numbers accept a decimal comma; a question with `format: date` accepts 2025-03-15 and also 15-03-2025,
15.3.2025 or 15/03/2025 when the day cannot be taken for the month; `format: nuts` accepts a region
code in any case ("nl31" is NL31) and checks that it lies in the company's country; `format: nace`
reads a NACE code the same way ("c28" and "28" are C28). Whatever cannot be
read is refused with what form is expected, in the interview's language. The interview, spreadsheet
rows and answers files share these rules.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from readiness.questionnaire.model import Question, tr
from readiness.texts import message

_NUMBER = re.compile(r"-?\d+([.,]\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
_NUTS = re.compile(r"[A-Z]{2}[0-9A-Z]{0,3}")

Parsed = tuple[Any, str | None]


def read_typed(question: Question, raw: str, lang: str, *, country: str = "") -> Parsed:
    """The value `raw` stands for, or None and why it cannot be read (in `lang`)."""
    text = raw.strip()
    if question.type == "number":
        if not _NUMBER.fullmatch(text):
            return None, message("ui_expected_number", lang, value=text)
        number = float(text.replace(",", "."))
        return (int(number) if number.is_integer() else number), None
    if question.format == "date" and text:
        return read_date(text, question, lang)
    if question.format == "nuts" and text:
        return read_region(text, country, question, lang)
    if question.format == "nace" and text:
        return read_nace(text)
    return text, None


def read_nace(text: str) -> Parsed:
    """A NACE Rev. 2 code as section letter and digits: c28 and 28 are C28."""
    from readiness.directory.inputs import check_nace
    from readiness.errors import ReadinessError

    try:
        return check_nace(text), None
    except ReadinessError as exc:
        return None, exc.message


def read_date(text: str, question: Question, lang: str) -> Parsed:
    """A date as YYYY-MM-DD from the ways people write one; day-first only where it cannot be misread."""
    iso = _ISO_DATE.fullmatch(text)
    day_first = _DAY_FIRST.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif day_first:
        day, month, year = (int(part) for part in day_first.groups())
        if day != month and day <= 12 and month <= 12:
            return None, message(
                "ui_date_ambiguous",
                lang,
                value=text,
                one=f"{year:04d}-{month:02d}-{day:02d}",
                other=f"{year:04d}-{day:02d}-{month:02d}",
            )
    else:
        return None, _form_problem(text, question, lang)
    try:
        return dt.date(year, month, day).isoformat(), None
    except ValueError:
        return None, message("value_date_invalid", lang, value=text)


def read_region(text: str, country: str, question: Question, lang: str) -> Parsed:
    """A NUTS code in capitals, which must lie in `country` (when known)."""
    code = text.upper().replace(" ", "")
    if not _NUTS.fullmatch(code):
        return None, _form_problem(text, question, lang)
    problem = region_problem(code, country, lang)
    return (None, problem) if problem else (code, None)


def region_problem(code: str, country: str, lang: str = "en") -> str | None:
    """Why NUTS `code` cannot be the region of a company in `country`; None when it can."""
    if not country:
        return None
    from readiness.directory import load_vocabulary

    vocabulary = load_vocabulary()
    prefix = vocabulary.nuts_prefix(country)
    if not prefix or code[:2] == prefix:
        return None
    return message(
        "ui_region_country",
        lang,
        value=code,
        country=vocabulary.country_name(country, lang),
        prefix=prefix,
    )


def date_in_future(value: Any, today: dt.date, lang: str) -> str | None:
    """Why a YYYY-MM-DD `value` cannot be used where the date may not lie after `today`."""
    if not isinstance(value, str):
        return None
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        return None
    if date <= today:
        return None
    return message("ui_date_future", lang, value=value, today=today.isoformat())


def _form_problem(text: str, question: Question, lang: str) -> str:
    hint = tr(question.pattern_hint, lang)
    return message("value_form_hint" if hint else "value_form", lang, value=text, hint=hint)
