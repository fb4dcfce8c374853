"""Restarts after a break (R17, R43): walk-run at a stage scaled to the break and the running before it, or continuous at a share."""

from __future__ import annotations

from plangen.document.plan import Reason
from plangen.planner.history import History
from plangen.planner.progress import State, floor1
from plangen.planner.reasons import explain
from plangen.planner.stages import STAGES
from plangen.rules import Settings
from plangen.sources.models import Profile

BREAK_DAYS = 14  # R17: a break this long restarts at walk-run
BREAK_MAX_STAGE = 9  # invariant 11: a walk-run restart's runs stay at or under 20 minutes
CONTINUOUS_MIN = 20  # R43: a run of this many minutes shows continuous running was back before the break
Start = tuple[State, tuple[Reason, ...]]


def restart(profile: Profile, history: History, settings: Settings, pace: float, runs_a_week: int) -> Start:
    """R43: no run in 2 weeks; the stage follows the break's length and what the runner did pain-free before it."""
    if history.last_run is None:
        return _restart_without_log(profile, settings, pace, runs_a_week)
    days = (history.start - history.last_run).days
    again = continuous_restart(profile, history, settings, pace, runs_a_week)
    if again is not None:
        return again
    weekly, longest = history.before_break()
    by_break = _break_stage(days, settings)
    number = max(1, min(by_break, _stage_by_runs(longest)))
    first = explain("R17", "entry.restart.walk_run", settings, last_run=history.last_run, window_weeks=BREAK_DAYS // 7)
    why = explain("R43", "entry.restart.stage", settings, setting="restart_stage_short", private="data",
                  break_days=days, break_weeks=days // 7, last_run=history.last_run, prior_weekly=weekly,
                  prior_longest_pain_free_min=longest, stage_by_break=by_break, entry_stage=number, units=profile.units)
    return State(phase="walk_run", stage=number), (first, why)


def continuous_restart(profile: Profile, history: History, settings: Settings, pace: float, runs_a_week: int) -> Start | None:
    """R43: after a short pain-free break, with the readiness tests passed, continuous running at a share of the week before.

    Read from the 4 weeks up to the last run, so a runner whose last run was only days ago
    qualifies whenever the same running before a longer break would.
    """
    if history.last_run is None or not _may_run_on(profile, history, settings):
        return None
    days = (history.start - history.last_run).days
    weekly, _ = history.before_break()
    volume = floor1(weekly * settings.restart_continuous_fraction)
    if volume * pace / max(1, runs_a_week) < STAGES[walk_run_floor(history, settings) - 1].running_minutes:
        return None  # runs shorter than the walk-run stage the break allows: the ladder gives more, in safer bouts
    green = sum(1 for r in history.last_block() if r.continuous and (r.minutes or 0) >= CONTINUOUS_MIN)
    why = explain("R43", "entry.restart.continuous", settings, setting="restart_continuous_fraction", private="data",
                  restart="continuous", break_days=days, last_run=history.last_run, prior_weekly=weekly,
                  green_runs=green, volume=volume, units=profile.units, continuous_min=CONTINUOUS_MIN)
    return State(phase="build", green_volume=volume, first_reasons=[why], first_hold=True), (why,)


def _may_run_on(profile: Profile, history: History, settings: Settings) -> bool:
    """The break was short and pain-free, the knee is calm now, and both readiness tests are passed."""
    days = (history.start - history.last_run).days if history.last_run else 0
    block = history.last_block()
    ready = profile.readiness.brisk_walk_30_min is True and profile.readiness.single_leg_hops_10 is True
    long_green = [r for r in block if r.continuous and (r.minutes or 0) >= CONTINUOUS_MIN]
    return (settings.restart_continuous_fraction > 0 and ready and days // 7 < settings.break_medium_weeks
            and profile.symptoms.worst_pain_last_week <= settings.green_pain_max
            and all(r.zone == "green" for r in block) and len(long_green) >= 2)


def walk_run_floor(history: History, settings: Settings) -> int:
    """The stage a short break would restart at (R43): a runner who ran days ago never starts below it.

    Only when the running before was free of red runs; 1 otherwise.
    """
    block = history.last_block()
    if not block or any(r.zone == "red" for r in block):
        return 1
    _, longest = history.before_break()
    return max(1, min(int(settings.restart_stage_short), _stage_by_runs(longest)))


def _stage_by_runs(longest: float) -> int:
    """The highest stage whose running time fits in the longest pain-free run, at most BREAK_MAX_STAGE."""
    return min(BREAK_MAX_STAGE, max((s.number for s in STAGES if s.running_minutes <= longest), default=1))


def _break_stage(days: int, settings: Settings) -> int:
    """R43's ladder: short breaks keep most of the ladder, medium ones around the middle, long ones start at 1."""
    weeks = days // 7  # whole weeks: a break of 8 weeks and 2 days is an 8-week break
    if weeks > settings.break_long_weeks:
        return 1
    if weeks < settings.break_medium_weeks:
        return int(settings.restart_stage_short)
    medium, long = 7 * settings.break_medium_weeks, 7 * settings.break_long_weeks
    middle = (medium + long) / 2
    spread = 4 * (middle - days) / max(1.0, long - medium)  # +2 stages at the band's start, -2 at its end
    return max(2, min(int(settings.restart_stage_short) - 1, round(settings.restart_stage_medium + spread)))


def _restart_without_log(profile: Profile, settings: Settings, pace: float, runs_a_week: int) -> Start:
    weekly = profile.baseline.pain_free_weekly_distance or 0.0
    if not weekly:
        why = explain("R17", "entry.restart.walk_run_no_log", settings, entry_stage=1, window_weeks=BREAK_DAYS // 7)
        return State(phase="walk_run", stage=1), (why,)
    per_run = weekly * pace / max(1, min(3, runs_a_week))
    number = max(1, min(BREAK_MAX_STAGE, max((s.number for s in STAGES if s.running_minutes <= per_run), default=1)))
    why = explain("R43", "entry.restart.profile", settings, profile_weekly=weekly, minutes_a_run=round(per_run),
                  entry_stage=number, units=profile.units)
    return State(phase="walk_run", stage=number), (why,)
