"""Turn planning decisions into Session objects, each with its reasons and daily-readiness choice."""

from __future__ import annotations

from plangen.document.plan import PAIN_PROMPTS, ExerciseDose, Intervals, Readiness, Reason, Session
from plangen.planner.reasons import reason
from plangen.planner.stages import Stage

CROSS_ORDER = ("pool_running", "swimming", "cycling", "elliptical")  # R33: least knee load first


def walk_run(stage: Stage, pace: float, units: str, cross: str, reasons: list[Reason], pick_rule: str) -> Session:
    """A walk-run (or short continuous) session at ``stage``, on flat ground at easy effort; ``pick_rule`` chooses the version."""
    run_min = stage.running_minutes
    distance = round(run_min / pace, 1)
    total = 5 + stage.repeats * (stage.jog_min + stage.walk_min) + 5
    # The intervals are data on the session; renderers write them out.
    title = f"Walk-run, stage {stage.number}" if not stage.continuous else f"Easy jog, stage {stage.number}: {_m(stage.jog_min)} without walking"
    easier = "Repeat the last stage you finished in the green, or walk briskly for the same time."
    return Session(
        kind="walk_run" if not stage.continuous else "run",
        title=title,
        stage=stage.number,
        intensity="easy",
        distance=distance,
        duration_min=total,
        rpe_target=stage.rpe,
        terrain="flat, even ground; no hills or stairs",
        intervals=stage.intervals(),
        readiness=Readiness(planned=title, easier=easier, cross_training=_cross_text(cross, total), rule=pick_rule),
        pain_prompts=list(PAIN_PROMPTS),
        reasons=reasons,
    )


def run(distance: float, pace: float, units: str, label: str, cross: str, reasons: list[Reason], pick_rule: str,
        intensity: str = "easy", walk_breaks: bool = False) -> Session:
    """A continuous run of ``distance``; with ``walk_breaks`` it is split 4 min run / 1 min walk (R28)."""
    minutes = round(distance * pace)
    intervals = Intervals(run_min=4, walk_min=1, repeats=max(1, round(minutes / 4))) if walk_breaks else None
    title = f"{label} run: {distance:g} {units}" + (" with walk breaks" if walk_breaks else "")
    easier = f"Run {round(distance * 2 / 3, 1):g} {units} with a 1-minute walk every 4 minutes."
    return Session(
        kind="walk_run" if walk_breaks else "run",
        title=title,
        intensity=intensity,  # type: ignore[arg-type]
        distance=distance,
        duration_min=minutes + (intervals.repeats if intervals else 0),
        rpe_target=3 if intensity == "easy" else 6,
        terrain="hills as planned" if intensity == "hills" else "mostly flat",
        intervals=intervals,
        readiness=Readiness(planned=title, easier=easier, cross_training=_cross_text(cross, minutes), rule=pick_rule),
        pain_prompts=list(PAIN_PROMPTS),
        reasons=reasons,
    )


def cross_training(mode: str, minutes: float, reasons: list[Reason], replaces: str | None = None) -> Session:
    title = f"{_mode_name(mode)}, {minutes:g} min easy" + (f" (instead of: {replaces})" if replaces else "")
    return Session(
        kind="cross_training", title=title, intensity="easy", duration_min=minutes, rpe_target=3,
        pain_prompts=list(PAIN_PROMPTS), reasons=reasons,
    )


def strength(doses: list[ExerciseDose], reasons: list[Reason]) -> Session:
    return Session(
        kind="strength", title=f"Strength (hip and knee), {len(doses)} exercises", duration_min=30,
        rpe_target=4, exercises=doses, pain_prompts=list(PAIN_PROMPTS), reasons=reasons,
    )


def mobility(exercises: list[ExerciseDose], reasons: list[Reason]) -> Session:
    return Session(kind="mobility", title="Mobility and recovery, about 15 min", duration_min=15,
                   exercises=exercises, reasons=reasons)


def rest(reasons: list[Reason]) -> Session:
    return Session(kind="rest", title="Rest day: an easy walk is fine, sleep well", reasons=reasons)


def with_drills(session: Session, warmup: list[ExerciseDose], cooldown: list[ExerciseDose]) -> Session:
    """Add warm-up drills and the cool-down to a run session."""
    return session.model_copy(update={"exercises": [*warmup, *session.exercises, *cooldown]})


def pick_cross(options: tuple[str, ...]) -> str:
    """The runner's lowest-knee-load option; brisk walking if they have none."""
    for mode in CROSS_ORDER:
        if mode in options:
            return mode
    return "brisk_walk"


def substitute_reason(data: str) -> Reason:
    """Why a run became cross-training; ``data`` says which red session forced it, so it is private."""
    return reason("R33", "A run swapped for non-impact cardio of the same or shorter time keeps fitness while the knee settles.", data, private="data")


def _cross_text(mode: str, minutes: float) -> str:
    return f"{_mode_name(mode)} for {round(minutes):g} min at an easy effort, same pain rules"


def _mode_name(mode: str) -> str:
    return {"pool_running": "Pool running", "swimming": "Swimming", "cycling": "Cycling",
            "elliptical": "Elliptical", "brisk_walk": "Brisk walk"}.get(mode, mode.replace("_", " ").capitalize())


def _m(minutes: float) -> str:
    return f"{minutes:g} min"
