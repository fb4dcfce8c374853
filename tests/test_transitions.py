"""The planner's state transitions, called directly: each returns a new State and leaves its input alone."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest

from plangen.planner.progress import (State, after_green, after_red, apply_build, apply_walk_run, end_build_week,
                                      record_build_week, resume_after_stage_zero, stage_zero, start_build_week)
from plangen.rules import Settings

DAY = dt.date(2026, 3, 2)
SETTINGS = Settings({})


def walk_run(stage: int = 3, **fields: object) -> State:
    return State(phase="walk_run", stage=stage, **fields)  # type: ignore[arg-type]


def test_two_greens_move_up_a_stage() -> None:
    once = after_green(walk_run(), DAY)
    twice = after_green(once, DAY + dt.timedelta(days=2))
    assert (once.stage, once.greens) == (3, 1)
    assert (twice.stage, twice.greens) == (4, 0)


def test_two_greens_at_the_exit_stage_start_the_build() -> None:
    state = after_green(after_green(walk_run(stage=5, exit_stage=5), DAY), DAY)
    assert (state.phase, state.stage) == ("build", 5)


def test_nothing_rises_before_no_rise_until() -> None:
    state = after_green(after_green(walk_run(no_rise_until=DAY + dt.timedelta(days=7)), DAY), DAY)
    assert (state.stage, state.greens) == (3, 2)


@pytest.mark.parametrize("zone", ["amber", "unknown"])
def test_amber_or_unscored_holds_the_stage_and_the_count(zone: str) -> None:
    before = after_green(walk_run(), DAY)
    after, why = apply_walk_run(before, DAY, zone, SETTINGS)  # type: ignore[arg-type]
    assert after == before and why == []


def test_red_drops_a_stage_and_sets_the_wait() -> None:
    state, why = after_red(after_green(walk_run(), DAY), DAY, SETTINGS, drop_stage=True)
    assert (state.stage, state.greens) == (2, 0)
    assert state.rest_until == DAY + dt.timedelta(days=2)  # red_wait_hours 48
    assert state.reds == (DAY,) and state.flare
    assert [r.rule for r in why] == ["R26"]


def test_red_in_the_build_shortens_the_next_run_and_keeps_the_stage() -> None:
    state, _ = apply_build(State(phase="build", stage=7, last_green_run=5.0), DAY, "red", 4.0, SETTINGS)
    assert state.shorten_next_run and state.stage == 7 and state.phase == "build"


def test_two_reds_ask_for_a_review() -> None:
    state, _ = after_red(walk_run(), DAY, SETTINGS, drop_stage=True)
    state, _ = after_red(state, DAY + dt.timedelta(days=3), SETTINGS, drop_stage=True)
    assert state.phase == "walk_run" and len(state.review) == 1


def test_three_reds_in_fourteen_days_mean_stage_zero() -> None:
    state = State(phase="build", stage=7, volumes=((20.0, False),), green_volume=20.0)
    reasons = []
    for offset in (0, 4, 8):
        state, why = apply_build(state, DAY + dt.timedelta(days=offset), "red", 3.0, SETTINGS)
        reasons += why
    assert state.phase == "stopped" and state.stage == 1 and state.volumes == () and state.green_volume == 0.0
    assert state.stopped_until == DAY + dt.timedelta(days=8 + 7)  # stage0_days from the third red
    assert "R44" in [r.rule for r in reasons]


def test_stage_zero_ends_at_walk_run_stage_one() -> None:
    stopped, _ = stage_zero(walk_run(), DAY, DAY, 3, SETTINGS)
    early, none = resume_after_stage_zero(stopped, DAY + dt.timedelta(days=6), SETTINGS)
    back, why = resume_after_stage_zero(stopped, DAY + dt.timedelta(days=7), SETTINGS)
    assert early == stopped and none is None
    assert (back.phase, back.stage) == ("walk_run", 1) and why is not None


def test_stage_zero_states_the_clinics_limits_and_keeps_them_as_facts() -> None:
    """The words of a red and of Stage 0 come from the plan's settings, and the facts hold what the words state."""
    clinic = Settings({"red_wait_hours": 72, "stage0_days": 10})
    state = walk_run()
    for offset in (0, 0, 1):
        state, why = after_red(state, DAY + dt.timedelta(days=offset), clinic, drop_stage=True)
    wait, stop = why
    assert "at least 72 hours" in wait.text and wait.facts["red_wait_hours"] == 72
    assert "no running for at least 10 days" in stop.text and "14 days" in stop.text
    assert stop.facts["stage0_days"] == 10 and stop.facts["red_sessions"] == 3
    assert state.stopped_until == DAY + dt.timedelta(days=11)  # ten days from the third red


def test_green_weeks_count_at_the_target_and_amber_holds() -> None:
    state = record_build_week(State(phase="build"), 20.0, deload=False)
    green = end_build_week(state, ["green", "green"], 0, 20.0, SETTINGS)
    amber = end_build_week(state, ["green", "amber"], 0, 20.0, SETTINGS)
    assert (green.green_volume, green.green_weeks_at_target) == (20.0, 1)
    assert amber.hold_why == "1 amber session" and amber.green_weeks_at_target == 0
    flare = end_build_week(state, ["amber", "amber"], 0, 20.0, SETTINGS)
    assert flare.flare and flare.flare_why == "2 amber sessions"


def test_a_week_clears_last_weeks_flare_and_counts_its_change() -> None:
    state = start_build_week(State(phase="build", flare=True, flare_why="x", hold_why="y"), True, "cadence +5%")
    assert (state.flare, state.flare_why, state.hold_why, state.walk_breaks, state.cadence_step) == (False, "", "", True, 1)


def test_state_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        walk_run().stage = 4  # type: ignore[misc]


STEPS = [
    lambda s: after_green(s, DAY),
    lambda s: apply_walk_run(s, DAY, "red", SETTINGS)[0],
    lambda s: apply_build(s, DAY, "green", 4.0, SETTINGS)[0],
    lambda s: apply_build(s, DAY, "red", 4.0, SETTINGS)[0],
    lambda s: stage_zero(s, DAY, DAY, 3, SETTINGS)[0],
    lambda s: record_build_week(s, 12.0, deload=True),
    lambda s: end_build_week(s, ["red"], 0, None, SETTINGS),
    lambda s: end_build_week(s, ["green"], 0, 10.0, SETTINGS),
    lambda s: start_build_week(s, False, "strides"),
]


@pytest.mark.parametrize("step", STEPS)
def test_a_transition_never_mutates_its_input(step) -> None:  # type: ignore[no-untyped-def]
    state = State(phase="walk_run", stage=4, greens=1, reds=(DAY - dt.timedelta(days=3),), volumes=((10.0, False),),
                  history=((DAY, 3.0),), review=("earlier note",))
    kept = copy.deepcopy(state)
    after = step(state)
    assert state == kept
    assert after is not state
