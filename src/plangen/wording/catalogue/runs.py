"""Words for runs, walk-run sessions and the starting point (sessions, run sizes, progress, baseline)."""

from plangen.wording.message import Catalogue, Message

# Both ways the starting volume is read from the log say the same thing; only their data differ.
_GREEN_START = "Starting volume is your green (pain-free) running in the better of the last two weeks."

MESSAGES: Catalogue = {
    # The starting point (R17, R19, R20, R27, R34, R48).
    "runs.baseline.profile_weekly": Message("Starting weekly volume is the pain-free volume in the profile.",
                                            "{volume:g} {units}"),
    "runs.baseline.green_weeks": Message(_GREEN_START, "week of {week_start}: {green_runs:count green run|green runs}, {volume:g} {units}"),
    "runs.baseline.no_green_weeks": Message(_GREEN_START, "no green runs in the last 2 weeks"),
    "runs.baseline.longest_30d": Message("Longest run in the 30 days before the plan sets the single-run cap.",
                                         "{longest:g} {units}"),
    "runs.baseline.no_recent_run": Message("No run logged in the last 30 days.", "profile says {longest:g} {units}"),
    "runs.baseline.cadence_profile": Message("Cadence from the profile.", "{cadence} steps per minute"),
    "runs.baseline.cadence_watch": Message("Cadence measured by your watch.",
                                           "median of {easy_runs} easy runs from your watch: {cadence} steps per minute"),
    "runs.baseline.cadence_unknown": Message("No cadence known, so no step-rate target is set.",
                                             "count your steps for 30 s and double it"),
    "runs.cadence_kept": Message("Your step rate is already {cadence} steps a minute ({cadence_no_change_min:g} or more), "
                                 "so the plan does not change it; the form cues stay.", "{cadence} steps per minute"),

    # Reasons every plan carries (R4, R5, R7).
    "runs.standing.strength": Message("Hip and knee strength work is the core of the plan.", "2-3 sessions a week"),
    "runs.standing.education": Message("Knowing how to manage load and pain works as well as any single treatment.",
                                       "traffic light on every session"),
    "runs.standing.active": Message("Active recovery works best: the plan keeps you moving, with no machines, needles "
                                    "or lay-offs."),

    # Walk-run (R14, R16, R47).
    "runs.walk_run.exit": Message("Walk-run ends at stage {exit_stage}, once runs without walk breaks cover your weekly goal.",
                                  "goal {goal:g} {units} a week is about {goal_min:.0f} min; {runs} runs of about "
                                  "{run_min:.0f} min cover it"),
    "runs.walk_run.session": Message("Walk-run stage {stage}: move on after {greens_to_move_up} green sessions at a stage.",
                                     "stage {stage}, {greens} green so far"),
    "runs.walk_run.week": Message("Walk-run week at stage {stage}: move up a stage after {greens_to_move_up} green "
                                  "sessions in a row.", "stage {stage}"),
    "runs.walk_run.flat": Message("Flat ground and easy effort only while walk-running.", "target effort {rpe}/10"),
    "runs.walk_run.goal_share": Message("Your weekly goal is small, so each walk-run session stops at your share of it; "
                                        "the stage still makes each running bout longer.",
                                        "goal {goal:g} {units} a week over {sessions} sessions: at most {limit_min:.0f} "
                                        "min of running a session"),

    # Run sizes (R19, R40).
    "runs.cap.single": Message("No run is longer than {single_run_cap:g} x your longest run in the 30 days before this "
                               "week (runs earlier this week do not count).", "cap {cap:.1f} {units}"),
    "runs.cap.long": Message("Your longest run grows at most {long_run_increase_max:pct} from one week to the next.",
                             "last week's longest run x {long_run_factor:g} = {cap:.1f} {units}"),

    # Red sessions and Stage 0 (R26, R29, R44).
    "runs.red.wait": Message("Red session: no running for at least {red_wait_hours:g} hours, then a shorter, easier run.",
                             "red on {day}"),
    "runs.red.next_run": Message("After a red run, the next run is no longer than your last green one.",
                                 "{last_green_run:g} {units}"),
    "runs.red.substitute": Message("A run swapped for non-impact cardio of the same or shorter time keeps fitness while "
                                   "the knee settles.", "red session; no running before {rest_until}"),
    "runs.stage_zero.start": Message("{red_sessions} red sessions in {window_days} days: no running for at least "
                                     "{stage0_days:g} days. Keep strength, mobility and non-impact cardio with the same "
                                     "pain rules, see a clinician, then start walk-run again at stage {restart_stage}.",
                                     "{red_sessions} reds, last on {last_red}"),
    "runs.stage_zero.run_day": Message("Stage 0: no running this week. Do this non-impact cardio instead, with the same "
                                       "pain rules.", "no running before {no_running_until}"),
    "runs.stage_zero.week": Message("No running this week after repeated red sessions: strength, mobility and "
                                    "non-impact cardio.", "no running before {no_running_until}"),
    "runs.stage_zero.over": Message("After the days without running: walk-run at stage {restart_stage}, once your "
                                    "next-morning pain is back to usual and brisk walking does not hurt.",
                                    "no running since Stage 0 began; back from {week_start}"),
    "runs.not_yet": Message("No running yet: strength and non-impact cardio until the readiness tests are passed."),
    "runs.error.no_start": "a plan needs a start date or a log to start after",

    # Why a build week is held or steps back (the {why} of the load messages, R27).
    "runs.why.red_session": "red session on {day}",
    "runs.why.ambers": "{ambers:count amber session|amber sessions}",
    "runs.why.morning_up": "next-morning pain up {rise} points",
    "runs.why.no_runs": "no runs logged",
    "runs.why.morning_missing": "next-morning pain not logged",

    # The days around the runs (R5, R33).
    "runs.day.rest": Message("Rest is part of training: one lighter day a week."),
    "runs.day.mobility": Message("Mobility and recovery on days without running or strength."),
    "runs.day.cross": Message("Easy non-impact cardio keeps your fitness while running is held back.", "{mode}"),

    # Clinician-review lines and warnings (R3, R22, R29, R44).
    "runs.review.no_drop": "Your worst pain has not dropped by {points} points by week {review_week:g}: book a clinician review.",
    "runs.review.two_reds": "{reds} red sessions within {window_days} days (last {day:date}): book a clinician review.",
    "runs.review.stage_zero": ("{reds} red sessions within {window_days} days (last {day:date}): running stops; see a clinician "
                               "before walk-run starts again."),
    "runs.warning.monotony": ("Week {week}: every day is about as hard as the next (monotony above {monotony_max:g}); "
                              "keep the rest day easy."),

    # Sessions: titles, the easier version, the cardio option, the ground.
    "runs.title.walk_run": "Walk-run, stage {stage}",
    "runs.title.jog": "Easy jog, stage {stage}: {jog_min:g} min without walking",
    "runs.title.run": "{label} run: {distance:g} {units}",
    "runs.title.run_walk_breaks": "{label} run: {distance:g} {units} with walk breaks",
    "runs.title.cross": "{mode}, {minutes:g} min easy",
    "runs.title.cross_instead": "{mode}, {minutes:g} min easy (instead of: {replaces})",
    "runs.title.strength": "Strength (hip and knee), {exercises} exercises",
    "runs.title.mobility": "Mobility and recovery, about {minutes} min",
    "runs.title.rest": "Rest day: an easy walk is fine, sleep well",
    "runs.easier.walk_run": "Repeat the last stage you finished in the green, or walk briskly for the same time.",
    "runs.easier.run": "Run {distance:g} {units} with a {walk_min}-minute walk every {run_min} minutes.",
    "runs.cross_option": "{mode} for {minutes:g} min at an easy effort, same pain rules",
    "runs.replaces.run": "today's run",
    "runs.terrain.walk_run": "flat, even ground; no hills or stairs",
    "runs.terrain.hills": "hills as planned",
    "runs.terrain.flat": "mostly flat",

    # Cardio by mode, and a run's label by its kind (the first words of its title).
    "runs.mode.pool_running": "Pool running",
    "runs.mode.swimming": "Swimming",
    "runs.mode.cycling": "Cycling",
    "runs.mode.elliptical": "Elliptical",
    "runs.mode.brisk_walk": "Brisk walk",
    "runs.label.long": "Long easy",
    "runs.label.easy": "Easy",
    "runs.label.race": "Race",
    "runs.label.strides": "Strides",
    "runs.label.tempo": "Tempo",
    "runs.label.hills": "Hills",
}
