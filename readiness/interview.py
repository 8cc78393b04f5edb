"""The interview: one question at a time, saved after every answer, resumable, back and skip allowed.

It talks through a `Prompter` (see readiness.prompts), so a terminal user and a test script walk the same
path. Every answer is written to the answers file atomically before the next question is shown; Ctrl-C
(or running out of script) stops the interview with nothing lost but the answer being typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readiness.answers import Answers, save_answers, value_problem
from readiness.flow import condition_values, is_answered, missing_required, visible_fields, visible_questions
from readiness.prompts import Choice, Nav, Prompter
from readiness.questionnaire.model import Question, Questionnaire, tr
from readiness.texts import message

Clock = Callable[[], str]


class Interview:
    """Asks the visible questions of `questionnaire`, autosaving `answers` to `path`."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        answers: Answers,
        path: Path,
        prompter: Prompter,
        lang: str,
        clock: Clock,
    ) -> None:
        self.q = questionnaire
        self.answers = answers
        self.path = path
        self.prompter = prompter
        self.lang = lang
        self.clock = clock
        self.history: list[str] = []

    def t(self, key: str, **values: object) -> str:
        return message(key, self.lang, **values)

    def save(self) -> None:
        save_answers(self.path, self.answers, now=self.clock())

    def run(self) -> bool:
        """Ask until every visible question has had its turn; True when the answers are complete."""
        skipped = set(self.answers.meta.get("skipped", []))
        current = self._first_open(skipped)
        while current is not None:
            outcome = self._ask_top(current)
            if outcome is Nav.BACK:
                if not self.history:
                    self.prompter.say(self.t("ui_first_question"))
                    continue
                current = self.q.question(self.history.pop())
                continue
            if outcome is Nav.SKIP:
                skipped.add(current.id)
            else:
                skipped.discard(current.id)
            self.answers.meta["skipped"] = sorted(skipped)
            self.history.append(current.id)
            current = self._next_after(current)
            self.answers.meta["position"] = current.id if current else ""
            self.save()
        missing = missing_required(self.q, self.answers)
        if missing:
            self.prompter.say(self.t("ui_missing", count=len(missing)))
            for question in missing:
                self._ask_top(question)
                self.save()
        complete = not missing_required(self.q, self.answers)
        self.answers.meta["complete"] = complete
        self.answers.meta.pop("position", None)
        if complete:
            self.answers.meta.pop("skipped", None)
            self.prompter.say(self.t("ui_complete"))
        self.save()
        return complete

    def _first_open(self, skipped: set[str]) -> Question | None:
        for question in visible_questions(self.q, self.answers):
            if question.id in skipped:
                continue
            if not is_answered(question, self.answers.value(question)):
                if question.type == "group" and "ai_systems" in self.answers.meta.get("answered", []):
                    continue
                return question
        return None

    def _next_after(self, question: Question) -> Question | None:
        order = [x.id for x in self.q.questions()]
        position = order.index(question.id)
        for candidate in visible_questions(self.q, self.answers):
            if order.index(candidate.id) > position:
                return candidate
        return None

    def _progress(self, question: Question) -> str:
        visible = visible_questions(self.q, self.answers)
        sections = [s for s in self.q.sections if any(x.section == s.id for x in visible)]
        section = next(s for s in self.q.sections if s.id == question.section)
        index = [x.id for x in visible].index(question.id) + 1 if question in visible else len(visible)
        number = next((i for i, s in enumerate(sections, 1) if s.id == section.id), 1)
        return self.t(
            "ui_progress",
            section_no=number,
            sections=len(sections),
            section=tr(section.title, self.lang),
            n=index,
            total=len(visible),
        )

    def _ask_top(self, question: Question) -> Any:
        """Ask one top-level question until it gets an answer or a navigation; store the answer."""
        self.prompter.say(self._progress(question))
        if question.type == "group":
            self._ask_group(question)
            return None
        while True:
            result = self._ask(question, self.answers.value(question))
            if result is Nav.HELP:
                self.prompter.say(tr(question.help, self.lang) or self.t("ui_no_help"))
                continue
            if result is Nav.STOP:
                raise KeyboardInterrupt
            if result in (Nav.BACK, Nav.SKIP):
                return result
            self.answers.set_value(question, result)
            return None

    def _ask(self, question: Question, current: Any) -> Any:
        """One prompt for one question (top-level or group field); returns a valid value or a Nav."""
        text = tr(question.text, self.lang)
        if not question.required and question.type != "group":
            text += " (optional)" if self.lang == "en" else " (optioneel)"
        specials = self._specials(question)
        if question.type == "matrix":
            return self._ask_matrix(question, text, current if isinstance(current, dict) else {}, specials)
        if question.type in ("single", "yes_no", "scale"):
            choices = (
                self._choices(question) + [Choice(self.t(k), v) for k, v in specials] + self._nav_choices()
            )
            # No answer is chosen in advance: with nothing saved yet the cursor rests on "help", so pressing
            # Enter never answers "yes" (or the first option) for the user.
            answer = self.prompter.select(text, choices, default=Nav.HELP if current is None else current)
            return self._special_value(answer)
        if question.type == "multi":
            choices = [Choice(tr(o.label, self.lang), o.id) for o in question.options]
            choices += [Choice(self.t(k), v) for k, v in specials] + self._nav_choices()
            while True:
                # A single value saved by an older version of a question (a role before roles were a list)
                # stays ticked.
                ticked = [current] if isinstance(current, str) else current or []
                picked = self.prompter.checkbox(text, choices, checked=ticked)
                if isinstance(picked, Nav):
                    return self._special_value(picked)
                problem = value_problem(question, picked)
                if problem is None:
                    return picked
                self.prompter.say(self.t("ui_invalid", problem=problem))
        return self._ask_typed(question, text, current, specials)

    def _ask_matrix(
        self, question: Question, text: str, current: dict[str, Any], specials: list[tuple[str, Nav]]
    ) -> Any:
        """A matrix, one prompt per column of tick boxes or per row; back steps through them.

        Help is shown and the same prompt asked again; skip, stop and the special answers (offered on the
        first prompt) apply to the whole question.
        """
        columns = question.matrix_kind == "columns"
        parts = question.columns if columns else question.rows
        answer: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in current.items()}
        position = 0
        while position < len(parts):
            part = parts[position]
            prompt = f"{text}\n  — {tr(part.label, self.lang)}"
            extra = [Choice(self.t(k), v) for k, v in specials] if position == 0 else []
            if columns:
                choices = [Choice(tr(r.label, self.lang), r.id) for r in question.rows]
                ticked = [r for r, cols in answer.items() if part.id in (cols or [])]
                result = self.prompter.checkbox(prompt, choices + extra + self._nav_choices(), checked=ticked)
            else:
                result = self.prompter.select(
                    prompt, self._choices(question) + extra + self._nav_choices(), default=answer.get(part.id)
                )
            if result is Nav.HELP:
                self.prompter.say(tr(question.help, self.lang) or self.t("ui_no_help"))
                continue
            if result is Nav.BACK and position > 0:
                position -= 1
                continue
            if isinstance(result, Nav):
                return self._special_value(result)
            if columns:
                for row in question.row_ids:
                    kept = [c for c in answer.get(row) or [] if c != part.id]
                    answer[row] = [*kept, part.id] if row in result else kept
            else:
                answer[part.id] = result
            position += 1
        if columns:
            order = question.column_ids
            answer = {r: sorted(answer[r], key=order.index) for r in question.row_ids if answer.get(r)}
        return answer

    def _ask_typed(self, question: Question, text: str, current: Any, specials: list[tuple[str, Nav]]) -> Any:
        hint = "".join(f", {nav.value}" for _, nav in specials)
        if question.type == "number":
            bounds = [f"{b:g}" for b in (question.number_min, question.number_max) if b is not None]
            text += " — " + self.t("ui_number", range=f" ({' - '.join(bounds)})" if bounds else "")
        prompt = f"{text}\n  {self.t('ui_text_hint', specials=hint)}"

        def validate(raw: str) -> str | None:
            if question.required and not raw.strip():
                return self.t("ui_invalid", problem=":skip")
            value = _parse_typed(question, raw)
            if value is None:
                return self.t("ui_invalid", problem="expected a number")
            return value_problem(question, value)

        default = "" if current is None or current in ("dont_know", "not_applicable") else str(current)
        answer = self.prompter.text(prompt, default=default, validate=validate)
        if isinstance(answer, Nav):
            return self._special_value(answer)
        if not answer.strip():
            return Nav.SKIP
        return _parse_typed(question, answer)

    def _choices(self, question: Question) -> list[Choice]:
        if question.type == "yes_no":
            return [Choice(self.t("ui_yes"), True), Choice(self.t("ui_no"), False)]
        if question.type == "scale" or question.matrix_kind == "scale":
            return [
                Choice(
                    f"{v} — {tr(question.scale_labels[v], self.lang)}"
                    if v in question.scale_labels
                    else str(v),
                    v,
                )
                for v in range(question.scale_min, question.scale_max + 1)
            ]
        return [Choice(tr(o.label, self.lang), o.id) for o in question.options]

    def _specials(self, question: Question) -> list[tuple[str, Nav]]:
        specials = []
        if question.dont_know:
            specials.append(("ui_dont_know", Nav.DONT_KNOW))
        if question.not_applicable:
            specials.append(("ui_not_applicable", Nav.NOT_APPLICABLE))
        return specials

    def _nav_choices(self) -> list[Choice]:
        return [
            Choice(self.t(key), nav)
            for key, nav in (
                ("ui_help", Nav.HELP),
                ("ui_back", Nav.BACK),
                ("ui_skip", Nav.SKIP),
                ("ui_stop", Nav.STOP),
            )
        ]

    @staticmethod
    def _special_value(answer: Any) -> Any:
        if answer is Nav.DONT_KNOW:
            return "dont_know"
        if answer is Nav.NOT_APPLICABLE:
            return "not_applicable"
        return answer

    def _ask_group(self, group: Question) -> None:
        """The repeated group: add, review and remove entries, saving after each change."""
        items = [dict(item) for item in self.answers.ai_systems] if group.store == "ai_systems" else []
        item_name = tr(group.item_label, self.lang) or "entry"
        self.prompter.say(tr(group.text, self.lang))
        while True:
            self.prompter.say(self.t("ui_group_count", count=len(items)))
            choices = [Choice(self.t("ui_group_add", item=item_name), ("add", -1))]
            for i, item in enumerate(items):
                choices.append(Choice(self.t("ui_group_edit", name=item.get("name", i + 1)), ("edit", i)))
            for i, item in enumerate(items):
                choices.append(Choice(self.t("ui_group_remove", name=item.get("name", i + 1)), ("remove", i)))
            choices.append(Choice(self.t("ui_group_done"), ("done", -1)))
            action = self.prompter.select(tr(group.text, self.lang), choices)
            if action is Nav.STOP:
                raise KeyboardInterrupt
            kind, index = action if isinstance(action, tuple) else ("done", -1)
            if kind == "done":
                self.answers.set_value(group, items)
                return
            if kind == "remove":
                items.pop(index)
            else:
                entry = self._ask_entry(group, items[index] if kind == "edit" else {})
                if entry is not None:
                    items[index : index + 1] = [entry] if kind == "edit" else []
                    if kind == "add":
                        items.append(entry)
            self.answers.set_value(group, items)
            self.save()

    def _ask_entry(self, group: Question, start: dict[str, Any]) -> dict[str, Any] | None:
        """Ask the fields of one entry; BACK on the first field abandons the entry."""
        item = dict(start)
        values = condition_values(self.q, self.answers)
        position = 0
        while True:
            fields = visible_fields(self.q, group, item, values)
            if position >= len(fields):
                return {k: v for k, v in item.items() if k in {f.id for f in fields}}
            sub = fields[position]
            result = self._ask(sub, item.get(sub.id))
            if result is Nav.HELP:
                self.prompter.say(tr(sub.help, self.lang) or self.t("ui_no_help"))
            elif result is Nav.STOP:
                raise KeyboardInterrupt
            elif result is Nav.BACK:
                if position == 0:
                    return None
                position -= 1
            elif result is Nav.SKIP:
                item.pop(sub.id, None)
                position += 1
            else:
                item[sub.id] = result
                position += 1


def _parse_typed(question: Question, raw: str) -> Any:
    """Typed text as the question's value type: numbers for number questions, text otherwise."""
    if question.type != "number":
        return raw.strip()
    text = raw.strip().replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return None
    number = float(text)
    return int(number) if number.is_integer() else number
