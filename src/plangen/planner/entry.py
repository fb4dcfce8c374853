"""Where a runner enters the plan: Stage 0, a walk-run stage, or the build, read from the whole log (R14, R17, R41-R45)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from plangen.document.plan import Reason
from plangen.planner.baseline import LoggedRun
from plangen.planner.history import WEEKS_READ, History
from plangen.planner.progress import State, floor1, stage_zero
from plangen.planner.reasons import explain
from plangen.planner.restart import BREAK_DAYS, CONTINUOUS_MIN, continuous_restart, restart, walk_run_floor
from plangen.planner.schedule import WeekShape
from plangen.planner.stages import STAGES, entry_stage, stage
from plangen.rules import Settings
from plangen.units import KM_PER
from plangen.sources.models import Profile
from plangen.wording import say

RED_WINDOW = 14  # R29/R44: reds count together within 14 days
ESCALATION_DAYS = 28  # R45: the weeks before the start that are read for reds
# Runs that were not red: amber holds (R42), and a run missing a score is no worse than amber (invariant 28).
NOT_RED = ("green", "amber", "unknown")


@dataclass(frozen=True)
class Entry:
    """The starting state, why, and anything a clinician should see before week 1."""

    state: State
    reasons: tuple[Reason, ...] = ()
    review: tuple[str, ...] = ()


def place(profile: Profile, history: History, settings: Settings, pace: float, shape: WeekShape) -> Entry:
    """Place the runner; then R45 holds week 1 when the log before the start already warns, and R24 caps it."""
    entry = _placed(profile, history, settings, pace, len(shape.continuous_days))
    entry = replace(entry, state=_seeded(entry.state, history))
    if entry.state.phase != "stopped":
        entry = _held_if_warned(entry, history, settings, profile.units)
    if entry.state.phase != "stopped" and _novice_high_bmi(profile, settings):
        entry = _cap_week_one(entry, profile, settings, pace, len(shape.run_days))
    return replace(entry, reasons=(*entry.reasons, *_frequency(history, shape, settings)))


def _seeded(state: State, history: History) -> State:
    """The log's ordinary runs (spikes never raise the run cap, R41), its reds, and its last week's longest run (R40)."""
    past = [(r.date, r.distance) for r in history.ordinary]
    last = history.last_logged_week()
    longest = max((r.distance for r in history.week(last)), default=None) if last is not None else None
    return with_past(state, past, history.reds(RED_WINDOW), longest)


def with_past(state: State, runs: list[tuple[dt.date, float]], reds: list[dt.date], last_long: float | None) -> State:
    """R19/R29/R40/R45: the log before the start seeds the run caps, the red count and the long-run ceiling."""
    return replace(state, history=tuple(runs), reds=tuple(reds), last_long=last_long)


def capped_week_one(state: State, cap: float, fitting: list[int], week_one_end: dt.date | None) -> State:
    """R24: the build starts at most at ``cap``; walk-run at the highest stage whose next step fits, held all week if none does."""
    if state.phase == "build":
        return replace(state, green_volume=min(state.green_volume, cap))
    state = replace(state, stage=min(state.stage, max(fitting, default=1)))
    return state if fitting else replace(state, no_rise_until=week_one_end)


def held_week_one(state: State, week_one_end: dt.date, last_week: float | None) -> State:
    """R45: nothing rises before ``week_one_end``; a build starts no higher than the last week before the plan."""
    state = replace(state, no_rise_until=week_one_end)
    if last_week is not None:
        state = replace(state, green_volume=floor1(last_week))
    return state


def _novice_high_bmi(profile: Profile, settings: Settings) -> bool:
    """R24 applies only when BMI is known: a new runner above bmi_high."""
    bmi = profile.runner.bmi
    return profile.runner.experience == "new" and bmi is not None and bmi > settings.bmi_high


def _cap_week_one(entry: Entry, profile: Profile, settings: Settings, pace: float, sessions: int) -> Entry:
    """R24: week 1 holds at most bmi_week1_max_km; a walk-run week stays at one stage that fits it."""
    cap = floor1(settings.bmi_week1_max_km / KM_PER[profile.units])
    # A stage whose next step still fits lets week 1 move up as usual; otherwise week 1 holds at stage 1.
    fitting = [] if entry.state.phase == "build" else [
        s.number for s in STAGES if max(1, sessions) * round(stage(s.number + 1).running_minutes / pace, 1) <= cap]
    state = capped_week_one(entry.state, cap, fitting, _week_one_end(profile))
    why = explain("R24", "entry.bmi_cap", settings, setting="bmi_week1_max_km", private="answer",
                  bmi=profile.runner.bmi, week1_max=cap, units=profile.units,
                  entry_stage=None if state.phase == "build" else state.stage)
    return replace(entry, state=state, reasons=(*entry.reasons, why))


def _week_one_end(profile: Profile) -> dt.date | None:
    """The Monday after the plan's first day: week 1 ends the day before it (R52)."""
    start = profile.start
    return None if start is None else start + dt.timedelta(days=7 - start.weekday())


