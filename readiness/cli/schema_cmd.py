"""`readiness schema NAME`."""

from __future__ import annotations

import click

from readiness.schemas import schema_names, schema_text


@click.command()
@click.argument("name", required=False)
def schema(name: str | None) -> None:
    """Print a JSON Schema (questionnaire, answers, ...), for editors and other tools.

    Without NAME, lists the schemas. Point your editor at one with a first line such as
    `# yaml-language-server: $schema=<path to the saved schema>`.
    """
    if name is None:
        for known in schema_names():
            click.echo(known)
        return
    click.echo(schema_text(name), nl=False)
