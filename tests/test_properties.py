"""Planner invariants (clinical-rules.md section 5) over generated runners and logs."""

from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import profile, run
from plangen.inputs import WEEKDAYS, TrainingLog
from plangen.plan import Plan
from plangen.planner import make_plan
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


@st.composite
def runner(draw: st.DrawFn) -> tuple:
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    prof = profile(
        weeks=draw(st.integers(4, 16)),
        units=draw(st.sampled_from(["km", "mi"])),
        availability={"run_days": days},
        baseline={"cadence": draw(st.integers(140, 185))} if draw(st.booleans()) else {},
        symptoms={"worst_pain_last_week": draw(pain), "usual_morning_pain": draw(st.integers(0, 3))},
        goal={"weekly_distance": draw(st.floats(5, 60).map(lambda x: round(x, 1)))},
    )
    entries = draw(st.lists(logged_run(), max_size=25))
    return prof, TrainingLog.model_validate({"entries": entries})


def runs_of(plan: Plan) -> list:
    return [(d.date, s, w) for w in plan.weeks for d in w.days for s in d.sessions if s.kind in ("run", "walk_run")]


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(runner())
def test_build_runs_respect_the_single_run_cap(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    history = [(e.date, e.distance or 0) for e in training.entries if e.is_run and e.date < START]
    cap = Settings(prof.rules).single_run_cap
    for day, session, week in runs_of(plan):
        window = [d for when, d in history if day - dt.timedelta(days=30) <= when < day]
        if week.phase != "walk_run" and session.stage is None and window:
            assert session.distance <= cap * max(window) + 1e-6
        history.append((day, session.distance or 0))


@FAST
@given(runner())
def test_weekly_caps_in_the_build(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    build = [w for w in plan.weeks if w.phase in ("build", "deload", "intensity", "maintain")]
    last_full = None
    for prev, week in zip(build, build[1:]):
        if prev.phase != "deload":
            last_full = prev.running_distance
        if last_full is not None and week.phase != "deload" and week.zone is None:
            assert week.running_distance <= last_full * 1.10 + 1e-6
    for first, _, third in zip(build, build[1:], build[2:]):
        if build[build.index(first) + 1].phase != "deload" and third.zone is None:
            assert third.running_distance <= first.running_distance * 1.30 + 1e-6


@FAST
@given(runner())
def test_runs_never_on_consecutive_days_and_at_most_three_a_week(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    dates = sorted(d for d, _, _ in runs_of(plan))
    assert all((b - a).days >= 2 for a, b in zip(dates, dates[1:]))
    for day in dates:
        assert sum(1 for d in dates if day <= d < day + dt.timedelta(days=7)) <= 3


@FAST
@given(runner())
def test_cadence_targets_stay_within_five_to_ten_percent(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    base = plan.baseline.cadence
    targets = [w.cadence_target for w in plan.weeks if w.cadence_target is not None]
    if base is None:
        assert targets == []
    elif targets:
        assert targets[0] <= round(base * 1.05)
        assert all(round(base * 1.05) <= t <= round(base * 1.10) for t in targets)


@FAST
@given(runner())
def test_deload_weeks_are_at_least_twenty_percent_lighter(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    for i, week in enumerate(plan.weeks):
        if week.phase == "deload":
            previous = [w.running_distance for w in plan.weeks[max(0, i - 3):i]]
            assert week.running_distance <= 0.80 * max(previous) + 1e-6


@FAST
@given(runner())
def test_every_session_is_monitored_and_the_text_never_prescribes_passive_care(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    for w in plan.weeks:
        for d in w.days:
            for s in d.sessions:
                if s.kind in ("run", "walk_run", "strength", "cross_training"):
                    assert s.pain_prompts == ["during", "after_60_min", "next_morning"]
    assert not FORBIDDEN.search(plan.model_dump_json())
    assert not re.search(r"fore ?foot|mid ?foot|heel strik", plan.model_dump_json(), re.I)


@FAST
@given(runner())
def test_no_recent_run_means_a_gentle_walk_run_restart(library, case) -> None:
    prof, training = case
    recent = [e for e in training.entries if e.is_run and 0 < (START - e.date).days <= 14]
    plan = make_plan(prof, training, library, "p")
    runs = runs_of(plan)
    if not recent and runs:
        _, first, _ = runs[0]
        assert first.stage is not None and first.stage <= 9


@FAST
@given(runner())
def test_intensity_never_in_the_walk_run_phase(library, case) -> None:
    prof, training = case
    plan = make_plan(prof, training, library, "p")
    for _, session, week in runs_of(plan):
        if session.intensity not in (None, "easy"):
            assert week.phase == "intensity"


@settings(max_examples=60, deadline=None)
@given(runner())
def test_the_plan_is_deterministic(library, case) -> None:
    prof, training = case
    first = make_plan(prof, training, library, "p").model_dump_json()
    assert first == make_plan(prof, training, library, "p").model_dump_json()


@settings(max_examples=100, deadline=None)
@given(runner(), st.integers(0, 4))
def test_more_pain_never_means_more_running(library, case, extra) -> None:
    prof, training = case
    worse = TrainingLog.model_validate({"entries": [_hurt(e.model_dump(), extra) for e in training.entries]})
    calm, sore = make_plan(prof, training, library, "p"), make_plan(prof, worse, library, "p")
    assert calm.baseline.weekly_distance >= sore.baseline.weekly_distance
    assert (calm.status == "referral") <= (sore.status == "referral")
    calm_runs = {d: s for d, s, _ in runs_of(calm)}
    for day, session, week in runs_of(sore):
        if week.phase == "walk_run" and day in calm_runs and calm_runs[day].stage is not None and day < START + dt.timedelta(days=1):
            assert session.stage <= calm_runs[day].stage


def _hurt(entry: dict, extra: int) -> dict:
    pain = {k: (min(10, v + extra) if v is not None else None) for k, v in entry["pain"].items()}
    return {**entry, "pain": pain}


def test_red_flags_block_every_run(library) -> None:
    for flag in ("swelling", "locking", "giving_way", "recent_trauma", "night_pain", "feeling_unwell"):
        plan = make_plan(profile(screening={flag: True}), TrainingLog(), library, "p")
        assert plan.status == "referral" and not runs_of(plan)
        assert json.loads(plan.model_dump_json())["referral"]["reasons"]
