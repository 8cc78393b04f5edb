"""`readiness export dma`: the DMA answers of many clients as one table, for a hub's DMA reporting."""

from __future__ import annotations

from pathlib import Path

import click

from readiness.cli.options import questionnaires_option
from readiness.errors import ReadinessError, display_path
from readiness.questionnaire.settings import DUAL_SCORING


@click.group()
def export() -> None:
    """Tables made from answers files, for other tools."""


@export.command("dma")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The CSV file to write (one row per client).",
)
@click.option(
    "--dual-scoring",
    type=click.Choice(DUAL_SCORING),
    help="Score the planned/invested matrices this way instead of the questionnaire's own setting.",
)
@questionnaires_option
def dma(
    inputs: tuple[Path, ...], out: Path, dual_scoring: str | None, questionnaire_dirs: tuple[Path, ...]
) -> None:
    """One row per client: the DMA items as columns, then the scores (docs/results.md, "DMA export").

    An INPUT is an answers file, a report PDF, a CSV or XLSX table of answers, or a folder of them. All
    must answer the same DMA module (the SME and public-sector variants have different items) at its
    newest version; older answers are upgraded first with `readiness assess --answers FILE --upgrade`.
    """
    from readiness.atomic import write_atomic
    from readiness.batch.inputs import expand_inputs, load_input
    from readiness.dma_export import dma_module, export_table
    from readiness.questionnaire.registry import Registry

    if out.is_dir():
        raise ReadinessError(f"--out {display_path(out)} is a folder; give a file name such as dma.csv")
    registry = Registry.default(questionnaire_dirs)
    for path in inputs:
        if not path.exists():
            raise ReadinessError(f"no such file or folder: {display_path(path)}")
    expanded = expand_inputs(inputs, registry)
    if not expanded.items:
        raise ReadinessError("no answers files, report PDFs or tables in the inputs")
    loaded = []
    for item in expanded.items:
        if item.reason:
            raise ReadinessError(f"{item.label}: {item.reason}")
        entry = load_input(item, registry)
        try:
            module = dma_module(entry.questionnaire)
        except ReadinessError as exc:
            raise ReadinessError(f"{item.label}: {exc.message}; leave it out of the export") from None
        if dma_module(registry.load(entry.questionnaire.id)) != module:
            raise ReadinessError(
                f"{item.label}: its {module} is not the newest DMA module; upgrade it first with "
                f"readiness assess --answers {display_path(item.path)} --upgrade"
            )
        loaded.append(entry)
    try:
        table = export_table(loaded, dual_scoring)
    except ReadinessError as exc:
        by_module: dict[str, list[str]] = {}
        for item, entry in zip(expanded.items, loaded, strict=True):
            by_module.setdefault(dma_module(entry.questionnaire), []).append(item.label)
        lines = [f"  {module}: {', '.join(labels)}" for module, labels in sorted(by_module.items())]
        raise ReadinessError("\n".join([exc.message, *lines])) from None
    write_atomic(out, table)
    click.echo(f"wrote {display_path(out)} ({len(loaded)} client(s), {dma_module(loaded[0].questionnaire)})")
