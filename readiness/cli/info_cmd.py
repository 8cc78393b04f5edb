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
    from readiness.patterns import engine
    from readiness.report.fonts import font_line

    click.echo(font_line())
    click.echo(f"patterns: {engine()}")
    for kind in ("questionnaires", "templates", "directory"):
        click.echo(f"{kind}: {builtin_dir(kind)}")
    folder = cache_dir()
    click.echo(f"content cache: {folder if folder else f'off ({ENV_OFF} is set)'}")
    _directory_dates()


def _directory_dates() -> None:
    """How current the support directory is: entries per kind, confirmed, and their check dates."""
    import datetime as dt

    from readiness.directory import load_directory
    from readiness.directory.loader import load_policy
    from readiness.errors import ProblemsError

    try:
        directory = load_directory()
        limit = load_policy().checked_within_days
    except ProblemsError as exc:
        count = len(exc.problems)
        click.echo(f"support directory: not readable ({count} problem(s); run readiness validate)")
        return
    oldest, newest = directory.checked_dates()
    stale_before = (dt.date.today() - dt.timedelta(days=limit)).isoformat()
    stale = sum(e.checked < stale_before for e in directory.entries)
    confirmed = sum(e.confirmed for e in directory.entries)
    click.echo(
        f"support directory: {len(directory.entries)} entries ({confirmed} confirmed on an official page), "
        f"checked {oldest} to {newest}; {stale} not checked in the last {limit} days"
    )
    for kind in directory.vocabulary.kinds:
        entries = directory.of_kind(kind)
        if entries:
            dates = sorted(e.checked for e in entries)
            done = sum(e.confirmed for e in entries)
            click.echo(f"  {kind}: {len(entries)} ({done} confirmed), checked {dates[0]} to {dates[-1]}")
