"""Lay out one week day by day: runs from the progression state, strength, mobility, cross-training, rest."""

from __future__ import annotations

import datetime as dt

from plangen.sources.models import WEEKDAYS
from plangen.document.plan import Actual, Day, ExerciseDose, Reason, Session, Week, Zone
from plangen.planner import events, guidance, lifts, norunning, runsize
from plangen.planner import sessions as mk
from plangen.planner.context import Context
from plangen.planner.progress import (GREENS_TO_MOVE_UP, State, after_shortened_run, apply_build, apply_walk_run,
                                      end_build_week, end_week_longest, first_week_used, floor1, record_build_week,
                                      record_run, resume_after_stage_zero, start_build_week, with_lifts, with_strength_week, worst)
from plangen.planner.reasons import explain
from plangen.planner.stages import Stage, stage, within
from plangen.planner.strength import by_role, dose, mobility_menu
from plangen.planner.strength_session import strength_session
from plangen.planner.volume import Decision, cadence_helps, decide
from plangen.wording import say


def plan_week(ctx: Context, state: State, number: int, start: dt.date) -> tuple[Week, State]:
    """One week, and the state the next week starts from."""
    days = [start + dt.timedelta(days=i) for i in range(7 - start.weekday())]  # to Sunday: a mid-week start is a short week (R52)
    state, resumed = resume_after_stage_zero(state, start, ctx.settings)
    state, decision = _decision(ctx, state, days)
    state, runs, run_reasons = _runs(ctx, state, days, decision)
    run_reasons = [*([resumed] if resumed else []), *run_reasons]
    strength_days = {d for d in days if d.weekday() in ctx.shape.strength_days}
    lifted, level_up = lifts.next_level(state.lifts, state.last_strength, ctx.settings)
    state = with_lifts(state, lifted)
    sessions: dict[dt.date, list[Session]] = {}
    for day in days:  # in order: each day's strength dose depends on the sessions before it
        sessions[day] = _day_sessions(ctx, state, number, day, runs.get(day), day in strength_days)
        state = _advance_lifts(ctx, state, day, sessions[day])
    week_lifts = {e.id: e for d in days for s in sessions[d] if s.kind == "strength" for e in s.exercises}
    state = with_strength_week(state, list(week_lifts.values()))
    if level_up is not None:
        run_reasons = [*run_reasons, level_up]
    _fill_rest_and_cross(ctx, state, decision, days, sessions)
    built_days = [Day(date=d, weekday=WEEKDAYS[d.weekday()], sessions=sessions[d], done=_done(ctx, d)) for d in days]
    return _week(ctx, state, number, start, decision, built_days, run_reasons), state


def _decision(ctx: Context, state: State, days: list[dt.date]) -> tuple[State, Decision | None]:
    if state.phase != "build":
        return state, None
    goal = ctx.profile.goal.weekly_distance
    avoid_hills = bool({"hills", "downhill"} & set(ctx.profile.symptoms.aggravators))
    decision = decide(state, ctx.settings, goal, cadence_helps(ctx.cadence, ctx.settings), ctx.maintain, avoid_hills, ctx.units)
    decision = events.shape_decision(decision, ctx, state, days)  # R46: taper, recovery, no new intensity before an event
    if not state.volumes:  # decide() planned the first build week from the entry's own reasons
        state = first_week_used(state)
    return start_build_week(state, decision.walk_breaks, decision.change), decision


