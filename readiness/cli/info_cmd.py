"""`readiness info`: versions of everything a bug report needs (after WeasyPrint's `--info`)."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

import click

from readiness import __version__
from readiness.cache import ENV_OFF, cache_dir
from readiness.content import builtin_dir


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


@click.command()
def info() -> None:
    """Print the versions of readiness, Python, WeasyPrint, Pango and the built-in content."""
    click.echo(f"readiness {__version__}")
    click.echo(f"Python {sys.version.split()[0]} on {platform.platform()}")
    for package in ("weasyprint", "jinja2", "click", "jsonschema", "rule-engine", "babel", "pyyaml"):
        click.echo(f"{package} {_version(package)}")
    try:
        from weasyprint.text.ffi import harfbuzz_subset, pango

        number = pango.pango_version()
        click.echo(f"Pango {number // 10000}.{number // 100 % 100}.{number % 100}")
        subsetter = "HarfBuzz" if harfbuzz_subset else "fontTools (slower; install libharfbuzz-subset)"
        click.echo(f"font subsetting: {subsetter}")
    except (ImportError, OSError, AttributeError) as exc:
        click.echo(f"Pango: not available ({exc.__class__.__name__}); PDF output needs Pango 1.44 or newer")
    for kind in ("questionnaires", "templates", "directory"):
        click.echo(f"{kind}: {builtin_dir(kind)}")
    folder = cache_dir()
    click.echo(f"content cache: {folder if folder else f'off ({ENV_OFF} is set)'}")
