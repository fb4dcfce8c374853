"""Words the pages and the handout print around the plan's own, and what a published plan says it left out.

Only sentences that state a threshold live here (plain theme words with no number stay in the templates).
A page may mark emphasis as **words**: the pages' say() escapes the sentence first and then makes those
<strong>; anything else reads them as plain text.
"""

from plangen.wording.message import Catalogue

MESSAGES: Catalogue = {
    # A week's phase, as every page, the handout and plangen plan name it; a short form for a table cell.
    "pages.phase.walk_run": "Walk-run",
    "pages.phase.build": "Build",
    "pages.phase.deload": "Lighter week",
    "pages.phase.intensity": "Add speed",
    "pages.phase.maintain": "Hold steady",
    "pages.phase.no_running": "Strength and cross-training",
    "pages.phase.taper": "Ease off before the event",
    "pages.phase.recovery": "Recover after the event",
    "pages.phase_short.no_running": "Strength, no running",
    "pages.phase_short.taper": "Ease off for the event",
    "pages.phase_short.recovery": "Recover",
    # The week's one change (Week.change), with the limit the plan used
    "pages.change.volume": "a little more running (up to {weekly_increase_max:pct} more than last week)",
    "pages.change.cadence_first": "a slightly quicker step rate (+{cadence_first_step:pct})",
    "pages.change.cadence_again": "a slightly quicker step rate again (up to +{cadence_max_step:pct})",
    "pages.change.volume_short": "more running (up to {weekly_increase_max:pct})",
    "pages.change.cadence_first_short": "quicker steps (+{cadence_first_step:pct})",
    "pages.change.cadence_again_short": "quicker steps (up to +{cadence_max_step:pct})",
    "pages.change.stage_short": "next walk-run stage",

    # The pain traffic light on the site
    "pages.light.green_during": "0 to {green_pain_max} out of 10",
    "pages.light.amber_during": "{amber_low} to {amber_high} out of 10",
    "pages.light.red_during": "{red_pain_min} or more out of 10, or getting worse as you go",
    "pages.light.red_do": ("Stop running and walk home. No running until your knee feels normal again and walking does "
                           "not hurt (at least {red_wait_days} days). Then go back to your last good week, and swap hard "
                           "runs for cycling, pool running or the cross-trainer."),
    "pages.light.strength": ("For **strength exercises**, pain up to {strength_pain_max} out of 10 is okay if it settles "
                             "within an hour and is not worse the next morning. If it is more than that, make the "
                             "exercise easier: less weight, less depth or a smaller range."),

    # The pain traffic light in the handout: short enough for page 1
    "pages.print.green_when": "Pain 0 to {green_pain_max} out of 10, settled within an hour, no worse next morning.",
    "pages.print.amber_when": "Pain {amber_low} to {amber_high}, still sore after an hour, or 1 point worse next morning.",
    "pages.print.red_when": "Pain {red_pain_min} or more, rising, a limp or swelling, or 2 points worse next morning.",
    "pages.print.red_do": ("Stop and walk home. No running for at least {red_wait_days} days, then go back to your "
                           "last good week."),
    "pages.print.no_better": "it is no better after about {review_week} weeks of the plan.",
    "pages.print.bad_week": ("Go back to the last week that felt good (at least {flare_cut_min:pct} less running), swap "
                             "hard runs for cycling or pool running, keep up the strength work and keep moving."),
    "pages.print.strength_days": ("**Strength days:** move slowly, kneecap in line with your toes. Knee pain up to "
                                  "{strength_pain_max} out of 10 is fine if it settles within an hour and is no worse "
                                  "next morning; if more, use the easier version. Write the reps you did and your pain "
                                  "beside each exercise."),

    # The flare-up page
    "pages.flare.no_better": "things are not better after about {review_week} weeks of following the plan.",
    "pages.flare.amber": ("Pain of **{amber_low} to {amber_high}** out of 10: slow down, take a walk break, stay on "
                          "flat ground and finish the session without adding anything."),
    "pages.flare.red": ("Pain of **{red_pain_min} or more**, pain that keeps rising, a limp, or a sharp or catching "
                        "feeling: **stop running and walk home**."),
    "pages.flare.bad_week": "Go back to the last week that felt good: at least {flare_cut_min:pct} less running than this week.",

    # The diary and the clinician page
    "pages.diary.strength": ("For strength, write each exercise on its own line: the sets and reps you did (for example "
                             "3 × 11), the pain during it, and the next morning. An exercise moves up a step only after "
                             "2 sessions in a row at the target plus 1 rep, with pain of {strength_pain_max} or less and "
                             "no worse the next morning, and at least {strength_sessions_per_step} sessions at that dose. "
                             "Copy the numbers into your log so the plan can use them."),
    "pages.clinician.review_week": "Week {review_week}: worst pain should be down by 2 points",

    # A published plan (--publish) says that something was left out, never what
    "publish.answer": ("Your answers about your knee and health decide this (the details are left out of this online "
                       "copy)."),
    "publish.referral": "Which signs they were is left out of this online copy. Tell your clinician about them.",
    "publish.review": ("Something in your answers is worth a clinician's check (the details are left out of this "
                       "online copy)."),
}
