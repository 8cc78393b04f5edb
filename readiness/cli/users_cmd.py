"""`readiness users add|remove|list`: the accounts of a workspace served to other machines."""

from __future__ import annotations

import sys
from pathlib import Path

import click

_workspace = click.option(
    "--workspace",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="The workspace the accounts belong to.",
)


@click.group()
def users() -> None:
    """Accounts for `readiness serve`: with any account in the workspace, every page asks for a sign-in."""


@users.command("add")
@click.argument("name")
@_workspace
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of standard input."
)
def add(name: str, workspace: Path, password_stdin: bool) -> None:
    """Add the account NAME; its password is asked twice (at least 12 characters)."""
    from readiness.web.accounts import add_user, check_name, check_password
    from readiness.web.workspace import Workspace

    check_name(name)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        check_password(password)
    else:
        password = click.prompt("password", hide_input=True, confirmation_prompt=True, value_proc=_checked)
    add_user(Workspace(workspace).state, name, password)
    click.echo(f"added {name}; `readiness serve --workspace {workspace}` now asks for a sign-in")


def _checked(value: str) -> str:
    from readiness.errors import ReadinessError
    from readiness.web.accounts import check_password

    try:
        check_password(value)
    except ReadinessError as exc:
        raise click.UsageError(exc.message) from None
    return value


@users.command("remove")
@click.argument("name")
@_workspace
def remove(name: str, workspace: Path) -> None:
    """Remove the account NAME; its sessions end at once."""
    from readiness.web.accounts import remove_user
    from readiness.web.workspace import Workspace

    remove_user(Workspace(workspace).state, name)
    click.echo(f"removed {name}")


@users.command("list")
@_workspace
def list_users(workspace: Path) -> None:
    """The accounts, with the date each was made."""
    from readiness.web.accounts import list_users as accounts
    from readiness.web.workspace import Workspace

    found = accounts(Workspace(workspace).state)
    for name, created in found:
        click.echo(f"{name}\t{created}")
    if not found:
        click.echo(
            "no accounts: the server is open to whoever can reach it (this computer only, by default)",
            err=True,
        )
