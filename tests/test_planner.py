"""Worked examples of the planner's rules (clinical-rules.md), one behaviour per test."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import log, profile, run, steady_log
from plangen.document.plan import Plan

START = dt.date(2026, 12, 7)


def runs_of(plan: Plan) -> list:
    return [(d.date, s) for w in plan.weeks for d in w.days for s in d.sessions if s.kind in ("run", "walk_run")]


def test_pain_free_runner_builds_in_small_steps_with_deloads(plan_of) -> None:
    plan = plan_of(profile(weeks=10), steady_log(START, distance=5.0))
    assert plan.status == "plan"
    assert plan.weeks[0].phase == "build"
    assert plan.baseline.weekly_distance == 15.0
    volumes = [w.running_distance for w in plan.weeks]
    assert volumes[0] <= 15.0
    assert plan.weeks[3].phase == "deload" and plan.weeks[7].phase == "deload"
    assert volumes[3] <= 0.8 * max(volumes[:3]) + 1e-9
    assert volumes[4] <= volumes[2]  # R23a: back to the week before the deload, no higher
    for before, after in zip(volumes, volumes[1:]):
        assert after <= before * 1.10 + 1e-9 or after <= max(volumes[: volumes.index(before) + 1]) * 1.10


def test_first_build_week_changes_only_the_cadence(plan_of) -> None:
    plan = plan_of(profile(), steady_log(START))
    first, second = plan.weeks[0], plan.weeks[1]
    assert first.change == "cadence step 1" and first.cadence_target == 168  # 160 + 5%
    assert second.change == "volume" and second.cadence_target == 168


def test_no_cadence_target_without_a_baseline(plan_of) -> None:
    plan = plan_of(profile(baseline={}), steady_log(START))
    assert all(w.cadence_target is None for w in plan.weeks)
    assert any("Count your steps" in f for f in plan.weeks[0].focus)


def test_cadence_never_exceeds_ten_percent(plan_of) -> None:
    plan = plan_of(profile(weeks=16), steady_log(START))
    targets = {w.cadence_target for w in plan.weeks} - {None}
    assert targets and max(targets) <= round(160 * 1.10) and 180 not in targets


def test_long_break_restarts_with_walk_run_of_at_most_20_minutes(plan_of) -> None:
    old = steady_log(START - dt.timedelta(days=21), weeks=3)
    plan = plan_of(profile(), old)
    first_day, first = runs_of(plan)[0]
    assert plan.weeks[0].phase == "walk_run"
    assert first.kind == "walk_run" and first.intervals is not None
    assert first.intervals.run_min * first.intervals.repeats <= 20
    assert any(r.rule == "R17" for r in plan.reasons)


def test_walk_run_runs_never_on_consecutive_days(plan_of) -> None:
    plan = plan_of(profile(availability={"run_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}))
    dates = [d for d, _ in runs_of(plan)]
    assert all((b - a).days >= 2 for a, b in zip(dates, dates[1:]))


@pytest.mark.parametrize(
    ("screening", "urgency"),
    [({"locking": True}, "today"), ({"cannot_bear_weight": True}, "today"), ({"giving_way": True}, "days"),
     ({"night_pain": True}, "days"), ({"recent_trauma": True, "swelling": True}, "today")],
)
def test_red_flags_give_a_referral_and_no_plan(plan_of, screening: dict, urgency: str) -> None:
    plan = plan_of(profile(screening=screening), steady_log(START))
    assert plan.status == "referral" and plan.weeks == []
    assert plan.referral is not None and plan.referral.urgency == urgency


@pytest.mark.parametrize("symptoms", [{"pain_at_rest": 4}, {"worst_daily_pain": 7}])
def test_severe_pain_gives_strength_and_cross_training_only(plan_of, symptoms: dict) -> None:
    plan = plan_of(profile(symptoms=symptoms), steady_log(START))
    assert plan.status == "no_running" and runs_of(plan) == []
    kinds = {s.kind for w in plan.weeks for d in w.days for s in d.sessions}
    assert {"strength", "cross_training"} <= kinds
    assert plan.clinician_review


def test_readiness_test_failed_means_no_running(plan_of) -> None:
    plan = plan_of(profile(readiness={"brisk_walk_30_min": False}), steady_log(START))
    assert plan.status == "no_running" and runs_of(plan) == []


def test_not_improving_holds_volume(plan_of) -> None:
    plan = plan_of(profile(screening={"not_improving_6_weeks": True}), steady_log(START))
    build = [w.running_distance for w in plan.weeks if w.phase in ("build", "maintain")]
    assert max(build) <= build[0] + 1e-9
    assert plan.clinician_review


def test_runner_with_some_pain_starts_at_the_matching_walk_run_stage(plan_of) -> None:
    entries = [run(START - dt.timedelta(days=d), 3.0, 16, during=2, morning=0) for d in (3, 6)]
    entries.append(run(START - dt.timedelta(days=10), 5.0, 30, during=4, after=4, morning=1))
    plan = plan_of(profile(), log(*entries))
    assert plan.weeks[0].phase == "walk_run"
    # half of the 16-minute pain-free run is 8 min: stage 9 jogs 4.5 min a bout, stage 10 jogs 20
    assert plan.weeks[0].stage == 9


def test_missing_next_morning_pain_never_advances_a_stage(plan_of) -> None:
    start_entries = [run(START - dt.timedelta(days=d), 2.0, 10, morning=0) for d in (3, 6)]
    inside = [run(START + dt.timedelta(days=d), 1.0, 6, morning=None) for d in (0, 2, 5, 7, 9, 12)]
    plan = plan_of(profile(), log(*start_entries, *inside))
    stages = [s.stage for _, s in runs_of(plan)[:7]]
    assert len(set(stages[:7])) == 1  # six unscored sessions, then the plan: still the entry stage


def test_a_walk_run_week_names_its_stage_step_as_the_one_change(plan_of) -> None:
    fresh = plan_of(profile(), steady_log(START - dt.timedelta(days=21), weeks=3))
    assert fresh.weeks[0].change == "stage"  # a stage up after two green sessions
    start_entries = [run(START - dt.timedelta(days=d), 2.0, 10, morning=0) for d in (3, 6)]
    unscored = [run(START + dt.timedelta(days=d), 1.0, 6, morning=None) for d in (0, 2, 5, 7, 9, 12)]
    held = plan_of(profile(), log(*start_entries, *unscored))
    assert held.weeks[0].phase == "walk_run" and held.weeks[0].change is None  # no green session: nothing changes


def flare_log(red_day: int) -> list:
    base = steady_log(START).entries
    inside = [run(START + dt.timedelta(days=d), 4.0, 24) for d in (0, 2, 5, 7, 9)]
    inside.append(run(START + dt.timedelta(days=red_day), 4.0, 24, during=6, after=6, morning=3))
    return [e.model_dump() for e in base] + inside


def test_a_logged_flare_up_changes_the_rest_of_the_plan(plan_of) -> None:
    calm = plan_of(profile(), steady_log(START))
    flared = plan_of(profile(), log(*flare_log(red_day=12)))
    assert flared.weeks[1].zone == "red"
    # R26: no run for 48 h after the red session; the run days inside it become cross-training
    after_red = [s for d, s in runs_of(flared) if START + dt.timedelta(days=12) < d < START + dt.timedelta(days=14)]
    assert after_red == []
    week3 = flared.weeks[2]
    assert week3.running_distance < calm.weeks[2].running_distance
    assert week3.running_distance <= 0.9 * flared.weeks[1].running_distance + 1e-9
    assert any(r.rule == "R27" for r in week3.reasons)
    assert all(s.kind == "walk_run" for d in week3.days for s in d.sessions if s.kind in ("run", "walk_run"))


def test_two_reds_in_two_weeks_recommend_a_clinician(plan_of) -> None:
    entries = flare_log(red_day=12)
    entries.append(run(START + dt.timedelta(days=16), 3.0, 20, during=6, after=5, morning=3))
    plan = plan_of(profile(), log(*entries))
    assert any("clinician" in r for r in plan.clinician_review)


def test_past_days_show_what_was_done(plan_of) -> None:
    plan = plan_of(profile(), log(*flare_log(red_day=12)))
    monday = plan.weeks[0].days[0]
    assert monday.done and monday.done[0].distance == 4.0 and monday.done[0].zone == "green"
    assert plan.weeks[3].days[0].done == []


def test_strength_two_or_three_times_a_week_with_hip_and_knee_work(plan_of, library) -> None:
    plan = plan_of(profile(), steady_log(START))
    for week in plan.weeks:
        days = [d.date for d in week.days if any(s.kind == "strength" for s in d.sessions)]
        assert 2 <= len(days) <= 3
        assert all((b - a).days >= 2 for a, b in zip(days, days[1:]))
        for day in week.days:
            for s in (s for s in day.sessions if s.kind == "strength"):
                roles = [set(library[e.id].roles) for e in s.exercises]
                assert 3 <= len(s.exercises) <= 6  # R51 (was R31's 3-4): sessions hold 4-6 exercises
                assert any(r & {"hip_abductor", "hip_external_rotator"} for r in roles)
                assert any("knee_extensor" in r for r in roles)
                assert all(8 <= (e.reps or 0) <= 12 for e in s.exercises)


def test_strength_avoids_the_runners_aggravators(plan_of, library) -> None:
    prof = profile(symptoms={"aggravators": ["stairs", "squatting"]})
    plan = plan_of(prof, steady_log(START))
    used = {e.id for w in plan.weeks for d in w.days for s in d.sessions if s.kind == "strength" for e in s.exercises}
    assert not any({"stairs", "squatting", "deep_knee_bend"} & set(library[i].aggravators) for i in used)


def test_miles_plan_in_miles(plan_of) -> None:
    plan = plan_of(profile(units="mi", goal={"weekly_distance": 15}), steady_log(START, distance=3.0))
    assert plan.units == "mi" and plan.baseline.weekly_distance == 9.0
    assert "mi" in runs_of(plan)[0][1].title


def test_overridden_settings_change_the_plan_and_say_so(plan_of) -> None:
    plan = plan_of(profile(rules={"deload_every": 3}), steady_log(START))
    assert plan.weeks[2].phase == "deload"
    setting = next(s for s in plan.settings if s.key == "deload_every")
    assert setting.overridden and setting.value == 3 and setting.default == 4


def test_the_words_a_runner_reads_follow_the_clinics_pain_limits(plan_of) -> None:
    rules = {"green_pain_max": 1, "red_pain_min": 4, "red_wait_hours": 72, "strength_pain_max": 3}
    red_day = [run(START + dt.timedelta(days=2), 4.0, 24, during=6, after=6, morning=3)]
    plan = plan_of(profile(rules=rules), log(*steady_log(START).entries, *red_day))
    words = " ".join([
        *(s.options.rule for w in plan.weeks for d in w.days for s in d.sessions if s.options),
        *(line for w in plan.weeks for line in [*w.progress_check, *w.flare_rules]),
        *(r.text for w in plan.weeks for r in w.reasons), *(c.when for c in plan.contingencies),
    ])
    for said in ("0-1 and walking feels normal", "2-3, or stiff", "4 or more, swollen", "no running for at least 72 hours",
                 "wait at least 3 days", "pain 1/10 or less", "exercise pain 3/10 or less", "hurts more than 3/10"):
        assert said in words, said
    for default in ("0-2 and walking", "48 hours", "5/10 or less", "pain 2/10 or less"):
        assert default not in words, default


def test_every_decision_carries_a_reason_with_a_source(plan_of) -> None:
    plan = plan_of(profile(), steady_log(START))
    for week in plan.weeks:
        assert week.reasons and all(r.rule and r.source for r in week.reasons)
        for day in week.days:
            assert all(s.reasons for s in day.sessions)


def test_every_run_offers_an_easier_and_a_cross_training_version(plan_of) -> None:
    plan = plan_of(profile(), steady_log(START))
    for _, session in runs_of(plan):
        assert session.options is not None
        assert session.options.easier and session.options.cross_training and session.options.rule


def test_intensity_only_after_two_green_weeks_at_the_goal(plan_of) -> None:
    plan = plan_of(profile(weeks=12, goal={"weekly_distance": 16}), steady_log(START))
    phases = [w.phase for w in plan.weeks]
    first = phases.index("intensity")
    at_goal = [w for w in plan.weeks[:first] if w.running_distance >= 16 - 1e-9]
    assert len(at_goal) >= 2
    changes = [w.change for w in plan.weeks if w.change in ("strides", "tempo", "hills")]
    assert changes == sorted(changes, key=["strides", "tempo", "hills"].index)


def test_hills_never_for_a_runner_who_hurts_on_hills(plan_of) -> None:
    prof = profile(weeks=16, goal={"weekly_distance": 15}, symptoms={"aggravators": ["hills"]})
    plan = plan_of(prof, steady_log(START))
    assert all(s.intensity != "hills" for _, s in runs_of(plan))


def test_a_run_earlier_in_the_week_never_raises_the_cap(plan_of) -> None:
    """R40: a longer run logged on Monday of week 1 does not lift Saturday's cap (no ratchet inside a week)."""
    prof = profile(baseline={}, rules={"long_run_increase_max": 0.3})  # only R19 binds, not the long-run growth
    monday_run = run(START, 5.5, 33)
    plan = plan_of(prof, log(*[e.model_dump() for e in steady_log(START).entries], monday_run))
    saturday = next(s for d, s in runs_of(plan) if d == START + dt.timedelta(days=5))
    assert saturday.distance <= 1.10 * 5.0 + 1e-9  # the 30 days before the week, not the Monday run


