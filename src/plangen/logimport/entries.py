"""Turn a recorded activity into the fields of a training-log entry, in the runner's units and time zone."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from plangen.logimport.activity import RUN, WALK, Activity

METRES_PER = {"km": 1000.0, "mi": 1609.344}
# Foot sports: FIT, TCX and Garmin's GPX extension record cadence per leg (strides per minute).
_STEP_KINDS = {RUN, WALK}
# No runner or walker reaches 250 steps a minute, so a per-leg value above 125 must already be steps.
_MAX_PER_LEG = 125
_MIN_SPM, _MAX_SPM = 100, 250

# The order of the fields an import writes; a runner's own fields (rpe, pain, notes) come after.
FIELD_ORDER = ("date", "activity", "type", "distance", "duration", "cadence", "elevation_gain", "start_time", "source")


def entry_fields(activity: Activity, kind: str, units: str = "km", timezone: str = "UTC") -> dict[str, Any]:
    """The log entry for ``activity`` as plain values, without the fields it cannot fill."""
    fields: dict[str, Any] = {
        "date": local_start(activity, timezone).date() if activity.start else None,
        "activity": kind,
        "type": "easy" if kind == RUN else None,
        "distance": _distance(activity.distance_m, units),
        "duration": format_duration(activity.timer_s),
        "cadence": steps_per_minute(activity.cadence, kind),
        "elevation_gain": round(activity.elevation_gain_m) if activity.elevation_gain_m is not None else None,
        "start_time": local_start(activity, timezone).isoformat() if activity.start else None,
        "source": activity.source,
    }
    return {key: value for key, value in fields.items() if value is not None}


def local_start(activity: Activity, timezone: str) -> dt.datetime:
    """The start in the runner's own time zone, to the second (the day it falls on is the log date)."""
    assert activity.start is not None
    return activity.start.astimezone(ZoneInfo(timezone)).replace(microsecond=0)


def format_duration(seconds: float | None) -> str | None:
    """3725.4 -> '1:02:05'; 2832 -> '47:12'; 56.9 -> '00:57' (the log's mm:ss / h:mm:ss)."""
    if seconds is None or seconds <= 0:
        return None
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def steps_per_minute(cadence: float | None, kind: str) -> int | None:
    """Steps per minute for a foot sport, or None (a bike's rpm or a swimmer's strokes are not steps)."""
    if cadence is None or cadence <= 0 or kind not in _STEP_KINDS:
        return None
    spm = round(cadence if cadence > _MAX_PER_LEG else cadence * 2)
    return spm if _MIN_SPM <= spm <= _MAX_SPM else None


def _distance(metres: float | None, units: str) -> float | None:
    if metres is None:
        return None
    value = round(metres / METRES_PER[units], 2)
    return value if value > 0 else None
