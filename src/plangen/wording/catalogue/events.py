"""Words for races and goals: taper, race day, recovery, safe options, what comes after the plan."""

from plangen.wording.message import Catalogue, Message

_EVENT_DAY = "{event} on {event_date}, {distance:g} {units}"  # the clinician's line naming the event
_OUTSIDE = ("Your event falls outside this plan. The same limits, carried on, say whether it is safe by then; the next "
            "plan, made from your updated log, will taper for it.")
_GOAL_REACHED = ("Your goal, and the week the safe limits (at most +{weekly_increase_max:pct} a week, a lighter week every "
                 "{deload_every} weeks) would reach it.")
_GOAL_WEEK = "goal: {goal_words}; week {reached_week} (from {reached_date}) "

MESSAGES: Catalogue = {
    "events.stop_rule": ("Stop running and walk if knee pain reaches {red_pain_min}/10, keeps rising, or you start to "
                         "limp. Walking to the finish is a good result."),

    # The weeks around the event (R46).
    "events.taper": Message("Race week is lighter: at most {taper_volume_max:pct} of last week, only easy running, and "
                            "nothing longer than an easy {taper_easy_min} minutes in the {taper_days} days before.",
                            "{event} on {event_date}; week before {from:g} {units}; this week at most {to:g} {units} "
                            "({taper_volume_max:pct}), race day {race_day:g} {units}"),
    "events.recovery": Message("The week after the event is a recovery week: easy running only, and less of it. Then "
                               "the plan picks up where it was.",
                               "{event} was on {event_date}; week before race week {from:g} {units}; "
                               "this week at most {to:g} {units}"),
    "events.no_new_intensity": Message("No new kind of speed or hill work in the {event_intensity_lock_weeks} weeks "
                                       "before an event: your body meets it after the race.",
                                       "{event} on {event_date}; {held_back} held back"),
    "events.week_holds": Message("This week holds {event} on {event_date:date}.", "{event}: {distance:g} {units}, {event_date}"),

    # The days just before the event: a short easy run, named by how many days are left (taper_days is 1-4).
    "events.short_run": Message("{days_before:word events.days_before} days before {event}: an easy run of {taper_easy_min} minutes at most.",
                                "{distance:g} {units}"),
    "events.days_before.2": "Two",
    "events.days_before.3": "Three",
    "events.days_before.4": "Four",

    # Race day.
    "events.race_day": Message("Race day: start easy, keep to your own pace, and use the stop rule.",
                               "{event}: {distance:g} {units}; longest safe run that day {longest_safe:g} {units}"),
    "events.title.race": "{event}: {distance:g} {units} at an easy, even effort",
    "events.title.run_walk": ("{event}: run-walk the {distance:g} {units} (run 4 min, walk 1 min; about {running:g} "
                              "{units} running)"),
    "events.title.shorter": ("{event}: a shorter distance, at most {running:g} {units} (the full {distance:g} {units} "
                             "is not safe yet)"),
    "events.race_easier": "Run-walk it (run 4 min, walk 1 min), or walk the course: {stop_rule}",
    "events.race_cross": "Skip the event and cheer; plan a later one.",
    "events.race_terrain": "the event course",

    # Whether the event is safe, and the safe ways to take part (R46, R47).
    "events.reachable": Message("Your event is inside the plan and its distance is within the single-run limit by "
                                "then: race week tapers for it.",
                                _EVENT_DAY + "; longest safe run that day {longest_safe:g} {units}"),
    "events.before_running": Message("Your event comes before continuous running is back, so the plan does not race "
                                     "it: see the safe options.",
                                     _EVENT_DAY + "; longest safe run that day {longest_safe:g} {units}; "
                                     "that week is {phase}"),
    "events.not_reachable": Message("The full distance would break the single-run limit on the day, so race day holds "
                                    "the safest option instead.",
                                    _EVENT_DAY + "; longest safe run that day {longest_safe:g} {units}"),
    "events.outside.before_plan": Message(_OUTSIDE, _EVENT_DAY + ": before the plan starts"),
    "events.outside.after_plan": Message(_OUTSIDE, _EVENT_DAY + ": after the plan's last week (week {last_week})"),
    "events.outside.projected": Message(_OUTSIDE, _EVENT_DAY + ": after the plan's last week (week {last_week}); "
                                        "projected longest safe run then {longest_safe:g} {units} if every week stays green"),
    "events.outside.no_weeks": Message(_OUTSIDE, _EVENT_DAY + ": outside the plan"),
    "events.option.run_walk": ("Run-walk the {distance:g} {units}: run 4 minutes, walk 1, about {running:g} {units} of "
                               "running."),
    "events.option.shorter": "Choose a shorter distance at the event, at most {distance:g} {units}.",
    "events.option.walk_or_cheer": "Walk it at an easy pace if walking is pain-free, or go along and cheer.",
    "events.option.later_goal": ("Choose a later event: at your goal volume the safe limits do not reach this distance "
                                 "yet; talk to your clinician about a bigger goal first."),
    "events.option.later": "Pick a later {distance:g} {units} event: the limits would allow it from about {date:date}.",

    # The goal (R47) and what comes after the plan's last week.
    "events.goal.weekly": "{goal:g} {units} a week",
    "events.goal.both": "{parts:join and}",
    "events.goal.none": "no goal set",
    "events.goal.unknown": Message("Your goal is stated here; the week it is reached shows once running is under way "
                                   "and the caps can be applied.", "goal: {goal_words}"),
    "events.goal.inside": Message(_GOAL_REACHED, _GOAL_WEEK + "inside this plan; last plan week {last_week:g} {units}"),
    "events.goal.beyond": Message(_GOAL_REACHED, _GOAL_WEEK + "after this plan, if every week stays green; "
                                  "last plan week {last_week:g} {units}"),
    "events.after.no_running": ("When the readiness tests are pain-free, start walk-run at stage 1 and make a new plan "
                                "from your updated log; the week your goal is reached will show then."),
    "events.after.repeat": ("After week {week}, repeat it (about {distance:g} {units} of running) while every run "
                            "stays green"),
    "events.after.repeat_ordinary": ("After week {week}, a lighter week, go back to week {ordinary} (about "
                                     "{distance:g} {units} of running) and repeat it while every run stays green"),
    "events.after.no_goal": "{repeat}, then make the next plan from your updated log.",
    "events.after.at_goal": ("{repeat}. You are at your goal: keep it, and add one change at a time in the next plan "
                             "made from your updated log."),
    "events.after.building": ("{repeat}, or make the next plan from your updated log: it keeps building by at most "
                              "{weekly_increase_max:pct} a week.{reach}"),
    "events.after.reach": " The caps would reach {goal:g} {units} a week in week {week} (from {date:date}).",
}
