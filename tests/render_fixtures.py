"""Hand-built plans, runner inputs and a stand-in exercise library for the renderer tests."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from plangen.sources.models import Profile, TrainingLog
from plangen.document.plan import (
    Actual,
    Baseline,
    Contingency,
    DayOptions,
    Day,
    ExerciseDose,
    Intervals,
    PainPattern,
    Plan,
    Reason,
    Referral,
    Session,
    Setting,
    Week,
    WeekTotal,
)
from plangen.sources.exercise_models import Dose, Exercise, Library, Pose
from plangen.sources.runner import RunnerInput

START = dt.date(2026, 12, 7)
HOSTILE_NAME = '<script>alert(1)</script>" onmouseover="alert(2)'
HOSTILE_NOTES = 'Call me <img src=x onerror=alert(3)> or javascript:alert(4) "quoted" & more'
HOSTILE_LOG_NOTE = "<b>felt it</b> on the downhill <script>alert(5)</script>"


def dose(step: int, **amounts: Any) -> Dose:
    """A card's dose at ``step``: 3 x 10 reps, lowered over 3 s, 90 s rest, unless ``amounts`` says otherwise."""
    return Dose.model_validate({"step": step, "sets": 3, "reps": 10, "tempo": "3-1-1", "rest_s": 90, **amounts})


def card(card_id: str, name: str, **fields: Any) -> Exercise:
    """A real, validated card with plain stand-in words and one real card's drawing (held as data, like the library)."""
    return Exercise.model_validate({
        "id": card_id, "name": name, "category": "strength", "level": 1, "roles": ("hip_extensor",),
        "targets": ("hip",), "muscles": ("glutes",), "dosage": tuple(dose(s) for s in (1, 2, 3, 4)),
        "easier": None, "harder": None,
        "cues": ("Keep your kneecap over your second toe", "Lower slowly", "Breathe out as you push"),
        "faults": ({"fault": "Knee falls in", "fix": "Push the knee out over the little toe"},
                   {"fault": "Hips drop", "fix": "Squeeze your buttock first"}),
        "pain_rule": "Up to 5 out of 10 is fine if it settles within an hour and is not worse next morning.",
        "pose": _real_pose(), "body": "1. Lie on your back with knees bent.\n2. Lift your hips.\n", **fields,
    })


def stand_in_library() -> Library:
    """Enough cards for the real planner to fill every strength slot, plus one card no plan uses."""
    return Library([
        card("glute-bridge", movement="bridge", name="Glute bridge", roles=("hip_extensor",), harder="single-leg-bridge"),
        card("single-leg-bridge", movement="single_leg_bridge", name="Single-leg bridge", level=2, roles=("hip_extensor", "hamstring"),
             easier="glute-bridge", harder="hip-thrust"),
        card("side-lying-hip-abduction", movement="hip_abduction", name="Side-lying hip lift", roles=("hip_abductor",),
             targets=("hip",), muscles=("gluteus medius",)),
        card("clamshell", movement="hip_abduction", name="Clamshell", roles=("hip_external_rotator", "hip_abductor"), equipment=("band",)),
        card("step-down", movement="step_down", name="Forward step-down", level=2, roles=("knee_extensor",), equipment=("step",),
             targets=("knee",), muscles=("quadriceps",), easier="wall-sit"),
        card("wall-sit", movement="knee_hold", name="Wall sit", roles=("knee_extensor",),
             dosage=tuple(dose(s, reps=None, hold_s=30) for s in (1, 2, 3, 4))),
        card("calf-raise", movement="calf", name="Calf raise", roles=("calf",), targets=("calf",), muscles=("calves",)),
        card("hamstring-curl", movement="hamstring", name="Hamstring bridge walk-out", roles=("hamstring",)),
        card("dead-bug", movement="trunk", name="Dead bug", roles=("trunk",), targets=("trunk",)),
        card("hip-flexor-stretch", "Hip flexor stretch", category="mobility", roles=("mobility",),
             dosage=tuple(dose(s, reps=None, hold_s=30, tempo=None) for s in (1, 2, 3, 4))),
        card("leg-marches", "Fast leg marches", category="drill", roles=("warmup",),
             dosage=tuple(dose(s, sets=2, reps=None, duration_s=20, tempo=None) for s in (1, 2, 3, 4))),
        card("hip-thrust", movement="bridge", name="Hip thrust", level=3, roles=("hip_extensor",), equipment=("bench", "dumbbells")),
    ])


@functools.cache
def _real_pose() -> Pose:
    """One real card's pose, so the stand-in cards get a real drawing from the real figure code."""
    from plangen.resources import content_dir
    from plangen.sources.library import load_library

    return load_library(content_dir(Path(__file__).resolve().parents[1]))["glute-bridge"].pose


