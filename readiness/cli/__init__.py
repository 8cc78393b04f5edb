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

EXIT_INTERRUPTED = 130

# name -> ("module:attribute", short help). The order is the order of `readiness --help`. The short help
# is the first sentence of the command's docstring, kept here so that `--help` imports no command module;
# tests/test_cli_startup.py checks it against the real docstrings.
COMMANDS: dict[str, tuple[str, str]] = {
    "assess": (
        "readiness.cli.assess_cmd:assess",
        "Assess a company: answer the questionnaire (saved after every answer), then see the result.",
    ),
    "report": (
        "readiness.cli.report_cmd:report",
        "Make reports from answers files or earlier report PDFs, without asking anything.",
    ),
    "validate": (
        "readiness.cli.validate_cmd:validate",
        "Check questionnaires and content files; every problem as path:line:col.",
    ),
    "translations": (
        "readiness.cli.translations_cmd:translations",
        "The languages the program speaks: coverage per text source, and the catalogues a translator fills.",
    ),
    "questionnaires": (
        "readiness.cli.questionnaires_cmd:questionnaires",
        "List and inspect the questionnaires on the search path.",
    ),
    "schema": (
        "readiness.cli.schema_cmd:schema",
        "Print a JSON Schema (questionnaire, answers, ...), for editors and other tools.",
    ),
    "info": (
        "readiness.cli.info_cmd:info",
        "Print the versions of readiness, Python, WeasyPrint, Pango and the built-in content.",
    ),
    "hubs": (
        "readiness.cli.hubs_cmd:hubs",
        "Where to get help: EDIHs, AI factories, TEFs, AI Act contacts and funding that fit a company.",
    ),
    "directory": (
        "readiness.cli.directory_cmd:directory",
        "Work on the support directory (EDIHs, AI factories, authorities, ...).",
    ),
    "aiact": (
        "readiness.cli.aiact_cmd:aiact",
        "EU AI Act: risk class, role, obligations and dates for each AI system.",
    ),
    "batch": (
        "readiness.cli.batch_cmd:batch",
        "Render a report for every company in INPUT...: answers files, report PDFs, folders, CSV or XLSX.",
    ),
    "cohort": (
        "readiness.cli.cohort_cmd:cohort",
        "An overview of the companies in INPUT...: levels, sectors, scores per dimension, common gaps,"
        " the AI Act risk mix and dates ahead, and the support most often recommended.",
    ),
    "compare": (
        "readiness.cli.compare_cmd:compare",
        "Compare BEFORE (T0) with AFTER (T1) for one company: the change overall and per dimension,"
        " the questions that improved or slipped, AI Act obligations that started or stopped applying,"
        " and the recommendations that are new, still open or no longer made.",
    ),
    "preview": (
        "readiness.cli.preview_cmd:preview",
        "Print QUESTIONNAIRE (default: its newest version) for interviews on paper or for review: its"
        " sections, questions, options with boxes to tick, and every condition in words.",
    ),
    "template": (
        "readiness.cli.template_cmd:template",
        "Empty tables to fill in and give to `readiness batch`.",
    ),
    "export": (
        "readiness.cli.export_cmd:export",
        "Tables made from answers files, for other tools.",
    ),
    "serve": (
        "readiness.cli.serve_cmd:serve",
        "Serve the app in a browser: the interview, the report and the client list of a workspace.",
    ),
    "users": (
        "readiness.cli.users_cmd:users",
        "Accounts for `readiness serve`: with any account in the workspace, every page asks for a sign-in.",
    ),
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
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the short help in COMMANDS, shortened as click would, importing nothing."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=text).get_short_help_str(limit))
            for name, (_, text) in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> object:
        # Imported here, not at the top: `readiness --help` and `--version` never get this far.
        from readiness.errors import EXIT_USAGE, ProblemsError, ReadinessError, display_path

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
