"""How the interview talks to a person: questionary at a terminal, or a script in tests and automation.

The interview only knows the `Prompter` protocol. Navigation (back, skip, help, don't know, not
applicable, stop) comes back as a `Nav` value, so the same interview runs in a terminal and in a test.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol


class Nav(enum.Enum):
    BACK = ":back"
    SKIP = ":skip"
    HELP = ":help"
    DONT_KNOW = ":dk"
    NOT_APPLICABLE = ":na"
    STOP = ":stop"


@dataclass(frozen=True)
class Choice:
    title: str
    value: Any


class Prompter(Protocol):
    """The four ways the interview asks; each returns the answer or a `Nav`."""

    def select(self, message: str, choices: list[Choice], default: Any = None) -> Any: ...

    def checkbox(self, message: str, choices: list[Choice], checked: Iterable[Any] = ()) -> Any: ...

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

    def select(self, message: str, choices: list[Choice], default: Any = None) -> Any:
        import questionary

        options = [questionary.Choice(c.title, value=c.value) for c in choices]
        chosen = default if any(c.value == default for c in choices) else None
        # Long lists (countries) can be filtered by typing.
        searchable = len(choices) > 12
        return questionary.select(
            message, options, default=chosen, use_search_filter=searchable, use_jk_keys=not searchable
        ).unsafe_ask()

    def checkbox(self, message: str, choices: list[Choice], checked: Iterable[Any] = ()) -> Any:
        import questionary

        ticked = set(checked)
        options = [questionary.Choice(c.title, value=c.value, checked=c.value in ticked) for c in choices]
        picked = questionary.checkbox(message, options).unsafe_ask()
        navs = [p for p in picked if isinstance(p, Nav)]
        return navs[0] if navs else picked

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


@dataclass
class ScriptedPrompter:
    """Answers from a list, in order: for tests and for driving an interview from a script.

    Each item is the value to return (an option id, a list, text) or a `Nav`; text items may also be
    written as the navigation words (`:back`, `:skip`, ...). Running out of script stops the interview
    as Ctrl-C would.
    """

    script: list[Any]
    said: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def _next(self, message: str, valid: Callable[[Any], bool]) -> Any:
        self.asked.append(message)
        if not self.script:
            raise KeyboardInterrupt
        item = self.script.pop(0)
        if isinstance(item, str) and _nav_from_text(item) is not None:
            return _nav_from_text(item)
        if isinstance(item, str) and item in _SPECIAL_WORDS:
            return _SPECIAL_WORDS[item]
        if isinstance(item, Nav) or valid(item):
            return item
        raise ValueError(f"scripted answer {item!r} does not fit: {message}")

    def select(self, message: str, choices: list[Choice], default: Any = None) -> Any:
        return self._next(message, lambda item: any(c.value == item for c in choices))

    def checkbox(self, message: str, choices: list[Choice], checked: Iterable[Any] = ()) -> Any:
        values = [c.value for c in choices]
        return self._next(message, lambda item: isinstance(item, list) and all(v in values for v in item))

    def text(
        self, message: str, default: str = "", validate: Callable[[str], str | None] | None = None
    ) -> Any:
        answer = self._next(message, lambda item: isinstance(item, str))
        if isinstance(answer, str) and validate is not None and (problem := validate(answer)) is not None:
            self.said.append(problem)
            return self.text(message, default, validate)
        return answer

    def say(self, text: str) -> None:
        self.said.append(text)
