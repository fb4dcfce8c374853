"""The scenario corpus (issue 12): realistic runners loaded from YAML, planned, and checked on clinical facts."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from scenarios import logged_weeks, names, planned, planned_with, rules_of, runs_of, scenario
from plangen.rules import Settings

CAP = Settings().single_run_cap
WEEKLY = Settings().weekly_increase_max


def build_weeks(name: str) -> list:
    return [w for w in planned(name).weeks if w.phase in ("build", "deload", "intensity", "maintain")]


def week_runs(week) -> list:
    return [s for d in week.days for s in d.sessions if s.kind in ("run", "walk_run")]


# Observation 1: 6 runs and ~70 km a week stay 6 runs of the runner's own size (R39, R40).
def test_high_volume_runner_keeps_six_runs_of_their_own_size() -> None:
    plan, runner = planned("high_volume_six_runs"), scenario("high_volume_six_runs")
    usual = logged_weeks(runner)[-1]
    first = plan.weeks[0]
    assert plan.status == "plan" and first.phase == "build"
    assert plan.baseline.runs_per_week == 6
    assert all(len(week_runs(w)) == 6 for w in plan.weeks)  # never squeezed into 3 longer runs
    assert first.running_distance <= (1 + WEEKLY) * usual + 1e-6
    easy = [s.distance for s in week_runs(first) if s.distance < first.longest_run]
    assert all(8 <= d <= 12 for d in easy)  # near the runner's median easy run of 10 km
    assert first.longest_run <= CAP * 22 + 1e-6
    assert "R39" in rules_of(plan)


def test_high_volume_long_run_grows_at_most_ten_percent_a_week() -> None:
    longest = [w.longest_run for w in build_weeks("high_volume_six_runs")]
    peak = 22.0
    for week, value in zip(build_weeks("high_volume_six_runs"), longest):
        assert value <= (1 + Settings().long_run_increase_max) * peak + 1e-6
        if week.phase != "deload":
            peak = value
    assert max(longest[:3]) <= 22 * 1.1 * 1.1 + 1e-6  # observation 1 saw 32 km by week 3


def test_at_most_one_quality_run_a_week() -> None:
    for week in build_weeks("high_volume_six_runs"):
        assert sum(1 for s in week_runs(week) if s.intensity not in (None, "easy")) <= 1


def test_no_in_week_ratchet() -> None:
    """R40: a run's cap comes from the 30 days before its week, never from runs earlier in the same week."""
    plan, runner = planned("high_volume_six_runs"), scenario("high_volume_six_runs")
    history = [(e.date, e.distance or 0.0) for e in runner.log.entries if e.is_run]
    for week in plan.weeks:
        window = [d for when, d in history if week.start - dt.timedelta(days=30) <= when < week.start]
        assert week.longest_run <= CAP * max(window) + 1e-6
        history += [(day.date, s.distance or 0.0) for day in week.days for s in day.sessions if s.kind in ("run", "walk_run")]


# Observation 2: a one-off race does not inflate the start (R41).
def test_a_one_off_race_is_left_out_of_the_start() -> None:
    plan = planned("race_spike")
    first = plan.weeks[0]
    assert first.phase == "build"
    assert first.running_distance <= (1 + WEEKLY) * 15 + 1e-6  # the ordinary 3 x 5 km week, not 31 km
    assert first.longest_run <= CAP * 5 + 1e-6  # the 16 km race never raises the run cap
    assert plan.baseline.longest_run_30d == 5
    spike = [r for w in plan.weeks for r in w.reasons if r.rule == "R41" and r.facts.get("left_out") == 16]
    assert spike, "the plan says it left the race out"


# Observation 3: three reds inside the plan stop running (R44).
def test_three_reds_inside_the_plan_stop_running_then_restart_at_stage_one() -> None:
    plan = planned("reds_inside_plan")
    third_red = plan.start + dt.timedelta(days=9)
    runs = [(d, s) for d, s, _ in runs_of(plan) if d > third_red]
    assert runs and (runs[0][0] - third_red).days >= Settings().stage0_days
    assert runs[0][1].stage == 1 and runs[0][1].kind == "walk_run"
    assert plan.weeks[2].phase == "no_running" and plan.weeks[2].running_distance == 0
    cross = [s for d in plan.weeks[2].days for s in d.sessions if s.kind == "cross_training"]
    assert cross and all(any(r.rule == "R44" for r in s.reasons) for s in cross)
    assert plan.clinician_review and "R44" in rules_of(plan)
    assert all(w.phase == "walk_run" for w in plan.weeks[3:6])  # the build does not resume in week 5


