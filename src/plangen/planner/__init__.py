"""The progression planner: a pure, deterministic function from validated inputs to a Plan.

No I/O, no clock, no randomness: the plan's dates come from the profile and the log,
and the same inputs always give the same plan.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping
from typing import Any

from plangen import __version__
from plangen.sources.exercise_models import Library
from plangen.sources.models import Profile, TrainingLog
from plangen.document.plan import Baseline, Plan, Reason, Setting, Week
from plangen.planner import guidance
from plangen.planner.context import Context
from plangen.planner.baseline import LoggedRun, classify_runs, easy_pace, make_baseline, worst_pain
from plangen.planner.entry import place
from plangen.planner.history import History, read_history
from plangen.planner.lifts import apply_logged
from plangen.planner.pain import MEANINGFUL_CHANGE, unscored_runs
from plangen.planner.progress import State, enter_build, with_exit_stage, with_lifts
from plangen.planner.norunning import entry_reason as no_running_reason
from plangen.planner.outlook import mark_weeks, outlook
from plangen.planner.reasons import explain
from plangen.planner.schedule import week_shape
from plangen.planner.screening import Gate, readiness_checklist, screen
from plangen.planner.sessions import pick_cross
from plangen.planner.stages import LAST_STAGE, exit_stage, stage
from plangen.planner.strength import usable
from plangen.planner.weekplan import plan_week
from plangen.rules import THRESHOLDS, Settings
from plangen.wording import say

def plan_start(profile: Profile, log: TrainingLog) -> dt.date | None:
    """The profile's start, else the Monday after the last log entry (None if neither exists)."""
    if profile.start is not None:
        return profile.start
    if not log.entries:
        return None
    last = max(e.date for e in log.entries)
    return last + dt.timedelta(days=7 - last.weekday())


def make_plan(profile: Profile, log: TrainingLog, library: Library, slug: str,
              overrides: Mapping[str, float] | None = None) -> Plan:
    """Plan ``profile``'s return to running from its ``log``, drawing exercises from ``library``."""
    settings = Settings({**(overrides or {}), **profile.rules})
    start = plan_start(profile, log)
    if start is None:
        raise ValueError(say("runs.error.no_start", settings))  # the loader reports it first, with file and field
    gate = screen(profile, settings)
    runs = classify_runs(profile, log, settings)
    history = read_history(runs, start, settings)
    baseline = make_baseline(profile, runs, start, settings, history.spikes, history.runs_per_week)
    common = dict(plangen_version=__version__, id=slug, units=profile.units, start=start, baseline=baseline,
                  contingencies=guidance.contingencies(settings), settings=_settings(settings),
                  unscored_runs=unscored_runs(log.entries, start),
                  readiness_checklist=readiness_checklist(profile, settings))
    if gate.status == "referral":
        return Plan(status="referral", referral=gate.referral, weeks=[], reasons=gate.reasons, **common)
    ctx = _context(profile, log, library, settings, gate, runs, start, baseline, history)
    entry = place(profile, history, settings, ctx.pace, ctx.shape)
    state, entry_reasons = entry.state, [*entry.reasons, *_cadence_reasons(baseline, settings)]
    state, exit_reasons = _walk_run_exit(profile, ctx, state)
    entry_reasons += exit_reasons
    if gate.status == "no_running":  # R49: the gate, not the log, decides: no running and no build reasons
        state, entry_reasons = State(phase="no_running", history=state.history), [no_running_reason(profile, settings)]
    before = sorted((e for e in log.entries if e.date < start), key=lambda e: e.date)
    state = with_lifts(state, apply_logged(state.lifts, before, library, profile.symptoms.morning_baseline, settings))  # logged before the plan
    planned, state = _weeks(ctx, state, start, profile.weeks)
    weeks = mark_weeks(profile, planned, settings, gate.status)
    review = [*gate.review, *entry.review, *dict.fromkeys(state.review), *_review_week_check(profile, ctx, settings)]
    return Plan(status=gate.status, weeks=weeks, clinician_review=review, warnings=_warnings(weeks, settings),
                reasons=[*gate.reasons, *entry_reasons, *_standing_reasons(settings)], **outlook(profile, weeks, state, settings), **common)


def _context(profile: Profile, log: TrainingLog, library: Library, settings: Settings, gate: Gate,
             runs: list[LoggedRun], start: dt.date, baseline: Baseline, history: History) -> Context:
    inside = [e for e in log.entries if e.date >= start]
    entries: dict[dt.date, list[Any]] = {}
    for entry in sorted(log.entries, key=lambda e: e.date):
        entries.setdefault(entry.date, []).append(entry)
    return Context(
        profile=profile, settings=settings, shape=week_shape(profile.availability, history.runs_per_week),
        pace=easy_pace(runs, profile.units),
        cross=pick_cross(profile.cross_training), pool=usable(library, profile.equipment, profile.symptoms.aggravators),
        runs=runs, entries=entries, as_of=max((e.date for e in inside), default=None), cadence=baseline.cadence,
        running_allowed=gate.status == "plan", maintain=gate.maintain_only, library=library,
        morning_baseline=profile.symptoms.morning_baseline, start=start, long_share=history.long_share,
    )