def runner(name: str | None = "Sam Rivera", notes: str | None = "Avoid hills for the first three weeks.",
           anonymous: bool = False, slug: str = "sam", age: int | None = 34) -> RunnerInput:
    profile = Profile.model_validate({
        "id": slug,
        "runner": {"name": name, "age": age, "knee": "left"},
        "start": START,
        "weeks": 8,
        "availability": {"run_days": ["mon", "wed", "sat"], "strength_days": ["tue", "thu"]},
        "goal": {"weekly_distance": 30, "event": {"name": "Harbour 10K", "date": dt.date(2027, 3, 14), "distance": 10}},
        "clinician": {"name": "A. Physio", "clinic": "Harbour Sports Physio", "contact": "+44 20 0000 0000", "notes": notes},
        "anonymous": anonymous,
    })
    return RunnerInput(profile, TrainingLog(), Path(f"profiles/{slug}.yaml"), None)


def reason(rule: str, text: str, data: str = "", source: str = "Willy 2019 CPG") -> Reason:
    return Reason(rule=rule, text=text, data=data, source=source)


def _day_options() -> DayOptions:
    return DayOptions(planned="The walk-run as written", easier="Two fewer run blocks, more walking",
                     cross_training="30 min easy cycling", rule="Morning pain above your usual by 2 or more: cross-train")


def walk_run(day: dt.date, stage: int = 4) -> Session:
    return Session(kind="walk_run", title="Walk-run", intensity="easy", distance=3.0, duration_min=30, rpe_target=4,
                   terrain="flat", stage=stage, intervals=Intervals(run_min=2, walk_min=3, repeats=4),
                   options=_day_options(), pain_prompts=["during", "after_60_min", "next_morning"],
                   reasons=[reason("R14", "Stage 4: two green sessions at stage 3", "pain 1, 2")])


def run(day: dt.date, km: float, intensity: str = "easy", title: str = "Easy run") -> Session:
    return Session(kind="run", title=title, intensity=intensity, distance=km, duration_min=km * 6.5, rpe_target=4,
                   terrain="flat", options=_day_options(), pain_prompts=["during", "after_60_min", "next_morning"])


def strength(stage: int = 1, **extra: Any) -> Session:
    doses = [
        ExerciseDose(id="clamshell", name="Clamshell", sets=3, reps=12, tempo="2-1-1", load="light band", part="main"),
        ExerciseDose(id="step-down", name="Forward step-down", level=2, sets=3, reps=8 + stage, tempo="3-1-1", part="main"),
        ExerciseDose(id="wall-sit", sets=3, hold_s=30, part="main"),
        ExerciseDose(id="not-in-library", name="Mystery move", sets=2, reps=10),
    ]
    return Session(kind="strength", title="Hip and knee strength", duration_min=30, exercises=doses,
                   pain_prompts=["during", "after_60_min", "next_morning"],
                   reasons=[reason("R32", "Hip and knee exercises together", **extra)])


def cross() -> Session:
    return Session(kind="cross_training", title="Easy cycling", intensity="easy", duration_min=30, rpe_target=4)


def mobility() -> Session:
    return Session(kind="mobility", title="Mobility and foam rolling", duration_min=15,
                   exercises=[ExerciseDose(id="hip-flexor-stretch", sets=2, hold_s=30)])


def rest() -> Session:
    return Session(kind="rest", title="Rest day: easy walking is fine")


def _days(start: dt.date, sessions: list[list[Session]], done: dict[int, list[Actual]] | None = None) -> list[Day]:
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return [Day(date=start + dt.timedelta(days=i), weekday=names[i], sessions=s, done=(done or {}).get(i, []))
            for i, s in enumerate(sessions)]


def week(number: int, phase: str, sessions: list[list[Session]], done: dict[int, list[Actual]] | None = None,
         **extra: Any) -> Week:
    start = START + dt.timedelta(days=7 * (number - 1))
    base: dict[str, Any] = {
        "number": number, "start": start, "phase": phase, "running_distance": 9.5, "running_minutes": 60,
        "longest_run": 4.0, "cadence_target": 170,
        "focus": ["Kneecaps in line with your toes", "Tall posture, slight lean from the hips"],
        "progress_check": ["Two green walk-runs at this stage"], "flare_rules": ["Amber twice: repeat this week"],
        "change": "Run blocks go from 2 to 3 minutes",
        "reasons": [reason("R20", "Weekly volume up at most 10%", "last week 8.6 km", "Nielsen 2014")],
        "days": _days(start, sessions, done),
    }
    base.update(extra)
    return Week(**base)


