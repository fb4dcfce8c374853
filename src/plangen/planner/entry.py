"""Where a runner enters the plan: Stage 0, a walk-run stage, or the build, read from the whole log (R14, R17, R41-R45)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from plangen.document.plan import Reason
from plangen.planner.baseline import LoggedRun
from plangen.planner.history import History
from plangen.planner.progress import State, floor1, stage_zero
from plangen.planner.reasons import reason
from plangen.planner.restart import BREAK_DAYS, continuous_restart, restart, walk_run_floor
from plangen.planner.schedule import WeekShape
from plangen.planner.stages import STAGES, entry_stage, stage
from plangen.rules import Settings
from plangen.units import KM_PER
from plangen.sources.models import Profile

RED_WINDOW = 14  # R29/R44: reds count together within 14 days
ESCALATION_DAYS = 28  # R45: the weeks before the start that are read for reds
# Runs that were not red: amber holds (R42), and a run missing a score is no worse than amber (invariant 28).
NOT_RED = ("green", "amber", "unknown")


@dataclass
class Entry:
    """The starting state, why, and anything a clinician should see before week 1."""

    state: State
    reasons: list[Reason] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def place(profile: Profile, history: History, settings: Settings, pace: float, shape: WeekShape) -> Entry:
    """Place the runner; then R45 holds week 1 when the log before the start already warns."""
    start = history.start
    runs_a_week = len(shape.continuous_days)
    past = [(r.date, r.distance) for r in history.ordinary]  # spikes never raise the run cap (R41)
    entry = _placed(profile, history, settings, pace, runs_a_week)
    last = history.last_logged_week()
    longest = max((r.distance for r in history.week(last)), default=None) if last is not None else None  # R40 from week 1
    entry.state = with_past(entry.state, past, history.reds(RED_WINDOW), longest)
    warnings = _escalation(history, settings)
    if warnings and entry.state.phase != "stopped":
        _hold_week_one(entry, history, start, warnings)
    if _novice_high_bmi(profile, settings) and entry.state.phase != "stopped":
        _cap_week_one(entry, profile, settings, pace, len(shape.run_days))
    entry.reasons += _frequency(history, shape)
    return entry


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


def _cap_week_one(entry: Entry, profile: Profile, settings: Settings, pace: float, sessions: int) -> None:
    """R24: week 1 holds at most bmi_week1_max_km; a walk-run week stays at one stage that fits it."""
    units = profile.units
    cap = floor1(settings.bmi_week1_max_km / KM_PER[units])
    facts: dict[str, float | int | str] = {"bmi": profile.runner.bmi or 0, "week1_max": cap, "setting": "bmi_week1_max_km"}
    # A stage whose next step still fits lets week 1 move up as usual; otherwise week 1 holds at stage 1.
    fitting = [] if entry.state.phase == "build" else [
        s.number for s in STAGES if max(1, sessions) * round(stage(s.number + 1).running_minutes / pace, 1) <= cap]
    entry.state = capped_week_one(entry.state, cap, fitting, _week_one_end(profile))
    if entry.state.phase != "build":
        facts["entry_stage"] = entry.state.stage
    text = (f"You are new to running and your BMI is over {settings.bmi_high:g}, so week 1 holds at most "
            f"{settings.bmi_week1_max_km:g} km of running: a heavier body puts more load through the knee in every step.")
    data = f"BMI {profile.runner.bmi:g}; week 1 at most {cap:g} {units}"
    entry.reasons.append(reason("R24", text, data, "bmi_week1_max_km", "answer", facts=facts))


def _week_one_end(profile: Profile) -> dt.date | None:
    """The Monday after the plan's first day: week 1 ends the day before it (R52)."""
    start = profile.start
    return None if start is None else start + dt.timedelta(days=7 - start.weekday())


