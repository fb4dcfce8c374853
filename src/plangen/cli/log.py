"""The `plangen log` commands: bring recorded activities into a runner's training log."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from plangen.sources.models import LogEntry, Profile
    from plangen.logimport import ImportReport, Source

# plangen.logimport.activity.KINDS, spelled out so `plangen --help` does not import the importer
_KINDS = ("run", "walk", "cycling", "swimming", "elliptical", "strength")
_PROGRESS_FROM = 20  # a progress bar only for batches long enough to wait for


@click.group()
def log() -> None:
    """Work with a runner's training log."""


@log.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--into", "log_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The log to add to (default: the profile's log).")
@click.option("--profile", "profile_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The runner's profile, for units and time zone (default: the one beside the log).")
@click.option("--activity", "default_activity", type=click.Choice(_KINDS),
              help="What to log files as that do not say their sport.")
@click.option("--salvage", is_flag=True, help="Import the summary a damaged FIT file still holds.")
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], log_path: Path | None, profile_path: Path | None,
            default_activity: str | None, salvage: bool) -> None:
    """Import FIT, GPX and TCX files, folders of them, or a Strava export folder.

    Each activity becomes one log entry; one already in the log is not added again, and
    an entry typed by hand is completed (cadence, start time, source), never overwritten.
    """
    import datetime as dt

    from plangen.logimport import import_activities

    quiet = _quiet(ctx)
    target, profile = _target(log_path, profile_path)
    timezone = profile.timezone if profile else None  # None: this computer's zone
    report = import_activities(
        list(paths), target, units=profile.units if profile else "km", timezone=timezone,
        default_activity=default_activity, salvage=salvage, reading=iter if quiet else _with_progress,
        today=dt.date.today(),  # the clock is read here, at the edge, for the "years ago" note
    )
    for note in report.failed:
        click.echo(f"error: {note.label}: {note.message}", err=True)
    if not quiet:
        click.echo("\n".join(report_lines(report)))
        if timezone is None and report.new:
            click.echo("note: start times are in this computer's time zone; "
                       "add timezone: (e.g. Europe/London) to the profile to use the runner's")
    ctx.exit(1 if report.failed else 0)


def report_lines(report: ImportReport) -> list[str]:
    """The summary, one line per new entry, the notes, and the pain-score reminder."""
    counts = (f"imported {len(report.new)} new, {report.already} already in the log, "
              f"{len(report.updated)} updated, {len(report.failed)} failed")
    if report.skipped:
        counts += f", {len(report.skipped)} skipped"
    lines = [counts]
    lines += [f"  + {_entry_line(entry)}" for entry in report.new]
    lines += [f"  ~ {_entry_line(entry)}" for entry in report.updated]
    lines += [f"skipped {note.label}: {note.message}" for note in report.skipped]
    lines += [f"note: {note.label}: {note.message}" for note in report.notes]
    if report.written:
        lines.append(f"wrote {report.log_path} (the previous version, if any, is kept as .bak)")
    if report.reminders:
        lines.append("Add pain scores (0-10) for these runs:")
        lines += [f"  {_entry_line(r.entry)}: {', '.join(r.missing)}" for r in report.reminders]
    return lines


def _entry_line(entry: LogEntry) -> str:
    """'2015-08-15  run           9.01     47:12  162 spm  (file.fit)'"""
    distance = f"{entry.distance:.2f}" if entry.distance is not None else "-"
    cadence = f"{entry.cadence} spm" if entry.cadence is not None else "- spm"
    duration = str(entry.duration) if entry.duration is not None else "-"
    source = f"  ({entry.source})" if entry.source else ""
    return f"{entry.date}  {entry.activity:<10} {distance:>7}  {duration:>8}  {cadence:>7}{source}"


def _target(log_path: Path | None, profile_path: Path | None) -> tuple[Path, Profile | None]:
    """The log to write and the profile that gives its units and time zone."""
    from plangen.sources.runner import profile_beside

    if log_path is None:
        if profile_path is None:
            raise click.UsageError("say which log to import into: --into LOG or --profile PROFILE")
        profile = _profile(profile_path)
        return _profile_log(profile_path, profile), profile
    profile_path = profile_path or profile_beside(log_path)
    return log_path, _profile(profile_path) if profile_path else None


def _profile(path: Path) -> Profile:
    from plangen.sources.models import Profile
    from plangen.sources.runner import validate_document
    from plangen.sources.yamlreader import read_yaml

    return validate_document(read_yaml(path), Profile)


def _profile_log(profile_path: Path, profile: Profile) -> Path:
    """The log a profile names (relative to it), else <id>.log.yaml beside it."""
    if profile.log is not None:
        return profile_path.parent / profile.log
    return profile_path.with_name(profile_path.name.removesuffix(".yaml") + ".log.yaml")


def _quiet(ctx: click.Context) -> bool:
    obj = ctx.find_root().obj
    return bool(obj.get("quiet")) if isinstance(obj, dict) else False


def _with_progress(sources: list[Source]) -> Iterable[Source]:
    if len(sources) < _PROGRESS_FROM or not sys.stderr.isatty():  # a log file or pipe needs no bar
        return sources
    return _bar(sources)


def _bar(sources: list[Source]) -> Iterator[Source]:
    with click.progressbar(sources, label="Reading activity files", file=sys.stderr) as bar:
        yield from bar
