"""Scenario runners for events, goals, no-running plans and exercise choice (issue 12: R46, R47, R49-R51).

Each profile lives in tests/scenarios/ and is loaded the way `plangen plan` loads it; the
assertions are the clinical facts a physio would check, not golden text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from plangen.document.plan import Plan, Session, Week
from plangen.planner import make_plan
from plangen.planner.volume import INTENSITY_STEPS
from plangen.render.text import render_text
from plangen.rules import Settings
from plangen.sources.runner import load_runner

HERE = Path(__file__).parent
SCENARIOS = HERE / "scenarios"
SETTINGS = Settings()


@pytest.fixture(scope="session")
def planned(library: Any) -> Any:
    """Plan a scenario (or the example profile) once per session."""
    cache: dict[str, Plan] = {}

    def plan(name: str) -> Plan:
        if name not in cache:
            path = HERE.parent / "profiles" / f"{name}.yaml" if name == "sam" else SCENARIOS / f"{name}.yaml"
            runner = load_runner(path)
            cache[name] = make_plan(runner.profile, runner.log, library, name)
        return cache[name]

    return plan


def sessions(week: Week, *kinds: str) -> list[tuple[dt.date, Session]]:
    return [(d.date, s) for d in week.days for s in d.sessions if not kinds or s.kind in kinds]


def runs(week: Week) -> list[tuple[dt.date, Session]]:
    return sessions(week, "run", "walk_run")


def rules_of(plan: Plan) -> set[str]:
    found = {r.rule for r in plan.reasons}
    for week in plan.weeks:
        found |= {r.rule for r in week.reasons}
        found |= {r.rule for _, s in sessions(week) for r in s.reasons}
    return found


# --- R46: a reachable 10 km race in week 6 -------------------------------------------------------------


def test_race_in_week_6_is_named_and_reachable(planned) -> None:
    plan = planned("ev-race-week6")
    event = plan.event
    assert event is not None and event.name == "Riverside 10K" and event.in_plan and event.week == 6
    assert event.reachable and event.longest_safe >= event.distance and event.safe_option is None
    assert plan.weeks[5].event == "Riverside 10K"
    assert any(r.rule == "R46" and r.source for r in plan.weeks[5].reasons)


def test_race_week_is_a_taper_with_no_long_run_before_the_race(planned) -> None:
    plan = planned("ev-race-week6")
    before, race_week = plan.weeks[4], plan.weeks[5]
    assert race_week.phase == "taper" and plan.event.taper_week == 6
    assert race_week.running_distance <= SETTINGS.taper_volume_max * before.running_distance + 1e-6
    race_day = plan.event.date
    for day, session in runs(race_week):
        if 0 < (race_day - day).days <= SETTINGS.taper_days:
            assert (session.duration_min or 0) <= SETTINGS.taper_easy_min and session.intensity == "easy"
    assert not [d for d, _ in runs(race_week) if d == race_day - dt.timedelta(days=1)]  # nothing the day before


def test_race_day_has_its_own_stop_rule_from_the_settings(planned) -> None:
    plan = planned("ev-race-week6")
    [(day, race)] = [(d, s) for d, s in runs(plan.weeks[5]) if d == plan.event.date]
    assert race.distance == plan.event.distance and race.stop_rule
    assert f"{SETTINGS.red_pain_min:g}/10" in race.stop_rule and "walk" in race.stop_rule
    assert any(r.rule == "R46" for r in race.reasons)


def test_the_week_after_the_race_is_a_recovery_week(planned) -> None:
    plan = planned("ev-race-week6")
    after, before = plan.weeks[6], plan.weeks[4]
    assert after.phase == "recovery" and plan.event.recovery_week == 7
    assert after.running_distance <= SETTINGS.recovery_volume_max * before.running_distance + 1e-6
    assert all(s.intensity == "easy" for _, s in runs(after))
    assert plan.weeks[7].running_distance <= 1.10 * before.running_distance + 1e-6  # back where it was, no higher


def test_no_new_intensity_in_the_three_weeks_before_the_race(planned) -> None:
    plan = planned("ev-race-week6")
    lock = dt.timedelta(weeks=SETTINGS.event_intensity_lock_weeks)
    for week in plan.weeks:
        if week.start <= plan.event.date < week.start + lock:
            assert week.change not in INTENSITY_STEPS
    assert any(w.change in INTENSITY_STEPS for w in plan.weeks[7:])  # the runner was ready for it: it came after


# --- R46: a race the caps cannot reach ------------------------------------------------------------------


def test_an_unreachable_race_says_so_and_offers_the_safe_option(planned) -> None:
    plan = planned("ev-unreachable")
    event = plan.event
    assert not event.reachable and event.safe_option is not None and event.longest_safe < event.distance
    assert {o.kind for o in event.options} & {"run_walk", "shorter"} and event.options[-1].kind == "later"
    race = [s for d, s in runs(plan.weeks[event.week - 1]) if d == event.date]
    assert race and race[0].distance <= event.longest_safe + 1e-6  # race day holds the safe option, within R19
    assert "not safe" in render_text(plan)


# --- R47: the example's goal, and an event after the plan ---------------------------------------------


def test_the_example_states_its_goal_when_the_caps_reach_it_and_what_comes_after(planned) -> None:
    plan = planned("sam")
    goal = plan.goal
    assert goal.weekly_distance == 30 and goal.event == "Harbour 10K"
    assert goal.beyond_plan and goal.reached_week > len(plan.weeks) and goal.reached_date > plan.weeks[-1].start
    assert f"week {plan.weeks[-1].number}" in goal.after and goal.reasons[0].rule == "R47"
    text = render_text(plan)
    assert "Your goal: 30 km a week and Harbour 10K" in text
    assert f"week {goal.reached_week}" in text and "after the last week" in text


def test_an_event_after_the_plan_is_stated_and_projected(planned) -> None:
    plan = planned("ev-after-plan")
    event = plan.event
    assert not event.in_plan and event.week is not None and event.week > len(plan.weeks)
    assert event.reasons and event.reasons[0].rule == "R47"
    assert all(w.phase not in ("taper", "recovery") for w in plan.weeks)
    assert "Autumn 10K" in render_text(plan)


# --- R49: a failed hop test gives an active plan ------------------------------------------------------


def test_a_failed_hop_test_gives_an_active_no_running_plan(planned) -> None:
    plan = planned("nr-hop-fail")
    assert plan.status == "no_running"
    assert all(w.phase == "no_running" and w.cadence_target is None for w in plan.weeks)
    assert "R14" not in rules_of(plan)
    words = " ".join([*plan.clinician_review, *(r.text for r in plan.reasons)]).lower()
    assert "pain is too high" not in words and "hop" in words


def test_no_running_weeks_keep_the_cardio_minutes_and_re_test(planned) -> None:
    plan = planned("nr-hop-fail")
    recent = 3 * 35  # the log: three 35-minute runs a week
    for week in plan.weeks:
        cardio = [s for _, s in sessions(week, "cross_training")]
        assert sum(s.duration_min or 0 for s in cardio) >= max(SETTINGS.no_running_cardio_min, recent)
        assert len(cardio) >= 3 and all(s.pain_prompts for s in cardio)
        assert any("Hop 10 times" in t for t in week.retests)
        assert any(r.rule == "R49" for r in week.reasons)


# --- R50, R51: holds first, and exercises that follow the runner ----------------------------------------


def exercise_ids(plan: Plan, weeks: slice = slice(None)) -> set[str]:
    return {e.id for w in plan.weeks[weeks] for _, s in sessions(w, "strength") for e in s.exercises}


def test_rest_pain_3_starts_with_isometric_holds(planned, library) -> None:
    plan = planned("ex-rest-pain-3")
    first = [s for _, s in sessions(plan.weeks[0], "strength")]
    for session in first:
        holds = [e for e in session.exercises if library[e.id].movement == "knee_hold"]
        assert holds and all(e.sets == 5 and 30 <= (e.hold_s or 0) <= 45 for e in holds)
        assert any(r.rule == "R50" for r in session.reasons)
    later = exercise_ids(plan, slice(1, None))
    assert not any(library[i].movement == "knee_hold" for i in later)  # moving exercises after a week at 3/10 or less


def test_leg_press_and_bodyweight_runners_get_different_exercises(planned, library) -> None:
    gym, home = exercise_ids(planned("ex-leg-press")), exercise_ids(planned("ex-bodyweight"))
    assert gym != home
    assert "leg-press" in gym and "leg-press" not in home
    assert any("dumbbells" in library[i].equipment for i in gym)
    assert all(set(library[i].equipment) <= {"chair", "wall", "mat", "mirror"} for i in home)


def test_a_block_covers_every_movement_the_spec_names(planned, library) -> None:
    wanted = {"squat", "step_down", "single_leg_bridge", "hinge", "hip_abduction", "hip_adduction", "calf"}
    plan = planned("ev-race-week6")  # a step and no stairs problem: everything is possible
    week = plan.weeks[0]
    moves = {library[e.id].movement for _, s in sessions(week, "strength") for e in s.exercises}
    assert wanted <= moves
    for _, session in sessions(week, "strength"):
        assert 4 <= len(session.exercises) <= 6 and 20 <= session.duration_min <= SETTINGS.strength_session_max_min


def test_stairs_as_an_aggravator_leave_out_step_downs_and_say_why(planned, library) -> None:
    plan = planned("ex-step-stairs")
    assert not any(library[i].movement == "step_down" for i in exercise_ids(plan))
    why = [r for _, s in sessions(plan.weeks[0], "strength") for r in s.reasons if r.rule == "R51"]
    assert why and "step-downs" in why[0].data and "stairs" in why[0].data


# --- Physio review fixes: the weeks after an event, race-day warm-up, one event warning ----------------


def test_the_weeks_after_the_recovery_week_do_not_dip(planned) -> None:
    """A recovery week is never the two-week cap's reference: week 9 is not dragged to 1.3 x the recovery week."""
    plan = planned("ev-race-week6")
    before, recovery, back, next_week = plan.weeks[4], plan.weeks[6], plan.weeks[7], plan.weeks[8]
    assert recovery.phase == "recovery" and back.phase not in ("taper", "recovery", "deload")
    assert next_week.running_distance > (1 + SETTINGS.two_week_increase_max) * recovery.running_distance
    assert next_week.running_distance >= back.running_distance - 0.2  # no dip after the event
    assert next_week.running_distance <= (1 + SETTINGS.weekly_increase_max) * back.running_distance + 1e-6
    assert next_week.running_distance <= (1 + SETTINGS.two_week_increase_max) * before.running_distance + 1e-6


