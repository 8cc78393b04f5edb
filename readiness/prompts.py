"""How the interview talks to a person: questionary at a terminal, or a script in tests and automation.

The interview only knows the `Prompter` protocol. Navigation (back, skip, help, don't know, not
applicable, stop) comes back as a `Nav` value, so the same interview runs in a terminal and in a test.
Navigation is never an answer to tick: in a list to choose one from, it follows the options after a
separator; in a list to tick several from, it is offered only when the list is confirmed with nothing
ticked, so "help" can never be ticked together with an answer and swallow it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from readiness.errors import ReadinessError
from readiness.limits import shorten


class Nav(enum.Enum):
    BACK = ":back"
    SKIP = ":skip"
    HELP = ":help"
    DONT_KNOW = ":dk"
    NOT_APPLICABLE = ":na"
    STOP = ":stop"


class _Again:
    """The extra that goes back to ticking (questionary takes a value of None for "use the title")."""

    def __repr__(self) -> str:
        return "AGAIN"


AGAIN = _Again()


@dataclass(frozen=True)
class Choice:
    title: str
    value: Any


class Prompter(Protocol):
    """The four ways the interview asks; each returns the answer or a `Nav`.

    `extras` are the choices besides the answers (navigation, don't know, not applicable). In
    `checkbox` they are offered when nothing is ticked: an extra whose value is a list (e.g. []) is
    returned as that answer, one whose value is AGAIN goes back to ticking.
    """

    def select(
        self,
        message: str,
        choices: list[Choice],
        default: Any = None,
        extras: Iterable[Choice] = (),
        hints: tuple[str, str] = ("", ""),
    ) -> Any: ...

    def checkbox(
        self,
        message: str,
        choices: list[Choice],
        checked: Iterable[Any] = (),
        extras: Iterable[Choice] = (),
        hint: str = "",
        question: str = "",
        hints: tuple[str, str] = ("", ""),
    ) -> Any: ...

    def text(
        self, message: str, default: str = "", validate: Callable[[str], str | None] | None = None
    ) -> Any: ...

    def say(self, text: str) -> None: ...


_SPECIAL_WORDS = {"dont_know": Nav.DONT_KNOW, "not_applicable": Nav.NOT_APPLICABLE}


def _nav_from_text(answer: str) -> Nav | None:
    return next((n for n in Nav if answer.strip().lower() == n.value), None)


class QuestionaryPrompter:
    """Prompts at a real terminal through questionary; Ctrl-C raises KeyboardInterrupt to the interview."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say

    def select(
        self,
        message: str,
        choices: list[Choice],
        default: Any = None,
        extras: Iterable[Choice] = (),
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        """`hints`: how to choose, in the user's language, for a short list and for one filtered by typing
        (questionary's own hint is English)."""
        import questionary

        others = list(extras)
        options: list[Any] = [questionary.Choice(c.title, value=c.value) for c in choices]
        if others:
            options.append(questionary.Separator())
            options += [questionary.Choice(c.title, value=c.value) for c in others]
        chosen = default if any(c.value == default for c in [*choices, *others]) else None
        # Long lists (countries) can be filtered by typing.
        searchable = len(options) > 12
        return questionary.select(
            message,
            options,
            default=chosen,
            use_search_filter=searchable,
            use_jk_keys=not searchable,
            instruction=(hints[1] if searchable else hints[0]) or None,
        ).unsafe_ask()

    def checkbox(
        self,
        message: str,
        choices: list[Choice],
        checked: Iterable[Any] = (),
        extras: Iterable[Choice] = (),
        hint: str = "",
        question: str = "",
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        import questionary

        ticked = set(checked)
        others = list(extras)
        while True:
            options = [questionary.Choice(c.title, value=c.value, checked=c.value in ticked) for c in choices]
            picked = questionary.checkbox(message, options, instruction=hint or None).unsafe_ask()
            if picked or not others:
                return picked
            # Confirmed with nothing ticked: what the user can do instead, ticking after all among it.
            action = questionary.select(
                question or message,
                [questionary.Choice(c.title, value=c.value) for c in others],
                instruction=hints[0] or None,
            ).unsafe_ask()
            if action is not AGAIN:
                return action
            ticked = set()

    def text(
        self, message: str, default: str = "", validate: Callable[[str], str | None] | None = None
    ) -> Any:
        import questionary

        def check(answer: str) -> bool | str:
            if _nav_from_text(answer) is not None or validate is None:
                return True
            problem = validate(answer)
            return True if problem is None else problem

        answer = questionary.text(message, default=default, validate=check).unsafe_ask()
        return _nav_from_text(answer) or answer

    def say(self, text: str) -> None:
        self._say(text)


class ScriptError(ReadinessError):
    """An answer in a `--script` file that does not fit the question it meets."""


@dataclass
class ScriptedPrompter:
    """Answers from a list, in order: for tests and for driving an interview from a script.

    Each item is the value to return (an option id, a list, text) or a `Nav`; text items may also be
    written as the navigation words (`:back`, `:skip`, ...). Running out of script stops the interview
    as Ctrl-C would; an item that does not fit its question is a ScriptError naming both.
    """

    script: list[Any]
    said: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    source: Path | None = None
    used: int = 0

    def _next(self, message: str, valid: Callable[[Any], bool], expected: str) -> Any:
        self.asked.append(message)
        if not self.script:
            raise KeyboardInterrupt
        item = self.script.pop(0)
        self.used += 1
        if isinstance(item, str) and _nav_from_text(item) is not None:
            return _nav_from_text(item)
        if isinstance(item, str) and item in _SPECIAL_WORDS:
            return _SPECIAL_WORDS[item]
        if isinstance(item, Nav) or valid(item):
            return item
        raise ScriptError(
            f"{self._misfit(message, item)}: expected {expected} "
            "(or one of :back, :skip, :help, :stop, dont_know, not_applicable)"
        )

    def _misfit(self, message: str, item: Any) -> str:
        """Which script item does not fit which question (the first line of its prompt)."""
        where = f"{self.source.name} item {self.used}" if self.source else f"script item {self.used}"
        return f"{where}: {shorten(repr(item))} does not fit the question “{message.splitlines()[0]}”"

    def select(
        self,
        message: str,
        choices: list[Choice],
        default: Any = None,
        extras: Iterable[Choice] = (),
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        values = [c.value for c in [*choices, *extras]]
        expected = "one of: " + ", ".join(str(c.value) for c in choices)
        return self._next(message, lambda item: any(v == item for v in values), expected)

    def checkbox(
        self,
        message: str,
        choices: list[Choice],
        checked: Iterable[Any] = (),
        extras: Iterable[Choice] = (),
        hint: str = "",
        question: str = "",
        hints: tuple[str, str] = ("", ""),
    ) -> Any:
        values = [c.value for c in choices]
        expected = "a list of some of: " + ", ".join(str(v) for v in values)
        return self._next(
            message, lambda item: isinstance(item, list) and all(v in values for v in item), expected
        )

    def text(
        self, message: str, default: str = "", validate: Callable[[str], str | None] | None = None
    ) -> Any:
        answer = self._next(message, lambda item: isinstance(item, str | int | float), "text")
        if isinstance(answer, int | float) and not isinstance(answer, bool):
            answer = str(answer)
        if isinstance(answer, str) and validate is not None and (problem := validate(answer)) is not None:
            where = f"{self.source.name} item {self.used}" if self.source else f"script item {self.used}"
            question = message.split("\n", 1)[0]
            raise ScriptError(
                f"{where}: {shorten(repr(answer))} does not fit the question “{question}”: {problem}"
            )
        return answer

    def say(self, text: str) -> None:
        self.said.append(text)