# Observation 4: reds or rising pain before the start are read (R45, R44).
def test_three_reds_just_before_the_start_mean_stage_zero_and_a_review() -> None:
    plan = planned("reds_before_start")
    assert plan.clinician_review
    assert plan.weeks[0].running_distance == 0 and plan.weeks[0].phase == "no_running"
    assert plan.weeks[1].phase == "walk_run" and plan.weeks[1].stage == 1


def test_pain_rising_at_the_same_load_means_a_review_and_no_increase() -> None:
    plan, runner = planned("pain_rising"), scenario("pain_rising")
    assert any("rose" in line for line in plan.clinician_review)
    assert plan.weeks[0].running_distance <= logged_weeks(runner)[-1] + 1e-6  # no increase in week 1
    assert "R45" in rules_of(plan)


# Observation 5: amber holds; a one-point morning difference never turns 20 km into 1.3 km (R42).
def test_amber_runs_hold_the_volume_instead_of_restarting() -> None:
    plan, runner = planned("amber_during"), scenario("amber_during")
    usual = logged_weeks(runner)[-1]
    first = plan.weeks[0]
    assert first.phase == "build" and first.stage is None
    assert (1 - 0.2) * usual - 1e-6 <= first.running_distance <= usual + 1e-6
    assert all(s.kind == "walk_run" and s.intervals for s in week_runs(first))  # R28: walk breaks while amber
    assert "R42" in rules_of(plan)


def test_walk_breaks_come_off_as_a_change_of_their_own() -> None:
    """R18/R38: the week after an amber hold with walk breaks drops them at the same volume; the cadence change waits."""
    first, second, third = planned("amber_during").weeks[:3]
    assert all(s.intervals for s in week_runs(first))
    assert second.change == "without_walk_breaks" and second.cadence_target is None
    assert second.running_distance == first.running_distance and not any(s.intervals for s in week_runs(second))
    assert third.change == "cadence step 1"


def test_usual_morning_pain_zero_or_one_gives_nearly_the_same_week() -> None:
    amber, green = planned("morning_usual_0").weeks[0], planned("morning_usual_1").weeks[0]
    assert amber.phase == green.phase == "build"
    assert amber.running_distance >= (1 - Settings().amber_trim) * green.running_distance - 0.2
    assert amber.running_distance < green.running_distance  # the amber runner does hold back a little


# Observation 6 (restarts): different histories give different plans, and the reasons say why (R43).
RESTARTS = {"active_flare": 1, "break_3_weeks": 7, "break_5_weeks": 5, "break_8_weeks": 2, "break_10_weeks": 1, "no_log_12km": 9}
CONTINUOUS = 0.5  # R43's "continuous at ~50%", which a clinic switches on (the default keeps the walk-run ladder)


@pytest.mark.parametrize(("name", "stage"), RESTARTS.items())
def test_restarts_scale_with_the_break_and_prior_running(name: str, stage: int) -> None:
    plan = planned(name)
    assert plan.weeks[0].phase == "walk_run" and plan.weeks[0].stage == stage
    why = [r for r in plan.reasons if r.rule == "R43"]
    assert why and why[0].facts["entry_stage"] == stage


def test_red_pain_last_week_starts_at_stage_one_with_a_review() -> None:
    """Active red pain (worst 6/10 last week) with only amber runs logged: stage 1 and a clinician review (R43, R45)."""
    plan = planned("active_flare")
    assert plan.weeks[0].stage == 1
    assert any("6/10" in line and "review" in line for line in plan.clinician_review)
    calm = planned("break_5_weeks")
    assert not any("red zone" in line for line in calm.clinician_review)


def test_restarts_differ_between_runners() -> None:
    first_weeks = {n: tuple(s.stage for s in week_runs(planned(n).weeks[0])) for n in
                   ("active_flare", "break_5_weeks", "break_8_weeks", "no_log_12km")}
    assert len(set(first_weeks.values())) == 4
    assert RESTARTS["break_3_weeks"] > RESTARTS["break_5_weeks"] > RESTARTS["break_8_weeks"] >= RESTARTS["break_10_weeks"]


