"""Words attached to every week: form focus, how to move on, the flare-up rules, the morning check, contingencies."""

from plangen.wording.message import Catalogue

MESSAGES: Catalogue = {
    "week.focus.kneecaps": "Kneecaps point the same way as your toes when you land.",
    "week.focus.tall": "Run tall, with a slight lean forward from the hips, and keep your belly gently firm.",
    "week.focus.step_rate": ("Step rate: about {target} steps a minute (your own {cadence}, a little quicker). "
                             "Use a metronome app, keep the same easy pace: shorter, quicker steps."),
    "week.focus.film": "Film yourself or run past a mirror once this week to check your knees and step.",
    "week.focus.count_steps": "Count your steps for 30 seconds on an easy run and double it: that is your step rate.",

    "week.check.walk_run": ("Move to the next stage after 2 green sessions in a row (pain {green_pain_max}/10 or less, "
                            "settled within an hour, no worse next morning)."),
    "week.check.walk_run_amber": ("Amber session: repeat the stage. Red session: go back one stage and wait "
                                  "{red_wait_days} days."),
    "week.check.no_running": "Keep going with strength and cardio. Ask your clinician when you may start walk-running.",
    "week.check.ready_to_run": ("Ready to run when you can walk briskly for 30 minutes and hop 10 times on the sore leg "
                                "with pain {green_pain_max}/10 or less."),
    "week.check.deload": "This lighter week is planned: enjoy it. Next week goes back to the week before this one.",
    "week.check.run": ("Next week only goes up if every run this week is green (pain {green_pain_max}/10 or less, "
                       "settled within an hour, no worse next morning)."),
    "week.check.run_amber": "One amber run: repeat this week. Two ambers, or a red run: step back (see the flare-up page).",
    "week.check.strength": ("Strength: move an exercise up a step only after 2 sessions with 1 more rep than the target, "
                            "exercise pain {strength_pain_max}/10 or less, and no worse next morning."),
    "week.check.review": ("Check-in: compare your worst pain with week 1. If it has not dropped by 2 points or more, "
                          "book a clinician review."),

    "week.flare.stop": "Pain {red_pain_min}/10 or more, a limp or swelling during a run: stop, walk home, and read the flare-up page.",
    "week.flare.walk_run": "After a red session, wait at least {red_wait_days} days and go back one stage.",
    "week.flare.run": "After a red run, wait at least {red_wait_days} days; the next run is no longer than your last green run.",

    "week.morning_rule": ("Score your knee when you wake up. 0-{green_pain_max} and walking feels normal: do the planned "
                       "session. {amber_low}-{amber_high}, or stiff: do the easier version. {red_pain_min} or more, "
                       "swollen or limping: cross-train or rest and follow the flare-up page."),

    "if.green.when": "Pain during a run is {green_pain_max}/10 or less",
    "if.green.do": "Carry on. This is the green zone.",
    "if.amber.when": "Pain during a run is {amber_low}-{amber_high}/10",
    "if.amber.do": ("Slow down 10-20%, add walk breaks (run 4 min, walk 1 min), keep to flat ground. Repeat this step "
                    "next time instead of moving on."),
    "if.red.when": "Pain during a run reaches {red_pain_min}/10, keeps rising, or you limp",
    "if.red.do": ("Stop and walk home. No running for at least {red_wait_hours} hours and until walking is pain-free "
                  "and morning pain is back to normal."),
    "if.after_hour.when": "Pain an hour after is still above where it started",
    "if.after_hour.do": "Count the run as amber: repeat it next time, do not progress.",
    "if.next_morning.when": "Next-morning pain is 2 or more points higher than usual",
    "if.next_morning.do": ("Count the run as red: replace the next run with easy cycling, pool running or a walk, and "
                           "go back one step."),
    "if.two_ambers.when": "Two amber runs in a week, or next-morning pain 2 points worse than last week",
    "if.two_ambers.do": ("Next week goes back to your last all-green week (at least {flare_cut_min:pct} less running), "
                         "with walk breaks and no hills or speed."),
    "if.two_reds.when": "Two red sessions within 14 days",
    "if.two_reds.do": "Book a clinician review. Keep up strength work and easy cardio.",
    "if.no_drop.when": "No 2-point drop in your worst pain after about {review_week} weeks",
    "if.no_drop.do": "Book a clinician review; most knee pain improves within 6-12 weeks with this kind of plan.",
    "if.red_flags.when": ("Swelling, locking, the knee giving way, night pain, fever, or you cannot put weight on the "
                          "leg"),
    "if.red_flags.do": ("Stop the plan and see a clinician. If the knee is hot and red with fever, or you cannot bear "
                        "weight, get care today."),
    "if.strength.when": "A strength exercise hurts more than {strength_pain_max}/10 or is worse next morning",
    "if.strength.do": "Use the easier version, less weight, or a smaller range until it settles.",
}
