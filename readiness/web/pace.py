"""How long the rest of an interview will take, roughly: seconds per question by its kind.

The figures are an estimate of reading the question and its help and answering, not a measurement;
a repeated group counts as one AI system's form. Rounded up to whole minutes, so it errs long.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from readiness.questionnaire.model import Question

SECONDS = {"single": 15, "yes_no": 10, "scale": 15, "multi": 25, "number": 15, "text": 30, "group": 240}
DEFAULT_SECONDS = 20


def minutes_left(questions: Iterable[Question]) -> int:
    """Whole minutes (at least 1 when anything is left) for answering `questions`."""
    seconds = sum(SECONDS.get(q.type, DEFAULT_SECONDS) for q in questions)
    return math.ceil(seconds / 60) if seconds else 0
