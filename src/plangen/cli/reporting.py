"""Presenting a build's results to a person: what was built, and a table of what failed."""

from __future__ import annotations

from pathlib import Path

import click

from plangen.build import BuiltPlan, failures


def report_build(results: list[BuiltPlan], out: Path, quiet: bool) -> None:
    """One line per built plan (unless quiet), then every failure in full and a summary table."""
    if not quiet:
        for result in results:
            if result.error is None:
                click.echo(f"built {result.slug}: {result.status}, {result.weeks} weeks -> {out / result.slug / 'index.html'}")
    failed = failures(results)
    if not failed:
        return
    for result in failed:
        click.echo(f"failed: {result.source}\n{result.error}", err=True)
    width = max(len(str(r.source)) for r in results)
    click.echo(f"\n{'profile'.ljust(width)}  result", err=True)
    for result in results:
        click.echo(f"{str(result.source).ljust(width)}  {'FAILED' if result.error else 'ok'}", err=True)
    click.echo(f"{len(failed)} of {len(results)} plans failed; the others were written to {out}", err=True)
