"""The interview: one question at a time, saved after every answer, resumable, back and skip allowed.

It talks through a `Prompter` (see readiness.prompts), so a terminal user and a test script walk the same
path. Every answer is written to the answers file atomically before the next question is shown; Ctrl-C
(or running out of script) stops the interview with nothing lost but the answer being typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from readiness.answers import Answers, save_answers
from readiness.flow import (
    conclude,
    condition_values,
    first_open,
    missing_required,
    next_after,
    offered_options,
    progress,
    record_turn,
    visible_fields,
)
from readiness.l10n.languages import decimal
from readiness.limits import MAX_AI_SYSTEMS
from readiness.prompts import AGAIN, Choice, Nav, Prompter
from readiness.questionnaire.model import Question, Questionnaire, tr
from readiness.texts import message
from readiness.typed import date_in_future, read_typed
from readiness.values import value_problem

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
        *,
        follow_company_language: bool = False,
    ) -> None:
        """`follow_company_language`: the user named no language, so once the company says which
        language it wants (the question stored in company.language), the interview continues in it."""
        self.q = questionnaire
        self.answers = answers
        self.path = path
        self.prompter = prompter
        self.lang = lang
        self.clock = clock
        self.follow_company_language = follow_company_language
        self.history: list[str] = []
        self.today = dt.date.today()

    def t(self, key: str, **values: object) -> str:
        return message(key, self.lang, **values)

    def save(self) -> None:
        # The language goes with the answers, so that the interview resumes in the language it was held in.
        self.answers.meta["language"] = self.lang
        save_answers(self.path, self.answers, now=self.clock())

    def run(self) -> bool:
        """Ask until every visible question has had its turn; True when the answers are complete."""
        current = first_open(self.q, self.answers)
        while current is not None:
            outcome = self._ask_top(current)
            if outcome is Nav.BACK:
                if not self.history:
                    self.prompter.say(self.t("ui_first_question"))
                    continue
                current = self.q.question(self.history.pop())
                continue
            self.history.append(current.id)
            following = next_after(self.q, self.answers, current)
            record_turn(self.answers, current, skipped=outcome is Nav.SKIP, following=following)
            current = following
            self.save()
        missing = missing_required(self.q, self.answers)
        if missing:
            self.prompter.say(self.t("ui_missing", count=len(missing)))
            for question in missing:
                self._ask_top(question)
                self.save()
        complete = conclude(self.q, self.answers)
        if complete:
            self.prompter.say(self.t("ui_complete"))
        self.save()
        return complete

    def _progress(self, question: Question) -> str:
        where = progress(self.q, question)
        return self.t(
            "ui_progress",
            section_no=where.section_number,
            sections=where.sections,
            section=tr(where.section.title, self.lang),
            n=where.number,
            total=where.total,
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
            if question.store == "company.language" and self.follow_company_language:
                self.lang = str(result)
            return None

    def _ask(self, question: Question, current: Any, context: Mapping[str, Any] | None = None) -> Any:
        """One prompt for one question (top-level or group field); returns a valid value or a Nav.

        `context` holds what a field's checks may read besides the answers: the entry's other fields.
        """
        text = tr(question.text, self.lang)
        if not question.required and question.type != "group":
            text += self.t("ui_optional")
        specials = [Choice(self.t(key), nav) for key, nav in self._specials(question)]
        if question.type == "matrix":
            return self._ask_matrix(question, text, current if isinstance(current, dict) else {}, specials)
        if question.type in ("single", "yes_no", "scale"):
            # No answer is chosen in advance: with nothing saved yet the cursor rests on "help", so pressing
            # Enter never answers "yes" (or the first option) for the user.
            answer = self.prompter.select(
                text,
                self._choices(question),
                default=Nav.HELP if current is None else current,
                extras=specials + self._nav_choices(),
                hints=self._select_hints(),
            )
            return self._special_value(answer)
        if question.type == "multi":
            return self._ask_multi(question, text, current, specials)
        return self._ask_typed(question, text, current, self._specials(question), context or {})

    def _ask_multi(self, question: Question, text: str, current: Any, specials: list[Choice]) -> Any:
        choices = [Choice(tr(o.label, self.lang), o.id) for o in question.options]
        extras = [Choice(self.t("ui_tick_again"), AGAIN), *specials]
        if not question.required:
            extras.append(Choice(self.t("ui_leave_empty"), []))
        extras += self._nav_choices()
        # A single value saved by an older version of a question (a role, before roles were a list) stays
        # ticked.
        checked = [current] if isinstance(current, str) else current if isinstance(current, list) else ()
        while True:
            picked = self.prompter.checkbox(
                text,
                choices,
                checked=checked,
                extras=extras,
                hint=self.t("ui_multi_hint"),
                question=self.t("ui_nothing_ticked"),
                hints=self._select_hints(),
            )
            if isinstance(picked, Nav):
                return self._special_value(picked)
            problem = value_problem(question, picked, self.lang, labels=True)
            if problem is None and not picked and question.required:
                none = next((o for o in question.options if o.exclusive), None)
                problem = (
                    self.t("ui_choose_one", none=tr(none.label, self.lang))
                    if none
                    else self.t("ui_choose_one_plain")
                )
            if problem is None:
                return picked
            self.prompter.say(self.t("ui_invalid", problem=problem))
            checked = picked

    def _ask_matrix(
        self, question: Question, text: str, current: dict[str, Any], specials: list[Choice]
    ) -> Any:
        """A matrix, one prompt per column of tick boxes or per row; back steps through them.

        Help is shown and the same prompt asked again; skip, stop and the special answers (offered on the
        first prompt) apply to the whole question. A column with nothing ticked is an answer (no row has it).
        """
        columns = question.matrix_kind == "columns"
        parts = question.columns if columns else question.rows
        answer: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in current.items()}
        position = 0
        while position < len(parts):
            part = parts[position]
            prompt = f"{text}\n  — {tr(part.label, self.lang)}"
            extra = specials if position == 0 else []
            if columns:
                choices = [Choice(tr(r.label, self.lang), r.id) for r in question.rows]
                ticked = [r for r, cols in answer.items() if part.id in (cols or [])]
                result = self.prompter.checkbox(
                    prompt,
                    choices,
                    checked=ticked,
                    extras=[
                        Choice(self.t("ui_leave_empty"), []),
                        Choice(self.t("ui_tick_again"), AGAIN),
                        *extra,
                        *self._nav_choices(),
                    ],
                    hint=self.t("ui_multi_hint"),
                    question=self.t("ui_nothing_ticked"),
                    hints=self._select_hints(),
                )
            else:
                current_cell = answer.get(part.id)
                result = self.prompter.select(
                    prompt,
                    self._choices(question),
                    default=Nav.HELP if current_cell is None else current_cell,
                    extras=[*extra, *self._nav_choices()],
                    hints=self._select_hints(),
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

    def _ask_typed(
        self,
        question: Question,
        text: str,
        current: Any,
        specials: list[tuple[str, Nav]],
        context: Mapping[str, Any],
    ) -> Any:
        hint = "".join(f", {nav.value}" for _, nav in specials)
        if question.type == "number":
            low, high = question.number_min, question.number_max
            if low is not None and high is not None:
                bounds = f" ({decimal(low, self.lang)} - {decimal(high, self.lang)})"
            elif low is not None:
                bounds = f" ({self.t('ui_at_least', low=decimal(low, self.lang))})"
            elif high is not None:
                bounds = f" ({self.t('ui_at_most', high=decimal(high, self.lang))})"
            else:
                bounds = ""
            text += " — " + self.t("ui_number", range=bounds)
        prompt = f"{text}\n  {self.t('ui_text_hint', specials=hint)}"

        def read(raw: str) -> tuple[Any, str | None]:
            if not raw.strip():
                return None, self.t("ui_invalid", problem=":skip") if question.required else None
            value, problem = read_typed(
                question, raw, self.lang, country=str(self.answers.company.get("country") or "")
            )
            if problem is None:
                problem = value_problem(question, value, self.lang, labels=True)
            if problem is None:
                problem = self._future_problem(question, value, context)
            return value, problem

        default = "" if current is None or current in ("dont_know", "not_applicable") else str(current)
        answer = self.prompter.text(prompt, default=default, validate=lambda raw: read(raw)[1])
        if isinstance(answer, Nav):
            return self._special_value(answer)
        if not answer.strip():
            return Nav.SKIP
        return read(answer)[0]

    def _future_problem(self, question: Question, value: Any, context: Mapping[str, Any]) -> str | None:
        """Why a date may not lie in the future here (its `not_in_future_when:` holds), or None."""
        group = next((g for g in self.q.questions() if question in g.fields), None)
        key = f"{group.id}.{question.id}" if group else question.id
        condition = self.q.condition("not_in_future", key)
        if condition is None:
            return None
        values = {**condition_values(self.q, self.answers), **context}
        return date_in_future(value, self.today, self.lang) if condition.holds(values) else None

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
        options = offered_options(question, self.answers.value(question))
        return [Choice(tr(o.label, self.lang), o.id) for o in options]

    def _select_hints(self) -> tuple[str, str]:
        """The keys to use in a list to choose from, for a short list and for one that can be filtered."""
        return self.t("ui_select_hint"), self.t("ui_select_filter_hint")

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
        item_name = tr(group.item_label, self.lang) or self.t("ui_entry")
        self.prompter.say(tr(group.text, self.lang))
        while True:
            self.prompter.say(self.t("ui_group_count", count=len(items)))
            limit = min(group.max_items or MAX_AI_SYSTEMS, MAX_AI_SYSTEMS)
            choices = (
                [] if len(items) >= limit else [Choice(self.t("ui_group_add", item=item_name), ("add", -1))]
            )
            if not choices:
                self.prompter.say(self.t("ui_too_many", limit=limit))
            for i, item in enumerate(items):
                choices.append(Choice(self.t("ui_group_edit", name=item.get("name", i + 1)), ("edit", i)))
            for i, item in enumerate(items):
                choices.append(Choice(self.t("ui_group_remove", name=item.get("name", i + 1)), ("remove", i)))
            choices.append(Choice(self.t("ui_group_done"), ("done", -1)))
            action = self.prompter.select(tr(group.text, self.lang), choices, hints=self._select_hints())
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
            result = self._ask(sub, item.get(sub.id), item)
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
