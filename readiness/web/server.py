"""Running the app: the checks before a server starts listening, then uvicorn until Ctrl-C.

A server on this machine only (127.0.0.1, the default) is one person's: no accounts unless the
workspace has some. A server other machines can reach must have accounts and must speak HTTPS (its own
certificate, or a proxy in front that holds one), or it does not start.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path

from readiness.errors import ReadinessError
from readiness.questionnaire.registry import Registry
from readiness.web.accounts import has_users
from readiness.web.settings import Settings, is_loopback
from readiness.web.workspace import STATE_DIR


def make_settings(
    workspace: Path,
    host: str,
    port: int,
    *,
    certfile: Path | None,
    keyfile: Path | None,
    behind_proxy: bool,
    questionnaire_dirs: tuple[Path, ...],
) -> Settings:
    """The settings for a server, refusing the combinations that would expose answers."""
    if (certfile is None) != (keyfile is None):
        raise ReadinessError("give both --certfile and --keyfile, or neither")
    workspace = workspace.expanduser()
    if workspace.exists() and not workspace.is_dir():
        raise ReadinessError(f"the workspace {workspace} is a file; give a folder")
    workspace.mkdir(parents=True, exist_ok=True)
    accounts = has_users(workspace / STATE_DIR)
    https = certfile is not None or behind_proxy
    if not is_loopback(host):
        if not accounts:
            raise ReadinessError(
                f"--host {host} lets other machines reach the answers in this workspace, so it needs "
                "accounts: "
                f"add one with `readiness users add NAME --workspace {workspace}`, then start again"
            )
        if not https:
            raise ReadinessError(
                f"--host {host} sends passwords and answers over the network, so it needs HTTPS: give "
                "--certfile and --keyfile, or put a proxy that holds a certificate in front (--behind-proxy)"
            )
    return Settings(
        workspace=workspace.resolve(),
        host=host,
        port=port,
        login=accounts,
        https=https,
        questionnaire_dirs=questionnaire_dirs,
    )


def check_port(host: str, port: int) -> None:
    """A clear message, before anything starts, when the address is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with contextlib.closing(socket.socket(family, socket.SOCK_STREAM)) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ReadinessError(
                f"cannot listen on {host}:{port} ({exc.strerror}); another program uses it: "
                f"try --port {port + 1}"
            ) from None


def address(settings: Settings) -> str:
    """The address to open in a browser."""
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    host = f"[{host}]" if ":" in host else host
    return f"{'https' if settings.https else 'http'}://{host}:{settings.port}/"


def run(
    settings: Settings,
    *,
    certfile: Path | None,
    keyfile: Path | None,
    behind_proxy: bool,
    open_browser: bool,
    say: Callable[[str], None],
) -> None:
    """Serve until Ctrl-C; open the browser once the server listens, when asked to."""
    import uvicorn

    from readiness.web.app import create_app

    check_port(settings.host, settings.port)
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        server_header=False,
        proxy_headers=behind_proxy,
        forwarded_allow_ips="127.0.0.1" if behind_proxy else None,
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
        timeout_keep_alive=5,
        limit_concurrency=200,
    )
    server = uvicorn.Server(config)
    url = address(settings)
    say(f"readiness serves the workspace {settings.workspace}")
    say(f"open {url} in a browser; stop with Ctrl-C (every answer is saved as it is given)")
    if settings.login:
        say("sign-in required: the workspace has accounts (readiness users list)")
    if open_browser:
        threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
    server.run()


def _open_when_ready(server: object, url: str) -> None:
    for _ in range(200):
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.05)


@contextlib.contextmanager
def background(settings: Settings, registry: Registry | None = None) -> Iterator[str]:
    """The app served from a thread of this process while the block runs; yields its address.

    For the browser tests, the benchmark and the screenshots: the same app and server as `run`.
    """
    import uvicorn

    from readiness.web.app import create_app

    app = create_app(settings, registry)
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(400):
        if server.started:
            break
        time.sleep(0.025)
    else:
        raise ReadinessError(f"the server did not start on {settings.host}:{settings.port}")
    try:
        yield address(settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (for servers started by tests and benchmarks)."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])