def _common(**extra: Any) -> dict[str, Any]:
    baseline = Baseline(weekly_distance=14.0, longest_run_30d=6.0, longest_pain_free_run_14d_min=5.0, cadence=162,
                        last_run=START - dt.timedelta(days=3), days_since_last_run=3,
                        pain=PainPattern(worst_during=3, worst_after=3, worst_next_morning=1, trend="improving",
                                         aggravators=["stairs", "downhill"], painful_runs_30d=2),
                        recent_weeks=[WeekTotal(start=START - dt.timedelta(days=14), distance=12.0, runs=3)],
                        acwr=1.1, reasons=[reason("R19", "Pain-free volume from the log", HOSTILE_LOG_NOTE)])
    data: dict[str, Any] = {
        "plangen_version": "0.1.0", "id": "sam", "units": "km", "start": START, "status": "plan", "baseline": baseline,
        "contingencies": [Contingency(when="Pain 5 or more during a run", do="Stop and walk home", rule="R26"),
                          Contingency(when="Two amber sessions in a week", do="Repeat the week", rule="R27")],
        "settings": [Setting(key="green_max", value=2, default=2, overridden=False, rule="R11",
                             meaning="Green pain ceiling")],
        "reasons": [reason("R4", "Hip and knee strength in every week")],
    }
    data.update(extra)
    return data


def full_plan() -> Plan:
    """Walk-run (logged, amber), build, deload and intensity weeks with every session kind."""
    done = {0: [Actual(activity="walk_run", distance=2.8, duration_min=30, zone="amber", pain_during=3, pain_after=2,
                       pain_next_morning=1)],
            2: [Actual(activity="walk_run", distance=3.0, duration_min=31.5, zone="green", pain_during=1)]}
    d0 = START
    weeks = [
        week(1, "walk_run", [[walk_run(d0)], [strength(1)], [walk_run(d0)], [strength(1)], [mobility()], [walk_run(d0)],
                             [rest()]], done=done, stage=4, zone="amber"),
        week(2, "build", [[run(d0, 4)], [strength(2)], [cross()], [strength(2)], [mobility(), cross()], [run(d0, 5)], []],
             running_distance=12.0, running_minutes=78, longest_run=5.0, zone=None),
        week(3, "deload", [[run(d0, 3)], [strength(2)], [], [strength(2)], [], [run(d0, 4)], [rest()]],
             running_distance=8.0, running_minutes=52, cadence_target=None, change=None),
        week(4, "intensity", [[run(d0, 4, "strides", "Easy run with strides")], [strength(3)], [run(d0, 4)],
                              [strength(3)], [], [run(d0, 6)], []], running_distance=14.0, running_minutes=91),
    ]
    return Plan(weeks=weeks, clinician_review=["Pain has lasted 6 weeks"], warnings=["No cadence logged"], **_common())


def no_running_plan() -> Plan:
    weeks = [week(n, "no_running", [[cross()], [strength(1)], [mobility()], [strength(1)], [cross()], [], [rest()]],
                  running_distance=0, running_minutes=0, longest_run=0, cadence_target=None, stage=None)
             for n in (1, 2, 3, 4)]
    return Plan(**_common(status="no_running", weeks=weeks, clinician_review=["Pain at rest 4/10"]))


def referral_plan(urgency: str = "days") -> Plan:
    return Plan(**_common(status="referral", weeks=[], contingencies=[],
                          referral=Referral(urgency=urgency, reasons=["Your knee gives way", HOSTILE_LOG_NOTE])))


def hostile_plan() -> Plan:
    """Untrusted text (as if quoted from a log note) in every free-text field a renderer shows."""
    plan = full_plan()
    first = plan.weeks[0]
    day = first.days[0].model_copy(update={"sessions": [first.days[0].sessions[0].model_copy(
        update={"title": HOSTILE_LOG_NOTE, "reasons": [reason("R8", HOSTILE_LOG_NOTE, HOSTILE_LOG_NOTE)]})]})
    hostile_week = first.model_copy(update={"days": [day, *first.days[1:]], "change": HOSTILE_LOG_NOTE,
                                            "focus": [HOSTILE_LOG_NOTE]})
    return plan.model_copy(update={"weeks": [hostile_week, *plan.weeks[1:]], "warnings": [HOSTILE_LOG_NOTE],
                                   "contingencies": [Contingency(when=HOSTILE_LOG_NOTE, do=HOSTILE_LOG_NOTE)]})


PLANS = {"full": full_plan, "no_running": no_running_plan, "referral": referral_plan, "hostile": hostile_plan}


def doc(runner_input: Any, plan: Plan, library: Library | None = None, options: Any = None) -> Any:
    """The plan document the renderers read, as the build assembles it."""
    from plangen.artifacts import RenderOptions
    from plangen.document.assemble import make_document

    return make_document(runner_input, plan, library if library is not None else stand_in_library(),
                         options or RenderOptions())
