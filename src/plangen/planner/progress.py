"""The progression state machine: stages, weekly volume and its caps, and how logged sessions move them."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

from plangen.document.plan import ExerciseDose, Reason, Zone
from plangen.planner.lifts import Lifts
from plangen.planner.reasons import explain
from plangen.planner.stages import LAST_STAGE
from plangen.rules import Settings
from plangen.wording import say

AT_GOAL = 0.97  # rounding each run down leaves a week a little under its goal
ZONE_ORDER: tuple[Zone, ...] = ("green", "unknown", "amber", "red")
GREENS_TO_MOVE_UP = 2  # R14: green walk-run sessions in a row that move the runner up a stage
RED_WINDOW_DAYS = 14  # R29/R44: reds this close together mean a review, and enough of them Stage 0


def floor1(value: float) -> float:
    """Round down to 0.1 so a rounded distance never breaks a cap."""
    return math.floor(value * 10 + 1e-9) / 10


def worst(zones: list[Zone]) -> Zone:
    return max(zones, key=ZONE_ORDER.index) if zones else "unknown"


@dataclass(frozen=True)
class State:
    """Where the runner is; each planner step returns a new State (the transitions below), never edits one."""

    phase: str  # walk_run | build | stopped
    stage: int = 1
    greens: int = 0
    exit_stage: int = LAST_STAGE  # the walk-run stage after which continuous running starts
    rest_until: dt.date | None = None
    reds: tuple[dt.date, ...] = ()
    volumes: tuple[tuple[float, bool], ...] = ()  # build weeks: (volume, was deload)
    since_deload: int = 0
    green_volume: float = 0.0
    last_green_run: float | None = None
    shorten_next_run: bool = False
    flare: bool = False
    flare_why: str = ""
    hold_why: str = ""
    cadence_step: int = 0
    intensity_step: int = 0
    green_weeks_at_target: int = 0
    lifts: Lifts = field(default_factory=Lifts)  # strength doses per exercise (R30-R32)
    last_strength: list[ExerciseDose] = field(default_factory=list)  # the exercises of the latest strength week
    history: tuple[tuple[dt.date, float], ...] = ()  # every run, logged and planned
    review: tuple[str, ...] = ()
    stopped_until: dt.date | None = None  # R44 Stage 0: no running before this day
    no_rise_until: dt.date | None = None  # R45: nothing goes up before this day
    first_reasons: list[Reason] = field(default_factory=list)  # why the first build week is what it is (R41-R45)
    first_walk_breaks: bool = False  # R42: an amber start keeps walk breaks in its first week
    first_hold: bool = False  # R43/R38: the first week back after a break is the change; nothing else is added
    walk_breaks: bool = False  # last build week ran with walk breaks: dropping them is a change of its own (R18)
    last_long: float | None = None  # the longest run of the last full week (R40)

    def run_cap(self, day: dt.date, week_start: dt.date, settings: Settings) -> float | None:
        """R19/R40: single_run_cap x the longest run in the 30 days before ``day`` that came before its week.

        Runs planned earlier in the same week never raise the reference: no ratchet inside a week.
        """
        recent = [d for when, d in self.history if day - dt.timedelta(days=30) <= when < week_start]
        return settings.single_run_cap * max(recent) if recent else None

    def long_run_cap(self, settings: Settings) -> float | None:
        """R40: no run longer than the last full week's longest plus long_run_increase_max.

        As with R23a, a lighter week never lowers the ceiling; None after a week without runs.
        """
        return (1 + settings.long_run_increase_max) * self.last_long if self.last_long else None

    def last_non_deload(self) -> float:
        return next((v for v, deload in reversed(self.volumes) if not deload), self.green_volume)


def end_week_longest(state: State, week_start: dt.date, deload: bool) -> State:
    """R40: remember this week's longest run, logged or planned; a lighter week keeps the one before."""
    if deload:
        return state
    return replace(state, last_long=max((d for when, d in state.history if when >= week_start), default=None))


def with_exit_stage(state: State, stage: int) -> State:
    """R14/R47: walk-run ends after ``stage``, the first continuous stage that covers a small weekly goal."""
    return replace(state, exit_stage=stage)


def enter_build(state: State, volume: float) -> State:
    """R27: the last walk-run week is the first all-green week the build starts from."""
    return replace(state, green_volume=volume)


def record_run(state: State, day: dt.date, distance: float) -> State:
    """R19/R40: every run, logged or planned, joins the history the run caps read."""
    return replace(state, history=(*state.history, (day, distance)))


def start_build_week(state: State, walk_breaks: bool, change: str | None) -> State:
    """R18/R27: a new build week clears last week's flare and hold, and counts its one change."""
    cadence = state.cadence_step + 1 if change and change.startswith("cadence") else state.cadence_step
    intensity = state.intensity_step + 1 if change in ("strides", "tempo", "hills") else state.intensity_step
    return replace(state, flare=False, flare_why="", hold_why="", walk_breaks=walk_breaks,
                   cadence_step=cadence, intensity_step=intensity)


def first_week_used(state: State) -> State:
    """R41-R45: the entry's first-week reasons, walk breaks and hold belong to that one week only."""
    return replace(state, first_reasons=[], first_walk_breaks=False, first_hold=False)


def record_build_week(state: State, volume: float, deload: bool) -> State:
    """R23/R23a: a build week's volume joins the list the caps read; a deload restarts the count to the next one."""
    return replace(state, volumes=(*state.volumes, (volume, deload)), since_deload=0 if deload else state.since_deload + 1)


def after_shortened_run(state: State) -> State:
    """R26: the one shorter run after a red has been planned."""
    return replace(state, shorten_next_run=False)


