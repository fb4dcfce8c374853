"""Planner invariants (clinical-rules.md section 5) over generated runners and logs."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from collections.abc import Callable

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import profile, run
from plangen.sources.models import WEEKDAYS, Profile, TrainingLog
from plangen.document.plan import Plan
from plangen.planner import make_plan
from plangen.planner.pain import session_zone
from plangen.rules import Settings

START = dt.date(2026, 12, 7)
FORBIDDEN = re.compile(r"\b(tens|ultrasound|electrotherapy|dry needling|brac(e|es|ing)|wait and see|complete rest)\b", re.I)

pain = st.integers(0, 10)


@st.composite
def logged_run(draw: st.DrawFn, earliest: int = -45, latest: int = 20) -> dict:
    day = START + dt.timedelta(days=draw(st.integers(earliest, latest)))
    distance = draw(st.floats(1.0, 14.0).map(lambda x: round(x, 1)))
    pace = draw(st.floats(4.5, 8.0))
    morning = draw(st.one_of(st.none(), pain))
    return run(day, distance, round(distance * pace, 1), during=draw(pain), after=draw(pain), morning=morning)


LIFTS = ("clamshell", "box-squat", "glute-bridge", "straight-leg-raise", "side-lying-hip-abduction", "split-squat")


@st.composite
def logged_lift(draw: st.DrawFn) -> dict:
    """A logged strength session, before or inside the plan, with any reps and pain."""
    done = [
        {"id": ex, "sets": 3, "reps": draw(st.integers(4, 16)), "pain": draw(pain),
         "next_morning_pain": draw(st.one_of(st.none(), st.integers(0, 6)))}
        for ex in draw(st.lists(st.sampled_from(LIFTS), min_size=1, max_size=4, unique=True))
    ]
    day = START + dt.timedelta(days=draw(st.integers(-20, 20)))
    return {"date": day, "activity": "strength", "exercises": [{k: v for k, v in d.items() if v is not None} for d in done]}


ZONE_PAIN = {"green": (1, 1, 0), "amber": (3, 3, 0), "red": (6, 5, 3)}  # during, after, next morning


@st.composite
def training_block(draw: st.DrawFn, start: dt.date) -> list[dict]:
    """A runner's habit: 1-7 runs a week for 1-5 weeks, then a gap of 0-10 weeks before ``start``.

    Optionally a one-off race (a spike) in the last 30 days, and red runs inside the plan.
    """
    per_week = draw(st.integers(1, 7))
    days = sorted(draw(st.lists(st.integers(0, 6), min_size=per_week, max_size=per_week, unique=True)))
    weeks, gap = draw(st.integers(1, 5)), draw(st.sampled_from((0, 0, 0, 1, 2, 3, 5, 8, 10)))
    base = draw(st.floats(2.0, 14.0).map(lambda x: round(x, 1)))
    zones = draw(st.sampled_from((("green",), ("green",), ("amber",), ("green", "amber"), ("green", "red"))))
    monday = start - dt.timedelta(days=start.weekday())
    entries = []
    for back in range(gap + weeks, gap, -1):
        for i, offset in enumerate(days):
            day = monday - dt.timedelta(days=7 * back - offset)
            distance = round(base * (1.8 if per_week > 2 and i == per_week - 1 else 1.0), 1)
            during, after, morning = ZONE_PAIN[draw(st.sampled_from(zones))]
            entries.append(run(day, distance, round(distance * 6), during=during, after=after, morning=morning))
    if draw(st.booleans()):
        day = start - dt.timedelta(days=draw(st.integers(3, 25)))
        distance = round(base * draw(st.floats(1.6, 3.0)), 1)
        entries.append(run(day, distance, round(distance * 6), type="race"))
    for offset in draw(st.lists(st.integers(0, 20), max_size=4, unique=True)):
        entries.append(run(start + dt.timedelta(days=offset), base, round(base * 6), during=6, after=5, morning=3))
    return entries


@st.composite
def runner(draw: st.DrawFn) -> tuple:
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    start = START + dt.timedelta(days=draw(st.sampled_from((0, 0, 0, 1, 2, 3, 4, 5, 6))))  # mostly Mondays (R52)
    prof = profile(
        start=start,
        weeks=draw(st.integers(4, 16)),
        units=draw(st.sampled_from(["km", "mi"])),
        availability={"run_days": days, **({"long_run_day": draw(st.sampled_from(days))} if draw(st.booleans()) else {})},
        baseline={"cadence": draw(st.integers(140, 190))} if draw(st.booleans()) else {},
        symptoms={"worst_pain_last_week": draw(pain), "usual_morning_pain": draw(st.integers(0, 3))},
        goal={"weekly_distance": draw(st.floats(5, 60).map(lambda x: round(x, 1)))},
        rules={"restart_continuous_fraction": draw(st.sampled_from((0.0, 0.0, 0.5)))},  # R43's option, off by default
    )
    runs = draw(st.one_of(st.lists(logged_run(), max_size=25), training_block(start),
                          st.tuples(training_block(start), st.lists(logged_run(), max_size=6)).map(lambda t: t[0] + t[1])))
    entries = runs + draw(st.lists(logged_lift(), max_size=6))
    return prof, TrainingLog.model_validate({"entries": entries})


def runs_of(plan: Plan) -> list:
    return [(d.date, s, w) for w in plan.weeks for d in w.days for s in d.sessions if s.kind in ("run", "walk_run")]


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _as_of(training: TrainingLog, plan: Plan) -> dt.date:
    """The last day the log covers inside the plan (the day before the start when it covers none)."""
    return max((e.date for e in training.entries if e.date >= plan.start), default=plan.start - dt.timedelta(days=1))


def _reds(prof: Profile, training: TrainingLog) -> list[dt.date]:
    rules = Settings(prof.rules)
    return sorted(e.date for e in training.entries if e.is_run and session_zone(e, prof.symptoms.morning_baseline, rules) == "red")


def check_build_runs_respect_the_single_run_cap(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R19/R40: the reference is the 30 days before the run that came before its week (no in-week ratchet)."""
    as_of = _as_of(training, plan)
    history = [(e.date, e.distance or 0) for e in training.entries if e.is_run and e.date <= as_of]
    cap = Settings(prof.rules).single_run_cap
    for day, session, week in runs_of(plan):
        window = [d for when, d in history if day - dt.timedelta(days=30) <= when < week.start]
        continuous_jog = session.kind == "run" and session.stage is not None  # ladder stages 10-12 (R19)
        if (week.phase != "walk_run" and session.stage is None or continuous_jog) and window:
            assert session.distance <= cap * max(window) + 1e-6
        if day > as_of:
            history.append((day, session.distance or 0))


