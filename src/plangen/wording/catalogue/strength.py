"""Words for strength work: exercise choice, isometric holds, steps up and down."""

from plangen.wording.message import Catalogue, Message

MESSAGES: Catalogue = {
    # What each session holds (R31, R32, R51).
    "strength.slots": Message("Each session has a hip (side of the hip) exercise and a thigh (quads) exercise.",
                              "{names:join ,}"),
    "strength.dose": Message("2-3 strength sessions a week, 8-12 slow reps, lowering over 2-3 seconds. An exercise steps "
                             "up after two sessions at 1 more rep than asked, with pain {strength_pain_max}/10 or less and "
                             "no worse next morning.", "week {week}: cards up to level {level}; {steps:join ,}"),
    "strength.dose_step": "{name} step {step}",
    "strength.choice": Message("Exercises are picked for your equipment and what bothers your knee. Over each week the "
                               "two sessions cover {covers:join and}. Sessions hold {fewest}-6 exercises and last at "
                               "most {strength_session_max_min} minutes.",
                               "your equipment: {kit_words}; used today: {used_words}{left_out_words}"),
    "strength.choice.no_kit": "none beyond home basics",
    "strength.choice.no_load": "body weight",
    "strength.choice.left_out": "; left out: {moves:join ,} ({why})",
    "strength.choice.aggravated": "they load what bothers you: {aggravators:join ,}",
    "strength.choice.needs_kit": "they need equipment you do not have",
    "strength.kit_held": Message("Without {missing:words strength.kit or}, {names:join ,} stay at the last step you can do with what "
                                 "you have: slower lowering and full control first. A harder bodyweight exercise comes "
                                 "in when every exercise has moved on.", "{needs}"),
    "strength.kit_needs": "{name}: next step needs {kit:words strength.kit ,}",

    # An irritable knee starts with holds (R50).
    "strength.holds": Message("Your knee is irritable, so the thigh exercise is a still hold (5 x 30-45 s) in a shallow "
                              "range, with pain {isometric_pain_max}/10 or less. Holds often ease pain. Moving exercises "
                              "start after {isometric_weeks:count week|weeks} of holds at that level.", "{why}"),
    "strength.after_holds": Message("After holds at {isometric_pain_max}/10 or less, the thigh exercises move through a "
                                    "range again. If they hurt over {isometric_pain_max}/10, go back to the holds for a "
                                    "week.", "{why}"),

    # How a dose moves (R30-R32).
    "strength.news.up": Message("Two good sessions in a row: these exercises go one step harder (more reps or a little "
                                "more load).", "{verdicts}"),
    "strength.news.up_planned": Message("Planned step up. Take it only if your last two sessions of the exercise reached "
                                        "1 more rep than asked, with little pain (see the traffic light) and no worse "
                                        "next morning; if not, stay at the last dose.", "{verdicts}"),
    "strength.news.hold": Message("These exercises stay at the same dose until you have two good sessions in a row.",
                                  "{verdicts}"),
    "strength.news.down": Message("Pain went over the limit for strength work: these exercises go one step easier (at "
                                  "the easiest step, use a smaller range or the easier version on the card).", "{verdicts}"),
    "strength.step_to": "{done} to step {step}",
    "strength.logged_on": "{date}: {verdict}",
    "strength.verdict.pain": "{name}: pain {pain}/10 during the exercise",
    "strength.verdict.morning": "{name}: next morning {morning}/10, usual {usual}/10",
    "strength.verdict.reps": "{name}: {reps} reps, a step up needs {needed}",
    "strength.verdict.no_morning": "{name}: next-morning pain not recorded",
    "strength.verdict.earned": "{name}: {reps} reps, pain {pain}/10, next morning {morning}/10",
    "strength.level_up": Message("Reps and load have gone up on every exercise, so harder versions come in now.",
                                 "card level {level}; steps {steps:join ,}"),
    "strength.level_step": "{name} {step}",

    # Kit, as a runner names it.
    "strength.kit.leg_press": "leg press",
    "strength.kit.dumbbells": "weights",
    "strength.kit.step": "a step",
    "strength.kit.band": "a band",
    "strength.kit.bench": "bench",
    "strength.kit.box": "box",
    "strength.kit.kettlebell": "kettlebell",

    # The movements a week's sessions cover (R51), and the same movements when a block leaves them out.
    "strength.covers.squat": "controlled squats",
    "strength.covers.step_down": "step-downs",
    "strength.covers.single_leg_bridge": "single-leg bridges",
    "strength.covers.hinge": "hip hinges",
    "strength.covers.hip_abduction": "hip abduction",
    "strength.covers.hip_adduction": "hip adduction",
    "strength.covers.calf": "calf raises",
    "strength.left_out.squat": "squats",
    "strength.left_out.step_down": "step-downs",
    "strength.left_out.single_leg_bridge": "single-leg bridges",
    "strength.left_out.hinge": "hip hinges",
    "strength.left_out.hip_abduction": "hip abduction",
    "strength.left_out.hip_adduction": "hip adduction",
    "strength.left_out.calf": "calf raises",

    # What bothers the knee, as the runner's profile names it.
    "strength.aggravator.stairs": "stairs",
    "strength.aggravator.downhill": "downhill",
    "strength.aggravator.prolonged_sitting": "prolonged sitting",
    "strength.aggravator.squatting": "squatting",
    "strength.aggravator.hills": "hills",
    "strength.aggravator.kneeling": "kneeling",
    "strength.aggravator.jumping": "jumping",
    "strength.aggravator.running": "running",
}
