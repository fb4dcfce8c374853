"""The strength progression state (R30-R32) as a value: each transition returns new Lifts, the old one is unchanged."""

from __future__ import annotations

import dataclasses

import pytest

from plangen.planner.lifts import Lift, Lifts, judge, next_level, record
from plangen.rules import Settings
from plangen.document.plan import ExerciseDose
from plangen.sources.models import StrengthSet

RULES = Settings({"strength_sessions_per_step": 3})
SQUAT = "box-squat"


def earned(lifts: Lifts, times: int, planned: bool = False) -> Lifts:
    for _ in range(times):
        lifts = record(lifts, SQUAT, "earned", "Box squat", RULES, planned=planned)
    return lifts


def logged(reps: int, pain: int | None = 1, morning: int | None = 0) -> StrengthSet:
    return StrengthSet(id=SQUAT, sets=3, reps=reps, pain=pain, next_morning_pain=morning)


def test_earned_sessions_step_up_after_the_sessions_a_step_needs() -> None:
    before_last = earned(Lifts(), 2)
    assert before_last.step(SQUAT) == 1  # two good sessions, but a step needs strength_sessions_per_step of them
    after = earned(before_last, 1)
    assert after.step(SQUAT) == 2 and after.lift(SQUAT).news is not None and after.lift(SQUAT).news[0] == "up"
    assert after.lift(SQUAT).sessions == 0  # the count at the new step starts again
    assert before_last.step(SQUAT) == 1 and before_last.lift(SQUAT).sessions == 2  # the input is unchanged


def test_a_planned_step_up_names_the_step() -> None:
    lifts = earned(Lifts(), 3, planned=True)
    assert lifts.lift(SQUAT).news == ("up_planned", "Box squat to step 2")


def test_pain_over_the_strength_limit_regresses_one_step() -> None:
    at_two = Lifts().with_lift(SQUAT, Lift(step=2, streak=1, sessions=2))
    outcome, data = judge(logged(12, pain=int(RULES.strength_pain_max) + 1), "Box squat", 10, 0, RULES)
    assert outcome == "regress" and "pain" in data
    after = record(at_two, SQUAT, outcome, data, RULES)
    assert after.lift(SQUAT) == Lift(step=1, news=("down", data))
    assert at_two.step(SQUAT) == 2


def test_a_worse_morning_regresses_and_the_easiest_step_stays_the_floor() -> None:
    outcome, _ = judge(logged(12, morning=3), "Box squat", 10, 1, RULES)
    assert outcome == "regress"
    assert record(Lifts(), SQUAT, outcome, "", RULES).step(SQUAT) == 1


def test_a_missing_next_morning_score_holds_and_breaks_the_streak() -> None:
    outcome, data = judge(logged(12, morning=None), "Box squat", 10, 0, RULES)
    assert (outcome, data) == ("hold", "Box squat: next-morning pain not recorded")
    streak = earned(Lifts(), 2)
    held = record(streak, SQUAT, outcome, data, RULES)
    assert held.lift(SQUAT) == Lift(step=1, streak=0, sessions=3, news=("hold", data))
    assert earned(held, 1).step(SQUAT) == 1  # one good session after the hold is not two in a row
    assert earned(held, 2).step(SQUAT) == 2


def test_news_is_told_once() -> None:
    lifts = earned(Lifts(), 3)
    first = lifts.news([SQUAT], RULES)
    assert [r.rule for r in first] == ["R31"] and lifts.news([SQUAT], RULES) == first  # reading it changes nothing
    assert lifts.told([SQUAT]).news([SQUAT], RULES) == []
    assert lifts.news([SQUAT], RULES) == first


def test_a_harder_card_level_only_when_every_exercise_has_moved_on() -> None:
    week = [ExerciseDose(id=SQUAT, name="Box squat"), ExerciseDose(id="clam", name="Clam")]
    lifts = Lifts().with_lift(SQUAT, Lift(step=3)).with_lift("clam", Lift(step=2))
    assert next_level(lifts, week, RULES) == (lifts, None)
    ready = lifts.with_lift("clam", Lift(step=3))
    raised, why = next_level(ready, week, RULES)
    assert raised.level == 2 and ready.level == 1
    assert why is not None and why.facts["level"] == 2


def test_lifts_cannot_be_changed_in_place() -> None:
    lifts = Lifts()
    with pytest.raises(dataclasses.FrozenInstanceError):
        lifts.level = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Lift().step = 2  # type: ignore[misc]
