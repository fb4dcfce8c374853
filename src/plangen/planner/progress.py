"""The progression state machine: stages, weekly volume and its caps, and how logged sessions move them."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from plangen.document.plan import ExerciseDose, Reason, Zone
from plangen.planner.lifts import Lifts
from plangen.planner.reasons import reason
from plangen.planner.stages import LAST_STAGE
from plangen.rules import Settings

AT_GOAL = 0.97  # rounding each run down leaves a week a little under its goal
ZONE_ORDER: tuple[Zone, ...] = ("green", "unknown", "amber", "red")


def floor1(value: float) -> float:
    """Round down to 0.1 so a rounded distance never breaks a cap."""
    return math.floor(value * 10 + 1e-9) / 10


def worst(zones: list[Zone]) -> Zone:
    return max(zones, key=ZONE_ORDER.index) if zones else "unknown"


@dataclass
class State:
    """Where the runner is; advanced session by session, by the log where it exists, else as planned."""

    phase: str  # walk_run | build | stopped
    stage: int = 1
    greens: int = 0
    exit_stage: int = LAST_STAGE  # the walk-run stage after which continuous running starts
    rest_until: dt.date | None = None
    reds: list[dt.date] = field(default_factory=list)
    volumes: list[tuple[float, bool]] = field(default_factory=list)  # build weeks: (volume, was deload)
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
    history: list[tuple[dt.date, float]] = field(default_factory=list)  # every run, logged and planned
    review: list[str] = field(default_factory=list)
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

    def end_week_longest(self, week_start: dt.date, deload: bool) -> None:
        """Remember this week's longest run, logged or planned, for R40 (a lighter week keeps the one before)."""
        if not deload:
            self.last_long = max((d for when, d in self.history if when >= week_start), default=None)

    def last_non_deload(self) -> float:
        return next((v for v, deload in reversed(self.volumes) if not deload), self.green_volume)


def apply_walk_run(state: State, day: dt.date, zone: Zone, settings: Settings) -> list[Reason]:
    """Stage transitions of clinical-rules.md section 2 for one session's zone."""
    if zone == "green":
        state.greens += 1
        if state.greens >= 2 and not (state.no_rise_until and day < state.no_rise_until):  # R45 holds week 1
            state.greens = 0
            if state.stage >= state.exit_stage:
                state.phase = "build"
            else:
                state.stage += 1
        return []
    if zone == "red":
        return _red(state, day, settings, drop_stage=True)
    return []  # amber or unscored: hold the stage, keep the count (R14, invariant 28)


def apply_build(state: State, day: dt.date, zone: Zone, distance: float, settings: Settings) -> list[Reason]:
    if zone == "green":
        state.last_green_run = distance
        return []
    if zone == "red":
        return _red(state, day, settings, drop_stage=False)
    return []


def _red(state: State, day: dt.date, settings: Settings, drop_stage: bool) -> list[Reason]:
    wait_days = math.ceil(settings.red_wait_hours / 24)
    state.rest_until = day + dt.timedelta(days=wait_days)
    state.reds.append(day)
    state.flare, state.flare_why = True, f"red session on {day}"
    if drop_stage:
        state.stage, state.greens = max(1, state.stage - 1), 0
    else:
        state.shorten_next_run = True
    recent = [d for d in state.reds if (day - d).days < 14]  # pre-start reds count too (R45)
    text = f"Red session: no running for at least {settings.red_wait_hours:g} hours, then a shorter, easier run."
    why = [reason("R26", text, f"red on {day}", "red_wait_hours", "data")]
    if len(recent) >= settings.stage0_reds:
        return [*why, stage_zero(state, day, day, len(recent), settings)]
    if len(recent) >= 2:
        state.review.append(f"{len(recent)} red sessions within 14 days (last {day}): book a clinician review.")
    return why


def stage_zero(state: State, since: dt.date, day: dt.date, reds: int, settings: Settings) -> Reason:
    """R44: repeated reds (the last on ``day``) stop running for stage0_days from ``since``; then walk-run stage 1."""
    days = int(settings.stage0_days)
    state.phase, state.stopped_until = "stopped", since + dt.timedelta(days=days)
    state.stage, state.greens, state.volumes, state.green_volume = 1, 0, [], 0.0  # the build starts again from walk-run
    state.review.append(f"{reds} red sessions within 14 days (last {day}): running stops; see a clinician before walk-run starts again.")
    text = (f"{reds} red sessions in 14 days: no running for at least {days} days. Keep strength, mobility and "
            "non-impact cardio with the same pain rules, see a clinician, then start walk-run again at stage 1.")
    return reason("R44", text, f"{reds} reds, last on {day}", "stage0_reds", "data",
                  facts={"red_sessions": reds, "window_days": 14, "no_running_days": days, "restart_stage": 1})


def resume_after_stage_zero(state: State, week_start: dt.date) -> Reason | None:
    """R44: a week starting after Stage 0's rest begins walk-run at stage 1."""
    if state.phase != "stopped" or state.stopped_until is None or week_start < state.stopped_until:
        return None
    state.phase, state.stage, state.greens = "walk_run", 1, 0
    text = ("After the days without running: walk-run at stage 1, once your next-morning pain is back to usual "
            "and brisk walking does not hurt.")
    return reason("R44", text, f"no running since Stage 0 began; back from {week_start}", private="data", facts={"restart_stage": 1})


def end_build_week(state: State, zones: list[Zone], morning_rise: int, target: float | None) -> None:
    """R27 at the end of a week: hold or revert after amber/red weeks, count green weeks."""
    ambers = zones.count("amber")
    if "red" in zones or ambers >= 2 or morning_rise >= 2:
        state.flare = True
        state.flare_why = state.flare_why or (f"{ambers} amber sessions" if ambers >= 2 else f"next-morning pain up {morning_rise} points")
        state.green_weeks_at_target = 0
        return
    volume = state.volumes[-1][0] if state.volumes else 0.0
    if zones and set(zones) == {"green"}:
        state.green_volume = volume
        if target is not None and volume >= AT_GOAL * target:
            state.green_weeks_at_target += 1
        return
    # An amber run or a run without next-morning pain is not green: hold, do not progress.
    state.hold_why = f"{ambers} amber session" if ambers else ("no runs logged" if not zones else "next-morning pain not logged")
