"""Invariants for events and goals (R46, R47), no-running plans (R49) and strength choice (R50, R51) over generated runners."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import profile, run
from plangen.document.plan import Plan
from plangen.planner import make_plan
from plangen.planner.progress import AT_GOAL
from plangen.planner.strength import HOUSEHOLD
from plangen.planner.volume import INTENSITY_STEPS
from plangen.rules import Settings
from plangen.sources.models import WEEKDAYS, TrainingLog

START = dt.date(2026, 12, 7)
RULES = Settings()
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
KITS = ("band", "step", "dumbbells", "leg_press", "bench", "foam_roller")
AGGRAVATORS = ("stairs", "squatting", "kneeling", "jumping", "downhill")


@st.composite
def steady_log(draw: st.DrawFn) -> TrainingLog:
    """Four weeks of 1-4 runs a week, mostly green, with the odd amber run."""
    offsets = draw(st.lists(st.sampled_from((0, 2, 4, 5)), min_size=1, max_size=4, unique=True))
    entries = []
    for back in range(4, 0, -1):
        monday = START - dt.timedelta(days=7 * back)
        for offset in offsets:
            distance = draw(st.floats(3.0, 12.0).map(lambda x: round(x, 1)))
            entries.append(run(monday + dt.timedelta(days=offset), distance, round(distance * 6), during=draw(st.sampled_from((0, 1, 2, 3)))))
    return TrainingLog.model_validate({"entries": entries})


@st.composite
def racer(draw: st.DrawFn) -> tuple:
    weeks = draw(st.integers(4, 12))
    event = {"name": "Test race", "date": START + dt.timedelta(days=draw(st.integers(3, 7 * weeks + 60))),
             "distance": draw(st.sampled_from((5.0, 10.0, 21.1)))}
    prof = profile(weeks=weeks, availability={"run_days": draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))},
                   goal={"weekly_distance": draw(st.floats(10, 50).map(lambda x: round(x, 1))), "event": event})
    return prof, draw(steady_log())


@st.composite
def lifter(draw: st.DrawFn) -> tuple:
    symptoms = {"worst_pain_last_week": 2, "pain_at_rest": draw(st.integers(0, 5)), "usual_morning_pain": 0,
                "aggravators": draw(st.lists(st.sampled_from(AGGRAVATORS), max_size=3, unique=True))}
    readiness = {"brisk_walk_30_min": True, "single_leg_hops_10": draw(st.booleans())}
    prof = profile(weeks=4, symptoms=symptoms, readiness=readiness,
                   equipment=draw(st.lists(st.sampled_from(KITS), max_size=4, unique=True)))
    return prof, draw(steady_log())


def runs_in(plan: Plan, first: dt.date, last: dt.date) -> list:
    return [s for w in plan.weeks for d in w.days if first <= d.date <= last for s in d.sessions if s.kind in ("run", "walk_run")]


def running_minutes(session: Any) -> float:
    """A walk-run's running minutes; a continuous run's whole time."""
    if session.stage is not None and session.intervals is not None:
        return session.intervals.run_min * session.intervals.repeats
    return session.duration_min or 0


def check_race_week(plan: Plan) -> None:
    event = plan.event
    if event is None or event.taper_week is None:
        return
    index = event.taper_week - 1
    race_week = plan.weeks[index]
    if index > 0:
        before = plan.weeks[index - 1].running_distance
        assert race_week.running_distance <= max(RULES.taper_volume_max * before, event.longest_safe) + 1e-6
    near = runs_in(plan, event.date - dt.timedelta(days=RULES.taper_days), event.date - dt.timedelta(days=1))
    assert all(running_minutes(s) <= RULES.taper_easy_min and s.intensity == "easy" for s in near)
    race = runs_in(plan, event.date, event.date)
    assert all(s.stop_rule and (s.distance or 0) <= event.longest_safe + 1e-6 for s in race)
    if event.recovery_week is not None:
        assert all(s.intensity == "easy" for s in runs_in(plan, event.date, event.date + dt.timedelta(days=7)))


def check_event_account(plan: Plan) -> None:
    event = plan.event
    assert event is not None and event.stop_rule
    assert event.reachable == (event.longest_safe + 1e-9 >= event.distance) or not event.in_plan or event.taper_week is None
    if not event.reachable:
        assert event.options and event.safe_option == event.options[0]
    lock = dt.timedelta(weeks=RULES.event_intensity_lock_weeks)
    for week in plan.weeks:
        if week.start <= event.date < week.start + lock:
            assert week.change not in INTENSITY_STEPS


def check_goal(plan: Plan) -> None:
    goal = plan.goal
    assert goal is not None and goal.after and goal.reasons[0].rule == "R47"
    if goal.reached_week is not None and not goal.beyond_plan:
        assert plan.weeks[goal.reached_week - 1].running_distance >= AT_GOAL * (goal.weekly_distance or 0)
    if goal.beyond_plan:
        assert goal.reached_week > len(plan.weeks)


@FAST
@given(racer())
def test_events_taper_and_goals_are_stated(library: Any, case: tuple) -> None:
    """R46, R47 over runners with an event anywhere from the first week to two months after the plan."""
    prof, training = case
    plan = make_plan(prof, training, library, "prop")
    for check in (check_race_week, check_event_account, check_goal):
        check(plan)


def check_no_running_is_active(plan: Plan) -> None:
    if plan.status != "no_running":
        return
    for week in plan.weeks:
        cardio = [s for d in week.days for s in d.sessions if s.kind == "cross_training"]
        assert week.phase == "no_running" and week.cadence_target is None and week.retests
        assert not [s for d in week.days for s in d.sessions if s.kind in ("run", "walk_run")]
        assert sum(s.duration_min or 0 for s in cardio) >= RULES.no_running_cardio_min and len(cardio) >= 2


def check_strength_fits_the_runner(plan: Plan, library: Any, kit: set[str], avoid: set[str]) -> None:
    for week in plan.weeks:
        for session in (s for d in week.days for s in d.sessions if s.kind == "strength"):
            cards = [library[e.id] for e in session.exercises]
            assert 4 <= len(cards) <= 6 and session.duration_min <= RULES.strength_session_max_min
            assert any({"hip_abductor", "hip_external_rotator"} & set(c.roles) for c in cards)
            assert any("knee_extensor" in c.roles for c in cards)
            assert all(set(c.equipment) <= kit | HOUSEHOLD for c in cards)
            # R32: no dose step whose extra kit (a weight, a step) the runner lacks; a kettlebell serves as a weight
            weights = {"dumbbells"} if "kettlebell" in kit else set()
            assert all(set(library[e.id].dose(e.step).needs) <= kit | HOUSEHOLD | weights for e in session.exercises)
            assert not any(set(c.aggravators) & avoid for c in cards)


def check_irritable_knees_start_with_holds(plan: Plan, library: Any, rest_pain: int) -> None:
    if rest_pain < RULES.irritable_rest_pain:
        return
    first = [s for d in plan.weeks[0].days for s in d.sessions if s.kind == "strength"]
    assert all(any(library[e.id].movement == "knee_hold" for e in s.exercises) for s in first)


@FAST
@given(lifter())
def test_no_running_plans_stay_active_and_strength_follows_the_runner(library: Any, case: tuple) -> None:
    """R49, R50, R51 over runners with any kit, aggravators, rest pain and readiness."""
    prof, training = case
    plan = make_plan(prof, training, library, "prop")
    avoid = {"stairs": {"stairs"}, "squatting": {"squatting", "deep_knee_bend"}}
    shunned = set().union(*(avoid.get(a, {a}) for a in prof.symptoms.aggravators))
    check_no_running_is_active(plan)
    check_strength_fits_the_runner(plan, library, set(prof.equipment), shunned)
    if plan.status != "referral" and prof.symptoms.pain_at_rest < RULES.rest_pain_gate:
        check_irritable_knees_start_with_holds(plan, library, prof.symptoms.pain_at_rest)