def _frequency(history: History, shape: WeekShape, settings: Settings) -> list[Reason]:
    """R39 (and R25): say how many runs a week continuous running uses, and why."""
    logged, planned = history.runs_per_week, len(shape.continuous_days)
    if not logged or not planned:
        return []
    kind = "same" if planned == logged else "more" if planned > logged else "fewer"
    return [explain("R39", f"entry.frequency.{kind}", settings, logged_runs_a_week=logged,
                    planned_runs_a_week=planned, weeks_read=WEEKS_READ)]


def _placed(profile: Profile, history: History, settings: Settings, pace: float, runs_a_week: int) -> Entry:
    start = history.start
    reds = history.reds(RED_WINDOW)
    if len(reds) >= settings.stage0_reds:
        state, why = stage_zero(State(phase="walk_run"), start, max(reds), len(reds), settings)
        return Entry(state, (why,))
    if profile.symptoms.worst_pain_last_week >= settings.red_pain_min:
        return _flaring(profile.symptoms.worst_pain_last_week, settings)
    recent = [r for r in history.runs if 0 < (start - r.date).days <= BREAK_DAYS]
    if not recent:
        return Entry(*restart(profile, history, settings, pace, runs_a_week))
    after_red = [r for r in recent if not reds or r.date > max(reds)]  # R26: only runs since the last red show the knee now
    continuous = [r for r in after_red if r.continuous and _settled(r) and (r.minutes or 0) >= CONTINUOUS_MIN]
    if len(continuous) >= 2 and _build_base(profile, history) > 0:
        return _build(profile, history, settings, after_red)
    again = continuous_restart(profile, history, settings, pace, runs_a_week)  # never below what a longer break gives (R43)
    if again is not None:
        return Entry(*again)
    return _walk_run_from_runs(after_red, settings, walk_run_floor(history, settings))


def _settled(run: LoggedRun) -> bool:
    """Green or amber; or scored during the run with a later score missing, which is no worse than amber.

    A run with no pain score at all shows nothing about the knee, so it never starts continuous running.
    """
    return run.zone in ("green", "amber") or (run.zone == "unknown" and run.entry.pain.during is not None)


def _flaring(worst: int, settings: Settings) -> Entry:
    """Active red pain: walk-run from stage 1 (R43), and a clinician review, as red runs before the start get (R45)."""
    state = State(phase="walk_run", stage=1)
    why = explain("R43", "entry.flaring", settings, private="answer", entry_stage=state.stage, worst_pain=worst)
    return Entry(state, (why,), review=(say("entry.flaring.review", settings, worst_pain=worst),))


def _walk_run_from_runs(runs: list[LoggedRun], settings: Settings, floor: int) -> Entry:
    """The entry formula on the last 2 weeks, never below the stage a short break would restart at (R43)."""
    minutes = max((r.minutes or 0.0 for r in runs if r.continuous and r.zone == "green"), default=0.0)
    by_recent = entry_stage(minutes, settings.entry_bout_fraction)
    number = max(by_recent, floor)
    message = "entry.walk_run.recent_running" if floor > by_recent else "entry.walk_run.longest_run"
    why = explain("R14", message, settings, setting="entry_bout_fraction", private="data",
                  longest_pain_free_min=minutes, entry_stage=number, floor_stage=floor, stage_by_run=by_recent,
                  window_days=BREAK_DAYS, weeks_read=WEEKS_READ)
    return Entry(State(phase="walk_run", stage=number), (why,))


def _build_base(profile: Profile, history: History) -> float:
    """The week continuous running starts from: the profile's pain-free volume, else the better of the last two
    weeks of scored, not-red running. Runs whose pain scores are missing add nothing (invariant 28), so a log
    of them alone gives 0, and the runner starts on the walk-run ladder instead of a 0 km build."""
    given = profile.baseline.pain_free_weekly_distance
    return max(history.weekly(NOT_RED)[-2:]) if given is None else given