def _frequency(history: History, shape: WeekShape) -> list[Reason]:
    """R39 (and R25): say how many runs a week continuous running uses, and why."""
    logged, planned = history.runs_per_week, len(shape.continuous_days)
    if not logged or not planned:
        return []
    if planned == logged:
        text = (f"You usually run {_times(logged)} a week, and continuous running keeps {_runs(planned)} a week, "
                "each sized from your own runs rather than squeezed into fewer, longer ones.")
    elif planned > logged:
        text = (f"You usually run {_times(logged)} a week; the plan spreads the same running over {_runs(planned)}, "
                "because more, shorter runs are easier on the knee.")
    else:
        text = (f"You usually run {_times(logged)} a week but have {planned} run days free, "
                "so the plan uses those days with shorter runs.")
    return [reason("R39", text, f"{logged} runs a week over your last 4 logged weeks",
                   facts={"logged_runs_a_week": logged, "planned_runs_a_week": planned})]


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _runs(count: int) -> str:
    return "1 run" if count == 1 else f"{count} runs"


def _placed(profile: Profile, history: History, settings: Settings, pace: float, runs_a_week: int) -> Entry:
    start = history.start
    reds = history.reds(RED_WINDOW)
    if len(reds) >= settings.stage0_reds:
        state, why = stage_zero(State(phase="walk_run"), start, max(reds), len(reds), settings)
        return Entry(state, [why])
    if profile.symptoms.worst_pain_last_week >= settings.red_pain_min:
        return _flaring(profile.symptoms.worst_pain_last_week)
    recent = [r for r in history.runs if 0 < (start - r.date).days <= BREAK_DAYS]
    if not recent:
        return Entry(*restart(profile, history, settings, pace, runs_a_week))
    after_red = [r for r in recent if not reds or r.date > max(reds)]  # R26: only runs since the last red show the knee now
    continuous = [r for r in after_red if r.continuous and _settled(r) and (r.minutes or 0) >= 20]
    if len(continuous) >= 2:
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


def _flaring(worst: int) -> Entry:
    text = "Your knee is flaring now, so walk-run starts at stage 1."
    why = reason("R43", text, f"worst pain last week {worst}/10", private="answer", facts={"entry_stage": 1})
    return Entry(State(phase="walk_run", stage=1), [why])


def _walk_run_from_runs(runs: list[LoggedRun], settings: Settings, floor: int) -> Entry:
    """The entry formula on the last 2 weeks, never below the stage a short break would restart at (R43)."""
    minutes = max((r.minutes or 0.0 for r in runs if r.continuous and r.zone == "green"), default=0.0)
    by_recent = entry_stage(minutes, settings.entry_bout_fraction)
    number = max(by_recent, floor)
    data = (f"longest pain-free run in {BREAK_DAYS} days: {minutes:g} min; stage {by_recent} jogs at most "
            f"{settings.entry_bout_fraction * 100:g}% of that")
    text = "Walk-run stage chosen from your longest pain-free run."
    if floor > by_recent:
        data += f"; your pain-free running in the 4 weeks before your last run supports stage {floor}"
        text = "Walk-run stage chosen from your pain-free running of the last few weeks."
    why = reason("R14", text, data, "entry_bout_fraction", "data",
                 facts={"longest_pain_free_min": minutes, "entry_stage": number, "floor_stage": floor})
    return Entry(State(phase="walk_run", stage=number), [why])


def _build(profile: Profile, history: History, settings: Settings, runs: list[LoggedRun]) -> Entry:
    """Straight into continuous running: the better of the last two weeks, capped by R41, trimmed when amber (R42)."""
    units = profile.units
    settled = history.weekly(NOT_RED)
    base = profile.baseline.pain_free_weekly_distance
    base = max(settled[-2:]) if base is None else base
    reasons = [reason("R14", "You already run 20+ minutes, so the plan starts with continuous running.",
                      f"{sum(1 for r in runs if (r.minutes or 0) >= 20)} runs of 20+ min in the last {BREAK_DAYS} days")]
    reasons.append(_start_reason(base, profile.baseline.pain_free_weekly_distance is not None, units))
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
    return Entry(state, reasons[:1])