def _runs(ctx: Context, state: State, days: list[dt.date],
          decision: Decision | None) -> tuple[State, dict[dt.date, Session], list[Reason]]:
    """Plan each run day in order, letting each day's logged outcome steer the days after it."""
    if not ctx.running_allowed:
        return state, norunning.cardio_days(ctx, days), []  # R49: cardio spread over the run days
    weekdays = ctx.shape.continuous_days if decision is not None else ctx.shape.run_days
    shares = runsize.shares(ctx.shape, weekdays, ctx.long_share) if ctx.running_allowed else {}  # sized for a full week, even when this one is short
    planned: dict[dt.date, Session] = {}
    extra: list[Reason] = []
    zones: list[Zone] = []
    quality = decision.intensity if decision is not None else None
    for day in days:
        if day.weekday() in shares:
            planned[day], state = _one_run(ctx, state, day, decision, shares[day.weekday()], quality, days[0])
            quality = None if planned[day].intensity not in (None, "easy") else quality  # one quality run a week (R39)
        planned = events.shape_day(ctx, state, day, planned, decision, days[0])  # R46: race day, short easy runs before it
        state, outcome = _advance(ctx, state, day, planned.get(day), decision, extra)
        zones += outcome
    state = end_week_longest(state, days[0], decision is not None and decision.deload)
    if decision is not None and state.phase != "stopped":
        volume = runsize.full_week_volume(_planned_volume(planned), decision.volume, shares, days)
        volume = _week_volume(ctx, days, volume, decision, zones, planned)
        state = record_build_week(state, volume, decision.deload)
        state = end_build_week(state, zones, _morning_rise(ctx, days), ctx.profile.goal.weekly_distance, ctx.settings)
    return state, planned, extra


def _one_run(ctx: Context, state: State, day: dt.date, decision: Decision | None, share: float,
             quality: str | None = None, week_start: dt.date | None = None) -> tuple[Session, State]:
    """The session on a run day, and the state after planning it (a red's shorter run is used up)."""
    if state.phase == "stopped" or (state.rest_until and day < state.rest_until):
        return _instead_of_run(ctx, state), state
    if state.phase == "walk_run" or decision is None:  # a stage finished mid-week keeps its stage to Sunday
        return _walk_run(ctx, state, day, week_start or day), state
    return _build_run(ctx, state, day, decision, share, quality, week_start or day)


def _instead_of_run(ctx: Context, state: State) -> Session:
    """R44 Stage 0, or R26's wait after a red: cardio in the run's place."""
    if state.phase == "stopped":
        why = explain("R44", "runs.stage_zero.run_day", ctx.settings, no_running_until=state.stopped_until)
    else:
        assert state.rest_until is not None
        why = mk.substitute_reason(state.rest_until, ctx.settings)
    replaces = say("runs.replaces.run", ctx.settings)
    return mk.cross_training(ctx.cross, 30, [why], replaces=replaces, settings=ctx.settings)


def _walk_run(ctx: Context, state: State, day: dt.date, week_start: dt.date) -> Session:
    """A walk-run session at the runner's stage, trimmed to a small weekly goal (R14, R16, R47) and, once the
    ladder's jogs are continuous, to the single-run cap like any other run (R19)."""
    current, settings = stage(state.stage), ctx.settings
    why = explain("R14", "runs.walk_run.session", settings, private="data", stage=current.number, greens=state.greens,
                  greens_to_move_up=GREENS_TO_MOVE_UP)
    trimmed, goal_why = _within_goal(ctx, current)
    trimmed, cap_why = _within_run_cap(ctx, state, trimmed, day, week_start)
    flat = explain("R16", "runs.walk_run.flat", settings, rpe=current.rpe)
    return mk.walk_run(trimmed, ctx.pace, ctx.cross, [why, *goal_why, *cap_why, flat], guidance.morning_rule(settings),
                       settings=settings)


def _within_run_cap(ctx: Context, state: State, current: Stage, day: dt.date,
                    week_start: dt.date) -> tuple[Stage, list[Reason]]:
    """R19: a continuous jog (stages 10-12: 20, 25, 30 min) is a run; it is no longer than single_run_cap x the
    longest run of the 30 days before its week. The stage stays; the jog is shorter until the cap catches up."""
    cap = state.run_cap(day, week_start, ctx.settings)
    if not current.continuous or cap is None or current.running_minutes <= floor1(cap) * ctx.pace:
        return current, []
    capped = within(current, floor1(cap) * ctx.pace)  # the session's distance is rounded to 0.1: stay under
    why = explain("R19", "runs.cap.single", ctx.settings, setting="single_run_cap", cap=round(cap, 1), units=ctx.units,
                  **{"from": round(current.running_minutes / ctx.pace, 1), "to": round(capped.running_minutes / ctx.pace, 1)})
    return capped, [why]