def test_race_day_has_an_easy_warm_up_and_no_drill_that_changes_form(planned, library) -> None:
    plan = planned("ev-race-week6")
    [race] = [s for d, s in runs(plan.weeks[5]) if d == plan.event.date]
    drills = [library[e.id] for e in race.exercises]
    assert drills and not any("alignment" in c.roles for c in drills)  # no cadence drill or mirror check
    assert all(c.level == 1 for c in drills)
    easy_run = [s for d, s in runs(plan.weeks[4])][0]  # an ordinary run that week still has them
    assert any("alignment" in library[e.id].roles for e in easy_run.exercises)


def test_an_unsafe_event_is_told_once_in_the_event_account(planned) -> None:
    plan = planned("ev-unreachable")
    assert not plan.event.reachable and plan.event.options
    assert not [w for w in plan.warnings if plan.event.name in w]


def test_a_bodyweight_runner_is_never_given_a_loaded_dose_and_is_told_why(planned, library) -> None:
    """R32 bodyweight before load: without weights or a step, an exercise holds at its last bodyweight step."""
    plan = planned("ex-bodyweight")
    doses = [(library[e.id], e) for w in plan.weeks for _, s in sessions(w, "strength") for e in s.exercises]
    assert all(not library[e.id].dose(e.step).needs for _, e in doses)
    assert not any("kg" in (e.load or "") or "step" in (e.load or "") for _, e in doses)
    held = [r for w in plan.weeks for _, s in sessions(w, "strength") for r in s.reasons if r.rule == "R32" and r.facts.get("held")]
    assert held and "weights" in held[0].text
    gym = planned("ex-leg-press")  # a runner with weights does lift them
    assert any("dumbbell" in (e.load or "") for w in gym.weeks for _, s in sessions(w, "strength") for e in s.exercises)