def _start_reason(base: float, from_profile: bool, units: str) -> Reason:
    if from_profile:
        return reason("R20", "Continuous running starts at the pain-free volume in your profile.", f"{base:g} {units}",
                      facts={"volume": base})
    text = "Continuous running starts from your ordinary weeks: the better of your last two, without red runs or one-off spikes."
    return reason("R41", text, f"{base:g} {units}", private="data", facts={"volume": base})


def _start_cap_reason(cap: float, history: History, settings: Settings, units: str) -> Reason:
    weeks = history.complete_weekly()
    text = (f"Week 1 is at most {settings.weekly_increase_max * 100:g}% above your usual week "
            "(the larger of your last logged week and your 4-week average).")
    data = f"last week {weeks[-1]:g} {units}, 4-week average {sum(weeks) / len(weeks):.1f} {units}, so at most {cap:.1f} {units}"
    return reason("R41", text, data, "weekly_increase_max",
                  facts={"last_week": weeks[-1], "four_week_mean": round(sum(weeks) / len(weeks), 1), "week1_max": round(cap, 1),
                         "setting": "weekly_increase_max"})


def _spike_reasons(history: History, settings: Settings, units: str) -> list[Reason]:
    median = history.median_run or 0.0
    out = []
    for run in history.spikes:
        kind = "race" if run.entry.type == "race" else "run"
        text = (f"Your {run.distance:g} {units} {kind} on {run.date:%d %b} was a one-off, so it is left out: "
                "your start and your longest-run limit come from your ordinary weeks.")
        data = f"{run.distance:g} {units} against a usual run of {median:g} {units} (one-off above {settings.spike_ratio:g} x, or a race)"
        out.append(reason("R41", text, data, "spike_ratio",
                          facts={"left_out": run.distance, "date": run.date.isoformat(), "median_run": round(median, 1),
                                 "setting": "spike_ratio"}))
    return out


def _amber_reason(volume: float, trimmed: float, ambers: int, settings: Settings, units: str) -> Reason:
    text = (f"Some recent runs were amber or missing a pain score, so week 1 holds your running, {settings.amber_trim * 100:g}% lighter, with walk breaks, "
            "a slower pace and flat routes. Amber is a hold, not a restart.")
    data = f"{ambers} amber or unscored runs in the last {BREAK_DAYS} days; {volume:g} -> {trimmed:g} {units}"
    return reason("R42", text, data, "amber_trim", "data",
                  facts={"amber_runs": ambers, "from": volume, "to": trimmed, "setting": "amber_trim"})


def _escalation(history: History, settings: Settings) -> list[str]:
    """R45: red runs, or a 2-point rise in weekly worst pain at the same running, in the weeks before the start."""
    found = []
    reds = history.reds(ESCALATION_DAYS)
    if reds:
        found.append(f"{len(reds)} red run{'s' if len(reds) > 1 else ''} in the 4 weeks before the plan (last {max(reds)})")
    rise = history.pain_rise(settings)
    if rise:
        found.append(f"worst pain rose from {rise[0]}/10 to {rise[1]}/10 with about the same running ({rise[2]:g} and {rise[3]:g})")
    return found


def _hold_week_one(entry: Entry, history: History, start: dt.date, warnings: list[str]) -> None:
    """R45: recommend a review, and let nothing rise in week 1."""
    entry.review.append("Before you start: " + "; ".join(warnings) + ". Book a clinician review.")
    state = entry.state
    text = "Your log before the plan shows pain building, so week 1 adds nothing and a clinician review is recommended."
    facts: dict[str, float | int | str] = {"signals": len(warnings)}
    lower: float | None = None
    if state.phase == "build":
        last = history.weekly(NOT_RED)[-1]
        if 0 < last < state.green_volume:
            facts.update({"from": state.green_volume, "to": floor1(last)})
            lower = last
    entry.state = held_week_one(state, start + dt.timedelta(days=7 - start.weekday()), lower)  # the end of week 1
    entry.reasons.append(reason("R45", text, "; ".join(warnings), private="data", facts=facts))
