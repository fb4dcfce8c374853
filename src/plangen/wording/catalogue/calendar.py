"""Words the calendar file (plan.ics) states around the plan's own: event titles, the knee checks, the pain rule."""

from plangen.wording.message import Catalogue

MESSAGES: Catalogue = {
    "calendar.name": "Return-to-run plan",
    "calendar.session": "Week {week}: {title}",
    "calendar.intervals": "Walk {warmup}, then {intervals}, then walk {cooldown}.",
    "calendar.exercise": "- {name}: {dose}{speed}",
    "calendar.exercise.as_card": "as on the card",
    "calendar.easier": "Easier option: {easier}",
    "calendar.cross_training": "Cross-training option: {cross_training}",
    # R3: the 2-point drop is the rule itself, not a setting; the week it is checked is.
    "calendar.review.title": "Knee check: book a clinician review if it is not better",
    "calendar.review": "You are {review_week} weeks into your plan. If your worst knee pain is not at least 2 points lower "
                       "than when you started, book a review with your doctor or physiotherapist. Take your diary with you.",
    "calendar.review_by.title": "Review: see your clinician about this plan",
    "calendar.review_by": "Your clinic asked to review this plan by today. Take your diary and the plan with you.",
    "calendar.event.title": "Event: {name}",
    "calendar.event": "{name}: {distance}.",
    "calendar.event.unsafe": "Your plan cannot safely reach this distance by then. {safe_option}",
    "calendar.pain.strength": "Pain rule: up to {strength_pain_max}/10 during the exercises is okay if it settles within "
                              "an hour and is no worse next morning.",
    "calendar.pain.zones": "Pain rule: 0-{green_pain_max}/10 {during} is fine; {amber_low}-{amber_high}: slow down and add "
                           "walk breaks; {red_pain_min} or more, a limp or swelling: stop and walk home.",
    "calendar.pain.during_run": "during the run",
    "calendar.pain.during_session": "during the session",
    "calendar.pain.scores": "Score your pain during, 1 hour after and next morning.",
}