def test_a_short_pain_free_break_restarts_continuous_at_half_the_usual_week() -> None:
    """R43: 2-4 weeks off after pain-free running, readiness passed -> continuous at restart_continuous_fraction of the week."""
    plan, rules = planned_with("break_3_weeks", restart_continuous_fraction=CONTINUOUS), Settings({"restart_continuous_fraction": CONTINUOUS})
    assert planned("break_3_weeks").weeks[0].phase == "walk_run"  # off by default
    why = next(r for r in plan.reasons if r.rule == "R43")
    assert why.facts["restart"] == "continuous" and why.facts["prior_weekly"] == 18
    first = plan.weeks[0]
    assert first.phase == "build" and first.stage is None and first.change is None  # the restart is the week's one change
    assert first.running_distance <= rules.restart_continuous_fraction * 18 + 1e-6
    assert first.running_distance >= rules.restart_continuous_fraction * 18 - 0.5
    assert any(r.rule == "R43" for r in first.reasons)
    for later, earlier in zip(plan.weeks[1:], plan.weeks):  # then the usual caps
        assert later.running_distance <= (1 + rules.weekly_increase_max) * max(earlier.running_distance, first.running_distance) + 1e-6


def test_a_continuous_restart_needs_the_readiness_tests_and_a_calm_knee() -> None:
    """The same break with the hop test not yet done, or sore now, or 5 weeks long, walk-runs instead."""
    not_tested = planned_with("break_3_weeks_hops_untested", restart_continuous_fraction=CONTINUOUS)
    assert not_tested.weeks[0].phase == "walk_run" and not_tested.weeks[0].stage == 7
    assert planned_with("break_5_weeks", restart_continuous_fraction=CONTINUOUS).weeks[0].phase == "walk_run"
    sore = planned_with("break_3_weeks", restart_continuous_fraction=CONTINUOUS, green_pain_max=1)  # worst pain 2 is not green then
    assert sore.weeks[0].phase == "walk_run"


def test_the_same_break_after_less_running_restarts_lower() -> None:
    """R43 reads prior volume too: 3 x 1.5 km jogs before a 3-week break start below 3 x 5-8 km runs."""
    short, usual = planned("break_3_weeks_short_runs"), planned("break_3_weeks")
    assert short.weeks[0].stage < usual.weeks[0].stage
    facts = next(r.facts for r in short.reasons if r.rule == "R43")
    assert facts["prior_longest_pain_free_min"] < 10 and facts["stage_by_break"] == 7


def test_a_break_reason_names_the_break_and_the_prior_volume() -> None:
    facts = next(r.facts for r in planned("break_5_weeks").reasons if r.rule == "R43")
    assert facts["break_days"] // 7 == 5 and facts["prior_weekly"] == 18


# Observation 9: no cadence change at 186 spm; never above own + 10% (R48, R34).
def test_a_quick_cadence_is_left_alone() -> None:
    plan = planned("quick_cadence")
    assert all(w.cadence_target is None for w in plan.weeks)
    assert all(not (w.change or "").startswith("cadence") for w in plan.weeks)
    assert "R48" in rules_of(plan)


def test_a_slow_cadence_rises_five_then_at_most_ten_percent() -> None:
    targets = [w.cadence_target for w in planned("slow_cadence").weeks if w.cadence_target]
    assert targets[0] == round(160 * 1.05) and max(targets) <= round(160 * 1.10)


# Observation 10: the runner's weekdays, whatever day the plan starts (R52).
def test_a_thursday_start_keeps_the_runners_weekdays() -> None:
    plan = planned("midweek_start")
    assert plan.start.weekday() == 3
    assert [d.weekday for d in plan.weeks[0].days] == ["thu", "fri", "sat", "sun"]  # a short first week
    assert all(w.start.weekday() == 0 for w in plan.weeks[1:])
    assert {d.strftime("%a").lower() for d, _, _ in runs_of(plan)} <= {"mon", "wed", "sat"}
    for week in plan.weeks:
        long = max(week_runs(week), key=lambda s: s.distance or 0)
        assert next(d.weekday for d in week.days if long in d.sessions) == "sat"
    strength = {d.weekday for w in plan.weeks for d in w.days for s in d.sessions if s.kind == "strength"}
    assert strength <= {"tue", "thu"}


