"""Frozen, validated models of a runner's profile and training log (SPEC.md section 1)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from plangen.sources.exercise_models import Equipment  # one equipment vocabulary for cards and profiles

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Numbers and booleans are strict: "no" is not false and "5" is not a number.
Int = Annotated[int, Strict()]
Num = Annotated[float, Strict()]
Bool = StrictBool
Pain = Annotated[int, Strict(), Field(ge=0, le=10)]
Activity = Literal["run", "walk_run", "cycling", "pool_running", "elliptical", "swimming", "strength", "rest", "walk"]
CrossTraining = Literal["cycling", "pool_running", "elliptical", "swimming"]
RunType = Literal["easy", "long", "tempo", "intervals", "hills", "race", "strides"]
Aggravator = Literal[
    "stairs", "downhill", "prolonged_sitting", "squatting", "hills", "kneeling", "jumping", "running"
]
Slug = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$")]

_DURATION = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Runner(_Strict):
    name: str | None = Field(None, max_length=120)
    age: Int | None = Field(None, ge=10, le=100)
    experience: Literal["new", "recreational", "experienced"] = "recreational"
    knee: Literal["left", "right", "both"] = "both"
    bmi: Num | None = Field(None, ge=10, le=70)


class Availability(_Strict):
    run_days: tuple[Weekday, ...] = Field(min_length=1)
    strength_days: tuple[Weekday, ...] | None = None
    long_run_day: Weekday | None = None

    @model_validator(mode="after")
    def _long_run_is_a_run_day(self) -> Availability:
        if self.long_run_day and self.long_run_day not in self.run_days:
            raise ValueError(f"long_run_day to be one of run_days, found '{self.long_run_day}'")
        return self


class Baseline(_Strict):
    cadence: Int | None = Field(None, ge=120, le=230)
    pain_free_weekly_distance: Num | None = Field(None, ge=0, le=300)
    longest_recent_run: Num | None = Field(None, ge=0, le=100)


class Symptoms(_Strict):
    @property
    def morning_baseline(self) -> int:
        return self.usual_morning_pain if self.usual_morning_pain is not None else self.pain_at_rest

    worst_pain_last_week: Pain = 0
    pain_at_rest: Pain = 0
    worst_daily_pain: Pain | None = None
    # The usual next-morning knee pain: the baseline each next-morning score is compared with (R9).
    usual_morning_pain: Pain | None = None
    aggravators: tuple[Aggravator, ...] = ()
    duration_weeks: Int | None = Field(None, ge=0, le=520)
    pain_location: Literal["front", "around_kneecap", "behind_kneecap", "elsewhere"] = "front"


class Screening(_Strict):
    """Red-flag answers (clinical-rules.md section 4); any true halts progression."""

    swelling: Bool = False
    locking: Bool = False
    giving_way: Bool = False
    recent_trauma: Bool = False
    night_pain: Bool = False
    feeling_unwell: Bool = False
    cannot_bear_weight: Bool = False
    hot_red_knee: Bool = False
    kneecap_slipped: Bool = False
    numbness_or_calf_pain: Bool = False
    rapidly_worsening: Bool = False
    not_improving_6_weeks: Bool = False
    swelling_after_runs: Bool = False


class Readiness(_Strict):
    """The R12 gate: can the runner walk briskly and hop without pain?"""

    brisk_walk_30_min: Bool | None = None
    single_leg_hops_10: Bool | None = None


class Event(_Strict):
    name: str = Field(max_length=120)
    date: dt.date
    distance: Num = Field(gt=0, le=250)


class Goal(_Strict):
    weekly_distance: Num | None = Field(None, gt=0, le=300)
    event: Event | None = None


class Clinician(_Strict):
    name: str | None = Field(None, max_length=120)
    clinic: str | None = Field(None, max_length=120)
    contact: str | None = Field(None, max_length=200)
    notes: str | None = Field(None, max_length=4000)


class Profile(_Strict):
    id: Slug | None = None
    runner: Runner = Runner()
    units: Literal["km", "mi"] = "km"
    start: dt.date | None = None
    weeks: Int = Field(8, ge=4, le=16)
    availability: Availability
    baseline: Baseline = Baseline()
    symptoms: Symptoms = Symptoms()
    screening: Screening = Screening()
    readiness: Readiness = Readiness()
    goal: Goal = Goal()
    cross_training: tuple[CrossTraining, ...] = ()
    equipment: tuple[Equipment, ...] = ()
    clinician: Clinician | None = None
    timezone: str | None = None
    anonymous: Bool = False
    paper: Literal["a4", "letter"] = "a4"
    rules: dict[str, Num] = Field(default_factory=dict)
    log: str | None = None

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, value: dict[str, float]) -> dict[str, float]:
        from plangen.rules import checked_overrides

        return checked_overrides(value)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        if value is None:
            return value
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"an IANA time zone such as Europe/London, found {value!r}") from None
        return value


class PainScores(_Strict):
    during: Pain | None = None
    after: Pain | None = None
    next_morning: Pain | None = None


class StrengthSet(_Strict):
    """One exercise as done in a strength session (for the R31 progression rule)."""

    id: Slug
    sets: Int = Field(ge=1, le=10)
    reps: Int = Field(ge=1, le=100)
    load: Num | None = Field(None, ge=0, le=500)
    pain: Pain | None = None
    next_morning_pain: Pain | None = None


class LogEntry(_Strict):
    date: dt.date
    activity: Activity
    type: RunType | None = None
    distance: Num | None = Field(None, ge=0, le=250)
    duration: str | Int | Num | None = None
    rpe: Pain | None = None
    pain: PainScores = PainScores()
    swelling: Bool = False
    notes: str | None = Field(None, max_length=4000)
    exercises: tuple[StrengthSet, ...] = ()
    cadence: Int | None = Field(None, ge=100, le=250)
    elevation_gain: Num | None = Field(None, ge=0, le=10000)
    start_time: str | None = None
    source: str | None = None

    @field_validator("duration")
    @classmethod
    def _duration_format(cls, value: str | int | float | None) -> str | int | float | None:
        if isinstance(value, str) and not _DURATION.match(value):
            raise ValueError(f"a duration as mm:ss or h:mm:ss (or minutes as a number), found {value!r}")
        if isinstance(value, (int, float)) and not 0 <= value <= 24 * 60:
            raise ValueError(f"a duration in minutes from 0 to 1440, found {value}")
        return value

    @property
    def minutes(self) -> float | None:
        return duration_minutes(self.duration)

    @property
    def is_run(self) -> bool:
        return self.activity in ("run", "walk_run")


class TrainingLog(_Strict):
    entries: tuple[LogEntry, ...] = ()


def duration_minutes(value: str | int | float | None) -> float | None:
    """'38:00' -> 38.0; '1:02:30' -> 62.5; 40 -> 40.0 (a bare number is minutes)."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    match = _DURATION.match(value)
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 60 + minutes + seconds / 60


def model_fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _unwrap(current)
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = current.model_fields[part].annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Peel Optional[...] and tuple[X, ...] down to the model inside, if any."""
    from typing import get_args

    for arg in (annotation, *get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in get_args(arg):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation
