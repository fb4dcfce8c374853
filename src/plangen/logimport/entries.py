"""Turn a recorded activity into the fields of a training-log entry, in the runner's units and time zone."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any
from zoneinfo import ZoneInfo

from plangen.logimport.activity import RUN, WALK, Activity
from plangen.units import METRES_PER, clock

# Foot sports: FIT, TCX and Garmin's GPX extension record cadence per leg (strides per minute).
_STEP_KINDS = {RUN, WALK}
# No runner or walker reaches 250 steps a minute, so a per-leg value above 125 must already be steps.
_MAX_PER_LEG = 125
_MIN_SPM, _MAX_SPM = 100, 250

# The order of the fields an import writes; a runner's own fields (rpe, pain, notes) come after.
FIELD_ORDER = ("date", "activity", "type", "distance", "duration", "cadence", "elevation_gain", "start_time", "source")


def entry_fields(activity: Activity, kind: str, units: str = "km", timezone: str | None = "UTC") -> dict[str, Any]:
    """The log entry for ``activity`` as plain values, without the fields it cannot fill.

    ``timezone`` None means this computer's own zone (a log with no profile to say the runner's).
    """
    start = local_start(activity, timezone) if activity.start else None
    gain = finite(activity.elevation_gain_m)
    fields: dict[str, Any] = {
        "date": start.date() if start else None,
        "activity": kind,
        "type": "easy" if kind == RUN else None,
        "distance": _distance(activity.distance_m, units),
        "duration": format_duration(activity.timer_s),
        "cadence": steps_per_minute(activity.cadence, kind),
        "elevation_gain": round(gain) if gain is not None else None,
        "start_time": start.isoformat() if start else None,
        "source": activity.source,
    }
    return {key: value for key, value in fields.items() if value is not None}


def local_start(activity: Activity, timezone: str | None) -> dt.datetime:
    """The start in the runner's own time zone, to the second (the day it falls on is the log date)."""
    assert activity.start is not None
    return activity.start.astimezone(ZoneInfo(timezone) if timezone else None).replace(microsecond=0)


def finite(value: Any) -> float | None:
    """A recorded number, or None for what a damaged file holds instead (NaN, infinity, text)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def format_duration(seconds: float | None) -> str | None:
    """3725.4 -> '1:02:05'; 2832 -> '47:12'; 56.9 -> '00:57' (the log's mm:ss / h:mm:ss)."""
    seconds = finite(seconds)
    return clock(seconds) if seconds is not None and seconds > 0 else None


def steps_per_minute(cadence: float | None, kind: str) -> int | None:
    """Steps per minute for a foot sport, or None (a bike's rpm or a swimmer's strokes are not steps)."""
    cadence = finite(cadence)
    if cadence is None or cadence <= 0 or kind not in _STEP_KINDS:
        return None
    spm = round(cadence if cadence > _MAX_PER_LEG else cadence * 2)
    return spm if _MIN_SPM <= spm <= _MAX_SPM else None


def _distance(metres: float | None, units: str) -> float | None:
    metres = finite(metres)
    if metres is None:
        return None
    value = round(metres / METRES_PER[units], 2)
    return value if value > 0 else None