def test_a_short_first_week_does_not_make_week_two_jump() -> None:
    plan, runner = planned("midweek_start"), scenario("midweek_start")
    assert plan.weeks[1].running_distance <= (1 + WEEKLY) * logged_weeks(runner)[-1] + 1e-6


# Runners across the range.
def test_a_teen_is_checked_by_a_clinician_before_any_plan() -> None:
    """Section 4 item 13 (category B): under-16s see a clinician before any plan; the signs that make it sooner are named."""
    plan = planned("teen")
    assert plan.status == "referral" and not runs_of(plan) and not plan.weeks
    assert plan.referral is not None and plan.referral.urgency == "review"
    words = " ".join(plan.referral.reasons)
    assert f"under {Settings().child_review_age:g}" in words and "before you start" in words
    assert all(sign in words for sign in ("bump below the kneecap", "a limp", "hip, groin or thigh"))
    assert planned_with("teen", child_review_age=15).status == "plan"  # a clinic may set the age


def test_a_seventy_year_old_gets_a_plan_with_a_clinician_check() -> None:
    plan = planned("age_70")
    assert plan.status == "plan" and plan.clinician_review
    assert plan.weeks[0].running_distance <= (1 + WEEKLY) * logged_weeks(scenario("age_70"))[-1] + 1e-6


def test_a_new_runner_with_bmi_over_30_starts_at_walk_run_stage_one_under_3_km() -> None:
    plan = planned("bmi_novice")
    assert plan.weeks[0].phase == "walk_run" and plan.weeks[0].stage == 1
    assert plan.weeks[0].running_distance <= Settings().bmi_week1_max_km  # R24
    assert "R24" in rules_of(plan)


def test_a_high_bmi_caps_week_one_even_when_the_runner_says_they_run_more() -> None:
    """R24: the same 12 km a week that puts a recreational runner at stage 9 gives a new runner with BMI 33 at most 3 km."""
    capped, usual = planned("bmi_new_12km"), planned("no_log_12km")
    assert usual.weeks[0].running_distance > Settings().bmi_week1_max_km  # the cap is what holds it down
    assert capped.weeks[0].running_distance <= Settings().bmi_week1_max_km
    assert capped.weeks[0].stage < usual.weeks[0].stage
    why = next(r for r in capped.reasons if r.rule == "R24")
    assert why.private == "answer" and why.facts["week1_max"] == Settings().bmi_week1_max_km
    assert planned_with("bmi_new_12km", bmi_high=35).weeks[0].stage == usual.weeks[0].stage  # a clinic's own BMI line


def test_one_run_a_week_stays_one_run_and_each_run_obeys_the_cap() -> None:
    plan = planned("one_run_week")
    assert all(len(week_runs(w)) == 1 for w in plan.weeks)
    assert plan.weeks[0].longest_run <= CAP * 8 + 1e-6
    longest = [w.longest_run for w in plan.weeks]
    assert all(b <= a * (1 + Settings().long_run_increase_max) + 1e-6 or plan.weeks[i].phase == "deload"
               for i, (a, b) in enumerate(zip(longest, longest[1:])))


def test_a_red_run_off_the_plan_pauses_running_then_it_resumes() -> None:
    """R26/R27: a red on Saturday swaps Sunday's run; the week after steps back from the week as run, never to nothing."""
    plan = planned("one_run_week_red")
    red_week, after = plan.weeks[1], plan.weeks[2]
    assert red_week.zone == "red" and red_week.running_distance == 0  # Sunday is inside the 48-hour wait
    assert 0 < after.running_distance <= (1 - Settings().flare_cut_min) * 8 + 1e-6  # 10% under the 8 km the week held
    assert any(r.rule == "R27" for r in after.reasons)
    assert all(w.running_distance > 0 for w in plan.weeks[2:])  # a week of nothing never becomes the ceiling


