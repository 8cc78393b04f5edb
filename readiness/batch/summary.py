"""The end of a batch: how many were done, skipped and failed, each failure with its reason.

Written to `DIR/batch-summary.json` (atomically, so a second batch in the same folder replaces it whole)
and printed. The JSON is for the hub's own tooling: its fields are only ever added to.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness import __version__
from readiness.atomic import write_atomic
from readiness.batch.work import ItemResult
from readiness.errors import display_path

SUMMARY_FILE = "batch-summary.json"
STATUSES = ("done", "skipped", "failed")


@dataclass
class BatchSummary:
    """One batch run, as reported at its end."""

    results: list[ItemResult]
    out_dir: Path
    fmt: str
    jobs: int
    as_of: dt.date
    seconds: float
    total: int
    interrupted: bool = False
    scheduler: str | None = None

    @property
    def counts(self) -> dict[str, int]:
        """Items per status, every status present (zero included)."""
        return {status: sum(1 for r in self.results if r.status == status) for status in STATUSES}

    @property
    def failed(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def rate(self) -> float:
        """Items finished per second, skipped ones included."""
        return len(self.results) / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The summary's JSON form (`batch-summary.json`)."""
        return {
            "tool": {"name": "readiness", "version": __version__},
            "as_of": self.as_of.isoformat(),
            "format": self.fmt,
            "out_dir": str(self.out_dir),
            "jobs": self.jobs,
            "scheduler": self.scheduler,
            "seconds": round(self.seconds, 2),
            "total": self.total,
            "interrupted": self.interrupted,
            "counts": self.counts,
            "items": [_item(r) for r in self.results],
        }

    def write(self) -> Path:
        """Write `batch-summary.json` into the output folder; returns its path."""
        path = self.out_dir / SUMMARY_FILE
        write_atomic(path, json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n")
        return path


def _item(result: ItemResult) -> dict[str, Any]:
    item: dict[str, Any] = {
        "input": result.input,
        "output": result.output,
        "status": result.status,
        "reason": result.reason,
        "notes": result.notes,
        "seconds": result.seconds,
    }
    if result.detail:
        item["detail"] = result.detail
    return item


def summary_lines(summary: BatchSummary, summary_path: Path) -> list[str]:
    """The summary as plain lines for the terminal: counts first, then every failure with its reason."""
    counts = summary.counts
    lines = [
        f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed"
        f" of {summary.total} in {summary.seconds:.1f} s ({summary.rate:.2f} per second,"
        f" {summary.jobs} job{'' if summary.jobs == 1 else 's'}"
        + (f" on {summary.scheduler})" if summary.scheduler else ")")
    ]
    if summary.interrupted:
        lines.append(f"interrupted: {summary.total - len(summary.results)} not started; run again to resume")
    failed = summary.failed
    if failed:
        lines.append("failed:")
        for result in failed:
            reason = result.reason.replace("\n", "\n    ")
            lines.append(f"  {result.input}:\n    {reason}")
    noted = [r for r in summary.results if r.notes and r.status != "failed"]
    if noted:
        lines.append("notes:")
        lines += [f"  {r.input}: {note}" for r in noted for note in r.notes]
    lines.append(f"summary: {display_path(summary_path)}")
    return lines
