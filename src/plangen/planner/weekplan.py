"""Lay out one week day by day: runs from the progression state, strength, mobility, cross-training, rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plangen.sources.models import WEEKDAYS, LogEntry, Profile
from plangen.document.plan import Actual, Day, ExerciseDose, Reason, Session, Week, Zone
from plangen.planner import lifts, text
from plangen.planner import sessions as mk
from plangen.planner.baseline import LoggedRun
from plangen.planner.progress import State, apply_build, apply_walk_run, end_build_week, floor1, worst
from plangen.planner.reasons import reason
from plangen.planner.schedule import WeekShape
from plangen.planner.stages import stage
from plangen.planner.strength import ExerciseLike, by_role, dose, mobility_menu, strength_block
from plangen.planner.volume import Decision, decide
from plangen.rules import Settings

SHARES = {1: (1.0,), 2: (0.45, 0.55), 3: (0.25, 0.35, 0.40)}  # light, medium, heavy (R25)


@dataclass(frozen=True)
class Context:
    """Everything about the runner that does not change from week to week."""

    profile: Profile
    settings: Settings
    shape: WeekShape
    pace: float
    cross: str
    pool: list[ExerciseLike]
    library: Mapping[str, Any]  # every card, for logged exercises the pool leaves out
    runs: list[LoggedRun]
    entries: dict[dt.date, list[LogEntry]]
    as_of: dt.date | None
    cadence: int | None
    running_allowed: bool
    maintain: bool
    morning_baseline: int  # the runner's usual next-morning pain (R30's "no worse next morning")

    @property
    def units(self) -> str:
        return self.profile.units

    def is_past(self, day: dt.date) -> bool:
        return self.as_of is not None and day <= self.as_of


def plan_week(ctx: Context, state: State, number: int, start: dt.date) -> Week:
    days = [start + dt.timedelta(days=i) for i in range(7)]
    decision = _decision(ctx, state)
    runs, run_reasons = _runs(ctx, state, days, decision)
    strength_days = {days[i] for i in ctx.shape.strength_days}
    level_up = lifts.next_level(state.lifts, state.last_strength)
    sessions: dict[dt.date, list[Session]] = {}
    for day in days:  # in order: each day's strength dose depends on the sessions before it
        sessions[day] = _day_sessions(ctx, state, number, day, runs.get(day), day in strength_days)
        _advance_lifts(ctx, state, day, sessions[day])
    week_lifts = {e.id: e for d in days for s in sessions[d] if s.kind == "strength" for e in s.exercises}
    state.last_strength = list(week_lifts.values()) or state.last_strength
    if level_up is not None:
        run_reasons = [*run_reasons, level_up]
    _fill_rest_and_cross(ctx, state, decision, days, sessions)
    built_days = [Day(date=d, weekday=WEEKDAYS[d.weekday()], sessions=sessions[d], done=_done(ctx, d)) for d in days]
    return _week(ctx, state, number, start, decision, built_days, run_reasons)


def _decision(ctx: Context, state: State) -> Decision | None:
    if state.phase != "build":
        return None
    goal = ctx.profile.goal.weekly_distance
    avoid_hills = bool({"hills", "downhill"} & set(ctx.profile.symptoms.aggravators))
    decision = decide(state, ctx.settings, goal, ctx.cadence is not None, ctx.maintain, avoid_hills, ctx.units)
    state.flare, state.flare_why, state.hold_why = False, "", ""
    if decision.change and decision.change.startswith("cadence"):
        state.cadence_step += 1
    if decision.change in ("strides", "tempo", "hills"):
        state.intensity_step += 1
    return decision


def _runs(ctx: Context, state: State, days: list[dt.date], decision: Decision | None) -> tuple[dict[dt.date, Session], list[Reason]]:
    """Plan each run day in order, letting each day's logged outcome steer the days after it."""
    run_days = [days[i] for i in ctx.shape.run_days] if ctx.running_allowed else []
    shares = _shares(ctx, run_days)
    planned: dict[dt.date, Session] = {}
    extra: list[Reason] = []
    zones: list[Zone] = []
    for day in days:
        if day in shares and state.phase != "stopped":
            planned[day] = _one_run(ctx, state, day, decision, shares[day])
        zones += _advance(ctx, state, day, planned.get(day), decision, extra)
    if decision is not None:
        state.volumes.append((_planned_volume(planned), decision.deload))
        state.since_deload = 0 if decision.deload else state.since_deload + 1
        end_build_week(state, zones, _morning_rise(ctx, days), ctx.profile.goal.weekly_distance)
    return planned, extra


def _shares(ctx: Context, run_days: list[dt.date]) -> dict[dt.date, float]:
    if not run_days:
        return {}
    long_day = ctx.shape.long_day
    ordered = sorted(run_days, key=lambda d: (d.weekday() == long_day, d))  # long run last gets the largest share
    return dict(zip(ordered, SHARES[len(ordered)]))


