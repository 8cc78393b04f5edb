"""`readiness directory`: keep the support directory current without hand-editing YAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from readiness.errors import display_path


@click.group()
def directory() -> None:
    """Work on the support directory (EDIHs, AI factories, authorities, ...)."""


@directory.command("import")
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--map",
    "map_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="How the table's columns become entries, e.g. directory/maps/edih-catalogue.yaml.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("directory"),
    show_default=True,
    help="The directory folder to update (a folder of your own, or a checkout's directory/).",
)
@click.option("--dry-run", is_flag=True, help="Show what would be added, changed and removed; write nothing.")
@click.option(
    "--checked",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date the table was taken from its source (default: today); every imported entry gets it.",
)
def import_table(
    table: Path, map_path: Path, out_dir: Path, dry_run: bool, checked: dt.datetime | None
) -> None:
    """Import a CSV or XLSX table (such as the EDIH catalogue's export) into directory files.

    \b
    readiness directory import edih-catalogue.xlsx --map directory/maps/edih-catalogue.yaml --dry-run
    readiness directory import our-hubs.csv --map our-map.yaml --out my-directory

    Nothing is written when a row, a column or the resulting files have a problem.
    """
    from readiness.directory.importer import plan_import, write_plan

    plan = plan_import(table, map_path, out_dir, checked.date() if checked else dt.date.today())
    for file in plan.files:
        name = display_path(file.path)
        click.echo(
            f"{name}: {len(file.added)} added, {len(file.changed)} changed, {len(file.removed)} removed"
        )
        for entry_id, entry_name in file.added:
            click.echo(f"  + {entry_id}  {entry_name}")
        for entry_id, entry_name, fields in file.changed:
            click.echo(f"  ~ {entry_id}  {entry_name}: {', '.join(fields)}")
        for entry_id, entry_name in file.removed:
            click.echo(f"  - {entry_id}  {entry_name}")
    for warning in plan.warnings:
        click.echo(f"warning: {warning}", err=True)
    if dry_run:
        click.echo(f"{plan.rows} row(s) read; dry run, nothing written")
        return
    write_plan(plan)
    click.echo(f"{plan.rows} row(s) read; {len(plan.files)} file(s) written")
