"""Turn planning decisions into Session objects, each with its reasons and the day's options."""

from __future__ import annotations

import datetime as dt

from plangen.document.plan import PAIN_PROMPTS, DayOptions, ExerciseDose, Intervals, Reason, Session
from plangen.planner.reasons import explain
from plangen.planner.stages import Stage
from plangen.rules import Settings
from plangen.wording import say

CROSS_ORDER = ("pool_running", "swimming", "cycling", "elliptical")  # R33: least knee load first
WALK_BREAK = Intervals(run_min=4, walk_min=1, repeats=1)  # R28: a run with walk breaks, 4 min run / 1 min walk
MOBILITY_MIN = 15


def walk_run(stage: Stage, pace: float, cross: str, reasons: list[Reason], pick_rule: str, *,
             settings: Settings) -> Session:
    """A walk-run (or short continuous) session at ``stage``, on flat ground at easy effort; ``pick_rule`` chooses the version."""
    run_min = stage.running_minutes
    distance = round(run_min / pace, 1)
    total = 5 + stage.repeats * (stage.jog_min + stage.walk_min) + 5
    # The intervals are data on the session; renderers write them out.
    title = say("runs.title.jog" if stage.continuous else "runs.title.walk_run", settings, stage=stage.number,
                jog_min=stage.jog_min)
    easier = say("runs.easier.walk_run", settings)
    return Session(
        kind="walk_run" if not stage.continuous else "run",
        title=title,
        stage=stage.number,
        intensity="easy",
        distance=distance,
        duration_min=total,
        rpe_target=stage.rpe,
        terrain=say("runs.terrain.walk_run", settings),
        intervals=stage.intervals(),
        options=DayOptions(planned=title, easier=easier, cross_training=_cross_text(cross, total, settings), rule=pick_rule),
        pain_prompts=list(PAIN_PROMPTS),
        reasons=reasons,
    )


def run(distance: float, pace: float, units: str, label: str, cross: str, reasons: list[Reason], pick_rule: str,
        intensity: str = "easy", walk_breaks: bool = False, *, settings: Settings) -> Session:
    """A continuous run of ``distance``, titled with ``label`` (the catalogue's runs.label words); with ``walk_breaks``
    it is split 4 min run / 1 min walk (R28)."""
    minutes = round(distance * pace)
    repeats = max(1, round(minutes / WALK_BREAK.run_min))
    intervals = WALK_BREAK.model_copy(update={"repeats": repeats}) if walk_breaks else None
    title = say("runs.title.run_walk_breaks" if walk_breaks else "runs.title.run", settings, label=label,
                distance=distance, units=units)
    easier = say("runs.easier.run", settings, distance=round(distance * 2 / 3, 1), units=units,
                 run_min=WALK_BREAK.run_min, walk_min=WALK_BREAK.walk_min)
    return Session(
        kind="walk_run" if walk_breaks else "run",
        title=title,
        intensity=intensity,  # type: ignore[arg-type]
        distance=distance,
        duration_min=minutes + (intervals.repeats if intervals else 0),
        rpe_target=3 if intensity == "easy" else 6,
        terrain=say("runs.terrain.hills" if intensity == "hills" else "runs.terrain.flat", settings),
        intervals=intervals,
        options=DayOptions(planned=title, easier=easier, cross_training=_cross_text(cross, minutes, settings), rule=pick_rule),
        pain_prompts=list(PAIN_PROMPTS),
        reasons=reasons,
    )


def cross_training(mode: str, minutes: float, reasons: list[Reason], replaces: str | None = None, *,
                   settings: Settings) -> Session:
    """Easy non-impact cardio; ``replaces`` names, in words, the session it stands in for."""
    title = say("runs.title.cross_instead" if replaces else "runs.title.cross", settings,
                mode=_mode_name(mode, settings), minutes=minutes, replaces=replaces)
    return Session(
        kind="cross_training", title=title, intensity="easy", duration_min=minutes, rpe_target=3,
        pain_prompts=list(PAIN_PROMPTS), reasons=reasons,
    )


def strength(doses: list[ExerciseDose], reasons: list[Reason], *, settings: Settings) -> Session:
    return Session(
        kind="strength", title=say("runs.title.strength", settings, exercises=len(doses)), duration_min=30,
        rpe_target=4, exercises=doses, pain_prompts=list(PAIN_PROMPTS), reasons=reasons,
    )


def mobility(exercises: list[ExerciseDose], reasons: list[Reason], *, settings: Settings) -> Session:
    return Session(kind="mobility", title=say("runs.title.mobility", settings, minutes=MOBILITY_MIN),
                   duration_min=MOBILITY_MIN, exercises=exercises, reasons=reasons)


def rest(reasons: list[Reason], *, settings: Settings) -> Session:
    return Session(kind="rest", title=say("runs.title.rest", settings), reasons=reasons)


def with_drills(session: Session, warmup: list[ExerciseDose], cooldown: list[ExerciseDose]) -> Session:
    """Add warm-up drills and the cool-down to a run session."""
    return session.model_copy(update={"exercises": [*warmup, *session.exercises, *cooldown]})


def pick_cross(options: tuple[str, ...]) -> str:
    """The runner's lowest-knee-load option; brisk walking if they have none."""
    for mode in CROSS_ORDER:
        if mode in options:
            return mode
    return "brisk_walk"


def substitute_reason(rest_until: dt.date, settings: Settings) -> Reason:
    """Why a run became cross-training; its data say which red session forced it, so they are private."""
    return explain("R33", "runs.red.substitute", settings, private="data", rest_until=rest_until)


def _cross_text(mode: str, minutes: float, settings: Settings) -> str:
    return say("runs.cross_option", settings, mode=_mode_name(mode, settings), minutes=round(minutes))


def _mode_name(mode: str, settings: Settings) -> str:
    return say(f"runs.mode.{mode}", settings)