def _one_run(ctx: Context, state: State, day: dt.date, decision: Decision | None, share: float) -> Session:
    if state.rest_until and day < state.rest_until:
        why = mk.substitute_reason(f"red session; no running before {state.rest_until}")
        return mk.cross_training(ctx.cross, 30, [why], replaces="today's run")
    if state.phase == "walk_run" or decision is None:  # a stage finished mid-week keeps its stage to Sunday
        current = stage(state.stage)
        why = reason("R14", f"Walk-run stage {current.number}: move on after 2 green sessions at a stage.", f"stage {current.number}, {state.greens} green so far", private="data")
        return mk.walk_run(current, ctx.pace, ctx.units, ctx.cross, [why, reason("R16", "Flat ground and easy effort only while walk-running.", f"target effort {current.rpe}/10")],
                           text.readiness_rule(ctx.settings))
    return _build_run(ctx, state, day, decision, share)


def _build_run(ctx: Context, state: State, day: dt.date, decision: Decision | None, share: float) -> Session:
    assert decision is not None
    cap = state.run_cap(day, ctx.settings)
    distance = floor1(decision.volume * share)
    reasons = list(decision.reasons)
    if cap is not None and distance > cap:
        distance = floor1(cap)
        reasons.append(reason("R19", "No run is longer than 1.10 x your longest run in the last 30 days.", f"cap {cap:.1f} {ctx.units}", "single_run_cap"))
    if state.shorten_next_run and state.last_green_run is not None:
        distance = min(distance, floor1(state.last_green_run))
        state.shorten_next_run = False
        reasons.append(reason("R26", "After a red run, the next run is no longer than your last green one.", f"{state.last_green_run:g} {ctx.units}", private="data"))
    is_long = day.weekday() == ctx.shape.long_day
    intensity = decision.intensity if (decision.intensity and not is_long and not decision.walk_breaks) else "easy"
    label = "Long easy" if is_long else ("Easy" if intensity == "easy" else intensity.capitalize())
    return mk.run(distance, ctx.pace, ctx.units, label, ctx.cross, reasons, text.readiness_rule(ctx.settings), intensity, decision.walk_breaks)


def _advance(ctx: Context, state: State, day: dt.date, planned: Session | None, decision: Decision | None,
             extra: list[Reason]) -> list[Zone]:
    """Move the state by what the log says happened on ``day`` (the past) or by the plan (the future)."""
    if ctx.is_past(day):
        outcomes = [(r.zone, r.distance) for r in ctx.runs if r.date == day]
    elif planned is not None and planned.kind in ("run", "walk_run"):
        outcomes = [("green", planned.distance or 0.0)]
    else:
        outcomes = []
    for zone, distance in outcomes:
        state.history.append((day, distance))
        if state.phase == "walk_run":
            extra += apply_walk_run(state, day, zone, ctx.settings)
        elif decision is not None:
            extra += apply_build(state, day, zone, distance, ctx.settings)
    return [zone for zone, _ in outcomes]


def _planned_volume(planned: dict[dt.date, Session]) -> float:
    return round(sum(s.distance or 0.0 for s in planned.values() if s.kind in ("run", "walk_run")), 1)


def _morning_rise(ctx: Context, days: list[dt.date]) -> int:
    """R27: this week's worst next-morning pain minus last week's (0 when either is unknown)."""
    def worst_morning(span: list[dt.date]) -> int | None:
        scores = [e.pain.next_morning for d in span for e in ctx.entries.get(d, []) if e.pain.next_morning is not None]
        return max(scores, default=None)

    this, last = worst_morning(days), worst_morning([d - dt.timedelta(days=7) for d in days])
    return this - last if this is not None and last is not None else 0


def _day_sessions(ctx: Context, state: State, number: int, day: dt.date, run: Session | None, strength_day: bool) -> list[Session]:
    out: list[Session] = []
    if run is not None:
        out.append(run if run.kind == "cross_training" else mk.with_drills(run, _warmup(ctx, state), _cooldown(ctx, state)))
    if strength_day:
        out.append(_strength(ctx, state, number, day))
    return out


def _strength(ctx: Context, state: State, number: int, day: dt.date) -> Session:
    level = state.lifts.level
    index = sum(1 for i in ctx.shape.strength_days if i < day.weekday())
    other = strength_block(ctx.pool, index + 1, level, set()) if len(ctx.shape.strength_days) > 1 else []
    chosen = strength_block(ctx.pool, index, level, {ex.id for ex in other} if index % 2 else set())
    doses = [dose(ex, state.lifts.stage(ex.id), "main") for ex in chosen]
    steps = ", ".join(f"{d.name} step {d.stage}" for d in doses)
    reasons = [
        reason("R32", "Each session has a hip (side of the hip) exercise and a thigh (quads) exercise.", ", ".join(e.name for e in chosen)),
        reason("R31", "2-3 strength sessions a week, 8-12 slow reps, lowering over 2-3 seconds. "
               f"An exercise steps up after two sessions at 1 more rep than asked, with pain {ctx.settings.strength_pain_max:g}/10 or less and no worse next morning.",
               f"week {number}: cards up to level {level}; {steps}", "strength_sessions_per_step"),
        *state.lifts.take_news(d.id for d in doses),
    ]
    return mk.strength(doses, reasons)