def _build(profile: Profile, history: History, settings: Settings, runs: list[LoggedRun]) -> Entry:
    """Straight into continuous running: the better of the last two weeks, capped by R41, trimmed when amber (R42)."""
    units = profile.units
    base = _build_base(profile, history)
    long_runs = sum(1 for r in runs if (r.minutes or 0) >= CONTINUOUS_MIN)
    reasons = [explain("R14", "entry.build", settings, long_runs=long_runs, continuous_min=CONTINUOUS_MIN,
                       window_days=BREAK_DAYS)]
    reasons.append(_start_reason(base, profile.baseline.pain_free_weekly_distance is not None, settings, units))
    cap = history.start_cap(settings)
    volume = base if cap is None else min(base, cap)
    if cap is not None and cap < base:
        reasons.append(_start_cap_reason(cap, history, settings, units))
    reasons += _spike_reasons(history, settings, units)
    ambers = [r for r in runs if r.zone in ("amber", "unknown")]  # missing scores are not green either (invariant 28)
    if ambers:
        trimmed = floor1(volume * (1 - settings.amber_trim))
        reasons.append(_amber_reason(volume, trimmed, len(ambers), settings, units))
        volume = trimmed
    state = State(phase="build", green_volume=floor1(volume), first_reasons=reasons[1:], first_walk_breaks=bool(ambers))
    return Entry(state, tuple(reasons[:1]))


def _start_reason(base: float, from_profile: bool, settings: Settings, units: str) -> Reason:
    if from_profile:
        return explain("R20", "entry.start.profile", settings, volume=base, units=units)
    return explain("R41", "entry.start.log", settings, private="data", volume=base, units=units)


def _start_cap_reason(cap: float, history: History, settings: Settings, units: str) -> Reason:
    weeks = history.complete_weekly()
    return explain("R41", "entry.start.cap", settings, setting="weekly_increase_max", last_week=weeks[-1],
                   four_week_mean=round(sum(weeks) / len(weeks), 1), week1_max=round(cap, 1), units=units,
                   weeks_read=WEEKS_READ)


def _spike_reasons(history: History, settings: Settings, units: str) -> list[Reason]:
    median = history.median_run or 0.0
    return [explain("R41", "entry.spike.race" if run.entry.type == "race" else "entry.spike.run", settings,
                    setting="spike_ratio", left_out=run.distance, date=run.date, median_run=median, units=units)
            for run in history.spikes]


def _amber_reason(volume: float, trimmed: float, ambers: int, settings: Settings, units: str) -> Reason:
    return explain("R42", "entry.amber", settings, setting="amber_trim", private="data", amber_runs=ambers,
                   units=units, window_days=BREAK_DAYS, **{"from": volume, "to": trimmed})


def _escalation(history: History, settings: Settings, units: str) -> list[str]:
    """R45: red runs, or a 2-point rise in weekly worst pain at the same running, in the weeks before the start."""
    found = []
    reds = history.reds(ESCALATION_DAYS)
    if reds:
        found.append(say("entry.escalation.reds", settings, reds=len(reds), last_red=max(reds),
                         window_weeks=ESCALATION_DAYS // 7))
    rise = history.pain_rise(settings)
    if rise:
        before, after, load_before, load_after = rise
        found.append(say("entry.escalation.pain_rise", settings, pain_before=before, pain_after=after,
                         load_before=load_before, load_after=load_after, units=units))
    return found


def _held_if_warned(entry: Entry, history: History, settings: Settings, units: str) -> Entry:
    """R45: when the log warns, recommend a review and let nothing rise in week 1 (a build starts no higher than
    the last week before the plan)."""
    warnings = _escalation(history, settings, units)
    if not warnings:
        return entry
    state, lower = entry.state, _last_settled_week(entry.state, history)
    start = history.start
    held = held_week_one(state, start + dt.timedelta(days=7 - start.weekday()), lower)  # the end of week 1
    why = explain("R45", "entry.escalation", settings, private="data", signals=len(warnings), warnings=warnings,
                  **({} if lower is None else {"from": state.green_volume, "to": floor1(lower)}))
    review = say("entry.escalation.review", settings, warnings=warnings)
    return replace(entry, state=held, reasons=(*entry.reasons, why), review=(*entry.review, review))


def _last_settled_week(state: State, history: History) -> float | None:
    """A build's last week before the plan, when it held less running than the entry chose (else None)."""
    if state.phase != "build":
        return None
    last = history.weekly(NOT_RED)[-1]
    return last if 0 < last < state.green_volume else None
