"""One recorded activity as read from a file, and which training-log kind its sport is."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# What the log calls each kind of session that a device can record.
RUN, WALK, CYCLING, SWIMMING, ELLIPTICAL, STRENGTH = "run", "walk", "cycling", "swimming", "elliptical", "strength"
KINDS = (RUN, WALK, CYCLING, SWIMMING, ELLIPTICAL, STRENGTH)

# Sport names as FIT, TCX, GPX and Strava spell them, after _normalise().
_KIND_OF_SPORT = {
    **dict.fromkeys(
        ("running", "run", "trail_running", "trail_run", "treadmill_running", "street_running",
         "track_running", "indoor_running", "virtual_run", "virtual_running"),
        RUN,
    ),
    **dict.fromkeys(("walking", "walk", "hiking", "hike", "casual_walking", "speed_walking", "indoor_walking"), WALK),
    **dict.fromkeys(
        ("cycling", "biking", "bike", "ride", "road_biking", "road_cycling", "mountain_biking", "mountain_bike_ride",
         "gravel_ride", "gravel_cycling", "indoor_cycling", "virtual_ride", "spin", "spinning"),
        CYCLING,
    ),
    **dict.fromkeys(("swimming", "swim", "lap_swimming", "open_water_swimming", "open_water", "pool_swim"), SWIMMING),
    "elliptical": ELLIPTICAL,
    **dict.fromkeys(("strength_training", "weight_training"), STRENGTH),
}
# FIT puts machines and gym work under a broad sport and says what it was in sub_sport.
_BROAD_FIT_SPORTS = {"fitness_equipment", "training"}
# Files that record no sport, or only a catch-all: the runner may say what they were (--activity).
_NO_SPORT = {"", "generic", "other", "all", "none", "unknown"}


class ActivityFileError(Exception):
    """A file that could not be read as an activity; the message says what is wrong with it.

    ``partial`` holds what was read before the damage (a FIT summary written before the
    data broke off): the importer keeps it only when asked to salvage (--salvage).
    """

    def __init__(self, message: str, partial: tuple[Activity, ...] = ()) -> None:
        super().__init__(message)
        self.partial = partial


@dataclass(frozen=True)
class Activity:
    """What a device recorded, in SI units, before it becomes a log entry."""

    source: str  # the file name, shown in the log and the report
    sport: str | None  # as the file spells it ("running", "Biking", "Weight Training")
    start: dt.datetime | None  # aware
    distance_m: float | None = None
    timer_s: float | None = None  # moving/timer time, never elapsed time
    cadence: float | None = None  # as recorded: per leg (strides/min) for foot sports, rpm on a bike
    elevation_gain_m: float | None = None
    sub_sport: str | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)  # what the reader noticed (e.g. no timestamps)


def log_kind(sport: str | None, sub_sport: str | None = None) -> str | None:
    """The log's activity kind for a sport, or None when plangen does not log it."""
    name = _normalise(sport)
    if name in _BROAD_FIT_SPORTS:
        name = _normalise(sub_sport)
    return _KIND_OF_SPORT.get(name)


def names_no_sport(sport: str | None, sub_sport: str | None = None) -> bool:
    """True when the file does not say what sport it was (so ``--activity`` may say it)."""
    name = _normalise(sport)
    if name in _BROAD_FIT_SPORTS:
        return _normalise(sub_sport) in _NO_SPORT
    return name in _NO_SPORT


def describe_sport(activity: Activity) -> str:
    """The sport as the file names it, for messages."""
    if activity.sub_sport and _normalise(activity.sub_sport) not in _NO_SPORT:
        return f"{activity.sport}/{activity.sub_sport}"
    return activity.sport or "none"


def _normalise(name: str | None) -> str:
    """'TrailRun', 'Trail Run' and 'trail-run' all become 'trail_run'."""
    if not name:
        return ""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip())
    return re.sub(r"[\s\-]+", "_", snake).lower()