def _advance_lifts(ctx: Context, state: State, day: dt.date, sessions: list[Session]) -> None:
    """Past days move the doses by what was logged; future strength sessions as prescribed."""
    if ctx.is_past(day):
        lifts.apply_logged(state.lifts, ctx.entries.get(day, []), ctx.library, ctx.morning_baseline, ctx.settings)
        return
    for session in sessions:
        if session.kind == "strength":
            lifts.apply_planned(state.lifts, session.exercises, ctx.settings)


def _warmup(ctx: Context, state: State) -> list[ExerciseDose]:
    # Gentle drills while walk-running; livelier ones (high knees) once running is continuous.
    level = 1 if state.phase == "walk_run" else 2
    return [dose(ex, 1, "warmup") for ex in by_role(ctx.pool, "warmup", level)[:2]]


def _cooldown(ctx: Context, state: State) -> list[ExerciseDose]:
    drills = by_role(ctx.pool, "cooldown", 1)[:1]
    if state.cadence_step:
        drills += by_role(ctx.pool, "alignment", 1)  # metronome and mirror checks for the gait cue (R34, R35)
    return [dose(ex, 1, "cooldown") for ex in drills]


def _fill_rest_and_cross(ctx: Context, state: State, decision: Decision | None, days: list[dt.date],
                         sessions: dict[dt.date, list[Session]]) -> None:
    free = [d for d in days if not sessions[d]]
    if not free:
        return
    long_day = ctx.shape.long_day
    rest_day = next((d for d in free if long_day is not None and d.weekday() == (long_day + 1) % 7), free[-1])
    sessions[rest_day] = [mk.rest([reason("R5", "Rest is part of training: one lighter day a week.", "")])]
    free.remove(rest_day)
    # Extra cardio only when running is light or held back; otherwise every day ends up
    # equally hard (R22 monotony) and the knee gets no easy day.
    wants_cross = len(ctx.shape.run_days) < 3 or not ctx.running_allowed or (decision is not None and decision.walk_breaks)
    if free and wants_cross:
        why = reason("R33", "Easy non-impact cardio keeps your fitness while running is held back.", ctx.cross)
        sessions[free.pop(0)] = [mk.cross_training(ctx.cross, 30, [why])]
    for d in free:
        sessions[d] = [mk.mobility(_mobility(ctx), [reason("R5", "Mobility and recovery on days without running or strength.", "")])]


def _mobility(ctx: Context) -> list[ExerciseDose]:
    return [dose(ex, 1, "main") for ex in mobility_menu(ctx.pool)]


def _done(ctx: Context, day: dt.date) -> list[Actual]:
    if not ctx.is_past(day):
        return []
    zones = {r.entry: r.zone for r in ctx.runs if r.date == day}
    return [
        Actual(activity=e.activity, distance=e.distance, duration_min=e.minutes, zone=zones.get(e, "unknown"),
               pain_during=e.pain.during, pain_after=e.pain.after, pain_next_morning=e.pain.next_morning)
        for e in ctx.entries.get(day, [])
    ]


def _week(ctx: Context, state: State, number: int, start: dt.date, decision: Decision | None,
          days: list[Day], run_reasons: list[Reason]) -> Week:
    runs = [s for d in days for s in d.sessions if s.kind in ("run", "walk_run")]
    past_zones = [a.zone for d in days for a in d.done if a.activity in ("run", "walk_run")]
    phase = _phase(days, decision)
    first_stage = next((s.stage for s in runs if s.stage is not None), None)
    return Week(
        number=number, start=start, phase=phase, stage=first_stage if phase == "walk_run" else None,
        running_distance=round(sum(s.distance or 0 for s in runs), 1),
        running_minutes=round(sum(_run_minutes(s) for s in runs)),
        longest_run=max((s.distance or 0 for s in runs), default=0.0),
        cadence_target=text.cadence_target(ctx.cadence, state.cadence_step, ctx.settings) if phase != "walk_run" else None,
        focus=text.focus(ctx.cadence, state.cadence_step, ctx.settings, decision),
        progress_check=text.progress_check(phase, number, ctx.settings),
        flare_rules=text.flare_rules(phase, ctx.settings),
        change=decision.change if decision else _stage_change(runs),
        zone=worst(past_zones) if past_zones else None,
        reasons=(list(decision.reasons) if decision else []) + run_reasons,
        days=days,
    )


def _stage_change(runs: list[Session]) -> str | None:
    """In walk-run the stage is what changes: the step the week plans after two green sessions (R14)."""
    stages = [s.stage for s in runs if s.stage is not None]
    return "stage" if stages and stages[-1] > stages[0] else None


def _phase(days: list[Day], decision: Decision | None) -> str:
    if decision is not None:
        return decision.phase
    has_runs = any(s.kind in ("run", "walk_run") for d in days for s in d.sessions)
    return "walk_run" if has_runs else "no_running"


def _run_minutes(session: Session) -> float:
    if session.intervals is not None:
        return session.intervals.run_min * session.intervals.repeats
    return session.duration_min or 0.0