def with_strength_week(state: State, doses: list[ExerciseDose]) -> State:
    """R31/R32: a week with strength sessions becomes the latest strength week; one without keeps the one before."""
    return replace(state, last_strength=doses or state.last_strength)


def with_lifts(state: State, lifts: Lifts) -> State:
    """R30-R32: the strength doses after a day's sessions (logged or planned), or a new card level."""
    return replace(state, lifts=lifts)


def after_green(state: State, day: dt.date) -> State:
    """R14: two green sessions in a row move walk-run up a stage (or on to the build after the exit stage); R45 holds week 1."""
    greens = state.greens + 1
    if greens < GREENS_TO_MOVE_UP or (state.no_rise_until and day < state.no_rise_until):
        return replace(state, greens=greens)
    if state.stage >= state.exit_stage:
        return replace(state, greens=0, phase="build")
    return replace(state, greens=0, stage=state.stage + 1)


def apply_walk_run(state: State, day: dt.date, zone: Zone, settings: Settings) -> tuple[State, list[Reason]]:
    """Stage transitions of clinical-rules.md section 2 for one session's zone."""
    if zone == "green":
        return after_green(state, day), []
    if zone == "red":
        return after_red(state, day, settings, drop_stage=True)
    return state, []  # amber or unscored: hold the stage, keep the count (R14, invariant 28)


def apply_build(state: State, day: dt.date, zone: Zone, distance: float, settings: Settings) -> tuple[State, list[Reason]]:
    """R26: a green build run is the ceiling for the run after a red; a red stops running and shortens the next run."""
    if zone == "green":
        return replace(state, last_green_run=distance), []
    if zone == "red":
        return after_red(state, day, settings, drop_stage=False)
    return state, []


def after_red(state: State, day: dt.date, settings: Settings, drop_stage: bool) -> tuple[State, list[Reason]]:
    """R26/R29/R44: a red waits red_wait_hours, drops a walk-run stage or shortens the next run; enough reds make Stage 0."""
    wait_days = math.ceil(settings.red_wait_hours / 24)
    state = replace(state, rest_until=day + dt.timedelta(days=wait_days), reds=(*state.reds, day),
                    flare=True, flare_why=say("runs.why.red_session", settings, day=day))
    if drop_stage:
        state = replace(state, stage=max(1, state.stage - 1), greens=0)
    else:
        state = replace(state, shorten_next_run=True)
    recent = [d for d in state.reds if (day - d).days < RED_WINDOW_DAYS]  # pre-start reds count too (R45)
    why = [explain("R26", "runs.red.wait", settings, setting="red_wait_hours", private="data", day=day)]
    if len(recent) >= settings.stage0_reds:
        state, stop = stage_zero(state, day, day, len(recent), settings)
        return state, [*why, stop]
    if len(recent) >= 2:
        note = say("runs.review.two_reds", settings, reds=len(recent), window_days=RED_WINDOW_DAYS, day=day)
        state = replace(state, review=(*state.review, note))
    return state, why


def stage_zero(state: State, since: dt.date, day: dt.date, reds: int, settings: Settings) -> tuple[State, Reason]:
    """R44: repeated reds (the last on ``day``) stop running for stage0_days from ``since``; then walk-run stage 1."""
    note = say("runs.review.stage_zero", settings, reds=reds, window_days=RED_WINDOW_DAYS, day=day)
    state = replace(state, phase="stopped", stopped_until=since + dt.timedelta(days=int(settings.stage0_days)),
                    stage=1, greens=0, volumes=(), green_volume=0.0,  # the build starts again from walk-run
                    review=(*state.review, note))
    return state, explain("R44", "runs.stage_zero.start", settings, setting="stage0_reds", private="data",
                          red_sessions=reds, window_days=RED_WINDOW_DAYS, last_red=day, restart_stage=1)


def resume_after_stage_zero(state: State, week_start: dt.date, settings: Settings) -> tuple[State, Reason | None]:
    """R44: a week starting after Stage 0's rest begins walk-run at stage 1."""
    if state.phase != "stopped" or state.stopped_until is None or week_start < state.stopped_until:
        return state, None
    return (replace(state, phase="walk_run", stage=1, greens=0),
            explain("R44", "runs.stage_zero.over", settings, private="data", week_start=week_start, restart_stage=1))


def end_build_week(state: State, zones: list[Zone], morning_rise: int, target: float | None, settings: Settings) -> State:
    """R27 at the end of a week: hold or revert after amber/red weeks, count green weeks."""
    ambers = zones.count("amber")
    if "red" in zones or ambers >= 2 or morning_rise >= 2:
        why = state.flare_why or _flare_why(ambers, morning_rise, settings)
        return replace(state, flare=True, flare_why=why, green_weeks_at_target=0)
    volume = state.volumes[-1][0] if state.volumes else 0.0
    if zones and set(zones) == {"green"}:
        at_target = target is not None and volume >= AT_GOAL * target
        return replace(state, green_volume=volume, green_weeks_at_target=state.green_weeks_at_target + int(at_target))
    # An amber run or a run without next-morning pain is not green: hold, do not progress.
    return replace(state, hold_why=_hold_why(ambers, bool(zones), settings))


def _flare_why(ambers: int, morning_rise: int, settings: Settings) -> str:
    """What made the week a flare, for the step back's data line (R27)."""
    if ambers >= 2:
        return say("runs.why.ambers", settings, ambers=ambers)
    return say("runs.why.morning_up", settings, rise=morning_rise)


def _hold_why(ambers: int, logged: bool, settings: Settings) -> str:
    """Why a week that was not all green is repeated, for the repeat's data line (R14)."""
    if ambers:
        return say("runs.why.ambers", settings, ambers=ambers)
    return say("runs.why.morning_missing" if logged else "runs.why.no_runs", settings)
