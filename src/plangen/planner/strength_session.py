"""One strength session: exercises that fit the runner (R51), holds first for an irritable knee (R50), doses and reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from plangen.document.plan import ExerciseDose, Reason, Session
from plangen.planner import sessions as mk
from plangen.planner.context import Context
from plangen.planner.lifts import Lifts
from plangen.planner.reasons import explain
from plangen.planner.screening import irritable_knee
from plangen.planner.strength import COVERED, dose, kit_step, minutes, owned, strength_block, uncovered
from plangen.sources.exercise_models import Exercise
from plangen.rules import Settings
from plangen.sources.models import LogEntry
from plangen.wording import say


FEWEST = 4  # R51: a session holds 4-6 exercises
HOLD_STEPS = (2, 3)  # card steps that dose a hold at 5 x 30-45 s (R50)
NAMED_KIT = ("leg_press", "dumbbells", "step", "band", "bench", "box", "kettlebell")  # kit with a name: strength.kit.<id>


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
               *_holds_reasons(ctx, holds), *_kit_reasons(picked, lifts, kit, ctx.settings),
               *lifts.news((d.id for d in doses), ctx.settings)]
    return mk.strength(doses, reasons, settings=ctx.settings).model_copy(update={"duration_min": minutes(doses, ctx.library)})


def _dose(ex: Exercise, lifts: Lifts, holds: bool, kit: frozenset[str]) -> ExerciseDose:
    step = lifts.step(ex.id)
    if holds and ex.movement == "knee_hold":
        step = min(max(step, HOLD_STEPS[0]), HOLD_STEPS[1])
    return dose(ex, kit_step(ex, step, kit), "main")


def _kit_reasons(chosen: list[Exercise], lifts: Lifts, kit: frozenset[str], settings: Settings) -> list[Reason]:
    """R32: an exercise whose next step needs kit the runner lacks stays at its bodyweight step, and says so."""
    held = {ex.name: sorted(set(ex.dose(lifts.step(ex.id)).needs) - kit)
            for ex in chosen if kit_step(ex, lifts.step(ex.id), kit) < min(lifts.step(ex.id), 4)}
    if not held:
        return []
    missing = sorted({k for kit_needed in held.values() for k in kit_needed})
    needs = [say("strength.kit_needs", settings, name=name, kit=needed) for name, needed in held.items()]
    return [explain("R32", "strength.kit_held", settings, missing=missing, names=list(held), needs="; ".join(needs), held=len(held))]


def _within_time(doses: list[ExerciseDose], ctx: Context) -> list[ExerciseDose]:
    """Drop the last slots while the session runs over the time limit, keeping at least 4 exercises (R51)."""
    limit = ctx.settings.strength_session_max_min
    while len(doses) > FEWEST and minutes(doses, ctx.library) > limit:
        doses = doses[:-1]
    return doses


def _dose_reasons(ctx: Context, lifts: Lifts, number: int, chosen: list[Exercise], doses: list[ExerciseDose]) -> list[Reason]:
    settings = ctx.settings
    steps = [say("strength.dose_step", settings, name=d.name, step=d.step) for d in doses]
    return [
        explain("R32", "strength.slots", settings, names=[e.name for e in chosen], exercises=[e.id for e in chosen]),
        explain("R31", "strength.dose", settings, setting="strength_sessions_per_step", steps=steps, week=number,
                level=lifts.level),
    ]


def _choice_reason(ctx: Context, chosen: list[Exercise]) -> Reason:
    """R51: which of the runner's kit and aggravators steered the choice, and what the block leaves out."""
    settings = ctx.settings
    kit = [say(f"strength.kit.{k}", settings) for k in ctx.profile.equipment if k in NAMED_KIT]
    used = sorted({say(f"strength.kit.{k}", settings) for ex in chosen for k in ex.equipment if k in NAMED_KIT})
    left_out = uncovered(ctx.pool)
    movements = [say(f"strength.covers.{move}", settings) for move in COVERED]
    return explain("R51", "strength.choice", settings, setting="strength_session_max_min", covers=movements,
                   kit_words=", ".join(kit) or say("strength.choice.no_kit", settings),
                   used_words=", ".join(used) or say("strength.choice.no_load", settings),
                   left_out_words=_left_out_words(left_out, ctx.profile.symptoms.aggravators, settings),
                   fewest=FEWEST, left_out=left_out)


def _left_out_words(left_out: list[str], aggravators: Sequence[str], settings: Settings) -> str:
    """Why the block leaves movements out: they load an aggravator, or they need kit the runner lacks."""
    if not left_out:
        return ""
    moves = [say(f"strength.left_out.{move}", settings) for move in left_out]
    bothers = [say(f"strength.aggravator.{a}", settings) for a in aggravators]
    why = say("strength.choice.aggravated", settings, aggravators=bothers) if bothers else say("strength.choice.needs_kit", settings)
    return say("strength.choice.left_out", settings, moves=moves, why=why)


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
    if holds:
        return [explain("R50", "strength.holds", ctx.settings, setting="isometric_pain_max", private="answer", why=why)]
    return [explain("R50", "strength.after_holds", ctx.settings, setting="isometric_weeks", private="answer", why=why)]
