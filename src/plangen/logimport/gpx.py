"""Read a GPS track (GPX 1.0/1.1, Garmin TrackPointExtension cadence) with gpxpy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from plangen.logimport.activity import Activity, ActivityFileError
from plangen.logimport.entries import finite


def read_gpx(data: bytes, name: str) -> list[Activity]:
    """The file's tracks as one activity (a watch writes one track per activity)."""
    import gpxpy  # lazily: the CLI must start fast
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(_text(data))
    except (gpxpy.gpx.GPXException, ValueError) as exc:
        raise ActivityFileError(f"not a valid GPX file: {_first_line(exc)}") from None
    points = [point for track in gpx.tracks for segment in track.segments for point in segment.points]
    if not points:
        raise ActivityFileError("a GPX file with no track points (waypoints or a route are not an activity)")
    _check_positions(points)
    _times_in_utc(points)
    times = [point.time for point in points if point.time is not None]
    if not times:
        raise ActivityFileError("a GPX track without timestamps, so there is no date to log it on")
    return [_activity(gpx, name, points, times)]


def _activity(gpx: Any, name: str, points: list[Any], times: list[Any]) -> Activity:
    timed_throughout = len(times) == len(points)
    notes = () if timed_throughout else (f"only {len(times)} of {len(points)} track points have a time: no duration",)
    return Activity(
        source=name,
        sport=next((track.type for track in gpx.tracks if track.type), None),
        start=min(times),
        distance_m=gpx.length_2d(),
        # GPX has no timer: moving time is what a watch's timer would have shown.
        timer_s=gpx.get_moving_data().moving_time if timed_throughout else None,
        cadence=_mean_cadence(points),
        elevation_gain_m=gpx.get_uphill_downhill().uphill if _has_elevation(points) else None,
        notes=notes,
    )


def _check_positions(points: list[Any]) -> None:
    """A damaged file can hold a latitude of inf or 1e308; the distance maths would fail on it."""
    for number, point in enumerate(points, start=1):
        if not (-90 <= point.latitude <= 90 and -180 <= point.longitude <= 180):  # NaN fails both too
            raise ActivityFileError(f"track point {number} has an impossible position "
                                    f"(latitude {point.latitude}, longitude {point.longitude})")


def _times_in_utc(points: list[Any]) -> None:
    """GPX times are UTC by the standard; a file that leaves some without a zone still means UTC."""
    for point in points:
        if point.time is not None and point.time.tzinfo is None:
            point.time = point.time.replace(tzinfo=dt.UTC)


def _mean_cadence(points: list[Any]) -> float | None:
    """The mean of recorded cadence, leaving out the zeros written while standing still."""
    values = [value for point in points if (value := _point_cadence(point))]
    return sum(values) / len(values) if values else None


def _point_cadence(point: Any) -> float | None:
    for extension in point.extensions:
        for element in extension.iter():
            # gpxtpx:cad in any namespace prefix, as Garmin, Strava and others write it
            if element.tag.rsplit("}", 1)[-1] == "cad" and element.text:
                try:
                    return finite(float(element.text))
                except ValueError:
                    return None
    return None


def _has_elevation(points: list[Any]) -> bool:
    return any(point.elevation is not None for point in points)


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")  # a BOM is common in files saved on Windows
    except UnicodeDecodeError:
        raise ActivityFileError("not a GPX file: not UTF-8 text") from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