LIGHT = ("deload", "taper", "recovery")


def _planned_week(week) -> bool:
    """A full, ordinary week whose running the plan set: not light, not red, not emptied by a red's wait (R26)."""
    swapped = any(s.kind == "cross_training" and "instead of" in s.title for d in week.days for s in d.sessions)
    return week.phase not in LIGHT and len(week.days) == 7 and week.zone != "red" and not swapped


def check_weekly_caps_in_the_build(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R20/R23a within each unbroken run of build weeks (a walk-run restart after Stage 0 starts a new one).

    A light week (deload, taper, recovery) is never a cap's reference: both caps read the last
    ordinary week, so a lighter week neither lifts the ceiling nor drags the next weeks down.
    Nor is a week with a red run, or one whose runs a red's wait swapped for cross-training (R26):
    R27 steps back from the last all-green week instead.
    """
    rules = Settings(prof.rules)
    blocks: list[list] = [[]]
    for week in plan.weeks:
        if week.phase in ("build", "intensity", "maintain", *LIGHT):
            blocks[-1].append(week)
        elif blocks[-1]:
            blocks.append([])
    for build in blocks:
        last_full = None
        for prev, week in zip(build, build[1:]):
            if _planned_week(prev):
                last_full = prev.running_distance
            if last_full is not None and week.phase not in LIGHT and week.zone is None:
                assert week.running_distance <= last_full * (1 + rules.weekly_increase_max) + 1e-6
        for i in range(2, len(build)):
            middle, third = build[i - 1], build[i]
            ordinary = [w for w in build[:i - 1] if _planned_week(w)]
            if middle.phase not in LIGHT and third.zone is None and ordinary:
                assert third.running_distance <= ordinary[-1].running_distance * (1 + rules.two_week_increase_max) + 1e-6


def check_walk_run_never_on_consecutive_days_and_at_most_three_a_week(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R13 while walk-running; once continuous, no more runs a week than the runner's own habit or 3 (R25, R39)."""
    walk_run = sorted(d for d, s, w in runs_of(plan) if w.phase == "walk_run")
    assert all((b - a).days >= 2 for a, b in zip(walk_run, walk_run[1:]))
    dates = sorted(d for d, _, _ in runs_of(plan))
    most = max(3, plan.baseline.runs_per_week or 0)
    for day in dates:
        assert sum(1 for d in dates if day <= d < day + dt.timedelta(days=7)) <= most


def check_frequency_is_kept_and_one_quality_run_a_week(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R39: an unlogged full build week has as many runs as the runner logged (up to their run days)."""
    logged, offered = plan.baseline.runs_per_week, len(prof.availability.run_days)
    reds = _reds(prof, training)
    for week in plan.weeks:
        runs = [s for d in week.days for s in d.sessions if s.kind in ("run", "walk_run")]
        assert sum(1 for s in runs if s.intensity not in (None, "easy")) <= 1
        near_red = any(0 <= (week.start - r).days <= 7 for r in reds)
        if logged and week.phase in ("build", "intensity", "maintain") and len(week.days) == 7 and week.zone is None and not near_red:
            assert len(runs) >= min(logged, offered)


def check_the_long_run_grows_at_most_ten_percent_a_week(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R40: a build run is at most long_run_increase_max above the last full week's longest run."""
    rise = Settings(prof.rules).long_run_increase_max
    as_of, last = _as_of(training, plan), None
    for week in plan.weeks:
        build = [s.distance or 0 for d in week.days for s in d.sessions if s.kind in ("run", "walk_run") and s.stage is None]
        if last and build and week.days[0].date > as_of:
            assert max(build) <= (1 + rise) * last + 1e-6
        if week.phase != "deload":  # what the knee did: the log on logged days, the plan after them
            done = [a.distance or 0 for d in week.days if d.date <= as_of for a in d.done if a.activity in ("run", "walk_run")]
            ahead = [s.distance or 0 for d in week.days if d.date > as_of for s in d.sessions if s.kind in ("run", "walk_run")]
            last = max(done + ahead, default=None)


def _monday_weeks(training: TrainingLog, start: dt.date) -> list[float]:
    monday = start - dt.timedelta(days=start.weekday())
    runs = [e for e in training.entries if e.is_run and e.date < monday]
    if not runs:
        return []
    last = (monday - max(e.date for e in runs)).days // 7 + 1
    return [sum(e.distance or 0 for e in runs if monday - dt.timedelta(days=7 * b) <= e.date < monday - dt.timedelta(days=7 * (b - 1)))
            for b in range(last + 3, last - 1, -1)]


def check_week_one_starts_from_ordinary_weeks(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R41: week 1 at most +weekly_increase_max on the larger of the last logged week and the 4-week mean;
    a race never lifts week 1's longest run above the cap of the runner's other runs."""
    weeks = _monday_weeks(training, plan.start)
    first = plan.weeks[0] if plan.weeks else None
    if first is None or first.phase == "walk_run" or not weeks or prof.baseline.pain_free_weekly_distance:
        return
    rules = Settings(prof.rules)
    if first.zone is None:
        assert first.running_distance <= (1 + rules.weekly_increase_max) * max(weeks[-1], sum(weeks) / 4) + 0.2
    window = [e for e in training.entries if e.is_run and 0 < (plan.start - e.date).days <= 30]
    ordinary = [e.distance or 0 for e in window if e.type != "race"]
    if ordinary and first.zone is None:
        assert first.longest_run <= rules.single_run_cap * max(ordinary) + 1e-6


def check_amber_is_a_hold_not_a_restart(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R42: continuous amber or green runs of 20+ min, no red in 2 weeks and no flare: never walk-run."""
    rules = Settings(prof.rules)
    recent = [e for e in training.entries if e.is_run and 0 < (plan.start - e.date).days <= 14]
    zones = [session_zone(e, prof.symptoms.morning_baseline, rules) for e in recent]
    long_ok = [e for e, z in zip(recent, zones) if z in ("green", "amber") and e.activity == "run" and (e.minutes or 0) >= 20]
    reds_28 = [e for e in training.entries if e.is_run and 0 < (plan.start - e.date).days <= 28 and
               session_zone(e, prof.symptoms.morning_baseline, rules) == "red"]
    calm = prof.symptoms.worst_pain_last_week < rules.red_pain_min and "red" not in zones and not reds_28
    if plan.status == "plan" and calm and len(long_ok) >= 2:
        assert plan.weeks[0].phase != "walk_run"


def _continuous_restart(plan: Plan) -> dict | None:
    """The facts of an R43 continuous restart, when the plan made one."""
    return next((r.facts for r in plan.reasons if r.rule == "R43" and r.facts.get("restart") == "continuous"), None)


def check_a_continuous_restart_is_earned_and_halved(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R43: continuous after a break only when it was short, the tests are passed and the knee is calm; week 1 at the share."""
    facts, rules = _continuous_restart(plan), Settings(prof.rules)
    if facts is None:
        return
    assert facts["break_days"] // 7 < rules.break_medium_weeks and rules.restart_continuous_fraction > 0
    assert prof.readiness.brisk_walk_30_min is True and prof.readiness.single_leg_hops_10 is True
    assert prof.symptoms.worst_pain_last_week <= rules.green_pain_max
    first = plan.weeks[0]
    if first.zone is None and len(first.days) == 7:
        assert first.running_distance <= rules.restart_continuous_fraction * facts["prior_weekly"] + 0.2


def check_restarts_scale_with_the_break(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R43: no run in 14 days starts on the walk-run ladder (or continuous, when earned), at stage 1 after a break over break_long_weeks."""
    rules = Settings(prof.rules)
    before = [e.date for e in training.entries if e.is_run and e.date < plan.start]
    runs = runs_of(plan)
    if plan.status != "plan" or not runs or any(0 < (plan.start - d).days <= 14 for d in before) or _continuous_restart(plan):
        return
    _, first, _ = runs[0]
    if prof.symptoms.worst_pain_last_week >= rules.red_pain_min or len(_reds(prof, training)) >= 2:
        return
    assert first.stage is not None and first.stage <= max(rules.restart_stage_short, 9)
    if before and (plan.start - max(before)).days // 7 > rules.break_long_weeks and runs[0][0] < _as_of(training, plan) + dt.timedelta(days=1):
        assert first.stage == 1


def check_three_reds_in_two_weeks_stop_running(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R44 (and R45 for reds before the start): three reds within 14 days -> no run for stage0_days, a review."""
    rules = Settings(prof.rules)
    reds = [d for d in _reds(prof, training) if (plan.start - d).days <= 14]
    if plan.status == "referral":
        return
    for i in range(len(reds) - int(rules.stage0_reds) + 1):
        window = reds[i:i + int(rules.stage0_reds)]
        if (window[-1] - window[0]).days < 14:
            assert plan.clinician_review
            since = max(window[-1], plan.start - dt.timedelta(days=1))
            planned = [d for d, _, _ in runs_of(plan) if d > max(since, _as_of(training, plan))]
            assert not planned or (planned[0] - since).days >= rules.stage0_days
            return


def check_reds_before_the_start_recommend_a_review(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R45/R29: a red run in the 4 weeks before the start, or two reds within 14 days anywhere -> clinician review."""
    if plan.status == "referral":
        return
    reds = _reds(prof, training)
    before = [d for d in reds if 0 < (plan.start - d).days <= 28]
    paired = any((b - a).days < 14 for a, b in zip(reds, reds[1:]) if (plan.start - a).days <= 14)
    if before or paired:
        assert plan.clinician_review


def check_weekdays_are_the_runners(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R52: runs only on run_days; week 1 runs from the start to Sunday, later weeks Monday to Sunday."""
    allowed = {WEEKDAYS.index(d) for d in prof.availability.run_days}
    assert all(d.weekday() in allowed for d, _, _ in runs_of(plan))
    for week in plan.weeks:
        assert week.days[-1].date.weekday() == 6 and len(week.days) == 7 - week.start.weekday()
        assert week.number == 1 or week.start.weekday() == 0
    if plan.weeks:
        assert plan.weeks[0].start == plan.start


def check_every_week_and_session_says_why(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """Observation 12: every week and every session carries at least one reason with a source."""
    for week in plan.weeks:
        assert week.reasons and all(r.source for r in week.reasons)
        assert all(s.reasons for d in week.days for s in d.sessions)


def check_cadence_targets_stay_within_five_to_ten_percent(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R34 and R48: +5% then at most +10%; nothing at all for a runner at cadence_no_change_min or above."""
    base = plan.baseline.cadence
    targets = [w.cadence_target for w in plan.weeks if w.cadence_target is not None]
    if base is None or base >= Settings(prof.rules).cadence_no_change_min:
        assert targets == []
    elif targets:
        assert targets[0] <= round(base * 1.05)
        assert all(round(base * 1.05) <= t <= round(base * 1.10) for t in targets)


def check_deload_weeks_are_at_least_twenty_percent_lighter(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """R23 against the weeks the plan set (a red's wait is no peak to deload from)."""
    cut = Settings(prof.rules).deload_cut
    for i, week in enumerate(plan.weeks):
        previous = [w.running_distance for w in plan.weeks[max(0, i - 3):i] if _planned_week(w)]
        if week.phase == "deload" and previous:
            assert week.running_distance <= (1 - cut) * max(previous) + 1e-6


def check_every_session_is_monitored_and_the_text_never_prescribes_passive_care(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    for w in plan.weeks:
        for d in w.days:
            for s in d.sessions:
                if s.kind in ("run", "walk_run", "strength", "cross_training"):
                    assert s.pain_prompts == ["during", "after_60_min", "next_morning"]
    assert not FORBIDDEN.search(plan.model_dump_json())
    assert not re.search(r"fore ?foot|mid ?foot|heel strik", plan.model_dump_json(), re.I)


def check_no_recent_run_means_a_gentle_walk_run_restart(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    recent = [e for e in training.entries if e.is_run and 0 < (plan.start - e.date).days <= 14]
    runs = runs_of(plan)
    if not recent and runs and not _continuous_restart(plan):  # invariant 11, and R43's continuous option checked above
        _, first, _ = runs[0]
        assert first.stage is not None and first.stage <= 9


def check_intensity_never_in_the_walk_run_phase(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    for _, session, week in runs_of(plan):
        if session.intensity not in (None, "easy"):
            assert week.phase == "intensity"


def check_a_red_run_is_followed_by_at_least_the_wait(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """Invariant 7: after a logged red run inside the plan, no run is planned within the wait (R26)."""
    rules = Settings(prof.rules)
    planned = sorted(d for d, _, _ in runs_of(plan))
    for entry in training.entries:
        if entry.is_run and entry.date >= plan.start and session_zone(entry, prof.symptoms.morning_baseline, rules) == "red":
            later = [d for d in planned if d > entry.date]
            assert not later or (later[0] - entry.date).days >= math.ceil(rules.red_wait_hours / 24)


def check_strength_sessions_are_dosed_as_the_rules_say(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    for week in plan.weeks:
        days = [d.date for d in week.days if any(s.kind == "strength" for s in d.sessions)]
        assert len(days) <= 3 and all((b - a).days >= 2 for a, b in zip(days, days[1:]))
        assert len(days) >= 2 or len(week.days) < 7  # a short first week holds only its own days (R52)
        for session in (s for d in week.days for s in d.sessions if s.kind == "strength"):
            assert 4 <= len(session.exercises) <= 6  # R51: sessions hold 4-6 exercises
            assert all(e.reps is None or 8 <= e.reps <= 12 for e in session.exercises)
            assert all(1 <= (e.step or 0) <= 4 for e in session.exercises)


PAIN_RECORD = re.compile(r"\b(pain|green|amber|red|swell\w*|limp\w*)\b|next morning|\bage \d", re.I)


def check_reasons_that_tell_the_runners_health_are_marked_private(prof: Profile, training: TrainingLog, plan: Plan) -> None:
    """A published plan drops what the planner marks private: anything in data about pain or health must be marked."""
    reasons = [*plan.reasons, *plan.baseline.reasons, *(r for w in plan.weeks for r in w.reasons),
               *(r for w in plan.weeks for d in w.days for s in d.sessions for r in s.reasons)]
    assert [(r.rule, r.data) for r in reasons if PAIN_RECORD.search(r.data) and not r.private] == []


CHECKS: list[Callable[[Profile, TrainingLog, Plan], None]] = [
    check for name, check in sorted(globals().items()) if name.startswith("check_")
]


@FAST
@given(case=runner())
def test_invariants(library, case) -> None:
    """Every invariant on every generated runner: one plan per example keeps the run fast (the failing check names itself)."""
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    for check in CHECKS:
        check(prof, training, plan)


def test_every_invariant_can_fail(library) -> None:
    """A plan that breaks the rules on purpose is caught: the checks are not vacuous."""
    prof = profile(availability={"run_days": ["mon", "tue", "wed"]}, baseline={"cadence": 186})
    training = TrainingLog.model_validate({"entries": [run(START - dt.timedelta(days=d), 5.0, 30) for d in (3, 5, 8, 10)]})
    plan = make_plan(prof, training, library, "p")
    week = plan.weeks[1]
    broken = week.model_copy(update={"cadence_target": 200, "reasons": [],
                                     "days": [d.model_copy(update={"sessions": [s.model_copy(update={"distance": 99.0, "intensity": "tempo"})
                                                                                for s in d.sessions]}) for d in week.days]})
    bad = plan.model_copy(update={"weeks": [plan.weeks[0], broken, *plan.weeks[2:]]})
    for check in (check_build_runs_respect_the_single_run_cap, check_cadence_targets_stay_within_five_to_ten_percent,
                  check_every_week_and_session_says_why, check_frequency_is_kept_and_one_quality_run_a_week,
                  check_the_long_run_grows_at_most_ten_percent_a_week):
        with pytest.raises(AssertionError):
            check(prof, training, bad)


# More cases than the everyday run (test_invariants checks the same invariants at 150 runners), on request only,
# so the suite stays one Hypothesis run per invariant set: `PLANGEN_SLOW_EXAMPLES=20000 python -m pytest -m slow tests/test_properties.py`.
@pytest.mark.slow
@pytest.mark.skipif("PLANGEN_SLOW_EXAMPLES" not in os.environ, reason="set PLANGEN_SLOW_EXAMPLES=N to check the invariants on N runners")
@settings(max_examples=int(os.environ.get("PLANGEN_SLOW_EXAMPLES", "1500")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(case=runner())
def test_every_invariant_over_many_runners(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    for check in CHECKS:
        check(prof, training, plan)


@settings(max_examples=60, deadline=None)
@given(runner())
def test_the_plan_is_deterministic(library, case) -> None:
    prof, training = case
    first = make_plan(prof, training, library, "p").model_dump_json()
    assert first == make_plan(prof, training, library, "p").model_dump_json()


def _entry_rank(plan: Plan) -> int:
    """How far up the plan starts: 0 no running, 1-12 the walk-run stage, 13 continuous running."""
    runs = [s for s in (s for d in plan.weeks[0].days for s in d.sessions) if s.kind in ("run", "walk_run")] if plan.weeks else []
    return 0 if not runs else (runs[0].stage or 13)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runner(), st.integers(1, 10))
def test_a_longer_break_never_starts_higher(library, case, weeks) -> None:
    """R43: the same pain-free history, moved further back before the start, never enters the plan higher."""
    prof, training = case
    rules = Settings(prof.rules)
    before = [e for e in training.entries if e.date < prof.start and not (
        e.is_run and session_zone(e, prof.symptoms.morning_baseline, rules) == "red")]
    older = [e.model_copy(update={"date": e.date - dt.timedelta(weeks=weeks)}) for e in before]
    now = make_plan(prof, TrainingLog(entries=tuple(before)), library, "p")
    later = make_plan(prof, TrainingLog(entries=tuple(older)), library, "p")
    assert _entry_rank(later) <= _entry_rank(now)


STATUS_RANK = {"plan": 0, "no_running": 1, "referral": 2}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runner(), st.integers(1, 4))
def test_more_pain_never_means_more_running(library, case, extra) -> None:
    """The same runner and log with every pain score higher never gets a bigger or earlier load."""
    prof, training = case
    worse = TrainingLog.model_validate({"entries": [_hurt(e.model_dump(), extra) for e in training.entries]})
    calm, sore = make_plan(prof, training, library, "p"), make_plan(prof, worse, library, "p")
    assert calm.baseline.weekly_distance >= sore.baseline.weekly_distance
    assert STATUS_RANK[calm.status] <= STATUS_RANK[sore.status]
    for calm_week, sore_week in zip(calm.weeks, sore.weeks):  # never further up the walk-run ladder
        if calm_week.phase in ("walk_run", "no_running"):
            assert sore_week.phase in ("walk_run", "no_running")
            assert (sore_week.stage or 0) <= (calm_week.stage or 0) or sore_week.phase == "no_running"
    assert _first_continuous(sore) >= _first_continuous(calm)
    # Invariant 25 asks W_B(n) <= W_A(n) week by week. A runner further along reaches a deload
    # week sooner, so single weeks can cross. Running to date never does, also when the calm
    # runner holds at a small goal: the walk-run ladder stops at the same goal (R47).
    # Two limits of the rules themselves, reported on issue 12: R40 read literally (once the calm
    # runner's log shows a week run shorter than planned, their long run grows from what was run),
    # and the section 2 ladder's continuous stages (20-30 min runs), which can outgrow a calm
    # runner's R20 build from a low start; a ladder restart is bound by neither.
    calm_total = sore_total = 0.0
    for calm_week, sore_week in zip(calm.weeks, sore.weeks):
        ladder_top = sore_week.phase == "walk_run" and (sore_week.stage or 0) >= CONTINUOUS_STAGE
        if _ran_short(calm_week) or (ladder_top and calm_week.phase not in ("walk_run", "no_running")):
            break
        calm_total, sore_total = calm_total + calm_week.running_distance, sore_total + sore_week.running_distance
        assert sore_total <= calm_total + 1e-6


CONTINUOUS_STAGE = 10  # the first walk-run stage without walk breaks (clinical-rules.md section 2)


def _ran_short(week) -> bool:
    """The log shows this week run shorter than planned (R40 then reads the shorter week)."""
    done = sum(a.distance or 0 for d in week.days for a in d.done if a.activity in ("run", "walk_run"))
    return week.zone is not None and done < week.running_distance - 0.05


def _first_continuous(plan: Plan) -> int:
    """The week continuous running starts (after the plan's end when it never does)."""
    return next((w.number for w in plan.weeks if w.phase not in ("walk_run", "no_running")), len(plan.weeks) + 1)


def _hurt(entry: dict, extra: int) -> dict:
    pain = {k: (min(10, v + extra) if v is not None else None) for k, v in entry["pain"].items()}
    return {**entry, "pain": pain}


def test_red_flags_block_every_run(library) -> None:
    for flag in ("swelling", "locking", "giving_way", "recent_trauma", "night_pain", "feeling_unwell"):
        plan = make_plan(profile(screening={flag: True}), TrainingLog(), library, "p")
        assert plan.status == "referral" and not runs_of(plan)
        assert json.loads(plan.model_dump_json())["referral"]["reasons"]
