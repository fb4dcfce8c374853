"""The plan model: what the planner returns and every renderer reads (SPEC.md section 4).

``plan.json`` is this model dumped as JSON; its JSON Schema comes from the same
classes, so the contract and the code cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from plangen.rules import THRESHOLDS

Status = Literal["plan", "no_running", "referral"]
Phase = Literal["walk_run", "build", "deload", "intensity", "maintain", "no_running", "taper", "recovery"]
SessionKind = Literal["run", "walk_run", "cross_training", "strength", "mobility", "rest"]
Intensity = Literal["easy", "steady", "tempo", "intervals", "strides", "hills"]
Zone = Literal["green", "amber", "red", "unknown"]
PAIN_PROMPTS = ("during", "after_60_min", "next_morning")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Reason(_Frozen):
    """Why the planner decided something: the rule, the runner's data that fired it, the source."""

    rule: str = Field(description="Rule id from clinical-rules.md, e.g. R19")
    text: str = Field(description="The decision in plain words")
    message: str = Field("", description="Catalogue key the words are made from (plangen.wording), with facts and the settings")
    data: str = Field("", description="The runner's numbers that fired the rule")
    source: str = Field("", description="Short citation of the evidence behind the rule")
    configurable: bool = Field(False, description="True when the threshold is a design default a clinician may change")
    private: Literal["", "data", "answer"] = Field(
        "", description="What a published plan leaves out: 'data' = the runner's pain record in data; "
                        "'answer' = text and data, which would tell a health answer")
    facts: dict[str, float | int | str | list[str]] = Field(
        default_factory=dict, description="The decision as data: what changed, by how much, under which setting "
                                          "(optional; the words in text are made from these)")


class Referral(_Frozen):
    urgency: Literal["today", "days", "review"]
    reasons: list[str]


class PainPattern(_Frozen):
    worst_during: int | None = None
    worst_after: int | None = None
    worst_next_morning: int | None = None
    trend: Literal["improving", "stable", "worsening", "unknown"] = "unknown"
    aggravators: list[str] = []
    painful_runs_30d: int = 0


class WeekTotal(_Frozen):
    start: dt.date
    distance: float
    runs: int


class Baseline(_Frozen):
    weekly_distance: float = Field(description="Pain-free weekly running volume, in the plan's units")
    longest_run_30d: float
    longest_pain_free_run_14d_min: float = Field(0.0, description="Longest run with a green pain score in the 14 days before the start, in minutes")
    cadence: int | None = None
    last_run: dt.date | None = None
    days_since_last_run: int | None = None
    pain: PainPattern = PainPattern()
    recent_weeks: list[WeekTotal] = []
    acwr: float | None = Field(None, description="Acute:chronic load ratio, for display only (R21)")
    runs_per_week: int | None = Field(None, description="Median runs a week over the last 4 weeks of the log (R39)")
    reasons: list[Reason] = []


class Intervals(_Frozen):
    run_min: float
    walk_min: float
    repeats: int
    warmup_walk_min: int = 5
    cooldown_walk_min: int = 5


class ExerciseDose(_Frozen):
    id: str
    name: str = ""
    level: int = 1
    sets: int | None = None
    reps: int | None = None
    hold_s: int | None = None
    tempo: str | None = None
    load: str | None = None
    step: int | None = Field(None, description="The card's dose step (1-4) this session uses")
    part: Literal["warmup", "main", "cooldown"] | None = None


class DayOptions(_Frozen):
    """Daily auto-regulation: how the runner feels on the day picks one version (not the readiness tests,
    which decide whether running may start at all: see ReadinessCheck)."""

    planned: str
    easier: str
    cross_training: str
    rule: str


class Session(_Frozen):
    kind: SessionKind
    title: str
    stage: int | None = Field(None, description="Walk-run stage 1-12 of this session")
    intensity: Intensity | None = None
    distance: float | None = None
    duration_min: float | None = None
    rpe_target: int | None = None
    terrain: str | None = None
    intervals: Intervals | None = None
    exercises: list[ExerciseDose] = []
    options: DayOptions | None = Field(None, description="The day's options: as planned, easier or cross-training, and the rule that picks one")
    pain_prompts: list[str] = []
    stop_rule: str | None = Field(None, description="When to stop and walk during this session (race day, R46)")
    reasons: list[Reason] = []


class Actual(_Frozen):
    """What the log says was done on a planned day (for past weeks: planned vs done)."""

    activity: str
    distance: float | None = None
    duration_min: float | None = None
    zone: Zone = "unknown"
    pain_during: int | None = None
    pain_after: int | None = None
    pain_next_morning: int | None = None


class UnscoredRun(_Frozen):
    """A logged run the traffic light cannot score: until its pain scores are in, it is never green (inv. 28)."""

    date: dt.date
    activity: str
    distance: float | None = None
    duration_min: float | None = None
    missing: list[Literal["during", "after", "next_morning"]]


