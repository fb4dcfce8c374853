"""Import activity files into a training log: read them all, match them to the log, write once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from plangen.errors import InputError, Problem
from plangen.sources.models import EARLIEST_DATE, LATEST_DATE, LogEntry, TrainingLog
from plangen.logimport.activity import KINDS, Activity, ActivityFileError, describe_sport, log_kind, names_no_sport
from plangen.logimport.entries import entry_fields
from plangen.logimport.discover import discover, read_source
from plangen.logimport.files import Source
from plangen.logimport.match import ALREADY, NEW, MergePlan, plan_merge
from plangen.logimport.plausible import doubt, old_note
from plangen.logimport.merge import (
    NEW_LOG_HEADER,
    check_merged,
    existing_entries,
    merged_text,
    read_text,
    write_atomically,
)

PAIN_TIMES = ("during", "after", "next_morning")


@dataclass(frozen=True)
class FileNote:
    """Something to tell the runner about one file: why it failed, was skipped, or what is missing."""

    label: str
    message: str


@dataclass(frozen=True)
class PainReminder:
    """An imported run and the pain scores it still lacks."""

    entry: LogEntry
    missing: tuple[str, ...]


@dataclass
class ImportReport:
    """What an import did, for the CLI to print (nothing in here prints)."""

    log_path: Path
    new: list[LogEntry] = field(default_factory=list)
    updated: list[LogEntry] = field(default_factory=list)
    already: int = 0
    failed: list[FileNote] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)
    reminders: list[PainReminder] = field(default_factory=list)
    written: bool = False


def import_activities(
    paths: Sequence[Path],
    log_path: Path,
    *,
    units: str = "km",
    timezone: str | None = None,
    default_activity: str | None = None,
    salvage: bool = False,
    reading: Callable[[list[Source]], Iterable[Source]] = iter,
    today: dt.date | None = None,
) -> ImportReport:
    """Read every file under ``paths`` and merge them into the log at ``log_path``.

    ``reading`` wraps the list of sources (the CLI passes a progress bar). ``timezone`` None
    means this computer's zone. ``today`` (from the caller's clock) dates the "years ago" note.
    """
    report = ImportReport(log_path)
    old, text, bom = _current_log(log_path)
    activities = _read_all(discover(paths), salvage, reading, report)
    candidates = _candidates(activities, units, timezone, default_activity, report)
    plan = plan_merge(existing_entries(text, log_path, old), [fields for fields, _ in candidates])
    if plan.changes_file:
        new_text = merged_text(text, plan, [entry.date for entry in old.entries], log_path)
        check_merged(new_text, log_path, old, plan)  # nothing is written unless this passes
        write_atomically(log_path, new_text, bom)
        report.written = True
    _summarise(plan, old, report)
    _doubts(plan, units, today, report)
    return report


def runs_missing_pain(log: TrainingLog) -> list[LogEntry]:
    """Runs (and walk-runs) with no next-morning pain score: the score that steers progression."""
    return [entry for entry in log.entries if entry.is_run and entry.pain.next_morning is None]


def _current_log(log_path: Path) -> tuple[TrainingLog, str, bool]:
    from plangen.sources.runner import load_log

    if log_path.exists():
        log = load_log(log_path)  # an invalid log stops the import before anything is read
        text, bom = read_text(log_path)
        return log, text, bom
    if not log_path.parent.is_dir():
        raise InputError([Problem(log_path, None, "", "a log file in an existing folder", "no such folder")])
    return TrainingLog(), NEW_LOG_HEADER, False


def _read_all(
    sources: list[Source], salvage: bool, reading: Callable[[list[Source]], Iterable[Source]], report: ImportReport
) -> list[tuple[Activity, str]]:
    activities: list[tuple[Activity, str]] = []
    for source in reading(sources):
        try:
            found = read_source(source)
        except ActivityFileError as exc:
            if not (salvage and exc.partial):
                report.failed.append(FileNote(source.label, _failure(exc)))
                continue
            found = list(exc.partial)
            report.notes.append(FileNote(source.label, f"{exc}; imported the summary it holds (--salvage)"))
        except Exception as exc:  # noqa: BLE001 - one file the parsers choke on is that file's failure, never the call's
            report.failed.append(FileNote(source.label, _unreadable(exc)))
            continue
        activities.extend((activity, source.label) for activity in found)
    return activities


def _unreadable(exc: Exception) -> str:
    return f"could not be read: the file looks damaged ({type(exc).__name__})"


def _failure(exc: ActivityFileError) -> str:
    """What is wrong, and, when the damage came after the summary, how to keep the activity anyway."""
    if not exc.partial:
        return str(exc)
    held = "; ".join(f"{describe_sport(a)} on {a.start:%Y-%m-%d}" for a in exc.partial)
    return f"{exc}; it still holds the summary written before the damage ({held}): add --salvage to import it"


def _candidates(
    activities: list[tuple[Activity, str]], units: str, timezone: str | None, default: str | None, report: ImportReport
) -> list[tuple[dict[str, Any], str]]:
    candidates = []
    for activity, label in activities:
        kind = log_kind(activity.sport, activity.sub_sport)
        if kind is None and names_no_sport(activity.sport, activity.sub_sport):
            kind = default
        if kind is None:
            report.skipped.append(FileNote(label, _why_skipped(activity)))
            continue
        fields, problem = _entry(activity, kind, units, timezone)
        if problem:
            report.failed.append(FileNote(label, problem))
            continue
        candidates.append((fields, label))
        report.notes.extend(FileNote(label, note) for note in activity.notes)
    return candidates


def _entry(activity: Activity, kind: str, units: str, timezone: str | None) -> tuple[dict[str, Any], str]:
    """The entry's fields, or why this activity cannot become one."""
    problem = _impossible_start(activity)
    if problem:
        return {}, problem
    try:
        fields = entry_fields(activity, kind, units, timezone)
    except Exception as exc:  # noqa: BLE001 - values no parser checked; this activity fails, the rest go in
        return {}, _unreadable(exc)
    return fields, _invalid(fields)