def test_short_first_week_when_the_plan_starts_mid_week(plan_of) -> None:
    """R52: a Wednesday start keeps Mon/Wed/Sat runs; week 1 runs Wednesday to Sunday."""
    plan = plan_of(profile(start=START + dt.timedelta(days=2)), steady_log(START))
    assert [d.weekday for d in plan.weeks[0].days] == ["wed", "thu", "fri", "sat", "sun"]
    assert {d.weekday() for d, _ in runs_of(plan)} <= {0, 2, 5}


def test_a_red_run_before_the_start_means_a_review_and_no_step_up_in_week_one(plan_of) -> None:
    """R45: a red run in the weeks before the plan recommends a review and holds week 1's stage."""
    entries = [run(START - dt.timedelta(days=d), 3.0, 16, during=1, morning=0) for d in (3, 6)]
    entries.append(run(START - dt.timedelta(days=10), 5.0, 30, during=6, after=5, morning=3))
    plan = plan_of(profile(), log(*entries))
    week_one = {s.stage for d in plan.weeks[0].days for s in d.sessions if s.kind in ("run", "walk_run")}
    assert plan.weeks[0].phase == "walk_run" and len(week_one) == 1
    assert any("red run" in line for line in plan.clinician_review)
    week_two = {s.stage for d in plan.weeks[1].days for s in d.sessions if s.kind in ("run", "walk_run")}
    assert max(week_two) > max(week_one)  # the hold lasts one week


