"""Options shared by several commands, written once (the sqlite-utils habit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def questionnaires_option(func: F) -> F:
    """`--questionnaires DIR`, repeatable: user folders of questionnaires, which win over built-in ones."""
    return click.option(
        "--questionnaires",
        "questionnaire_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A folder of your own questionnaires (repeatable); also READINESS_QUESTIONNAIRES.",
    )(func)


def format_option(*choices: str, default: str) -> Callable[[F], F]:
    """`--format` with the given choices."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return decorate