def _within_goal(ctx: Context, current: Stage) -> tuple[Stage, list[Reason]]:
    """R47: walk-running never goes past a small weekly goal; the stage's bouts stay, a session holds fewer of them.

    So a runner on the ladder never runs more in a week than one already holding at the same goal.
    """
    goal = ctx.profile.goal.weekly_distance
    sessions = len(ctx.shape.run_days)
    if not goal or not sessions:
        return current, []
    limit = floor1(goal / sessions) * ctx.pace
    trimmed = within(current, limit)
    if trimmed == current:
        return current, []
    return trimmed, [explain("R47", "runs.walk_run.goal_share", ctx.settings, goal=goal, units=ctx.units, sessions=sessions,
                             limit_min=limit, running_min=trimmed.running_minutes)]


def _build_run(ctx: Context, state: State, day: dt.date, decision: Decision | None, share: float,
               quality: str | None, week_start: dt.date) -> tuple[Session, State]:
    assert decision is not None
    distance = floor1(decision.volume * share)
    reasons = list(decision.reasons)
    distance, capped = runsize.capped(state, day, week_start, distance, ctx.settings, ctx.units)
    reasons += capped
    if state.shorten_next_run and state.last_green_run is not None:
        distance = min(distance, floor1(state.last_green_run))
        state = after_shortened_run(state)
        reasons.append(explain("R26", "runs.red.next_run", ctx.settings, private="data",
                               last_green_run=state.last_green_run, units=ctx.units))
    is_long = day.weekday() == ctx.shape.long_day
    intensity = quality if (quality and not is_long and not decision.walk_breaks) else "easy"
    label = say(f"runs.label.{'long' if is_long else intensity}", ctx.settings)
    return mk.run(distance, ctx.pace, ctx.units, label, ctx.cross, reasons, guidance.morning_rule(ctx.settings), intensity,
                  decision.walk_breaks, settings=ctx.settings), state


def _advance(ctx: Context, state: State, day: dt.date, planned: Session | None, decision: Decision | None,
             extra: list[Reason]) -> tuple[State, list[Zone]]:
    """Move the state by what the log says happened on ``day`` (the past) or by the plan (the future)."""
    if ctx.is_past(day):
        outcomes = [(r.zone, r.distance) for r in ctx.runs if r.date == day]
    elif planned is not None and planned.kind in ("run", "walk_run"):
        outcomes = [("green", planned.distance or 0.0)]
    else:
        outcomes = []
    for zone, distance in outcomes:
        state = record_run(state, day, distance)
        why: list[Reason] = []
        if state.phase == "walk_run" or (state.phase == "stopped" and zone == "red"):  # a red in Stage 0 extends it (R44)
            state, why = apply_walk_run(state, day, zone, ctx.settings)
        elif decision is not None:
            state, why = apply_build(state, day, zone, distance, ctx.settings)
        extra += why
    return state, [zone for zone, _ in outcomes]


def _week_volume(ctx: Context, days: list[dt.date], volume: float, decision: Decision, zones: list[Zone],
                 planned: dict[dt.date, Session]) -> float:
    """The week's running as the next week's caps read it.

    A red week counts what it held, a red run off the plan's days too, up to what the week allowed
    (R27 cuts from it). A week whose runs were swapped for cross-training by an earlier red's wait
    counts as planned: the swap is the red's doing, and a week of nothing must not become the next
    week's ceiling.
    """
    if "red" in zones:
        logged = round(sum(r.distance for r in ctx.runs if days[0] <= r.date <= days[-1]), 1)
        return max(volume, min(logged, decision.volume))
    if any(s.kind == "cross_training" for s in planned.values()):
        return max(volume, decision.volume)
    return volume


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
    if run is not None and run.stop_rule:  # race day (R46): an easy warm-up, nothing that changes how you run
        out.append(mk.with_drills(run, _warmup(ctx, state, race=True), _cooldown(ctx, state, race=True)))
    elif run is not None:
        out.append(run if run.kind == "cross_training" else mk.with_drills(run, _warmup(ctx, state), _cooldown(ctx, state)))
    if strength_day:
        out.append(_strength(ctx, state, number, day))
    return out


