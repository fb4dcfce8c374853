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
from plangen.sources.models import Profile, TrainingLog
from plangen.document.plan import Baseline, Plan, Reason, Setting, Week
from plangen.planner import text
from plangen.planner.baseline import LoggedRun, classify_runs, easy_pace, make_baseline, worst_pain
from plangen.planner.lifts import apply_logged
from plangen.planner.pain import unscored_runs
from plangen.planner.progress import State
from plangen.planner.reasons import reason
from plangen.planner.schedule import week_shape
from plangen.planner.screening import Gate, readiness_checklist, screen
from plangen.planner.sessions import pick_cross
from plangen.planner.stages import LAST_STAGE, entry_stage, exit_stage, stage
from plangen.planner.strength import usable
from plangen.planner.weekplan import Context, plan_week
from plangen.rules import THRESHOLDS, Settings

BREAK_DAYS = 14  # R17: a break this long restarts at walk-run
BREAK_MAX_STAGE = 9  # invariant 11: a restart's runs stay at or under 20 minutes


def plan_start(profile: Profile, log: TrainingLog) -> dt.date | None:
    """The profile's start, else the Monday after the last log entry (None if neither exists)."""
    if profile.start is not None:
        return profile.start
    if not log.entries:
        return None
    last = max(e.date for e in log.entries)
    return last + dt.timedelta(days=7 - last.weekday())


def make_plan(profile: Profile, log: TrainingLog, library: Mapping[str, Any], slug: str,
              overrides: Mapping[str, float] | None = None) -> Plan:
    """Plan ``profile``'s return to running from its ``log``, drawing exercises from ``library``."""
    settings = Settings({**(overrides or {}), **profile.rules})
    start = plan_start(profile, log)
    if start is None:
        raise ValueError("a plan needs a start date or a log to start after")
    gate = screen(profile, settings)
    runs = classify_runs(profile, log, settings)
    baseline = make_baseline(profile, runs, start)
    common = dict(plangen_version=__version__, id=slug, units=profile.units, start=start, baseline=baseline,
                  contingencies=text.contingencies(settings), settings=_settings(settings),
                  unscored_runs=unscored_runs(log.entries, start),
                  readiness_checklist=readiness_checklist(profile, settings))
    if gate.status == "referral":
        return Plan(status="referral", referral=gate.referral, weeks=[], reasons=gate.reasons, **common)
    ctx = _context(profile, log, library, settings, gate, runs, start, baseline)
    state, entry_reasons = _entry_state(profile, runs, baseline, start, settings)
    entry_reasons += _walk_run_exit(profile, ctx, state)
    before = sorted((e for e in log.entries if e.date < start), key=lambda e: e.date)
    apply_logged(state.lifts, before, library, profile.symptoms.morning_baseline, settings)  # strength logged before the plan
    weeks = _weeks(ctx, state, start, profile.weeks)
    review = [*gate.review, *dict.fromkeys(state.review), *_review_week_check(profile, ctx, settings)]
    return Plan(status=gate.status, weeks=weeks, clinician_review=review, warnings=_warnings(profile, weeks, settings),
                reasons=[*gate.reasons, *entry_reasons, *_standing_reasons()], **common)


def _context(profile: Profile, log: TrainingLog, library: Mapping[str, Any], settings: Settings, gate: Gate,
             runs: list[LoggedRun], start: dt.date, baseline: Baseline) -> Context:
    inside = [e for e in log.entries if e.date >= start]
    entries: dict[dt.date, list[Any]] = {}
    for entry in sorted(log.entries, key=lambda e: e.date):
        entries.setdefault(entry.date, []).append(entry)
    return Context(
        profile=profile, settings=settings, shape=week_shape(profile.availability), pace=easy_pace(runs, profile.units),
        cross=pick_cross(profile.cross_training), pool=usable(library, profile.equipment, profile.symptoms.aggravators),
        runs=runs, entries=entries, as_of=max((e.date for e in inside), default=None), cadence=baseline.cadence,
        running_allowed=gate.status == "plan", maintain=gate.maintain_only, library=library,
        morning_baseline=profile.symptoms.morning_baseline,
    )