def test_walk_running_never_passes_a_small_weekly_goal() -> None:
    """R47 and invariant 25: a small goal caps each walk-run week, while the stages still lengthen the running bouts."""
    plan = planned("small_goal_walk_run")
    goal = plan.goal.weekly_distance
    walk_run = [w for w in plan.weeks if w.phase == "walk_run"]
    assert all(w.running_distance <= goal + 1e-6 for w in walk_run)
    assert walk_run[-1].stage > walk_run[0].stage
    trimmed = [r for w in walk_run for d in w.days for s in d.sessions for r in s.reasons if r.rule == "R47"]
    assert trimmed and trimmed[0].facts["goal"] == goal


def test_seven_run_days_do_not_mean_seven_runs() -> None:
    plan = planned("seven_days")
    assert plan.baseline.runs_per_week == 4
    assert all(len(week_runs(w)) == 4 for w in build_weeks("seven_days"))
    for week in build_weeks("seven_days"):  # spread out: no three days in a row
        days = sorted(d.date for d in week.days if any(s.kind in ("run", "walk_run") for s in d.sessions))
        assert not any((c - a).days == 2 for a, c in zip(days, days[2:]))


def test_miles_are_planned_in_miles() -> None:
    plan = planned("miles")
    assert plan.units == "mi" and plan.baseline.weekly_distance == 9
    assert plan.weeks[0].running_distance <= (1 + WEEKLY) * 9 + 1e-6
    assert all(" mi" in s.title for _, s, _ in runs_of(plan))


def test_weekend_only_walk_run_never_runs_two_days_in_a_row() -> None:
    plan = planned("weekend_walk_run")
    walk_run = sorted(d for d, s, w in runs_of(plan) if w.phase == "walk_run")
    assert walk_run and all((b - a).days >= 2 for a, b in zip(walk_run, walk_run[1:]))
    assert {d.strftime("%a").lower() for d in walk_run} <= {"sat", "sun"}


# Observation 12, and "the reasons say why" for every scenario in the corpus (Planner B's too).
@pytest.mark.parametrize("name", names())
def test_every_week_and_session_carries_a_reason_with_a_source(name: str) -> None:
    plan = planned(name)
    for week in plan.weeks:
        assert week.reasons and all(r.rule and r.source for r in week.reasons), (name, week.number)
        for day in week.days:
            assert all(s.reasons for s in day.sessions), (name, day.date)


@pytest.mark.parametrize("name", names())
def test_every_run_stays_under_the_single_run_cap_of_the_weeks_before(name: str) -> None:
    """R19/R40 across the corpus: logged runs (to the last logged day) and planned runs after it."""
    plan, runner = planned(name), scenario(name)
    as_of = max((e.date for e in runner.log.entries), default=plan.start - dt.timedelta(days=1))
    history = [(e.date, e.distance or 0.0) for e in runner.log.entries if e.is_run]
    for day, session, week in runs_of(plan):
        window = [d for when, d in history if day - dt.timedelta(days=30) <= when < week.start]
        if (session.stage is None or session.kind == "run") and window:  # a ladder's continuous jog is a run too
            assert session.distance <= CAP * max(window) + 1e-6, (name, day)
        if day > as_of:
            history.append((day, session.distance or 0.0))


def test_the_corpus_is_big_enough() -> None:
    mine = {"high_volume_six_runs", "race_spike", "reds_inside_plan", "reds_before_start", "pain_rising",
            "amber_during", "morning_usual_0", "morning_usual_1", *RESTARTS, "quick_cadence", "slow_cadence",
            "midweek_start", "teen", "age_70", "bmi_novice", "one_run_week", "seven_days", "miles", "weekend_walk_run",
            "break_3_weeks_short_runs"}
    assert mine <= set(names()) and len(mine) >= 14
    assert statistics.mean(len(planned(n).weeks) for n in mine) >= 4


def test_after_a_plan_ending_on_a_lighter_week_the_runner_goes_back_to_the_week_before() -> None:
    """R47 with R23a: age_70's week 8 is a deload, so what to hold afterwards is week 7, not the lighter week."""
    plan = planned("age_70")
    last, ordinary = plan.weeks[-1], plan.weeks[-2]
    assert last.phase == "deload" and ordinary.phase != "deload"
    assert f"go back to week {ordinary.number}" in plan.goal.after
    assert f"{ordinary.running_distance:g} km" in plan.goal.after and f"{last.running_distance:g} km" not in plan.goal.after