def _impossible_start(activity: Activity) -> str:
    """A clock that was never set (year 1, year 9999) dates nothing: the file is refused, not the import."""
    if activity.start is None or EARLIEST_DATE <= activity.start.date() <= LATEST_DATE:
        return ""
    return f"starts in the year {activity.start.year}: the device's clock was not set, so there is no date to log it on"


def _doubts(plan: MergePlan, units: str, today: dt.date | None, report: ImportReport) -> None:
    """Notes on new entries that look like no real session, and on how many are from long ago."""
    for fields in plan.new:
        why = doubt(fields, units)
        if why:
            report.notes.append(FileNote(fields.get("source", "?"), why))
    note = old_note([fields["date"] for fields in plan.new], today) if today else ""
    if note:
        report.notes.append(FileNote("import", note))


def _why_skipped(activity: Activity) -> str:
    if names_no_sport(activity.sport, activity.sub_sport):
        return (f"the file does not say which sport it was ({describe_sport(activity)}); "
                "name it with --activity (e.g. --activity run)")
    return f"{describe_sport(activity)} is not a session the log tracks ({', '.join(KINDS)})"


def _invalid(fields: dict[str, Any]) -> str:
    try:
        LogEntry.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        return f"would not make a valid log entry: {where}: {error['msg']}"
    return ""


def _summarise(plan: MergePlan, old: TrainingLog, report: ImportReport) -> None:
    report.new = [LogEntry.model_validate(fields) for fields in plan.new]
    report.already = sum(outcome.result == ALREADY for outcome in plan.outcomes)
    after = [_with_added(entry, plan.updates.get(index, {})) for index, entry in enumerate(old.entries)]
    report.updated = [after[index] for index in sorted(plan.updates)]
    report.reminders = _reminders(plan, after)


def _reminders(plan: MergePlan, after: list[LogEntry]) -> list[PainReminder]:
    """Imported runs still lacking a pain score, in date order, each once."""
    entries: dict[Any, LogEntry] = {}
    for outcome in plan.outcomes:
        if outcome.result == NEW:
            entries[id(outcome)] = LogEntry.model_validate(outcome.fields)
        elif outcome.index is not None:
            entries[outcome.index] = after[outcome.index]
    reminders = [PainReminder(entry, _missing_pain(entry)) for entry in entries.values() if entry.is_run]
    return sorted((r for r in reminders if r.missing), key=lambda r: (r.entry.date, r.entry.start_time or ""))


def _missing_pain(entry: LogEntry) -> tuple[str, ...]:
    return tuple(time for time in PAIN_TIMES if getattr(entry.pain, time) is None)


def _with_added(entry: LogEntry, added: dict[str, Any]) -> LogEntry:
    return LogEntry.model_validate({**entry.model_dump(exclude_unset=True), **added}) if added else entry
