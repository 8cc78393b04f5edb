"""A question as a form: the controls a page shows for it, and the posted values read back as an answer.

The answer read back is checked again by `readiness.answers.value_problem`, the rule every answers file
is held to; the messages a person reads come first, in their language, for the mistakes a form allows.
A matrix is a table of its own (readiness.web.matrix), its errors given row by row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from readiness.answers import value_problem
from readiness.flow import offered_options
from readiness.l10n.languages import decimal
from readiness.questionnaire.model import SPECIAL_ANSWERS, Question, tr
from readiness.web.forms import as_form_value, text, texts
from readiness.web.matrix import Matrix, matrix_view, read_matrix
from readiness.web.pages import gettext_for

# Longer free texts get a text area; short, patterned or bounded ones a single line.
LONG_TEXT = 200
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    help: str = ""
    checked: bool = False


@dataclass(frozen=True)
class Field:
    """What a template needs to draw one question: its control, label, help, choices and any error."""

    name: str
    question: Question
    control: str  # radio | checkbox | number | text | textarea | matrix
    label: str
    help: str
    hint: str
    choices: tuple[Choice, ...]
    value: str
    error: str
    special: str
    matrix: Matrix | None = None

    @property
    def id(self) -> str:
        """The HTML id of the field."""
        return field_id(self.name)

    @property
    def first_id(self) -> str:
        """The id an error message links to: the control, or the first of its choices or cells."""
        if self.matrix is not None:
            return self.matrix.first_id
        return f"{self.id}-1" if self.choices else self.id

    @property
    def errors(self) -> list[tuple[str, str]]:
        """Every error of the field with the id it links to: the field's own, then a matrix's rows."""
        own = [(self.first_id, self.error)] if self.error else []
        rows = self.matrix.rows if self.matrix is not None else ()
        return own + [(row.cells[0].id, row.error) for row in rows if row.error and row.cells]


@dataclass(frozen=True)
class Reading:
    """A posted answer read back: the value to store (None for no answer), or why it was refused.

    `typed` is what the person wrote or chose, shown again on a refused form (text, or a matrix's cells);
    `rows` holds a matrix's refused rows by row id.
    """

    value: Any = None
    error: str = ""
    rows: Mapping[str, str] = field(default_factory=dict)
    typed: Any = None

    @property
    def refused(self) -> bool:
        return bool(self.error or self.rows)


def field_id(name: str) -> str:
    """The HTML id of the field posted as `name`."""
    return f"q-{name}".replace(".", "-")


def field_for(
    question: Question,
    stored: Any,
    lang: str,
    *,
    name: str = "value",
    error: str = "",
    typed: Any = None,
    rows: Mapping[str, str] | None = None,
) -> Field:
    """The form field for `question`, showing `stored` (or, after a refused post, what was `typed`).

    `rows` are a matrix's errors by row id.
    """
    _ = gettext_for(lang)
    special = (
        stored if isinstance(stored, str) and stored in SPECIAL_ANSWERS and question.type != "text" else ""
    )
    current = None if special else stored
    control = _control(question)
    choices: tuple[Choice, ...] = ()
    matrix = None
    if control == "matrix":
        shown = typed if isinstance(typed, dict) else current if isinstance(current, dict) else {}
        matrix = matrix_view(question, field_id(name), name, shown, lang, rows or {})
        typed = None
    if control in ("radio", "checkbox"):
        chosen = {
            as_form_value(v) for v in (current if isinstance(current, list) else [current]) if v is not None
        }
        choices = tuple(
            Choice(value, label, help_text, value in chosen)
            for value, label, help_text in _options(question, lang, current)
        )
    value = (
        str(typed)
        if typed is not None
        else ("" if current is None or isinstance(current, list | dict) else as_form_value(current))
    )
    return Field(
        name=name,
        question=question,
        control=control,
        label=tr(question.text, lang),
        help=tr(question.help, lang),
        hint=_hint(question, lang, _),
        choices=choices,
        value=value,
        error=error,
        special=special,
        matrix=matrix,
    )


def read_answer(question: Question, form: FormData, lang: str, *, name: str = "value") -> Reading:
    """The answer posted for `question` as the answers file stores it (None for no answer), or why not."""
    _ = gettext_for(lang)
    kind = question.type
    if kind == "matrix":
        posted = read_matrix(question, form, lang, name)
        if posted.error or posted.rows:
            return Reading(error=posted.error, rows=posted.rows, typed=posted.cells)
        value: Any = posted.value
        if value is None:
            return Reading()
    elif kind == "multi":
        picked = texts(form, name)
        if any(question.option(p) is None for p in picked):
            return Reading(error=_("Choose from the options shown."))
        exclusive = [
            question.option(p) for p in picked if (o := question.option(p)) is not None and o.exclusive
        ]
        if exclusive and len(picked) > 1:
            label = tr(exclusive[0].label, lang) if exclusive[0] else ""
            return Reading(error=_("“%(option)s” cannot be combined with other options.") % {"option": label})
        value = picked
    else:
        raw = text(form, name).strip()
        typed = text(form, name) if _control(question) in ("number", "text", "textarea") else None
        if not raw:
            return Reading(typed=typed)
        value, error = _typed(question, raw, lang, _)
        if error:
            return Reading(error=error, typed=typed)
    if value_problem(question, value) is not None:
        return Reading(error=_("This answer does not fit the question; please check it."))
    return Reading(value)


def _typed(question: Question, raw: str, lang: str, _: Callable[[str], str]) -> tuple[Any, str]:
    kind = question.type
    if kind == "single":
        return (raw, "") if question.option(raw) is not None else (None, _("Choose one of the options."))
    if kind == "yes_no":
        if raw not in ("true", "false"):
            return None, _("Choose yes or no.")
        return raw == "true", ""
    if kind == "scale":
        if not raw.isdigit() or not question.scale_min <= int(raw) <= question.scale_max:
            return None, _("Choose one of the options.")
        return int(raw), ""
    if kind == "number":
        return _number(question, raw, lang, _)
    if question.max_length is not None and len(raw) > question.max_length:
        return None, _("Write at most %(count)d characters.") % {"count": question.max_length}
    if value_problem(question, raw) is not None and question.pattern:
        hint = tr(question.pattern_hint, lang)
        return None, (_("Write %(hint)s.") % {"hint": hint}) if hint else _(
            "This answer does not have the expected form."
        )
    return raw, ""


def _number(question: Question, raw: str, lang: str, _: Callable[[str], str]) -> tuple[Any, str]:
    cleaned = raw.replace(" ", "").replace(",", ".")
    if not _NUMBER.match(cleaned):
        return None, _("Write a number, for example 12 or 2.5.")
    number = float(cleaned)
    value: int | float = int(number) if number.is_integer() else number
    if question.integer and not number.is_integer():
        return None, _("Write a whole number.")
    if question.number_min is not None and number < question.number_min:
        return None, _("Write a number of at least %(low)s.") % {"low": decimal(question.number_min, lang)}
    if question.number_max is not None and number > question.number_max:
        return None, _("Write a number of at most %(high)s.") % {"high": decimal(question.number_max, lang)}
    return value, ""


def _control(question: Question) -> str:
    if question.type == "matrix":
        return "matrix"
    if question.type in ("single", "yes_no", "scale"):
        return "radio"
    if question.type == "multi":
        return "checkbox"
    if question.type == "number":
        return "number"
    long = not question.pattern and (question.max_length is None or question.max_length > LONG_TEXT)
    return "textarea" if long else "text"


def _options(question: Question, lang: str, current: Any = None) -> list[tuple[str, str, str]]:
    _ = gettext_for(lang)
    if question.type == "yes_no":
        return [("true", _("Yes"), ""), ("false", _("No"), "")]
    if question.type == "scale":
        return [
            (
                str(v),
                f"{v} – {tr(question.scale_labels[v], lang)}" if v in question.scale_labels else str(v),
                "",
            )
            for v in range(question.scale_min, question.scale_max + 1)
        ]
    return [(o.id, tr(o.label, lang), tr(o.help, lang)) for o in offered_options(question, current)]


def _hint(question: Question, lang: str, _: Callable[[str], str]) -> str:
    if question.type == "number":
        parts = []
        if question.unit:
            parts.append(tr(question.unit, lang))
        low, high = question.number_min, question.number_max
        if low is not None and high is not None:
            parts.append(
                _("from %(low)s to %(high)s") % {"low": decimal(low, lang), "high": decimal(high, lang)}
            )
        elif low is not None:
            parts.append(_("at least %(low)s") % {"low": decimal(low, lang)})
        elif high is not None:
            parts.append(_("at most %(high)s") % {"high": decimal(high, lang)})
        if question.integer:
            parts.append(_("a whole number"))
        return "; ".join(parts)
    if question.type == "text":
        if question.pattern_hint:
            return tr(question.pattern_hint, lang)
        if question.max_length is not None:
            return _("at most %(count)d characters") % {"count": question.max_length}
    if question.type == "multi":
        return _("Tick all that apply.")
    if question.matrix_kind == "columns":
        return _("Tick all that apply in each row; leave a row empty when none does.")
    if question.type == "matrix":
        return _("Choose one answer in each row.")
    return ""
