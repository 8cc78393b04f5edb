"""How long the rest of an interview will take, roughly: seconds per question by its kind.

The figures are an estimate of reading the question and its help and answering, not a measurement;
a repeated group counts as one AI system's form, and a matrix as reading it once plus answering each
of its rows (a row of tick boxes as one multiple choice of its columns, a row of stages or options as
one choice). Rounded up to whole minutes, so it errs long.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from readiness.questionnaire.model import Question

SECONDS = {"single": 15, "yes_no": 10, "scale": 15, "multi": 25, "number": 15, "text": 30, "group": 240}
DEFAULT_SECONDS = 20
# A matrix: reading the question and its columns, then each row.
MATRIX_SECONDS = 15
ROW_SECONDS = {"columns": 10, "scale": 10, "options": 8}


def seconds(question: Question) -> int:
    """The seconds `question` takes to read and answer."""
    if question.type == "matrix":
        per_row = ROW_SECONDS.get(question.matrix_kind, DEFAULT_SECONDS)
        return MATRIX_SECONDS + per_row * len(question.rows)
    return SECONDS.get(question.type, DEFAULT_SECONDS)


def minutes_left(questions: Iterable[Question]) -> int:
    """Whole minutes (at least 1 when anything is left) for answering `questions`."""
    total = sum(seconds(q) for q in questions)
    return math.ceil(total / 60) if total else 0
