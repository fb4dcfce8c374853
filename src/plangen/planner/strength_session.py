"""One strength session: exercises that fit the runner (R51), holds first for an irritable knee (R50), doses and reasons."""

from __future__ import annotations

import datetime as dt

from plangen.document.plan import ExerciseDose, Reason, Session
from plangen.planner import sessions as mk
from plangen.planner.context import Context
from plangen.planner.lifts import Lifts
from plangen.planner.reasons import reason
from plangen.planner.screening import irritable_knee
from plangen.planner.strength import COVERED, dose, kit_stage, minutes, owned, strength_block, uncovered
from plangen.sources.exercise_models import Exercise
from plangen.sources.models import LogEntry


FEWEST = 4  # R51: a session holds 4-6 exercises
HOLD_STAGES = (2, 3)  # card steps that dose a hold at 5 x 30-45 s (R50)
_KIT_WORDS = {"leg_press": "leg press", "dumbbells": "weights", "step": "a step", "band": "a band", "bench": "bench",
              "box": "box", "kettlebell": "kettlebell"}
_WHY_LEFT_OUT = {"step_down": "step-downs", "hinge": "hip hinges", "squat": "squats", "calf": "calf raises",
                 "single_leg_bridge": "single-leg bridges", "hip_abduction": "hip abduction", "hip_adduction": "hip adduction"}


def strength_session(ctx: Context, lifts: Lifts, number: int, day: dt.date) -> Session:
    """The day's session: a card per slot, dosed at each exercise's step, trimmed to the time limit."""
    index = sum(1 for i in ctx.shape.strength_days if i < day.weekday())
    holds = holds_day(ctx, day)
    kit = ctx.profile.equipment
    other = strength_block(ctx.pool, index + 1, lifts.level, set(), kit, holds) if len(ctx.shape.strength_days) > 1 else []
    chosen = strength_block(ctx.pool, index, lifts.level, {ex.id for ex in other} if index % 2 else set(), kit, holds)
    kit = owned(ctx.profile.equipment)
    doses = _within_time([_dose(ex, lifts, holds, kit) for ex in chosen], ctx)
    picked = [ex for ex in chosen if ex.id in {d.id for d in doses}]
    reasons = [*_dose_reasons(ctx, lifts, number, picked, doses), _choice_reason(ctx, picked),
               *_holds_reasons(ctx, holds), *_kit_reasons(picked, lifts, kit), *lifts.take_news(d.id for d in doses)]
    return mk.strength(doses, reasons, settings=ctx.settings).model_copy(update={"duration_min": minutes(doses, ctx.library)})


def _dose(ex: Exercise, lifts: Lifts, holds: bool, kit: frozenset[str]) -> ExerciseDose:
    stage = lifts.stage(ex.id)
    if holds and ex.movement == "knee_hold":
        stage = min(max(stage, HOLD_STAGES[0]), HOLD_STAGES[1])
    return dose(ex, kit_stage(ex, stage, kit), "main")


def _kit_reasons(chosen: list[Exercise], lifts: Lifts, kit: frozenset[str]) -> list[Reason]:
    """R32: an exercise whose next step needs kit the runner lacks stays at its bodyweight step, and says so."""
    held = {ex.name: sorted(set(ex.dose(lifts.stage(ex.id)).needs) - kit)
            for ex in chosen if kit_stage(ex, lifts.stage(ex.id), kit) < min(lifts.stage(ex.id), 4)}
    if not held:
        return []
    missing = sorted({_KIT_WORDS.get(k, k) for kit_needed in held.values() for k in kit_needed})
    text = (f"Without {' or '.join(missing)}, {', '.join(held)} stay at the last step you can do with what you have: "
            "slower lowering and full control first. A harder bodyweight exercise comes in when every exercise has moved on.")
    data = "; ".join(f"{name}: next step needs {', '.join(_KIT_WORDS.get(k, k) for k in needed)}" for name, needed in held.items())
    return [reason("R32", text, data, facts={"held": len(held), "missing": ", ".join(missing)})]


