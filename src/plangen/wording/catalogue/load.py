"""Words for the week's running load: how much, and the one thing that changes (R18, R20, R23, R27, R38)."""

from plangen.wording.message import Catalogue, Message

MESSAGES: Catalogue = {
    "load.repeat_amber": Message("Not every run last week was green, so this week repeats it.", "{why}"),
    "load.held_for_review": Message("Volume held while a clinician reviews your slow progress.", "{volume:g} {units}"),
    "load.first_green_week": Message("Continuous running starts at your last all-green week.", "{volume:g} {units}"),
    "load.without_walk_breaks": Message("Last week had walk breaks and every run was green: this week's one change is "
                                        "running without them, at the same volume.", "{volume:g} {units}"),
    "load.cadence_week": Message("This week's one change: a slightly quicker step rate, with volume held (one change "
                                 "at a time).", "cadence step {step}"),
    "load.step_back": Message("Pain went up, so this week steps back to your last all-green week, with walk breaks and "
                              "no hard sessions.",
                              "{why}; last all-green week {green_volume:g} {units}; this week {from:g} -> at most {to:g} {units}"),
    "load.deload": Message("A lighter week lets the knee and body catch up.",
                           "peak of the last 3 weeks {peak:g} {units}, last week {last:g}, less {deload_cut:pct}"),
    "load.after_deload": Message("After the lighter week, back to the week before it, no higher.", "{volume:g} {units}"),
    "load.goal_held": Message("You have reached your goal volume; it is held while other things change.",
                              "goal {goal:g} {units}"),
    "load.intensity_added": Message("Two all-green weeks at your goal volume: this week adds {step}, the one change.",
                                    "{green_weeks} green weeks at {goal:g} {units}"),
    "load.up.weekly": Message("Every run last week was green, so weekly running rises a little.",
                              "from {from:g} to at most {to:g} {units} (limited by the {weekly_increase_max:pct} weekly cap)"),
    "load.up.two_week": Message("Every run last week was green, so weekly running rises a little.",
                                "from {from:g} to at most {to:g} {units} (limited by the {two_week_increase_max:pct} two-week cap)"),
    "load.up.goal": Message("Every run last week was green, so weekly running rises a little.",
                            "from {from:g} to at most {to:g} {units} (limited by your goal)"),
}