def _strength(ctx: Context, state: State, number: int, day: dt.date) -> Session:
    return strength_session(ctx, state.lifts, number, day)  # exercise choice, holds and doses (R31, R32, R50, R51)


def _advance_lifts(ctx: Context, state: State, day: dt.date, sessions: list[Session]) -> State:
    """Past days move the doses by what was logged; future strength sessions as prescribed. Shown news is told."""
    shown = [e for s in sessions if s.kind == "strength" for e in s.exercises]
    told = state.lifts.told(e.id for e in shown)
    if ctx.is_past(day):
        return with_lifts(state, lifts.apply_logged(told, ctx.entries.get(day, []), ctx.library, ctx.morning_baseline,
                                                    ctx.settings))
    return with_lifts(state, lifts.apply_planned(told, shown, ctx.settings))


def _warmup(ctx: Context, state: State, race: bool = False) -> list[ExerciseDose]:
    # Gentle drills while walk-running and on race day; livelier ones (high knees) once running is continuous.
    level = 1 if state.phase == "walk_run" or race else 2
    return [dose(ex, 1, "warmup") for ex in by_role(ctx.pool, "warmup", level)[:2]]


def _cooldown(ctx: Context, state: State, race: bool = False) -> list[ExerciseDose]:
    drills = by_role(ctx.pool, "cooldown", 1)[:1]
    if state.cadence_step and not race:  # race day is no day to practise a new step (R38)
        drills += by_role(ctx.pool, "alignment", 1)  # metronome and mirror checks for the gait cue (R34, R35)
    return [dose(ex, 1, "cooldown") for ex in drills]


def _fill_rest_and_cross(ctx: Context, state: State, decision: Decision | None, days: list[dt.date],
                         sessions: dict[dt.date, list[Session]]) -> None:
    free = [d for d in days if not sessions[d]]
    if not free:
        return
    long_day = ctx.shape.long_day
    rest_day = next((d for d in free if long_day is not None and d.weekday() == (long_day + 1) % 7), free[-1])
    sessions[rest_day] = [mk.rest([explain("R5", "runs.day.rest", ctx.settings)], settings=ctx.settings)]
    free.remove(rest_day)
    # Extra cardio only when running is light or held back; otherwise every day ends up
    # equally hard (R22 monotony) and the knee gets no easy day.
    wants_cross = len(ctx.shape.run_days) < 3 or (decision is not None and decision.walk_breaks)
    if free and wants_cross:
        why = explain("R33", "runs.day.cross", ctx.settings, mode=ctx.cross)
        sessions[free.pop(0)] = [mk.cross_training(ctx.cross, 30, [why], settings=ctx.settings)]
    for d in free:
        why = explain("R5", "runs.day.mobility", ctx.settings)
        sessions[d] = [mk.mobility(_mobility(ctx), [why], settings=ctx.settings)]


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
        cadence_target=guidance.cadence_target(ctx.cadence, state.cadence_step, ctx.settings) if phase not in ("walk_run", "no_running") else None,
        focus=guidance.focus(ctx.cadence, state.cadence_step, ctx.settings, decision),
        progress_check=guidance.progress_check(phase, number, ctx.settings),
        flare_rules=guidance.flare_rules(phase, ctx.settings),
        change=decision.change if decision else _stage_change(runs),
        zone=worst(past_zones) if past_zones else None,
        reasons=(list(decision.reasons) if decision else _week_reasons(ctx, state, phase, first_stage)) + run_reasons,
        days=days,
    )


def _week_reasons(ctx: Context, state: State, phase: str, first_stage: int | None) -> list[Reason]:
    """Every week says why it is what it is, walk-run and no-running weeks too (observation 12)."""
    settings = ctx.settings
    if phase == "walk_run" and first_stage is not None:
        return [explain("R14", "runs.walk_run.week", settings, stage=first_stage, greens_to_move_up=GREENS_TO_MOVE_UP)]
    if state.phase == "stopped" or state.stopped_until is not None and phase == "no_running":
        return [explain("R44", "runs.stage_zero.week", settings, no_running_until=state.stopped_until)]
    if phase == "no_running":
        return [explain("R12", "runs.not_yet", settings)]
    return []


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