def _entry_state(profile: Profile, runs: list[LoggedRun], baseline: Baseline, start: dt.date,
                 settings: Settings) -> tuple[State, list[Reason]]:
    """Place the runner: straight into the build, or a walk-run stage (clinical-rules.md section 2)."""
    history = [(r.date, r.distance) for r in runs if r.date < start]
    recent = [r for r in runs if 0 < (start - r.date).days <= BREAK_DAYS]
    long_green = [r for r in recent if r.continuous and r.zone == "green" and (r.minutes or 0) >= 20]
    flaring = profile.symptoms.worst_pain_last_week >= settings.red_pain_min
    if len(long_green) >= 2 and not flaring:
        data = f"{len(long_green)} green runs of 20+ min in the last {BREAK_DAYS} days"
        why = reason("R14", "You already run 20+ minutes pain-free, so the plan starts with continuous running.", data, private="data")
        return State(phase="build", green_volume=baseline.weekly_distance, history=history), [why]
    minutes = 0.0 if flaring else baseline.longest_pain_free_run_14d
    number = entry_stage(minutes, settings.entry_bout_fraction)
    if not recent:
        number = min(number, BREAK_MAX_STAGE)
        why = reason("R17", "No run in the last 2 weeks: restart with walk-run intervals.", f"last run: {baseline.last_run or 'none logged'}")
    else:
        data = f"longest pain-free run in {BREAK_DAYS} days: {minutes:g} min; stage {number} jogs at most half of that"
        why = reason("R14", "Walk-run stage chosen from your longest pain-free run.", data, "entry_bout_fraction", "data")
    return State(phase="walk_run", stage=number, history=history), [why]


def _walk_run_exit(profile: Profile, ctx: Context, state: State) -> list[Reason]:
    """A small goal ends walk-run at the first continuous stage that covers it (R14)."""
    goal = profile.goal.weekly_distance
    state.exit_stage = exit_stage(goal * ctx.pace if goal else None, len(ctx.shape.run_days))
    if state.phase != "walk_run" or state.exit_stage >= LAST_STAGE:
        return []
    minutes = stage(state.exit_stage).jog_min
    data = f"goal {goal:g} {profile.units} a week is about {goal * ctx.pace:.0f} min; {len(ctx.shape.run_days)} runs of {minutes:g} min cover it"
    return [reason("R14", f"Walk-run ends once you run {minutes:g} minutes without a break: that covers your weekly goal.", data)]


def _weeks(ctx: Context, state: State, start: dt.date, count: int) -> list[Week]:
    weeks: list[Week] = []
    for number in range(1, count + 1):
        week = plan_week(ctx, state, number, start + dt.timedelta(days=7 * (number - 1)))
        if week.phase == "walk_run" and state.phase == "build" and not state.volumes:
            state.green_volume = week.running_distance  # the last walk-run week is the first all-green week
        weeks.append(week)
    return weeks


def _review_week_check(profile: Profile, ctx: Context, settings: Settings) -> list[str]:
    """R3: no 2-point drop in worst pain by the review week -> clinician review (when the log covers it)."""
    week = int(settings.review_week)
    end = ctx.runs and profile.start and profile.start + dt.timedelta(days=7 * week)
    if not end or ctx.as_of is None or ctx.as_of < end:
        return []
    late = [worst_pain(r.entry) for r in ctx.runs if end - dt.timedelta(days=7) <= r.date < end]
    if late and max(late) > profile.symptoms.worst_pain_last_week - 2:
        return [f"Your worst pain has not dropped by 2 points by week {week}: book a clinician review."]
    return []


def _warnings(profile: Profile, weeks: list[Week], settings: Settings) -> list[str]:
    out = [w for week in weeks if (w := _monotony_warning(week, settings))]
    event = profile.goal.event
    if event and weeks and event.date <= weeks[-1].start + dt.timedelta(days=6):
        before = [w.longest_run for w in weeks if w.start <= event.date]
        if max(before, default=0) < 0.8 * event.distance:
            out.append(f"{event.name} ({event.distance:g} {profile.units}) comes before this plan builds up to it: "
                       "run it easy, walk-run it, or choose a later event with your clinician.")
    return out


def _monotony_warning(week: Week, settings: Settings) -> str | None:
    """R22: mean daily load / SD of daily load over 7 days, rest days as 0."""
    loads = [sum((s.rpe_target or 0) * (s.duration_min or 0) for s in day.sessions) for day in week.days]
    spread = statistics.pstdev(loads)
    if spread == 0 or statistics.mean(loads) / spread <= settings.monotony_max:
        return None
    return f"Week {week.number}: every day is about as hard as the next (monotony above {settings.monotony_max:g}); keep the rest day easy."


def _settings(settings: Settings) -> list[Setting]:
    return [
        Setting(key=k, value=getattr(settings, k), default=t.default, overridden=k in settings.overrides, rule=t.rule, meaning=t.meaning)
        for k, t in THRESHOLDS.items()
    ]


def _standing_reasons() -> list[Reason]:
    return [
        reason("R4", "Hip and knee strength work is the core of the plan.", "2-3 sessions a week"),
        reason("R5", "Knowing how to manage load and pain works as well as any single treatment.", "traffic light on every session"),
        reason("R7", "Active recovery works best: the plan keeps you moving, with no machines, needles or lay-offs.", ""),
    ]
