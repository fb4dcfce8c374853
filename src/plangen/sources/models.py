"""Frozen, validated models of a runner's profile and training log (SPEC.md section 1)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from plangen.sources.equipment import Equipment  # one equipment vocabulary for cards and profiles

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

# What a person can do, in one place. Anything beyond is a typo (or an attack) and would only push
# the planner's date and load arithmetic past any sensible range. Distances are in the profile's
# units (km or mi): a 24-hour race covers up to about 250 km and a heavy training week about 300.
MAX_SESSION_MINUTES = 24 * 60
MAX_SESSION_DISTANCE = 250
MAX_WEEKLY_DISTANCE = 300
MAX_RECENT_LONG_RUN = 100  # a baseline for a return-to-run plan, not an ultra
# Dates a plan can be about: Python's dates end in 9999, and a plan adds weeks to them.
EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
# Top-level names in the site that a runner's folder must not take: the shared assets and the
# clinician index (index.html; "index" would read as the same page).
RESERVED_IDS = frozenset({"assets", "index"})


def _sane_date(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"a date from {EARLIEST_DATE} to {LATEST_DATE}, found {value}")
    return value


Date = Annotated[dt.date, AfterValidator(_sane_date)]
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}")


def slug_problem(slug: str) -> str:
    """Why ``slug`` cannot name a runner's output folder, or "" when it can."""
    if not _SLUG.fullmatch(slug):
        return "up to 64 letters, digits and '-', starting with a letter or digit"
    if slug.lower() in RESERVED_IDS:
        return f"an id other than {', '.join(sorted(RESERVED_IDS))} (the site uses those names)"
    return ""


def _usable_slug(value: str) -> str:
    problem = slug_problem(value)
    if problem:
        raise ValueError(f"{problem}, found {value!r}")
    return value


ExerciseId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$")]
RunnerId = Annotated[str, AfterValidator(_usable_slug)]

# Runners write a 60-minute-30-second run as "60:30" (minutes:seconds, any number of minutes)
# and longer ones as "1:02:30" (hours:minutes:seconds).
_DURATION = re.compile(r"^(?:(\d{1,2}):([0-5]\d)|(\d{1,4})):([0-5]\d)\Z")


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


# The profile's ``baseline:`` key, as the runner reports it; the planner's computed starting point is
# document.plan.Baseline (the docstring below is the profile schema's description, so it speaks to the runner).
class ReportedBaseline(_Strict):
    """What you report about your recent running; the plan's starting point is worked out from it and your log."""

    cadence: Int | None = Field(None, ge=120, le=230)
    pain_free_weekly_distance: Num | None = Field(None, ge=0, le=MAX_WEEKLY_DISTANCE)
    longest_recent_run: Num | None = Field(None, ge=0, le=MAX_RECENT_LONG_RUN)


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
    date: Date
    distance: Num = Field(gt=0, le=MAX_SESSION_DISTANCE)


class Goal(_Strict):
    weekly_distance: Num | None = Field(None, gt=0, le=MAX_WEEKLY_DISTANCE)
    event: Event | None = None


class Clinician(_Strict):
    name: str | None = Field(None, max_length=120)
    clinic: str | None = Field(None, max_length=120)
    contact: str | None = Field(None, max_length=200)
    notes: str | None = Field(None, max_length=4000)


class Profile(_Strict):
    id: RunnerId | None = None
    runner: Runner = Runner()
    units: Literal["km", "mi"] = "km"
    start: Date | None = None
    weeks: Int = Field(8, ge=4, le=16)
    availability: Availability
    baseline: ReportedBaseline = ReportedBaseline()
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
    log: str | None = Field(None, description="The training log, relative to this profile (a .yaml file)")

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, value: dict[str, float]) -> dict[str, float]:
        from plangen.rules import checked_overrides

        return checked_overrides(value)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        if value is None or is_timezone(value):
            return value
        raise ValueError(f"an IANA time zone such as Europe/London, found {_shown(value)}{_zone_hint(value)}")

    @field_validator("log")
    @classmethod
    def _yaml_file_name(cls, value: str | None) -> str | None:
        # Only a YAML file is read as a log, so /etc/passwd or /dev/zero is refused before it is opened.
        if value is None or (_PLAIN_PATH.fullmatch(value) and value.lower().endswith((".yaml", ".yml"))):
            return value
        raise ValueError(f"a .yaml file name, relative to the profile, found {_shown(value)}")


_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")
_PLAIN_PATH = re.compile(r"[^\x00-\x1f\x7f]{1,255}")


def is_timezone(name: str) -> bool:
    """True for an IANA zone name this machine knows ("Europe" is a folder, not a zone)."""
    from zoneinfo import ZoneInfo

    if len(name) > 64 or not _ZONE.fullmatch(name):
        return False
    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, IsADirectoryError, a damaged tzdata file: not a zone we can use
        return False
    return True


def _zone_hint(name: str) -> str:
    import difflib
    from zoneinfo import available_timezones

    close = difflib.get_close_matches(name[:64], sorted(available_timezones()), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 60 else repr(text[:57] + "...")


class PainScores(_Strict):
    during: Pain | None = None
    after: Pain | None = None
    next_morning: Pain | None = None


class StrengthSet(_Strict):
    """One exercise as done in a strength session (for the R31 progression rule)."""

    id: ExerciseId
    sets: Int = Field(ge=1, le=10)
    reps: Int = Field(ge=1, le=100)
    load: Num | None = Field(None, ge=0, le=500)
    pain: Pain | None = None
    next_morning_pain: Pain | None = None


class LogEntry(_Strict):
    date: Date
    activity: Activity
    type: RunType | None = None
    distance: Num | None = Field(None, ge=0, le=MAX_SESSION_DISTANCE)
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
            raise ValueError(f"a duration as mm:ss or h:mm:ss (or minutes as a number), found {_shown(value)}")
        minutes = duration_minutes(value)
        if minutes is not None and not 0 <= minutes <= MAX_SESSION_MINUTES:
            raise ValueError(f"a duration of at most {MAX_SESSION_MINUTES // 60} hours, found {value!r}")
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
    hours, minutes, any_minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 60 + minutes + any_minutes + seconds / 60


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