def test_a_long_run_that_recurs_is_the_runners_own_not_a_one_off(plan_of) -> None:
    """R41: two long runs in the same week are the runner's habit, so neither is left out as a spike."""
    entries = [run(START - dt.timedelta(days=d), km, km * 6) for d, km in ((9, 2.0), (7, 2.0), (6, 2.0), (5, 3.6), (1, 4.0))]
    plan = plan_of(profile(availability={"run_days": ["mon", "wed", "sat"]}), log(*entries))
    assert not [r for r in plan.reasons + [x for w in plan.weeks for x in w.reasons] if r.rule == "R41" and "left_out" in r.facts]
    assert plan.weeks[0].longest_run > 1.1 * 2.0  # the long-run limit comes from the 4 km run, not the 2 km ones


def test_runs_earlier_in_a_mid_week_start_count_as_recent_running(plan_of) -> None:
    """A Thursday start after runs on Monday to Wednesday: they are recent load, never an empty week that plans nothing."""
    thursday = START + dt.timedelta(days=3)
    entries = [run(START + dt.timedelta(days=d), 5.0, 30) for d in (0, 1, 2)]
    plan = plan_of(profile(start=thursday), log(*entries))
    assert plan.weeks[0].phase == "build" and plan.weeks[1].running_distance >= 10