def _cadence_reasons(baseline: Baseline, settings: Settings) -> list[Reason]:
    """R48: a quick step rate already does what a cadence change would; say so instead of changing it."""
    if baseline.cadence is None or baseline.cadence < settings.cadence_no_change_min:
        return []
    return [explain("R48", "runs.cadence_kept", settings, setting="cadence_no_change_min", cadence=baseline.cadence)]


def _walk_run_exit(profile: Profile, ctx: Context, state: State) -> tuple[State, list[Reason]]:
    """A small goal ends walk-run at the first continuous stage that covers it (R14)."""
    goal = profile.goal.weekly_distance
    state = with_exit_stage(state, exit_stage(goal * ctx.pace if goal else None, len(ctx.shape.run_days)))
    if state.phase != "walk_run" or state.exit_stage >= LAST_STAGE:
        return state, []
    minutes, runs = stage(state.exit_stage).jog_min, len(ctx.shape.run_days)
    covered = min(minutes, goal * ctx.pace / max(1, runs))  # a small goal also trims the session (R47)
    return state, [explain("R14", "runs.walk_run.exit", ctx.settings, exit_stage=state.exit_stage, goal=goal,
                           units=profile.units, goal_min=goal * ctx.pace, runs=runs, run_min=covered)]


def _weeks(ctx: Context, state: State, start: dt.date, count: int) -> tuple[list[Week], State]:
    """Weeks run Monday to Sunday, the runner's weekdays (R52); a mid-week start makes week 1 short."""
    monday = start - dt.timedelta(days=start.weekday())
    weeks: list[Week] = []
    for number in range(1, count + 1):
        week, state = plan_week(ctx, state, number, max(start, monday + dt.timedelta(days=7 * (number - 1))))
        if week.phase == "walk_run" and state.phase == "build" and not state.volumes:
            state = enter_build(state, _walk_run_week(ctx, week))  # the last walk-run week is the first all-green week
        weeks.append(week)
    return weeks, state


def _walk_run_week(ctx: Context, week: Week) -> float:
    """The last walk-run week's running as a full week of its last session (a short first week is not the ceiling, R52)."""
    sessions = [s.distance or 0.0 for d in week.days for s in d.sessions if s.kind in ("run", "walk_run")]
    if len(week.days) == 7 or not sessions:
        return week.running_distance
    return max(week.running_distance, round(sessions[-1] * len(ctx.shape.run_days), 1))


def _review_week_check(profile: Profile, ctx: Context, settings: Settings) -> list[str]:
    """R3: no 2-point drop in worst pain by the review week -> clinician review (when the log covers it)."""
    week = int(settings.review_week)
    end = ctx.runs and ctx.start and ctx.start + dt.timedelta(days=7 * week)  # the plan's start, given or from the log
    if not end or ctx.as_of is None or ctx.as_of < end:
        return []
    late = [worst_pain(r.entry) for r in ctx.runs if end - dt.timedelta(days=7) <= r.date < end]
    if late and max(late) > profile.symptoms.worst_pain_last_week - MEANINGFUL_CHANGE:
        return [say("runs.review.no_drop", settings, points=MEANINGFUL_CHANGE)]
    return []


def _warnings(weeks: list[Week], settings: Settings) -> list[str]:
    """R22 monotony; whether an event is safe is said once, in ``plan.event`` (R46), not again here."""
    return [w for week in weeks if (w := _monotony_warning(week, settings))]


def _monotony_warning(week: Week, settings: Settings) -> str | None:
    """R22: mean daily load / SD of daily load over 7 days, rest days as 0."""
    loads = [sum((s.rpe_target or 0) * (s.duration_min or 0) for s in day.sessions) for day in week.days]
    spread = statistics.pstdev(loads)
    if spread == 0 or statistics.mean(loads) / spread <= settings.monotony_max:
        return None
    return say("runs.warning.monotony", settings, week=week.number)


def _settings(settings: Settings) -> list[Setting]:
    return [
        Setting(key=k, value=getattr(settings, k), default=t.default, overridden=k in settings.overrides, rule=t.rule, meaning=t.meaning)
        for k, t in THRESHOLDS.items()
    ]


def _standing_reasons(settings: Settings) -> list[Reason]:
    return [
        explain("R4", "runs.standing.strength", settings),
        explain("R5", "runs.standing.education", settings),
        explain("R7", "runs.standing.active", settings),
    ]