def _within_time(doses: list[ExerciseDose], ctx: Context) -> list[ExerciseDose]:
    """Drop the last slots while the session runs over the time limit, keeping at least 4 exercises (R51)."""
    limit = ctx.settings.strength_session_max_min
    while len(doses) > FEWEST and minutes(doses, ctx.library) > limit:
        doses = doses[:-1]
    return doses


def _dose_reasons(ctx: Context, lifts: Lifts, number: int, chosen: list[Exercise], doses: list[ExerciseDose]) -> list[Reason]:
    steps = ", ".join(f"{d.name} step {d.stage}" for d in doses)
    return [
        reason("R32", "Each session has a hip (side of the hip) exercise and a thigh (quads) exercise.", ", ".join(e.name for e in chosen)),
        reason("R31", "2-3 strength sessions a week, 8-12 slow reps, lowering over 2-3 seconds. "
               f"An exercise steps up after two sessions at 1 more rep than asked, with pain {ctx.settings.strength_pain_max:g}/10 or less and no worse next morning.",
               f"week {number}: cards up to level {lifts.level}; {steps}", "strength_sessions_per_step"),
    ]


def _choice_reason(ctx: Context, chosen: list[Exercise]) -> Reason:
    """R51: which of the runner's kit and aggravators steered the choice, and what the block leaves out."""
    kit = [_KIT_WORDS[k] for k in ctx.profile.equipment if k in _KIT_WORDS]
    used = sorted({_KIT_WORDS[k] for ex in chosen for k in ex.equipment if k in _KIT_WORDS})
    data = f"your equipment: {', '.join(kit) or 'none beyond home basics'}; used today: {', '.join(used) or 'body weight'}"
    missing = [_WHY_LEFT_OUT[m] for m in uncovered(ctx.pool) if m in _WHY_LEFT_OUT]
    if missing:
        agg = ", ".join(a.replace("_", " ") for a in ctx.profile.symptoms.aggravators)
        data += f"; left out: {', '.join(missing)} ({'they load what bothers you: ' + agg if agg else 'they need equipment you do not have'})"
    movements = ", ".join(COVERED.values())
    text = (f"Exercises are picked for your equipment and what bothers your knee. Over each week the two sessions cover "
            f"{movements}. Sessions hold {FEWEST}-6 exercises and last at most {ctx.settings.strength_session_max_min:g} minutes.")
    return reason("R51", text, data, "strength_session_max_min")


def holds_day(ctx: Context, day: dt.date) -> bool:
    """R50: an irritable knee does holds until isometric_weeks have passed since the plan began or holds last hurt too much."""
    first = ctx.start or day
    if not irritable_why(ctx):
        return False
    sore = [d for d, items in ctx.entries.items() if first <= d < day and _worst_exercise_pain(items) > ctx.settings.isometric_pain_max]
    anchor = max([first, *(d + dt.timedelta(days=1) for d in sore)])
    return (day - anchor).days < 7 * ctx.settings.isometric_weeks


def irritable_why(ctx: Context) -> str:
    first = ctx.start
    if first is None:
        return ""
    recent = [e for d, items in ctx.entries.items() if first - dt.timedelta(days=14) <= d < first for e in items]
    return irritable_knee(ctx.profile, recent, ctx.settings)


def _worst_exercise_pain(entries: list[LogEntry]) -> int:
    return max((x.pain for e in entries for x in e.exercises if x.pain is not None), default=0)


def _holds_reasons(ctx: Context, holds: bool) -> list[Reason]:
    why = irritable_why(ctx)
    if not why:
        return []
    limit, weeks = ctx.settings.isometric_pain_max, ctx.settings.isometric_weeks
    if holds:
        text = (f"Your knee is irritable, so the thigh exercise is a still hold (5 x 30-45 s) in a shallow range, with pain "
                f"{limit:g}/10 or less. Holds often ease pain. Moving exercises start after {weeks:g} week(s) of holds at that level.")
        return [reason("R50", text, why, "isometric_pain_max", "answer")]
    text = (f"After holds at {limit:g}/10 or less, the thigh exercises move through a range again. "
            f"If they hurt over {limit:g}/10, go back to the holds for a week.")
    return [reason("R50", text, why, "isometric_weeks", "answer")]
