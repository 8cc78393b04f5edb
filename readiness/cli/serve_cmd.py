"""`readiness serve`: the interview, the report and a hub's clients in a browser, on this machine."""

from __future__ import annotations

from pathlib import Path

import click

from readiness.cli.options import questionnaires_option


@click.command()
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    show_default=True,
    help="The folder of answers files and reports (made if missing); new interviews go to its reports/.",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port to listen on."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on. Anything but this machine's own needs accounts and HTTPS.",
)
@click.option(
    "--open", "open_browser", is_flag=True, help="Open the app in the default browser once it runs."
)
@click.option(
    "--certfile",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TLS certificate (PEM), for HTTPS.",
)
@click.option(
    "--keyfile",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The certificate's private key (PEM).",
)
@click.option(
    "--behind-proxy",
    is_flag=True,
    help="A proxy on this machine holds the certificate and forwards to us: trust its X-Forwarded headers.",
)
@questionnaires_option
def serve(
    workspace: Path,
    port: int,
    host: str,
    open_browser: bool,
    certfile: Path | None,
    keyfile: Path | None,
    behind_proxy: bool,
    questionnaire_dirs: tuple[Path, ...],
) -> None:
    """Serve the app in a browser: the interview, the report and the client list of a workspace.

    By default only this computer can reach it (http://127.0.0.1:8000/). Answers are saved in the
    workspace as the same files `readiness assess` writes, so an interview started in the browser
    continues in the terminal and the other way round. Nothing is fetched from or sent to the internet.
    """
    from readiness.web.server import make_settings, run

    settings = make_settings(
        workspace,
        host,
        port,
        certfile=certfile,
        keyfile=keyfile,
        behind_proxy=behind_proxy,
        questionnaire_dirs=questionnaire_dirs,
    )
    run(
        settings,
        certfile=certfile,
        keyfile=keyfile,
        behind_proxy=behind_proxy,
        open_browser=open_browser,
        say=lambda line: click.echo(line, err=True),
    )
