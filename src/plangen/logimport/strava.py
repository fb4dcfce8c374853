"""Read a Strava bulk export: activities.csv names each activity's type and its file (maybe .gz)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from pathlib import Path

from plangen.logimport.activity import Activity, ActivityFileError
from plangen.logimport.files import Source, read_file

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "Nov 20, 2026, 7:30:00 AM" (UTC). Parsed by hand: strptime's %b follows the process locale.
_DATE = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2}):(\d{2})\s*([AaPp][Mm])?$")
_NEEDED = ("Activity Date", "Activity Type")


def strava_sources(folder: Path) -> list[Source]:
    """One source per row of the export's activities.csv."""
    csv_path = folder / "activities.csv"
    try:
        rows = _rows(csv_path)
    except ActivityFileError as exc:
        return [Source(csv_path, str(csv_path), problem=str(exc))]
    return [_source(folder, csv_path, number, row) for number, row in enumerate(rows, start=2)]


def read_strava_row(source: Source) -> list[Activity]:
    """The row's activity file as Strava typed it; the row's own summary when it has no readable file."""
    row = source.row or {}
    if row.get("Filename"):
        try:
            activities = read_file(_inside(Path(row["_export"]), row["Filename"]))
        except ActivityFileError as exc:
            return [_row_activity(row, note=f"{row['Filename']}: {exc}; imported from activities.csv instead")]
        # Strava's type wins: the runner may have corrected it there, and a file may say only "generic".
        return [dataclasses.replace(a, sport=row["Activity Type"], sub_sport=None) for a in activities]
    return [_row_activity(row)]


def _rows(csv_path: Path) -> list[dict[str, str]]:
    try:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ActivityFileError(f"activities.csv cannot be read: {exc}") from None
    if not table or any(name not in table[0] for name in _NEEDED):
        raise ActivityFileError("activities.csv lacks the columns 'Activity Date' and 'Activity Type' "
                                "(an English-language Strava export is expected)")
    return [_named(table[0], values) for values in table[1:] if any(values)]


def _named(header: list[str], values: list[str]) -> dict[str, str]:
    """Columns by name; Strava repeats some (Distance, Elapsed Time) and the last one is in metres/seconds."""
    row: dict[str, str] = {}
    for name, value in zip(header, values, strict=False):  # a short row leaves columns out
        row[name] = value.strip()
    row["_distance_is_metres"] = "yes" if header.count("Distance") > 1 else ""
    return row


def _source(folder: Path, csv_path: Path, number: int, row: dict[str, str]) -> Source:
    row["_export"] = str(folder)
    if row.get("Filename"):
        return Source(folder / row["Filename"], str(folder / row["Filename"]), row=row)
    return Source(csv_path, f"{csv_path} line {number}", row=row)


def _inside(folder: Path, name: str) -> Path:
    """The export's own file: a name that leads out of the export folder is refused."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ActivityFileError(f"names a file outside the export folder: {name!r}")
    return path


def _row_activity(row: dict[str, str], note: str = "") -> Activity:
    return Activity(
        source=f"activities.csv#{row.get('Activity ID', '?')}",
        sport=row.get("Activity Type"),
        start=_date(row.get("Activity Date", "")),
        # With one Distance column its unit (km or mi) depends on the account: better none than wrong.
        distance_m=_number(row.get("Distance")) if row.get("_distance_is_metres") else None,
        timer_s=_number(row.get("Moving Time")),
        elevation_gain_m=_number(row.get("Elevation Gain")),
        notes=(note,) if note else (),
    )


def _date(text: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    except ValueError:
        pass
    match = _DATE.match(text)
    if not match or match.group(1).lower() not in _MONTHS:
        raise ActivityFileError(f"an Activity Date that is not a date: {text!r}")
    month, day, year, hour, minute, second, half = match.groups()
    hour_24 = int(hour) % 12 + (12 if half and half.lower() == "pm" else 0) if half else int(hour)
    try:
        return dt.datetime(int(year), _MONTHS.index(month.lower()) + 1, int(day), hour_24, int(minute),
                           int(second), tzinfo=dt.UTC)
    except ValueError:
        raise ActivityFileError(f"an Activity Date that is not a real date: {text!r}") from None


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None
