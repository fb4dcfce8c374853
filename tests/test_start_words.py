"""Where the plan starts and what screening decides: the decisions carry facts, the words come from the catalogue."""

from __future__ import annotations

import datetime as dt

from conftest import log, profile, run, steady_log
from plangen.rules import Settings

START = dt.date(2026, 12, 7)  # a Monday


def test_a_mid_week_start_without_running_puts_cardio_on_the_runners_own_days(plan_of) -> None:
    """R49: a short first week (start on Tuesday) still places cardio by weekday, not by its position in the week."""
    tuesday = START + dt.timedelta(days=1)
    prof = profile(start=tuesday, readiness={"brisk_walk_30_min": True, "single_leg_hops_10": False},
                   availability={"run_days": ["mon", "wed", "sat"], "strength_days": ["tue", "thu"]})
    week = plan_of(prof).weeks[0]
    cardio = {d.weekday for d in week.days if any(s.kind == "cross_training" for s in d.sessions)}
    assert week.phase == "no_running" and {"wed", "sat"} <= cardio and not cardio & {"tue", "thu"}


def test_a_referral_names_its_flags_as_facts_and_words_from_the_catalogue(plan_of) -> None:
    plan = plan_of(profile(screening={"locking": True, "giving_way": True}))
    why = next(r for r in plan.reasons if r.rule == "R2")
    assert why.message == "screening.referral" and why.facts["flags"] == ["giving_way", "locking"]
    assert why.data == "giving_way, locking" and plan.referral.urgency == "today"
    assert plan.referral.reasons == ["Your knee locks and you cannot fully straighten it.",
                                     "Your knee gives way or feels unstable."]


def test_reds_before_the_plan_are_counted_in_words_and_hold_week_one(plan_of) -> None:
    """R45: one red run reads '1 red run', two read '2 red runs'; the reason keeps how many signals there were."""
    for reds, words in ((1, "1 red run in the 4 weeks"), (2, "2 red runs in the 4 weeks")):
        days = [START - dt.timedelta(days=d) for d in (9, 4)][:reds]
        training = log(*steady_log(START).model_dump()["entries"],
                       *(run(day, 5.0, 30, during=6, after=5, morning=3) for day in days))
        plan = plan_of(profile(), training)
        assert any(line.startswith(f"Before you start: {words}") for line in plan.clinician_review), plan.clinician_review
        why = next(r for r in plan.reasons if r.rule == "R45")
        assert why.message == "entry.escalation" and why.facts["signals"] >= 1


def test_the_start_cap_states_the_weekly_rise_in_force(plan_of) -> None:
    """R41: week 1's cap names the clinic's own weekly_increase_max, and keeps it among the facts."""
    entries = [e for back, km in ((4, 5.0), (3, 5.0), (2, 5.0), (1, 6.0)) for e in
               (run(START - dt.timedelta(days=7 * back - offset), km, km * 6) for offset in (0, 2, 5))]
    prof = profile(baseline={"cadence": 160, "pain_free_weekly_distance": 30}, rules={"weekly_increase_max": 0.05})
    plan = plan_of(prof, log(*entries))
    cap = next(r for w in plan.weeks for r in w.reasons if r.message == "entry.start.cap")
    assert "Week 1 is at most 5% above your usual week" in cap.text
    assert cap.facts["weekly_increase_max"] == Settings({"weekly_increase_max": 0.05}).weekly_increase_max
