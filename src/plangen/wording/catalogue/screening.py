"""Words for screening: red flags, clinician review, the readiness tests before running."""

from plangen.wording.message import Catalogue, Message

MESSAGES: Catalogue = {
    # Red flags (R2): what the referral tells the runner, one sentence per screening answer.
    "screening.flag.cannot_bear_weight": "You cannot put weight on the leg.",
    "screening.flag.hot_red_knee": "Your knee is hot, red or swollen, which can mean an infection.",
    "screening.flag.locking": "Your knee locks and you cannot fully straighten it.",
    "screening.flag.kneecap_slipped": "Your kneecap slipped out of place or the knee changed shape.",
    "screening.flag.numbness_or_calf_pain": "You have numbness, pins and needles, or a painful, swollen calf.",
    "screening.flag.recent_trauma": "Your pain started with a fall, twist, collision or blow.",
    "screening.flag.swelling": "Your knee is swollen.",
    "screening.flag.giving_way": "Your knee gives way or feels unstable.",
    "screening.flag.night_pain": "You have pain at night or when resting.",
    "screening.flag.feeling_unwell": "You feel unwell, or have had fever or weight loss you cannot explain.",
    "screening.flag.rapidly_worsening": "Your pain is getting worse quickly even though you do less.",
    "screening.flag.swelling_after_injury": "Your knee swelled after an injury.",
    "screening.flag.pain_location": "Your pain is not at the front of the knee, so it may be something else.",
    "screening.flag.growing_knee": ("You are under {child_review_age:g}. In a growing knee, pain at the front can come "
                                    "from the growth areas of the bones, not only from behind the kneecap, so a "
                                    "clinician should check your knee before you start a running plan."),
    "screening.flag.growing_knee_signs": ("Go within a few days, rather than waiting, if you have a tender bump below "
                                          "the kneecap, pain at the bottom tip of the kneecap, a limp, or pain in the "
                                          "hip, groin or thigh."),
    # The same answers as the checklist names them ("you said yes to: giving way").
    "screening.flag_name.cannot_bear_weight": "cannot bear weight",
    "screening.flag_name.hot_red_knee": "hot red knee",
    "screening.flag_name.locking": "locking",
    "screening.flag_name.kneecap_slipped": "kneecap slipped",
    "screening.flag_name.numbness_or_calf_pain": "numbness or calf pain",
    "screening.flag_name.recent_trauma": "recent trauma",
    "screening.flag_name.swelling": "swelling",
    "screening.flag_name.giving_way": "giving way",
    "screening.flag_name.night_pain": "night pain",
    "screening.flag_name.feeling_unwell": "feeling unwell",
    "screening.flag_name.rapidly_worsening": "rapidly worsening",
    "screening.referral": Message("A screening answer needs a clinician before any running or strength progression.",
                                  "{flags:join ,}"),

    # Clinician review and the pain gates (R2, R3, R12).
    "screening.review.pain_gate": "Your pain is too high to run for now: see a clinician, and keep up the strength work.",
    "screening.review.not_improving": "Your knee has not improved after 6 weeks of exercise: book a clinician review.",
    "screening.review.swelling_after_runs": "Your knee has swollen after runs more than once: ask a clinician to check it.",
    "screening.review.older": ("Over {older_review_age:g}, knee pain can have other causes: have a clinician check the "
                               "knee early on."),
    "screening.not_improving": Message("No improvement after 6 weeks: volume is held, not raised, until a clinician "
                                       "reviews.", "not_improving_6_weeks: true"),
    "screening.swelling_after_runs": Message("Swelling after runs is worth a clinician's check.",
                                             "swelling_after_runs: true"),
    "screening.older": Message("Age {older_review_age:g} or over: a clinician check is advised.", "age {age}"),
    "screening.rest_pain": Message("Pain at rest is high: strength and cross-training only, no running yet.",
                                   "pain at rest {pain_at_rest}/10 (limit {rest_pain_gate:g})"),
    "screening.daily_pain": Message("Daily-life pain is high: strength and cross-training only, no running yet.",
                                    "worst daily pain {worst_daily_pain}/10 (limit {daily_pain_gate:g})"),
    "screening.not_ready": Message("Not ready to run yet: build up walking and strength until the readiness tests are "
                                   "pain-free.", "30-min brisk walk: {brisk_walk_result}, 10 hops: {hops_result}"),
    "screening.test.yes": "pain-free",
    "screening.test.no": "not yet",
    "screening.test.not_answered": "not tested",

    # Why a knee counts as irritable, so strength starts with holds (R50).
    "screening.irritable.rest_pain": "pain at rest {pain}/10",
    "screening.irritable.daily_pain": "worst daily pain {pain}/10",
    "screening.irritable.strength_pain": "strength exercise pain {pain}/10 on {day}",

    # The readiness checklist to tick before running (R2, R12), with the runner's own answers as data.
    "screening.check.brisk_walk": "I can walk briskly for 30 minutes with no knee pain and no limp.",
    "screening.check.hops": "I can hop 10 times on my sore leg, with knee pain {green_pain_max:g}/10 or less.",
    "screening.check.rest_pain": Message("When I sit or lie still, my knee pain is below {rest_pain_gate:g}/10.",
                                         "pain at rest {pain}/10"),
    "screening.check.daily_pain": Message("In daily life, such as walking and stairs, my worst knee pain is below "
                                          "{daily_pain_gate:g}/10.", "worst daily pain {pain}/10"),
    # Where a check comes from when its rule's own citation does not cover it.
    "screening.source.hops": ("Sports-injury physio return-to-run guidance (10 pain-free hops); needing both tests is "
                              "a plangen default"),
    "screening.source.pain_gate": "plangen design default, as no study gives a number (clinical rules, section 4, item 17)",
    "screening.check.red_flags": Message("My knee has none of the warning signs, such as swelling, locking, giving way, "
                                         "pain at night, or feeling unwell.", "you said yes to: {flags:join ,}"),
}