class Day(_Frozen):
    date: dt.date
    weekday: str
    sessions: list[Session]
    done: list[Actual] = []


class Week(_Frozen):
    number: int
    start: dt.date
    phase: Phase
    stage: int | None = Field(None, description="Walk-run stage 1-12 (walk_run phase only)")
    running_distance: float
    running_minutes: float
    longest_run: float = 0.0
    cadence_target: int | None = None
    focus: list[str] = []
    progress_check: list[str] = []
    flare_rules: list[str] = []
    change: str | None = Field(None, description="The one thing that changes this week (R18)")
    zone: Zone | None = Field(None, description="How the week went, once logged")
    event: str | None = Field(None, description="Name of the race or event this week holds (R46)")
    retests: list[str] = Field([], description="Readiness tests to try again this week while running is on hold (R49)")
    reasons: list[Reason]
    days: list[Day]


class Contingency(_Frozen):
    when: str
    do: str
    rule: str = ""


class Setting(_Frozen):
    key: str
    value: float
    default: float
    overridden: bool
    rule: str
    meaning: str


class ReadinessCheck(_Frozen):
    """One test to pass before running (R2, R12), with the runner's own answer from the profile."""

    text: str = Field(description="The test in plain words, as the runner ticks it")
    rule: str = Field(description="Rule id from clinical-rules.md, e.g. R12")
    source: str = Field("", description="Short citation of the evidence behind the test")
    answer: Literal["yes", "no", "not_answered"] | None = Field(
        None, description="The runner's answer in the profile; null when the profile does not ask or it is not shown")
    data: str = Field("", description="The runner's numbers behind the answer")
    configurable: bool = Field(False, description="True when the test's threshold is a design default a clinician may change")


class EventOption(_Frozen):
    """A safe way to take part when the event distance is not yet safe (R46)."""

    kind: Literal["run_walk", "shorter", "later", "walk_or_cheer"]
    text: str = Field(description="The option in plain words")
    distance: float | None = Field(None, description="Distance to cover, in the plan's units")
    date: dt.date | None = Field(None, description="For a later event: the first date the caps reach the distance")


class EventPlan(_Frozen):
    """The runner's race or event: when, whether it is safely reachable, and how the plan meets it (R46)."""

    name: str
    date: dt.date
    distance: float
    in_plan: bool = Field(description="True when the event falls inside the plan's weeks")
    week: int | None = Field(None, description="Plan week holding the event")
    reachable: bool = Field(description="True when the event distance is within the single-run cap (R19) by then")
    longest_safe: float = Field(description="Longest run the caps allow on the day, in the plan's units")
    safe_option: EventOption | None = Field(None, description="The first safe option when the distance is not reachable")
    options: list[EventOption] = []
    taper_week: int | None = None
    recovery_week: int | None = None
    stop_rule: str = Field("", description="Race-day stop rule")
    reasons: list[Reason] = []


class GoalPlan(_Frozen):
    """The runner's goal, when the caps would reach it, and what to do after the last week (R47)."""

    weekly_distance: float | None = Field(None, description="Goal weekly running, in the plan's units")
    event: str | None = Field(None, description="Name of the goal event, if any")
    reached_week: int | None = Field(None, description="Plan week (counting on past the plan) in which the caps reach the goal")
    reached_date: dt.date | None = Field(None, description="Monday of that week")
    beyond_plan: bool = Field(False, description="True when the goal is reached only after the plan's last week")
    last_week_distance: float = Field(0.0, description="Running planned in the plan's last week")
    after: str = Field("", description="What to do after the last week, in plain words")
    reasons: list[Reason] = []


class Plan(_Frozen):
    plangen_version: str
    id: str
    units: Literal["km", "mi"]
    start: dt.date
    status: Status
    referral: Referral | None = None
    clinician_review: list[str] = Field([], description="Why a clinician should review the plan, if at all")
    baseline: Baseline
    weeks: list[Week]
    contingencies: list[Contingency]
    warnings: list[str] = []
    settings: list[Setting] = []
    reasons: list[Reason] = []
    readiness_checklist: list[ReadinessCheck] = Field(
        [], description="What the runner must pass before starting or returning to running, for a clinician to sign off")
    unscored_runs: list[UnscoredRun] = Field(
        [], description="Runs the plan uses whose pain scores are missing from the log, oldest first")
    goal: GoalPlan | None = Field(None, description="The runner's goal and what comes after the plan (R47)")
    event: EventPlan | None = Field(None, description="The runner's race or event, inside or after the plan (R46)")

    def review_check(self) -> dt.date:
        """R3's check-in day: review_week weeks after the start (the planner's week guidance names the same week)."""
        return self.start + dt.timedelta(weeks=round(self.limits()["review_week"]))

    def limits(self) -> dict[str, float]:
        """The thresholds this plan was made with (defaults under the plan's settings), as its words state them."""
        return {**{key: t.default for key, t in THRESHOLDS.items()}, **{s.key: s.value for s in self.settings}}