@pytest.mark.parametrize(("last", "weeks_back"), [(dt.date(2026, 12, 6), 1), (dt.date(2026, 11, 30), 1),
                                                   (dt.date(2026, 11, 29), 2), (dt.date(2026, 11, 23), 2)])
def test_a_run_on_the_monday_a_week_before_the_start_is_in_the_week_before(last: dt.date, weeks_back: int) -> None:
    """The week before a Monday 7 Dec start runs 30 Nov - 6 Dec: its Monday counted as two weeks back once, so a
    log whose last run fell on it read an empty last week and a build started from 0 km."""
    from plangen.planner.baseline import classify_runs
    from plangen.planner.history import read_history
    from plangen.rules import Settings

    runs = classify_runs(profile(), log(run(last, 4.0, 24)), Settings())
    assert read_history(runs, START, Settings()).last_logged_week() == weeks_back


def test_unscored_runs_alone_never_start_a_build_at_zero(plan_of) -> None:
    """Runs with no next-morning score are not green (invariant 28); a plan built on them never plans 0 km runs."""
    entries = [run(dt.date(2026, 11, 30), 4.0, 20, morning=None), run(dt.date(2026, 12, 2), 4.0, 20, morning=None)]
    plan = plan_of(profile(availability={"run_days": ["mon"]}), log(*entries))
    assert all(s.distance and s.distance > 0 for w in plan.weeks for d in w.days for s in d.sessions
               if s.kind in ("run", "walk_run"))
