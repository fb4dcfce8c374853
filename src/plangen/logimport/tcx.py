"""Read a Garmin Training Center (TCX) file with the standard library's ElementTree.

tcxreader was considered and not used: it derives duration from the first and last
trackpoint (elapsed time, pauses included) and drops each lap's TotalTimeSeconds, the
timer time the log wants; it also skips laps without trackpoints and fails on an
Activity without a Sport attribute. The lap summaries below are a few lines of XPath.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from plangen.logimport.activity import Activity, ActivityFileError
from plangen.logimport.entries import finite


def read_tcx(data: bytes, name: str) -> list[Activity]:
    """One Activity per <Activity> in the file."""
    root = _parse(data)
    if _local(root.tag) != "TrainingCenterDatabase":
        raise ActivityFileError(f"not a TCX file: the root element is <{_local(root.tag)}>")
    activities = [_activity(element, name) for element in root.iterfind("{*}Activities/{*}Activity")]
    if not activities:
        raise ActivityFileError("a TCX file with no <Activity> (a course or workout is not an activity)")
    return activities


def _parse(data: bytes) -> ET.Element:
    # Expat >= 2.4 refuses entity-expansion bombs and ElementTree never fetches external entities.
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ActivityFileError(f"not a valid TCX (XML) file: {exc}") from None


def _activity(element: ET.Element, name: str) -> Activity:
    laps = element.findall("{*}Lap")
    if not laps:
        raise ActivityFileError("a TCX activity with no laps, so no distance or time to log")
    return Activity(
        source=name,
        sport=element.get("Sport"),
        start=_start(element, laps[0]),
        distance_m=_lap_sum(laps, "DistanceMeters"),
        timer_s=_lap_sum(laps, "TotalTimeSeconds"),
        cadence=_run_cadence(laps),
        elevation_gain_m=_elevation_gain(element),
    )


def _start(element: ET.Element, first_lap: ET.Element) -> dt.datetime:
    text = first_lap.get("StartTime") or element.findtext("{*}Id") or ""
    try:
        start = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ActivityFileError(f"a TCX activity whose start time is not a date and time: {text!r}") from None
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)  # TCX times are UTC by the schema
    return start


def _lap_sum(laps: list[ET.Element], tag: str) -> float | None:
    values = [_number(lap.findtext(f"{{*}}{tag}")) for lap in laps]
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _run_cadence(laps: list[ET.Element]) -> float | None:
    """Per-leg running cadence: the laps' AvgRunCadence weighted by time, else the trackpoints' mean."""
    per_lap = [
        (_number(lap.findtext("{*}Extensions/{*}LX/{*}AvgRunCadence")), _number(lap.findtext("{*}TotalTimeSeconds")))
        for lap in laps
    ]
    weighted = [(cadence, seconds) for cadence, seconds in per_lap if cadence and seconds]
    if weighted and len(weighted) == len(per_lap):
        return sum(cadence * seconds for cadence, seconds in weighted) / sum(seconds for _, seconds in weighted)
    samples = [_number(el.text) for lap in laps for el in lap.iterfind(".//{*}TPX/{*}RunCadence")]
    moving = [value for value in samples if value]
    return sum(moving) / len(moving) if moving else None


def _elevation_gain(element: ET.Element) -> float | None:
    """TCX has no ascent total: add up the altitude track the way gpxpy does for GPX (smoothed)."""
    altitudes = [value for el in element.iterfind(".//{*}Trackpoint/{*}AltitudeMeters") if (value := _number(el.text)) is not None]
    if not altitudes:
        return None
    from gpxpy.geo import calculate_uphill_downhill  # lazily, with the other parsers

    return calculate_uphill_downhill(altitudes)[0]


def _number(text: str | None) -> float | None:
    try:
        return finite(float(text)) if text is not None else None
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
