"""The `readiness` command line: a thin click layer that parses, calls the pipeline and prints.

Subcommands live in their own modules and are imported only when used, so `readiness --help` and the
quick commands start fast and never load WeasyPrint.
"""

from __future__ import annotations

import errno
import importlib
from collections.abc import Sequence

import click

from readiness import __version__
from readiness.errors import EXIT_USAGE, ProblemsError, ReadinessError, display_path

EXIT_INTERRUPTED = 130

# name -> "module:attribute"; the order is the order of `readiness --help`.
COMMANDS: dict[str, str] = {
    "assess": "readiness.cli.assess_cmd:assess",
    "report": "readiness.cli.report_cmd:report",
    "validate": "readiness.cli.validate_cmd:validate",
    "translations": "readiness.cli.translations_cmd:translations",
    "questionnaires": "readiness.cli.questionnaires_cmd:questionnaires",
    "schema": "readiness.cli.schema_cmd:schema",
    "info": "readiness.cli.info_cmd:info",
    "hubs": "readiness.cli.hubs_cmd:hubs",
    "directory": "readiness.cli.directory_cmd:directory",
    "aiact": "readiness.cli.aiact_cmd:aiact",
    "batch": "readiness.cli.batch_cmd:batch",
    "cohort": "readiness.cli.cohort_cmd:cohort",
    "compare": "readiness.cli.compare_cmd:compare",
    "preview": "readiness.cli.preview_cmd:preview",
    "template": "readiness.cli.template_cmd:template",
    "export": "readiness.cli.export_cmd:export",
    "serve": "readiness.cli.serve_cmd:serve",
    "users": "readiness.cli.users_cmd:users",
}


class UserError(click.ClickException):
    """A `ReadinessError` on its way out through click: the message without a traceback, and its exit code."""

    def __init__(self, message: str, exit_code: int, *, located: bool) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]
        self.located = located

    def show(self, file: object = None) -> None:
        click.echo(self.message if self.located else f"Error: {self.message}", err=True)


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (the pattern from click's documentation).

    It is also the one place where a user error becomes a message and an exit code.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ReadinessError as exc:
            raise UserError(exc.message, exc.exit_code, located=isinstance(exc, ProblemsError)) from None
        except KeyboardInterrupt:
            # Ctrl-C: whatever was saved stays saved; exit as a shell expects of an interrupted program.
            click.echo("", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # the reader went away (`| head`): click ends quietly
            # The machine said no (disk full, no permission, a folder where a file should be): say so plainly.
            where = f"{display_path(exc.filename)}: " if exc.filename else ""
            raise UserError(f"{where}{exc.strerror or exc}", EXIT_USAGE, located=False) from None


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="readiness")
def cli() -> None:
    """Measure how ready a company is for AI and which EU AI Act obligations apply to it.

    Everything runs on this machine: answers never leave it. Results are guidance, not legal advice.
    """


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line (the `readiness` console script and `python -m readiness`)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="readiness")
