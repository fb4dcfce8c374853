"""Presenting a build's report to a person: what was built or skipped, and a table of what failed and why."""

from __future__ import annotations

from pathlib import Path

import click

from plangen.build import BuildReport


def report_build(report: BuildReport, out: Path, quiet: bool, verbose: int = 0) -> None:
    """One line per built plan (unless quiet), skips with -v, then every problem in full and a table of them."""
    if not quiet:
        _report_built(report, out, verbose)
    if report.bad or report.failed:
        _report_problems(report, out)


def _report_built(report: BuildReport, out: Path, verbose: int) -> None:
    for plan in report.plans:
        if plan.error is None and not plan.skipped:
            why = f" ({plan.why})" if verbose and plan.why else ""
            click.echo(f"built {plan.slug}: {plan.status}, {plan.weeks} weeks -> {out / plan.slug / 'index.html'}{why}")
        elif plan.skipped and verbose:
            click.echo(f"skipped {plan.slug}: {plan.why}")
    skipped = sum(plan.skipped for plan in report.plans)
    if skipped and not verbose:
        click.echo(f"{skipped} plan{'s' if skipped != 1 else ''} unchanged since the last build, kept as they were "
                   "(-v lists them; --force builds them again)")
    if report.kept and verbose:
        click.echo(f"kept from the last build: {', '.join(report.kept)}")


def _report_problems(report: BuildReport, out: Path) -> None:
    for bad in report.bad:
        click.echo(f"bad profile: {bad.source}\n{bad.message}", err=True)
    for plan in report.failed:
        click.echo(f"failed: {plan.source}\n{plan.error}", err=True)
    rows = [(str(b.source), f"bad input ({len(b.problems)} problem{'s' if len(b.problems) != 1 else ''})") for b in report.bad]
    rows += [(str(p.source), "FAILED to render") for p in report.failed]
    width = max(len(row[0]) for row in rows)
    click.echo(f"\n{'profile'.ljust(width)}  result", err=True)
    for source, result in sorted(rows):
        click.echo(f"{source.ljust(width)}  {result}", err=True)
    total = len(report.plans) + len(report.bad)
    if report.failed:
        click.echo(f"{len(report.failed)} of {total} plans failed", err=True)
    if report.bad:
        click.echo(f"{len(report.bad)} of {total} profiles have problems and were left out", err=True)
    kept = [k for k in report.kept if k in {p.slug for p in report.failed}]
    where = f"the others were written to {out}" if report.written else f"nothing was written; {out} is as it was"
    click.echo(where + (f" (the last good plan of {', '.join(kept)} is still there)" if kept else ""), err=True)
