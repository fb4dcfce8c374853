"""Words for where the plan starts: history, entry stage, restarts after a break, running on hold.

Numbers that are the planner's own constants (how many days count as a break, how many weeks are read) come in
as facts too, so these words never state a figure the code does not use.
"""

from plangen.wording.message import Catalogue, Message

_LONGEST_RUN = ("longest pain-free run in {window_days} days: {longest_pain_free_min:g} min; stage {stage_by_run} "
                "jogs at most {entry_bout_fraction:pct} of that")
_ON_HOLD_TESTS = "{stopped:join ;}"
_FREQUENCY_DATA = "{logged_runs_a_week} runs a week over your last {weeks_read} logged weeks"
_NO_RECENT_RUN = "No run in the last {window_weeks} weeks: restart with walk-run intervals."


def _spike(kind: str) -> Message:
    """A one-off long run or race left out of the start (R41): the same words, named for what it was."""
    return Message("Your {left_out:g} {units} " + kind + " on {date:date} was a one-off, so it is left out: your "
                   "start and your longest-run limit come from your ordinary weeks.",
                   "{left_out:g} {units} against a usual run of {median_run:g} {units} "
                   "(one-off above {spike_ratio:g} x, or a race)")


MESSAGES: Catalogue = {
    # Straight into continuous running (R14, R20, R41, R42).
    "entry.build": Message("You already run {continuous_min}+ minutes, so the plan starts with continuous running.",
                           "{long_runs} runs of {continuous_min}+ min in the last {window_days} days"),
    "entry.start.profile": Message("Continuous running starts at the pain-free volume in your profile.",
                                   "{volume:g} {units}"),
    "entry.start.log": Message("Continuous running starts from your ordinary weeks: the better of your last two, "
                               "without red runs or one-off spikes.", "{volume:g} {units}"),
    "entry.start.cap": Message("Week 1 is at most {weekly_increase_max:pct} above your usual week (the larger of your "
                               "last logged week and your {weeks_read}-week average).",
                               "last week {last_week:g} {units}, {weeks_read}-week average {four_week_mean:.1f} {units}, "
                               "so at most {week1_max:.1f} {units}"),
    "entry.spike.run": _spike("run"),
    "entry.spike.race": _spike("race"),
    "entry.amber": Message("Some recent runs were amber or missing a pain score, so week 1 holds your running, "
                           "{amber_trim:pct} lighter, with walk breaks, a slower pace and flat routes. Amber is a hold, "
                           "not a restart.",
                           "{amber_runs} amber or unscored runs in the last {window_days} days; {from:g} -> {to:g} {units}"),

    # Walk-run from the runs of the last two weeks (R14, R43).
    "entry.walk_run.longest_run": Message("Walk-run stage chosen from your longest pain-free run.", _LONGEST_RUN),
    "entry.walk_run.recent_running": Message(
        "Walk-run stage chosen from your pain-free running of the last few weeks.",
        _LONGEST_RUN + "; your pain-free running in the {weeks_read} weeks before your last run supports stage "
                       "{floor_stage}"),
    "entry.flaring": Message("Your knee is flaring now, so walk-run starts at stage {entry_stage}.",
                             "worst pain last week {worst_pain}/10"),
    "entry.flaring.review": ("Your worst pain last week was {worst_pain}/10, in the red zone: book a clinician "
                             "review before you start, and stop if walk-running hurts that much."),

    # How many runs a week (R39).
    "entry.frequency.same": Message("You usually run {logged_runs_a_week:times} a week, and continuous running keeps "
                                    "{planned_runs_a_week:count run|runs} a week, each sized from your own runs rather "
                                    "than squeezed into fewer, longer ones.",
                                    _FREQUENCY_DATA),
    "entry.frequency.more": Message("You usually run {logged_runs_a_week:times} a week; the plan spreads the same "
                                    "running over {planned_runs_a_week:count run|runs}, because more, shorter runs are "
                                    "easier on the knee.",
                                    _FREQUENCY_DATA),
    "entry.frequency.fewer": Message("You usually run {logged_runs_a_week:times} a week but have {planned_runs_a_week} "
                                     "run days free, so the plan uses those days with shorter runs.",
                                     _FREQUENCY_DATA),

    # Week 1 held or capped (R24, R45).
    "entry.bmi_cap": Message("You are new to running and your BMI is over {bmi_high:g}, so week 1 holds at most "
                             "{bmi_week1_max_km:g} km of running: a heavier body puts more load through the knee in "
                             "every step.", "BMI {bmi:g}; week 1 at most {week1_max:g} {units}"),
    "entry.escalation": Message("Your log before the plan shows pain building, so week 1 adds nothing and a clinician "
                                "review is recommended.", "{warnings:join ;}"),
    "entry.escalation.review": "Before you start: {warnings:join ;}. Book a clinician review.",
    "entry.escalation.reds": ("{reds:count red run|red runs} in the {window_weeks} weeks before the plan "
                              "(last {last_red:date})"),
    "entry.escalation.pain_rise": ("worst pain rose from {pain_before}/10 to {pain_after}/10 with about the same "
                                   "running ({load_before:g} and {load_after:g} {units})"),

    # Restarts after a break (R17, R43).
    "entry.restart.walk_run": Message(_NO_RECENT_RUN, "last run: {last_run}"),
    "entry.restart.walk_run_no_log": Message(_NO_RECENT_RUN, "last run: none logged"),
    "entry.restart.stage": Message("A {break_weeks}-week break: walk-run restarts at stage {entry_stage}. A longer "
                                   "break, or less pain-free running before it, starts lower.",
                                   "last run {last_run}; before it about {prior_weekly:g} {units} a week, longest "
                                   "pain-free run {prior_longest_pain_free_min:g} min"),
    "entry.restart.continuous": Message(
        "A short break after pain-free running, and the readiness tests are passed: continuous running restarts at "
        "about {restart_continuous_fraction:pct} of your usual week. A break of {break_medium_weeks:g} weeks or more, "
        "or pain, restarts on the walk-run ladder instead.",
        "last run {last_run} ({break_days} days before the start); before it about {prior_weekly:g} {units} a week, "
        "{green_runs} pain-free runs of {continuous_min}+ min; week 1 {volume:g} {units}"),
    "entry.restart.profile": Message("No log yet, but you say you run about {profile_weekly:g} {units} a week "
                                     "pain-free: walk-run starts at stage {entry_stage}, to check that before the plan "
                                     "builds.", "{profile_weekly:g} {units} a week is about {minutes_a_run} min a run"),

    # Running on hold (R49): what stopped it, the cardio instead, the weekly re-tests.
    "entry.on_hold": Message("Running is on hold because " + _ON_HOLD_TESTS + ". The plan stays active: strength, "
                             "mobility and non-impact cardio every week, and the readiness tests again each week. Once "
                             "they are passed, running starts at walk-run stage 1.", _ON_HOLD_TESTS),
    "entry.stopped_by.untested": "a readiness test is not yet passed",
    "entry.stopped_by.rest_pain": ("pain at rest is {pain}/10 (running waits until it is below "
                                   "{rest_pain_gate:g}/10)"),
    "entry.stopped_by.daily_pain": ("worst pain in daily life is {pain}/10 (running waits until it is below "
                                    "{daily_pain_gate:g}/10)"),
    "entry.stopped_by.brisk_walk": "a 30-minute brisk walk is not yet pain-free",
    "entry.stopped_by.hops": "10 hops on the sore leg are not yet possible with pain {green_pain_max:g}/10 or less",
    "entry.on_hold.cardio": Message("Running is on hold, so non-impact cardio keeps your fitness: about {minutes} "
                                    "minutes this week, spread over several sessions, with the same pain traffic "
                                    "light as running.",
                                    "recent running about {minutes} min a week (at least {no_running_cardio_min:g})"),
    "entry.on_hold.retest": Message("Try the readiness tests again this week. When all are passed, the next runs "
                                    "are walk-run stage 1.", _ON_HOLD_TESTS),
    "entry.retest.brisk_walk": "Walk briskly for 30 minutes: is it pain-free, with no limp?",
    "entry.retest.hops": "Hop 10 times on the sore leg: is the pain {green_pain_max:g}/10 or less?",
    "entry.retest.rest_pain": "Sit still for 10 minutes: is the knee pain below {rest_pain_gate:g}/10?",
    "entry.retest.daily_pain": "Over the week, did daily-life pain (walking, stairs) stay below {daily_pain_gate:g}/10?",
}
